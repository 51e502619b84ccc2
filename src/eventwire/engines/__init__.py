"""Execution engines: where the pipeline runs. One interface (``base.Engine``), several engines.

- ``inprocess``: sequential, in this process (tests, ``--workers 1``).
- ``local``: a pool of worker processes on this machine (``--workers N``).

A cluster engine (Ray) is planned as ``engines/ray.py``, registered in ``ENGINES`` below under
"ray"; until it exists, no name here pretends to provide it. Third-party engines register
through the entry-point group ``eventwire.engines`` (a callable taking the pipeline factory and
keyword options, returning an ``Engine``).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .base import (DEFAULT_TIMEOUT, Engine, EngineError, Keyed, Outcome, PipelineFactory, PipelineLike, as_factory,
                   code_chunk, match_results)

__all__ = [
    "ENGINES", "Engine", "EngineError", "Keyed", "Outcome", "PipelineFactory", "PipelineLike",
    "as_factory", "code_chunk", "get_engine", "match_results",
]

# name -> "module:class". The Ray engine (a later issue) goes here as "ray".
ENGINES: dict[str, str] = {
    "inprocess": "eventwire.engines.inprocess:InProcessEngine",
    "local": "eventwire.engines.local:LocalEngine",
}


def _lookup(name: str) -> Any:
    if name in ENGINES:
        module, _, attr = ENGINES[name].partition(":")
        return getattr(import_module(module), attr)
    from importlib.metadata import entry_points

    for entry in entry_points(group="eventwire.engines"):
        if entry.name == name:
            return entry.load()
    known = ", ".join(sorted(ENGINES))
    raise EngineError(f"unknown engine {name!r}: use one of {known}")


def get_engine(name: str, pipeline: PipelineLike | PipelineFactory, **options: Any) -> Engine:
    """Build the engine called ``name`` over a pipeline (or pipeline factory)."""
    return _lookup(name)(pipeline, **options)


def for_workers(pipeline: PipelineLike | PipelineFactory, workers: int | None,
                timeout: float | None = DEFAULT_TIMEOUT) -> Engine:
    """The engine for ``--workers N``: in-process for 1, local worker processes otherwise."""
    if workers == 1:
        return get_engine("inprocess", pipeline, timeout=timeout)
    return get_engine("local", pipeline, workers=workers, timeout=timeout)
