"""CLI of the store: `mawgun documents` and `mawgun db upgrade` (`mawgun events` is the query layer's).

Every command takes `--db URL` (or MAWGUN_DATABASE_URL); without either it uses the embedded
SQLite store described in `mawgun.store.db`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from mawgun.cli import groups
from mawgun.cli.options import Db
from mawgun.store.errors import database_errors

FORMATS = ("table", "csv", "json")


def check_format(value: str) -> str:
    """Validate --format."""
    if value not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}")
    return value


def check_date(value: str | None) -> str | None:
    """Validate --since/--until: YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    from mawgun.store.convert import to_date

    try:
        to_date(value)
    except (ValueError, IndexError) as exc:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)") from exc
    return value


def documents_command(
    since: str | None = typer.Option(None, "--since", callback=check_date, help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", callback=check_date, help="Published on or before (YYYY-MM-DD)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet (case-insensitive)."),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind: news, statement, report."),
    search: str | None = typer.Option(None, "--search", "-s", help="Full-text search (all words must occur)."),
    limit: int = typer.Option(50, "--limit", help="At most this many documents."),
    output_format: str = typer.Option("table", "--format", callback=check_format, help="table, csv or json."),
    db: Db = None,
) -> None:
    """List stored documents, newest first, with filters and full-text search.

    Example: mawgun documents --search "airstrike Sagaing" --since 2024-01-01 --format csv
    """
    from mawgun.store.db import session_scope
    from mawgun.store.output import print_rows
    from mawgun.store.repository import list_documents

    with database_errors(), session_scope(db) as session:
        docs = list_documents(session, since=since, until=until, outlet=outlet, kind=kind, query=search, limit=limit)
    rows = [
        {
            "doc_id": d.doc_id,
            "published": d.published,
            "outlet": d.outlet,
            "title": d.title,
            "language": d.language,
            "kind": d.kind,
            "chars": len(d.text),
            "url": d.url,
        }
        for d in docs
    ]
    if output_format == "table":  # the terminal has room for the essentials; csv/json carry every field
        rows = [{k: r[k] for k in ("doc_id", "published", "outlet", "title")} for r in rows]
    print_rows(rows, output_format, title=f"{len(rows)} documents")


def init_command(db: Db = None) -> None:
    """Create an empty store (or bring an existing one to the newest schema) at --db or the default place.

    Only `init`, `ingest`, `demo`, `watch`, `import` and `restore` create a store; other commands
    refuse a SQLite path that does not exist, so a mistyped path never becomes an empty database.

    Example: mawgun init --db sqlite:///monitoring/events.db
    """
    upgrade_command(db)
    from mawgun.accounts.users import count_admins
    from mawgun.store.db import session_scope

    with database_errors(), session_scope(db) as session:
        if count_admins(session) == 0:
            typer.echo("next: create the first admin (the web app needs a login): mawgun users add NAME --role admin")


def upgrade_command(db: Db = None) -> None:
    """Bring the database schema to the newest version (Alembic migrations; safe to repeat).

    Example: mawgun db upgrade --db postgresql://mawgun@localhost/mawgun
    """
    from rich.console import Console

    from mawgun.store.db import migrate, resolve_url

    url = resolve_url(db)
    with database_errors():
        migrate(url)
    Console().print(f"[green]schema up to date[/green] on {safe_url(url)}")


def backup_command(
    out: Path = typer.Argument(..., help="The backup file to write (replaced if it exists)."),  # noqa: B008
    db: Db = None,
) -> None:
    """Write a consistent copy of the store while it stays in use (SQLite online backup; pg_dump for PostgreSQL).

    Example: mawgun backup ~/backups/mawgun-2024-03-31.db
    """
    from mawgun.store.backup import BackupError, backup_store
    from mawgun.store.db import resolve_url

    try:
        written = backup_store(resolve_url(db), out)
    except BackupError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"backup written to {written} ({written.stat().st_size / 1048576:.1f} MB)")


def restore_command(
    backup: Path = typer.Argument(..., help="A file written by `mawgun backup`."),  # noqa: B008
    db: Db = None,
    yes: bool = typer.Option(False, "--yes", help="Replace a store that holds documents."),
) -> None:
    """Replace the store with a backup (refuses a store holding documents unless --yes).

    Example: mawgun restore ~/backups/mawgun-2024-03-31.db --db sqlite:///restored.db
    """
    from mawgun.store.backup import BackupError, restore_store
    from mawgun.store.db import resolve_url

    url = resolve_url(db)
    try:
        restore_store(backup, url, confirm=yes)
    except BackupError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"restored {backup} into {safe_url(url)}")


def db_group() -> None:
    """Database maintenance (migrations)."""


def safe_url(url: str) -> str:
    """The URL with any password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def register(app: typer.Typer) -> None:
    """Add `documents` and `db upgrade` to the CLI."""
    app.command("documents")(documents_command)
    app.command("init")(init_command)
    groups.db_app.callback(help="Database maintenance (migrations).\n\nExample: mawgun db upgrade")(db_group)
    groups.db_app.command("upgrade")(upgrade_command)
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
