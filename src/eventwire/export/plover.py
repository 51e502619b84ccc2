"""PLOVER JSON lines, with the field names of the PLOVER manual (0.7b1, "JSON Data Fields").

One record per merged event. ``source`` and ``recipient`` are lists of actor objects (``code``:
the top-level actor code, country or organisation; ``sector``; ``actor_text``;
``identifier_text``: the canonical name), so a compound actor ("the US and France") stays one
record. ``event``, ``mode`` and ``context`` are lists, as the manual allows several values.
CAMEO codes without a PLOVER counterpart (01 statements, 02 appeals: dropped by PLOVER) and
events without a day (``date`` is required) are not written; the export reports how many.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from .codes import country_name, iso2
from .records import EventRecord

CODER = f"eventwire {__version__}"


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"code": actor.get("root") or actor.get("code")}
    if actor.get("sector"):
        out["sector"] = actor["sector"]
    if actor.get("text"):
        out["actor_text"] = actor["text"]
    if actor.get("name"):
        out["identifier_text"] = actor["name"]
    return out


def _location(e: dict[str, Any]) -> dict[str, Any] | None:
    if not e.get("location_name") and not e.get("location_country"):
        return None
    loc: dict[str, Any] = {"name": e.get("location_name") or country_name(e["location_country"])}
    if e.get("location_lat") is not None:
        loc["latitude"], loc["longitude"] = e["location_lat"], e["location_lon"]
    if e.get("location_country"):
        loc["country code"] = iso2(e["location_country"])  # the manual's geonames field names
        loc["cc3"] = e["location_country"]
    if e.get("location_admin1"):
        loc["admin1 code"] = e["location_admin1"]
    return loc


def event_record(record: EventRecord) -> dict[str, Any] | None:
    e = record.event
    if not e["plover_type"] or not e["event_day"]:
        return None
    out: dict[str, Any] = {
        "id": f"eventwire-{e['merged_id']}",
        "date": e["event_day"].isoformat(),
        "source": [_actor(a) for a in record.sources] or [{"code": e["source_root"]}],
        "recipient": [_actor(a) for a in record.targets],
        "event": [e["plover_type"]],
        "mode": [e["plover_mode"]] if e["plover_mode"] else [],
        "context": [],
        "event_loc": _location(e),
        "event_text": record.triggers,
        "quad_code": e["quad_class"],
        "event_scale": e["goldstein"],
        "text_info": {"sequence": e["first_sentence_index"], "start": e["sentence_start"],
                      "end": e["sentence_end"]},
        "cite_info": {"url": e["first_url"] or e["first_source"], "title": e["first_title"],
                      "language": e["language"], "publication": e["first_publisher"],
                      "coder": CODER, "codebook": "CAMEO 1.1b3 / PLOVER 0.7b1"},
        "coder": CODER,
        "coded_date": e["date_added"].date().isoformat(),
        "cameo": e["cameo"],
        "num_mentions": e["num_mentions"],
        "num_sources": e["num_sources"],
        "num_articles": e["num_articles"],
        "negated": e["negated"],
        "future": e["future"],
    }
    return out
