"""Backing up and restoring a store: SQLite's online backup API, pg_dump / pg_restore for PostgreSQL.

A SQLite backup is a consistent copy taken page by page while other processes keep reading and
writing (`sqlite3.Connection.backup`), never a file copy of a database in use (which can catch a
half-written WAL). The copy is itself a SQLite store: `mawgun --db sqlite:///copy.db ...` opens it.
PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore --clean`.

Restoring replaces everything in the target store, so it refuses a target that holds documents
unless the caller confirms (`--yes`).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why and what to do."""


def sqlite_path(url: str) -> Path:
    """The file of a SQLite URL."""
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite store has nothing to back up")
    return Path(database).expanduser()


def libpq_url(url: str) -> str:
    """The URL as libpq tools (pg_dump, pg_restore) read it: no SQLAlchemy driver suffix."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def backup_store(url: str, out: Path) -> Path:
    """Write a consistent copy of the store at `url` to `out` (created or replaced); return it."""
    out = Path(out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        source_path = sqlite_path(url)
        if not source_path.is_file():
            raise BackupError(f"no store at {source_path}")
        partial = out.with_name(out.name + ".partial")
        partial.unlink(missing_ok=True)
        with sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=60) as source:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        check_sqlite_store(partial)
        partial.replace(out)  # a crash mid-backup never leaves a half copy under the final name
        return out
    run_tool("pg_dump", "--format=custom", "--no-owner", f"--file={out}", libpq_url(url))
    return out


def check_sqlite_store(path: Path) -> None:
    """BackupError unless `path` is an intact SQLite file holding a Mawgun store."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            status = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database: {exc}") from exc
    if status != "ok":
        raise BackupError(f"{path} is damaged: {status}")
    if not {"documents", "alembic_version"} <= tables:
        raise BackupError(f"{path} is not a Mawgun store (no documents table)")


def stored_documents(url: str) -> int:
    """How many documents the store at `url` holds (0 when it does not exist yet)."""
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if not path.is_file():
            return 0
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
                return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        except sqlite3.DatabaseError:
            return 0
    from sqlalchemy import text

    from mawgun.store.db import get_engine

    try:
        with get_engine(url).connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM documents")).scalar() or 0)
    except Exception:  # noqa: BLE001 - no such table: an empty database
        return 0


def restore_store(backup: Path, url: str, confirm: bool = False) -> None:
    """Replace the store at `url` with the backup; refuses a store holding documents unless `confirm`."""
    backup = Path(backup).expanduser()
    if not backup.is_file():
        raise BackupError(f"no backup file at {backup}")
    held = stored_documents(url)
    if held and not confirm:
        raise BackupError(f"the store holds {held} documents that the restore would replace; add --yes to replace them")
    if url.startswith("sqlite"):
        check_sqlite_store(backup)
        target_path = sqlite_path(url)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        from mawgun.store import db

        db.get_engine.cache_clear()
        db._ensured.cache_clear()
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as source:
            target = sqlite3.connect(target_path, timeout=60)
            try:
                source.backup(target)  # page by page, under the target's write lock
            finally:
                target.close()
        return
    run_tool("pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={libpq_url(url)}", str(backup))


def run_tool(name: str, *args: str) -> None:
    """Run a PostgreSQL client tool; BackupError naming it when it is missing or fails."""
    if shutil.which(name) is None:
        raise BackupError(f"{name} is not installed (install the PostgreSQL client tools)")
    result = subprocess.run([name, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()[:500]}")
