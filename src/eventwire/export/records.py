"""Merged events as plain records for the exporters: each event with its first mention's article
and sentence, and the actors of the mention that supplied its representative source and target."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..store import EventStore

_EVENTS = """
SELECT e.*, a.article_id AS first_article_id, a.title AS first_title, a.language,
       a.publisher AS first_publisher, a.url AS first_url, a.source AS first_source,
       ev.sentence_index AS first_sentence_index, ev.trigger, ev.trigger_start, ev.trigger_end,
       s.start_char AS sentence_start, s.end_char AS sentence_end
FROM merged_events e
JOIN articles a ON a.content_hash = e.first_content_hash
JOIN events ev ON ev.event_id = e.first_event_id AND ev.content_hash = e.first_content_hash
LEFT JOIN sentences s ON s.content_hash = ev.content_hash AND s.sentence_index = ev.sentence_index
ORDER BY e.event_day NULLS LAST, e.merged_id
"""

_ACTORS = """
SELECT m.merged_id, m.event_id, m.content_hash, ea.role, ea.position, ea.code, ea.root,
       ea.country, ea.org, ea.sector, ea.name, ea.text
FROM mentions m
JOIN event_actors ea ON ea.event_id = m.event_id AND ea.content_hash = m.content_hash
WHERE ea.role IN ('source', 'target')
ORDER BY m.merged_id, m.mention_time NULLS LAST, m.content_hash, m.sentence_index, ea.role,
         ea.position
"""

_TRIGGERS = """
SELECT m.merged_id, ev.trigger
FROM mentions m JOIN events ev ON ev.event_id = m.event_id AND ev.content_hash = m.content_hash
ORDER BY m.merged_id, m.mention_time NULLS LAST, m.content_hash, m.sentence_index
"""


@dataclass
class EventRecord:
    event: dict[str, Any]
    source: dict[str, Any] | None = None  # the representative actor (its code is the event's)
    target: dict[str, Any] | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)  # compound actor, as coded
    targets: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)


def event_records(store: EventStore) -> list[EventRecord]:
    store.ensure_merged()
    records = {row["merged_id"]: EventRecord(row) for row in store.query(_EVENTS)}
    # (merged_id, role) -> the mention's actor lists, in mention order
    by_mention: dict[tuple[int, str], dict[tuple[str, str], list[dict]]] = defaultdict(dict)
    for row in store.query(_ACTORS):
        per_mention = by_mention[(row["merged_id"], row["role"])]
        per_mention.setdefault((row["content_hash"], row["event_id"]), []).append(row)
    for (mid, role), mentions in by_mention.items():
        record = records.get(mid)
        if record is None:
            continue
        wanted = record.event["source_code" if role == "source" else "target_code"]
        chosen = next((actors for actors in mentions.values() if actors[0]["code"] == wanted),
                      next(iter(mentions.values())))
        if role == "source":
            record.source, record.sources = chosen[0], chosen
        else:
            record.target, record.targets = chosen[0], chosen
    for row in store.query(_TRIGGERS):
        record = records.get(row["merged_id"])
        if record is not None and row["trigger"] and row["trigger"] not in record.triggers:
            record.triggers.append(row["trigger"])
    return list(records.values())
