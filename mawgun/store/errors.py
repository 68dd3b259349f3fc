"""Turning database connection problems into one clear line for the CLI instead of a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer


@contextmanager
def database_errors() -> Iterator[None]:
    """Exit with status 2 and a short message when the database cannot be reached or the URL is wrong."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    try:
        yield
    except (OperationalError, ArgumentError, NoSuchModuleError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        typer.echo(f"error: cannot use the database: {detail}", err=True)
        typer.echo("hint: check --db / MAWGUN_DATABASE_URL (e.g. sqlite:///events.db)", err=True)
        raise typer.Exit(2) from exc
