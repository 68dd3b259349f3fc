"""The `mawgun` command's Typer app (the entry point is `mawgun.cli.main.run`).

Stages register their commands here through `mawgun.<stage>.commands.register(app)`. Every stage
is a hard dependency: a stage that cannot be imported is an error, never a command that quietly
disappears. Heavy imports belong inside command functions so that `mawgun --help` stays fast.
"""

from __future__ import annotations

import importlib

import typer

from mawgun import __version__
from mawgun.cli import groups

STAGES = (
    "store", "ingest", "sources", "extract", "geo", "actors", "dedup", "query", "analytics", "report", "review", "web",
    "demo", "accounts",
)  # fmt: skip

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
        importlib.import_module(f"mawgun.{stage}.commands").register(root)
    root.add_typer(groups.events_app, name="events")
    root.add_typer(groups.places_app, name="places")
    root.add_typer(groups.actors_app, name="actors")
    root.add_typer(groups.report_app, name="report")
    root.add_typer(groups.import_app, name="import")
    root.add_typer(groups.db_app, name="db")


register_stages(app)
