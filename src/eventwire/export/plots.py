"""Plots of an event store (matplotlib, imported lazily, Agg backend: no display needed).

- ``timeline``: cooperation against conflict over time for one dyad (or all events), as event
  counts per period, with the cooperation-conflict index on a second axis.
- ``network``: the actor network; edges weighted by event counts (width) and coloured by mean
  Goldstein score (red conflict .. green cooperation), nodes sized by events.
- ``types``: merged events per event type, coloured by quad class.

Each returns the path written. An empty selection is an ``ExportError`` (nothing to draw).
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..store import EventStore
from ..store import analytics

PLOTS = ("timeline", "network", "types")
QUAD_LABELS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
               4: "Material conflict", None: "No quad class"}
QUAD_COLOURS = {1: "#74c476", 2: "#238b45", 3: "#fc8d59", 4: "#d7301f", None: "#999999"}


def _pyplot():
    try:
        import matplotlib
    except ImportError as exc:
        raise ExportError("plots need matplotlib: pip install 'eventwire[plot]'") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def _save(fig, out: str | Path) -> Path:
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=120, bbox_inches="tight")
    except (OSError, ValueError) as exc:
        raise ExportError(f"cannot write plot {path}: {exc}") from exc
    finally:
        fig.clf()
        _pyplot().close(fig)
    return path


def timeline(store: EventStore, out: str | Path, *, source: str | None = None,
             target: str | None = None, by: str = "month") -> Path:
    return _save(timeline_figure(store, source=source, target=target, by=by), out)


def timeline_figure(store: EventStore, *, source: str | None = None, target: str | None = None,
                    by: str = "month"):
    rows = analytics.dyad_counts(store, source=source, target=target, by=by)
    if not rows:
        raise ExportError("no dated events for this dyad: nothing to plot")
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        per[r["period"]][0] += r["verbal_coop"] + r["material_coop"]
        per[r["period"]][1] += r["verbal_conflict"] + r["material_conflict"]
    periods = analytics.period_range(min(per), max(per), by)  # quiet periods show as zero
    coop = [per[p][0] for p in periods]
    conflict = [per[p][1] for p in periods]
    index = [analytics.cooperation_index(c, k) for c, k in zip(coop, conflict)]
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(9, 4.5))
    x = list(range(len(periods)))
    ax.bar([i - 0.2 for i in x], coop, width=0.4, color="#238b45", label="Cooperation (quad 1-2)")
    ax.bar([i + 0.2 for i in x], conflict, width=0.4, color="#d7301f",
           label="Conflict (quad 3-4)")
    rotate = len(periods) > 6
    ax.set_xticks(x, periods, rotation=45 if rotate else 0, ha="right" if rotate else "center")
    ax.set_xlabel(f"Period ({by})")
    ax.set_ylabel("Events (merged across articles)")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax2 = ax.twinx()
    ax2.plot(x, [math.nan if i is None else i for i in index], linestyle="--", marker=".",
             color="#3182bd", label="Cooperation-conflict index (right axis)")
    ax2.axhline(0, color="#bbbbbb", linewidth=0.8)
    ax2.set_ylim(-1.05, 1.05)
    ax2.set_ylabel("Index: (coop - conflict) / (coop + conflict)")
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], loc="upper center",
              bbox_to_anchor=(0.5, -0.2 if rotate else -0.14), ncol=3, fontsize="small")
    dyad = f"{(source or 'any').upper()} → {(target or 'any').upper()}"
    ax.set_title(f"Cooperation vs conflict: {dyad}")
    return fig


def _circle_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    n = len(nodes)
    return {node: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
            for i, node in enumerate(nodes)}


def network(store: EventStore, out: str | Path, *, max_actors: int = 20) -> Path:
    return _save(network_figure(store, max_actors=max_actors), out)


def network_figure(store: EventStore, *, max_actors: int = 20):
    edges = analytics.actor_network(store)
    if not edges:
        raise ExportError("no events with both a source and a target: nothing to plot")
    totals: dict[str, int] = defaultdict(int)
    for e in edges:
        totals[e["source"]] += e["events"]
        totals[e["target"]] += e["events"]
    nodes = sorted(totals, key=lambda a: (-totals[a], a))[:max_actors]
    keep = set(nodes)
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    pos = _circle_layout(nodes)
    plt = _pyplot()
    from matplotlib import cm, colors
    from matplotlib.lines import Line2D

    norm = colors.Normalize(vmin=-10, vmax=10)
    cmap = plt.get_cmap("RdYlGn")
    fig, ax = plt.subplots(figsize=(7.5, 7))
    most = max(e["events"] for e in edges)
    for e in edges:
        (x0, y0), (x1, y1) = pos[e["source"]], pos[e["target"]]
        colour = cmap(norm(e["mean_goldstein"] if e["mean_goldstein"] is not None else 0))
        width = 1 + 6 * e["events"] / most
        if e["source"] == e["target"]:
            ax.add_patch(plt.Circle((x0 * 1.12, y0 * 1.12), 0.1, fill=False, color=colour,
                                    linewidth=width))
            continue
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=width, alpha=0.85,
                                    shrinkA=14, shrinkB=14, connectionstyle="arc3,rad=0.12"))
    biggest = max(totals[n] for n in nodes)
    for node in nodes:
        x, y = pos[node]
        ax.scatter([x], [y], s=300 + 1500 * totals[node] / biggest, color="#deebf7",
                   edgecolors="#3182bd", zorder=3)
        ax.text(x, y, node, ha="center", va="center", fontsize=9, zorder=4)
    sm = cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, shrink=0.7, label="Mean Goldstein score of the dyad's events")
    handles = [Line2D([0], [0], color="#555555", lw=1 + 6 * k / most,
                      label=f"{k} event{'s' if k != 1 else ''}")
               for k in sorted({1, max(1, most // 2), most})]
    ax.legend(handles=handles, title="Edge width", loc="lower left", fontsize="small")
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    ax.set_xlabel("Actors on a circle, by number of events (arrow: source → target)")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    ax.set_title("Actor network: events between actors")
    return fig


def types(store: EventStore, out: str | Path) -> Path:
    return _save(types_figure(store), out)


def types_figure(store: EventStore):
    rows = analytics.event_types(store)
    if not rows:
        raise ExportError("the store has no events: nothing to plot")
    counts: dict[str, int] = defaultdict(int)
    quad: dict[str, Any] = {}
    for r in rows:
        counts[r["type"]] += r["events"]
        quad.setdefault(r["type"], r["quad_class"])
    names = sorted(counts, key=lambda t: (-counts[t], t))
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(max(6, 0.7 * len(names) + 2), 4.5))
    bars = ax.bar(names, [counts[t] for t in names],
                  color=[QUAD_COLOURS.get(quad[t], "#999999") for t in names])
    ax.bar_label(bars, fontsize="small")
    ax.set_xlabel("Event type (PLOVER; CAMEO root where PLOVER has none)")
    ax.set_ylabel("Events (merged across articles)")
    ax.set_title("Events by type")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", rotation=45)
    from matplotlib.patches import Patch

    present = sorted({quad[t] for t in names}, key=lambda q: (q is None, q or 0))
    ax.legend(handles=[Patch(color=QUAD_COLOURS[q], label=QUAD_LABELS[q]) for q in present],
              title="Quad class", fontsize="small")
    return fig


def plot(store: EventStore, kind: str, out: str | Path, *, source: str | None = None,
         target: str | None = None, by: str = "month") -> Path:
    """Draw one of ``PLOTS`` to ``out`` (PNG, or any format matplotlib knows by extension).
    ``source``, ``target`` and ``by`` select the timeline's dyad and period."""
    if kind == "timeline":
        return timeline(store, out, source=source, target=target, by=by)
    if kind == "network":
        return network(store, out)
    if kind == "types":
        return types(store, out)
    raise ExportError(f"unknown plot {kind!r}: use one of {', '.join(PLOTS)}")
