"""Gold items (what a reader yields) and predictions (what the scorers compare them with).

A reader turns one gold-set record into a ``GoldItem``: the text to code, an optional publication
date, and the gold labels it carries, already mapped to eventwire's vocabulary (PLOVER types,
ISO3 or organisation roots, eventwire sectors). ``predict`` turns an ``Article`` into a
``Prediction`` with the same shape, so the scorers never touch the pipeline and can be tested on
hand-made pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Rejected

ORG = "ORG"  # the single class every organisation root is compared as (see mappings.yaml)
UNKNOWN = "---"  # an actor with no known country or organisation


@dataclass(frozen=True)
class GoldActor:
    root: str  # ISO3, ORG, a gold-set root (fictional PETRARCH countries), or UNKNOWN
    sector: str | None = None  # an eventwire sector, or None where the gold gives none we score
    text: str = ""
    code: str | None = None  # the raw gold code, kept for display and full-code comparisons


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``types`` are the acceptable PLOVER types (or CAMEO codes), best first."""

    types: tuple[str, ...]
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    cameo: str | None = None
    reciprocal: bool = False  # "A and B agreed": each source is also the other's target

    @property
    def label(self) -> str:
        return self.types[0] if self.types else NONE

    def dyads(self) -> list[tuple[str, str, str | None]]:
        """(source root, type, target root) tuples; reciprocal events give both directions."""
        out = []
        sources = [a.root for a in self.sources] or [UNKNOWN]
        if self.reciprocal and not self.targets:
            for s in sources:
                for t in sources:
                    if s != t:
                        out.append((s, self.label, t))
            if out:
                return out
        targets = [a.root for a in self.targets] or [None]
        for s in sources:
            for t in targets:
                out.append((s, self.label, t))
        return out


NONE = "NONE"  # the label of "no political event"


@dataclass(frozen=True)
class GoldDate:
    value: str  # YYYY-MM-DD
    precision: str = "day"  # day | week | month | year


@dataclass(frozen=True)
class GoldLocation:
    names: tuple[str, ...] = ()  # any of these names is a correct place name (place, admin names)
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None


@dataclass
class GoldItem:
    id: str
    text: str
    published: str | None = None
    events: list[GoldEvent] = field(default_factory=list)  # [] = no political event expected
    scored: bool = True  # False: the label has no mapping; coded but left out of type metrics
    label: str = ""  # the gold set's own label, for display (e.g. "Riots / Mob violence")
    category: str | None = None
    date: GoldDate | None = None
    location: GoldLocation | None = None
    trigger: tuple[int, int] | None = None  # the gold event word's span, where the gold has one
    trigger_text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


# -- predictions --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PredActor:
    root: str  # ISO3 / gold-set root, ORG for organisations, UNKNOWN when neither is known
    sector: str | None = None
    code: str | None = None
    text: str = ""


@dataclass(frozen=True)
class PredLocation:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class PredEvent:
    type: str | None
    cameo: str = ""
    sources: tuple[PredActor, ...] = ()
    targets: tuple[PredActor, ...] = ()
    trigger: str = ""
    trigger_span: tuple[int, int] | None = None
    sentence_index: int = 0
    date: str | None = None
    date_precision: str | None = None
    location: PredLocation | None = None

    @property
    def label(self) -> str:
        return self.type or NONE

    def dyads(self) -> list[tuple[str, str, str | None]]:
        sources = [a.root for a in self.sources] or [UNKNOWN]
        targets = [a.root for a in self.targets] or [None]
        return [(s, self.label, t) for s in sources for t in targets]

    def describe(self) -> str:
        src = "+".join(a.code or a.root for a in self.sources) or "?"
        tgt = "+".join(a.code or a.root for a in self.targets) or "-"
        bits = f"{self.type or '-'}/{self.cameo or '-'} {src} -> {tgt} ({self.trigger!r})"
        if self.location:
            bits += f" @ {self.location.name}"
        if self.date:
            bits += f" on {self.date}"
        return bits


@dataclass
class Prediction:
    events: list[PredEvent] = field(default_factory=list)
    rejected: str | None = None  # the reason, when the pipeline rejected the document
    excluded_negated: int = 0

    def describe(self) -> str:
        if self.rejected:
            return f"rejected: {self.rejected}"
        return "; ".join(e.describe() for e in self.events) or "no event"


def org_root(root: str | None, generic: frozenset[str] = frozenset()) -> str:
    return ORG if root in generic else (root or UNKNOWN)


def pred_actor(actor, aliases: dict[str, str] | None = None) -> PredActor:
    """A coded ``Actor`` as the scorers compare it: organisations collapse to ``ORG``."""
    if actor.org and not actor.country:
        root = ORG
    else:
        root = actor.country or actor.org or UNKNOWN
    if aliases:
        root = aliases.get(root, root)
    return PredActor(root=root, sector=actor.sector, code=actor.code, text=actor.text)


def predict(article: Article | Rejected, *, keep_negated: bool = False,
            actor_view=pred_actor) -> Prediction:
    """Turn the pipeline's output into a ``Prediction``; negated events are left out by default
    (an event that did not happen is not an event in the data an analyst counts)."""
    if isinstance(article, Rejected):
        return Prediction(rejected=f"{article.reason}: {article.detail}")
    events = []
    negated = 0
    for ev in sorted(article.events, key=lambda e: (e.sentence_index, e.trigger_span[0])):
        if ev.negated and not keep_negated:
            negated += 1
            continue
        loc = None
        if ev.location is not None:
            loc = PredLocation(ev.location.name, ev.location.country, ev.location.admin1,
                               ev.location.lat, ev.location.lon)
        events.append(PredEvent(
            type=ev.type, cameo=ev.cameo or "",
            sources=tuple(actor_view(a) for a in ev.actors),
            targets=tuple(actor_view(a) for a in ev.recipients),
            trigger=ev.trigger, trigger_span=tuple(ev.trigger_span), sentence_index=ev.sentence_index,
            date=ev.date, date_precision=ev.date_precision, location=loc,
        ))
    return Prediction(events=events, excluded_negated=negated)
