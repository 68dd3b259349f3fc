"""Keeping the precomputed event counts (`event_rollup`), map groups (`map_rollup`, `map_grid`) and
counts by actor set (`actor_rollup`) current.

Triggers (migration 0009) mark every (level, month) a write touches in `rollup_dirty`, in the writing
transaction itself: inserts, updates and deletes of canonical events and reports, and review changes
(a canonical event's review state is also its reports'), and (migration 0010) changes of an event's
actors (a canonical event's JSON lists, a report's `event_actors` rows). `refresh_rollups` recomputes the marked
months from the events, one indexed month each (the whole level in one scan when many are marked),
and clears a mark only if its counter `n` is the one it read: a write that lands while it works
leaves its mark for the next refresh. Writing commands (extract, dedup, review) call it at their end;
the query layer refreshes before reading when it finds marks, and reads the live tables while any
mark is left, so a writer that forgets is never wrong, only slower once. See docs/scale.md.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Table,
    Text,
    and_,
    cast,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session

from mawgun.store.schema import (
    ActorRollupRow,
    CanonicalActorRow,
    CanonicalEventRow,
    EventActorRow,
    EventReviewRow,
    EventRollupRow,
    EventRow,
    MapGridRow,
    MapRollupRow,
    RollupDirtyRow,
)

LEVELS = ("canonical", "report")
GRAIN = ("origin", "event_type", "sub_event_type", "admin1", "admin1_pcode", "admin3", "admin3_pcode")
WHOLE_LEVEL_MONTHS = 12  # more marked months than this: one scan of the level beats month-by-month reads
LOCK_KEY = 7_204_180_918  # the PostgreSQL advisory lock that makes refreshes take turns
CELLS = 20  # the map's grid: ~5 km cells (latitude and longitude times 20, rounded), as above 20,000 events


def dialect_of(session: Session) -> str:
    """ "sqlite" or "postgresql"."""
    return session.get_bind().dialect.name


def month_of(date: Any, dialect: str) -> ColumnElement[Any]:
    """ "YYYY-MM" of a date column (NULL for NULL), as the triggers and `count_events` compute it."""
    if dialect == "sqlite":  # dates are ISO text
        return func.substr(date, 1, 7)
    return func.to_char(date, "YYYY-MM")


def level_table(level: str) -> tuple[Any, Any, Any]:
    """(row class, best-estimate fatalities column, the canonical id its review state is read from)."""
    if level == "report":
        return EventRow, EventRow.fatalities, EventRow.canonical_id
    return CanonicalEventRow, CanonicalEventRow.fatalities_best, CanonicalEventRow.id


def rollup_select(level: str, dialect: str, *conds: ColumnElement[bool]) -> Select[Any]:
    """The rollup rows of `level` for the events meeting `conds`, in `event_rollup`'s column order."""
    table, best, _ = level_table(level)
    sums = [func.count(), func.coalesce(func.sum(best), 0),
            func.coalesce(func.sum(func.coalesce(table.fatalities_low, best)), 0),
            func.coalesce(func.sum(func.coalesce(table.fatalities_high, best)), 0), func.count(best)]  # fmt: skip
    return grouped_select(level, dialect, [], sums, conds)


def map_select(level: str, dialect: str, *conds: ColumnElement[bool]) -> Select[Any]:
    """The map's groups of `level` (grain and grid cell) for the events meeting `conds` (`map_rollup`'s order)."""
    table, best, _ = level_table(level)
    cells = [func.round(table.latitude * CELLS), func.round(table.longitude * CELLS)]
    sums = [func.count(), func.coalesce(func.sum(best), 0), func.count(best), func.max(table.location),
            func.max(table.id)]  # fmt: skip
    return grouped_select(level, dialect, cells, sums, conds)


def grouped_select(
    level: str, dialect: str, extra: list[Any], sums: list[Any], conds: tuple[ColumnElement[bool], ...] | list[Any]
) -> Select[Any]:
    """SELECT level, month, the grain, review, `extra` keys, `sums` ... GROUP BY all but the sums."""
    table, _, canonical = level_table(level)
    month = month_of(table.date, dialect)
    grain = [getattr(table, name) for name in GRAIN]
    review = func.coalesce(EventReviewRow.state, "draft")
    return (
        select(literal(level), month, *grain, review, *extra, *sums)
        .select_from(table)
        .outerjoin(EventReviewRow, EventReviewRow.canonical_id == canonical)
        .where(*conds)
        .group_by(month, *grain, review, *extra)
    )


