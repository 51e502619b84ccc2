"""``eventwire eval``: measure accuracy on a public gold set (options -> eventwire.evaluate)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

DATASETS_HELP = "plover-gsr, petr-gsr, acled, case2021, event-location or petrarch-unit"


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        dataset: str = typer.Argument(..., metavar="DATASET", help=f"The gold set: {DATASETS_HELP}."),
        path: Optional[Path] = typer.Argument(
            None, metavar="PATH", help="The gold file (default: its place under ../shared/benchmarks, or $EVENTWIRE_BENCHMARKS)."),
        limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Score only the first N items."),
        report: Optional[Path] = typer.Option(None, "--report", help="Write the Markdown report to this file."),
        json_path: Optional[Path] = typer.Option(None, "--json", help="Write the report as JSON to this file."),
    ) -> None:
        """Code a gold set and report precision, recall, F1 and the 20 worst errors."""
        from ..errors import EventwireError
        from ..evaluate import evaluate

        try:
            result = evaluate(dataset, path, limit=limit, progress=lambda m: typer.echo(m, err=True))
        except EventwireError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        if report:
            report.write_text(result.to_markdown(), encoding="utf-8")
        if json_path:
            json_path.write_text(result.to_json(), encoding="utf-8")
        if report or json_path:
            for name, value in result.headline.items():
                typer.echo(f"{name}: {value:.3f}")
            typer.echo(f"report: {report or json_path}", err=True)
        else:
            typer.echo(result.to_markdown())
