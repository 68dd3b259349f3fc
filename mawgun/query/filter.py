"""The one event filter: what a user narrows events to, and the SQL conditions it means.

Every face that selects events (`mawgun stats`, `mawgun events`, the HTTP API, the dashboard, reports
and exports) builds an `EventFilter` and reads through these conditions, so the same filter selects
the same events everywhere. Counting runs in the database (GROUP BY), so the same expressions must
work on SQLite and PostgreSQL; the few dialect differences (date truncation, reading JSON arrays of
actor codes) are isolated here. Canonical events (table `canonical_events`) are read by default; with
`per_report=True` the event reports (table `events`, actors in `event_actors`); with `release` the
events a release froze (table `release_events`, the same columns), so a published figure is reproduced.
`review` chooses by review state (`mawgun.review`): drafts too (the default), reviewed only, or one
state; `scope_label` says which, and every count and report prints it beside its figures.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    FromClause,
    Select,
    String,
    Text,
    and_,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from mawgun.actors import facts as registry
from mawgun.query.criteria import (  # noqa: F401  (re-exported: the filter's names are imported from here)
    ACTOR_KEYS,
    COLUMN_KEYS,
    DATE_PRECISIONS,
    GROUP_KEYS,
    KEY_COLUMNS,
    PERIOD_KEYS,
    PLACE_PRECISIONS,
    REVIEW_SCOPES,
    EventFilter,
    Source,
    is_pcode,
    label_period,
    place_condition,
    scope_label,
    spellings,
)
from mawgun.store.schema import (
    CanonicalActorRow,
    CanonicalEventRow,
    DocumentRow,
    EventActorRow,
    EventReviewRow,
    EventRow,
    ReleaseEventRow,
    ReleaseRow,
)


def source_for(flt: EventFilter) -> Source:
    """Canonical events, event reports or a release's frozen events, as the filter asks."""
    if flt.release:
        return Source(ReleaseEventRow, False)
    return Source(EventRow if flt.per_report else CanonicalEventRow, flt.per_report)


def dialect_of(session: Session) -> str:
    """ "sqlite" or "postgresql" (the dialect name of the session's engine)."""
    return session.get_bind().dialect.name


def period_key(src: Source, unit: str, dialect: str) -> ColumnElement[Any]:
    """An SQL expression giving each event's period: ISO day, Monday of its ISO week, YYYY-MM or YYYY."""
    date = src.col("date")
    if dialect == "sqlite":  # dates are stored as ISO text: a prefix is the day, month or year
        if unit == "week":
            return func.date(date, "weekday 0", "-6 days")
        return func.substr(date, 1, {"day": 10, "month": 7, "year": 4}[unit])
    formats = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY", "week": "YYYY-MM-DD"}
    if unit == "week":
        return func.to_char(func.date_trunc("week", date), formats[unit])
    return func.to_char(date, formats[unit])


def actor_links(
    src: Source, dialect: str, conds: list[ColumnElement[bool]] | None = None, roles: tuple[int, ...] = (1, 2)
) -> FromClause:
    """A subquery of (eid, role, code): one row per actor of each event that meets `conds`.

    The conditions are applied inside, before JSON arrays are unpacked, so only the filtered
    events' actors are read.
    """
    conds = conds or []
    if src.per_report:
        return (
            select(
                EventActorRow.event_id.label("eid"),
                EventActorRow.role.label("role"),
                func.coalesce(EventActorRow.actor_id, EventActorRow.name).label("code"),
            )
            .join(EventRow, EventRow.id == EventActorRow.event_id)
            .where(EventActorRow.role.in_(roles), *conds)
            .subquery("links")
        )
    parts = []
    elements = "json_each" if dialect == "sqlite" else "json_array_elements_text"
    for role, column in ((1, src.col("actor1")), (2, src.col("actor2"))):
        if role not in roles:
            continue
        values = getattr(func, elements)(column).table_valued("value", name=f"a{role}")
        parts.append(
            select(
                src.col("id").label("eid"),
                literal(role).label("role"),
                cast(values.c.value, String).label("code"),
            )
            .select_from(src.table)
            .join(values, literal(True))
            .where(*conds)
        )
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("links")


def json_list_has(column: Any, codes: list[str], dialect: str) -> ColumnElement[bool]:
    """Whether a JSON list column holds any of `codes`, by matching its serialised text ("AA" in quotes).

    Much faster than unpacking the array; exact because codes are matched with their JSON quotes
    (case-sensitively: GLOB on SQLite, LIKE on PostgreSQL).
    """
    text = cast(column, Text)
    tests = []
    for code in codes:
        quoted = json.dumps(code)
        if dialect == "sqlite":
            tests.append(text.op("GLOB")("*" + re.sub(r"([*?\[])", r"[\1]", quoted) + "*"))
        else:
            escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            tests.append(text.like(f"%{escaped}%", escape="\\"))
    return or_(*tests) if tests else literal(False)


