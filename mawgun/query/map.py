"""The map layer in one pass over the events (township counts, grid points, the unplaceable), and
the township counts, filter choices and date range the dashboard and reports read; and the
events one by one (`map_events`) for the clustered map with its time slider.

A single GROUP BY on (township P-code, grid cell) reads each matching event once; the few thousand
groups are then folded in Python into counts per township (the choropleth) and per cell (the
points), and the group with neither a township nor coordinates is what the map cannot draw.
One sorted scan replaces three, which is what a first, uncached dashboard load waits for.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from mawgun.query.cache import cached
from mawgun.query.events import REPORTS, count_matching, table_of, where
from mawgun.query.filter import EventFilter, dialect_of
from mawgun.query.precision import date_span, state_only
from mawgun.query.rollup import rollup_distinct, rollup_map_groups, rollup_townships
from mawgun.query.tolls import finish_tolls

MAP_EVENT_COLUMNS = (
    "id", "date", "date_precision", "event_type", "sub_event_type", "admin1", "admin1_pcode", "admin3",
    "admin3_pcode", "location", "latitude", "longitude", "geo_precision",
)  # fmt: skip


def fatalities_of(table: Table) -> ColumnElement[Any]:
    """The best-estimate fatalities column (`fatalities_best` on canonical events)."""
    return table.c.fatalities if table is REPORTS else table.c.fatalities_best


def _grouped(session: Session, flt: EventFilter, cells: int) -> list[dict[str, Any]]:
    """The map's groups, from the precomputed map rollup when it holds them, else over the events;
    in one order either way (township P-code, state/region, cell), so the fold below is the same."""
    groups = rollup_map_groups(session, flt, cells)
    if groups is None:
        groups = _grouped_live(session, flt, cells)
    return sorted(groups, key=_group_order)


def _group_order(group: dict[str, Any]) -> tuple[Any, ...]:
    return tuple((group[k] is None, group[k] if group[k] is not None else 0) for k in ("pcode", "admin1", "lat", "lon"))


def _grouped_live(session: Session, flt: EventFilter, cells: int) -> list[dict[str, Any]]:
    table = table_of(flt)
    # round(x * cells) rather than round(x, 2): PostgreSQL has no two-argument round for floats.
    lat, lon = func.round(table.c.latitude * cells).label("lat"), func.round(table.c.longitude * cells).label("lon")
    stmt = (
        select(
            table.c.admin3_pcode.label("pcode"),
            lat,
            lon,
            func.count().label("events"),
            func.coalesce(func.sum(fatalities_of(table)), 0).label("fatalities"),
            func.count(fatalities_of(table)).label("toll_known"),
            func.max(table.c.admin3).label("township"),
            table.c.admin1.label("admin1"),
            func.max(table.c.location).label("location"),
            func.max(table.c.id).label("event_id"),
        )
        .where(where(session, flt))
        .group_by(table.c.admin3_pcode, table.c.admin1, literal_column("lat"), literal_column("lon"))
    )
    return [dict(row._mapping) for row in session.execute(stmt)]


def _add(target: dict[str, Any], group: dict[str, Any]) -> None:
    for name in ("events", "fatalities", "toll_known"):
        target[name] += int(group[name] or 0)


def map_layer(session: Session, flt: EventFilter, limit: int, cells: int) -> dict[str, Any]:
    """total; townships (pcode, name, admin1, events, fatalities); the `limit` busiest grid points
    (lat, lon, events, fatalities, location, township, event_id); states (admin1, events,
    fatalities) for events placed only at state/region level; and unmapped, the events with no place."""
    total = unmapped = 0
    townships: dict[str, dict[str, Any]] = {}
    points: dict[tuple[float, float], dict[str, Any]] = {}
    states: dict[str, dict[str, Any]] = {}
    for group in _grouped(session, flt, cells):
        total += int(group["events"])
        pcode, has_point = group["pcode"], group["lat"] is not None and group["lon"] is not None
        if pcode:
            blank = {"pcode": pcode, "name": group["township"], "admin1": group["admin1"], "events": 0, "fatalities": 0,
                     "toll_known": 0}  # fmt: skip
            _add(townships.setdefault(pcode, blank), group)
        if has_point:
            _add_point(points, group, cells)
        if not pcode and not has_point:
            if group["admin1"]:
                blank = {"admin1": group["admin1"], "events": 0, "fatalities": 0, "toll_known": 0}
                _add(states.setdefault(group["admin1"], blank), group)
            else:
                unmapped += int(group["events"])
    busiest = sorted(points.values(), key=lambda p: (-p["events"], p["lat"], p["lon"]))[:limit]
    return {
        "total": total,
        "unmapped": unmapped,
        "townships": [finish_tolls(t) for t in townships.values()],
        "points": [finish_tolls(p) for p in busiest],
        "states": [finish_tolls(s) for s in sorted(states.values(), key=lambda s: s["admin1"])],
    }


def _add_point(points: dict[tuple[float, float], dict[str, Any]], group: dict[str, Any], cells: int) -> None:
    key = (float(group["lat"]) / cells, float(group["lon"]) / cells)
    blank = {"lat": key[0], "lon": key[1], "events": 0, "fatalities": 0, "toll_known": 0, "location": group["location"],
             "township": group["township"], "event_id": group["event_id"]}  # fmt: skip
    point = points.setdefault(key, blank)
    point["event_id"] = max(point["event_id"], group["event_id"])
    _add(point, group)


def township_counts(session: Session, flt: EventFilter) -> list[dict[str, Any]]:
    """Events and fatalities per township (admin3 P-code), for the choropleth; cached."""
    return cached(session, "townships", (flt,), lambda: _township_counts(session, flt))


def _township_counts(session: Session, flt: EventFilter) -> list[dict[str, Any]]:
    rolled = rollup_townships(session, flt)
    if rolled is not None:
        return [finish_tolls(row) for row in rolled]
    table = table_of(flt)
    stmt = (
        select(
            table.c.admin3_pcode.label("pcode"),
            func.max(table.c.admin3).label("name"),
            func.max(table.c.admin1).label("admin1"),
            func.count().label("events"),
            func.coalesce(func.sum(fatalities_of(table)), 0).label("fatalities"),
            func.count(fatalities_of(table)).label("toll_known"),
        )
        .where(where(session, flt), table.c.admin3_pcode.is_not(None))
        .group_by(table.c.admin3_pcode)
    )
    return [finish_tolls(dict(row._mapping)) for row in session.execute(stmt)]


def distinct_values(session: Session, flt: EventFilter, column: str) -> list[str]:
    """Distinct non-empty values of a column of the filter's table, sorted (filter choices); cached."""
    return cached(session, "distinct", (flt.level, column), lambda: _distinct_values(session, flt, column))


