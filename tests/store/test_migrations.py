"""The store's schema: migrations build every table from an empty database, on each backend."""

from sqlalchemy import inspect

from mawgun.store.db import migrate

EXPECTED = {
    "documents",
    "events",
    "event_actors",
    "canonical_events",
    "statistics",
    "sanctions",
    "evidence",
    "cluster_decisions",
    "document_links",
    "ingest_log",
    "sources",
    "source_items",
    "fetched_pages",
    "alembic_version",
}


def test_migrations_from_empty_create_every_table(store_url: str) -> None:
    engine = migrate(store_url)
    assert set(inspect(engine).get_table_names()) >= EXPECTED


def test_migrating_twice_changes_nothing(store_url: str) -> None:
    migrate(store_url)
    engine = migrate(store_url)
    assert set(inspect(engine).get_table_names()) >= EXPECTED


def test_sqlite_has_fulltext_index_and_wal(sqlite_url: str) -> None:
    from sqlalchemy import text

    engine = migrate(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert "documents_fts" in names


def test_the_head_is_read_from_the_migration_files_as_alembic_reads_it(sqlite_url: str) -> None:
    """`mawgun` checks the schema without importing Alembic; the same answer as Alembic's, behind and at head."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mawgun.store import db

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    assert db.head_revision() == ScriptDirectory.from_config(config).get_current_head()
    engine = db.get_engine(sqlite_url)
    runner = db.migration_engine(engine)
    with runner.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
    runner.dispose()
    assert not db.at_head(engine) and not db._at_head_by_alembic(engine)
    db.migrate(sqlite_url)
    assert db.at_head(engine) and db._at_head_by_alembic(engine)
