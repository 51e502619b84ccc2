"""The event store's schema, its version, and the migrations that bring an older store up to date.

The DDL here is the single source of truth for ``docs/schema.md``. To change the schema, append
a ``Migration`` to ``MIGRATIONS`` (never edit an applied one): opening an older store applies
every migration above its recorded version, in order, inside one transaction.

No PRIMARY KEY or UNIQUE constraints: the store replaces an article by deleting and re-inserting
its rows in one transaction, which DuckDB's over-eager constraint checking rejects as a
duplicate key in older releases. The store enforces uniqueness itself (``EventStore.add_article``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

SCHEMA_V1 = [
    """CREATE TABLE schema_version (
        version INTEGER NOT NULL,
        applied_at TIMESTAMP NOT NULL,
        description VARCHAR NOT NULL
    )""",
    # Key/value settings of the store: merge window, whether merged events are stale.
    """CREATE TABLE meta (
        key VARCHAR NOT NULL,
        value VARCHAR
    )""",
    """CREATE TABLE runs (
        run_id INTEGER NOT NULL,
        command VARCHAR NOT NULL,
        inputs VARCHAR[],
        eventwire_version VARCHAR,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        stats JSON
    )""",
    """CREATE TABLE articles (
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        title VARCHAR,
        standfirst VARCHAR,
        published TIMESTAMP,
        dateline VARCHAR,
        url VARCHAR,
        source VARCHAR,
        publisher VARCHAR NOT NULL,
        language VARCHAR,
        text VARCHAR NOT NULL,
        removed VARCHAR[],
        run_id INTEGER,
        added_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE sentences (
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        section VARCHAR,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text VARCHAR NOT NULL
    )""",
    """CREATE TABLE date_mentions (
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        mention_index INTEGER NOT NULL,
        sentence_index INTEGER,
        text VARCHAR,
        value VARCHAR,
        precision VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        rule VARCHAR
    )""",
    # One row per coded event mention (one sentence of one article).
    """CREATE TABLE events (
        event_id VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        section VARCHAR,
        sentence VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_name VARCHAR,
        cameo_base VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        plover_type VARCHAR,
        plover_mode VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        source_root VARCHAR,
        source_code VARCHAR,
        source_sector VARCHAR,
        target_root VARCHAR,
        target_code VARCHAR,
        target_sector VARCHAR,
        trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        date VARCHAR,
        date_precision VARCHAR,
        date_source VARCHAR,
        event_day DATE,
        location_name VARCHAR,
        location_country VARCHAR,
        location_admin1 VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_feature VARCHAR,
        location_source VARCHAR,
        location_start INTEGER,
        location_end INTEGER,
        negated BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        explanation VARCHAR,
        run_id INTEGER
    )""",
    # Every actor of an event: role source | target | attribution, in the order coded.
    """CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR,
        code VARCHAR,
        root VARCHAR,
        country VARCHAR,
        org VARCHAR,
        sector VARCHAR,
        name VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        explanation VARCHAR
    )""",
    """CREATE TABLE quotes (
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        quote_index INTEGER NOT NULL,
        sentence_index INTEGER,
        text VARCHAR NOT NULL,
        start_char INTEGER,
        end_char INTEGER,
        speaker_text VARCHAR,
        speaker_code VARCHAR,
        speaker_root VARCHAR,
        speaker_sector VARCHAR,
        speaker_name VARCHAR,
        explanation VARCHAR
    )""",
    """CREATE TABLE rejected (
        document_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        source VARCHAR,
        run_id INTEGER,
        added_at TIMESTAMP NOT NULL
    )""",
    # Events merged across mentions and articles (GDELT's Events table); rebuilt by merge_events.
    """CREATE TABLE merged_events (
        merged_id BIGINT NOT NULL,
        event_day DATE,
        first_day DATE,
        last_day DATE,
        cameo VARCHAR NOT NULL,
        cameo_name VARCHAR,
        cameo_base VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        plover_type VARCHAR,
        plover_mode VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        source_root VARCHAR,
        source_code VARCHAR,
        source_sector VARCHAR,
        target_root VARCHAR,
        target_code VARCHAR,
        target_sector VARCHAR,
        negated BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        is_root_event BOOLEAN NOT NULL,
        first_event_id VARCHAR NOT NULL,
        first_content_hash VARCHAR NOT NULL,
        source_url VARCHAR,
        date_added TIMESTAMP NOT NULL,
        location_name VARCHAR,
        location_country VARCHAR,
        location_admin1 VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_feature VARCHAR
    )""",
    # Every mention of a merged event (GDELT's Mentions table).
    """CREATE TABLE mentions (
        merged_id BIGINT NOT NULL,
        event_id VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        mention_time TIMESTAMP,
        publisher VARCHAR NOT NULL,
        url VARCHAR,
        sentence_start INTEGER,
        sentence_end INTEGER,
        source_offset INTEGER,
        target_offset INTEGER,
        action_offset INTEGER,
        doc_len INTEGER NOT NULL
    )""",
    "CREATE INDEX events_by_hash ON events (content_hash)",
    "CREATE INDEX actors_by_hash ON event_actors (content_hash)",
    "CREATE INDEX sentences_by_hash ON sentences (content_hash)",
]

# The tables that hold one article's rows, all keyed by content_hash.
ARTICLE_TABLES = ("articles", "sentences", "date_mentions", "events", "event_actors", "quotes")

# Every table of the schema, in a stable order (exports and docs use it).
TABLES = ("runs", "articles", "sentences", "date_mentions", "events", "event_actors", "quotes",
          "rejected", "merged_events", "mentions")


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


def _create_v1(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in SCHEMA_V1:
        con.execute(ddl)


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema: runs, articles, sentences, events, actors, quotes, rejected, "
                 "merged events and mentions", _create_v1),
]

SCHEMA_VERSION = MIGRATIONS[-1].version
