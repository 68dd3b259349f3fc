"""Counting events: by period, type, place, actor, alliance and side; peaks; before/after comparisons.

Every function aggregates in the database (GROUP BY) and returns plain dicts, so the CLI, the
HTTP API and reports can print them as they are. An event with several actors is counted once per
actor (or alliance, or side) it involves when grouped that way, and once otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Date, FromClause, Text, and_, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from mawgun.actors import facts as registry
from mawgun.query.cache import cached
from mawgun.query.criteria import check_keys, finish_counts, sort_key
from mawgun.query.filter import (
    ACTOR_KEYS,
    KEY_COLUMNS,
    PERIOD_KEYS,
    EventFilter,
    Source,
    actor_links,
    dialect_of,
    fatality_sums,
    filter_conditions,
    filtered,
    period_key,
    source_for,
)
from mawgun.query.rollup import rollup_counts
from mawgun.query.tolls import RAW, finish_tolls, sum_tolls, toll_change

PLACE_LEVELS = ("admin1", "admin3", "location")
ZERO = dict.fromkeys(RAW, 0)


def alliance_table() -> FromClause:
    """Inline table (code, label, start, end): each membership period of each alliance."""
    rows = [
        select(
            literal(code).label("code"),
            literal(name).label("label"),
            literal(start, Date).label("start"),
            literal(end, Date).label("end"),
        )
        for code, name, start, end in registry.alliance_pairs()
    ]
    return union_all(*rows).subquery("alliances")


def side_expression(code: ColumnElement[Any]) -> ColumnElement[Any]:
    """CASE expression: actor code -> side (junta, resistance, ...), "unknown" for codes not known."""
    sides = {name: registry.side_of(name) for name in registry.known_codes()}
    return case(sides, value=code, else_="unknown") if sides else literal("unknown")


def key_expression(src: Source, key: str, dialect: str, links: FromClause | None, allied: FromClause | None) -> Any:
    """The labelled SQL expression of one grouping key."""
    if key in PERIOD_KEYS:
        return period_key(src, key, dialect).label(key)
    if key == "actor":
        return links.c.code.label(key)  # type: ignore[union-attr]
    if key == "side":
        return side_expression(links.c.code).label(key)  # type: ignore[union-attr]
    if key == "alliance":
        return allied.c.label.label(key)  # type: ignore[union-attr]
    return src.col(KEY_COLUMNS.get(key, key)).label(key)


def grouped_rows(session: Session, keys: list[str], flt: EventFilter) -> list[dict[str, Any]]:
    """Run the GROUP BY query and return raw rows (period keys not yet labelled): from the rollup
    when it holds the answer (`mawgun.query.rollup`), else over the events."""
    rolled = rollup_counts(session, keys, flt)
    if rolled is not None:
        return rolled
    src = source_for(flt)
    dialect = dialect_of(session)
    conds = filter_conditions(src, flt, dialect)
    if any(key in ACTOR_KEYS for key in keys):
        if src.per_report:
            return grouped_report_actors(session, keys, src, dialect, conds)
        return grouped_by_actor_lists(session, keys, src, dialect, conds)
    exprs = [key_expression(src, key, dialect, None, None) for key in keys]
    stmt = select(*exprs, func.count().label("events"), *fatality_sums(src)).where(*conds).group_by(*exprs)
    return [dict(row._mapping) for row in session.execute(stmt)]


def grouped_report_actors(
    session: Session, keys: list[str], src: Source, dialect: str, conds: list[Any]
) -> list[dict[str, Any]]:
    """Report counts by actor/alliance/side: the reports' actor rows joined, (report, keys) made
    distinct (a report counts once per actor, alliance or side), then counted and summed."""
    links = actor_links(src, dialect, conds)
    table = src.table.__table__.join(links, links.c.eid == src.col("id"))
    allied = alliance_table() if "alliance" in keys else None
    if allied is not None:
        date = src.col("date")
        during = and_(
            or_(allied.c.start.is_(None), date >= allied.c.start), or_(allied.c.end.is_(None), date < allied.c.end)
        )
        table = table.join(allied, and_(allied.c.code == links.c.code, during))
    exprs = [key_expression(src, key, dialect, links, allied) for key in keys]
    fatalities = [src.col(name).label(name) for name in ("fatalities_best", "fatalities_low", "fatalities_high")]
    # fatalities depend on the report alone, so DISTINCT still leaves one row per (report, keys)
    sub = select(src.col("id").label("eid"), *exprs, *fatalities).select_from(table).distinct().subquery("keyed")
    cols = [sub.c[key] for key in keys]
    stmt = select(*cols, func.count().label("events"), *fatality_sums(src, sub.c)).group_by(*cols)
    return [dict(row._mapping) for row in session.execute(stmt)]


def actor_labels(code: str, key: str, day: dt.date | None) -> list[str]:
    """The values an actor code gives a key: itself, its side, or its alliances on `day`."""
    if key == "actor":
        return [code]
    if key == "side":
        return [registry.side_of(code)]
    return registry.alliances_on(code, day)


def label_tuples(codes: set[str], actor_keys: list[str], day: dt.date | None) -> set[tuple[str, ...]]:
    """Distinct (actor key values...) an event with these actor codes counts under."""
    found: set[tuple[str, ...]] = set()
    for code in codes:
        found.update(itertools.product(*[actor_labels(code, key, day) for key in actor_keys]))
    return found


def codes_of(*texts: str | None) -> set[str]:
    """Actor codes from the JSON texts of actor1/actor2 lists."""
    return {str(code) for text in texts if text for code in json.loads(text)}


def grouped_by_actor_lists(
    session: Session, keys: list[str], src: Source, dialect: str, conds: list[Any]
) -> list[dict[str, Any]]:
    """Canonical counts by actor/alliance/side without unpacking JSON per event in SQL.

    The database groups events by their other keys and their exact actor lists (few distinct
    combinations); each group is then credited once to every actor, alliance or side its lists
    name. Exact, and an order of magnitude faster than unpacking every event's arrays.
    """
    plain = [key for key in keys if key not in ACTOR_KEYS]
    actor_keys = [key for key in keys if key in ACTOR_KEYS]
    exprs = [key_expression(src, key, dialect, None, None) for key in plain]
    if "alliance" in keys:  # membership changes over time: resolve it per month
        exprs.append(period_key(src, "month", dialect).label("_month"))
    lists = [cast(src.col("actor1"), Text).label("a1"), cast(src.col("actor2"), Text).label("a2")]
    stmt = select(*exprs, *lists, func.count().label("events"), *fatality_sums(src)).where(*conds)
    totals: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in session.execute(stmt.group_by(*exprs, *lists)).mappings():
        month = row.get("_month")
        day = dt.date.fromisoformat(f"{month}-01") if month else None
        for labels in label_tuples(codes_of(row["a1"], row["a2"]), actor_keys, day):
            values = {key: row[key] for key in plain} | dict(zip(actor_keys, labels, strict=True))
            entry = totals.setdefault(tuple(values[key] for key in keys), {key: values[key] for key in keys} | ZERO)
            for name in ZERO:
                entry[name] += int(row[name] or 0)
    return list(totals.values())


def count_events(session: Session, by: Sequence[str], flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Event counts and fatality sums grouped by `by` (any of GROUP_KEYS), sorted by the keys.

    Each row holds the keys (day ISO, week "YYYY-Www", month "YYYY-MM", year "YYYY") and
    `events`, `toll_known`, `toll_unknown`, and over the known tolls `fatalities` (best estimate),
    `fatalities_low`, `fatalities_high`: None when no event of the row has a known toll.
    """
    flt = flt or EventFilter()
    keys = check_keys(by)
    return finish_counts(grouped_rows(session, keys, flt), keys)


