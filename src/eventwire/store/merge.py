"""Merge event mentions across sentences and articles into events (GDELT's Events and Mentions).

Two mentions are one event when they share the merge key and their days fall within the window:

- key: source root and source sector, target root, CAMEO base code (3 digits), and the
  negated/future flags. The source sector keeps "Russia's foreign ministry criticised Ukraine"
  (RUSGOV) apart from "Russian media criticised Ukraine" (RUSMED); the target sector is left out
  because reports of one event name its victim loosely ("Ukraine", "Ukrainian troops"). The base
  code, not the full 4-digit code, because 4-digit sub-codes are where two reports (and two
  coders) of one event disagree most; not the PLOVER type, which is so coarse that two different
  meetings of one dyad in one week would become one.
- window: a mention joins the earliest still-open event of its key when its day is at most
  ``window_days`` after that event's first day (anchored at the first day, not chained from
  the last mention, so daily shelling over a month stays thirty events, not one). The default of
  one day absorbs the two usual date errors of one report of one event: "yesterday" resolved
  against a publication timestamp in another time zone, and wire copy republished the next day.
- mentions without any day (no date in the text, no publication date) merge only within their
  own article.

The merged event takes, from its mentions: the most frequent full CAMEO code (ties: the first
mention's), with that code's name, Goldstein score, quad class and PLOVER type; the most frequent
source and target codes; the most frequent day; the most frequent location. NumMentions counts
mentions, NumArticles distinct articles (content hashes), NumSources distinct publishers.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import Any

import duckdb

from ._sql import insert_rows

DEFAULT_WINDOW_DAYS = 1

_MENTION_QUERY = """
WITH first_body AS (
    SELECT content_hash, min(sentence_index) AS first_body_index
    FROM sentences WHERE section = 'body' GROUP BY content_hash
), source_actor AS (
    SELECT event_id, content_hash, start_char FROM event_actors WHERE role = 'source' AND position = 0
), target_actor AS (
    SELECT event_id, content_hash, start_char FROM event_actors WHERE role = 'target' AND position = 0
)
SELECT e.event_id, e.content_hash, e.article_id, e.sentence_index, e.section,
       e.cameo, e.cameo_name, e.cameo_base, e.cameo_root, e.plover_type, e.plover_mode,
       e.goldstein, e.quad_class,
       e.source_root, e.source_code, e.source_sector, e.target_root, e.target_code, e.target_sector,
       e.negated, e.future, e.event_day,
       e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
       e.location_feature,
       e.trigger_start, sa.start_char AS source_offset, ta.start_char AS target_offset,
       coalesce(a.published, a.added_at) AS mention_time, a.added_at, a.publisher,
       coalesce(a.url, a.source) AS url, length(a.text) AS doc_len,
       s.start_char AS sentence_start, s.end_char AS sentence_end,
       (e.section IN ('headline', 'standfirst') OR e.sentence_index = fb.first_body_index)
           AS in_lead
FROM events e
JOIN articles a USING (content_hash)
LEFT JOIN sentences s ON s.content_hash = e.content_hash AND s.sentence_index = e.sentence_index
LEFT JOIN first_body fb ON fb.content_hash = e.content_hash
LEFT JOIN source_actor sa ON sa.event_id = e.event_id AND sa.content_hash = e.content_hash
LEFT JOIN target_actor ta ON ta.event_id = e.event_id AND ta.content_hash = e.content_hash
ORDER BY e.source_root NULLS FIRST, e.source_sector NULLS FIRST, e.target_root NULLS FIRST,
         e.cameo_base, e.negated, e.future, e.event_day NULLS LAST, mention_time NULLS LAST,
         e.content_hash, e.sentence_index, e.event_id
"""

MERGED_COLUMNS = (
    "merged_id", "event_day", "first_day", "last_day", "cameo", "cameo_name", "cameo_base",
    "cameo_root", "plover_type", "plover_mode", "goldstein", "quad_class",
    "source_root", "source_code", "source_sector", "target_root", "target_code", "target_sector",
    "negated", "future", "num_mentions", "num_sources", "num_articles", "is_root_event",
    "first_event_id", "first_content_hash", "source_url", "date_added",
    "location_name", "location_country", "location_admin1", "location_lat", "location_lon",
    "location_feature",
)
MENTION_COLUMNS = (
    "merged_id", "event_id", "content_hash", "article_id", "sentence_index", "mention_time",
    "publisher", "url", "sentence_start", "sentence_end", "source_offset", "target_offset",
    "action_offset", "doc_len",
)


def merge_key(m: dict[str, Any]) -> tuple:
    return (m["source_root"], m["source_sector"], m["target_root"], m["cameo_base"],
            m["negated"], m["future"])


def cluster(mentions: list[dict[str, Any]], window_days: int) -> list[list[dict[str, Any]]]:
    """Group mentions (sorted by key, then day) into events, anchored at each event's first day."""
    clusters: list[list[dict[str, Any]]] = []
    open_by_key: dict[tuple, list[tuple[date, list[dict[str, Any]]]]] = {}
    undated: dict[tuple, list[dict[str, Any]]] = {}
    for m in mentions:
        key = merge_key(m)
        day = m["event_day"]
        if day is None:
            group = undated.setdefault(key + (m["content_hash"],), [])
            if not group:
                clusters.append(group)
            group.append(m)
            continue
        candidates = open_by_key.setdefault(key, [])
        # Sorted by day, so only the most recent anchors can still be open.
        for anchor, group in candidates:
            if 0 <= (day - anchor).days <= window_days:
                group.append(m)
                break
        else:
            group = [m]
            clusters.append(group)
            candidates.append((day, group))
            open_by_key[key] = [(a, g) for a, g in candidates if (day - a).days <= window_days]
    return clusters