def actor_condition(src: Source, codes: list[str], dialect: str) -> ColumnElement[bool]:
    """Events with any of `codes` among their actors (either role).

    Reports and canonical events look in their actor rows (`event_actors`; `canonical_actors`, the JSON
    lists one code a row, kept by triggers), by the event's id: a newest-first page probes the events
    in date order and stops at the page's end instead of reading every event's JSON (counts come from
    `actor_rollup` when they can). A release's frozen events are matched in their JSON lists."""
    if src.per_report:  # an alias: a query that itself reads event_actors (counts by actor) must not absorb it
        rows = aliased(EventActorRow, name="actor_match")
        match = or_(rows.actor_id.in_(codes), rows.name.in_(codes))
        return exists().where(rows.event_id == src.col("id"), match)
    if src.table is CanonicalEventRow:
        return exists().where(CanonicalActorRow.canonical_id == src.col("id"), CanonicalActorRow.code.in_(codes))
    return or_(json_list_has(src.col("actor1"), codes, dialect), json_list_has(src.col("actor2"), codes, dialect))


def window_condition(date: Any, start: dt.date | None, end: dt.date | None) -> ColumnElement[bool]:
    """SQL: `date` in [start, end) (open ends when None)."""
    conds = [date >= start] if start else []
    if end:
        conds.append(date < end)
    return and_(*conds) if conds else literal(True)


def alliance_condition(src: Source, alliance: str, dialect: str) -> ColumnElement[bool]:
    """Events with an actor that belonged to the alliance on the event's date (or the alliance itself)."""
    by_windows: dict[tuple[Any, ...], list[str]] = {}
    for code, windows in registry.alliance_windows(alliance).items():
        by_windows.setdefault(tuple(windows), []).append(code)
    if src.table is CanonicalEventRow and not src.per_report:  # one indexed read of the members' rows
        date = CanonicalActorRow.date
        member = [
            and_(CanonicalActorRow.code.in_(sorted(codes)), or_(*[window_condition(date, *w) for w in windows]))
            for windows, codes in by_windows.items()
        ]
        return exists().where(CanonicalActorRow.canonical_id == src.col("id"), or_(*member))
    date = src.col("date")
    tests = [
        and_(actor_condition(src, sorted(codes), dialect), or_(*[window_condition(date, *w) for w in windows]))
        for windows, codes in by_windows.items()
    ]
    return or_(*tests)


def actor_tests(flt: EventFilter) -> list[dict[str, list[tuple[dt.date | None, dt.date | None]]]]:
    """The actor, alliance and side filters as code -> the periods it counts in (each must hold)."""
    always: list[tuple[dt.date | None, dt.date | None]] = [(None, None)]
    tests = []
    if flt.actors:
        tests.append(dict.fromkeys({registry.resolve_code(name) for name in flt.actors} | set(flt.actors), always))
    if flt.alliance:
        tests.append(registry.alliance_windows(flt.alliance))
    if flt.side:
        tests.append(dict.fromkeys(registry.codes_on_side(flt.side), always))
    return tests


