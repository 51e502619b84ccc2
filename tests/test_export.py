"""Each export is read back with a plain reader (csv, json, pyarrow) against its published columns."""

from __future__ import annotations

import csv
import json
import re

import pytest

from eventwire.errors import ExportError
from eventwire.export import export
from eventwire.export.columns import (GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, ICEWS_COLUMNS,
                                      PLOVER_ACTOR_FIELDS, PLOVER_EXTRA_FIELDS, PLOVER_FIELDS)
from eventwire.model import Location
from eventwire.store import TABLES, EventStore
from test_store import CODES, article, two_reports

CODES.setdefault("010", ("Make statement, not specified below", 0.0, 1, None))


@pytest.fixture
def store(tmp_path):
    """Two reports of one attack, a German-hosted visit with a location, a compound-actor
    agreement, and a statement (no PLOVER type)."""
    arts = two_reports()
    visit = article("dw-3", ["Scholz hosts Zelensky.", "Ukraine's president visited Germany.",
                             "The leaders signed an agreement.", "Officials made a statement."],
                    [(1, "042", "UKRGOV", "DEU", "2024-03-05"),
                     (2, "057", ["UKRGOV", "DEUGOV"], "IGOUNO", "2024-03-05"),
                     (3, "010", "DEUGOV", None, "2024-03-05")],
                    url="https://www.dw.com/en/3", published="2024-03-05T12:00")
    visit.events[0].location = Location(name="Berlin\tMitte", country="DEU", admin1="16",
                                        lat=52.52437, lon=13.41053, feature="city")
    truce = article("ap-9", ["Truce declared.", "Ukraine declared a ceasefire with Russia."],
                    [(1, "0871", "UKRMIL", "RUS", "2024-04-01")], url="https://apnews.com/9",
                    published="2024-04-01T08:00")
    truce.events[0].location = Location(name="Ukraine", country="UKR", feature="country")
    with EventStore(tmp_path / "events.duckdb") as s:
        run = s.start_run("code", ["fixtures"])
        s.add_articles(arts + [visit, truce], run_id=run)
        s.finish_run(run, {})
        yield s


def read_tsv(path, columns, header=False):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if header:
        assert tuple(rows[0]) == columns
        rows = rows[1:]
    for row in rows:
        assert len(row) == len(columns)
    return [dict(zip(columns, row)) for row in rows]


def test_gdelt_events_have_61_columns_in_gdelt_order(store, tmp_path):
    assert len(GDELT_EVENT_COLUMNS) == 61
    assert GDELT_EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                       "FractionDate")
    assert GDELT_EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    result = export(store, "gdelt", tmp_path / "events.tsv")
    rows = read_tsv(tmp_path / "events.tsv", GDELT_EVENT_COLUMNS)
    assert result.rows == len(rows) == 6
    for r in rows:
        int(r["GLOBALEVENTID"])
        assert re.fullmatch(r"\d{8}", r["SQLDATE"]) and r["MonthYear"] == r["SQLDATE"][:6]
        assert r["Year"] == r["SQLDATE"][:4]
        assert float(r["FractionDate"]) == pytest.approx(int(r["Year"]) + 0.2, abs=0.2)
        assert r["EventBaseCode"] == r["EventCode"][:3]
        assert r["EventRootCode"] == r["EventCode"][:2]
        assert r["QuadClass"] in {"1", "2", "3", "4"}
        assert -10 <= float(r["GoldsteinScale"]) <= 10
        assert r["AvgTone"] == ""  # not scored: empty, never a fake neutral 0
        assert re.fullmatch(r"\d{14}", r["DATEADDED"])
        assert r["SOURCEURL"].startswith("https://")
        assert r["IsRootEvent"] in {"0", "1"}


