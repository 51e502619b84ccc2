"""PLOVER gold-standard records (``plover_gsr_cameo/PLOVER_GSR_CAMEO.json``): 322 sentences from
the CAMEO manual, each with one PLOVER 0.5b1 event, its source and target actors (country or
IGO/NGO root and sector) and, for some, the event's location."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .common import (Dataset, describe_gold, event_errors, gold_actor_from_code, iso3_from_iso2, mappings)
from .gold import GoldEvent, GoldItem, GoldLocation, Prediction
from .metrics import score_actors, score_dyads, score_locations, score_types
from .report import ErrorCase, Report, actor_table, place_table, type_tables


def _actors(value) -> tuple:
    if not isinstance(value, list):
        return ()  # "" or a stray string ("diplomatic"): no coded actor
    return tuple(gold_actor_from_code(a.get("code"), a.get("actorText", ""), a.get("sector") or "")
                 for a in value if isinstance(a, dict))


def read(path: str | Path, limit: int | None = None) -> Iterator[GoldItem]:
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError("malformed", f"cannot read the PLOVER gold records {path}: {exc}") from exc
    renames = mappings()["plover_0_5b1"]
    n = 0
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        if limit is not None and n >= limit:
            return
        n += 1
        event = renames.get(rec["event"], rec["event"])
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        gev = GoldEvent(types=(event,), sources=_actors(rec.get("source")), targets=_actors(rec.get("target")),
                        reciprocal="SRC/TAR:" in markup)
        loc = rec.get("eventLoc")
        location = None
        if isinstance(loc, dict) and loc.get("name"):
            location = GoldLocation(names=(loc["name"],), country=iso3_from_iso2(loc.get("country code")))
        yield GoldItem(id=rec["id"], text=rec["text"], events=[gev], label=rec["event"], location=location,
                       trigger_text=rec.get("eventText"), meta={"mode": rec.get("mode"), "context": rec.get("context")})


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    types = score_types(pairs)
    actors = score_actors(pairs)
    dyads = score_dyads(pairs)
    places = score_locations(pairs)
    errors, patterns = [], Counter()
    for gold, pred in pairs:
        severity, pats = event_errors(gold, pred)
        patterns.update(pats)
        errors.append(ErrorCase(gold.id, gold.text, describe_gold(gold), pred.describe(), severity, pats))
    renames = ", ".join(f"{k}->{v}" for k, v in mappings()["plover_0_5b1"].items())
    return Report(
        dataset="plover-gsr", title="PLOVER gold-standard records", path=path, n_items=len(pairs),
        headline={"event-type accuracy": types.accuracy, "dyad-event F1": dyads.f1,
                  "event-type micro F1": types.micro().f1, "event-type macro F1": types.macro_f1(),
                  "source-root F1": actors.source.f1, "target-root F1": actors.target.f1,
                  "sector accuracy": actors.sector_accuracy},
        metrics={"types": types.to_dict(), "actors": actors.to_dict(), "dyads": dyads.to_dict(),
                 "location": places.to_dict()},
        tables=[*type_tables(types), actor_table(actors, dyads),
                place_table(places, "Location (the records with an eventLoc)")],
        notes=[f"PLOVER 0.5b1 names mapped to POLECAT: {renames}.",
               "Every organisation root (IGO, NGO, IMG in the gold; any coded actor whose root is an "
               "organisation) is compared as one class, ORG, because the gold codes the UN and the EU alike as IGO.",
               "Gold codes JAP, ITL, VTN are read as JPN, ITA, VNM.",
               "SRC/TAR (reciprocal) actors: either may be coded as source; the dyads are both directions.",
               "Gold sectors outside eventwire's set (ELI, UAF, ***) are not scored; CIV->CVL, JRN->MED.",
               "Negated events are left out of the output before scoring."],
        errors=errors, patterns=patterns,
    )


DATASET = Dataset(
    name="plover-gsr", title="PLOVER gold-standard records",
    default_path="plover_gsr_cameo/PLOVER_GSR_CAMEO.json", read=read, score=score,
    headline="event-type accuracy",
)