def _distinct_values(session: Session, flt: EventFilter, column: str) -> list[str]:
    rolled = rollup_distinct(session, flt, column)
    if rolled is not None:
        return rolled
    table = table_of(flt)
    stmt = select(table.c[column]).where(table.c[column].is_not(None)).group_by(table.c[column])
    return sorted(str(v) for (v,) in session.execute(stmt) if v)


def date_range(session: Session, flt: EventFilter) -> tuple[Any, Any]:
    """Earliest and latest event date in the filter's table (the filter's conditions not applied)."""
    table = table_of(flt)
    # Two subqueries: each min or max alone is one step down the date index; together in one SELECT
    # SQLite reads the whole index (1M entries).
    first = select(func.min(table.c.date)).scalar_subquery()
    last = select(func.max(table.c.date)).scalar_subquery()
    return tuple(session.execute(select(first, last)).one())


def map_events(session: Session, flt: EventFilter, limit: int) -> dict[str, Any]:
    """The newest `limit` matching events, one row each, for the clustered map and its time slider.

    Each row carries the span of days its date may be (`first`, `last`: a month-precision date spans
    its month), `state_only` when the place is known only to the state/region (drawn on the state,
    not as a point), and `fatalities` None when no source gave a toll. `total` counts every matching
    event, `tolls` sums the known tolls of the rows (unknown is not zero: `toll_unknown` beside them).
    Rows are built from plain tuples in one pass (10,000 of them are the dashboard's first request)."""
    table = table_of(flt)
    columns = [table.c[name] for name in MAP_EVENT_COLUMNS]
    newest = table.c.date.desc()  # SQLite sorts NULL lowest, so last here; PostgreSQL needs telling
    stmt = (
        select(*columns, fatalities_of(table).label("fatalities"))
        .where(where(session, flt))
        .order_by(newest if dialect_of(session) == "sqlite" else newest.nulls_last(), table.c.id.desc())
        .limit(limit)
    )
    names = (*MAP_EVENT_COLUMNS, "fatalities")
    rows = [_map_event(dict(zip(names, row, strict=True))) for row in session.execute(stmt).tuples()]
    deaths = [row["fatalities"] for row in rows if row["fatalities"] is not None]
    tolls = {"events": len(rows), "toll_known": len(deaths), "toll_unknown": len(rows) - len(deaths),
             "fatalities": sum(deaths) if deaths else None}  # fmt: skip
    return {"total": count_matching(session, flt), "events": rows, "tolls": tolls}


def _map_event(row: dict[str, Any]) -> dict[str, Any]:
    day = row["date"]
    if day is not None and row["date_precision"] == "day":  # most events: the span is the day itself
        row["date"] = row["first"] = row["last"] = day.isoformat()
    else:
        span = date_span(day, row["date_precision"])
        row["date"] = day.isoformat() if day else None
        row["first"], row["last"] = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
    row["state_only"] = state_only(row)
    return row
