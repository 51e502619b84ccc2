"""The records that flow through the pipeline: Article in, Events (and Quotes) out.

Every offset is a character offset into ``Article.text`` (the cleaned text that was parsed:
headline, standfirst and body, each section separated by a blank line), so any event can be
traced back to the exact characters that support it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

Span = tuple[int, int]


def content_hash(text: str) -> str:
    """Stable identity of a document's content (sha256 of its UTF-8 text, 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """A raw input document, before clean-up: what an ingest source yields."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None  # where it came from: a path, a URL, a WARC record
    is_html: bool = False


@dataclass
class Rejected:
    """A document that could not be coded, with the reason (never dropped silently)."""

    id: str
    reason: str  # a short code: empty, binary, encoding, not-english, too-large, malformed, error
    detail: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Actor:
    """One actor mention, coded.

    ``code`` is CAMEO-style (country or org root followed by a sector, e.g. ``RUSGOV``,
    ``SYRREB``, ``IGOUNO``). ``root`` is what the event's dyad is keyed on: the org code for
    international actors, else the ISO 3166-1 alpha-3 country.
    """

    text: str
    code: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    span: Span | None = None
    name: str | None = None  # canonical person or organisation name when known
    explanation: str = ""

    @property
    def root(self) -> str | None:
        return self.org or self.country

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "org": self.org,
            "sector": self.sector,
            "span": list(self.span) if self.span else None,
            "name": self.name,
            "explanation": self.explanation,
        }


@dataclass
class Location:
    name: str
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, city, region
    source: str = "text"  # text | dateline
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class Sentence:
    index: int
    text: str
    start: int
    end: int
    section: str  # headline | standfirst | body


@dataclass
class DateMention:
    text: str
    value: str  # ISO date at its precision: 2012-06-05, 2011-03, 2011
    precision: str  # day | month | year
    span: Span
    sentence_index: int
    rule: str


@dataclass
class Quote:
    text: str
    span: Span
    sentence_index: int
    speaker: Actor | None = None
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "sentence_index": self.sentence_index,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "explanation": self.explanation,
        }


@dataclass
class Event:
    article_id: str
    sentence_index: int
    sentence: str
    section: str
    type: str | None  # PLOVER event type
    mode: str | None
    cameo: str
    cameo_name: str
    goldstein: float | None
    quad_class: int | None
    actors: list[Actor]
    recipients: list[Actor]
    trigger: str
    trigger_span: Span
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # text | reported | sentence | context | published
    location: Location | None = None
    negated: bool = False
    future: bool = False
    attribution: Actor | None = None  # who reported it, when coded from reported speech
    explanation: str = ""

    @property
    def source_root(self) -> str | None:
        return self.actors[0].root if self.actors else None

    @property
    def target_root(self) -> str | None:
        return self.recipients[0].root if self.recipients else None

    @property
    def event_id(self) -> str:
        key = f"{self.article_id}|{self.sentence_index}|{self.trigger_span}|{self.cameo}|" + "|".join(
            f"{a.code}{a.span}" for a in self.actors + self.recipients
        )
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "section": self.section,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "future": self.future,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "explanation": self.explanation,
        }


@dataclass
class Article:
    id: str
    text: str  # the cleaned text that was parsed; all spans point into it
    title: str | None = None
    standfirst: str | None = None
    body: str = ""
    published: datetime | None = None
    dateline: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    content_hash: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # boilerplate lines taken out by clean-up

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None

    def to_dict(self, *, events: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "standfirst": self.standfirst,
            "published": self.published.isoformat(timespec="minutes") if self.published else None,
            "dateline": self.dateline,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "content_hash": self.content_hash,
            "text": self.text,
            "sentences": [asdict(s) for s in self.sentences],
            "dates": [asdict(m) | {"span": list(m.span)} for m in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "removed": self.removed,
        }
        if events:
            d["events"] = [e.to_dict() for e in self.events]
        return d
