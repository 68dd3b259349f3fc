"""Server-side aggregation for the dashboard: counts by period and place, map layers, control.

Everything here is a GROUP BY in the database, so the browser receives hundreds of rows, never
100,000 events. Period keys are ISO strings ("2024-03" for a month, the Monday "2024-03-04" for a
week) built with each dialect's own date functions (SQLite and PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from mawgun.web.cache import cached
from mawgun.web.filters import CANONICAL, REPORTS, EventFilters, where_clause

DIMENSIONS = (
    "year", "month", "week", "day", "event_type", "sub_event_type", "admin1", "admin3", "township", "origin"
)  # fmt: skip


def _table(level: str) -> Table:
    return CANONICAL if level == "canonical" else REPORTS


def _fatalities(table: Table) -> ColumnElement[Any]:
    return table.c.fatalities_best if table is CANONICAL else table.c.fatalities


def _period(session: Session, table: Table, unit: str) -> ColumnElement[Any]:
    """The ISO key of the period (year, month, week start, day) holding each event's date."""
    column = table.c.date
    if session.get_bind().dialect.name == "postgresql":
        formats = {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}
        if unit == "week":
            return func.to_char(func.date_trunc("week", column), "YYYY-MM-DD")
        return func.to_char(column, formats[unit])
    if unit == "week":
        return func.date(column, "weekday 0", "-6 days")
    return func.strftime({"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[unit], column)


def _dimension(session: Session, table: Table, name: str) -> ColumnElement[Any]:
    if name in ("year", "month", "week", "day"):
        return _period(session, table, name)
    if name == "township":
        return table.c.admin3_pcode
    return table.c[name]


def aggregate(session: Session, level: str, filters: EventFilters, by: list[str]) -> list[dict[str, Any]]:
    """Event and fatality counts grouped by the named dimensions (see `DIMENSIONS`); cached."""
    return cached(session, "aggregate", (level, filters, tuple(by)), lambda: _aggregate(session, level, filters, by))


def _aggregate(session: Session, level: str, filters: EventFilters, by: list[str]) -> list[dict[str, Any]]:
    table = _table(level)
    keys = [_dimension(session, table, name).label(name) for name in by]
    stmt = (
        select(*keys, func.count().label("events"), func.coalesce(func.sum(_fatalities(table)), 0).label("fatalities"))
        .where(where_clause(table, filters))
        .group_by(*keys)
        .order_by(*keys)
    )
    rows = []
    for row in session.execute(stmt):
        data = dict(row._mapping)
        data["events"], data["fatalities"] = int(data["events"]), int(data["fatalities"])
        rows.append(data)
    return rows


def township_counts(session: Session, level: str, filters: EventFilters) -> list[dict[str, Any]]:
    """Events and fatalities per township (admin3 P-code), for the choropleth; cached."""
    return cached(session, "townships", (level, filters), lambda: _township_counts(session, level, filters))


def _township_counts(session: Session, level: str, filters: EventFilters) -> list[dict[str, Any]]:
    table = _table(level)
    stmt = (
        select(
            table.c.admin3_pcode.label("pcode"),
            func.max(table.c.admin3).label("name"),
            func.max(table.c.admin1).label("admin1"),
            func.count().label("events"),
            func.coalesce(func.sum(_fatalities(table)), 0).label("fatalities"),
        )
        .where(where_clause(table, filters), table.c.admin3_pcode.is_not(None))
        .group_by(table.c.admin3_pcode)
    )
    return [dict(row._mapping) for row in session.execute(stmt)]


def distinct_values(session: Session, level: str, column: str) -> list[str]:
    """Distinct non-empty values of a column, sorted (filter choices); cached."""
    return cached(session, "distinct", (level, column), lambda: _distinct_values(session, level, column))


def _distinct_values(session: Session, level: str, column: str) -> list[str]:
    table = _table(level)
    stmt = select(table.c[column]).where(table.c[column].is_not(None)).group_by(table.c[column])
    return sorted(str(v) for (v,) in session.execute(stmt) if v)


def date_range(session: Session, level: str) -> tuple[Any, Any]:
    """Earliest and latest event date in the store."""
    table = _table(level)
    first, last = session.execute(select(func.min(table.c.date), func.max(table.c.date))).one()
    return first, last
