"""`eventwire code`: code news inputs into events (options -> eventwire.runner, nothing else)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperCommand

DEFAULT_DB = "eventwire.duckdb"

EXIT_CODES = """Exit codes: 0 every document was coded; 1 some document was rejected (see stderr and
the rejects file); 2 usage error (bad option, missing input, resume conflict); 3 the run failed
(no spaCy model, a worker died) - re-run the same command to resume; 130 interrupted."""


class _CodeCommand(TyperCommand):
    """`--db` takes an optional value: given alone (last, or before another option) it means
    the default store file. Click's own optional values are not exposed by Typer."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        args = list(args)
        for i, arg in enumerate(args):
            if arg == "--":
                break
            if arg == "--db" and (i + 1 == len(args) or (args[i + 1].startswith("-") and args[i + 1] != "-")):
                args.insert(i + 1, DEFAULT_DB)
        return super().parse_args(ctx, args)


def register(app: typer.Typer) -> None:
    app.command("code", help=HELP, epilog=EXIT_CODES, cls=_CodeCommand)(code)


HELP = """Code news INPUTs into political events (CAMEO and PLOVER), as JSON Lines.

INPUT is a file, a directory (walked recursively), a glob, an RSS/Atom feed URL, or '-' for
standard input. Readable: .txt .html .htm .json .jsonl .csv .parquet .warc .warc.gz, RSS/Atom
(.rss .atom .xml or a URL; each item's page is fetched), each also as .gz or .zst.

Output: one article a line with its events nested, or one event a line with --events. Rejected
documents are listed on stderr and written, with their reason, to a rejects file next to the
output (OUTPUT.rejects.jsonl) or --rejects FILE. With -o, a run that is stopped (even kill -9)
continues where it stopped when the same command is run again.
"""


def _fields(values: list[str]) -> dict[str, str]:
    from eventwire.ingest import FIELD_NAMES

    mapping: dict[str, str] = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or name not in FIELD_NAMES or not column:
            raise typer.BadParameter(f"{value!r}: use NAME=COLUMN with NAME one of "
                                     f"{', '.join(FIELD_NAMES)}", param_hint="--field")
        mapping[name] = column
    return mapping


def code(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help="Files, directories, globs, feed URLs, or '-'."),
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE",
                                         help="Write JSON Lines here (default: stdout)."),
    events: bool = typer.Option(False, "--events", help="One event a line instead of one article a line."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, metavar="N",
                                          help="Worker processes (default: the machine's cores; 1 codes in this process)."),
    db: Optional[str] = typer.Option(None, "--db", metavar="[FILE]",
                                     help=f"Write articles, events and rejects to a DuckDB store (default file: {DEFAULT_DB}); "
                                          "without -o, no JSON Lines are written."),
    rejects: Optional[str] = typer.Option(None, "--rejects", metavar="FILE",
                                          help="Write rejected documents here (default: OUTPUT.rejects.jsonl beside -o)."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline name or path."),
    dictionary: list[Path] = typer.Option([], "--dictionary", metavar="FILE", exists=True, dir_okay=False,
                                          help="A user dictionary (YAML) added to the built-in ones; repeatable."),
    table: bool = typer.Option(False, "--table", help="Print a readable table of the events to stdout instead of JSON Lines."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, metavar="N", help="Read at most N input records."),
    resume: bool = typer.Option(True, "--resume/--no-resume",
                                help="Continue a stopped run into the same -o FILE (default), or start it over."),
    timeout: float = typer.Option(60.0, "--timeout", min=0, metavar="SECONDS",
                                  help="Reject a document that takes longer than this to code (0: no limit)."),
    field: list[str] = typer.Option([], "--field", metavar="NAME=COLUMN",
                                    help="Column holding a record field in JSON/CSV/Parquet input "
                                         "(NAME: id, text, title, published, url); repeatable."),
) -> None:
    from eventwire.config import Config
    from eventwire.errors import EventwireError, InputError
    from eventwire.ingest import IngestOptions, MissingDependency
    from eventwire.runner import RunError, RunOptions, events_table, run

    config = Config.from_env(model=model, user_dictionaries=tuple(dictionary) or None)
    options = RunOptions(
        inputs=inputs, output=output, events=events, rejects=rejects, db=db, workers=workers,
        limit=limit, resume=resume, table=table, config=config, timeout=timeout or None,
        ingest=IngestOptions(max_chars=config.max_chars, fields=_fields(field)),
        command=" ".join(["eventwire", *sys.argv[1:]]),
    )
    try:
        summary = run(options)
    except InputError as exc:  # an input path that names nothing
        _fail(f"{exc.detail}", 2)
    except RunError as exc:
        _fail(str(exc), 2)
    except MissingDependency as exc:
        _fail(str(exc), 2)
    except KeyboardInterrupt:
        _fail("interrupted; run the same command again to continue where it stopped", 130)
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None
    except EventwireError as exc:
        _fail(str(exc), 3)
    except Exception as exc:  # a failure of the pipeline itself: say it in one line, keep going later
        if os.environ.get("EVENTWIRE_DEBUG"):
            raise
        _fail(f"the run failed: {type(exc).__name__}: {exc} (set EVENTWIRE_DEBUG=1 for the "
              "traceback); the documents coded so far are kept: run the same command to resume", 3)

    if table:
        from rich.console import Console

        console = Console()
        if not console.is_terminal:  # piped or captured: no terminal width to respect
            console = Console(width=150)
        if summary.table_rows:
            console.print(events_table(summary.table_rows, width=console.width))
        else:
            console.print("no events found")
    for line in summary.lines():
        print(line, file=sys.stderr)
    raise typer.Exit(summary.exit_code)


def _fail(message: str, code: int) -> None:
    print(f"eventwire: {message}", file=sys.stderr)
    raise typer.Exit(code)
