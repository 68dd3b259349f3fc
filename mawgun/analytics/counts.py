"""Counting events: by period, type, place, actor, alliance and side; peaks; before/after comparisons.

Every function aggregates in the database (GROUP BY) and returns plain dicts, so the CLI, the
HTTP API and reports can print them as they are. An event with several actors is counted once per
actor (or alliance, or side) it involves when grouped that way, and once otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, FromClause, func, select
from sqlalchemy.orm import Session

from mawgun.analytics import registry
from mawgun.analytics.query import (
    ACTOR_KEYS,
    GROUP_KEYS,
    PERIOD_KEYS,
    EventFilter,
    Source,
    actor_links,
    dialect_of,
    fatality_sums,
    filtered,
    label_period,
    label_table,
    period_key,
    source_for,
)

PLACE_LEVELS = ("admin1", "admin3", "location")


def check_keys(by: Sequence[str]) -> list[str]:
    """The grouping keys, validated (a clear error names the allowed ones)."""
    keys = [key.strip() for key in by if key and key.strip()]
    unknown = [key for key in keys if key not in GROUP_KEYS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUP_KEYS)}")
    return keys


def actor_label_tables() -> dict[str, FromClause]:
    """Inline tables mapping actor code -> alliance and code -> side."""
    alliances = [(code, name) for code, names in registry.alliances_by_code().items() for name in names]
    sides = [(code, registry.side_of(code)) for code in registry.known_codes()]
    return {"alliance": label_table(alliances, "alliances"), "side": label_table(sides, "sides")}


def key_expressions(src: Source, keys: list[str], dialect: str) -> tuple[list[ColumnElement[Any]], FromClause]:
    """The labelled SQL expression of each key and the FROM clause they need."""
    table: FromClause = src.table.__table__
    exprs: list[ColumnElement[Any]] = []
    links = actor_links(src, dialect) if any(key in ACTOR_KEYS for key in keys) else None
    if links is not None:
        table = table.join(links, links.c.eid == src.col("id"))
        labels = actor_label_tables()
        for name in ("alliance", "side"):
            if name in keys:
                table = table.join(labels[name], labels[name].c.code == links.c.code, isouter=name == "side")
    for key in keys:
        if key in PERIOD_KEYS:
            exprs.append(period_key(src, key, dialect).label(key))
        elif key == "actor":
            exprs.append(links.c.code.label(key))  # type: ignore[union-attr]
        elif key == "alliance":
            exprs.append(labels["alliance"].c.label.label(key))
        elif key == "side":
            exprs.append(func.coalesce(labels["side"].c.label, "unknown").label(key))
        else:
            exprs.append(src.col(key).label(key))
    return exprs, table


def grouped_rows(session: Session, keys: list[str], flt: EventFilter) -> list[dict[str, Any]]:
    """Run the GROUP BY query and return raw rows (period keys not yet labelled)."""
    src = source_for(flt)
    dialect = dialect_of(session)
    exprs, table = key_expressions(src, keys, dialect)
    if not any(key in ACTOR_KEYS for key in keys):
        stmt = select(*exprs, func.count().label("events"), *fatality_sums(src)).select_from(table)
        stmt = filtered(stmt, src, flt, dialect).group_by(*exprs)
        return [dict(row._mapping) for row in session.execute(stmt)]
    inner = select(src.col("id").label("eid"), *exprs).select_from(table).distinct()
    sub = filtered(inner, src, flt, dialect).subquery("keyed")
    cols = [sub.c[key] for key in keys]
    stmt = (
        select(*cols, func.count().label("events"), *fatality_sums(src))
        .select_from(sub.join(src.table.__table__, src.col("id") == sub.c.eid))
        .group_by(*cols)
    )
    return [dict(row._mapping) for row in session.execute(stmt)]


def sort_key(row: dict[str, Any], keys: list[str]) -> tuple[Any, ...]:
    """Rows sort by their keys, missing values last."""
    return tuple((row[key] is None, row[key] if row[key] is not None else "") for key in keys)


def count_events(session: Session, by: Sequence[str], flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Event counts and fatality sums grouped by `by` (any of GROUP_KEYS), sorted by the keys.

    Each row holds the keys (day ISO, week "YYYY-Www", month "YYYY-MM", year "YYYY") and
    `events`, `fatalities` (best estimate), `fatalities_low`, `fatalities_high`.
    """
    flt = flt or EventFilter()
    keys = check_keys(by)
    rows = grouped_rows(session, keys, flt)
    for row in rows:
        for key in keys:
            if key in PERIOD_KEYS:
                row[key] = label_period(key, row[key])
        for name in ("events", "fatalities", "fatalities_low", "fatalities_high"):
            row[name] = int(row[name] or 0)
    if "week" in keys:  # weeks were grouped by their Monday; labels are unique per Monday
        rows = merge_rows(rows, keys)
    return sorted(rows, key=lambda row: sort_key(row, keys))