def _most_common(values: list[Any]) -> Any:
    """The most frequent non-null value; ties go to the value seen first."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(v for v in values if v is not None and counts[v] == best)


def merged_id(content_hash: str, event_id: str) -> int:
    """A stable 60-bit id from the event's first mention (fits GDELT's integer GLOBALEVENTID)."""
    return int(hashlib.sha1(f"{content_hash}|{event_id}".encode()).hexdigest()[:15], 16)


def summarise(group: list[dict[str, Any]]) -> tuple[dict[str, Any], list[tuple]]:
    first = min(group, key=lambda m: (m["mention_time"] is None, m["mention_time"] or 0,
                                      m["content_hash"], m["sentence_index"], m["event_id"]))
    mid = merged_id(first["content_hash"], first["event_id"])
    cameo = _most_common([m["cameo"] for m in group])
    coded = next(m for m in group if m["cameo"] == cameo)
    source_code = _most_common([m["source_code"] for m in group])
    target_code = _most_common([m["target_code"] for m in group])
    target_sector = next((m["target_sector"] for m in group if m["target_code"] == target_code),
                         group[0]["target_sector"])
    days = [m["event_day"] for m in group if m["event_day"] is not None]
    location_name = _most_common([m["location_name"] for m in group])
    loc = next((m for m in group if m["location_name"] == location_name and location_name), None)
    row = {
        "merged_id": mid,
        "event_day": _most_common(sorted(days)) if days else None,
        "first_day": min(days) if days else None,
        "last_day": max(days) if days else None,
        "cameo": cameo,
        "cameo_name": coded["cameo_name"],
        "cameo_base": coded["cameo_base"],
        "cameo_root": coded["cameo_root"],
        "plover_type": coded["plover_type"],
        "plover_mode": coded["plover_mode"],
        "goldstein": coded["goldstein"],
        "quad_class": coded["quad_class"],
        "source_root": first["source_root"],
        "source_code": source_code,
        "source_sector": first["source_sector"],
        "target_root": first["target_root"],
        "target_code": target_code,
        "target_sector": target_sector,
        "negated": first["negated"],
        "future": first["future"],
        "num_mentions": len(group),
        "num_sources": len({m["publisher"] for m in group}),
        "num_articles": len({m["content_hash"] for m in group}),
        "is_root_event": any(bool(m["in_lead"]) for m in group),
        "first_event_id": first["event_id"],
        "first_content_hash": first["content_hash"],
        "source_url": first["url"],
        "date_added": min(m["added_at"] for m in group),
        "location_name": loc["location_name"] if loc else None,
        "location_country": loc["location_country"] if loc else None,
        "location_admin1": loc["location_admin1"] if loc else None,
        "location_lat": loc["location_lat"] if loc else None,
        "location_lon": loc["location_lon"] if loc else None,
        "location_feature": loc["location_feature"] if loc else None,
    }
    mentions = [
        (mid, m["event_id"], m["content_hash"], m["article_id"], m["sentence_index"],
         m["mention_time"], m["publisher"], m["url"], m["sentence_start"], m["sentence_end"],
         m["source_offset"], m["target_offset"], m["trigger_start"], m["doc_len"])
        for m in sorted(group, key=lambda m: (m["mention_time"] is None, m["mention_time"] or 0,
                                              m["content_hash"], m["sentence_index"]))
    ]
    return row, mentions


def rebuild(con: duckdb.DuckDBPyConnection, window_days: int) -> dict[str, int]:
    """Recompute merged_events and mentions from events (call inside a transaction)."""
    cur = con.execute(_MENTION_QUERY)
    names = [d[0] for d in cur.description]
    mentions = [dict(zip(names, row)) for row in cur.fetchall()]
    merged_rows: list[tuple] = []
    mention_rows: list[tuple] = []
    for group in cluster(mentions, window_days):
        row, ms = summarise(group)
        merged_rows.append(tuple(row[c] for c in MERGED_COLUMNS))
        mention_rows.extend(ms)
    con.execute("DELETE FROM mentions")
    con.execute("DELETE FROM merged_events")
    insert_rows(con, "merged_events", MERGED_COLUMNS, merged_rows)
    insert_rows(con, "mentions", MENTION_COLUMNS, mention_rows)
    return {"mentions": len(mention_rows), "events": len(merged_rows)}
