"""Migration 0013 replaces event_rollup's (level, month, admin1) index by one that also holds the review
state and the sums, so counts by month and state/region read the index alone: a populated store keeps
its rows and its counts through the upgrade and back; on SQLite and PostgreSQL (issue 18)."""

from __future__ import annotations

from review.review_store import build_store
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.query.rollup_sql import count_statement, marked_statement
from mawgun.store import db
from mawgun.store.rollup import refresh_rollups
from mawgun.store.tables import COUNTS_INDEX

QUESTIONS = [(["month", "admin1"], EventFilter()), (["admin1"], EventFilter(review="reviewed")),
             (["month", "event_type"], EventFilter(per_report=True)), ([], EventFilter())]  # fmt: skip


def rollup_indexes(engine) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("event_rollup")}


def counted(engine) -> list[list[dict]]:  # type: ignore[no-untyped-def, type-arg]
    with Session(engine) as session:
        return [count_events(session, keys, flt) for keys, flt in QUESTIONS]


def test_the_upgrade_and_back_keep_the_rows_and_the_counts(store_url: str) -> None:
    build_store(store_url)
    engine = db.get_engine(store_url)
    with Session(engine) as session:
        refresh_rollups(session)
        session.commit()
    db.run_migrations(store_url, "downgrade", "0012")
    assert rollup_indexes(engine) == {"ix_event_rollup_level_month_admin1": ["level", "month", "admin1"]}
    before = counted(engine)
    assert before[0]
    db.run_migrations(store_url, "upgrade", "head")
    assert rollup_indexes(engine) == {"ix_event_rollup_counts": list(COUNTS_INDEX)}
    assert counted(engine) == before
    db.run_migrations(store_url, "downgrade", "0012")
    assert counted(engine) == before
    db.run_migrations(store_url, "upgrade", "head")


def test_sqlite_counts_by_month_and_state_from_the_index_alone(sqlite_url: str) -> None:
    build_store(sqlite_url)
    engine = db.ensure_schema(sqlite_url)
    outer, _ = marked_statement(count_statement(["month", "admin1"], EventFilter()), "canonical")
    compiled = outer.compile(engine)
    params = tuple(compiled.params[name] for name in compiled.positiontup or [])
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)
        details = " ".join(str(row[-1]) for row in plan)
    assert "USING COVERING INDEX ix_event_rollup_counts" in details, details
    assert "TEMP B-TREE" not in details, details