def actor_filters(src: Source, flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """Conditions of the actor, alliance and side filters (each must hold; different actors may meet them)."""
    conds: list[ColumnElement[bool]] = []
    if flt.actors:
        codes = {registry.resolve_code(name) for name in flt.actors} | set(flt.actors)
        conds.append(actor_condition(src, sorted(codes), dialect))
    if flt.alliance:
        conds.append(alliance_condition(src, flt.alliance, dialect))
    if flt.side:
        conds.append(actor_condition(src, registry.codes_on_side(flt.side), dialect))
    return conds


NARROW_DAYS = 62


def range_date(date: Any, dialect: str, since: dt.date | None, until: dt.date | None) -> Any:
    """The date column as a range filter should compare it.

    SQLite's planner, without statistics, always walks the date index for a range and then fetches
    rows one by one: for a range of more than a few weeks that is several times slower than one scan
    (180 ms against 25 ms on 100,000 events). For wide or open ranges the comparison is made on
    `date || ''`, the same ISO text, which no index serves; narrow ranges keep the index.
    """
    narrow = since is not None and until is not None and (until - since).days <= NARROW_DAYS
    if dialect != "sqlite" or narrow:
        return date
    return type_coerce(date.op("||")(""), Date)


def filter_conditions(src: Source, flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """WHERE conditions of the filter on the source table."""
    conds: list[ColumnElement[bool]] = []
    date = range_date(src.col("date"), dialect, flt.since, flt.until)
    if flt.since:
        conds.append(date >= flt.since)
    if flt.until:
        conds.append(date <= flt.until)
    if flt.event_types:
        conds.append(src.col("event_type").in_(flt.event_types))
    if flt.sub_event_types:
        conds.append(src.col("sub_event_type").in_(flt.sub_event_types))
    if flt.admin1:
        conds.append(place_condition(src, "admin1", flt.admin1))
    if flt.admin3:
        conds.append(place_condition(src, "admin3", flt.admin3))
    if flt.origin:
        conds.append(src.col("origin") == flt.origin)
    if flt.outlets:
        conds.append(outlet_condition(src, flt.outlets))
    if flt.date_precisions:
        conds.append(src.col("date_precision").in_(flt.date_precisions))
    if flt.place_precisions:
        conds.append(or_(*[place_precision_condition(src, name) for name in flt.place_precisions]))
    conds.extend(release_or_review(src, flt))
    return conds + actor_filters(src, flt, dialect)


def release_or_review(src: Source, flt: EventFilter) -> list[ColumnElement[bool]]:
    """The release's rows, or the review-state condition (none needed for a release: all reviewed)."""
    if flt.release:
        release_id = select(ReleaseRow.id).where(ReleaseRow.name == flt.release).scalar_subquery()
        return [src.col("release_id") == release_id]
    canonical = src.col("canonical_id") if src.per_report else src.col("id")
    if flt.review in ("drafts", "draft"):  # no review row, or none that excludes it
        excluded = EventReviewRow.state == "rejected" if flt.review == "drafts" else EventReviewRow.state != "draft"
        outside = canonical.not_in(select(EventReviewRow.canonical_id).where(excluded))
        return [or_(canonical.is_(None), outside)] if src.per_report else [outside]
    chosen = select(EventReviewRow.canonical_id).where(EventReviewRow.state == flt.review)
    return [canonical.in_(chosen)]


def place_precision_condition(src: Source, name: str) -> ColumnElement[bool]:
    """Events whose place is known to this precision; "state" also takes a state/region with neither
    township nor location (as `mawgun.query.precision.state_only` reads it)."""
    level = PLACE_PRECISIONS.get(name)
    if level is None:
        return literal(False)
    test = src.col("geo_precision") == level
    if name != "state":
        return test
    bare = and_(src.col("admin1").is_not(None), src.col("admin3").is_(None), src.col("location").is_(None))
    return or_(test, bare)


def outlet_condition(src: Source, outlets: list[str]) -> ColumnElement[bool]:
    """Events with a report read from a document of one of the outlets (case-insensitive)."""
    wanted = sorted({outlet.lower() for outlet in outlets})
    docs = select(DocumentRow.id).where(func.lower(DocumentRow.outlet).in_(wanted))
    if src.per_report:
        return src.col("document_id").in_(docs)
    return src.col("id").in_(select(EventRow.canonical_id).where(EventRow.document_id.in_(docs)))


def where_clause(flt: EventFilter, dialect: str) -> ColumnElement[bool]:
    """All the filter's conditions on its own table, joined with AND (true when there are none)."""
    return and_(literal(True), *filter_conditions(source_for(flt), flt, dialect))


def filtered(stmt: Select[Any], src: Source, flt: EventFilter, dialect: str) -> Select[Any]:
    """`stmt` with the filter's conditions added."""
    conds = filter_conditions(src, flt, dialect)
    return stmt.where(and_(*conds)) if conds else stmt


def fatality_sums(src: Source, columns: Any = None) -> list[ColumnElement[Any]]:
    """SUM expressions over known tolls: best estimate, low/high (each falling back to the best where
    missing), and `toll_known`, the number of events whose toll is known (unknown is not zero).

    `columns` reads them from a subquery that selected fatalities_best/low/high instead of the table.
    """

    def col(name: str) -> Any:
        return columns[name] if columns is not None else src.col(name)

    best = col("fatalities_best")
    return [
        func.coalesce(func.sum(best), 0).label("fatalities"),
        func.coalesce(func.sum(func.coalesce(col("fatalities_low"), best)), 0).label("fatalities_low"),
        func.coalesce(func.sum(func.coalesce(col("fatalities_high"), best)), 0).label("fatalities_high"),
        func.count(best).label("toll_known"),
    ]
