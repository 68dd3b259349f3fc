"""Counts answered from the precomputed rollup (`event_rollup`) instead of a scan of every event.

`count_events`, the map's township counts and list totals ask `rollup_counts` first. It answers when
the filter and the group keys are all on the rollup's columns (dates from the first of a month to the
last of a month; types, sub-types, states/regions, townships, origin, review state; keys month, year,
event_type, sub_event_type, admin1, admin3, township, origin) and no month of the level waits for a
refresh; otherwise it returns None and the caller runs the live query, which gives the same numbers.
Finding months marked by a write, it refreshes them first in a short transaction of its own, and if
that cannot be done at once (another writer holds the lock) it leaves them to the live query.
The staleness check and the counts are one SQL statement, so they read one snapshot. The statements
are built from the rollup's Core tables by `mawgun.query.rollup_sql`, which `mawgun stats` also runs
without a session (issue 18).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, case, func, select, text
from sqlalchemy.orm import Session

from mawgun.actors.facts import in_windows
from mawgun.query.filter import EventFilter, actor_tests, dialect_of, json_list_has
from mawgun.query.rollup_sql import (
    RAW_SUMS,
    answerable,
    count_statement,
    grouped_statement,
    kept_groups,
    marked_statement,
    review_condition,
    unless_marked,
)
from mawgun.store.rollup import CELLS, GRAIN, LOCK_KEY, has_marks, refresh_rollups
from mawgun.store.schema import ActorRollupRow
from mawgun.store.tables import EVENT_ROLLUP, MAP_GRID, MAP_ROLLUP

LOG = logging.getLogger(__name__)


def rollup_counts(session: Session, keys: Sequence[str], flt: EventFilter) -> list[dict[str, Any]] | None:
    """Raw count rows (the keys, events, toll sums, toll_known) from the rollup, as `count_events`
    groups them; None when the rollup cannot answer this filter now (the caller counts live)."""
    if not answerable(flt, keys):
        return None
    rows = read_unless_marked(session, flt.level, count_statement(keys, flt))
    return None if rows is None else kept_groups(rows, keys)


def rollup_townships(session: Session, flt: EventFilter) -> list[dict[str, Any]] | None:
    """Per township P-code: name, state/region, events and toll sums (the map's choropleth); or None."""
    if not answerable(flt):
        return None
    table = undated_or(flt, EVENT_ROLLUP)
    pcode = table.c.admin3_pcode
    cols = [pcode.label("pcode"), func.max(table.c.admin3).label("name"), func.max(table.c.admin1).label("admin1")]
    sums = ("events", "fatalities", "toll_known")
    return rollup_query(session, cols, flt, [pcode], extra=[pcode.is_not(None)], table=table, sums=sums)


def undated_or(flt: EventFilter, table: Table) -> Table:
    """`map_grid` (a few thousand rows, no month) when the filter has no dates, else `table`."""
    return MAP_GRID if flt.since is None and flt.until is None else table


def rollup_total(session: Session, flt: EventFilter) -> int | None:
    """How many events match the filter, from the rollup; or None."""
    if not answerable(flt):
        return None
    rows = rollup_query(session, [], flt, [], table=undated_or(flt, EVENT_ROLLUP), sums=("events",))
    return None if rows is None else int(rows[0]["events"] or 0)


def actor_answerable(flt: EventFilter) -> bool:
    """Whether `actor_rollup` holds this filter: actor, alliance or side conditions with only
    month-aligned dates and a review scope beside them, and alliance periods that start and end on
    the first of a month (the registry's memberships are read to the month, so they do)."""
    if not (flt.actors or flt.alliance or flt.side) or flt.event_types or flt.sub_event_types:
        return False
    if flt.admin1 or flt.admin3 or flt.origin:
        return False
    plain = EventFilter(since=flt.since, until=flt.until, per_report=flt.per_report, review=flt.review)
    if not answerable(plain):
        return False
    bounds = [day for test in actor_tests(flt) for windows in test.values() for window in windows for day in window]
    return all(day is None or day.day == 1 for day in bounds)


def rollup_actor_total(session: Session, flt: EventFilter) -> int | None:
    """How many events match an actor, alliance or side filter, from `actor_rollup`; or None.

    Each row counts the events that name one set of codes: a row counts when its set meets every test
    (an alliance's members as of the row's months), so an event naming several members counts once.
    Rows are summed in SQL over the months in which no membership changes (`period_of`) and kept only
    if their set's text names a code of each test; the exact test runs here on the few rows left."""
    if not actor_answerable(flt):
        return None
    table, tests = ActorRollupRow, actor_tests(flt)
    conds = [table.level == flt.level, review_condition(table.review, flt.review)]
    if flt.since:
        conds.append(table.month >= f"{flt.since:%Y-%m}")
    if flt.until:
        conds.append(table.month <= f"{flt.until:%Y-%m}")
    conds += [json_list_has(table.actors, sorted(test), dialect_of(session)) for test in tests]
    period, days = period_of(table.month, tests)
    stmt = select(period.label("period"), table.actors, func.sum(table.events).label("events")).where(*conds)
    rows = read_unless_marked(session, flt.level, stmt.group_by(period, table.actors))
    if rows is None:
        return None
    return sum(int(row["events"]) for row in rows if row["events"] and meets(row, days[row["period"]], tests))


def period_of(month: Any, tests: list[dict[str, Any]]) -> tuple[Any, dict[int, dt.date | None]]:
    """SQL numbering the spans of months between the tests' period bounds (-1: no date), and a day
    of each span: membership is the same on every day of a span."""
    bounds = sorted({day for test in tests for windows in test.values() for window in windows for day in window
                     if day is not None})  # fmt: skip
    whens = [(month.is_(None), -1)] + [(month < f"{day:%Y-%m}", k) for k, day in enumerate(bounds)]
    days: dict[int, dt.date | None] = {-1: None, 0: bounds[0] - dt.timedelta(days=1) if bounds else dt.date(2000, 1, 1)}
    days.update({k + 1: day for k, day in enumerate(bounds)})
    return case(*whens, else_=len(bounds)), days


def meets(row: dict[str, Any], day: dt.date | None, tests: list[dict[str, Any]]) -> bool:
    """Whether a rollup row's set of codes meets every test (code -> periods) on `day`."""
    codes = codes_of(json.loads(row["actors"]) if row["actors"] else [])
    return all(any(code in test and in_windows(day, test[code]) for code in codes) for test in tests)


def codes_of(value: Any) -> set[str]:
    """The codes of a stored actor set: a list, or (reports) lists of actor ids and of names; nulls dropped."""
    if isinstance(value, list):
        return set().union(*(codes_of(item) for item in value)) if value else set()
    return set() if value is None else {str(value)}


def rollup_map_groups(session: Session, flt: EventFilter, cells: int) -> list[dict[str, Any]] | None:
    """The map layer's groups (township P-code, state/region, grid cell: events, toll sums, township,
    location, greatest event id) from `map_grid` (no dates) or `map_rollup` (whole months); or None."""
    if cells != CELLS or not answerable(flt):
        return None
    table = undated_or(flt, MAP_ROLLUP)
    col = table.c
    keys = [col.admin3_pcode.label("pcode"), col.lat.label("lat"), col.lon.label("lon"), col.admin1.label("admin1")]
    cols = [*keys, func.max(col.admin3).label("township"), func.max(col.location).label("location"),
            func.max(col.event_id).label("event_id")]  # fmt: skip
    return rollup_query(session, cols, flt, keys, table=table, sums=("events", "fatalities", "toll_known"))


def rollup_query(
    session: Session,
    cols: list[Any],
    flt: EventFilter,
    group: Sequence[Any],
    extra: Sequence[Any] = (),
    table: Table = EVENT_ROLLUP,
    sums: Sequence[str] = RAW_SUMS,
) -> list[dict[str, Any]] | None:
    """Grouped sums over the rollup rows the filter keeps (`mawgun.query.rollup_sql`), with the level's
    marks counted in the same statement: None if any month of the level waits for a refresh (after
    trying to refresh it)."""
    stmt = grouped_statement(cols, flt, group, extra, table, sums)
    rows = read_unless_marked(session, flt.level, stmt)
    return None if rows is None else kept_groups(rows, group)


def read_unless_marked(session: Session, level: str, stmt: Any) -> list[dict[str, Any]] | None:
    """The rows of `stmt` (over rollup tables), or None if a month of `level` waits for a refresh.

    Marks are refreshed first when that needs no waiting; then the marks are counted in the same
    statement as the rows are read (`marked_statement`: one snapshot)."""
    if has_marks(session, level):
        try_refresh(session)
    outer, names = marked_statement(stmt, level)
    return unless_marked([dict(row._mapping) for row in session.execute(outer)], names)


def rollup_distinct(session: Session, flt: EventFilter, column: str) -> list[str] | None:
    """Distinct non-empty values of a rollup column at the filter's level (its other conditions not
    applied, as the live `distinct_values`); None when the rollup cannot say."""
    if flt.release or column not in GRAIN:
        return None
    value = MAP_GRID.c[column]  # every month's values: the month-less grid is the smallest table
    stmt = select(value.label("value"), func.sum(MAP_GRID.c.events).label("events"))
    stmt = stmt.where(MAP_GRID.c.level == flt.level, value.is_not(None)).group_by(value)
    rows = read_unless_marked(session, flt.level, stmt)
    return None if rows is None else sorted(str(row["value"]) for row in rows if row["value"])


def try_refresh(session: Session) -> None:
    """Refresh the marked months now if that needs no waiting; otherwise leave them (counts go live).

    In a session that is itself writing (it holds SQLite's write lock), in that session; else in a
    short transaction of its own, which waits at most a quarter of a second for a lock."""
    engine = session.get_bind().engine
    dialect = dialect_of(session)
    try:
        if dialect == "sqlite":
            if not engine.url.database or engine.url.database == ":memory:":
                return
            if session.connection().connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                refresh_rollups(session)
                return
        with Session(engine) as own:
            refresh_alone(own, dialect)
    except Exception as exc:  # noqa: BLE001  (an optimisation: the live query answers instead)
        LOG.info("rollup refresh left for later: %s", exc)


def refresh_alone(session: Session, dialect: str) -> None:
    """`refresh_rollups` in a transaction of its own that waits at most 250 ms for the lock it needs."""
    if dialect != "sqlite":
        session.execute(text("SET LOCAL lock_timeout = '250ms'"))
        if session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": LOCK_KEY}).scalar():
            refresh_rollups(session)
            session.commit()
        return
    conn = session.connection()
    waited = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    conn.exec_driver_sql("PRAGMA busy_timeout = 250")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock first: pysqlite would begin at the first write
        refresh_rollups(session)
        session.commit()
    finally:
        session.connection().exec_driver_sql(f"PRAGMA busy_timeout = {int(waited or 0)}")
