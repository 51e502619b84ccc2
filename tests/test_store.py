"""EventStore: schema, re-coding without duplicates, runs, rejected documents, merging."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.model import (Actor, Article, DateMention, Event, Location, Quote, Rejected,
                             Sentence, content_hash)
from eventwire.store import SCHEMA_VERSION, EventStore
from eventwire.store import schema as store_schema

# -- builders shared by the store, export, analytics and plot tests ---------------------------------

# CAMEO code -> (name, Goldstein, quad class, PLOVER type), for the codes the tests use.
CODES = {
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "043": ("Host a visit", 2.8, 1, "CONSULT"),
    "057": ("Sign formal agreement", 8.0, 1, "AGREE"),
    "073": ("Provide humanitarian aid", 7.4, 2, "AID"),
    "112": ("Accuse, not specified below", -2.0, 3, "ACCUSE"),
    "1121": ("Accuse of crime, corruption", -2.0, 3, "ACCUSE"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
    "0871": ("Declare truce, ceasefire", 9.0, 2, "RETREAT"),
}


def actor(code: str, text: str | None = None, span: tuple[int, int] | None = None,
          name: str | None = None) -> Actor:
    """An actor from a CAMEO-style code: 3-letter country or org root, then a sector."""
    root, sector = code[:3], code[3:6] or None
    org = root if root in {"IGO", "NGO"} else None
    if org:  # IGOUNO -> org UNO
        org, sector = code[3:6], root
    return Actor(text=text or code, code=code, country=None if org else root, org=org,
                 sector=sector, span=span, name=name)


def event(article_id: str, sentence_index: int, cameo: str, source: str | list[str],
          target: str | list[str] | None, *, day: str | None = None, text: str = "",
          trigger_span: tuple[int, int] = (0, 1), location: Location | None = None,
          section: str = "body") -> Event:
    name, goldstein, quad, plover = CODES[cameo]
    sources = [source] if isinstance(source, str) else source
    targets = [] if target is None else [target] if isinstance(target, str) else target
    return Event(
        article_id=article_id, sentence_index=sentence_index, sentence=text, section=section,
        type=plover, mode=None, cameo=cameo, cameo_name=name, goldstein=goldstein,
        quad_class=quad, actors=[actor(c, span=(0, 3)) for c in sources],
        recipients=[actor(c, span=(10, 13)) for c in targets], trigger=text.split()[1] if
        len(text.split()) > 1 else "did", trigger_span=trigger_span,
        date=day, date_precision="day" if day else None, date_source="text" if day else None,
        location=location)


def article(article_id: str, sentences: list[str], events_spec: list[tuple], *,
            url: str | None = None, source: str | None = None,
            published: str | None = "2024-03-04T09:00") -> Article:
    """An article whose sentences are joined by spaces; events_spec items are
    (sentence_index, cameo, source, target[, day])."""
    text = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(index=i, text=s, start=pos, end=pos + len(s),
                              section="headline" if i == 0 else "body"))
        pos += len(s) + 1
    events = []
    for spec in events_spec:
        idx, cameo, src, tgt = spec[:4]
        day = spec[4] if len(spec) > 4 else None
        s = sents[idx]
        events.append(event(article_id, idx, cameo, src, tgt, day=day, text=s.text,
                            section=s.section, trigger_span=(s.start + 4, s.start + 9)))
    return Article(id=article_id, text=text, title=sentences[0], body=" ".join(sentences[1:]),
                   published=datetime.fromisoformat(published) if published else None, url=url,
                   source=source, content_hash=content_hash(text), sentences=sents, events=events)


def two_reports() -> list[Article]:
    """Two publishers report the same Russian attack on Ukraine, one day apart in wording."""
    a = article("reuters-1", ["Russia attacks Ukraine.", "Russian forces shelled Kharkiv on Monday.",
                              "Ukraine accused Russia of war crimes."],
                [(1, "190", "RUSMIL", "UKR", "2024-03-04"), (2, "112", "UKR", "RUS")],
                url="https://www.reuters.com/world/1", source="reuters")
    b = article("ap-7", ["Shelling in Kharkiv.", "Russian troops attacked Ukrainian positions.",
                         "Officials counted the damage."],
                [(1, "190", "RUSMIL", "UKR")], url="https://apnews.com/article/7",
                published="2024-03-04T18:30")
    return [a, b]


# -- schema ---------------------------------------------------------------------------------------


def test_new_store_has_current_schema_version(tmp_path):
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(path))
    versions = con.execute("SELECT version FROM schema_version").fetchall()
    con.close()
    assert versions == [(SCHEMA_VERSION,)]


def test_reopening_keeps_data_and_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.add_article(two_reports()[0])
    with EventStore(path) as store:
        assert store.count("articles") == 1
        assert store.query("SELECT count(*) AS n FROM schema_version")[0]["n"] == 1


def test_older_store_is_migrated_on_open(tmp_path, monkeypatch):
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.add_article(two_reports()[0])

    def add_column(con):
        con.execute("ALTER TABLE articles ADD COLUMN section_count INTEGER")

    upgraded = store_schema.MIGRATIONS + [store_schema.Migration(SCHEMA_VERSION + 1, "test", add_column)]
    monkeypatch.setattr("eventwire.store.store.MIGRATIONS", upgraded)
    monkeypatch.setattr("eventwire.store.store.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        rows = store.query("SELECT article_id, section_count FROM articles")
    assert rows == [{"article_id": "reuters-1", "section_count": None}]


def test_store_from_newer_eventwire_is_refused(tmp_path):
    path = tmp_path / "events.duckdb"
    with EventStore(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, now(), 'future')", [SCHEMA_VERSION + 5])
    con.close()
    with pytest.raises(StoreError, match="upgrade eventwire"):
        EventStore(path)


def test_must_exist_refuses_to_create_a_store(tmp_path):
    path = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match="eventwire code"):
        EventStore(path, must_exist=True)
    assert not path.exists()


# -- writing --------------------------------------------------------------------------------------


def test_add_article_stores_every_record(tmp_path):
    a = two_reports()[0]
    a.quotes = [Quote(text="We will respond", span=(40, 55), sentence_index=2,
                      speaker=actor("UKRGOV", "Kyiv"))]
    a.dates = [DateMention(text="Monday", value="2024-03-04", precision="day", span=(30, 36),
                           sentence_index=1, rule="weekday")]
    a.events[0].location = Location(name="Kharkiv", country="UKR", lat=49.99, lon=36.23,
                                    feature="city", span=(31, 38))
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        counts = store.counts()
        ev = store.query("SELECT * FROM events WHERE cameo = ?", ["190"])[0]
        actors = store.query("SELECT role, code, root, sector FROM event_actors "
                             "WHERE event_id = ? ORDER BY role", [ev["event_id"]])
    assert counts["articles"] == 1 and counts["sentences"] == 3 and counts["events"] == 2
    assert counts["quotes"] == 1 and counts["date_mentions"] == 1
    assert ev["cameo"] == "190" and ev["cameo_root"] == "19" and ev["cameo_base"] == "190"
    assert ev["source_root"] == "RUS" and ev["source_sector"] == "MIL"
    assert ev["event_day"] == date(2024, 3, 4)
    assert ev["location_name"] == "Kharkiv" and ev["location_lat"] == pytest.approx(49.99)
    assert actors == [{"role": "source", "code": "RUSMIL", "root": "RUS", "sector": "MIL"},
                      {"role": "target", "code": "UKR", "root": "UKR", "sector": None}]


def test_readding_the_same_article_leaves_the_same_counts(tmp_path):
    path = tmp_path / "e.duckdb"
    with EventStore(path) as store:
        run = store.start_run("code", ["examples/"])
        for a in two_reports():
            store.add_article(a, run_id=run)
        store.finish_run(run, {"articles": 2})
        before = store.counts()
    with EventStore(path) as store:  # a second `eventwire code` over the same directory
        run = store.start_run("code", ["examples/"])
        for a in two_reports():
            store.add_article(a, run_id=run)
        store.finish_run(run, {"articles": 2})
        after = store.counts()
    assert after.pop("runs") == 2 and before.pop("runs") == 1
    assert after == before
    assert after["events"] == 3 and after["merged_events"] == 2


def test_same_url_with_new_text_replaces_the_old_version(tmp_path):
    old = two_reports()[0]
    new = article("reuters-1", ["Russia attacks Ukraine (updated).", "Russian forces shelled Kharkiv."],
                  [(1, "190", "RUSMIL", "UKR")], url=old.url)
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(old)
        store.add_article(new)
        assert store.count("articles") == 1
        assert not store.has_document(old.content_hash)
        assert store.has_document(new.content_hash)
        assert store.count("events") == 1


def test_has_document(tmp_path):
    a = two_reports()[0]
    with EventStore(":memory:") as store:
        assert not store.has_document(a.content_hash)
        store.add_article(a)
        assert store.has_document(a.content_hash)


def test_runs_record_command_inputs_and_stats(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        run = store.start_run("code", ["a.txt", "b.txt"])
        store.finish_run(run, {"articles": 2, "events": 5})
        row = store.query("SELECT * FROM runs WHERE run_id = ?", [run])[0]
    assert row["command"] == "code" and row["inputs"] == ["a.txt", "b.txt"]
    assert row["finished_at"] >= row["started_at"]
    assert '"events": 5' in row["stats"]


def test_rejected_documents_are_kept_once(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        run = store.start_run("code", ["x"])
        store.add_rejected(Rejected("doc-9", "empty", "no text", "x/doc-9.txt"), run_id=run)
        store.add_rejected(Rejected("doc-9", "empty", "no text", "x/doc-9.txt"), run_id=run)
        rows = store.query("SELECT document_id, reason, run_id FROM rejected")
    assert rows == [{"document_id": "doc-9", "reason": "empty", "run_id": run}]


def test_values_with_quotes_are_stored_verbatim(tmp_path):
    # Parameters, not string-built SQL: a title that looks like SQL is just text.
    nasty = "Robert'); DROP TABLE events;--"
    a = article("x", [nasty, "Russian forces shelled Kharkiv."], [(1, "190", "RUSMIL", "UKR")])
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        assert store.query("SELECT title FROM articles")[0]["title"] == nasty
        assert store.count("events") == 1


# -- merging --------------------------------------------------------------------------------------


def test_two_publishers_reporting_one_event_merge_into_one(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        for a in two_reports():
            store.add_article(a)
        store.merge_events()
        attack = store.query("SELECT * FROM merged_events WHERE cameo_base = ?", ["190"])
        mentions = store.query("SELECT m.* FROM mentions m JOIN merged_events e USING (merged_id) "
                               "WHERE e.cameo_base = ? ORDER BY article_id", ["190"])
    assert len(attack) == 1
    ev = attack[0]
    assert (ev["num_mentions"], ev["num_sources"], ev["num_articles"]) == (2, 2, 2)
    assert ev["source_root"] == "RUS" and ev["target_root"] == "UKR"
    assert ev["event_day"] == date(2024, 3, 4)
    assert [m["article_id"] for m in mentions] == ["ap-7", "reuters-1"]
    assert {m["publisher"] for m in mentions} == {"reuters.com", "apnews.com"}
    assert all(m["sentence_index"] == 1 and m["action_offset"] is not None for m in mentions)


def test_two_mentions_in_one_article_are_one_event_one_article(tmp_path):
    a = article("a", ["Russia attacks Ukraine.", "Russian forces attacked Ukraine again today."],
                [(0, "190", "RUSMIL", "UKR"), (1, "190", "RUSMIL", "UKR")],
                url="https://example.org/a")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        store.merge_events()
        ev = store.query("SELECT * FROM merged_events")
    assert len(ev) == 1
    assert (ev[0]["num_mentions"], ev[0]["num_sources"], ev[0]["num_articles"]) == (2, 1, 1)
    assert ev[0]["is_root_event"]  # mentioned in the headline


def test_same_publisher_twice_counts_one_source(tmp_path):
    a, _ = two_reports()
    b = article("reuters-2", ["Kharkiv shelled.", "Russian forces attacked the city."],
                [(1, "190", "RUSMIL", "UKR")], url="https://reuters.com/world/2")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles([a, b])
        store.merge_events()
        ev = store.query("SELECT * FROM merged_events WHERE cameo_base = '190'")
    assert (ev[0]["num_articles"], ev[0]["num_sources"]) == (2, 1)


@pytest.mark.parametrize("days_apart, window, merged", [
    (0, 1, 1), (1, 1, 1), (2, 1, 2), (2, 2, 1), (1, 0, 2)])
def test_merge_window(tmp_path, days_apart, window, merged):
    a = article("a", ["Clash.", "Russian forces attacked Ukraine."],
                [(1, "190", "RUSMIL", "UKR", "2024-03-04")], url="https://a.example/1")
    b = article("b", ["Clash.", "Russian troops attacked Ukraine."],
                [(1, "190", "RUSMIL", "UKR", f"2024-03-{4 + days_apart:02d}")],
                url="https://b.example/1")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles([a, b])
        store.merge_events(window_days=window)
        assert store.count("merged_events") == merged
        assert store.count("mentions") == 2
        assert store.merge_window_days == window


def test_window_is_anchored_so_daily_events_do_not_chain(tmp_path):
    arts = [article(f"d{i}", ["Clash.", f"Russian forces attacked Ukraine, day {i}."],
                    [(1, "190", "RUSMIL", "UKR", f"2024-03-{1 + i:02d}")],
                    url=f"https://p{i}.example/x") for i in range(6)]
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles(arts)
        store.merge_events(window_days=1)
        rows = store.query("SELECT first_day, last_day, num_mentions FROM merged_events "
                           "ORDER BY first_day")
    # days 1-2, 3-4, 5-6: three events, never one long chain
    assert [r["num_mentions"] for r in rows] == [2, 2, 2]
    assert [r["first_day"].day for r in rows] == [1, 3, 5]


def test_different_dyad_code_or_source_sector_do_not_merge(tmp_path):
    a = article("a", ["x.", "Russian forces attacked Ukraine.", "Ukraine accused Russia.",
                      "Russia's government attacked Ukraine.", "Russian forces visited Ukraine."],
                [(1, "190", "RUSMIL", "UKR"), (2, "112", "UKR", "RUS"),
                 (3, "190", "RUSGOV", "UKR"), (4, "042", "RUSMIL", "UKR")])
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        store.merge_events()
        assert store.count("merged_events") == 4


def test_sub_codes_of_one_base_code_merge_and_keep_the_most_frequent(tmp_path):
    arts = [article(n, [f"{n}.", "Ukraine accused Russia."], [(1, code, "UKRGOV", "RUS")],
                    url=f"https://{n}.example/1")
            for n, code in (("a", "1121"), ("b", "112"), ("c", "1121"))]
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles(arts)
        store.merge_events()
        ev = store.query("SELECT cameo, cameo_base, num_mentions FROM merged_events")
    assert ev == [{"cameo": "1121", "cameo_base": "112", "num_mentions": 3}]


def test_merged_ids_are_stable_across_remerges(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles(two_reports())
        store.merge_events()
        first = store.query("SELECT merged_id FROM merged_events ORDER BY merged_id")
        store.add_articles(two_reports())
        store.merge_events()
        second = store.query("SELECT merged_id FROM merged_events ORDER BY merged_id")
    assert first == second


def test_finish_run_merges_and_reads_merge_lazily(tmp_path):
    path = tmp_path / "e.duckdb"
    with EventStore(path) as store:
        run = store.start_run("code", [])
        store.add_articles(two_reports(), run_id=run)
        assert store.count("merged_events") == 0  # not yet merged
        store.finish_run(run, {})
        assert store.count("merged_events") == 2
        store.delete_article(two_reports()[1].content_hash)
        store.ensure_merged()
        ev = store.query("SELECT num_articles FROM merged_events WHERE cameo_base = '190'")
    assert ev == [{"num_articles": 1}]


def test_events_without_any_date_merge_only_within_their_article(tmp_path):
    a = article("a", ["x.", "Russian forces attacked Ukraine."], [(1, "190", "RUSMIL", "UKR")],
                published=None, url="https://a.example/1")
    b = article("b", ["y.", "Russian troops attacked Ukraine."], [(1, "190", "RUSMIL", "UKR")],
                published=None, url="https://b.example/1")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles([a, b])
        store.merge_events()
        assert store.count("merged_events") == 2


def test_docs_describe_every_table_and_column():
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "schema.md").read_text(encoding="utf-8")
    assert f"Schema version: **{SCHEMA_VERSION}**" in doc
    with EventStore(":memory:") as store:
        for table in store_schema.TABLES:
            assert f"### {table}" in doc, table
            for row in store.query("SELECT column_name FROM information_schema.columns "
                                   "WHERE table_name = ?", [table]):
                assert f"`{row['column_name']}`" in doc, f"{table}.{row['column_name']}"


@pytest.mark.parametrize("arrow_min_rows", [1, 10**9], ids=["pyarrow", "without-pyarrow"])
def test_bulk_insert_paths_store_the_same_rows(tmp_path, monkeypatch, arrow_min_rows):
    # pyarrow is optional (the export extra): the plain VALUES path must store the same rows.
    monkeypatch.setattr("eventwire.store._sql._ARROW_MIN_ROWS", arrow_min_rows)
    arts = two_reports()
    arts[0].removed = ["Share this article"]
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles(arts)
        store.merge_events()
        rows = store.query("SELECT article_id, removed, published, publisher FROM articles "
                           "ORDER BY article_id")
        events = store.query("SELECT cameo, goldstein, negated, event_day FROM events "
                             "ORDER BY cameo, article_id")
        merged = store.query("SELECT num_mentions, num_sources FROM merged_events ORDER BY cameo")
    assert rows == [
        {"article_id": "ap-7", "removed": [], "published": datetime(2024, 3, 4, 18, 30),
         "publisher": "apnews.com"},
        {"article_id": "reuters-1", "removed": ["Share this article"],
         "published": datetime(2024, 3, 4, 9, 0), "publisher": "reuters.com"}]
    assert events == [
        {"cameo": "112", "goldstein": -2.0, "negated": False, "event_day": date(2024, 3, 4)},
        {"cameo": "190", "goldstein": -10.0, "negated": False, "event_day": date(2024, 3, 4)},
        {"cameo": "190", "goldstein": -10.0, "negated": False, "event_day": date(2024, 3, 4)}]
    assert merged == [{"num_mentions": 1, "num_sources": 1}, {"num_mentions": 2, "num_sources": 2}]


def test_timezone_aware_publication_times_are_stored_as_utc(tmp_path):
    from datetime import timedelta, timezone

    a = two_reports()[0]
    a.published = datetime(2024, 3, 5, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    a.events[0].date = None  # counted on the publication day, in UTC
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        row = store.query("SELECT published FROM articles")[0]
        days = store.query("SELECT event_day FROM events ORDER BY cameo")
    assert row["published"] == datetime(2024, 3, 4, 22, 30)
    assert [d["event_day"] for d in days] == [date(2024, 3, 4), date(2024, 3, 4)]


def test_an_event_coded_twice_from_one_sentence_is_stored_once(tmp_path):
    a = two_reports()[0]
    a.events.append(a.events[0])
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_article(a)
        store.merge_events()
        assert store.count("events") == 2
        assert store.query("SELECT num_mentions FROM merged_events WHERE cameo = '190'") == [
            {"num_mentions": 1}]


def test_two_versions_of_one_page_in_one_batch_keep_the_last(tmp_path):
    old = two_reports()[0]
    new = article("reuters-1", ["Russia attacks Ukraine (updated).", "Russian forces shelled Kharkiv."],
                  [(1, "190", "RUSMIL", "UKR")], url=old.url)
    with EventStore(tmp_path / "e.duckdb") as store:
        store.add_articles([old, new])
        assert [r["content_hash"] for r in store.query("SELECT content_hash FROM articles")] == [
            new.content_hash]


def test_docs_list_every_store_command_and_option():
    from pathlib import Path

    import typer

    from eventwire.cli import store as store_cli

    doc = (Path(__file__).parent.parent / "docs" / "schema.md").read_text(encoding="utf-8")
    app = typer.Typer()
    store_cli.register(app)
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"`eventwire {name}" in doc, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-") and opt != "--help":
                    assert f"`{opt}" in doc, f"eventwire {name} {opt}"