def test_gdelt_event_values(store, tmp_path):
    export(store, "gdelt", tmp_path / "events.tsv")
    rows = {r["EventCode"]: r for r in read_tsv(tmp_path / "events.tsv", GDELT_EVENT_COLUMNS)}
    attack = rows["190"]
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == ("2", "2", "2")
    assert attack["SQLDATE"] == "20240304" and attack["FractionDate"] == "2024.1753"
    assert attack["Actor1Code"] == "RUSMIL" and attack["Actor1CountryCode"] == "RUS"
    assert attack["Actor1Name"] == "RUSSIA" and attack["Actor1Type1Code"] == "MIL"
    assert attack["Actor2Code"] == "UKR" and attack["Actor2Type1Code"] == ""
    assert attack["ActionGeo_Type"] == "0" and attack["ActionGeo_CountryCode"] == ""
    # CAMEO codes stay strings with their leading zeros
    visit = rows["042"]
    assert (visit["EventBaseCode"], visit["EventRootCode"]) == ("042", "04")
    assert visit["GoldsteinScale"] == "1.9" and visit["QuadClass"] == "1"
    # geography: FIPS 10-4 (Germany is GM, not ISO's DE), city -> world city (4)
    assert visit["ActionGeo_Type"] == "4"
    assert visit["ActionGeo_CountryCode"] == "GM"
    assert visit["ActionGeo_ADM1Code"] == "GM16"
    assert visit["ActionGeo_FullName"] == "Berlin Mitte, Germany"  # the tab could not stay
    assert visit["ActionGeo_Lat"] == "52.5244" and visit["ActionGeo_Long"] == "13.4105"
    assert visit["Actor1Geo_Type"] == "0" and visit["Actor1Geo_CountryCode"] == ""
    truce = rows["0871"]
    assert (truce["EventBaseCode"], truce["EventRootCode"]) == ("087", "08")
    assert truce["ActionGeo_Type"] == "1" and truce["ActionGeo_CountryCode"] == "UP"
    assert truce["ActionGeo_FullName"] == "Ukraine"
    agreement = rows["057"]
    assert agreement["Actor2Code"] == "IGOUNO" and agreement["Actor2KnownGroupCode"] == "UNO"
    assert agreement["Actor2Type1Code"] == "IGO"


