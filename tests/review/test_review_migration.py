"""Migrations upgrade a populated store without losing a row, on SQLite and PostgreSQL: 0008 from 0007,
and every migration from the oldest revision to head."""

from __future__ import annotations

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from mawgun.review.states import accept_event, state_of
from mawgun.store import db
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, ClusterDecisionRow, DocumentRow, EventRow, EvidenceRow
from review.review_store import build_store

TABLES = ("event_reviews", "event_overrides", "statistic_links", "audit_log", "releases", "release_events")


def counts(engine: object) -> tuple[int, ...]:
    with Session(engine) as session:  # type: ignore[call-overload]
        return tuple(
            int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (DocumentRow, EventRow, CanonicalEventRow, EvidenceRow, ClusterDecisionRow)
        )


def test_upgrading_a_populated_store_keeps_its_data_and_makes_its_events_drafts(store_url: str) -> None:
    build_store(store_url)  # documents, reports, canonical events, evidence, as the pipeline writes them
    engine = db.get_engine(store_url)
    with Session(engine) as session:
        session.add(ClusterDecisionRow(action="merge", event_ids=["a", "b"], canonical_ids=["x", "y"], who="old"))
        session.commit()
    before = counts(engine)
    db.run_migrations(store_url, "downgrade", "0007")  # the store as it was before this migration existed
    assert not set(TABLES) & set(inspect(engine).get_table_names())
    assert counts(engine) == before
    db.run_migrations(store_url, "upgrade", "head")
    assert set(TABLES) <= set(inspect(engine).get_table_names())
    assert counts(engine) == before and before[0] == 3 and before[2] >= 2
    with Session(engine) as session:
        ids = list(session.scalars(select(CanonicalEventRow.id)))
        assert {state_of(session, i) for i in ids} == {"draft"}
        accept_event(session, ids[0], "rev")
        session.commit()
        assert state_of(session, ids[0]) == "reviewed"


OLDEST = "0001"


def row_counts(engine: object, tables: list[str]) -> dict[str, int]:
    """Rows per table, read with plain SQL (the tables as the database has them, at any revision)."""
    with Session(engine) as session:  # type: ignore[call-overload]
        return {name: int(session.scalar(text(f"SELECT count(*) FROM {name}")) or 0) for name in tables}


def copy_rows(source_url: str, target_url: str) -> list[str]:
    """Copy every row of a head store into a store at an older revision, table by table (parents first),
    keeping the columns the older schema has; returns the tables copied."""
    from sqlalchemy import MetaData

    from mawgun.store.schema import Base

    target = db.get_engine(target_url)
    old = MetaData()
    old.reflect(target, only=lambda name, _: name in Base.metadata.tables)
    with db.get_engine(source_url).connect() as source, target.begin() as into:
        for table in old.sorted_tables:
            current = Base.metadata.tables[table.name]
            columns = [current.c[c.name] for c in table.columns if c.name in current.c]
            rows = [dict(row._mapping) for row in source.execute(select(*columns))]
            if rows:
                into.execute(table.insert(), rows)
    return [table.name for table in old.sorted_tables]


def test_a_store_at_the_oldest_revision_upgrades_to_head_with_every_row(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A store at the first revision, holding the rows the pipeline writes (documents, reports, their
    actors and evidence, canonical events, a statistic, a decision), goes up through every migration
    to head without losing a row, and reads as the code expects: events as drafts, documents found by
    stemmed search (the full-text index rebuilt by 0006)."""
    from mawgun.query.documents import list_documents, search_condition

    source = f"sqlite:///{tmp_path / 'head.db'}"
    build_store(source)
    with session_scope(source) as session:
        session.add(ClusterDecisionRow(action="merge", event_ids=["a", "b"], canonical_ids=["x", "y"], who="old"))
    db.run_migrations(store_url, "upgrade", OLDEST)
    tables = copy_rows(source, store_url)
    engine = db.get_engine(store_url)
    at_oldest = row_counts(engine, tables)
    filled = ("documents", "events", "event_actors", "canonical_events", "evidence", "statistics", "cluster_decisions")
    assert [name for name in filled if not at_oldest.get(name)] == []
    db.run_migrations(store_url, "upgrade", "head")
    assert row_counts(engine, tables) == at_oldest
    with Session(engine) as session:
        ids = list(session.scalars(select(CanonicalEventRow.id)))
        assert len(ids) == at_oldest["canonical_events"] and {state_of(session, i) for i in ids} == {"draft"}
        total, found = list_documents(session, [search_condition(session, "airstrikes")], 10, 0)
        assert total >= 1 and "doc-pazigyi-b" in {doc["id"] for doc in found}


def schema_drift(engine: object) -> set[tuple[str, str]]:
    """(table, column) wherever the migrated database and `mawgun.store.schema` disagree: a table or
    column on one side only, or a column whose nullability differs."""
    from mawgun.store.schema import Base

    drift: set[tuple[str, str]] = set()
    names = set(inspect(engine).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in names:
            drift.add((table.name, "*"))
            continue
        found = {c["name"]: c for c in inspect(engine).get_columns(table.name)}
        drift |= {(table.name, name) for name in set(found) ^ {c.name for c in table.columns}}
        drift |= {
            (table.name, c.name)
            for c in table.columns
            if c.name in found and not c.primary_key and found[c.name]["nullable"] != c.nullable
        }
    return drift


def test_the_migrated_database_is_the_schema_the_code_declares(store_url: str) -> None:
    """The database the migrations build, not only the ORM's picture of it, has every table and column
    of `mawgun.store.schema` with the same nullability and no other column; so the record types'
    declared fields (`mawgun.model`, held to the ORM by tests/test_model_fields.py) are its columns."""
    from mawgun import model

    engine = db.migrate(store_url)
    assert schema_drift(engine) == set()
    for fields, name in ((model.EVENT_FIELDS, "events"), (model.CANONICAL_EVENT_FIELDS, "canonical_events"),
                         (model.STATISTIC_FIELDS, "statistics"), (model.SANCTION_FIELDS, "sanctions")):  # fmt: skip
        assert set(model.field_names(fields)) <= {c["name"] for c in inspect(engine).get_columns(name)}


def test_downgrading_past_a_table_rebuild_and_back_keeps_every_row(store_url: str) -> None:
    """SQLite rebuilds a table to drop a column (0004's downgrade rebuilds `documents`); with foreign keys
    on, dropping the old table cascaded to every report and evidence row. Migrations run with them off
    and check them at the end instead."""
    build_store(store_url)
    engine = db.get_engine(store_url)
    before = counts(engine)
    assert before[1] > 0 and before[3] > 0
    db.run_migrations(store_url, "downgrade", "0003")
    assert counts(engine)[:4] == before[:4]
    db.run_migrations(store_url, "upgrade", "head")
    assert counts(engine) == before
