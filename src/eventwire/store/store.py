"""EventStore: coded articles, events, actors, quotes and runs in one DuckDB file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from .. import __version__
from ..errors import StoreError
from ..model import Actor, Article, Event, Rejected, content_hash
from . import merge
from ._sql import insert_rows
from .schema import ARTICLE_TABLES, MIGRATIONS, SCHEMA_VERSION, TABLES

MEMORY = ":memory:"


def _now() -> datetime:
    # Stored as naive UTC: DuckDB TIMESTAMP has no zone, and GDELT's DATEADDED is UTC.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def publisher_of(article: Article) -> str:
    """Who published the article, for NumSources: the URL's host (without ``www.``), else the
    article's source (a publisher name, or a path or WARC record when that is all there is),
    else the article itself (an unknown publisher counts as one of its own)."""
    for candidate in (article.url, article.source):
        if candidate and "://" in candidate:
            host = (urlsplit(candidate).hostname or "").lower()
            if host:
                return host.removeprefix("www.")
    if article.source:
        return article.source
    return f"article:{article.content_hash or article.id}"


def event_day(event: Event, article: Article) -> date | None:
    """The day an event is counted on: its own date when known to the day, else the article's
    publication day (GDELT's convention), else unknown."""
    if event.date and event.date_precision == "day":
        try:
            return date.fromisoformat(event.date[:10])
        except ValueError:
            pass
    published = _naive_utc(article.published)
    return published.date() if published else None


def _span(span: Any) -> tuple[int | None, int | None]:
    if not span:
        return None, None
    return int(span[0]), int(span[1])


class EventStore:
    """A DuckDB event store. Use as a context manager::

        with EventStore("events.duckdb") as store:
            run_id = store.start_run("code", ["examples/"])
            store.add_article(article, run_id=run_id)
            store.finish_run(run_id, {"articles": 1})

    Opening creates the schema, or migrates an older one. ``must_exist=True`` refuses to create
    a new file (for commands that only read). Merged events are rebuilt by ``merge_events``,
    automatically at ``finish_run``, and lazily by ``ensure_merged`` before any read of
    ``merged_events`` or ``mentions`` when articles changed since the last merge.
    """

    def __init__(self, path: str | Path = MEMORY, *, must_exist: bool = False,
                 read_only: bool = False):
        self.path = str(path)
        if self.path != MEMORY and must_exist and not Path(self.path).exists():
            raise StoreError(f"no event store at {self.path}: create one with "
                             f"`eventwire code INPUT --db {self.path}`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open event store {self.path}: {exc}. Check the path, "
                             "and that no other process has it open for writing") from exc
        self.read_only = read_only
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _tables(self) -> set[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
        return {r[0] for r in rows}

    @property
    def schema_version(self) -> int:
        if "schema_version" not in self._tables():
            return 0
        return self._scalar("SELECT coalesce(max(version), 0) FROM schema_version")

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {current}, newer than this "
                             f"eventwire understands ({SCHEMA_VERSION}): upgrade eventwire")
        pending = [m for m in MIGRATIONS if m.version > current]
        if not pending:
            return
        if self.read_only:
            raise StoreError(f"{self.path} has schema version {current} and needs migrating to "
                             f"{SCHEMA_VERSION}: open it once without read-only")
        with self._transaction():
            for migration in pending:
                migration.apply(self.con)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                 [migration.version, _now(), migration.description])
            if current == 0:
                self._set_meta("merge_window_days", str(merge.DEFAULT_WINDOW_DAYS))
                self._set_meta("merge_dirty", "0")

    def _transaction(self):
        store = self

        class _Tx:
            def __enter__(self_inner):
                store.con.execute("BEGIN TRANSACTION")

            def __exit__(self_inner, exc_type, exc, tb):
                if exc_type is None:
                    store.con.execute("COMMIT")
                else:
                    store.con.execute("ROLLBACK")
                return False

        return _Tx()

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # fetchall, not fetchone: DuckDB 2 refuses new work on a connection whose last result
        # was not read to the end.
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def _get_meta(self, key: str) -> str | None:
        return self._scalar("SELECT value FROM meta WHERE key = ?", [key])

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    # -- runs ------------------------------------------------------------------------------------

    def start_run(self, command: str, inputs: Sequence[str] = ()) -> int:
        with self._transaction():
            run_id = self._scalar("SELECT coalesce(max(run_id), 0) + 1 FROM runs")
            self.con.execute(
                "INSERT INTO runs (run_id, command, inputs, eventwire_version, started_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [run_id, command, [str(i) for i in inputs], __version__, _now()])
        return run_id

    def finish_run(self, run_id: int, stats: dict[str, Any] | None = None) -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, stats = ? WHERE run_id = ?",
                         [_now(), json.dumps(stats or {}, default=str), run_id])
        # Keep the file consistent for tools that read it directly (DuckDB CLI, pandas).
        self.ensure_merged()

    # -- writing ---------------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return self._scalar("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                            [content_hash]) is not None

    def add_article(self, article: Article, *, run_id: int | None = None) -> None:
        """Store an article with its sentences, dates, events, actors and quotes.

        Replaces the rows of an earlier copy with the same content hash, and of an earlier
        version with the same URL (an edited web page supersedes the old text), so re-coding
        never duplicates."""
        self.add_articles([article], run_id=run_id)

    def add_articles(self, articles: Iterable[Article], *, run_id: int | None = None) -> int:
        """``add_article`` for many articles in one transaction (faster for batches)."""
        by_hash: dict[str, dict[str, list[tuple]]] = {}  # the same content twice: keep the last
        urls: list[str] = []
        added = _now()
        by_url: dict[str, str] = {}
        for article in articles:
            h = article.content_hash or content_hash(article.text)
            if article.url:
                earlier = by_url.get(article.url)
                if earlier is not None and earlier != h:  # a newer version of a page in one batch
                    by_hash.pop(earlier, None)
                by_url[article.url] = h
                urls.append(article.url)
            by_hash.pop(h, None)
            by_hash[h] = rows = {t: [] for t in ARTICLE_TABLES}
            self._article_rows(article, h, run_id, added, rows)
        if not by_hash:
            return 0
        hashes = list(by_hash)
        try:
            with self._transaction():
                stale = set(hashes)
                if urls:
                    stale |= {r[0] for r in self.con.execute(
                        "SELECT content_hash FROM articles WHERE list_contains(?, url)",
                        [urls]).fetchall()}
                for table in ARTICLE_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, content_hash)",
                                     [sorted(stale)])
                for table in ARTICLE_TABLES:
                    insert_rows(self.con, table, _COLUMNS[table],
                                [r for rows in by_hash.values() for r in rows[table]])
                self._set_meta("merge_dirty", "1")
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to event store {self.path}: {exc}") from exc
        return len(hashes)

    def _article_rows(self, a: Article, h: str, run_id: int | None, added: datetime,
                      rows: dict[str, list[tuple]]) -> None:
        rows["articles"].append((
            h, a.id, a.title, a.standfirst, _naive_utc(a.published), a.dateline, a.url, a.source,
            publisher_of(a), a.language, a.text, list(a.removed), run_id, added))
        for s in a.sentences:
            rows["sentences"].append((h, a.id, s.index, s.section, s.start, s.end, s.text))
        for i, d in enumerate(a.dates):
            start, end = _span(d.span)
            rows["date_mentions"].append((h, a.id, i, d.sentence_index, d.text, d.value,
                                          d.precision, start, end, d.rule))
        for q_index, q in enumerate(a.quotes):
            start, end = _span(q.span)
            sp = q.speaker
            rows["quotes"].append((
                h, a.id, q_index, q.sentence_index, q.text, start, end,
                sp.text if sp else None, sp.code if sp else None, sp.root if sp else None,
                sp.sector if sp else None, sp.name if sp else None, q.explanation))
        seen: set[str] = set()
        for e in a.events:
            if e.event_id in seen:  # the same event coded twice from one sentence: keep one
                continue
            seen.add(e.event_id)
            self._event_rows(e, a, h, run_id, rows)

    def _event_rows(self, e: Event, a: Article, h: str, run_id: int | None,
                    rows: dict[str, list[tuple]]) -> None:
        eid = e.event_id
        source = e.actors[0] if e.actors else None
        target = e.recipients[0] if e.recipients else None
        cameo = str(e.cameo)
        loc = e.location
        loc_start, loc_end = _span(loc.span) if loc else (None, None)
        trig_start, trig_end = _span(e.trigger_span)
        rows["events"].append((
            eid, h, a.id, e.sentence_index, e.section, e.sentence,
            cameo, e.cameo_name, cameo[:3], cameo[:2], e.type, e.mode, e.goldstein, e.quad_class,
            source.root if source else None, source.code if source else None,
            source.sector if source else None,
            target.root if target else None, target.code if target else None,
            target.sector if target else None,
            e.trigger, trig_start, trig_end, e.date, e.date_precision, e.date_source,
            event_day(e, a),
            loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc.feature if loc else None,
            loc.source if loc else None, loc_start, loc_end,
            bool(e.negated), bool(e.future), e.explanation, run_id))
        actors: list[tuple[str, int, Actor]] = [("source", i, x) for i, x in enumerate(e.actors)]
        actors += [("target", i, x) for i, x in enumerate(e.recipients)]
        if e.attribution:
            actors.append(("attribution", 0, e.attribution))
        for role, position, actor in actors:
            start, end = _span(actor.span)
            rows["event_actors"].append((
                eid, h, role, position, actor.text, actor.code, actor.root, actor.country,
                actor.org, actor.sector, actor.name, start, end, actor.explanation))

    def add_rejected(self, rejected: Rejected, *, run_id: int | None = None) -> None:
        """Record a document that could not be coded (replaces an earlier record of it)."""
        with self._transaction():
            self.con.execute("DELETE FROM rejected WHERE document_id = ?", [rejected.id])
            self.con.execute("INSERT INTO rejected VALUES (?, ?, ?, ?, ?, ?)",
                             [rejected.id, rejected.reason, rejected.detail, rejected.source,
                              run_id, _now()])

    def delete_article(self, content_hash: str) -> bool:
        """Remove an article and everything coded from it. Returns whether it was there."""
        found = self.has_document(content_hash)
        with self._transaction():
            for table in ARTICLE_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE content_hash = ?", [content_hash])
            self._set_meta("merge_dirty", "1")
        return found

    # -- merging ---------------------------------------------------------------------------------

    @property
    def merge_window_days(self) -> int:
        value = self._get_meta("merge_window_days")
        return int(value) if value is not None else merge.DEFAULT_WINDOW_DAYS

    def merge_events(self, window_days: int | None = None) -> dict[str, int]:
        """Rebuild ``merged_events`` and ``mentions`` from all stored events.

        ``window_days`` (default: the store's setting, initially 1) is remembered, so later
        automatic merges use the same window. Returns ``{"mentions": n, "events": m}``."""
        if window_days is None:
            window_days = self.merge_window_days
        if window_days < 0:
            raise StoreError(f"merge window must be 0 days or more, not {window_days}")
        with self._transaction():
            stats = merge.rebuild(self.con, window_days)
            self._set_meta("merge_window_days", str(window_days))
            self._set_meta("merge_dirty", "0")
        return stats

    def ensure_merged(self) -> None:
        """Merge if articles changed since the last merge (a no-op on a read-only store)."""
        if not self.read_only and self._get_meta("merge_dirty") != "0":
            self.merge_events()

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query (with ``?`` parameters) and return rows as dicts."""
        try:
            cur = self.con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r} in the event store; tables: {', '.join(TABLES)}")
        return self._scalar(f"SELECT count(*) FROM {table}")

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in TABLES}


_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("content_hash", "article_id", "title", "standfirst", "published", "dateline",
                 "url", "source", "publisher", "language", "text", "removed", "run_id", "added_at"),
    "sentences": ("content_hash", "article_id", "sentence_index", "section", "start_char",
                  "end_char", "text"),
    "date_mentions": ("content_hash", "article_id", "mention_index", "sentence_index", "text",
                      "value", "precision", "start_char", "end_char", "rule"),
    "quotes": ("content_hash", "article_id", "quote_index", "sentence_index", "text",
               "start_char", "end_char", "speaker_text", "speaker_code", "speaker_root",
               "speaker_sector", "speaker_name", "explanation"),
    "events": ("event_id", "content_hash", "article_id", "sentence_index", "section", "sentence",
               "cameo", "cameo_name", "cameo_base", "cameo_root", "plover_type", "plover_mode",
               "goldstein", "quad_class", "source_root", "source_code", "source_sector",
               "target_root", "target_code", "target_sector", "trigger", "trigger_start",
               "trigger_end", "date", "date_precision", "date_source", "event_day",
               "location_name", "location_country", "location_admin1", "location_lat",
               "location_lon", "location_feature", "location_source", "location_start",
               "location_end", "negated", "future", "explanation", "run_id"),
    "event_actors": ("event_id", "content_hash", "role", "position", "text", "code", "root",
                     "country", "org", "sector", "name", "start_char", "end_char", "explanation"),
}
