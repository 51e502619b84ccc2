"""``eventwire actors``: look up names in the actor knowledge base and the gazetteer, count coverage.

Options -> ``eventwire.actors.kb`` and ``eventwire.gazetteer``; the only logic here is choosing
what to print.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Optional

import typer

EPILOG = "Exit codes: 0 found; 1 nothing found; 2 usage error or unreadable dictionary."

DATE_OPTION = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                           help="The date to resolve on (an article's publication date). Default: today.")
DICTIONARY_OPTION = typer.Option(
    None, "--dictionary", metavar="FILE",
    help="A user dictionary (YAML) whose entries are added and win over built-in ones. Repeatable.")

# Offices that make a person their country's head of state or government, for coverage counts.
# A qualifier in parentheses ("prime minister (taoiseach)") and a caretaker prefix are ignored.
HEAD_OFFICES = frozenset({
    "president", "prime minister", "premier", "chancellor", "federal president",
    "president of the confederation", "head of state", "head of government", "chief executive",
    "king", "queen", "emperor", "emir", "sultan", "grand duke", "prince", "supreme leader",
    "member of the presidency", "chairman of the council of ministers",
    "chairman of the interim administration", "de facto president", "pope",
})
CARETAKER_PREFIXES = ("acting ", "interim ", "transitional ", "caretaker ")


def is_head_office(office: str | None) -> bool:
    """Whether an office (people.tsv ``office``) is a head of state or government."""
    office = re.sub(r"\s*\(.*?\)", "", office or "").strip().lower()
    for prefix in CARETAKER_PREFIXES:
        if office.startswith(prefix):
            office = office[len(prefix):]
    return office in HEAD_OFFICES


def heads_on(kb, on: date) -> dict[str, list]:
    """Country -> the people entries holding a head-of-state or -government office on a date."""
    heads: dict[str, list] = {}
    for entry in kb.entries:
        if entry.kind in ("person", "user") and entry.country and is_head_office(entry.office) \
                and entry.start is not None and entry.valid_on(on):
            heads.setdefault(entry.country, []).append(entry)
    return heads


# -- helpers --------------------------------------------------------------------------------------
def _fail(message: str, code: int = 2) -> None:
    print(f"eventwire: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _parse_date(value: Optional[str]) -> tuple[date, bool]:
    if not value:
        return date.today(), True
    try:
        return date.fromisoformat(value), False
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD", param_hint="--date")


def _knowledge_base(dictionaries: Optional[list[Path]]):
    from ..actors.kb import load_knowledge_base
    from ..errors import EventwireError

    for path in dictionaries or []:
        if not Path(path).is_file():
            _fail(f"dictionary {path} does not exist")
    try:
        return load_knowledge_base(user_dictionaries=list(dictionaries or []))
    except EventwireError as exc:
        _fail(f"{exc} (fix the dictionary, or leave it out)")


def _status(entry, on: date) -> str:
    if entry.start is None and entry.end is None:
        return ""
    word = ("in office", "out of office") if entry.kind == "person" else ("in force", "not in force")
    return word[0] if entry.valid_on(on) else f"{word[1]} on {on}"


def _line(entry, on: date) -> str:
    where = f"org {entry.org}" if entry.org else (f"country {entry.country}" if entry.country else "no country")
    bits = [f"{entry.code or '-':<10}", f"{entry.kind:<9}", where, f"sector {entry.sector or '-'}"]
    who = entry.names[0]
    if entry.office:
        who += f", {entry.office}"
    if entry.start or entry.end:
        who += f", {entry.start or '...'} to {entry.end or 'present'}"
    status = _status(entry, on)
    text = "  ".join(bits) + f"  | {who}"
    if status:
        text += f"  [{status}]"
    return text + f"  (source: {entry.source or 'unknown'})"


# -- commands -------------------------------------------------------------------------------------
def lookup_command(
    name: str = typer.Argument(..., metavar="NAME", help="A name as written in the text: Putin, the Kremlin, Homs."),
    on: Optional[str] = DATE_OPTION,
    dictionary: Optional[list[Path]] = DICTIONARY_OPTION,
    context: Optional[list[str]] = typer.Option(
        None, "--context", metavar="ISO3",
        help="A country the article mentions or is datelined in, to choose between places of the "
             "same name (Tripoli: LBY or LBN). Repeatable."),
) -> None:
    """Every entry a NAME can denote, with its code, office, dates and source; places as a fallback.

    People out of office on the date are listed and marked as such. When no entry is in force on
    the date (or --context is given), the gazetteer is asked whether NAME is a place.
    """
    from ..actors.kb import normalise
    from ..gazetteer import default_gazetteer

    when, today = _parse_date(on)
    kb = _knowledge_base(dictionary)
    entries = list(kb.by_name.get(normalise(name), []))
    valid = [e for e in entries if e.valid_on(when)]
    stale = sorted((e for e in entries if not e.valid_on(when)), key=lambda e: (e.start or date.min))
    label = f"{when} (today)" if today else str(when)
    typer.echo(f"{name!r} on {label}: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, "
               f"{len(valid)} in force")
    for entry in valid + stale:
        typer.echo("  " + _line(entry, when))
    if valid and not context:
        return
    place = default_gazetteer().lookup(name, context=[c.upper() for c in context or []])
    if place is None:
        if not entries:
            typer.echo(f"no actor or place named {name!r}")
            raise typer.Exit(1)
        return
    extra = [f"admin1 {place.admin1}"] if place.admin1 else []
    if place.population:
        extra.append(f"population {place.population:,}")
    if place.lat is not None:
        extra.append(f"{place.lat:.4f}, {place.lon:.4f}")
    typer.echo(f"  place: {place.feature} {place.name!r} in {place.country}"
               + (f" ({'; '.join(extra)})" if extra else ""))
    typer.echo(f"    {place.reason}")


def stats_command(
    on: Optional[str] = DATE_OPTION,
    dictionary: Optional[list[Path]] = DICTIONARY_OPTION,
    gaps: bool = typer.Option(False, "--gaps", help="List the countries with no head of state or "
                                                   "government on the date."),
) -> None:
    """Coverage of the actor knowledge base: entries and names by kind, people in office on a date."""
    when, today = _parse_date(on)
    kb = _knowledge_base(dictionary)
    entries = Counter(e.kind for e in kb.entries)
    names = Counter()
    for e in kb.entries:
        names[e.kind] += len(e.names)
    people = [e for e in kb.entries if e.kind == "person"]
    typer.echo("Actor knowledge base" + (f" (with {len(dictionary)} user dictionar"
                                         f"{'y' if len(dictionary) == 1 else 'ies'})" if dictionary else ""))
    rows = [("countries", "country"), ("adjectives", "adjective"), ("capitals", "capital"),
            ("seats", "seat"), ("organisations", "org"), ("user entries", "user"),
            ("PETRARCH entries", "petrarch")]
    for label, kind in rows:
        if entries[kind] or kind in ("country", "adjective", "capital", "seat", "org"):
            typer.echo(f"  {label:<22}{entries[kind]:>6} entries {names[kind]:>7} names")
    typer.echo(f"  {'people':<22}{len(people):>6} rows    {len({e.names[0] for e in people}):>7} distinct people, "
               f"{names['person']} names and aliases")
    by_sector = Counter(a.sector for a in kb.agents)
    typer.echo(f"  {'sector words':<22}{len(kb.agents):>6}         "
               + ", ".join(f"{s} {n}" for s, n in sorted(by_sector.items())))
    typer.echo(f"  {'distinct names':<22}{len(kb.by_name):>6}")
    label = f"{when} (today)" if today else str(when)
    in_office = [e for e in people if e.start is not None and e.valid_on(when)]
    heads = heads_on(kb, when)
    typer.echo(f"On {label}:")
    typer.echo(f"  {'people in office':<46}{len(in_office):>6}")
    typer.echo(f"  {'countries with a head of state or government':<46}{len(heads):>6}"
               f" of {entries['country']} countries and territories")
    if gaps:
        missing = sorted(c for c in kb.countries if c not in heads)
        typer.echo(f"  without one ({len(missing)}): " + (" ".join(missing) or "none"))


def _top_unavailable(reason: str):
    def top_command(db: str = typer.Option(..., "--db", metavar="FILE", help="The DuckDB event store to read.")) -> None:
        """The actors in most events (not available in this build)."""
        _fail(f"`actors top` is not available: {reason}", 1)

    return top_command


def build_app() -> typer.Typer:
    """The ``actors`` command group."""
    group = typer.Typer(
        name="actors",
        help="Look up actors (people by date, organisations, countries, places) and count coverage.",
        no_args_is_help=True,
        add_completion=False,
    )
    group.command("lookup", epilog=EPILOG)(lookup_command)
    group.command("stats")(stats_command)
    # `actors top` is the store's top-actors command mounted here. It is imported when the group
    # is built, so the CLI still starts (with a clear error for this one command) if it is absent.
    try:
        from .store import TOP_ACTORS_HELP, top_actors_command
    except Exception as exc:  # ImportError, or a store module that fails to import
        group.command("top")(_top_unavailable(
            f"eventwire.cli.store has no top_actors_command yet ({exc.__class__.__name__}: {exc})"))
    else:
        group.command("top", help=TOP_ACTORS_HELP,
                      epilog="Same as `eventwire top-actors`.")(top_actors_command)
    return group


def register(app: typer.Typer) -> None:
    app.add_typer(build_app(), name="actors")
