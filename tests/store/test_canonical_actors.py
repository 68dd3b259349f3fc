"""`canonical_actors` (migration 0010) holds each canonical event's actor codes one a row, equal to its
JSON lists after every kind of write, and filled on upgrade from a populated store with every row kept;
actor and alliance filters read through it and select the events the JSON lists name (alliances on the
event's date). On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from mawgun.actors import facts
from mawgun.query.events import count_matching, list_events
from mawgun.query.filter import EventFilter
from mawgun.store import db
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalActorRow, CanonicalEventRow, EventReviewRow

# (id, date, actor1, actor2): several codes a side, a code on both sides, no actor, units of K3C members
# (KNLA via KNU), 3BHA members before and after they joined (June 2019), the alliances' own codes.
EVENTS = [
    ("ce-1", dt.date(2024, 3, 10), ["KNLA"], ["MIL"]),
    ("ce-2", dt.date(2024, 3, 12), ["KIA", "PDF"], ["MIL", "PSH"]),
    ("ce-3", dt.date(2019, 3, 1), ["AA"], ["MIL"]),
    ("ce-4", dt.date(2023, 10, 27), ["MNDAA", "TNLA", "AA"], ["MIL"]),
    ("ce-5", dt.date(2023, 11, 2), ["3BHA"], []),
    ("ce-6", None, ["AA"], ["AA"]),
    ("ce-7", dt.date(2022, 1, 5), [], []),
    ("ce-8", dt.date(2024, 5, 2), ["K3C"], ["MIL"]),
    ("ce-9", dt.date(2024, 6, 1), ["PDF"], ["KIA"]),
]
FILTERS = [["AA"], ["KIA"], ["MIL"], ["PDF", "KNLA"], ["Arakan Army"], ["NOBODY"]]


def add_events(session: Session, events: list[tuple[Any, ...]] = EVENTS) -> None:
    for event_id, day, actor1, actor2 in events:
        session.add(CanonicalEventRow(id=event_id, event_type="Battles", sub_event_type="Armed clash", date=day,
                                      actor1=actor1, actor2=actor2, n_reports=1, n_sources=1, n_outlets=1,
                                      origin="mawgun", tags=[], explanation={}))  # fmt: skip
    session.flush()


def stored(session: Session) -> list[tuple[Any, ...]]:
    """canonical_actors as (id, role, position, code, date), sorted."""
    rows = session.execute(select(CanonicalActorRow.canonical_id, CanonicalActorRow.role, CanonicalActorRow.position,
                                  CanonicalActorRow.code, CanonicalActorRow.date))  # fmt: skip
    return sorted(tuple(row) for row in rows)


def expected(session: Session) -> list[tuple[Any, ...]]:
    """The same rows read from the JSON lists of canonical_events."""
    rows = []
    for event in session.scalars(select(CanonicalEventRow)):
        for role, codes in ((1, event.actor1), (2, event.actor2)):
            rows += [(event.id, role, position, str(code), event.date) for position, code in enumerate(codes)]
    return sorted(rows)


def kept(session: Session) -> list[CanonicalEventRow]:
    """The canonical events a filter of drafts reads (all but rejected ones)."""
    rejected = set(session.scalars(select(EventReviewRow.canonical_id).where(EventReviewRow.state == "rejected")))
    return [event for event in session.scalars(select(CanonicalEventRow)) if event.id not in rejected]


def named_by(session: Session, codes: set[str]) -> set[str]:
    """Ids of the canonical events whose JSON lists name any of the codes."""
    return {e.id for e in kept(session) if codes & {str(c) for c in [*e.actor1, *e.actor2]}}


def in_alliance(session: Session, alliance: str) -> set[str]:
    """Ids of the canonical events with an actor that was a member of the alliance on the event's date."""
    windows = facts.alliance_windows(alliance)
    found = set()
    for event in kept(session):
        codes = {str(c) for c in [*event.actor1, *event.actor2]}
        if any(facts.in_windows(event.date, windows[code]) for code in codes & set(windows)):
            found.add(event.id)
    return found


def listed(session: Session, flt: EventFilter) -> set[str]:
    total, items = list_events(session, flt, limit=100)
    assert total == len(items) == count_matching(session, flt)
    return {item["event_id"] for item in items}


def assert_filters_match(session: Session) -> None:
    for names in FILTERS:
        codes = {facts.resolve_code(name) for name in names} | set(names)
        assert listed(session, EventFilter(actors=names, per_report=False)) == named_by(session, codes), names
    for alliance in ("3BHA", "K3C"):
        assert listed(session, EventFilter(alliance=alliance)) == in_alliance(session, alliance), alliance


def test_writes_keep_the_actor_rows_equal_to_the_json_lists(store_url: str) -> None:
    db.ensure_schema(store_url)
    with session_scope(store_url) as session:
        add_events(session)
        assert stored(session) == expected(session) and len(stored(session)) == 19
        assert_filters_match(session)
        for event_id, values in (("ce-1", {"actor1": ["AA", "KNLA"]}), ("ce-3", {"date": dt.date(2020, 1, 1)}),
                                 ("ce-9", {"id": "ce-9b"}), ("ce-2", {"n_reports": 3})):  # fmt: skip
            session.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == event_id).values(**values))
        session.execute(delete(CanonicalEventRow).where(CanonicalEventRow.id == "ce-4"))
        session.add(EventReviewRow(canonical_id="ce-5", state="rejected", who="rev"))
        session.commit()  # a new data version: the query cache's answers from before are not reused
        assert stored(session) == expected(session)
        assert ("ce-1", 1, 0, "AA", dt.date(2024, 3, 10)) in stored(session)
        assert_filters_match(session)  # ce-3 now a 3BHA event (AA a member since 2019-06); ce-5 rejected


def test_upgrading_a_populated_store_fills_the_actor_rows(store_url: str) -> None:
    engine = db.run_migrations(store_url, "upgrade", "0009")  # the store as it was before 0010
    with Session(engine) as session:
        add_events(session)
        session.commit()
    db.run_migrations(store_url, "upgrade", "head")
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(CanonicalEventRow)) == len(EVENTS)
        assert stored(session) == expected(session) and len(stored(session)) == 19
        assert_filters_match(session)
