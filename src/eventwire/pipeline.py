"""The orchestrator: Document -> clean -> parse -> actors -> events -> dates/places/quotes -> Article.

Each stage lives in its own module and is listed in ``STAGES`` with what it reads and writes, so
that the order is checked by code (``check_stages``) rather than by memory.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import clean as clean_stage
from .config import Config
from .errors import InputError
from .model import Article, Document, Rejected, Sentence, content_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("clean", (), ("article.text", "article.title", "article.published", "article.dateline")),
    Stage("language", ("article.text",), ()),
    Stage("nlp", ("article.text",), ("doc", "article.sentences")),
    Stage("dates", ("doc", "article.published"), ("article.dates",)),
    Stage("actors", ("doc", "article.published"), ("mentions",)),
    Stage("quotes", ("doc", "mentions"), ("article.quotes",)),
    Stage("events", ("doc", "mentions", "article.dates", "article.quotes"), ("article.events",)),
    Stage("places", ("article.events", "article.dateline", "mentions"), ("event.location",)),
    Stage("implicit", ("article.events", "event.location"), ("event.recipients", "event.actors")),
)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise if a stage reads something no earlier stage assigns."""
    available = {"document"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, assigned by no earlier stage")
        available.update(stage.assigns)


class Pipeline:
    """Loads the model and dictionaries once; codes any number of documents."""

    def __init__(self, config: Config | None = None):
        from .actors import ActorResolver
        from .events import EventExtractor
        from .events.implicit import Implicit
        from .nlp import load_model

        check_stages()
        self.config = config or Config.from_env()
        self.nlp = load_model(self.config.model)
        self.actors = ActorResolver.from_config(self.config)
        self.events = EventExtractor.from_config(self.config)
        self.implicit = Implicit.from_dictionaries(self.events.d)
        self.vocabulary = english_vocabulary(self.nlp)

    # -- one document -------------------------------------------------------------------------
    def code(self, document: Document) -> Article:
        page = clean_stage.clean_document(document, max_chars=self.config.max_chars,
                                          min_words=self.config.min_words)
        clean_stage.check_english(page.text, self.config.min_english, self.vocabulary)
        return self._code_page(document, page, self.nlp(parse_text(page)))

    def _code_page(self, document: Document, page: "clean_stage.CleanPage", doc) -> Article:
        from . import dates, places, quotes

        article = Article(
            id=document.id, text=page.text, title=page.headline, standfirst=page.standfirst,
            body=page.body, published=page.published, dateline=page.dateline, url=document.url,
            source=document.source, content_hash=content_hash(document.text),
            removed=page.removed,
        )
        article.sentences = [_sentence(i, s, page) for i, s in enumerate(doc.sents)]
        article.dates = dates.find_dates(doc, article)
        mentions = self.actors.resolve(doc, article, excluded=page.dateline_span)
        article.quotes = quotes.find_quotes(doc, article, mentions)
        article.events = self.events.extract(doc, article, mentions)
        places.locate_events(doc, article, mentions, kb=self.actors.kb, words=self.vocabulary)
        self.implicit.apply(article, self.actors.kb.country_name, mentions.countries_named(doc))
        return article

    # -- many documents -----------------------------------------------------------------------
    def code_many(self, documents: Iterable[Document]) -> Iterator[Article | Rejected]:
        """Code a stream of documents; every input comes out as an Article or a Rejected."""
        pending: list[tuple[Document, clean_stage.CleanPage | Rejected]] = []
        for document in documents:
            try:
                page = clean_stage.clean_document(document, max_chars=self.config.max_chars,
                                                  min_words=self.config.min_words)
                clean_stage.check_english(page.text, self.config.min_english, self.vocabulary)
            except InputError as exc:
                pending.append((document, Rejected(document.id, exc.reason, exc.detail, document.source)))
                continue
            pending.append((document, page))
            if len(pending) >= self.config.batch_size:
                yield from self._flush(pending)
                pending = []
        if pending:
            yield from self._flush(pending)

    def _flush(self, pending: list) -> Iterator[Article | Rejected]:
        """Parse a batch with nlp.pipe and yield every outcome in input order."""
        pages = [page for _, page in pending if not isinstance(page, Rejected)]
        docs = iter(self.nlp.pipe([parse_text(page) for page in pages]))
        for document, page in pending:
            if isinstance(page, Rejected):
                yield page
                continue
            doc = next(docs)
            try:
                yield self._code_page(document, page, doc)
            except Exception as exc:  # a bug on one document must not end the run
                log.exception("coding %s failed", document.id)
                yield Rejected(document.id, "error", f"{type(exc).__name__}: {exc}", document.source)


def english_vocabulary(nlp) -> frozenset[str]:
    """English words from the pipeline's lemmatizer tables (nouns, verbs, adjectives, adverbs), for
    the language check of terse items; empty when the pipeline has no such tables."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for words in table.values() for w in words if w.isalpha())


def parse_text(page: "clean_stage.CleanPage") -> str:
    """The text the parser sees: the article's text with the dateline blanked out (same length,
    so every offset still points into ``Article.text``). "JEDDAH, Saudi Arabia - Sudan's army
    and ..." otherwise parses the place as part of the first sentence's subject."""
    if not page.dateline_span:
        return page.text
    start, end = page.dateline_span
    return page.text[:start] + " " * (end - start) + page.text[end:]


def _sentence(index: int, span, page: "clean_stage.CleanPage") -> Sentence:
    text = page.text
    start, end = span.start_char, span.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if page.dateline_span and page.dateline_span[0] <= start <= page.dateline_span[1] + 1:
        start = page.dateline_span[0]  # the dateline belongs to the first body sentence
    return Sentence(index=index, text=text[start:end], start=start, end=end,
                    section=page.section_at(start))