def count_cached(session: Session, by: Sequence[str], flt: EventFilter) -> list[dict[str, Any]]:
    """`count_events`, reused while the store is unchanged (the dashboard asks the same again and again)."""
    return cached(session, "aggregate", (flt, tuple(by)), lambda: count_events(session, by, flt))


def peak_period(session: Session, unit: str, flt: EventFilter | None = None) -> dict[str, Any] | None:
    """The day/week/month/year with the most events ({"period", "events", "fatalities", "toll_unknown"});
    None if none (fatalities None when no toll of the period is known).

    Ties go to the earliest period.
    """
    if unit not in PERIOD_KEYS:
        raise ValueError(f"unit must be one of {', '.join(PERIOD_KEYS)}")
    rows = count_events(session, [unit], flt)
    rows = [row for row in rows if row[unit] is not None]
    if not rows:
        return None
    best = max(rows, key=lambda row: row["events"])  # rows are in period order: the first maximum wins
    picked = ("events", "fatalities", "toll_unknown")
    return {"unit": unit, "period": best[unit], **{name: best[name] for name in picked}}


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
    sums_before = sum_tolls(count_events(session, [], window(flt, *before)))
    sums_after = sum_tolls(count_events(session, [], window(flt, *after)))
    result: dict[str, Any] = {
        "pivot": pivot.isoformat(),
        "before": {"since": before[0].isoformat(), "until": before[1].isoformat()},
        "after": {"since": after[0].isoformat(), "until": after[1].isoformat()},
        "events": change(sums_before["events"], sums_after["events"]),
        "fatalities": toll_change(sums_before, sums_after),
        "toll_unknown": {"before": sums_before["toll_unknown"], "after": sums_after["toll_unknown"]},
    }
    if keys:
        rows_before = count_events(session, keys, window(flt, *before))
        rows_after = count_events(session, keys, window(flt, *after))
        result["groups"] = compare_groups(rows_before, rows_after, keys)
    return result


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
        entry["fatalities"] = toll_change(b or {"fatalities": 0}, a or {"fatalities": 0})
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
    # Grouping by expressions (not bare indexed columns) keeps SQLite from walking an index and
    # fetching rows one by one, which is several times slower than one scan at these sizes.
    place = func.coalesce(src.col(level), "")
    group = [place] if level == "admin1" else [place, func.coalesce(src.col("admin1"), "")]
    events = func.count().label("events")
    cols = [place.label("place"), func.max(src.col(pcode)).label("pcode")]
    if level != "admin1":
        cols.append(func.max(src.col("admin1")).label("admin1"))
    stmt = filtered(select(*cols, events, *fatality_sums(src)), src, flt, dialect)
    stmt = stmt.group_by(*group).having(place != "").order_by(events.desc(), place).limit(limit)
    return [finish_tolls(dict(row._mapping)) for row in session.execute(stmt)]


