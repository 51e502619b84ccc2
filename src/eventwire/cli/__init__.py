"""Command line: options -> library API, nothing else. One module per command group."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="eventwire",
    help="Turn news into political event data (CAMEO and PLOVER), with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from . import actors, code, eval, store

    for module in (code, store, eval, actors):
        module.register(app)


_register()


def main() -> None:  # console script entry point
    app()
