"""A migration cut short (kill -9, Ctrl-C, power loss) leaves a store that the next command opens.

Each migration runs inside one SQLite transaction (DDL included), so a process that dies halfway
leaves the database as it was before the upgrade began; the next command migrates it again.
The kill is simulated deterministically: a child process replaces an Alembic operation by
`os._exit(9)` after some calls, i.e. it dies in the middle of migration 0001 or 0002.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

MAWGUN = str(Path(sys.executable).parent / "mawgun")
DIE_AFTER = """
import os, sys
from alembic.operations import Operations
op_name, after = sys.argv[2], int(sys.argv[3])
original = getattr(Operations, op_name)
calls = {"n": 0}
def dying(self, *args, **kwargs):
    calls["n"] += 1
    if calls["n"] > after:
        os._exit(9)
    return original(self, *args, **kwargs)
setattr(Operations, op_name, dying)
from mawgun.store.db import migrate
migrate(sys.argv[1])
"""


def die_during_migration(url: str, operation: str, after: int) -> int:
    """Run the migrations in a child that dies at the given Alembic operation call; its exit code."""
    run = subprocess.run([sys.executable, "-c", DIE_AFTER, url, operation, str(after)], timeout=120)
    return run.returncode


@pytest.mark.parametrize(("operation", "after"), [("create_table", 0), ("create_table", 3), ("create_index", 1),
                                                  ("execute", 0)])  # fmt: skip
def test_a_migration_killed_halfway_leaves_a_store_the_next_command_opens(
    tmp_path: Path, operation: str, after: int
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert die_during_migration(url, operation, after) == 9
    reopened = subprocess.run([MAWGUN, "db", "upgrade", "--db", url], capture_output=True, text=True)
    assert reopened.returncode == 0, reopened.stdout + reopened.stderr
    engine = create_engine(url)
    assert {"documents", "canonical_events", "alembic_version"} <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 0


def test_a_killed_upgrade_of_a_filled_store_keeps_its_rows(tmp_path: Path) -> None:
    """An old store (at revision 0001) with rows, killed while 0002 builds its indexes, keeps every row."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    from alembic import command
    from alembic.config import Config

    from mawgun.store.db import MIGRATIONS_DIR, get_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO documents (id, text, content_hash, origin, ingested_at)"
                " VALUES ('d1', 'x', 'h', 'o', '2024-01-01')"
            )
        )
    get_engine(url).dispose()
    assert die_during_migration(url, "create_index", 1) == 9
    reopened = subprocess.run([MAWGUN, "db", "upgrade", "--db", url])
    assert reopened.returncode == 0
    with create_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 1
        indexes = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='index'"))}
    assert "ix_events_date_id" in indexes
