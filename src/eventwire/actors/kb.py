"""The actor knowledge base: countries, organisations, office holders, sector words, user entries.

Everything here is read from data files (``data/actors/``) and from user dictionaries; nothing
about any particular actor is written in code. ``KnowledgeBase.lookup(name, on=date)`` answers
what a name denotes on a given date, with the entry that says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..data import data_path, load_tsv, load_yaml, split_list
from ..errors import DictionaryError

SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "BUS", "MED", "CVL",
           "REF", "REL", "LAB", "EDU", "IGO", "NGO", "UAF")

# Kinds of entry, in the order a name is preferred when it has several meanings.
KIND_ORDER = ("user", "person", "org", "seat", "capital", "country", "adjective", "petrarch", "region")


@dataclass(frozen=True)
class ActorEntry:
    """One thing a name can denote."""

    names: tuple[str, ...]
    kind: str  # country | adjective | capital | seat | org | person | petrarch | user | region
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    start: date | None = None
    end: date | None = None
    office: str | None = None
    source: str = ""  # the file (and row) the entry comes from

    @property
    def root(self) -> str | None:
        return self.org or self.country

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def describe(self) -> str:
        bits = [f"{self.kind} entry {self.names[0]!r}"]
        if self.office:
            bits.append(self.office)
        if self.start or self.end:
            bits.append(f"{self.start or '…'} to {self.end or 'present'}")
        if self.source:
            bits.append(f"from {self.source}")
        return ", ".join(bits)


@dataclass(frozen=True)
class AgentEntry:
    """A role word or title that gives a sector (PETRARCH calls these agents)."""

    phrase: str
    sector: str
    source: str = ""


def _date(value: str | None) -> date | None:
    if not value:
        return None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = value.split("-")
        return date(int(y), int(m), 1)
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise DictionaryError(f"bad date {value!r}: use YYYY-MM-DD") from exc


def make_code(root: str | None, sector: str | None, org: str | None = None) -> str | None:
    if org:
        return f"IGO{org}" if sector in (None, "IGO") and len(org) <= 3 else (
            org if not sector or sector == "IGO" else f"{org}{sector}")
    if root and sector:
        return f"{root}{sector}"
    return root or sector  # a sector alone ("CVL") when the country is not known


@dataclass
class KnowledgeBase:
    entries: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.by_name: dict[str, list[ActorEntry]] = defaultdict(list)
        for entry in self.entries:
            for name in entry.names:
                self.by_name[normalise(name)].append(entry)
        for key, items in self.by_name.items():
            # user entries win; among the rest, the most specific kind first
            items.sort(key=lambda e: KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 99)
        self.sector_of: dict[str, AgentEntry] = {}
        for agent in self.agents:
            self.sector_of[normalise(agent.phrase)] = agent
        self.max_sector_words = max((len(p.split()) for p in self.sector_of), default=1)
        self.countries = {e.country: e for e in self.entries if e.kind == "country"}

    # -- queries -------------------------------------------------------------------------------
    def lookup(self, name: str, on: date | None = None) -> list[ActorEntry]:
        """Entries a name denotes on a date (people out of office on that date are left out)."""
        found = self.by_name.get(normalise(name), [])
        valid = [e for e in found if e.valid_on(on)]
        return valid

    def sector(self, phrase: str) -> AgentEntry | None:
        return self.sector_of.get(normalise(phrase))

    def country_name(self, iso3: str) -> str | None:
        entry = self.countries.get(iso3)
        return entry.names[0] if entry else None

    def names(self) -> Iterable[str]:
        return self.by_name.keys()

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for e in self.entries:
            counts[e.kind] += 1
        counts["names"] = len(self.by_name)
        counts["sector_words"] = len(self.sector_of)
        counts["people_distinct"] = len({e.names[0] for e in self.entries if e.kind == "person"})
        return dict(counts)

    # -- building ------------------------------------------------------------------------------
    def extend(self, entries: Iterable[ActorEntry] = (), agents: Iterable[AgentEntry] = ()) -> "KnowledgeBase":
        """A new knowledge base with more entries; user entries replace same-name built-ins."""
        entries = list(entries)
        agents = list(agents)
        overridden = {normalise(n) for e in entries if e.kind == "user" for n in e.names}
        kept = [e for e in self.entries
                if not (overridden & {normalise(n) for n in e.names})]
        kept_agents = [a for a in self.agents if normalise(a.phrase) not in {normalise(x.phrase) for x in agents}]
        return KnowledgeBase(kept + entries, kept_agents + agents)


def normalise(name: str) -> str:
    name = name.strip().replace("’", "'").replace("‘", "'")
    name = re.sub(r"\s+", " ", name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name.lower()


# -- loaders -----------------------------------------------------------------------------------
def load_countries(path: str | Path = "actors/countries.tsv") -> list[ActorEntry]:
    entries = []
    src = str(path).split("/")[-1]
    for row in load_tsv(path):
        iso = row["iso3"]
        names = tuple([row["name"], *split_list(row.get("aliases"))])
        entries.append(ActorEntry(names, "country", country=iso, code=iso, source=src))
        adjectives = tuple(split_list(row.get("adjectives")))
        if adjectives:
            entries.append(ActorEntry(adjectives, "adjective", country=iso, code=iso, source=src))
        capitals = tuple(split_list(row.get("capitals")))
        if capitals:
            entries.append(ActorEntry(capitals, "capital", country=iso, sector="GOV",
                                      code=f"{iso}GOV", source=src))
        seats = tuple(split_list(row.get("seats")))
        if seats:
            entries.append(ActorEntry(seats, "seat", country=iso, sector="GOV", code=f"{iso}GOV",
                                      source=src))
    return entries


def load_peoples(path: str | Path = "actors/peoples.tsv") -> list[ActorEntry]:
    """Peoples no country is named after, as adjectives of their home country ("Yoruba")."""
    src = str(path).split("/")[-1]
    return [ActorEntry(tuple(split_list(row["names"])), "adjective", country=row["iso3"], code=row["iso3"],
                       source=src) for row in load_tsv(path) if row.get("names")]


def _org_entry(item: dict, kind: str, src: str) -> ActorEntry:
    names = item.get("names") or ([item["name"]] if item.get("name") else [])
    if not names:
        raise DictionaryError(f"{src}: an entry has no names: {item!r}")
    sector = item.get("sector")
    if sector and sector not in SECTORS:
        raise DictionaryError(f"{src}: unknown sector {sector!r} for {names[0]!r}")
    org = item.get("org")
    country = item.get("country")
    return ActorEntry(
        tuple(str(n) for n in names), kind, country=country, org=org, sector=sector,
        code=item.get("code") or make_code(country, sector, org), start=_date(item.get("start")),
        end=_date(item.get("end")), office=item.get("office"), source=src,
    )


def load_organisations(path: str | Path = "actors/organisations.yaml") -> list[ActorEntry]:
    src = str(path).split("/")[-1]
    data = load_yaml(path) or []
    return [_org_entry(item, "org", src) for item in data]


def load_people(path: str | Path = "actors/people.tsv") -> list[ActorEntry]:
    src = str(path).split("/")[-1]
    entries = []
    for n, row in enumerate(load_tsv(path), start=2):
        names = tuple([row["name"], *split_list(row.get("aliases"))])
        country = row.get("country") or None
        org = row.get("org") or None
        sector = row.get("sector") or None
        entries.append(ActorEntry(
            names, "person", country=country, org=org, sector=sector,
            code=make_code(country, sector, org), start=_date(row.get("start")),
            end=_date(row.get("end")), office=row.get("office") or None, source=f"{src} row {n}",
        ))
    return entries


def load_sectors(path: str | Path = "actors/sectors.yaml") -> list[AgentEntry]:
    src = str(path).split("/")[-1]
    data = load_yaml(path) or {}
    agents = []
    for sector, words in data.items():
        if sector not in SECTORS:
            raise DictionaryError(f"{src}: unknown sector {sector!r}")
        for word in words or []:
            agents.append(AgentEntry(str(word).lower(), sector, src))
    return agents


def load_user_dictionary(path: str | Path) -> tuple[list[ActorEntry], list[AgentEntry]]:
    """A user's YAML overrides: keys countries, organisations, people, sectors.

    ```yaml
    organisations: [{names: [Wagner Group, Wagner], country: RUS, sector: MIL}]
    people: [{name: Jane Doe, aliases: [Doe], country: FRA, sector: GOV, start: 2024-01-01}]
    countries: [{iso3: SYR, names: [Sham]}]
    sectors: {REB: [freedom fighters]}
    ```
    """
    path = Path(path)
    data = load_yaml(path.resolve())
    src = path.name
    entries: list[ActorEntry] = []
    for item in data.get("organisations", []) or []:
        entries.append(replace(_org_entry(item, "user", src)))
    for item in data.get("people", []) or []:
        names = [item["name"], *(item.get("aliases") or [])]
        entries.append(replace(_org_entry({**item, "names": names}, "user", src)))
    for item in data.get("countries", []) or []:
        iso = item["iso3"]
        entries.append(ActorEntry(tuple(item.get("names") or []), "user", country=iso,
                                  sector=item.get("sector"), code=make_code(iso, item.get("sector")),
                                  source=src))
    agents = [AgentEntry(str(w).lower(), sector, src)
              for sector, words in (data.get("sectors") or {}).items() for w in (words or [])]
    for a in agents:
        if a.sector not in SECTORS:
            raise DictionaryError(f"{src}: unknown sector {a.sector!r}")
    return entries, agents


def with_org_codes(entries: list[ActorEntry]) -> list[ActorEntry]:
    """Officials of an organisation carry the organisation's own code ("Guterres" -> IGOUNO)."""
    org_code: dict[str, str] = {}
    for e in entries:
        if e.kind == "org" and e.org and e.code:
            org_code.setdefault(e.org, e.code)
    return [replace(e, code=org_code[e.org]) if e.kind == "person" and e.org in org_code
            and e.sector in (None, "IGO") else e for e in entries]


def load_regions(path: str | Path = "actors/regions.txt") -> list[ActorEntry]:
    """World regions: matched as names only so that the names inside them are not."""
    text = data_path(str(path)).read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ActorEntry((name,), "region", source="regions.txt") for name in names]


@lru_cache(maxsize=1)
def builtin() -> KnowledgeBase:
    entries = load_countries() + load_peoples() + load_organisations() + load_regions()
    if data_path("actors/people.tsv").exists():
        entries += load_people()
    return KnowledgeBase(with_org_codes(entries), load_sectors())


def load_knowledge_base(user_dictionaries: Iterable[Path] = (), petrarch: Iterable[Path] = ()) -> KnowledgeBase:
    kb = builtin()
    extra: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    for path in petrarch:
        from .petrarch import load_petrarch_dictionary

        e, a = load_petrarch_dictionary(path)
        extra += e
        agents += a
    for path in user_dictionaries:
        e, a = load_user_dictionary(path)
        extra += e
        agents += a
    return kb.extend(extra, agents) if (extra or agents) else kb
