"""Accuracy on public gold sets: readers, scorers and reports (``eventwire eval``).

One module per gold set (``plover_gsr``, ``petr_gsr``, ``acled``, ``case2021``,
``event_location``, ``petrarch_unit``), each with ``read(path, limit)`` yielding ``GoldItem`` and
``score(pairs)`` returning a ``Report``. The scorers in ``metrics`` are pure functions over
(gold, prediction) pairs; ``run.evaluate`` codes a gold set with the pipeline and scores it.
Label mappings are data: ``data/evaluate/mappings.yaml``.
"""

from .common import Dataset, benchmarks_dir
from .gold import GoldActor, GoldDate, GoldEvent, GoldItem, GoldLocation, PredActor, PredEvent, Prediction, predict
from .report import Report
from .run import datasets, evaluate, get_dataset, read_items

__all__ = [
    "Dataset", "GoldActor", "GoldDate", "GoldEvent", "GoldItem", "GoldLocation", "PredActor", "PredEvent",
    "Prediction", "Report", "benchmarks_dir", "datasets", "evaluate", "get_dataset", "predict", "read_items",
]
