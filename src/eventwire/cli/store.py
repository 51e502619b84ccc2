"""Store commands: export, merge, dyads, top-actors, plot (options -> eventwire.store / .export).

``top_actors_command`` is also meant to be mounted as ``eventwire actors top`` by cli/actors.py::

    actors_app.command("top", help=TOP_ACTORS_HELP)(top_actors_command)
"""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any, Optional

import typer

EPILOG = ("Exit codes: 0 done; 1 the store or the output cannot be used (the message says why); "
          "2 usage error.")


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    plover = "plover"
    icews = "icews"
    parquet = "parquet"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class Level(str, Enum):
    root = "root"
    code = "code"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class PlotKind(str, Enum):
    timeline = "timeline"
    network = "network"
    types = "types"


DB_OPTION = typer.Option(..., "--db", metavar="FILE", help="The DuckDB event store to read.")


def _fail(message: str, code: int = 1) -> None:
    print(f"eventwire: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _open(db: str):
    from eventwire.store import EventStore

    return EventStore(db, must_exist=True)


def _run(action):
    """Run a library call and turn eventwire errors into one clean line."""
    from eventwire.errors import EventwireError

    try:
        return action()
    except EventwireError as exc:
        _fail(str(exc))
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        raise typer.Exit(0) from None


# Short headers for the readable table (CSV and JSON keep the full names).
TABLE_LABELS = {"source": "src", "target": "tgt", "events": "ev", "mentions": "ment",
                "verbal_coop": "q1", "material_coop": "q2", "verbal_conflict": "q3",
                "material_conflict": "q4", "goldstein_sum": "gold", "as_source": "as src",
                "as_target": "as tgt", "mean_goldstein": "gold", "cooperation": "coop"}
QUAD_CAPTION = ("q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, "
                "q4 material conflict; index = (q1+q2-q3-q4)/(q1+q2+q3+q4)")


def _print_rows(rows: list[dict[str, Any]], columns: list[str], fmt: OutputFormat,
                title: str, caption: str | None = None) -> None:
    def cell(value: Any) -> str:
        if isinstance(value, dict):
            return " ".join(f"{k}:{v}" for k, v in value.items())
        if isinstance(value, float):
            return f"{value:.2f}"
        return "" if value is None else str(value)

    if fmt is OutputFormat.json:
        for row in rows:
            print(json.dumps({c: row.get(c) for c in columns}, default=str))
    elif fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(c)) for c in columns])
    else:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        console = Console()
        if not console.is_terminal:  # piped or redirected: no terminal width to respect
            console = Console(width=max(console.width, 160))
        table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, pad_edge=False,
                      caption_justify="left")
        for c in columns:
            numeric = bool(rows) and isinstance(rows[0].get(c), (int, float))
            table.add_column(TABLE_LABELS.get(c, c), justify="right" if numeric else "left",
                             no_wrap=c != "types", overflow="fold")
        for row in rows:
            table.add_row(*(cell(row.get(c)) or "-" for c in columns))
        console.print(table if rows else "no events match")


# -- commands ------------------------------------------------------------------------------------


def export_command(
    db: str = DB_OPTION,
    format: ExportFormat = typer.Option(..., "--format", "-f", case_sensitive=False,
                                        help="gdelt (GDELT 2.0 Events, 61 columns), gdelt-mentions, "
                                             "plover (JSON Lines), icews (20 columns), parquet "
                                             "(a directory, one file per table)."),
    output: str = typer.Option(..., "-o", "--output", metavar="OUT",
                               help="Output file ('-' for stdout), or directory for parquet."),
) -> None:
    """Export merged events in a standard event-data format."""
    from eventwire.export import export

    def action():
        with _open(db) as store:
            return export(store, format.value, output)

    result = _run(action)
    note = f", {result.skipped} skipped (see docs/schema.md)" if result.skipped else ""
    print(f"wrote {result.rows} rows ({result.format}) to {result.path}{note}", file=sys.stderr)


