"""The rollup's count on a bare Core connection (`mawgun.query.rollup_sql.count_rollup`, which `mawgun
stats` runs without the ORM, issue 18) is the query layer's count: the same statement as
`count_events` runs through a session, the same rows, and no answer while a month waits for a refresh."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import Engine, event

from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.query.rollup_sql import MARKS, count_rollup
from mawgun.store.db import get_engine, session_scope
from mawgun.store.rollup import refresh_rollups
from mawgun.store.schema import CanonicalEventRow
from tests.query.test_rollup import FILTERS, KEYS, fill


@pytest.fixture
def filled(store_url: str) -> str:
    fill(store_url)
    with session_scope(store_url) as session:
        refresh_rollups(session)
    return store_url


def rollup_statements(run) -> list[str]:  # type: ignore[no-untyped-def]
    """The SQL of the rollup statements (those counting marks) that `run()` executes."""
    seen: list[str] = []

    def note(_conn, _cursor, statement: str, *_rest) -> None:  # type: ignore[no-untyped-def]
        if MARKS in statement:
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return seen


@pytest.mark.parametrize("keys", KEYS)
def test_the_core_count_is_count_events(filled: str, keys: list[str]) -> None:
    for values in FILTERS:
        flt = EventFilter(**values)  # type: ignore[arg-type]
        for level in (False, True):
            flt.per_report = level
            with session_scope(filled) as session:
                library = count_events(session, keys, flt)
            with get_engine(filled).connect() as connection:
                assert count_rollup(connection, keys, flt) == library, (keys, values, level)


def test_both_ask_the_same_statement(filled: str) -> None:
    flt = EventFilter(since=dt.date(2023, 2, 1), admin1=["Sagaing", "MMR015"], review="reviewed")
    keys = ["month", "admin1"]
    with session_scope(filled) as session:
        through_session = rollup_statements(lambda: count_events(session, keys, flt))
    with get_engine(filled).connect() as connection:
        on_core = rollup_statements(lambda: count_rollup(connection, keys, flt))
    assert len(on_core) == 1 and on_core == through_session


def test_a_filter_the_rollup_does_not_hold_is_not_answered(filled: str) -> None:
    with get_engine(filled).connect() as connection:
        assert count_rollup(connection, ["month"], EventFilter(actors=["MIL"])) is None
        assert count_rollup(connection, ["day"], EventFilter()) is None
        assert count_rollup(connection, ["month"], EventFilter(since=dt.date(2023, 2, 2))) is None


def test_a_month_waiting_for_a_refresh_is_left_to_the_full_path(filled: str) -> None:
    with session_scope(filled) as session:
        session.add(CanonicalEventRow(id="ce-new", event_type="Battles", date=dt.date(2023, 5, 5), actor1=[],
                                      actor2=[], tags=[], explanation={}, origin="mawgun"))  # fmt: skip
    with get_engine(filled).connect() as connection:
        assert count_rollup(connection, ["month"], EventFilter()) is None


def test_the_core_count_imports_no_orm_and_no_mapped_schema(filled: str) -> None:
    code = (
        "import sys; from mawgun.query.rollup_sql import count_rollup; from mawgun.query.criteria import "
        "EventFilter; from mawgun.store.db import get_engine; "
        f"rows = count_rollup(get_engine({filled!r}).connect(), ['month', 'admin1'], EventFilter()); "
        "print(len(rows), sorted(m for m in sys.modules if m.startswith(('sqlalchemy.orm', 'mawgun.store.schema'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) > 10 and loaded.strip() == "[]"
