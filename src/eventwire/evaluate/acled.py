"""ACLED event records with coder-written ``notes`` (``acled_acledR_sample/acled_old_deletion_dummy.csv``):
each note is coded as a short text; the gold is the record's event type (mapped to PLOVER), the
country of actor 1, the event date at its time precision, and the place (names, coordinates)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from .common import Dataset, describe_gold, event_errors, iso3_from_name, iso3_from_numeric, mappings
from .gold import UNKNOWN, GoldActor, GoldDate, GoldEvent, GoldItem, GoldLocation, Prediction
from .metrics import (Rate, best_match, date_matches, score_actors, score_dates, score_location, score_types,
                      PlaceScores)
from .report import ErrorCase, Report, Table, actor_table, place_table, type_tables

_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$", re.I)
_PARENS = re.compile(r"\(([^()]+)\)")
_OF_COUNTRY = re.compile(r"\bof ([A-Z][A-Za-z'. -]+?)(?: \(|$)")


def actor_country(name: str, fallback: str | None) -> str | None:
    """The country an ACLED actor name states ("Rioters (Uganda)", "Military Forces of Russia
    (2000-)"), else ``fallback`` (the event's country)."""
    for group in _PARENS.findall(name or ""):
        found = iso3_from_name(group)
        if found:
            return found
    m = _OF_COUNTRY.search(name or "")
    if m:
        found = iso3_from_name(m.group(1).strip())
        if found:
            return found
    return fallback


def _published(timestamp: str) -> str | None:
    try:
        return datetime.fromtimestamp(float(timestamp), tz=timezone.utc).strftime("%Y-%m-%d")
    except (TypeError, ValueError, OverflowError):
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read(path: str | Path, limit: int | None = None) -> Iterator[GoldItem]:
    table = mappings()["acled"]
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError("malformed", f"cannot read the ACLED file {path}: {exc}") from exc
    with fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if limit is not None and n >= limit:
                return
            text = _SIZE_TAG.sub("", row.get("notes") or "").strip()
            event_type, sub = row.get("event_type", ""), row.get("sub_event_type", "")
            strategic = event_type == "Strategic developments"
            if strategic:
                types = table["strategic_developments"].get(sub)
            else:
                types = table["sub_event_types"].get(sub) or table["event_types"].get(event_type)
            country = iso3_from_numeric(row.get("iso")) or iso3_from_name(row.get("country"))
            src = actor_country(row.get("actor1", ""), country)
            sources = (GoldActor(root=src or UNKNOWN, text=row.get("actor1", "")),)
            targets = ()
            if row.get("actor2"):
                tgt = actor_country(row["actor2"], country)
                targets = (GoldActor(root=tgt or UNKNOWN, text=row["actor2"]),)
            precision = table["time_precision"].get(str(int(_float(row.get("time_precision")) or 1)), "day")
            names = tuple(dict.fromkeys(v for v in (row.get("location"), row.get("admin3"), row.get("admin2"),
                                                    row.get("admin1")) if v))
            yield GoldItem(
                id=row.get("event_id_cnty") or str(n), text=text, published=_published(row.get("timestamp", "")),
                events=[GoldEvent(types=tuple(types or ()), sources=sources, targets=targets)],
                scored=types is not None, label=f"{event_type} / {sub}", category=event_type,
                date=GoldDate(row["event_date"], precision) if row.get("event_date") else None,
                location=GoldLocation(names=names, country=country, lat=_float(row.get("latitude")),
                                      lon=_float(row.get("longitude"))),
                meta={"strategic": strategic},
            )


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    main = [(g, p) for g, p in pairs if not g.meta.get("strategic")]
    strategic = [(g, p) for g, p in pairs if g.meta.get("strategic")]
    types = score_types(main)
    strat_types = score_types(strategic)
    actors = score_actors(main)
    dates = score_dates(main)
    country = Rate()
    country_or_place = Rate()
    places = PlaceScores()
    errors, patterns = [], Counter()
    for gold, pred in main:
        gev = gold.events[0]
        ev = best_match(gev, pred.events)
        want = gev.sources[0].root
        roots = {a.root for a in ev.sources} if ev else set()
        country.add(want in roots)
        fallback = ev.location.country if ev and ev.location else None
        country_or_place.add(want in roots or (not (roots - {UNKNOWN}) and fallback == want))
        score_location(gold.location, ev, places)
        severity, pats = event_errors(gold, pred, actors=False, by_label=True)
        if ev is not None and want not in roots:
            severity += 1
            pats.append("actor 1 country missing" if not (roots - {UNKNOWN}) else "wrong actor 1 country")
        # dates and places are only judged on a coded event ("no event coded" already says the rest)
        if ev is not None and gold.date and not date_matches(gold.date.value, gold.date.precision, ev.date,
                                                             ev.date_precision):
            severity += 0.5
            pats.append("event without a date" if not ev.date else "wrong date")
        if ev is not None and gold.location and gold.location.country and not (
                ev.location and ev.location.country == gold.location.country):
            severity += 0.5
            pats.append("event without a location" if not ev.location else "wrong location country")
        patterns.update(pats)
        errors.append(ErrorCase(gold.id, gold.text, describe_gold(gold), pred.describe(), severity, pats))
    excluded = Counter(g.label for g, _ in pairs if not g.scored)
    strat_rows = [[label, sum(c.values()), c.get(label, 0)] for label, c in sorted(strat_types.confusion.items())]
    table = mappings()["acled"]
    mapping_note = "; ".join(f"{k} -> {'|'.join(v)}" for k, v in {**table["event_types"],
                                                                  **table["sub_event_types"]}.items())
    return Report(
        dataset="acled", title="ACLED event notes", path=path, n_items=len(pairs),
        headline={"event-type accuracy": types.accuracy, "actor-1 country accuracy": country.value,
                  "event-type macro F1": types.macro_f1(),
                  "actor-1 country (or event place's country)": country_or_place.value,
                  "date accuracy": dates.value, "location country accuracy": places.country.value,
                  "location within 50 km": places.within_50km.value,
                  "strategic developments accuracy": strat_types.accuracy},
        metrics={"types": types.to_dict(), "strategic_developments": strat_types.to_dict(),
                 "actor1_country": country.to_dict(), "actor1_country_or_place": country_or_place.to_dict(),
                 "actors": actors.to_dict(), "dates": dates.to_dict(), "location": places.to_dict(),
                 "excluded": dict(excluded)},
        tables=[*type_tables(types, what="Event type (Protests, Riots, Battles, Explosions, Violence against "
                                         "civilians)"),
                Table("Actors, dates", ["figure", "accuracy", "correct", "gold"],
                      [["actor 1 country", country.value, country.correct, country.n],
                       ["actor 1 country, else the event place's country", country_or_place.value,
                        country_or_place.correct, country_or_place.n],
                       ["date at the gold precision", dates.value, dates.correct, dates.n]]),
                actor_table(actors),
                place_table(places, "Location (place or admin names; country; coordinates)"),
                Table("Strategic developments (scored separately)", ["gold", "items", "coded as gold"], strat_rows,
                      note=f"accuracy {strat_types.accuracy:.3f} over {strat_types.n} mapped items; "
                           f"not scored (no PLOVER counterpart): "
                           + (", ".join(f"{k} ({v})" for k, v in excluded.items()) or "none"))],
        notes=[f"ACLED types mapped to PLOVER: {mapping_note}. Strategic developments: "
               + "; ".join(f"{k} -> {'|'.join(v)}" for k, v in table["strategic_developments"].items()) + ".",
               "Actor 1's country is the country its ACLED name states ('Rioters (Uganda)', 'Military Forces "
               "of Russia'), else the event's country (iso).",
               "Dates: time_precision 1 = the exact day, 2 = within 7 days, 3 = the same month. The publication "
               "date given to the pipeline is the record's upload timestamp (a date after the event).",
               "The trailing '[size=...]' tag of the notes is removed before coding.",
               "Negated events are left out of the output before scoring."],
        errors=errors, patterns=patterns,
    )


DATASET = Dataset(
    name="acled", title="ACLED event notes",
    default_path="acled_acledR_sample/acled_old_deletion_dummy.csv", read=read, score=score,
    headline="event-type accuracy",
)
