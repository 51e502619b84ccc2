"""Dictionaries a user brings change the codes of an article: PETRARCH/TABARI files and YAML."""

from __future__ import annotations

from eventwire import Config, load_pipeline
from eventwire.model import Document

TEXT = "Ruritanian troops attacked Borduria on Monday."
ACTORS = """\
RURITANIA [RUR]
+RURITANIAN
+RURITANIANS
BORDURIA [BOR]
"""


def code(config: Config):
    return load_pipeline(config).code(Document(id="t", text=TEXT, published="2021-03-02"))


def dyads(article):
    return {(e.source_root, e.actors[0].sector if e.actors else None, e.type, e.target_root) for e in article.events}


def test_petrarch_dictionary_changes_the_codes(tmp_path):
    path = tmp_path / "Fiction.actors.txt"
    path.write_text(ACTORS)
    before = code(Config())
    after = code(Config(petrarch_actors=(path,)))
    assert ("RUR", "MIL", "ASSAULT", "BOR") not in dyads(before)
    assert ("RUR", "MIL", "ASSAULT", "BOR") in dyads(after)
    event = next(e for e in after.events if e.source_root == "RUR")
    assert "Fiction.actors.txt" in event.actors[0].explanation


def test_yaml_override_wins_over_the_built_in_entry(tmp_path):
    from eventwire.model import Document as Doc

    path = tmp_path / "mine.yaml"
    path.write_text("organisations:\n  - names: [Hamas]\n    country: PSE\n    sector: PTY\n")
    text = "Hamas fighters attacked Israeli positions near Gaza."
    before = load_pipeline(Config()).code(Doc(id="h", text=text))
    after = load_pipeline(Config(user_dictionaries=(path,))).code(Doc(id="h", text=text))
    src_before = {a.sector for e in before.events for a in e.actors if a.root == "PSE"}
    assert "PTY" not in src_before
    assert any(e.actors and e.actors[0].text.startswith("Hamas") for e in after.events)
    assert any(a.explanation and "mine.yaml" in a.explanation for e in after.events for a in e.actors)


def test_a_user_dictionary_can_block_a_sense(tmp_path):
    from eventwire.config import Config
    from eventwire.pipeline import Pipeline
    from eventwire.model import Document

    text = "Government troops destroyed the old bridge near Homs on Monday."
    user = tmp_path / "block.yaml"
    user.write_text("verbs:\n  destroy:\n    - {obj: [bridge], cameo: none}\n", encoding="utf-8")
    plain = Pipeline(Config()).code(Document(id="a", text=text))
    blocked = Pipeline(Config(user_dictionaries=(str(user),))).code(Document(id="a", text=text))
    assert any(e.trigger == "destroyed" for e in plain.events)
    assert not any(e.trigger == "destroyed" for e in blocked.events)
