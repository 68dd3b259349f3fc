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
