"""Acceptance: code the seed article and check it against ../shared/seed/expected.json.

The expectations are read from the specification file at run time; nothing about the article is
written here. Skips where ../shared is absent.
"""

from __future__ import annotations

import json

import pytest

from conftest import SEED, require

ARTICLE = SEED / "000_c61b01ad2ed614c3.txt"
EXPECTED = SEED / "expected.json"


@pytest.fixture(scope="module")
def spec():
    return json.loads(require(EXPECTED).read_text())


@pytest.fixture(scope="module")
def article(code):
    return code(require(ARTICLE).read_text(encoding="utf-8"))


def _ok(value, wanted) -> bool:
    if isinstance(wanted, dict) and "any_of" in wanted:
        return value in wanted["any_of"]
    return value == wanted


def matches(event, rule: dict, *, strict: bool = True) -> bool:
    if not event.sentence.strip().startswith(rule["sentence_starts_with"]):
        return False
    if not _ok(event.source_root, rule["source"]) or not _ok(event.type, rule["type"]):
        return False
    if "target" in rule and not _ok(event.target_root, rule["target"]):
        return False
    if strict:
        if "source_sector" in rule and (not event.actors or event.actors[0].sector != rule["source_sector"]):
            return False
        if "date" in rule and event.date != rule["date"]:
            return False
        if "location_country" in rule and (event.location is None
                                           or event.location.country != rule["location_country"]):
            return False
    return True


def describe(events) -> str:
    return "\n".join(f"  [{e.sentence_index}] {e.source_root}/{e.actors[0].sector if e.actors else None} {e.type} "
                     f"{e.target_root} {e.date} ({e.trigger}) :: {e.sentence[:60]}" for e in events)


def test_metadata(article, spec):
    meta = spec["article"]
    assert article.title == meta["headline"]
    assert article.published.isoformat(timespec="minutes") == meta["published"]
    assert article.dateline == meta["dateline"]
    for junk in meta["boilerplate_not_in_body"]:
        assert junk not in article.body
        assert junk not in article.text


def test_dates(article, spec):
    for want in spec["dates"]:
        words = want["text"].lower().split()
        found = [m for m in article.dates
                 if any(w in m.text.lower() for w in words if w not in ("on", "since", "last"))
                 and m.value == want["resolves_to"]]
        assert found, f"{want} not among {[(m.text, m.value) for m in article.dates]}"


def test_quotes(article, spec):
    for want in spec["quotes"]:
        found = [q for q in article.quotes if q.text.startswith(want["starts_with"])]
        assert found, f"quote {want['starts_with']!r} not found in {[q.text[:40] for q in article.quotes]}"
        speaker = found[0].speaker
        assert speaker is not None
        assert want["speaker"] in (speaker.name or speaker.text)
        assert speaker.root == want["speaker_root"]
        assert speaker.sector == want["speaker_sector"]


def test_required_events(article, spec):
    missing = [r for r in spec["required"] if not any(matches(e, r) for e in article.events)]
    assert not missing, ("missing required events:\n" + "\n".join(f"  {r}" for r in missing)
                         + "\nemitted:\n" + describe(article.events))


def test_forbidden(article, spec):
    for rule in spec["forbidden"]:
        for e in article.events:
            roots = {a.root for a in e.actors + e.recipients}
            assert not roots & set(rule.get("any_root", [])), describe([e])
            if "date_year" in rule and e.date:
                assert not e.date.startswith(str(rule["date_year"])), describe([e])


def test_precision(article, spec):
    body = [e for e in article.events if e.section == "body"]
    rules = spec["required"] + spec["optional"]
    correct = [e for e in body if any(matches(e, r, strict=False) for r in rules)]
    wrong = [e for e in body if e not in correct]
    precision = len(correct) / len(body) if body else 0.0
    assert precision >= spec["precision_floor"], f"precision {precision:.2f}; wrong:\n{describe(wrong)}"


def test_every_event_is_traceable(article):
    for e in article.events:
        assert article.text[e.trigger_span[0]:e.trigger_span[1]] in e.trigger
        s = article.sentences[e.sentence_index]
        assert s.start <= e.trigger_span[0] < s.end
        for a in e.actors + e.recipients:
            if a.span:
                assert article.text[a.span[0]:a.span[1]] == a.text
        assert e.explanation
