"""Where the store is and which schema it must have, answered without importing SQLAlchemy.

`mawgun.store.db` (engines, sessions, migrations) re-exports these; `mawgun stats`' replay of a
kept statement (`mawgun.cli.count_replay`) uses them directly, so a count can open the store with
the DB-API driver alone (issue 18).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Every SQLite connection: WAL (readers never wait for the writer), foreign keys on, fsync at checkpoints.
SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL")
REVISION = re.compile(r"^(down_revision|revision) = (?:\"([^\"]+)\"|None)\s*$", re.MULTILINE)


def data_home() -> Path:
    """Folder for Mawgun's default files (MAWGUN_HOME, else XDG_DATA_HOME/mawgun)."""
    if os.environ.get("MAWGUN_HOME"):
        return Path(os.environ["MAWGUN_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mawgun"


def default_url() -> str:
    """The embedded default: a SQLite file in Mawgun's data folder."""
    return f"sqlite:///{data_home() / 'mawgun.db'}"


def resolve_url(url: str | None = None) -> str:
    """Choose the database: an explicit URL, then MAWGUN_DATABASE_URL, then the embedded default.

    PostgreSQL URLs without a driver are given psycopg 3 (`postgresql+psycopg://`).
    """
    chosen = url or os.environ.get("MAWGUN_DATABASE_URL") or default_url()
    if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def head_revision() -> str | None:
    """The one revision no migration file revises (the files' `revision =` / `down_revision =` lines);
    None when that is not exactly one (Alembic then decides)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in REVISION.findall(path.read_text(encoding="utf-8")):
            if value:
                (revisions if name == "revision" else revised).add(value)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None
