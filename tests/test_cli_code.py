"""`eventwire code`: options, outputs, messages and exit codes (0 coded, 1 rejected, 2 usage, 3 failed).

Most tests swap in the fake pipeline (eventwire.engines.fake) in this process, so they test the
command and not the NLP; the end-to-end tests use the real pipeline and skip while it cannot be
built.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventwire.runner
from eventwire.cli import app
from eventwire.engines.fake import FakePipeline

SRC = Path(__file__).resolve().parents[1] / "src"
STORY = "Paris met Berlin on Tuesday. Rome accused Oslo of stalling the talks."


@pytest.fixture()
def fake(monkeypatch):
    monkeypatch.setattr(eventwire.runner, "default_factory", lambda config: FakePipeline)


def invoke(*args, input=None):
    return CliRunner().invoke(app, ["code", *map(str, args)], input=input)


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(STORY)
    (d / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Spain praised Chile for the deal."}) + "\n")
    return d


def test_all_coded_exits_0_with_articles_on_stdout(fake, folder):
    result = invoke(folder, "--workers", "1")
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert {a["id"] for a in articles} >= {"b1"} and len(articles) == 2
    assert "documents read      2" in result.stderr and "coded               2" in result.stderr


def test_a_rejected_document_exits_1_with_one_line_on_stderr(fake, folder, tmp_path):
    (folder / "bad.txt").write_bytes(b"caf\xe9 is not utf-8 at all here")
    (folder / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    result = invoke(folder, "-o", out, "--workers", "1")
    assert result.exit_code == 1
    rejected = [line for line in result.stderr.splitlines() if line.startswith("eventwire: rejected")]
    assert len(rejected) == 2
    assert any("bad.txt: encoding:" in line for line in rejected)
    assert any("empty.txt: empty:" in line for line in rejected)
    assert len(out.read_text().splitlines()) == 2
    reasons = sorted(json.loads(x)["reason"] for x in (tmp_path / "out.rejects.jsonl").read_text().splitlines())
    assert reasons == ["empty", "encoding"]


def test_usage_errors_exit_2(fake, folder, tmp_path):
    result = invoke(tmp_path / "nope.txt")
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert invoke(folder, "--field", "colour=x").exit_code == 2
    assert invoke(folder, "--workers", "0").exit_code == 2
    assert invoke(folder, "--bogus").exit_code == 2
    out = tmp_path / "o.jsonl"
    assert invoke(folder, "-o", out, "--workers", "1").exit_code == 0
    clash = invoke(folder, "-o", out, "--events", "--workers", "1")
    assert clash.exit_code == 2 and "--no-resume" in clash.stderr


def test_a_pipeline_that_cannot_be_built_exits_3(monkeypatch, folder):
    from eventwire.errors import ModelNotFoundError

    def factory(config):
        def build():
            raise ModelNotFoundError("No English spaCy pipeline is installed (test).")
        return build

    monkeypatch.setattr(eventwire.runner, "default_factory", factory)
    result = invoke(folder, "--workers", "1")
    assert result.exit_code == 3 and "No English spaCy pipeline" in result.stderr


def test_events_rejects_field_and_resume_options(fake, tmp_path):
    (tmp_path / "x.csv").write_text(f'key,story\nk1,"{STORY}"\nk2,""\n')
    out, rej = tmp_path / "ev.jsonl", tmp_path / "bad.jsonl"
    args = [tmp_path / "x.csv", "-o", out, "--events", "--rejects", rej, "--field", "id=key",
            "--field", "text=story", "--workers", "1"]
    result = invoke(*args)
    assert result.exit_code == 1
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert [e["article_id"] for e in events] == ["k1", "k1"]
    assert json.loads(rej.read_text())["id"] == "k2"
    again = invoke(*args)  # same command: nothing to do, same exit code
    assert again.exit_code == 1 and "already done        2" in again.stderr
    assert len(out.read_text().splitlines()) == 2
    over = invoke(*args, "--no-resume")
    assert over.exit_code == 1 and "coded               1" in over.stderr


def test_stdin_and_limit(fake):
    lines = "".join(json.dumps({"id": f"s{i}", "text": STORY}) + "\n" for i in range(5))
    result = invoke("-", "--limit", "3", "--workers", "1", input=lines)
    assert result.exit_code == 0
    # the five records share one text: one is coded, the rest are duplicates
    assert len(result.stdout.splitlines()) == 1 and "duplicates skipped  2" in result.stderr


def test_table_prints_events_instead_of_jsonl(fake, folder):
    result = invoke(folder, "--table", "--workers", "1")
    assert result.exit_code == 0
    assert "CAMEO" in result.stdout and "Berlin" in result.stdout and not result.stdout.startswith("{")


def test_db_writes_to_the_store(fake, folder, tmp_path):
    try:
        from eventwire.store import EventStore
    except ImportError as exc:
        pytest.skip(f"eventwire.store is not available yet: {exc}")
    db = tmp_path / "x.duckdb"
    result = invoke(folder, "--db", db, "--workers", "1")
    assert result.exit_code == 0 and result.stdout == ""  # the store only: no JSONL on stdout
    with EventStore(db) as store:
        assert store.count("articles") == 2
        assert store.query("SELECT command FROM runs")[0]["command"].startswith("eventwire")


def test_db_without_a_value_uses_the_default_file(fake, folder, tmp_path, monkeypatch):
    pytest.importorskip("eventwire.store")
    monkeypatch.chdir(tmp_path)
    result = invoke(folder, "--db", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "eventwire.duckdb").exists()


def test_every_option_is_in_the_help():
    result = CliRunner().invoke(app, ["code", "--help"], env={"COLUMNS": "200"})
    for option in ("--output", "--events", "--workers", "--db", "--rejects", "--model", "--dictionary",
                   "--table", "--limit", "--resume", "--no-resume", "--field"):
        assert option in result.stdout
    assert "Exit codes" in result.stdout


# -- with the real pipeline ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_pipeline():
    try:
        from eventwire import load_pipeline

        return load_pipeline()
    except Exception as exc:  # the NLP stages or the model are not there (yet)
        pytest.skip(f"the real pipeline cannot be built here: {type(exc).__name__}: {exc}")


def test_end_to_end_with_the_real_pipeline(real_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Russia condemns strikes\n\nMOSCOW (Reuters) - Russian President Vladimir Putin on Tuesday "
        "condemned air strikes on Syria and called for talks with the United Nations.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 binary")
    out = tmp_path / "events.jsonl"
    result = invoke(tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--events", "--workers", "1",
                    "--timeout", "30")
    assert result.exit_code == 1, result.output
    assert "b.txt: binary:" in result.stderr
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert events and all(e["cameo"] and e["article_id"] for e in events)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.argv[0] = 'eventwire'; main()",
            "code", *args]


@pytest.mark.slow  # about 25 s: three runs each start two workers that load the model
def test_sigkill_of_the_real_command_then_resume(real_pipeline, tmp_path):
    """`eventwire code` over a few hundred small documents, killed with SIGKILL, resumed."""
    docs = tmp_path / "docs.jsonl"
    countries = ["France", "Germany", "Italy", "Spain", "Poland", "Egypt", "Kenya", "Chile"]
    with open(docs, "w") as f:
        for i in range(150):
            a, b = countries[i % 8], countries[(i * 3 + 1) % 8]
            f.write(json.dumps({"id": f"d{i}", "text": f"{a} accused {b} of violating the border "
                                f"agreement on day {i}. Officials in {b} denied it."}) + "\n")
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def start(output: Path) -> subprocess.Popen:
        return subprocess.Popen(_cli(str(docs), "-o", str(output), "--workers", "2"), env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)

    full = tmp_path / "full.jsonl"
    assert start(full).wait(timeout=300) == 0
    out = tmp_path / "killed.jsonl"
    proc = start(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 30:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert start(out).wait(timeout=300) == 0
    got = [json.loads(x) for x in out.read_text().splitlines()]
    want = [json.loads(x) for x in full.read_text().splitlines()]
    assert len(got) == len({a["id"] for a in got}) == 150
    assert sorted(json.dumps(a, sort_keys=True) for a in got) == sorted(json.dumps(a, sort_keys=True) for a in want)
