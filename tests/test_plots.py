"""Plots: real PNG files from a real store, with titles, labelled axes and legends."""

from __future__ import annotations

import pytest

from eventwire.errors import ExportError
from eventwire.export import plots
from eventwire.store import EventStore
from test_analytics import store  # noqa: F401  (the analytics fixture: a small real store)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _is_png(path) -> bool:
    data = path.read_bytes()
    return data[:8] == PNG_MAGIC and len(data) > 5000


@pytest.mark.parametrize("kind", plots.PLOTS)
def test_each_plot_writes_a_png(store, tmp_path, kind):  # noqa: F811
    out = plots.plot(store, kind, tmp_path / "sub" / f"{kind}.png", source="RUS", target="UKR")
    assert _is_png(out)
    import matplotlib.image

    height, width = matplotlib.image.imread(out).shape[:2]
    assert width > 400 and height > 300


def _labelled(fig):
    ax = fig.axes[0]
    assert ax.get_title()
    assert ax.get_xlabel()
    return ax


def test_timeline_shows_cooperation_against_conflict(store):  # noqa: F811
    fig = plots.timeline_figure(store, source="RUS", target="UKR", by="month")
    ax = _labelled(fig)
    assert ax.get_ylabel().startswith("Events")
    assert "RUS → UKR" in ax.get_title()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:2] == ["Cooperation (quad 1-2)", "Conflict (quad 3-4)"]
    heights = [p.get_height() for p in ax.patches]  # cooperation bars, then conflict bars
    assert heights == [1, 1, 1, 1]
    index = fig.axes[1].get_lines()[0]
    assert list(index.get_ydata()) == [0.0, 0.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024-03", "2024-04"]


def test_network_colours_edges_by_goldstein(store):  # noqa: F811
    fig = plots.network_figure(store)
    ax = _labelled(fig)
    assert ax.get_legend() is not None
    assert {t.get_text() for t in ax.texts} >= {"RUS", "UKR", "DEU", "FRA"}
    assert any("Goldstein" in a.get_ylabel() for a in fig.axes[1:])  # the colour bar


def test_types_bar_chart_counts_event_types(store):  # noqa: F811
    fig = plots.types_figure(store)
    ax = _labelled(fig)
    heights = {t.get_text(): p.get_height()
               for t, p in zip(ax.get_xticklabels(), ax.patches)}
    assert heights["ASSAULT"] == 2 and heights["AGREE"] == 1
    assert ax.get_legend().get_title().get_text() == "Quad class"


def test_empty_store_is_a_clean_error(tmp_path):
    with EventStore(tmp_path / "empty.duckdb") as s:
        for kind in plots.PLOTS:
            with pytest.raises(ExportError, match="nothing to plot"):
                plots.plot(s, kind, tmp_path / f"{kind}.png")


def test_unknown_plot_is_a_clean_error(store, tmp_path):  # noqa: F811
    with pytest.raises(ExportError, match="unknown plot 'pie'"):
        plots.plot(store, "pie", tmp_path / "x.png")


def test_plot_command_writes_a_png(store, tmp_path):  # noqa: F811
    from typer.testing import CliRunner

    from eventwire.cli import app

    store.close()
    out = tmp_path / "timeline.png"
    result = CliRunner().invoke(app, ["plot", "timeline", "--db", str(tmp_path / "e.duckdb"),
                                      "-o", str(out), "--source", "RUS", "--target", "UKR"])
    assert result.exit_code == 0, result.output
    assert _is_png(out)
