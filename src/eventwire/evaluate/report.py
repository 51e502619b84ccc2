"""Evaluation reports: one object, written as Markdown (terminal and GitHub) and as JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .gold import NONE
from .metrics import PRF, ActorScores, PlaceScores, TypeScores

WORST = 20


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[Any]]
    note: str = ""


@dataclass
class ErrorCase:
    id: str
    text: str
    gold: str
    output: str
    severity: float
    patterns: list[str] = field(default_factory=list)


@dataclass
class Report:
    dataset: str
    title: str
    path: str
    n_items: int
    headline: dict[str, float]  # the first entry is the figure the accuracy floor guards
    metrics: dict[str, Any]
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list)
    patterns: Counter = field(default_factory=Counter)
    run: dict[str, Any] = field(default_factory=dict)  # limit, seconds, commit, date, rejected

    @property
    def headline_name(self) -> str:
        return next(iter(self.headline))

    @property
    def headline_value(self) -> float:
        return self.headline[self.headline_name]

    # -- output ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "title": self.title, "path": self.path, "items": self.n_items,
            "headline": {k: round(v, 4) for k, v in self.headline.items()},
            "metrics": self.metrics, "notes": self.notes, "run": self.run,
            "error_patterns": dict(self.patterns.most_common()),
            "worst_errors": [e.__dict__ for e in self.worst()],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def worst(self, n: int = WORST) -> list[ErrorCase]:
        ranked = sorted(enumerate(self.errors), key=lambda t: (-t[1].severity, t[0]))
        return [e for _, e in ranked if e.severity > 0][:n]

    def to_markdown(self) -> str:
        out = [f"# {self.title}", ""]
        run = self.run
        facts = [f"dataset `{self.dataset}`", f"{self.n_items} items", f"file `{self.path}`"]
        if run.get("limit"):
            facts.append(f"limited to the first {run['limit']}")
        if run.get("seconds") is not None:
            facts.append(f"{run['seconds']:.0f} s")
        if run.get("commit"):
            facts.append(f"commit `{run['commit']}`")
        if run.get("date"):
            facts.append(run["date"])
        out += ["; ".join(facts), ""]
        if run.get("rejected"):
            out += [f"{run['rejected']} item(s) were rejected by the pipeline (scored as no event).", ""]
        out += ["| figure | value |", "|---|---|"]
        out += [f"| {k} | {v:.3f} |" for k, v in self.headline.items()]
        out.append("")
        for table in self.tables:
            out += [f"## {table.title}", ""]
            if table.note:
                out += [table.note, ""]
            out.append(_md_table(table.header, table.rows))
            out.append("")
        if self.notes:
            out += ["## How this was scored", ""]
            out += [f"- {n}" for n in self.notes]
            out.append("")
        if self.patterns:
            out += ["## Error patterns", "", "| pattern | items |", "|---|---|"]
            out += [f"| {p} | {n} |" for p, n in self.patterns.most_common(25)]
            out.append("")
        worst = self.worst()
        if worst:
            out += [f"## The {len(worst)} worst errors", ""]
            for i, e in enumerate(worst, 1):
                out += [f"{i}. `{e.id}` ({', '.join(e.patterns)})", f"   > {_one_line(e.text)}",
                        f"   - gold: {e.gold}", f"   - output: {e.output}", ""]
        return "\n".join(out).rstrip() + "\n"


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v).replace("|", "\\|")


def _md_table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [[_cell(c) for c in header]] + [[_cell(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in cells[1:]]
    return "\n".join(lines)


# -- tables shared by the datasets -----------------------------------------------------------------
def type_tables(scores: TypeScores, *, what: str = "Event type") -> list[Table]:
    rows = []
    for label, prf in sorted(scores.per_type.items(), key=lambda kv: (kv[0] == NONE, kv[0])):
        support = prf.tp + prf.fn
        rows.append([label, prf.precision, prf.recall, prf.f1, support])
    micro = scores.micro()
    rows.append(["micro (without NONE)", micro.precision, micro.recall, micro.f1, micro.tp + micro.fn])
    rows.append(["macro (gold types, without NONE)", "", "", scores.macro_f1(), ""])
    prf_table = Table(f"{what}: precision, recall, F1 per type", ["type", "P", "R", "F1", "gold"], rows,
                      note=f"accuracy (any-match) {scores.accuracy:.3f}, strict (first event) "
                           f"{scores.strict_accuracy:.3f}, over {scores.n} items.")
    gold_labels = scores.gold_labels()
    predicted = sorted({p for c in scores.confusion.values() for p in c}, key=lambda x: (x == NONE, x))
    matrix = [[g, *[scores.confusion[g].get(p, 0) or "" for p in predicted], sum(scores.confusion[g].values())]
              for g in gold_labels]
    confusion = Table(f"{what}: confusion matrix", ["gold \\ output", *predicted, "total"], matrix,
                      note="Rows: gold; columns: the item's coded label (any-match). NONE = no event.")
    return [prf_table, confusion]


def actor_table(scores: ActorScores, dyads: PRF | None = None) -> Table:
    rows = [["source root", scores.source.precision, scores.source.recall, scores.source.f1,
             scores.source.tp + scores.source.fn]]
    if scores.target.tp + scores.target.fn + scores.target.fp:
        rows.append(["target root", scores.target.precision, scores.target.recall, scores.target.f1,
                     scores.target.tp + scores.target.fn])
    if dyads is not None:
        rows.append(["dyad event (source, type, target)", dyads.precision, dyads.recall, dyads.f1,
                     dyads.tp + dyads.fn])
    rows.append(["sector accuracy (actors whose root was found)", "", "", scores.sector_accuracy,
                 scores.sector_n])
    return Table("Actors and dyads", ["figure", "P", "R", "F1 / accuracy", "gold"], rows)


def place_table(scores: PlaceScores, title: str = "Location") -> Table:
    rows = []
    for name, rate in (("place name", scores.name), ("country", scores.country),
                       ("coordinates within 50 km", scores.within_50km), ("no place coded where gold has none",
                                                                          scores.no_place)):
        if rate.n:
            rows.append([name, rate.value, rate.correct, rate.n])
    return Table(title, ["figure", "accuracy", "correct", "gold"], rows)
