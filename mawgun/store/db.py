"""Connecting to the store: URL resolution, engines, sessions and migrations.

The default store is an embedded SQLite file at `$MAWGUN_HOME/mawgun.db` (MAWGUN_HOME defaults to
`$XDG_DATA_HOME/mawgun`, i.e. `~/.local/share/mawgun`). `--db URL` or `MAWGUN_DATABASE_URL` choose
another, e.g. `sqlite:///events.db` or `postgresql://user@host/db` (psycopg 3). SQLite runs in WAL
mode with foreign keys on; documents get an FTS5 full-text index.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect

if TYPE_CHECKING:  # the ORM is imported by `session_scope` only: `mawgun stats` counts without it (issue 18)
    from sqlalchemy.orm import Session

from mawgun.store.urls import (  # noqa: F401  (data_home, default_url: re-exported, callers import them from here)
    MIGRATIONS_DIR,
    SQLITE_PRAGMAS,
    data_home,
    default_url,
    head_revision,
    resolve_url,
)


def is_sqlite(url_or_engine: str | Engine) -> bool:
    name = url_or_engine if isinstance(url_or_engine, str) else url_or_engine.url.drivername
    return name.startswith("sqlite")


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


@lru_cache(maxsize=16)
def get_engine(url: str | None = None) -> Engine:
    """An engine for the resolved URL (cached per URL); creates the SQLite file's folder."""
    resolved = resolve_url(url)
    if is_sqlite(resolved):
        path = resolved.split(":///", 1)[-1]
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # wait up to 60 s for another process's write transaction (two ingests at once) instead of 5
        engine = create_engine(resolved, connect_args={"check_same_thread": False, "timeout": 60})
        event.listen(engine, "connect", _configure_sqlite)
    else:
        engine = create_engine(resolved, pool_pre_ping=True)
    return engine


def migrate(url: str | None = None) -> Engine:
    """Bring the database to the newest schema with Alembic and return its engine.

    The whole upgrade is one transaction, DDL included, so a process killed halfway (Ctrl-C, kill -9,
    power loss) leaves the schema as it was and the next command migrates again. PostgreSQL's DDL is
    transactional as it is; pysqlite commits before every DDL statement unless told otherwise, so on
    SQLite the migrations run on their own connection in manual mode under `BEGIN IMMEDIATE` (which
    also makes a second process starting on a new store wait, then find it migrated).
    """
    return run_migrations(url, "upgrade", "head")


def run_migrations(url: str | None, verb: str, revision: str) -> Engine:
    """`alembic upgrade|downgrade REVISION` on the store in one transaction (as `migrate` describes),
    foreign keys checked before it commits; returns the store's engine."""
    from alembic import command
    from alembic.config import Config

    engine = get_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    runner = migration_engine(engine) if is_sqlite(engine) else engine
    try:
        with runner.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, verb)(config, revision)
            check_foreign_keys(connection)
    finally:
        if runner is not engine:
            runner.dispose()
    return engine


def check_foreign_keys(connection: Any) -> None:
    """Raise (rolling the migration back) if a row refers to one that is not there; SQLite only, where
    migrations run with foreign keys off."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise RuntimeError(f"migration left {len(broken)} rows whose foreign keys point nowhere in {tables}")


def migration_engine(engine: Engine) -> Engine:
    """A SQLite engine whose transactions are real ones, DDL included (SQLAlchemy's documented recipe)."""
    from sqlalchemy.pool import NullPool

    runner = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 60})

    def manual_mode(dbapi_connection: Any, record: Any) -> None:
        _configure_sqlite(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # pysqlite issues no BEGIN/COMMIT of its own
        # Foreign keys off while migrating (SQLite's documented procedure for altering a table): a batch
        # rebuild drops the old table, which with them on cascades to every row that refers to it.
        # `check_foreign_keys` checks them all before the migration's transaction commits.
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    def begin_immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(runner, "connect", manual_mode)
    event.listen(runner, "begin", begin_immediate)
    return runner


def ensure_schema(url: str | None = None) -> Engine:
    """Migrate once per process and URL; cheap to call from every command."""
    return _ensured(resolve_url(url))


@lru_cache(maxsize=16)
def _ensured(resolved: str) -> Engine:
    engine = get_engine(resolved)
    if "alembic_version" not in inspect(engine).get_table_names() or not at_head(engine):
        migrate(resolved)
    return engine


def at_head(engine: Engine) -> bool:
    """Whether the store is at the newest migration, read without importing Alembic (a third of a
    second of every command's start on a busy machine) when the migration files name one head."""
    head = head_revision()
    if head is None:
        return _at_head_by_alembic(engine)
    with engine.connect() as connection:
        current = [row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")]
    return current == [head]


def _at_head_by_alembic(engine: Engine) -> bool:
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session on a migrated database; commits on success, rolls back on error."""
    from sqlalchemy.orm import sessionmaker

    engine = ensure_schema(url)
    session = sessionmaker(bind=engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
