"""CLI of the demo: `mawgun demo` fills a store with the bundled corpus and runs the pipeline on it."""

from __future__ import annotations

import typer

from mawgun.cli.options import Db
from mawgun.store.errors import database_errors


def demo_command(
    db: Db = None,
    fresh: bool = typer.Option(False, "--fresh", help="Delete the (SQLite) store first and start from nothing."),
    yes: bool = typer.Option(False, "--yes", help="With --fresh: delete a store that holds other documents too."),
) -> None:
    """Ingest the bundled demo corpus, extract and deduplicate events, and summarise the result.

    Example: mawgun demo --fresh   (then: mawgun serve)
    """
    from mawgun.demo.run import run_demo

    try:
        with database_errors():
            run_demo(db, fresh, confirm=yes)
    except (ValueError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def register(app: typer.Typer) -> None:
    """Add `mawgun demo` to the CLI."""
    app.command("demo")(demo_command)