def grid_select(level: str) -> Select[Any]:
    """`map_rollup` of `level` summed over its months, in `map_grid`'s column order."""
    keys = [getattr(MapRollupRow, name) for name in (*GRAIN, "review", "lat", "lon")]
    sums = [func.sum(MapRollupRow.events), func.sum(MapRollupRow.fatalities), func.sum(MapRollupRow.toll_known),
            func.max(MapRollupRow.location), func.max(MapRollupRow.event_id)]  # fmt: skip
    return select(literal(level), *keys, *sums).where(MapRollupRow.level == level).group_by(*keys)


def actor_set(level: str, dialect: str) -> Any:
    """SQL: the set of actor codes an event names, as JSON text (a canonical event's `canonical_actors`
    codes; a report's actor ids and names, as the live actor filter matches either). Only the set
    matters: `mawgun.query.rollup` reads it back as one, so repeats and order are left in (sorting out
    repeats per event cost more than the whole rest of the month's recount)."""
    if level == "canonical":
        code, owner = CanonicalActorRow.code, CanonicalActorRow.canonical_id == CanonicalEventRow.id
        codes = func.json_group_array(code) if dialect == "sqlite" else func.array_to_json(func.array_agg(code))
        return select(cast(codes, Text)).where(owner).scalar_subquery()
    ids, names = EventActorRow.actor_id, EventActorRow.name
    if dialect == "sqlite":
        both = func.json_array(func.json_group_array(ids), func.json_group_array(names))
    else:
        both = func.json_build_array(func.array_agg(ids), func.array_agg(names))
    return select(cast(both, Text)).where(EventActorRow.event_id == EventRow.id).scalar_subquery()


def actor_select(level: str, dialect: str, *conds: ColumnElement[bool]) -> Select[Any]:
    """Events of `level` meeting `conds` counted by month, review state and actor set (`actor_rollup`'s order)."""
    table, _, canonical = level_table(level)
    review = func.coalesce(EventReviewRow.state, "draft")
    per_event = (
        select(
            month_of(table.date, dialect).label("month"),
            review.label("review"),
            actor_set(level, dialect).label("actors"),
        )  # fmt: skip
        .select_from(table)
        .outerjoin(EventReviewRow, EventReviewRow.canonical_id == canonical)
        .where(*conds)
        .cte("per_event")
    )
    if dialect == "sqlite" and sqlite3.sqlite_version_info >= (3, 35):  # AS MATERIALIZED: SQLite 3.35+
        per_event = per_event.prefix_with("MATERIALIZED")  # else it computes each set twice (flattened)
    keys = (per_event.c.month, per_event.c.review, per_event.c.actors)
    return select(literal(level), *keys, func.count()).group_by(*keys)


ROLLUP_COLUMNS = ("level", "month", *GRAIN, "review", "events", "fatalities", "fatalities_low", "fatalities_high",
                  "toll_known")  # fmt: skip
MAP_COLUMNS = ("level", "month", *GRAIN, "review", "lat", "lon", "events", "fatalities", "toll_known", "location",
               "event_id")  # fmt: skip
GRID_COLUMNS = tuple(name for name in MAP_COLUMNS if name != "month")
ACTOR_COLUMNS = ("level", "month", "review", "actors", "events")
TARGETS = ((EventRollupRow, ROLLUP_COLUMNS, rollup_select), (MapRollupRow, MAP_COLUMNS, map_select),
           (ActorRollupRow, ACTOR_COLUMNS, actor_select))  # fmt: skip


def month_bounds(month: str) -> tuple[dt.date, dt.date] | None:
    """First day of "YYYY-MM" and of the month after; None when `month` is not one."""
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        return None
    return first, (first + dt.timedelta(days=32)).replace(day=1)


def month_condition(level: str, month: str, dialect: str) -> ColumnElement[bool]:
    """The events of one month (an indexed range), or those without a date for ""."""
    table = level_table(level)[0]
    if not month:
        return table.date.is_(None)
    first, after = month_bounds(month)  # type: ignore[misc]
    if dialect != "sqlite":
        return and_(table.date >= first, table.date < after)
    as_text = type_coerce(table.date, String)  # ISO text: the month's prefix range, which the index serves
    return and_(as_text >= month, as_text < month + "~", month_of(table.date, dialect) == month)


