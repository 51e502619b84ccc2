"""The in-process engine: codes sequentially in this process (tests, ``--workers 1``, notebooks)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .base import (DEFAULT_TIMEOUT, Engine, Keyed, Outcome, PipelineFactory, PipelineLike, as_factory,
                   chunked, code_chunk)


class InProcessEngine(Engine):
    name = "inprocess"

    def __init__(self, pipeline: PipelineLike | PipelineFactory, *, chunk_size: int = 32,
                 max_chunk_chars: int = 1_000_000, timeout: float | None = DEFAULT_TIMEOUT):
        self._factory = as_factory(pipeline)
        self._pipeline: PipelineLike | None = None
        self.chunk_size = chunk_size
        self.max_chunk_chars = max_chunk_chars
        self.timeout = timeout  # seconds a document may take (None: no limit)

    @property
    def pipeline(self) -> PipelineLike:
        if self._pipeline is None:  # built on first use, once
            self._pipeline = self._factory()
        return self._pipeline

    def code(self, items: Iterable[Keyed]) -> Iterator[Outcome]:
        for chunk in chunked(items, self.chunk_size, self.max_chunk_chars):
            yield from code_chunk(self.pipeline, chunk, self.timeout)
