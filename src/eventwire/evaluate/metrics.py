"""Scorers: pure functions over (gold, prediction) pairs. No pipeline, no files.

Conventions (stated in every report):
- Event type, one label per item: the item's predicted label is the gold type when any coded
  event in the item has an acceptable type ("any-match"), else the type of the first coded event,
  else NONE. ``strict`` accuracy uses the first coded event only.
- Per-type precision/recall/F1 compare the *set* of types coded in an item with the gold set, so
  every extra type coded in an item is a false positive.
- The event a gold event is compared with (for actors, sectors, dates, places) is the coded event
  that best matches it: an acceptable type first, then the most shared actor roots, then the
  earliest.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .gold import NONE, GoldEvent, GoldItem, GoldLocation, PredEvent, Prediction


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def multiset_prf(gold: Iterable, predicted: Iterable) -> PRF:
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


# -- choosing the coded event a gold event is compared with -------------------------------------
def best_match(gold: GoldEvent, events: Sequence[PredEvent]) -> PredEvent | None:
    if not events:
        return None
    gold_sources = {a.root for a in gold.sources}
    gold_targets = {a.root for a in gold.targets}

    def score(item: tuple[int, PredEvent]) -> tuple:
        # same type first, then the most actors in the same role, then the earliest
        i, ev = item
        agree = len({a.root for a in ev.sources} & gold_sources) + len({a.root for a in ev.targets} & gold_targets)
        return (ev.label in gold.types, agree, -i)

    return max(enumerate(events), key=score)[1]


def item_label(gold: GoldItem, pred: Prediction) -> str:
    """The item's predicted label under the any-match convention."""
    acceptable = set(gold.events[0].types) if gold.events else set()
    labels = [e.label for e in pred.events]
    for label in labels:
        if label in acceptable:
            return label
    return labels[0] if labels else NONE


def gold_label(gold: GoldItem, predicted: str) -> str:
    """The gold label, resolved to the acceptable type that was predicted when there is one."""
    if not gold.events:
        return NONE
    types = gold.events[0].types
    if not types:
        return NONE
    return predicted if predicted in types else types[0]


# -- event type -----------------------------------------------------------------------------------
@dataclass
class TypeScores:
    n: int = 0
    correct: int = 0
    strict_correct: int = 0
    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    single: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))  # one label per item
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def strict_accuracy(self) -> float:
        return self.strict_correct / self.n if self.n else 0.0

    def micro(self, table: dict[str, PRF] | None = None) -> PRF:
        total = PRF()
        for label, prf in (table if table is not None else self.per_type).items():
            if label != NONE:
                total.add(prf)
        return total

    def macro_f1(self, table: dict[str, PRF] | None = None, *, include_none: bool = False) -> float:
        table = table if table is not None else self.per_type
        labels = [lab for lab in self.gold_labels() if include_none or lab != NONE]
        return sum(table[lab].f1 for lab in labels) / len(labels) if labels else 0.0

    def gold_labels(self) -> list[str]:
        return sorted(self.confusion)

    def to_dict(self) -> dict:
        micro = self.micro()
        return {
            "n": self.n, "accuracy": round(self.accuracy, 4),
            "strict_accuracy": round(self.strict_accuracy, 4),
            "micro": micro.to_dict(), "macro_f1": round(self.macro_f1(), 4),
            "single_label_macro_f1": round(self.macro_f1(self.single, include_none=True), 4),
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "confusion": {g: dict(c) for g, c in sorted(self.confusion.items())},
        }


def score_types(pairs: Iterable[tuple[GoldItem, Prediction]]) -> TypeScores:
    """Event-type scores over items that carry one gold event (or none: NONE)."""
    s = TypeScores()
    for gold, pred in pairs:
        if not gold.scored:
            continue
        s.n += 1
        predicted = item_label(gold, pred)
        expected = gold_label(gold, predicted)
        s.confusion[expected][predicted] += 1
        s.correct += predicted == expected
        first = pred.events[0].label if pred.events else NONE
        acceptable = gold.events[0].types if gold.events and gold.events[0].types else (NONE,)
        s.strict_correct += first in acceptable
        # single-label table (for macro F1 over classes incl. NONE)
        if predicted == expected:
            s.single[expected].tp += 1
        else:
            s.single[expected].fn += 1
            s.single[predicted].fp += 1
        # set-based table: every coded type counts
        gold_set = {expected} - {NONE}
        pred_set = {e.label for e in pred.events} - {NONE}
        if expected in pred_set:
            pred_set = (pred_set - set(gold.events[0].types)) | {expected}
        for label in gold_set | pred_set:
            s.per_type[label].tp += label in gold_set and label in pred_set
            s.per_type[label].fp += label in pred_set and label not in gold_set
            s.per_type[label].fn += label in gold_set and label not in pred_set
        if not gold_set:
            s.per_type[NONE].tp += not pred_set
            s.per_type[NONE].fn += bool(pred_set)
        elif not pred_set:
            s.per_type[NONE].fp += 1
    return s


# -- actors ---------------------------------------------------------------------------------------
@dataclass
class ActorScores:
    source: PRF = field(default_factory=PRF)
    target: PRF = field(default_factory=PRF)
    sector_n: int = 0
    sector_correct: int = 0
    sector_confusion: Counter = field(default_factory=Counter)

    @property
    def sector_accuracy(self) -> float:
        return self.sector_correct / self.sector_n if self.sector_n else 0.0

    def to_dict(self) -> dict:
        return {"source_root": self.source.to_dict(), "target_root": self.target.to_dict(),
                "sector_accuracy": round(self.sector_accuracy, 4), "sector_n": self.sector_n,
                "sector_errors": {f"{g}->{p}": n for (g, p), n in self.sector_confusion.most_common(15)}}


def score_actors(pairs: Iterable[tuple[GoldItem, Prediction]], *, targets: bool = True) -> ActorScores:
    """Source/target root P/R/F1 (sets of roots per gold event, against its best-matching coded
    event) and sector accuracy over gold actors with a scored sector whose root was found."""
    s = ActorScores()
    for gold, pred in pairs:
        for gev in gold.events:
            if not gev.sources and not gev.targets:
                continue
            ev = best_match(gev, pred.events)
            p_src = {a.root for a in ev.sources} if ev else set()
            p_tgt = {a.root for a in ev.targets} if ev else set()
            g_src = {a.root for a in gev.sources}
            g_tgt = {a.root for a in gev.targets}
            if gev.reciprocal and not g_tgt:
                # "A and B agreed": either may be coded as the source, the other as the target
                g_src_all = g_src
                p_all = p_src | p_tgt
                s.source.add(multiset_prf(g_src_all, p_all))
            else:
                if g_src:
                    s.source.add(multiset_prf(g_src, p_src))
                if targets and g_tgt:
                    s.target.add(multiset_prf(g_tgt, p_tgt))
            if ev is None:
                continue
            coded = {a.root: a.sector for a in (*ev.sources, *ev.targets)}
            for actor in (*gev.sources, *gev.targets):
                if actor.sector and actor.root in coded:
                    s.sector_n += 1
                    got = coded[actor.root]
                    if got == actor.sector:
                        s.sector_correct += 1
                    else:
                        s.sector_confusion[(actor.sector, got or "none")] += 1
    return s


def score_dyads(pairs: Iterable[tuple[GoldItem, Prediction]]) -> PRF:
    """Dyad-event P/R/F1: (source root, type, target root) tuples matched within each item.
    A coded tuple whose type is another acceptable type of the same gold event counts as it."""
    total = PRF()
    for gold, pred in pairs:
        if not gold.scored:
            continue
        g = [d for gev in gold.events for d in gev.dyads()]
        alias = {t: gev.label for gev in gold.events for t in gev.types}
        p = [(s, alias.get(t, t), o) for ev in pred.events for (s, t, o) in ev.dyads()]
        total.add(multiset_prf(g, p))
    return total


# -- dates ----------------------------------------------------------------------------------------
def date_matches(gold_value: str, precision: str, predicted: str | None, predicted_precision: str | None = None
                 ) -> bool:
    """Does a coded date match a gold date at the gold's precision?"""
    if not predicted:
        return False
    p_prec = predicted_precision or {10: "day", 7: "month", 4: "year"}.get(len(predicted), "day")
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    if rank.get(p_prec, 0) > rank.get(precision, 0) and not (precision == "week" and p_prec == "day"):
        return False
    if precision == "day":
        return predicted[:10] == gold_value[:10]
    if precision == "week":
        if p_prec != "day":
            return False
        try:
            return abs((date.fromisoformat(predicted[:10]) - date.fromisoformat(gold_value[:10])).days) <= 7
        except ValueError:
            return False
    if precision == "month":
        return predicted[:7] == gold_value[:7]
    return predicted[:4] == gold_value[:4]


@dataclass
class Rate:
    n: int = 0
    correct: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.correct += bool(ok)

    def to_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "n": self.n}


def score_dates(pairs: Iterable[tuple[GoldItem, Prediction]]) -> Rate:
    r = Rate()
    for gold, pred in pairs:
        if gold.date is None:
            continue
        ev = best_match(gold.events[0], pred.events) if gold.events else (pred.events[0] if pred.events else None)
        r.add(ev is not None and date_matches(gold.date.value, gold.date.precision, ev.date, ev.date_precision))
    return r


# -- places ---------------------------------------------------------------------------------------
def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def norm_place(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = name.lower().replace("-", " ").replace("'", "").strip()
    for prefix in ("the ", "city of ", "town of ", "village of ", "province of "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return " ".join(name.split())


def name_matches(gold_names: Iterable[str], predicted: str | None) -> bool:
    if not predicted:
        return False
    p = norm_place(predicted)
    for g in gold_names:
        g = norm_place(g)
        if g and (g == p or (len(p) >= 4 and (p in g.split(", ") or g.startswith(p + " ") or p.startswith(g + " ")))):
            return True
    return False


@dataclass
class PlaceScores:
    name: Rate = field(default_factory=Rate)
    country: Rate = field(default_factory=Rate)
    within_50km: Rate = field(default_factory=Rate)
    no_place: Rate = field(default_factory=Rate)  # gold says "no place": none coded
    coded: int = 0  # gold places for which some location was coded

    def to_dict(self) -> dict:
        d = {"name": self.name.to_dict(), "country": self.country.to_dict(),
             "within_50km": self.within_50km.to_dict(), "location_coded": self.coded}
        if self.no_place.n:
            d["no_place"] = self.no_place.to_dict()
        return d


def score_location(gold: GoldLocation | None, ev: PredEvent | None, s: PlaceScores) -> None:
    loc = ev.location if ev else None
    if gold is None or not (gold.names or gold.country or gold.lat is not None):
        s.no_place.add(loc is None)
        return
    s.coded += loc is not None
    if gold.names:
        s.name.add(loc is not None and (name_matches(gold.names, loc.name) or name_matches(gold.names, loc.admin1)))
    if gold.country:
        s.country.add(loc is not None and loc.country == gold.country)
    if gold.lat is not None and gold.lon is not None:
        s.within_50km.add(loc is not None and loc.lat is not None and loc.lon is not None
                          and haversine_km(gold.lat, gold.lon, loc.lat, loc.lon) <= 50.0)


def score_locations(pairs: Iterable[tuple[GoldItem, Prediction]], *, include_missing: bool = False) -> PlaceScores:
    s = PlaceScores()
    for gold, pred in pairs:
        if gold.location is None and not include_missing:
            continue
        ev = best_match(gold.events[0], pred.events) if gold.events else (pred.events[0] if pred.events else None)
        score_location(gold.location, ev, s)
    return s


# -- items with several gold events (codings) ---------------------------------------------------
@dataclass
class LabelSetScores:
    """Per-label P/R/F1 over multisets of labels per item (several events per item allowed)."""

    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    items: int = 0
    exact: int = 0  # items whose coded label multiset equals the gold one (both empty included)

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total.add(prf)
        return total

    def macro_f1(self) -> float:
        labels = [k for k, v in self.per_type.items() if v.tp + v.fn]
        return sum(self.per_type[k].f1 for k in labels) / len(labels) if labels else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.items if self.items else 0.0

    def to_dict(self) -> dict:
        return {"items": self.items, "exact_item_match": round(self.exact_rate, 4),
                "micro": self.micro().to_dict(), "macro_f1": round(self.macro_f1(), 4),
                "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())}}


def score_label_sets(pairs: Iterable[tuple[list[str], list[str]]]) -> LabelSetScores:
    s = LabelSetScores()
    for gold, pred in pairs:
        s.items += 1
        g, p = Counter(gold), Counter(pred)
        s.exact += g == p
        for label in set(g) | set(p):
            tp = min(g[label], p[label])
            s.per_type[label].add(PRF(tp, p[label] - tp, g[label] - tp))
    return s
