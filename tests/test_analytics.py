"""Dyad counts per period, top actors and the cooperation-conflict index, on a real store."""

from __future__ import annotations

import pytest

from eventwire.errors import StoreError
from eventwire.store import EventStore
from eventwire.store.analytics import (actor_network, cooperation_index, dyad_counts,
                                       event_types, period_range, top_actors)
from test_store import article, two_reports


@pytest.fixture
def store(tmp_path):
    arts = two_reports()  # 2024-03-04: RUSMIL->UKR attack (2 reports), UKR->RUS accusation
    arts.append(article("m2", ["Talks.", "Russian diplomats visited Ukraine."],
                        [(1, "042", "RUSGOV", "UKR", "2024-03-20")], url="https://x.example/m2"))
    arts.append(article("m3", ["Aid.", "Russia sent humanitarian aid to Ukraine."],
                        [(1, "073", "RUS", "UKR", "2024-04-02")], url="https://x.example/m3"))
    arts.append(article("m4", ["Clash.", "Russian forces attacked Ukraine."],
                        [(1, "190", "RUSMIL", "UKR", "2024-04-09")], url="https://y.example/m4"))
    arts.append(article("m5", ["Deal.", "Germany signed an agreement with France."],
                        [(1, "057", "DEUGOV", "FRA", "2024-04-10")], url="https://y.example/m5"))
    with EventStore(tmp_path / "e.duckdb") as s:
        s.add_articles(arts)
        yield s


def test_dyad_counts_by_month_count_merged_events_per_quad_class(store):
    rows = dyad_counts(store, source="RUS", target="UKR", by="month")
    assert [(r["period"], r["events"]) for r in rows] == [("2024-03", 2), ("2024-04", 2)]
    march, april = rows
    assert march["mentions"] == 3  # the attack was reported twice, the visit once
    assert (march["verbal_coop"], march["material_conflict"]) == (1, 1)
    assert march["types"] == {"ASSAULT": 1, "CONSULT": 1}
    assert march["goldstein_sum"] == pytest.approx(-10.0 + 1.9)
    assert march["index"] == 0.0
    assert (april["material_coop"], april["material_conflict"]) == (1, 1)
    assert april["goldstein_sum"] == pytest.approx(7.4 - 10.0)


def test_dyad_filters_match_root_or_full_code_case_insensitively(store):
    rows = dyad_counts(store, source="rusmil", by="month")
    assert sum(r["events"] for r in rows) == 2
    assert {r["source"] for r in rows} == {"RUS"}
    assert dyad_counts(store, source="FRA") == []


def test_dyad_counts_at_code_level_keep_sectors_apart(store):
    rows = dyad_counts(store, source="RUS", target="UKR", by="month", level="code")
    assert {r["source"] for r in rows} == {"RUSMIL", "RUSGOV", "RUS"}


def test_dyad_counts_by_week_and_day(store):
    weeks = dyad_counts(store, source="RUS", target="UKR", by="week")
    assert [w["period"] for w in weeks] == ["2024-W10", "2024-W12", "2024-W14", "2024-W15"]
    days = dyad_counts(store, by="day")
    assert days[0]["period"] == "2024-03-04"
    assert {(d["source"], d["target"]) for d in days if d["period"] == "2024-03-04"} == {
        ("RUS", "UKR"), ("UKR", "RUS")}


def test_period_range_fills_quiet_periods():
    assert period_range("2023-11", "2024-02", "month") == ["2023-11", "2023-12", "2024-01",
                                                          "2024-02"]
    assert period_range("2024-W52", "2025-W02", "week") == ["2024-W52", "2025-W01", "2025-W02"]
    assert period_range("2024-02-28", "2024-03-01", "day") == ["2024-02-28", "2024-02-29",
                                                               "2024-03-01"]


def test_unknown_period_is_a_clean_error(store):
    with pytest.raises(StoreError, match="unknown period 'year'"):
        dyad_counts(store, by="year")


def test_filter_values_are_parameters_not_sql(store):
    assert dyad_counts(store, source="RUS' OR 1=1 --") == []
    assert store.count("merged_events") == 6


def test_cooperation_index_bounds():
    assert cooperation_index(3, 0) == 1.0
    assert cooperation_index(0, 2) == -1.0
    assert cooperation_index(1, 3) == -0.5
    assert cooperation_index(0, 0) is None


def test_top_actors_rank_by_events_in_either_role(store):
    rows = top_actors(store, n=3)
    assert [r["actor"] for r in rows[:2]] == ["RUS", "UKR"]
    rus = rows[0]
    assert (rus["events"], rus["as_source"], rus["as_target"]) == (5, 4, 1)
    assert rus["name"] == "Russia"
    assert rus["mean_goldstein"] == pytest.approx((-10 + 1.9 + 7.4 - 10 - 2) / 5, abs=0.01)
    assert len(top_actors(store, n=1)) == 1


def test_event_types_and_network(store):
    types = {t["type"]: t["events"] for t in event_types(store)}
    assert types == {"ASSAULT": 2, "ACCUSE": 1, "CONSULT": 1, "AID": 1, "AGREE": 1}
    edges = {(e["source"], e["target"]): e for e in actor_network(store)}
    assert edges[("RUS", "UKR")]["events"] == 4
    assert edges[("DEU", "FRA")]["mean_goldstein"] == pytest.approx(8.0)


# -- command line ---------------------------------------------------------------------------------


def _cli(*args):
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_dyads_command_json_and_csv(store, tmp_path):
    import csv
    import io
    import json

    store.close()
    db = str(tmp_path / "e.duckdb")
    rows = [json.loads(line) for line in _cli("dyads", "--db", db, "--source", "RUS",
                                                "--target", "UKR", "--format", "json").splitlines()]
    assert [(r["period"], r["events"]) for r in rows] == [("2024-03", 2), ("2024-04", 2)]
    assert rows[0]["types"] == {"ASSAULT": 1, "CONSULT": 1}
    table = list(csv.DictReader(io.StringIO(_cli("dyads", "--db", db, "--by", "week",
                                                 "--format", "csv"))))
    assert table[0]["period"] == "2024-W10" and "material_conflict" in table[0]
    readable = _cli("dyads", "--db", db)
    assert "2024-03" in readable and "RUS" in readable


def test_top_actors_command(store, tmp_path):
    import csv
    import io

    store.close()
    out = _cli("top-actors", "--db", str(tmp_path / "e.duckdb"), "-n", "2", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["actor"] for r in rows] == ["RUS", "UKR"]
    assert rows[0]["events"] == "5"


def test_top_actors_command_mounts_as_actors_top(store, tmp_path):
    # cli/actors.py owns the `actors` group; this is how it mounts the command.
    import typer
    from typer.testing import CliRunner

    from eventwire.cli.store import TOP_ACTORS_HELP, top_actors_command

    store.close()
    app, actors_app = typer.Typer(), typer.Typer()
    actors_app.command("top", help=TOP_ACTORS_HELP)(top_actors_command)
    app.add_typer(actors_app, name="actors")
    result = CliRunner().invoke(app, ["actors", "top", "--db", str(tmp_path / "e.duckdb"),
                                      "--format", "json", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert '"actor": "RUS"' in result.output
