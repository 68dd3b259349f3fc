"""The aggregate cache follows every committed write, in-place edits included, without counting tables
(issue 18: SQLite's `PRAGMA data_version`, PostgreSQL's WAL position)."""

from __future__ import annotations

from sqlalchemy import update

from mawgun.query import cache
from mawgun.query.counts import count_cached
from mawgun.query.filter import EventFilter
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow


def add_event(url: str, event_id: str, event_type: str) -> None:
    with session_scope(url) as session:
        session.add(
            CanonicalEventRow(id=event_id, event_type=event_type, actor1=[], actor2=[], tags=[], explanation={})
        )


def types_counted(url: str) -> dict[str, int]:
    with session_scope(url) as session:
        return {row["event_type"]: row["events"] for row in count_cached(session, ["event_type"], EventFilter())}


def test_an_edit_that_keeps_every_count_shows_up_at_once(store_url: str) -> None:
    cache.clear()
    add_event(store_url, "ce-a", "Battles")
    add_event(store_url, "ce-b", "Battles")
    assert types_counted(store_url) == {"Battles": 2}
    assert types_counted(store_url) == {"Battles": 2}  # served from the cache
    with session_scope(store_url) as session:  # same row counts, one value changed in place
        session.execute(update(CanonicalEventRow).where(CanonicalEventRow.id == "ce-b").values(event_type="Protests"))
    assert types_counted(store_url) == {"Battles": 1, "Protests": 1}


def test_the_version_holds_while_nothing_is_written(store_url: str) -> None:
    add_event(store_url, "ce-a", "Battles")
    with session_scope(store_url) as session:
        first = cache.data_version(session)
        assert cache.data_version(session) == first
    add_event(store_url, "ce-c", "Riots")
    with session_scope(store_url) as session:
        assert cache.data_version(session) != first
