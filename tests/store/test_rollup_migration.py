"""Migration 0009 upgrades a populated store (at 0008): every row kept, the rollup filled from the stored
events (with their review states), no month left marked, and its counts equal the live ones; on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from review.review_store import build_store
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mawgun.query import counts, rollup
from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.review.states import reject_event
from mawgun.store import db
from mawgun.store.schema import CanonicalEventRow, DocumentRow, EventRollupRow, EventRow, EvidenceRow, RollupDirtyRow


def row_counts(session: Session) -> tuple[int, ...]:
    tables = (DocumentRow, EventRow, CanonicalEventRow, EvidenceRow)
    return tuple(int(session.scalar(select(func.count()).select_from(t)) or 0) for t in tables)


def test_upgrading_a_populated_store_keeps_its_rows_and_fills_the_rollup(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_store(store_url)  # documents, reports, canonical events, evidence, as the pipeline writes them
    engine = db.get_engine(store_url)
    db.run_migrations(store_url, "downgrade", "0008")  # the store as it was before the rollup existed
    assert not {"event_rollup", "rollup_dirty"} & set(inspect(engine).get_table_names())
    with Session(engine) as session:
        first = session.scalars(select(CanonicalEventRow.id).order_by(CanonicalEventRow.id)).first()
        reject_event(session, str(first), "rev", "a duplicate")  # a review state from before the upgrade
        session.add(CanonicalEventRow(id="ce-old", event_type="Battles", date=dt.date(2021, 3, 2), actor1=[],
                                      actor2=[], tags=[], explanation={}, origin="ucdp"))  # fmt: skip
        session.commit()
        before = row_counts(session)
    db.run_migrations(store_url, "upgrade", "head")
    with Session(engine) as session:
        assert row_counts(session) == before and before[0] == 3 and before[2] >= 3
        assert session.scalar(select(func.count()).select_from(EventRollupRow)) >= 4
        assert not session.execute(select(func.count()).select_from(RollupDirtyRow)).scalar()
        for flt in (EventFilter(), EventFilter(review="rejected"), EventFilter(per_report=True),
                    EventFilter(origin="ucdp", since=dt.date(2021, 3, 1))):  # fmt: skip
            for keys in ([], ["month", "event_type"], ["township"]):
                rolled = rollup.rollup_counts(session, keys, flt)
                assert rolled is not None
                with monkeypatch.context() as patch:
                    patch.setattr(counts, "rollup_counts", lambda *_: None)
                    live = count_events(session, keys, flt)
                assert count_events(session, keys, flt) == live, (flt, keys)
        assert count_events(session, [], EventFilter(review="rejected"))[0]["events"] == 1
