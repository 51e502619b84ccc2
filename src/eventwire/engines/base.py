"""The one engine interface: keyed documents in, one outcome (Article or Rejected) per key out.

An engine runs a pipeline (any object with ``code_many(documents)``) somewhere: in this process,
in worker processes, or (a later issue) on a Ray cluster. The runner gives each document a key
(its content hash) and gets every key back exactly once, whatever the pipeline did: a result the
pipeline did not return, or an exception it raised on a chunk, becomes a ``Rejected`` for the
document(s) concerned and the run goes on.
"""

from __future__ import annotations

import logging
import signal
import threading
from abc import ABC, abstractmethod
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, Union, runtime_checkable

from ..errors import EventwireError
from ..model import Article, Document, Rejected

log = logging.getLogger(__name__)

Result = Union[Article, Rejected]
Keyed = tuple[str, Document]  # (key, document): the key is the document's content hash
Outcome = tuple[str, Result]


@runtime_checkable
class PipelineLike(Protocol):
    """What an engine needs of a pipeline: eventwire.pipeline.Pipeline, or a fake in tests."""

    def code_many(self, documents: Iterable[Document]) -> Iterator[Result]: ...


PipelineFactory = Callable[[], PipelineLike]


class EngineError(EventwireError):
    """The engine itself failed (a worker could not build the pipeline, or died)."""


class Engine(ABC):
    """Runs a pipeline over keyed documents. Use as a context manager or call ``close()``."""

    name: str = "engine"

    @abstractmethod
    def code(self, items: Iterable[Keyed]) -> Iterator[Outcome]:
        """Yield ``(key, Article | Rejected)`` for every ``(key, document)`` in ``items``."""

    def close(self) -> None:  # noqa: B027 - engines without resources need not override
        """Release workers and other resources."""

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Fixed:
    """A factory returning an already built pipeline (picklable when the pipeline is)."""

    def __init__(self, pipeline: PipelineLike):
        self.pipeline = pipeline

    def __call__(self) -> PipelineLike:
        return self.pipeline


def as_factory(pipeline: PipelineLike | PipelineFactory) -> PipelineFactory:
    """Accept a pipeline object or a zero-argument factory of one."""
    if isinstance(pipeline, PipelineLike) and not isinstance(pipeline, type):
        return _Fixed(pipeline)
    if callable(pipeline):
        return pipeline
    raise TypeError(f"expected a pipeline (with code_many) or a factory of one, got {pipeline!r}")


DEFAULT_TIMEOUT = 60.0  # seconds a document may take before it is rejected as ``timeout``


class DocumentTimeout(BaseException):
    """Raised (by SIGALRM) inside a pipeline call that ran past its time budget.

    A BaseException, like KeyboardInterrupt, so that a pipeline's own ``except Exception``
    (which turns one failing document into a Rejected) cannot swallow it."""


@contextmanager
def _time_limit(seconds: float | None):
    """Interrupt the block after ``seconds`` (Unix, main thread only; elsewhere no limit)."""
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def chunk_budget(timeout: float, n: int) -> float:
    """Time for a chunk of n documents before it is retried one by one (most documents take
    a small part of the per-document limit)."""
    return timeout * (1 + n / 4)


def code_chunk(pipeline: PipelineLike, items: list[Keyed],
               timeout: float | None = DEFAULT_TIMEOUT) -> list[Outcome]:
    """Code a chunk with ``pipeline.code_many`` and pair each input with exactly one result.

    Results come back in input order. If the pipeline raises, or the chunk runs past its time
    budget, the chunk is retried one document at a time so that only the document that fails
    is rejected (as ``error``, or ``timeout`` when it alone runs past ``timeout`` seconds: a
    document that sends a stage into a loop must not stop the run).
    """
    try:
        with _time_limit(chunk_budget(timeout, len(items)) if timeout and len(items) > 1 else timeout):
            results = list(pipeline.code_many([doc for _, doc in items]))
    except (Exception, DocumentTimeout) as exc:
        if len(items) == 1:
            key, doc = items[0]
            reason = "timeout" if isinstance(exc, DocumentTimeout) else "error"
            log.warning("coding %s failed: %s: %s", doc.id, type(exc).__name__, exc)
            return [(key, Rejected(doc.id, reason, f"{type(exc).__name__}: {exc}", doc.source))]
        outcomes: list[Outcome] = []
        for item in items:
            outcomes.extend(code_chunk(pipeline, [item], timeout))
        return outcomes
    return match_results(items, results)


def match_results(items: list[Keyed], results: list[Result]) -> list[Outcome]:
    """Pair results with inputs by document id (and content hash where the result has one)."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, (_, doc) in enumerate(items):
        waiting[doc.id].append(i)
    matched: dict[int, Result] = {}
    for result in results:
        queue = waiting.get(result.id)
        if not queue:
            log.warning("the pipeline returned a result for %r, which was not asked for", result.id)
            continue
        index = queue[0]
        if isinstance(result, Article) and result.content_hash:
            # Two inputs sharing an id: prefer the one whose content this article is.
            index = next((i for i in queue if items[i][0] == result.content_hash), index)
        queue.remove(index)
        matched[index] = result
    outcomes: list[Outcome] = []
    for i, (key, doc) in enumerate(items):
        result = matched.get(i)
        if result is None:
            result = Rejected(doc.id, "error", "the pipeline returned no result for this document",
                              doc.source)
        outcomes.append((key, result))
    return outcomes


def chunked(items: Iterable[Keyed], size: int, max_chars: int) -> Iterator[list[Keyed]]:
    """Group keyed documents into chunks of at most ``size`` documents and about ``max_chars``."""
    chunk: list[Keyed] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item[1].text)
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk
