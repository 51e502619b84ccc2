"""GDELT 2.0 Events (61 columns) and Mentions (16 columns), tab-separated, no header.

Conventions (GDELT 2.0 codebooks): dates as YYYYMMDD (SQLDATE), YYYYMM (MonthYear), YYYY (Year),
YYYY.FFFF (FractionDate: year + day of year / 365), YYYYMMDDHHMMSS (DATEADDED, UTC); CAMEO codes
as strings with leading zeros; geo country codes in FIPS 10-4; an empty field where the value is
unknown. AvgTone, MentionDocTone and Confidence are always empty: eventwire does not score tone or
confidence, and 0 would claim a neutral tone. Geo_Type is 0 where no location is known (GDELT's
value for "no match"); actors carry no geography of their own, so Actor1Geo/Actor2Geo are empty.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .codes import country_name, fips
from .columns import (GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, GEO_TYPE, GROUP_SECTORS,
                      MENTION_TYPE_CITATION, MENTION_TYPE_WEB)
from .records import EventRecord


def _num(value: float | int | None) -> str:
    return "" if value is None else str(value)


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _stamp(value: datetime | None) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def fraction_date(day: date) -> str:
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


def actor_fields(actor: dict[str, Any] | None, code: str | None) -> list[str]:
    """The 10 GDELT actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
    Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code."""
    if actor is None and not code:
        return [""] * 10
    actor = actor or {}
    code = code or actor.get("code") or ""
    country = actor.get("country") or ""
    group = ""
    if code[:3] in GROUP_SECTORS and len(code) >= 6:  # IGOUNO: type IGO, group UNO
        types = [code[:3]]
        group = code[3:6]
    else:
        types = [code[i:i + 3] for i in range(3, len(code), 3)]
        if actor.get("org") and not country:
            group = actor["org"]
    if actor.get("sector") and actor["sector"] not in types:
        types.insert(0, actor["sector"])
    name = actor.get("name") or country_name(country) or actor.get("org") or actor.get("text") or ""
    types = (types + ["", "", ""])[:3]
    return [code, name.upper(), country, group, "", "", "", *types]


def geo_fields(event: dict[str, Any]) -> list[str]:
    """The 8 ActionGeo columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
    FeatureID."""
    name, iso3 = event.get("location_name"), event.get("location_country")
    if not name and not iso3:
        return [str(GEO_TYPE["none"]), "", "", "", "", "", "", ""]
    feature = event.get("location_feature")
    us = iso3 == "USA"
    if feature == "country" or not name:
        geo_type = GEO_TYPE["country"]
    elif feature == "region":
        geo_type = GEO_TYPE["us_state" if us else "world_state"]
    else:
        geo_type = GEO_TYPE["us_city" if us else "world_city"]
    country_fips = fips(iso3)
    admin1 = event.get("location_admin1") or ""
    # GDELT's ADM1Code is the FIPS country code followed by the division's code (GeoNames
    # admin1 codes are FIPS 10-4 for most countries); a country-level match repeats the country.
    adm1 = country_fips + admin1 if admin1 and admin1.isalnum() and len(admin1) <= 3 else country_fips
    full = name or country_name(iso3)
    if geo_type != GEO_TYPE["country"] and country_name(iso3):
        full = f"{name}, {country_name(iso3)}"
    feature_id = country_fips if geo_type == GEO_TYPE["country"] else ""
    return [str(geo_type), full, country_fips, adm1, "", _coord(event.get("location_lat")),
            _coord(event.get("location_lon")), feature_id]


def event_row(record: EventRecord) -> list[str]:
    e = record.event
    day: date | None = e["event_day"]
    empty_geo = [str(GEO_TYPE["none"]), "", "", "", "", "", "", ""]
    row = [
        str(e["merged_id"]),
        f"{day.year:04d}{day.month:02d}{day.day:02d}" if day else "",
        f"{day.year:04d}{day.month:02d}" if day else "",
        f"{day.year:04d}" if day else "",
        fraction_date(day) if day else "",
        *actor_fields(record.source, e["source_code"]),
        *actor_fields(record.target, e["target_code"]),
        "1" if e["is_root_event"] else "0",
        e["cameo"], e["cameo_base"], e["cameo_root"],
        _num(e["quad_class"]), _num(e["goldstein"]),
        str(e["num_mentions"]), str(e["num_sources"]), str(e["num_articles"]),
        "",  # AvgTone: not scored
        *empty_geo, *empty_geo, *geo_fields(e),
        _stamp(e["date_added"]),
        e["source_url"] or "",
    ]
    assert len(row) == len(GDELT_EVENT_COLUMNS)
    return row


_MENTIONS = """
SELECT m.*, e.date_added
FROM mentions m JOIN merged_events e USING (merged_id)
ORDER BY e.event_day NULLS LAST, m.merged_id, m.mention_time NULLS LAST, m.content_hash,
         m.sentence_index
"""


def mention_rows(store) -> list[list[str]]:
    store.ensure_merged()
    rows = []
    for m in store.query(_MENTIONS):
        url = m["url"] or ""
        web = url.startswith(("http://", "https://"))
        offsets = [-1 if m[k] is None else m[k] for k in
                   ("source_offset", "target_offset", "action_offset")]
        row = [
            str(m["merged_id"]), _stamp(m["date_added"]), _stamp(m["mention_time"]),
            str(MENTION_TYPE_WEB if web else MENTION_TYPE_CITATION), m["publisher"],
            url or m["article_id"], str(m["sentence_index"] + 1), *map(str, offsets),
            "1", "", str(m["doc_len"]), "", "", "",
        ]
        assert len(row) == len(GDELT_MENTION_COLUMNS)
        rows.append(row)
    return rows