def insert_from(session: Session, row_class: Any, columns: tuple[str, ...], chosen: Select[Any]) -> None:
    """INSERT INTO the row class's table (`columns`) the rows `chosen` selects."""
    target: Table = row_class.__table__
    session.execute(target.insert().from_select([target.c[name] for name in columns], chosen))


def rebuild(session: Session, level: str, months: list[str]) -> None:
    """Recompute the rollup and map rows of these months of `level` (all of it when many, or any is not
    a month), then the level's month-less map grid from the map rows."""
    dialect = dialect_of(session)
    whole = len(months) > WHOLE_LEVEL_MONTHS or any(m and month_bounds(m) is None for m in months)
    before = None if whole else month_cells(session, level, months)
    for row_class, columns, build in TARGETS:
        if whole:
            session.execute(delete(row_class).where(row_class.level == level))
            insert_from(session, row_class, columns, build(level, dialect))
            continue
        for month in months:
            stored = row_class.month.is_(None) if not month else row_class.month == month
            session.execute(delete(row_class).where(row_class.level == level, stored))
            insert_from(session, row_class, columns, build(level, dialect, month_condition(level, month, dialect)))
    if before is None:
        session.execute(delete(MapGridRow).where(MapGridRow.level == level))
        insert_from(session, MapGridRow, GRID_COLUMNS, grid_select(level))
    else:
        update_grid(session, level, before, month_cells(session, level, months))


GRID_KEY = (*GRAIN, "review", "lat", "lon")
GRID_SUMS = ("events", "fatalities", "toll_known")
Cells = dict[tuple[Any, ...], dict[str, Any]]


def month_cells(session: Session, level: str, months: list[str]) -> Cells:
    """The map rows of these months of `level` summed per grid key (sums; greatest location and id)."""
    keys = [getattr(MapRollupRow, name) for name in GRID_KEY]
    dated = [m for m in months if m]
    chosen = or_(MapRollupRow.month.in_(dated), MapRollupRow.month.is_(None) if "" in months else literal(False))
    sums = [func.sum(getattr(MapRollupRow, name)).label(name) for name in GRID_SUMS]
    stmt = select(*keys, *sums, func.max(MapRollupRow.location).label("location"),
                  func.max(MapRollupRow.event_id).label("event_id"))  # fmt: skip
    rows = session.execute(stmt.where(MapRollupRow.level == level, chosen).group_by(*keys))
    return {tuple(row[: len(GRID_KEY)]): dict(row._mapping) for row in rows}


def update_grid(session: Session, level: str, before: Cells, after: Cells) -> None:
    """Bring `map_grid` of `level` up to date from the refreshed months' map rows before and after,
    instead of summing every month again (1.3 s a level at 1M events): the sums by their difference;
    the greatest location and event id kept unless the months held them, else recounted for that
    key alone. Every maximum is taken by the database (its own ordering of text)."""
    grid_cols = [MapGridRow.id, *[getattr(MapGridRow, name) for name in GRID_KEY]]
    stmt = select(*grid_cols, *[getattr(MapGridRow, n) for n in (*GRID_SUMS, "location", "event_id")])
    grid = {tuple(row[1 : len(GRID_KEY) + 1]): dict(row._mapping) for row in
            session.execute(stmt.where(MapGridRow.level == level))}  # fmt: skip
    rows: list[tuple[Any, ...]] = []
    recount: list[tuple[Any, ...]] = []
    for key in before.keys() | after.keys():
        old, new, now = before.get(key, {}), after.get(key, {}), grid.get(key, {})
        if old == new and now:  # the months' rows of this cell did not change: nor does its grid row
            continue
        sums = {n: int(now.get(n) or 0) - int(old.get(n) or 0) + int(new.get(n) or 0) for n in GRID_SUMS}
        if sums["events"] <= 0:
            rows.append((key, None, now.get("id")))
            continue
        labels = {}
        for name in ("location", "event_id"):
            held = old.get(name) is not None and old.get(name) == now.get(name) and new.get(name) != now.get(name)
            if held:
                recount.append(key)
            labels[name] = [v for v in (None if held else now.get(name), new.get(name)) if v is not None]
        rows.append((key, {**sums, **labels}, now.get("id")))
    write_grid(session, level, rows, recount_labels(session, level, set(recount)))


