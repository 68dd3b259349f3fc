"""List totals of actor, alliance and side filters come from `actor_rollup` (migration 0010) and equal the
live count: canonical events and reports, whole months and review scopes, events naming several members
of an alliance (counted once), members before they joined; and they stay equal after writes that change
an event's actors or review state without refreshing the rollup. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from mawgun.query import rollup
from mawgun.query.events import count_matching, table_of, where
from mawgun.query.filter import EventFilter
from mawgun.store import db
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventActorRow, EventReviewRow, EventRow, RollupDirtyRow

# (id, date, actor1, actor2): several members of 3BHA in one event, AA before it joined (June 2019),
# K3C members' units, the junta against resistance groups, an event with no actor and one with no date.
EVENTS = [
    ("a", dt.date(2019, 3, 1), ["AA"], ["MIL"]),
    ("b", dt.date(2023, 10, 27), ["MNDAA", "TNLA", "AA"], ["MIL"]),
    ("c", dt.date(2023, 11, 2), ["3BHA"], []),
    ("d", dt.date(2023, 11, 20), ["TNLA"], ["AA"]),
    ("e", dt.date(2024, 3, 10), ["KNLA"], ["MIL", "PSH"]),
    ("f", dt.date(2024, 3, 12), ["KIA", "PDF"], ["MIL"]),
    ("g", dt.date(2024, 4, 1), [], []),
    ("h", None, ["PDF"], ["MIL"]),
    ("i", dt.date(2024, 4, 30), ["MIL"], ["PDF"]),
]
FILTERS = [
    EventFilter(actors=["AA"]),
    EventFilter(actors=["Arakan Army", "KIA"]),
    EventFilter(actors=["NOBODY"]),
    EventFilter(alliance="3BHA"),
    EventFilter(alliance="K3C", since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 31)),
    EventFilter(side="junta", since=dt.date(2023, 11, 1)),
    EventFilter(actors=["MIL"], side="resistance"),
    EventFilter(actors=["MIL"], alliance="3BHA", until=dt.date(2023, 12, 31)),
    EventFilter(actors=["PDF"], review="reviewed"),
    EventFilter(actors=["PDF"], review="rejected"),
]


def add_events(session: Session) -> None:
    """Each event as a canonical event and as one report (its actors in `event_actors`, by code and name)."""
    for event_id, day, actor1, actor2 in EVENTS:
        common: dict[str, Any] = {"event_type": "Battles", "date": day, "origin": "mawgun", "tags": []}
        session.add(CanonicalEventRow(id=f"ce-{event_id}", actor1=actor1, actor2=actor2, n_reports=1, n_sources=1,
                                      n_outlets=1, explanation={}, **common))  # fmt: skip
        session.add(EventRow(id=f"ev-{event_id}", canonical_id=f"ce-{event_id}", extra={}, **common))
    session.flush()  # the reports before their actor rows
    for event_id, _, actor1, actor2 in EVENTS:
        for role, codes in ((1, actor1), (2, actor2)):
            for position, code in enumerate(codes):
                session.add(EventActorRow(event_id=f"ev-{event_id}", role=role, position=position, actor_id=code,
                                          name=f"the {code}"))  # fmt: skip
    session.add(EventActorRow(event_id="ev-g", role=1, position=0, actor_id=None, name="AA"))  # a name, no code
    session.add(EventReviewRow(canonical_id="ce-f", state="reviewed", who="rev"))
    session.add(EventReviewRow(canonical_id="ce-h", state="rejected", who="rev"))


def live_count(session: Session, flt: EventFilter) -> int:
    return int(session.scalar(select(func.count()).select_from(table_of(flt)).where(where(session, flt))) or 0)


def assert_rollup_equals_live(session: Session) -> None:
    for base in FILTERS:
        for flt in (base, dataclasses.replace(base, per_report=True)):
            rolled = rollup.rollup_actor_total(session, flt)
            assert rolled is not None, flt
            assert rolled == live_count(session, flt) == count_matching(session, flt), flt


def test_actor_totals_from_the_rollup_equal_the_live_count(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db.ensure_schema(store_url)
    monkeypatch.setattr(rollup, "try_refresh", lambda session: None)  # marks stay until refreshed below
    with session_scope(store_url) as session:
        add_events(session)
    with session_scope(store_url) as session:
        assert rollup.rollup_actor_total(session, EventFilter(actors=["AA"])) is None  # months marked: live
        rollup.refresh_rollups(session)
    with session_scope(store_url) as session:
        assert_rollup_equals_live(session)
        assert rollup.rollup_actor_total(session, EventFilter(alliance="3BHA")) == 3  # b once, c; d; not a (2019)
        assert rollup.rollup_actor_total(session, EventFilter(actors=["MIL"], event_types=["Battles"])) is None
    writes = [
        update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-d").values(actor2=["MIL"]),
        update(EventActorRow).where(EventActorRow.event_id == "ev-e").values(actor_id="KIA"),
        delete(EventActorRow).where(EventActorRow.event_id == "ev-b"),
        update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-a").values(date=dt.date(2020, 1, 1)),
        update(EventReviewRow).where(EventReviewRow.canonical_id == "ce-h").values(state="reviewed"),
    ]
    for write in writes:
        with session_scope(store_url) as session:
            session.execute(write)
        with session_scope(store_url) as session:
            assert session.scalar(select(func.count()).select_from(RollupDirtyRow)), write  # the write marked
            rollup.refresh_rollups(session)
        with session_scope(store_url) as session:
            assert_rollup_equals_live(session)


def test_reports_grouped_by_actor_under_an_actor_filter_count_each_matching_report(store_url: str) -> None:
    """The filter reads the reports' actor rows under its own name, apart from the rows being grouped: each
    report naming the AA (by code or by name) counts once under each of its actors."""
    from mawgun.query.counts import count_events

    db.ensure_schema(store_url)
    with session_scope(store_url) as session:
        add_events(session)
    with session_scope(store_url) as session:
        rows = count_events(session, ["actor"], EventFilter(actors=["AA"], per_report=True))
        assert {row["actor"]: row["events"] for row in rows} == {"AA": 4, "MIL": 2, "MNDAA": 1, "TNLA": 2}
        for key in ("alliance", "side"):
            assert count_events(session, [key], EventFilter(alliance="3BHA", per_report=True))
