"""Accuracy floors on the public gold sets (``make accuracy``; not part of ``make test``).

Each test codes one gold set and fails when a guarded figure falls below its recorded floor in
``tests/accuracy_floors.json`` minus the tolerance. Floors only rise: after an improvement, run
``EVENTWIRE_RAISE_FLOORS=1 make accuracy`` to record the new figures (a floor is never lowered by
that; lowering one is a decision written in the commit message). The floors guard aggregate
figures only, never the output of any single record. With ``EVENTWIRE_ACCURACY_REPORTS=DIR`` the
full reports are written there too (``DIR/<dataset>.md`` and ``.json``), as docs/accuracy.md uses.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from eventwire.evaluate import benchmarks_dir, evaluate, get_dataset

FLOORS = Path(__file__).with_name("accuracy_floors.json")

pytestmark = [pytest.mark.accuracy, pytest.mark.slow]


def _floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def _raise_floors(name: str, measured: dict[str, float]) -> None:
    data = _floors()
    entry = data["datasets"][name]
    for figure, value in measured.items():
        if figure in entry["floors"]:
            entry["floors"][figure] = max(entry["floors"][figure], math.floor(value * 1000) / 1000)
    FLOORS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _check(name: str, pipeline=None) -> None:
    data = _floors()
    entry = data["datasets"][name]
    path = get_dataset(name).path()
    if not path.exists():
        pytest.skip(f"{path} is absent: put ../shared/benchmarks beside the checkout or set EVENTWIRE_BENCHMARKS "
                    f"(now {benchmarks_dir()})")
    report = evaluate(name, path, limit=entry.get("limit"), pipeline=pipeline)
    measured = {figure: report.headline[figure] for figure in entry["floors"]}
    if os.environ.get("EVENTWIRE_ACCURACY_REPORTS"):
        out = Path(os.environ["EVENTWIRE_ACCURACY_REPORTS"])
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{name}.md").write_text(report.to_markdown(), encoding="utf-8")
        (out / f"{name}.json").write_text(report.to_json(), encoding="utf-8")
    print(f"\n{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in measured.items()))
    if os.environ.get("EVENTWIRE_RAISE_FLOORS"):
        _raise_floors(name, measured)
    tolerance = data["tolerance"]
    below = {k: (v, entry["floors"][k]) for k, v in measured.items() if v < entry["floors"][k] - tolerance}
    assert not below, (
        f"{name}: below the recorded floor (minus {tolerance}): "
        + "; ".join(f"{k} {v:.3f} < {f:.3f}" for k, (v, f) in below.items())
        + f"\nrun `eventwire eval {name} --limit {entry.get('limit') or ''} --report r.md` and read the worst errors")


def test_plover_gsr_floor(pipeline):
    _check("plover-gsr", pipeline)


def test_petr_gsr_floor(pipeline):
    _check("petr-gsr", pipeline)


def test_acled_floor(pipeline):
    _check("acled", pipeline)


def test_case2021_floor(pipeline):
    _check("case2021", pipeline)


def test_event_location_floor(pipeline):
    _check("event-location", pipeline)


def test_petrarch_unit_floor():
    _check("petrarch-unit")  # its own pipeline: the validation dictionaries are added to the built-ins
