"""ICEWS coded event data: 20 tab-separated columns with a header row, one row per merged event.

As in ICEWS, an event is reported once, with the story and sentence of its first mention. Event
Date is YYYY-MM-DD; Intensity is the Goldstein score (ICEWS's CAMEO intensity scale, -10..10);
Sentence Number counts from 1; sectors are ICEWS-style names joined by commas; countries are
names. Source/Target Name is the actor's canonical name when known, else "Sector (Country)" as
ICEWS writes generic actors, else the country or organisation.
"""

from __future__ import annotations

from typing import Any

from .codes import country_name
from .columns import ICEWS_COLUMNS, SECTOR_NAMES
from .records import EventRecord


def _sectors(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    code = actor.get("code") or ""
    codes = [actor["sector"]] if actor.get("sector") else []
    codes += [code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] not in codes]
    return ",".join(SECTOR_NAMES[c] for c in codes if c in SECTOR_NAMES)


def _name(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    if actor.get("name"):
        return actor["name"]
    country = country_name(actor.get("country")) or actor.get("org") or actor.get("root") or ""
    sector = SECTOR_NAMES.get(actor.get("sector") or "")
    if sector and country and actor.get("country"):
        return f"{sector} ({country})"
    return country or actor.get("text") or ""


def _num(value) -> str:
    return "" if value is None else str(value)


def event_row(record: EventRecord) -> list[str]:
    e = record.event
    feature = e.get("location_feature")
    loc_name = e.get("location_name") or ""
    row = [
        str(e["merged_id"]),
        e["event_day"].isoformat() if e["event_day"] else "",
        _name(record.source), _sectors(record.source),
        country_name((record.source or {}).get("country")),
        e["cameo_name"] or "", e["cameo"], _num(e["goldstein"]),
        _name(record.target), _sectors(record.target),
        country_name((record.target or {}).get("country")),
        e["first_article_id"], str(e["first_sentence_index"] + 1), e["first_publisher"],
        loc_name if feature == "city" else "",
        "",  # District: eventwire resolves places to city, region or country only
        loc_name if feature == "region" else "",
        country_name(e.get("location_country")),
        "" if e.get("location_lat") is None else f"{e['location_lat']:.4f}",
        "" if e.get("location_lon") is None else f"{e['location_lon']:.4f}",
    ]
    assert len(row) == len(ICEWS_COLUMNS)
    return row
