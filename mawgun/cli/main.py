"""Entry point of the `mawgun` command.

Stages register their commands here through `mawgun.<stage>.commands.register(app)`. A stage
whose module is missing is skipped, so the CLI works while stages are being built. Heavy imports
belong inside command functions so that `mawgun --help` stays fast.
"""

from __future__ import annotations

import importlib

import typer

from mawgun import __version__
from mawgun.cli import groups

STAGES = ("store", "ingest", "extract", "geo", "actors", "dedup", "query", "analytics", "report", "web")

app = typer.Typer(
    name="mawgun",
    help="Mawgun turns reporting on Myanmar's war into a verified, mapped record of events.\n\nExample: mawgun demo",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def show_version(value: bool) -> None:
    """Print the version and exit."""
    if value:
        typer.echo(f"mawgun {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True, help="Show the version."),
) -> None:
    """Mawgun: ingest, extract, resolve, deduplicate, analyse and report conflict events."""


def register_stages(root: typer.Typer) -> None:
    """Let every stage add its commands, then attach the shared groups."""
    for stage in STAGES:
        try:
            module = importlib.import_module(f"mawgun.{stage}.commands")
        except ModuleNotFoundError as exc:
            if exc.name != f"mawgun.{stage}.commands":
                raise
            continue
        module.register(root)
    root.add_typer(groups.events_app, name="events")
    root.add_typer(groups.places_app, name="places")
    root.add_typer(groups.actors_app, name="actors")
    root.add_typer(groups.report_app, name="report")
    root.add_typer(groups.import_app, name="import")
    root.add_typer(groups.db_app, name="db")


register_stages(app)


def run() -> None:
    """Console-script entry point."""
    app()
