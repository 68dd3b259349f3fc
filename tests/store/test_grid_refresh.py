"""A refresh of a few months updates `map_grid` by the months' difference, and leaves it equal to the
grid summed afresh from every month's map rows: sums, the greatest location and event id of each cell
(recounted when the refreshed month held them), cells emptied and new cells, undated events; at both
levels, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from mawgun.store import db, rollup
from mawgun.store.db import session_scope
from mawgun.store.rollup import GRID_COLUMNS, LEVELS, grid_select, refresh_rollups
from mawgun.store.schema import CanonicalEventRow, EventReviewRow, EventRow, MapGridRow

# (id, date, location, latitude, toll): cells shared by several months, a cell's greatest id and
# location in one month only, an undated event.
EVENTS = [
    ("ce-a1", dt.date(2024, 1, 5), "Lashio", 22.93, 3),
    ("ce-a2", dt.date(2024, 2, 7), "Lashio", 22.93, None),
    ("ce-a3", dt.date(2024, 3, 9), "Lashio East", 22.93, 1),
    ("ce-b1", dt.date(2024, 1, 6), "Hsipaw", 22.61, 0),
    ("ce-b9", dt.date(2024, 2, 8), "Hsipaw", 22.61, 2),
    ("ce-c1", None, "Kutkai", 23.45, None),
]


def grid_rows(session: Session, level: str) -> list[tuple[Any, ...]]:
    stored = select(*[getattr(MapGridRow, name) for name in GRID_COLUMNS]).where(MapGridRow.level == level)
    return sorted((tuple(row) for row in session.execute(stored)), key=repr)


def fresh_rows(session: Session, level: str) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in session.execute(grid_select(level))), key=repr)


def add_events(session: Session) -> None:
    for event_id, day, location, lat, toll in EVENTS:
        common: dict[str, Any] = {"event_type": "Battles", "date": day, "origin": "mawgun", "tags": [],
                                  "admin1": "Shan", "admin3": location.split()[0], "location": location,
                                  "latitude": lat, "longitude": 97.75}  # fmt: skip
        session.add(CanonicalEventRow(id=event_id, actor1=[], actor2=[], n_reports=1, n_sources=1, n_outlets=1,
                                      explanation={}, fatalities_best=toll, **common))  # fmt: skip
        session.add(EventRow(id=f"ev{event_id[2:]}", canonical_id=event_id, extra={}, fatalities=toll, **common))


@pytest.mark.parametrize("python_order", [True, False], ids=["maxima-here", "maxima-by-the-database"])
def test_a_months_refresh_leaves_the_grid_as_a_full_rebuild_would(
    store_url: str, python_order: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rollup, "python_order", lambda session: python_order)  # both ways of taking maxima
    db.ensure_schema(store_url)
    with session_scope(store_url) as session:
        add_events(session)
    writes = [
        delete(CanonicalEventRow).where(CanonicalEventRow.id == "ce-b9"),  # the cell's greatest id goes
        update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-a3").values(location="Lashio"),  # its label
        update(EventRow).where(EventRow.id == "ev-a2").values(latitude=24.1),  # a new cell, one month moved
        update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-c1").values(fatalities_best=4),  # undated
        delete(EventRow).where(EventRow.id.in_(["ev-b1", "ev-b9"])),  # a cell emptied
        update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-a1").values(date=dt.date(2024, 3, 1)),
    ]
    with session_scope(store_url) as session:
        session.add(EventReviewRow(canonical_id="ce-a1", state="reviewed", who="rev"))  # a review moves it too
    for write in [None, *writes]:
        with session_scope(store_url) as session:
            if write is not None:
                session.execute(write)
        with session_scope(store_url) as session:
            refresh_rollups(session)
        with session_scope(store_url) as session:
            for level in LEVELS:
                assert grid_rows(session, level) == fresh_rows(session, level), (write, level)
                assert grid_rows(session, level), level
