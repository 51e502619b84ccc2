"""CASE 2021 Task 2 test set (``case2021_task2_finegrained/test_set_final_release_with_labels.tsv``):
1,019 news snippets, each with one ACLED sub-event type or an "unseen" type. Scored as PLOVER
classification: each label is mapped to acceptable PLOVER types; crime and disaster snippets must
produce no political event (NONE)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .common import Dataset, describe_gold, event_errors, mappings
from .gold import GoldEvent, GoldItem, Prediction
from .metrics import item_label, score_types
from .report import ErrorCase, Report, Table, type_tables


def read(path: str | Path, limit: int | None = None) -> Iterator[GoldItem]:
    table = mappings()["case2021"]
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError("malformed", f"cannot read the CASE 2021 file {path}: {exc}") from exc
    with fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for n, row in enumerate(reader):
            if limit is not None and n >= limit:
                return
            label = (row.get("SubType") or "").strip()
            types = table.get(label)
            events = [GoldEvent(types=tuple(types))] if types else []
            yield GoldItem(id=row.get("id") or str(n), text=(row.get("EventSnippet") or "").strip(),
                           events=events, scored=types is not None, label=label, category=label)


def score(pairs: list[tuple[GoldItem, Prediction]], path: str = "") -> Report:
    types = score_types(pairs)
    errors, patterns = [], Counter()
    by_label: dict[str, Counter] = {}
    for gold, pred in pairs:
        by_label.setdefault(gold.label, Counter())[item_label(gold, pred) if gold.scored else
                                                   (pred.events[0].label if pred.events else "NONE")] += 1
        severity, pats = event_errors(gold, pred, actors=False, by_label=True)
        patterns.update(pats)
        errors.append(ErrorCase(gold.id, gold.text, describe_gold(gold), pred.describe(), severity, pats))
    table = mappings()["case2021"]
    rows = []
    for label, counts in sorted(by_label.items()):
        ok = table.get(label)
        correct = (sum(counts[t] for t in ok) if ok else counts.get("NONE", 0)) if ok is not None else ""
        rows.append([label, "|".join(ok) if ok else ("NONE" if ok is not None else "not scored"),
                     sum(counts.values()), correct,
                     ", ".join(f"{k} {v}" for k, v in counts.most_common(4))])
    single_macro = types.macro_f1(types.single, include_none=True)
    return Report(
        dataset="case2021", title="CASE 2021 Task 2 (fine-grained event types)", path=path, n_items=len(pairs),
        headline={"macro F1 (PLOVER, incl. NONE)": single_macro, "accuracy": types.accuracy,
                  "strict accuracy (first event)": types.strict_accuracy,
                  "micro F1 (types coded per snippet)": types.micro().f1},
        metrics={"types": types.to_dict(), "by_label": {k: dict(v) for k, v in by_label.items()}},
        tables=[*type_tables(types),
                Table("By CASE label", ["CASE label", "PLOVER", "items", "correct", "coded as"], rows)],
        notes=["CASE labels mapped to PLOVER as in data/evaluate/mappings.yaml (case2021); ORG_CRIME, "
               "NATURAL_DISASTER and MAN_MADE_DISASTER expect no political event (NONE).",
               "CHANGE_TO_GROUP_ACT, HQ_ESTABLISHED, DISR_WEAP and OTHER have no clean PLOVER counterpart and are "
               "not scored (their output is still shown in 'By CASE label').",
               "Headline macro F1: one label per snippet (any-match), averaged over the gold PLOVER classes "
               "including NONE.",
               "Negated events are left out of the output before scoring."],
        errors=errors, patterns=patterns,
    )


DATASET = Dataset(
    name="case2021", title="CASE 2021 Task 2 (fine-grained event types)",
    default_path="case2021_task2_finegrained/test_set_final_release_with_labels.tsv", read=read, score=score,
    headline="macro F1 (PLOVER, incl. NONE)",
)
