"""The event store: coded articles, events, actors, quotes and runs in DuckDB, with events
merged across articles (GDELT's NumMentions, NumSources, NumArticles) and every mention kept.

Schema and migrations: ``docs/schema.md``. Merging: ``eventwire.store.merge``.
"""

from .merge import DEFAULT_WINDOW_DAYS
from .schema import SCHEMA_VERSION, TABLES
from .store import EventStore, publisher_of

__all__ = ["DEFAULT_WINDOW_DAYS", "EventStore", "SCHEMA_VERSION", "TABLES", "publisher_of"]
