"""The orchestrator and the public API: stage order, bad input, many documents, the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eventwire
from eventwire.errors import InputError
from eventwire.model import Document, Rejected
from eventwire.pipeline import STAGES, Stage, check_stages

README = Path(__file__).resolve().parents[1] / "README.md"


def test_stage_order_is_checked():
    check_stages()
    broken = (Stage("events", ("doc", "mentions"), ("article.events",)),) + STAGES
    with pytest.raises(ValueError, match="events"):
        check_stages(broken)


def test_code_text_returns_an_article():
    article = eventwire.code_text("Turkish troops shelled Kurdish positions in northern Syria on Friday.",
                                  published="2019-10-12")
    assert isinstance(article, eventwire.Article)
    assert article.events and article.sentences
    assert article.to_dict()["events"][0]["type"] == article.events[0].type


@pytest.mark.parametrize("text,reason", [
    ("", "empty"),
    ("\x00\x01\x02 binary \x00" * 40, "binary"),
    ("Le gouvernement a annoncé mardi de nouvelles sanctions contre le pays, selon un porte-parole "
     "du ministère des affaires étrangères à Paris.", "not-english"),
])
def test_bad_input_raises_with_a_reason(text, reason):
    with pytest.raises(InputError) as err:
        eventwire.code_text(text)
    assert err.value.reason == reason


def test_many_documents_each_come_out(pipeline):
    docs = [Document(id="ok", text="Police in Lagos arrested twelve protesters on Monday."),
            Document(id="empty", text="  "),
            Document(id="ok2", text="Chile and Peru signed a trade agreement in Lima.")]
    out = list(pipeline.code_many(docs))
    assert [getattr(o, "id") for o in out] == ["ok", "empty", "ok2"]
    assert isinstance(out[1], Rejected) and out[1].reason == "empty"
    assert out[0].events and out[2].events


def test_every_command_is_in_the_readme():
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    commands = set(re.findall(r"│ ([a-z][a-z-]+)\s{2,}", result.output))
    assert {"code", "export", "dyads", "plot", "eval", "actors"} <= commands
    readme = README.read_text()
    for command in commands:
        assert f"eventwire {command}" in readme, f"`eventwire {command}` is not documented in README.md"