def recount_labels(session: Session, level: str, keys: set[tuple[Any, ...]]) -> Cells:
    """The greatest location and event id of these grid keys over every month of the map rows."""
    if not keys:
        return {}
    cols = [getattr(MapRollupRow, name) for name in GRID_KEY]
    townships = sorted({key[GRID_KEY.index("admin3_pcode")] for key in keys}, key=str)
    named = MapRollupRow.admin3_pcode.in_([t for t in townships if t is not None])
    place = or_(named, MapRollupRow.admin3_pcode.is_(None) if None in townships else literal(False))
    stmt = select(*cols, func.max(MapRollupRow.location).label("location"),
                  func.max(MapRollupRow.event_id).label("event_id"))  # fmt: skip
    found = session.execute(stmt.where(MapRollupRow.level == level, place).group_by(*cols))
    return {key: dict(row._mapping) for row in found if (key := tuple(row[: len(GRID_KEY)])) in keys}


def write_grid(session: Session, level: str, rows: list[tuple[Any, ...]], recounted: Cells) -> None:
    """Replace the changed grid rows: each label the greatest of its candidates (by the database)."""
    candidates = []
    for index, (key, values, _) in enumerate(rows):
        if values is None:
            continue
        for name in ("location", "event_id"):
            options = values[name] + ([recounted[key][name]] if key in recounted and recounted[key][name] else [])
            candidates += [{"i": index, "name": name, "v": str(v)} for v in options]
    greatest = largest_values(session, candidates, python_order(session))
    stale = [row_id for _, _, row_id in rows if row_id is not None]
    for start in range(0, len(stale), 500):
        session.execute(delete(MapGridRow).where(MapGridRow.id.in_(stale[start : start + 500])))
    fresh = [{"level": level, **dict(zip(GRID_KEY, key, strict=True)), **{n: values[n] for n in GRID_SUMS},
              "location": greatest.get((index, "location")), "event_id": greatest.get((index, "event_id"))}
             for index, (key, values, _) in enumerate(rows) if values is not None]  # fmt: skip
    if fresh:
        session.execute(insert(MapGridRow), fresh)


def python_order(session: Session) -> bool:
    """Whether the database orders text as Python does (by code point): SQLite's BINARY, PostgreSQL's
    C collations; then maxima of labels are taken here, else by the database."""
    if dialect_of(session) == "sqlite":
        return True
    collation = session.execute(text("SELECT datcollate FROM pg_database WHERE datname = current_database()"))
    return str(collation.scalar()) in ("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic")


def largest_values(session: Session, candidates: list[dict[str, Any]], here: bool) -> dict[tuple[int, str], str]:
    """(row index, label) -> the greatest of its candidate values, as the database orders text."""
    if here or not candidates:
        result: dict[tuple[int, str], str] = {}
        for item in candidates:
            key = (item["i"], item["name"])
            result[key] = max(result.get(key, item["v"]), item["v"])
        return result
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS grid_labels (i INTEGER, name TEXT, v VARCHAR(200))"))
    session.execute(text("DELETE FROM grid_labels"))
    session.execute(text("INSERT INTO grid_labels (i, name, v) VALUES (:i, :name, :v)"), candidates)
    found = session.execute(text("SELECT i, name, MAX(v) FROM grid_labels GROUP BY i, name"))
    result = {(int(i), str(name)): str(v) for i, name, v in found}
    session.execute(text("DELETE FROM grid_labels"))
    return result


def marks_of(session: Session) -> list[tuple[str, str, int]]:
    """The (level, month, n) marks now in `rollup_dirty`."""
    stmt = select(RollupDirtyRow.level, RollupDirtyRow.month, RollupDirtyRow.n)
    return [(str(level), str(month), int(n)) for level, month, n in session.execute(stmt)]


def refresh_rollups(session: Session) -> int:
    """Recompute every marked month in this session's transaction; the number of marks cleared.

    The caller commits (a command's session scope does). On PostgreSQL refreshes take turns (an
    advisory lock held to the end of the transaction), so two never rebuild the same month at once.
    """
    if dialect_of(session) == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    marks = marks_of(session)
    for level in LEVELS:
        months = sorted({month for lvl, month, _ in marks if lvl == level})
        if months:
            rebuild(session, level, months)
    if marks:
        key = tuple_(RollupDirtyRow.level, RollupDirtyRow.month, RollupDirtyRow.n)
        for start in range(0, len(marks), 500):
            session.execute(delete(RollupDirtyRow).where(key.in_(marks[start : start + 500])))
    return len(marks)


def has_marks(session: Session, level: str) -> bool:
    """Whether any month of `level` waits for a refresh."""
    stmt = select(RollupDirtyRow.month).where(RollupDirtyRow.level == level).limit(1)
    return session.execute(stmt).first() is not None
