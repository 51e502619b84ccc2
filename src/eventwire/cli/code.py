"""CLI commands (placeholder module: commands are added here by the owning stage)."""

import typer


def register(app: typer.Typer) -> None:
    return None
