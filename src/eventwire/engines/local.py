"""The local engine: worker processes on this machine, each building the pipeline once.

Chunks of documents go to a process pool whose initializer builds the pipeline (so the spaCy
model loads once per worker). At most ``inflight`` chunks are submitted at a time, so memory
stays flat however large the input is; results come back in input order, so the output of a
run does not depend on the number of workers.

Workers use the ``spawn`` start method (no fork of a parent that may hold threads or a loaded
model), ignore Ctrl-C (the parent decides), and exit on their own if the parent is killed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .base import (DEFAULT_TIMEOUT, Engine, EngineError, Keyed, Outcome, PipelineFactory, PipelineLike, as_factory,
                   chunked, code_chunk)

_pipeline: PipelineLike | None = None
_start_error: str | None = None


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:  # the parent died (kill -9): nobody will read our results
            os._exit(1)


def _init_worker(factory: PipelineFactory, parent: int) -> None:
    global _pipeline, _start_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        _pipeline = factory()
    except Exception as exc:  # reported with the first chunk, in the parent, as one clear error
        _start_error = f"{type(exc).__name__}: {exc}"


def _work(chunk: list[Keyed], timeout: float | None) -> list[Outcome]:
    if _pipeline is None:
        raise EngineError(f"a worker could not build the pipeline: {_start_error}")
    return code_chunk(_pipeline, chunk, timeout)


class LocalEngine(Engine):
    name = "local"

    def __init__(self, pipeline: PipelineLike | PipelineFactory, *, workers: int | None = None,
                 chunk_size: int = 16, max_chunk_chars: int = 200_000, inflight: int | None = None,
                 start_method: str = "spawn", timeout: float | None = DEFAULT_TIMEOUT):
        self.factory = as_factory(pipeline)
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.chunk_size = chunk_size
        self.max_chunk_chars = max_chunk_chars
        # Results are handed back in input order, so a slow chunk at the head holds the others
        # back; a window of 4 chunks a worker keeps every worker busy meanwhile.
        self.inflight = inflight or self.workers * 4
        self.start_method = start_method
        self.timeout = timeout  # seconds a document may take (None: no limit)
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context(self.start_method),
                initializer=_init_worker, initargs=(self.factory, os.getpid()))
        return self._executor

    def code(self, items: Iterable[Keyed]) -> Iterator[Outcome]:
        pool = self._pool()
        pending: deque[Future] = deque()
        try:
            for chunk in chunked(items, self.chunk_size, self.max_chunk_chars):
                pending.append(pool.submit(_work, chunk, self.timeout))
                while len(pending) >= self.inflight:
                    yield from self._result(pending.popleft())
            while pending:
                yield from self._result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    @staticmethod
    def _result(future: Future) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise EngineError("a worker process died (out of memory, or killed); the documents "
                              "coded so far are kept: run the same command again to resume") from exc

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
