"""Event-location gold re-annotations (Halterman 2019; ``event_location_halterman/``): sentences
with an event verb and the place(s) where that event happened, or none. Only the gold-standard
re-annotations (``source == "RELABEL"``) are read unless ``all_sources`` is set."""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .common import Dataset
from .gold import GoldItem, GoldLocation, PredEvent, Prediction
from .metrics import PlaceScores, Rate, name_matches, score_location
from .report import ErrorCase, Report, place_table, Table

GOLD_SOURCE = "RELABEL"


def _records(path: Path) -> Iterator[dict]:
    """``event_location_slim.jsonl`` (one object a line), a folder holding it, or the original
    ``labeled_text.jsonl.zip`` (one JSON array)."""
    if path.is_dir():
        slim = path / "event_location_slim.jsonl"
        path = slim if slim.exists() else path / "labeled_text.jsonl.zip"
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                name = next(n for n in zf.namelist() if n.endswith(".jsonl") or n.endswith(".json"))
                data = json.load(io.TextIOWrapper(zf.open(name), encoding="utf-8"))
            yield from data
            return
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    except (OSError, ValueError, StopIteration, zipfile.BadZipFile) as exc:
        raise InputError("malformed", f"cannot read the event-location file {path}: {exc}") from exc


def read(path: str | Path, limit: int | None = None, *, all_sources: bool = False) -> Iterator[GoldItem]:
    n = 0
    for rec in _records(Path(path)):
        if not all_sources and rec.get("source") != GOLD_SOURCE:
            continue
        text = rec.get("text") or ""
        # the slim file gives each span's text; the original zip gives offsets only
        spans = [{**s, "text": s.get("text") or text[s.get("start", 0):s.get("end", 0)]}
                 for s in rec.get("spans") or []]
        verbs = [s for s in spans if s.get("label") == "VERB"]
        if not verbs or not rec.get("text"):
            continue
        if limit is not None and n >= limit:
            return
        n += 1
        verb = verbs[0]
        places = tuple(dict.fromkeys(s["text"] for s in spans if s.get("label") == "LOCATION" and s.get("text")))
        rec_id = next((rec[k] for k in ("id", "_id", "doc_id") if rec.get(k) is not None), n)
        yield GoldItem(id=str(rec_id).strip(), text=text, events=[], scored=False,
                       label=verb.get("text", ""), trigger=(verb.get("start", 0), verb.get("end", 0)),
                       trigger_text=verb.get("text"), location=GoldLocation(names=places) if places else None)


def event_for(gold: GoldItem, pred: Prediction) -> tuple[PredEvent | None, bool]:
    """The coded event for the gold verb (by trigger), else the first coded event; and whether
    the trigger matched."""
    verb = (gold.trigger_text or "").lower()
    for ev in pred.events:
        trig = (ev.trigger or "").lower()
        if verb and (verb in trig.split() or verb == trig or trig in verb.split()):
            return ev, True
        if gold.trigger and ev.trigger_span and ev.trigger_span[0] < gold.trigger[1] and gold.trigger[0] < ev.trigger_span[1]:
            if (gold.text[ev.trigger_span[0]:ev.trigger_span[1]].lower() == trig):
                return ev, True
    return (pred.events[0] if pred.events else None), False


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    places = PlaceScores()
    matched = Rate()
    any_place = Rate()  # gold place named by any coded event's location
    given_event = Rate()  # gold place named, over the items whose gold verb was coded
    errors, patterns = [], Counter()
    for gold, pred in pairs:
        ev, found = event_for(gold, pred)
        matched.add(found)
        score_location(gold.location, ev, places)
        loc = ev.location if ev else None
        pats, severity = [], 0.0
        if not found:
            pats.append("gold verb not coded as an event")
            severity += 0.5
        if gold.location:
            any_place.add(any(e.location and name_matches(gold.location.names, e.location.name) for e in pred.events))
            if found:
                given_event.add(loc is not None and name_matches(gold.location.names, loc.name))
            if loc is None:
                pats.append("no location coded")
                severity += 2
            elif not name_matches(gold.location.names, loc.name):
                pats.append("wrong place")
                severity += 2
        elif loc is not None:
            pats.append("place coded where gold has none")
            severity += 1
        patterns.update(pats)
        gold_desc = f"verb {gold.trigger_text!r} @ " + ("/".join(gold.location.names) if gold.location else "no place")
        out = f"{ev.describe()}" if ev else "no event"
        errors.append(ErrorCase(gold.id, gold.text, gold_desc, out, severity, pats))
    return Report(
        dataset="event-location", title="Event locations (Halterman 2019, gold re-annotations)", path=path,
        n_items=len(pairs),
        headline={"location accuracy (gold place named)": places.name.value,
                  "no place where gold has none": places.no_place.value,
                  "gold verb coded as an event": matched.value,
                  "gold place named by any event": any_place.value,
                  "location accuracy where the gold verb was coded": given_event.value},
        metrics={"location": places.to_dict(), "verb_coded": matched.to_dict(), "any_event_place": any_place.to_dict(),
                 "location_given_event": given_event.to_dict()},
        tables=[place_table(places, "Location of the gold event"),
                Table("Coverage", ["figure", "rate", "correct", "gold"],
                      [["gold verb coded as an event", matched.value, matched.correct, matched.n],
                       ["gold place named by any coded event", any_place.value, any_place.correct, any_place.n],
                       ["gold place named, where the gold verb was coded", given_event.value, given_event.correct,
                        given_event.n]])],
        notes=["The event compared is the coded event whose trigger is the gold verb, else the sentence's first "
               "coded event.",
               "A place is correct when the coded location's name (or admin1) equals one of the gold LOCATION "
               "spans, ignoring case, accents and 'the/city of/province of'.",
               "Only the gold-standard re-annotations (source RELABEL) are read."],
        errors=errors, patterns=patterns,
    )


DATASET = Dataset(
    name="event-location", title="Event locations (Halterman 2019)",
    default_path="event_location_halterman/event_location_slim.jsonl", read=read, score=score,
    headline="location accuracy (gold place named)",
)