def test_gdelt_mentions_point_at_events_and_sentences(store, tmp_path):
    assert len(GDELT_MENTION_COLUMNS) == 16
    export(store, "gdelt", tmp_path / "events.tsv")
    result = export(store, "gdelt-mentions", tmp_path / "mentions.tsv")
    events = {r["GLOBALEVENTID"]: r for r in read_tsv(tmp_path / "events.tsv", GDELT_EVENT_COLUMNS)}
    mentions = read_tsv(tmp_path / "mentions.tsv", GDELT_MENTION_COLUMNS)
    assert result.rows == len(mentions) == 7
    for m in mentions:
        event = events[m["GLOBALEVENTID"]]
        assert m["EventTimeDate"] == event["DATEADDED"]
        assert re.fullmatch(r"\d{14}", m["MentionTimeDate"])
        assert m["MentionType"] == "1"
        assert int(m["SentenceID"]) >= 1
        for col in ("Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "MentionDocLen"):
            int(m[col])
        assert m["Confidence"] == "" and m["MentionDocTone"] == ""
    attack_id = next(k for k, e in events.items() if e["EventCode"] == "190")
    attack = [m for m in mentions if m["GLOBALEVENTID"] == attack_id]
    assert sorted(m["MentionSourceName"] for m in attack) == ["apnews.com", "reuters.com"]
    assert {m["SentenceID"] for m in attack} == {"2"}  # sentence index 1 counts from 1


def test_icews_has_its_20_columns_and_a_header(store, tmp_path):
    assert len(ICEWS_COLUMNS) == 20
    result = export(store, "icews", tmp_path / "icews.tab")
    rows = {r["CAMEO Code"]: r for r in read_tsv(tmp_path / "icews.tab", ICEWS_COLUMNS,
                                                  header=True)}
    assert result.rows == len(rows) == 6
    for r in rows.values():
        int(r["Event ID"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["Event Date"])
        float(r["Intensity"])
        assert int(r["Sentence Number"]) >= 1
    attack = rows["190"]
    assert attack["Source Name"] == "Military (Russia)" and attack["Source Sectors"] == "Military"
    assert attack["Source Country"] == "Russia" and attack["Target Country"] == "Ukraine"
    assert attack["Event Text"] == "Use conventional military force"
    assert attack["Intensity"] == "-10.0"
    assert attack["Story ID"] == "reuters-1" and attack["Sentence Number"] == "2"
    visit = rows["042"]
    assert visit["CAMEO Code"] == "042" and visit["City"] == "Berlin Mitte"
    assert visit["Country"] == "Germany" and visit["Latitude"] == "52.5244"
    assert visit["Publisher"] == "dw.com"


def test_plover_json_lines_use_the_manuals_fields(store, tmp_path):
    result = export(store, "plover", tmp_path / "events.jsonl")
    with open(tmp_path / "events.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert result.rows == len(records) == 5
    assert result.skipped == 1  # the CAMEO 010 statement: PLOVER dropped statements
    for r in records:
        assert set(r) <= set(PLOVER_FIELDS) | set(PLOVER_EXTRA_FIELDS)
        assert {"id", "date", "source", "event"} <= set(r)  # the manual's required fields
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert isinstance(r["source"], list) and isinstance(r["recipient"], list)
        assert isinstance(r["event"], list) and isinstance(r["mode"], list)
        assert r["quad_code"] in {1, 2, 3, 4}
        for a in r["source"] + r["recipient"]:
            assert set(a) <= set(PLOVER_ACTOR_FIELDS)
    by_event = {r["cameo"]: r for r in records}
    agreement = by_event["057"]
    assert agreement["event"] == ["AGREE"]
    assert [a["code"] for a in agreement["source"]] == ["UKR", "DEU"]  # compound actor: a list
    assert agreement["recipient"] == [{"code": "UNO", "sector": "IGO", "actor_text": "IGOUNO"}]
    attack = by_event["190"]
    assert attack["num_mentions"] == 2 and attack["num_sources"] == 2
    assert attack["source"][0] == {"code": "RUS", "sector": "MIL", "actor_text": "RUSMIL"}
    visit = by_event["042"]
    assert visit["event_loc"]["cc3"] == "DEU" and visit["event_loc"]["country code"] == "DE"


def test_parquet_writes_every_table(store, tmp_path):
    import pyarrow.parquet as pq

    result = export(store, "parquet", tmp_path / "parquet")
    total = 0
    for table in TABLES:
        data = pq.read_table(tmp_path / "parquet" / f"{table}.parquet")
        columns = [r["column_name"] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table])]
        assert data.column_names == columns
        assert data.num_rows == store.count(table)
        total += data.num_rows
    assert result.rows == total
    events = pq.read_table(tmp_path / "parquet" / "merged_events.parquet").to_pylist()
    attack = next(e for e in events if e["cameo"] == "190")
    assert attack["num_sources"] == 2 and str(attack["event_day"]) == "2024-03-04"


def test_unknown_format_is_a_clean_error(store, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'csv'"):
        export(store, "csv", tmp_path / "x")


def test_export_to_a_directory_is_a_clean_error(store, tmp_path):
    with pytest.raises(ExportError, match="is a directory"):
        export(store, "gdelt", tmp_path)


def test_export_of_an_empty_store_writes_empty_files(tmp_path):
    with EventStore(tmp_path / "empty.duckdb") as s:
        assert export(s, "gdelt", tmp_path / "e.tsv").rows == 0
        assert export(s, "icews", tmp_path / "i.tab").rows == 0
    assert (tmp_path / "e.tsv").read_text() == ""
    assert (tmp_path / "i.tab").read_text().rstrip("\n").split("\t") == list(ICEWS_COLUMNS)


# -- command line ---------------------------------------------------------------------------------


def test_export_command_writes_a_format_read_back_by_its_columns(store, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    store.close()  # the command opens the file itself
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "icews",
                                      "-o", str(tmp_path / "out.tab")])
    assert result.exit_code == 0, result.output
    rows = read_tsv(tmp_path / "out.tab", ICEWS_COLUMNS, header=True)
    assert len(rows) == 6


def test_export_command_on_a_missing_store_is_one_clean_line(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"),
                                      "--format", "gdelt", "-o", str(tmp_path / "x.tsv")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"eventwire: no event store at {tmp_path / 'none.duckdb'}: create one with "
        f"`eventwire code INPUT --db {tmp_path / 'none.duckdb'}`"]
    assert not (tmp_path / "none.duckdb").exists()


def test_control_characters_in_values_never_break_columns(tmp_path):
    a = two_reports()[0]
    a.events[0].location = Location(name="Kharkiv\x1fcity\nnorth", country="UKR", feature="city")
    with EventStore(tmp_path / "e.duckdb") as s:
        s.add_article(a)
        export(s, "gdelt", tmp_path / "e.tsv")
    rows = read_tsv(tmp_path / "e.tsv", GDELT_EVENT_COLUMNS)
    assert len(rows) == 2
    assert {r["ActionGeo_FullName"] for r in rows} == {"", "Kharkiv\x1fcity north, Ukraine"}
