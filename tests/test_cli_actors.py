"""`eventwire actors lookup | stats | top` through the real CLI (typer's CliRunner)."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["actors", *args])


def test_lookup_lists_every_office_and_marks_the_one_in_force():
    result = run("lookup", "Putin", "--date", "2010-06-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("'Putin' on 2010-06-01:")
    current = [ln for ln in lines if "[in office]" in ln]
    assert len(current) == 1 and "prime minister, 2008-05-08 to 2012-05-07" in current[0]
    assert "RUSGOV" in current[0] and "people.tsv" in current[0]
    # people out of office on that date are listed as such, not dropped
    assert any("president, 2000-05-07 to 2008-05-07  [out of office on 2010-06-01]" in ln for ln in lines)
    later = run("lookup", "Putin", "--date", "2013-01-01").output
    assert any("[in office]" in ln and "president, 2012-05-07 to present" in ln for ln in later.splitlines())


def test_lookup_falls_back_to_the_gazetteer_for_places():
    result = run("lookup", "Homs")
    assert result.exit_code == 0
    assert "place: city 'Homs' in SYR" in result.output
    tripoli = run("lookup", "Tripoli", "--context", "LBN")
    assert "place: city 'Tripoli' in LBN" in tripoli.output


def test_lookup_of_an_unknown_name_fails_cleanly():
    result = run("lookup", "Xyzzy Qwerty")
    assert result.exit_code == 1
    assert "no actor or place named 'Xyzzy Qwerty'" in result.output


def test_lookup_rejects_a_bad_date():
    result = run("lookup", "Putin", "--date", "June 2010")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_lookup_uses_a_user_dictionary(tmp_path):
    path = tmp_path / "analyst.yaml"
    path.write_text("people:\n  - {name: Jane Doe, aliases: [Doe], country: FRA, sector: GOV, "
                    "office: foreign minister, start: 2026-01-01}\n", encoding="utf-8")
    result = run("lookup", "Doe", "--date", "2026-03-01", "--dictionary", str(path))
    assert result.exit_code == 0, result.output
    assert "FRAGOV" in result.output and "[in force]" in result.output
    assert "source: analyst.yaml" in result.output
    missing = run("lookup", "Doe", "--dictionary", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_stats_prints_coverage_counts():
    result = run("stats", "--date", "2012-06-05", "--gaps")
    assert result.exit_code == 0, result.output
    out = result.output
    for label in ("countries", "adjectives", "capitals", "organisations", "people", "sector words",
                  "distinct people", "On 2012-06-05:"):
        assert label in out
    (heads,) = [ln for ln in out.splitlines() if "countries with a head of state or government" in ln]
    assert int(heads.split("government")[1].split()[0]) >= 190
    assert "without one" in out


def test_top_mounts_the_store_command(tmp_path):
    from eventwire.store import EventStore

    db = tmp_path / "events.duckdb"
    with EventStore(db):
        pass
    result = run("top", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "no events" in result.output.lower() or "Top" in result.output
    missing = run("top", "--db", str(tmp_path / "absent.duckdb"))
    assert missing.exit_code == 1


def test_top_says_clearly_when_the_store_command_is_missing(monkeypatch):
    import eventwire.cli.store as store_cli
    from eventwire.cli import actors

    monkeypatch.delattr(store_cli, "top_actors_command")
    cli = typer.Typer()
    actors.register(cli)
    cli.command("noop")(lambda: None)  # a second command keeps `actors` a sub-command
    result = CliRunner().invoke(cli, ["actors", "top", "--db", "x.duckdb"])
    assert result.exit_code == 1
    assert "`actors top` is not available" in result.output
