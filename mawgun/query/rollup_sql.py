"""The rollup's statements, built from SQLAlchemy Core tables (`mawgun.store.tables`) without the ORM.

The query layer's counts from the precomputed rollup (`mawgun.query.rollup`) build every statement
here: the filter's conditions on rollup rows, the group keys, the grouped sums and the count of the
level's marks read in the same statement. `count_rollup` runs a count on a bare Core connection, so
`mawgun stats` answers a first question from the rollup without importing the ORM or the mapped
schema (issue 18); `mawgun.query.counts.count_events` runs the same statements through a session and
finishes the rows the same way (`mawgun.query.criteria.finish_counts`).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, literal, select, true

from mawgun.query.criteria import EventFilter, Source, finish_counts, place_condition
from mawgun.store.tables import EVENT_ROLLUP, ROLLUP_DIRTY

ROLLUP_KEYS = {"month": "month", "event_type": "event_type", "sub_event_type": "sub_event_type",
               "admin1": "admin1", "admin3": "admin3", "township": "admin3_pcode", "origin": "origin"}  # fmt: skip
SCOPES = ("drafts", "draft", "reviewed", "rejected")
RAW_SUMS = ("events", "fatalities", "fatalities_low", "fatalities_high", "toll_known")
MARKS = "_marks"  # the column in which the statement counts months waiting for a refresh


def answerable(flt: EventFilter, keys: Sequence[str] = ()) -> bool:
    """Whether the rollup holds what this filter and these group keys ask (no actor, outlet, precision
    or release condition; month-aligned dates; keys among the rollup's)."""
    if flt.release or flt.actors or flt.alliance or flt.side or flt.outlets:
        return False
    if flt.date_precisions or flt.place_precisions or flt.review not in SCOPES:
        return False
    if flt.since and flt.since.day != 1:
        return False
    if flt.until and flt.until.day != calendar.monthrange(flt.until.year, flt.until.month)[1]:
        return False
    return all(key in ROLLUP_KEYS or key == "year" for key in keys)


def review_condition(review: Any, scope: str) -> ColumnElement[bool]:
    """A review scope on the stored state column ("draft" when the event has no review row)."""
    if scope == "drafts":
        return review != "rejected"
    return review == scope


def rollup_conditions(flt: EventFilter, table: Table = EVENT_ROLLUP) -> list[ColumnElement[bool]]:
    """The filter's conditions on rollup rows (the same place spellings as the live condition)."""
    col = table.c
    conds = [col.level == flt.level, review_condition(col.review, flt.review)]
    if flt.since:
        conds.append(col.month >= f"{flt.since:%Y-%m}")
    if flt.until:
        conds.append(col.month <= f"{flt.until:%Y-%m}")
    if flt.event_types:
        conds.append(col.event_type.in_(flt.event_types))
    if flt.sub_event_types:
        conds.append(col.sub_event_type.in_(flt.sub_event_types))
    if flt.admin1:
        conds.append(place_condition(Source(table, False), "admin1", flt.admin1))
    if flt.admin3:
        conds.append(place_condition(Source(table, False), "admin3", flt.admin3))
    if flt.origin:
        conds.append(col.origin == flt.origin)
    return conds


def key_column(key: str) -> ColumnElement[Any]:
    """A group key on the rollup, labelled with its name."""
    if key == "year":
        return func.substr(EVENT_ROLLUP.c.month, 1, 4).label(key)
    return EVENT_ROLLUP.c[ROLLUP_KEYS[key]].label(key)


def grouped_statement(
    cols: list[Any],
    flt: EventFilter,
    group: Sequence[Any],
    extra: Sequence[Any] = (),
    table: Table = EVENT_ROLLUP,
    sums: Sequence[str] = RAW_SUMS,
) -> Select[Any]:
    """Grouped sums over the rollup rows the filter keeps."""
    totals = [func.sum(table.c[name]).label(name) for name in sums]
    return select(*cols, *totals).where(*rollup_conditions(flt, table), *extra).group_by(*group)


def count_statement(keys: Sequence[str], flt: EventFilter) -> Select[Any]:
    """`count_events`' grouped sums by these keys from `event_rollup` (call only when `answerable`)."""
    cols = [key_column(key) for key in keys]
    return grouped_statement(cols, flt, cols)


def marked_statement(stmt: Select[Any], level: str) -> tuple[Select[Any], list[str]]:
    """`stmt` (over rollup tables) with the marks of `level` counted in the same statement, and the
    names of its own columns: a LEFT JOIN of a one-row table to the rows, so an empty answer still
    says whether marks were left."""
    grouped = stmt.subquery("grouped")
    marks = select(func.count()).select_from(ROLLUP_DIRTY).where(ROLLUP_DIRTY.c.level == level)
    one = select(literal(1).label("one")).subquery("one")
    outer = select(marks.scalar_subquery().label(MARKS), *grouped.c).select_from(one.outerjoin(grouped, true()))
    return outer, [col.name for col in grouped.c]


def unless_marked(rows: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]] | None:
    """The rows of a `marked_statement` without the marks; None if a month waits for a refresh."""
    if rows[0][MARKS]:
        return None
    return [{name: row[name] for name in names} for row in rows]


def kept_groups(rows: list[dict[str, Any]], group: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows of groups that have events (an empty answer's one row of NULL sums is dropped when grouped)."""
    return [row for row in rows if row["events"] is not None or not group]


def count_rollup(connection: Any, keys: list[str], flt: EventFilter) -> list[dict[str, Any]] | None:
    """`count_events(session, keys, flt)` read from the rollup on a Core connection, finished the same
    way; None when the rollup cannot answer now (a filter it does not hold, or a month waiting for a
    refresh, which only the full path refreshes)."""
    if not answerable(flt, keys):
        return None
    stmt = count_statement(keys, flt)
    outer, names = marked_statement(stmt, flt.level)
    rows = unless_marked([dict(row._mapping) for row in connection.execute(outer)], names)
    if rows is None:
        return None
    return finish_counts(kept_groups(rows, keys), keys)