def actor_pairs(session: Session, flt: EventFilter | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The (actor1, actor2) pairs with most events, most first (actor2 None when an event names none)."""
    flt = flt or EventFilter()
    src = source_for(flt)
    dialect = dialect_of(session)
    conds = filter_conditions(src, flt, dialect)
    rows = pairs_per_report(session, src, dialect, conds) if src.per_report else pairs_canonical(session, src, conds)
    rows.sort(key=lambda row: (-row["events"], row["actor1"] or "", row["actor2"] or ""))
    return [finish_tolls(row) for row in rows[:limit]]


def pairs_canonical(session: Session, src: Source, conds: list[Any]) -> list[dict[str, Any]]:
    """Pairs from canonical events: grouped by exact actor lists in SQL, then expanded to pairs."""
    lists = [cast(src.col("actor1"), Text).label("a1"), cast(src.col("actor2"), Text).label("a2")]
    stmt = select(*lists, func.count().label("events"), *fatality_sums(src)).where(*conds).group_by(*lists)
    totals: dict[tuple[str, str | None], dict[str, Any]] = {}
    for row in session.execute(stmt).mappings():
        targets: list[str | None] = [*sorted(codes_of(row["a2"]))] or [None]
        for pair in itertools.product(sorted(codes_of(row["a1"])), targets):
            entry = totals.setdefault(pair, {"actor1": pair[0], "actor2": pair[1]} | ZERO)
            for name in ZERO:
                entry[name] += int(row[name] or 0)
    return list(totals.values())


def pairs_per_report(session: Session, src: Source, dialect: str, conds: list[Any]) -> list[dict[str, Any]]:
    """Pairs from event reports, whose actors are rows of event_actors."""
    one = actor_links(src, dialect, conds, roles=(1,)).alias("one")
    two = actor_links(src, dialect, conds, roles=(2,)).alias("two")
    pairs = (
        select(one.c.eid, one.c.code.label("actor1"), two.c.code.label("actor2"))
        .select_from(one.join(two, two.c.eid == one.c.eid, isouter=True))
        .distinct()
        .subquery("pairs")
    )
    stmt = (
        select(pairs.c.actor1, pairs.c.actor2, func.count().label("events"), *fatality_sums(src))
        .select_from(pairs.join(src.table.__table__, src.col("id") == pairs.c.eid))
        .group_by(pairs.c.actor1, pairs.c.actor2)
    )
    return [{**row._mapping, **{name: int(row._mapping[name] or 0) for name in ZERO}} for row in session.execute(stmt)]
