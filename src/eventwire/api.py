"""The public Python API. The CLI, the web app and the engines call only this."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Config
from .model import Article, Document, Rejected
from .pipeline import Pipeline

_default: Pipeline | None = None


def load_pipeline(config: Config | None = None) -> Pipeline:
    """Build a pipeline (loads the spaCy model once; reuse the object for many documents)."""
    return Pipeline(config or Config.from_env())


def _shared() -> Pipeline:
    global _default
    if _default is None:
        _default = load_pipeline()
    return _default


def code_text(text: str, published: str | None = None, title: str | None = None,
              *, id: str | None = None, url: str | None = None, html: bool = False) -> Article:
    """Code one news text (plain text or HTML) and return the Article with its events.

    Raises ``InputError`` (with ``.reason``) for empty, binary, oversized or non-English input.
    """
    from .model import content_hash

    doc = Document(id=id or content_hash(text), text=text, title=title, published=published,
                   url=url, is_html=html)
    return _shared().code(doc)


def code_articles(docs: Iterable[Document], pipeline: Pipeline | None = None
                  ) -> Iterator[Article | Rejected]:
    """Code many documents in this process; bad ones come back as ``Rejected`` records."""
    return (pipeline or _shared()).code_many(docs)
