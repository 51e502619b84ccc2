"""Run the pipeline over a gold set and score it."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from ..config import Config
from ..errors import InputError
from ..model import Document
from .common import Dataset
from .gold import GoldItem, Prediction, predict
from .report import Report


def datasets() -> dict[str, Dataset]:
    from . import acled, case2021, event_location, petr_gsr, petrarch_unit, plover_gsr

    return {m.DATASET.name: m.DATASET
            for m in (plover_gsr, petr_gsr, acled, case2021, event_location, petrarch_unit)}


def get_dataset(name: str) -> Dataset:
    table = datasets()
    if name not in table:
        raise InputError("unknown-dataset", f"no gold set called {name!r}: use one of {', '.join(table)}")
    return table[name]


def read_items(name: str, path: str | Path | None = None, limit: int | None = None) -> list[GoldItem]:
    dataset = get_dataset(name)
    where = dataset.path(path)
    if not where.exists():
        raise InputError("missing", f"{where} does not exist: pass the gold file's path, or set "
                                    "EVENTWIRE_BENCHMARKS to the benchmarks folder")
    return list(dataset.read(where, limit=limit))


def code_items(items: list[GoldItem], pipeline) -> list[Prediction]:
    docs = [Document(id=str(i), text=item.text, published=item.published, source=item.id)
            for i, item in enumerate(items)]
    out: dict[str, Prediction] = {}
    for result in pipeline.code_many(docs):
        out[result.id] = predict(result)
    return [out.get(str(i), Prediction(rejected="missing: the pipeline returned nothing"))
            for i in range(len(items))]


def git_commit(cwd: Path | None = None) -> str | None:
    """The checkout's commit, with ``+dirty`` when the package's source differs from it (the
    figures then come from uncommitted code)."""
    where = cwd or Path(__file__).resolve().parent
    try:
        res = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=where, timeout=10)
        commit = res.stdout.strip() or None
        if commit:
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "."],
                                   capture_output=True, text=True, cwd=where.parent, timeout=10)
            if dirty.stdout.strip():
                commit += "+dirty"
        return commit
    except (OSError, subprocess.SubprocessError):
        return None


def evaluate(name: str, path: str | Path | None = None, *, limit: int | None = None, pipeline=None,
             config: Config | None = None, progress: Callable[[str], None] | None = None) -> Report:
    """Code a gold set with the pipeline and score it. ``pipeline`` is built from ``config`` (plus
    what the gold set needs, e.g. its PETRARCH dictionaries) when not given."""
    dataset = get_dataset(name)
    where = dataset.path(path)
    items = read_items(name, where, limit)
    if pipeline is None:
        from ..api import load_pipeline

        config = config or Config.from_env()
        if dataset.config is not None:
            config = replace(config, **dataset.config(where))
        pipeline = load_pipeline(config)
    if progress:
        progress(f"coding {len(items)} items from {where}")
    start = time.perf_counter()
    predictions = code_items(items, pipeline)
    seconds = time.perf_counter() - start
    report = dataset.score(list(zip(items, predictions)), path=str(where))
    report.run = {
        "limit": limit, "seconds": round(seconds, 1), "commit": git_commit(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "rejected": sum(1 for p in predictions if p.rejected),
        "negated_events_left_out": sum(p.excluded_negated for p in predictions),
    }
    return report
