"""Migration 0008 upgrades a populated store (at 0007) without losing a row, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mawgun.review.states import accept_event, state_of
from mawgun.store import db
from mawgun.store.schema import CanonicalEventRow, ClusterDecisionRow, DocumentRow, EventRow, EvidenceRow
from review.review_store import build_store

TABLES = ("event_reviews", "event_overrides", "statistic_links", "audit_log", "releases", "release_events")


def alembic(url: str, verb: str, revision: str) -> None:
    """Run `alembic upgrade|downgrade REVISION` on the store, as `mawgun.store.db.migrate` does."""
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    engine = db.get_engine(url)
    runner = db.migration_engine(engine) if db.is_sqlite(engine) else engine
    try:
        with runner.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, verb)(config, revision)
    finally:
        if runner is not engine:
            runner.dispose()


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
    alembic(store_url, "downgrade", "0007")  # the store as it was before this migration existed
    assert not set(TABLES) & set(inspect(engine).get_table_names())
    assert counts(engine) == before
    alembic(store_url, "upgrade", "head")
    assert set(TABLES) <= set(inspect(engine).get_table_names())
    assert counts(engine) == before and before[0] == 3 and before[2] >= 2
    with Session(engine) as session:
        ids = list(session.scalars(select(CanonicalEventRow.id)))
        assert {state_of(session, i) for i in ids} == {"draft"}
        accept_event(session, ids[0], "rev")
        session.commit()
        assert state_of(session, ids[0]) == "reviewed"