def merge_rows(rows: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """Sum rows whose keys became equal after labelling."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        ident = tuple(row[key] for key in keys)
        if ident in merged:
            for name in ("events", "fatalities", "fatalities_low", "fatalities_high"):
                merged[ident][name] += row[name]
        else:
            merged[ident] = dict(row)
    return list(merged.values())


def peak_period(session: Session, unit: str, flt: EventFilter | None = None) -> dict[str, Any] | None:
    """The day/week/month/year with the most events ({"period", "events", "fatalities"}); None if none.

    Ties go to the earliest period.
    """
    if unit not in PERIOD_KEYS:
        raise ValueError(f"unit must be one of {', '.join(PERIOD_KEYS)}")
    rows = count_events(session, [unit], flt)
    rows = [row for row in rows if row[unit] is not None]
    if not rows:
        return None
    best = max(rows, key=lambda row: row["events"])  # rows are in period order: the first maximum wins
    return {"unit": unit, "period": best[unit], "events": best["events"], "fatalities": best["fatalities"]}


def change(before: int, after: int) -> dict[str, Any]:
    """Absolute and relative change (relative is None when `before` is 0)."""
    return {
        "before": before,
        "after": after,
        "change": after - before,
        "change_pct": round(100.0 * (after - before) / before, 1) if before else None,
    }


def window(flt: EventFilter, since: dt.date, until: dt.date) -> EventFilter:
    """A copy of the filter restricted to [since, until]."""
    return EventFilter(**{**flt.__dict__, "since": since, "until": until})


def compare_periods(
    session: Session,
    pivot: dt.date,
    before_days: int,
    after_days: int,
    flt: EventFilter | None = None,
    by: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Counts in the `before_days` before `pivot` against the `after_days` from `pivot` on.

    Returns both windows, the change in events and fatalities (absolute and percent), and with
    `by` the same per group (e.g. by admin1: which states saw the biggest rise).
    """
    flt = flt or EventFilter()
    before = (pivot - dt.timedelta(days=before_days), pivot - dt.timedelta(days=1))
    after = (pivot, pivot + dt.timedelta(days=after_days - 1))
    keys = check_keys(by or [])
    sums_before = count_events(session, [], window(flt, *before))
    sums_after = count_events(session, [], window(flt, *after))
    result: dict[str, Any] = {
        "pivot": pivot.isoformat(),
        "before": {"since": before[0].isoformat(), "until": before[1].isoformat()},
        "after": {"since": after[0].isoformat(), "until": after[1].isoformat()},
        "events": change(total(sums_before, "events"), total(sums_after, "events")),
        "fatalities": change(total(sums_before, "fatalities"), total(sums_after, "fatalities")),
    }
    if keys:
        rows_before = count_events(session, keys, window(flt, *before))
        rows_after = count_events(session, keys, window(flt, *after))
        result["groups"] = compare_groups(rows_before, rows_after, keys)
    return result


def total(rows: list[dict[str, Any]], name: str) -> int:
    """Sum of a field over rows."""
    return sum(int(row[name]) for row in rows)


def compare_groups(before: list[dict[str, Any]], after: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """Per group: events and fatalities before and after, with their change."""
    index: dict[tuple[Any, ...], dict[str, Any]] = {}
    for side, rows in (("before", before), ("after", after)):
        for row in rows:
            ident = tuple(row[key] for key in keys)
            entry = index.setdefault(ident, {key: row[key] for key in keys} | {"before": {}, "after": {}})
            entry[side] = row
    groups = []
    for entry in index.values():
        b, a = entry.pop("before"), entry.pop("after")
        entry["events"] = change(b.get("events", 0), a.get("events", 0))
        entry["fatalities"] = change(b.get("fatalities", 0), a.get("fatalities", 0))
        groups.append(entry)
    return sorted(groups, key=lambda row: sort_key(row, keys))


def top_places(
    session: Session, flt: EventFilter | None = None, level: str = "admin3", limit: int = 10
) -> list[dict[str, Any]]:
    """The places with most events at `level` (admin1, admin3 or location), most first."""
    if level not in PLACE_LEVELS:
        raise ValueError(f"level must be one of {', '.join(PLACE_LEVELS)}")
    flt = flt or EventFilter()
    src = source_for(flt)
    dialect = dialect_of(session)
    pcode = {"admin1": "admin1_pcode", "admin3": "admin3_pcode", "location": "pcode"}[level]
    keys = [src.col(level).label("place"), func.max(src.col(pcode)).label("pcode")]
    group = [src.col(level)]
    if level != "admin1":
        keys.append(src.col("admin1").label("admin1"))
        group.append(src.col("admin1"))
    events = func.count().label("events")
    stmt = select(*keys, events, *fatality_sums(src)).where(src.col(level).is_not(None))
    stmt = filtered(stmt, src, flt, dialect).group_by(*group).order_by(events.desc(), src.col(level)).limit(limit)
    return [dict(row._mapping) for row in session.execute(stmt)]


def actor_pairs(session: Session, flt: EventFilter | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The (actor1, actor2) pairs with most events, most first (actor2 None when an event names none)."""
    flt = flt or EventFilter()
    src = source_for(flt)
    dialect = dialect_of(session)
    one = actor_links(src, dialect).alias("one")
    two = actor_links(src, dialect).alias("two")
    table = src.table.__table__.join(one, (one.c.eid == src.col("id")) & (one.c.role == 1)).join(
        two, (two.c.eid == src.col("id")) & (two.c.role == 2), isouter=True
    )
    inner = select(src.col("id").label("eid"), one.c.code.label("actor1"), two.c.code.label("actor2"))
    sub = filtered(inner.select_from(table).distinct(), src, flt, dialect).subquery("pairs")
    events = func.count().label("events")
    stmt = (
        select(sub.c.actor1, sub.c.actor2, events, *fatality_sums(src))
        .select_from(sub.join(src.table.__table__, src.col("id") == sub.c.eid))
        .group_by(sub.c.actor1, sub.c.actor2)
        .order_by(events.desc(), sub.c.actor1, sub.c.actor2)
        .limit(limit)
    )
    return [dict(row._mapping) for row in session.execute(stmt)]