def merge_command(
    db: str = DB_OPTION,
    window_days: Optional[int] = typer.Option(None, "--window-days", min=0, metavar="N",
                                              help="Merge mentions at most N days apart "
                                                   "(default: the store's setting, initially 1)."),
) -> None:
    """Merge event mentions across articles again (export, dyads and plot merge automatically)."""
    def action():
        with _open(db) as store:
            return store.merge_events(window_days=window_days), store.merge_window_days

    stats, window = _run(action)
    print(f"merged {stats['mentions']} mentions into {stats['events']} events "
          f"(window {window} day{'s' if window != 1 else ''})", file=sys.stderr)


DYAD_COLUMNS = ["period", "source", "target", "events", "mentions", "verbal_coop", "material_coop",
                "verbal_conflict", "material_conflict", "goldstein_sum", "index", "types"]


def dyads_command(
    db: str = DB_OPTION,
    source: Optional[str] = typer.Option(None, "--source", metavar="ACTOR",
                                         help="Source actor: a root (RUS) or full code (RUSMIL)."),
    target: Optional[str] = typer.Option(None, "--target", metavar="ACTOR",
                                         help="Target actor: a root (UKR) or full code."),
    by: Period = typer.Option(Period.month, "--by", case_sensitive=False, help="Period."),
    level: Level = typer.Option(Level.root, "--level", case_sensitive=False,
                                help="Key dyads on actor roots (RUS) or full codes (RUSMIL)."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", case_sensitive=False,
                                        help="A readable table, CSV, or JSON Lines."),
) -> None:
    """Events per dyad and period: quad classes, types, Goldstein sum, cooperation index."""
    from eventwire.store.analytics import dyad_counts

    def action():
        with _open(db) as store:
            return dyad_counts(store, source=source, target=target, by=by.value, level=level.value)

    rows = _run(action)
    _print_rows(rows, DYAD_COLUMNS, format, f"Dyads by {by.value}", QUAD_CAPTION)


TOP_ACTORS_HELP = "The actors in most events (as source or target), with their mean Goldstein score."
TOP_ACTOR_COLUMNS = ["actor", "name", "events", "as_source", "as_target", "mentions", "cooperation",
                     "conflict", "mean_goldstein"]


def top_actors_command(
    db: str = DB_OPTION,
    n: int = typer.Option(10, "-n", "--top", min=1, metavar="N", help="How many actors."),
    level: Level = typer.Option(Level.root, "--level", case_sensitive=False,
                                help="Count actor roots (RUS) or full codes (RUSMIL)."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", case_sensitive=False,
                                        help="A readable table, CSV, or JSON Lines."),
) -> None:
    """The actors in most events (as source or target), with their mean Goldstein score."""
    from eventwire.store.analytics import top_actors

    def action():
        with _open(db) as store:
            return top_actors(store, n=n, level=level.value)

    rows = _run(action)
    _print_rows(rows, TOP_ACTOR_COLUMNS, format, f"Top {n} actors")


def plot_command(
    kind: PlotKind = typer.Argument(..., case_sensitive=False, metavar="KIND",
                                    help="timeline (dyad cooperation vs conflict), network "
                                         "(actors, coloured by mean Goldstein), types (bar chart)."),
    db: str = DB_OPTION,
    output: str = typer.Option(..., "-o", "--output", metavar="FILE.png",
                               help="Image to write (PNG; .svg and .pdf work too)."),
    source: Optional[str] = typer.Option(None, "--source", metavar="ACTOR",
                                         help="timeline: the dyad's source actor."),
    target: Optional[str] = typer.Option(None, "--target", metavar="ACTOR",
                                         help="timeline: the dyad's target actor."),
    by: Period = typer.Option(Period.month, "--by", case_sensitive=False,
                              help="timeline: the period."),
) -> None:
    """Draw a plot of the store with matplotlib."""
    from eventwire.export.plots import plot

    def action():
        with _open(db) as store:
            return plot(store, kind.value, output, source=source, target=target, by=by.value)

    path = _run(action)
    print(f"wrote {path}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("export", epilog=EPILOG)(export_command)
    app.command("merge", epilog=EPILOG)(merge_command)
    app.command("dyads", epilog=EPILOG)(dyads_command)
    app.command("top-actors", help=TOP_ACTORS_HELP, epilog=EPILOG)(top_actors_command)
    app.command("plot", epilog=EPILOG)(plot_command)
