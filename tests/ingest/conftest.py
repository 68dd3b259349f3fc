"""Helpers for ingestion tests: a CLI app with only this stage's commands, and store readers."""

from __future__ import annotations

import typer

from mawgun.cli import groups
from mawgun.store.db import session_scope
from mawgun.store.repository import list_documents


def stage_app() -> typer.Typer:
    """The ingest and store commands on their own app (independent of other stages' modules)."""
    from mawgun.ingest import commands as ingest_commands
    from mawgun.store import commands as store_commands

    app = typer.Typer()
    ingest_commands.register(app)
    store_commands.register(app)
    app.add_typer(groups.events_app, name="events")
    app.add_typer(groups.db_app, name="db")
    return app


def stored_documents(url: str) -> list:
    """Every stored document."""
    with session_scope(url) as session:
        return list_documents(session, limit=None)
