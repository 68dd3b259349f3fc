"""Reading events: paginated lists of canonical events or reports, exports' batches, one event in full.

Lists are selected by the one `EventFilter` (`mawgun.query.filter`), so `mawgun events`, the API,
the dashboard and exports list the events `mawgun stats` counts. Queries go straight to the store
tables through SQLAlchemy Core (one round trip per list, one for the total), so a page stays fast with
100,000 events. Rows come back as plain dicts that the CLI, the API's models and the templates read.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from mawgun.model import CANONICAL_EVENT_FIELDS, EVENT_FIELDS, field_names
from mawgun.query.cache import cached
from mawgun.query.filter import EventFilter, dialect_of, where_clause
from mawgun.query.rollup import rollup_actor_total, rollup_total
from mawgun.store.schema import CanonicalEventRow, DocumentRow, EventActorRow, EventRow, EvidenceRow, ReleaseEventRow

CANONICAL: Table = CanonicalEventRow.__table__  # type: ignore[assignment]
REPORTS: Table = EventRow.__table__  # type: ignore[assignment]
EVENT_ACTORS: Table = EventActorRow.__table__  # type: ignore[assignment]
DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]
EVIDENCE: Table = EvidenceRow.__table__  # type: ignore[assignment]
RELEASED: Table = ReleaseEventRow.__table__  # type: ignore[assignment]

EVENT_SORTS = ("-date", "date", "-fatalities", "fatalities", "-reports", "reports", "admin1", "event_type")


def _order_by(table: Table, sort: str) -> list[Any]:
    """ORDER BY for an allowed sort key; the id breaks ties so pages never overlap."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    fatalities = table.c.fatalities if table is REPORTS else table.c.fatalities_best
    reports = table.c.date if table is REPORTS else table.c.n_reports
    named = {"date": table.c.date, "fatalities": fatalities, "reports": reports}
    column = named[key] if key in named else table.c[key]
    ordered = column.desc().nulls_last() if descending else column.asc().nulls_last()
    return [ordered, table.c.id.desc() if descending else table.c.id.asc()]


def has_canonical_events(session: Session) -> bool:
    """Whether deduplication has produced any canonical events yet."""
    return session.execute(select(CANONICAL.c.id).limit(1)).first() is not None


def with_level(session: Session, flt: EventFilter, per_report: bool | None) -> EventFilter:
    """The filter reading reports or canonical events: the caller's choice, else canonical events
    when deduplication has run (before it, the reports are all there is)."""
    if flt.release:  # a release holds canonical events only
        return dataclasses.replace(flt, per_report=False)
    if per_report is None:
        per_report = not has_canonical_events(session)
    return dataclasses.replace(flt, per_report=per_report)


def table_of(flt: EventFilter) -> Table:
    """The table a filter reads: reports, canonical events or a release's frozen events."""
    if flt.release:
        return RELEASED
    return REPORTS if flt.per_report else CANONICAL


def where(session: Session, flt: EventFilter) -> Any:
    """The filter's WHERE clause for this session's database."""
    return where_clause(flt, dialect_of(session))


def count_matching(session: Session, flt: EventFilter) -> int:
    """How many events match the filter (cached: list totals repeat on every page)."""
    return cached(session, "count", (flt,), lambda: _count_matching(session, flt))


def _count_matching(session: Session, flt: EventFilter) -> int:
    rolled = rollup_total(session, flt)
    if rolled is None:
        rolled = rollup_actor_total(session, flt)
    if rolled is not None:
        return rolled
    stmt = select(func.count()).select_from(table_of(flt)).where(where(session, flt))
    return int(session.execute(stmt).scalar_one())


def list_events(
    session: Session, flt: EventFilter, limit: int = 50, offset: int = 0, sort: str = "-date"
) -> tuple[int, list[dict[str, Any]]]:
    """One page of canonical events or reports matching the filter, with the total count (cached)."""
    args = (flt, limit, offset, sort)
    return cached(session, "list", args, lambda: _list_events(session, flt, limit, offset, sort))


def _list_events(
    session: Session, flt: EventFilter, limit: int, offset: int, sort: str
) -> tuple[int, list[dict[str, Any]]]:
    table = table_of(flt)
    total = count_matching(session, flt)
    # Deferred join: page through ids on the (date, id) index, then read only this page's rows.
    condition, order = where(session, flt), _order_by(table, sort)
    page = select(table.c.id).where(condition).order_by(*order).limit(limit).offset(offset).subquery()
    stmt = select(table).join(page, page.c.id == table.c.id).order_by(*order)
    rows = [dict(row._mapping) for row in session.execute(stmt)]
    items = report_dicts(session, rows) if table is REPORTS else [canonical_dict(row) for row in rows]
    return total, items


def iter_events(session: Session, flt: EventFilter, batch: int = 2000) -> Any:
    """Every matching event, in date order, fetched in batches (for exports)."""
    table = table_of(flt)
    stmt = select(table).where(where(session, flt)).order_by(*_order_by(table, "date"))
    result = session.execute(stmt.execution_options(yield_per=batch))
    for partition in result.partitions(batch):
        rows = [dict(row._mapping) for row in partition]
        yield from report_dicts(session, rows) if table is REPORTS else (canonical_dict(r) for r in rows)


def canonical_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical event row in the API's shape."""
    data = {k: row.get(k) for k in CANONICAL_FIELDS}
    data["event_id"] = row["id"]
    data["level"] = "canonical"
    data["fatalities"] = row.get("fatalities_best")
    data["actor1"] = [str(a) for a in row.get("actor1") or []]
    data["actor2"] = [str(a) for a in row.get("actor2") or []]
    data["tags"] = [str(t) for t in row.get("tags") or []]
    return data


SERVED_APART = {"actor1", "actor2", "tags", "fatalities_best"}  # lists and the renamed best estimate
CANONICAL_FIELDS = [name for name in field_names(CANONICAL_EVENT_FIELDS) if name not in SERVED_APART]
REPORT_FIELDS = [name for name in field_names(EVENT_FIELDS) if name not in SERVED_APART]


def _actors_by_event(session: Session, event_ids: list[str]) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """Actor references of many reports, grouped by report id and role."""
    found: dict[str, dict[int, list[dict[str, Any]]]] = {}
    if not event_ids:
        return found
    stmt = (
        select(EVENT_ACTORS)
        .where(EVENT_ACTORS.c.event_id.in_(event_ids))
        .order_by(EVENT_ACTORS.c.event_id, EVENT_ACTORS.c.role, EVENT_ACTORS.c.position)
    )
    for row in session.execute(stmt):
        ref = {"name": row.name, "actor_id": row.actor_id, "unit": row.unit, "start": row.span_start}
        ref["end"] = row.span_end
        found.setdefault(row.event_id, {}).setdefault(row.role, []).append(ref)
    return found


def _outlets_of(session: Session, document_ids: list[str]) -> dict[str, str | None]:
    """Document id -> the outlet it came from."""
    if not document_ids:
        return {}
    stmt = select(DOCUMENTS.c.id, DOCUMENTS.c.outlet).where(DOCUMENTS.c.id.in_(document_ids))
    return {row.id: row.outlet for row in session.execute(stmt)}


def report_dicts(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Report rows in the API's shape, with their actors and their document's outlet."""
    actors = _actors_by_event(session, [r["id"] for r in rows])
    outlets = _outlets_of(session, sorted({r["document_id"] for r in rows if r.get("document_id")}))
    items = []
    for row in rows:
        data = {k: row.get(k) for k in REPORT_FIELDS}
        data["outlet"] = outlets.get(row.get("document_id") or "")
        data["event_id"] = row["id"]
        data["level"] = "report"
        data["tags"] = [str(t) for t in row.get("tags") or []]
        roles = actors.get(row["id"], {})
        refs1, refs2 = roles.get(1, []), roles.get(2, [])
        data["actor1_refs"], data["actor2_refs"] = refs1, refs2
        data["actor1"] = [a["actor_id"] or a["name"] for a in refs1]
        data["actor2"] = [a["actor_id"] or a["name"] for a in refs2]
        items.append(data)
    return items


def _reports_of(session: Session, canonical_id: str) -> list[dict[str, Any]]:
    stmt = select(REPORTS).where(REPORTS.c.canonical_id == canonical_id).order_by(REPORTS.c.date, REPORTS.c.id)
    return report_dicts(session, [dict(r._mapping) for r in session.execute(stmt)])


def _evidence_of(session: Session, record_ids: list[str]) -> list[dict[str, Any]]:
    if not record_ids:
        return []
    stmt = (
        select(EVIDENCE)
        .where(EVIDENCE.c.record_kind == "event", EVIDENCE.c.record_id.in_(record_ids))
        .order_by(EVIDENCE.c.document_id, EVIDENCE.c.start)
    )
    return [
        {"record_id": r.record_id, "document_id": r.document_id, "start": r.start, "end": r.end, "quote": r.quote}
        for r in session.execute(stmt)
    ]


def _sources_of(session: Session, document_ids: list[str]) -> list[dict[str, Any]]:
    if not document_ids:
        return []
    columns = [DOCUMENTS.c[name] for name in ("id", "title", "outlet", "url", "published", "language", "text")]
    stmt = select(*columns).where(DOCUMENTS.c.id.in_(document_ids)).order_by(DOCUMENTS.c.published)
    return [dict(r._mapping) for r in session.execute(stmt)]


def get_event(session: Session, event_id: str) -> dict[str, Any] | None:
    """One event in full: the canonical event (or a lone report), its reports, sources and evidence.

    A report id is accepted too: it answers the canonical event the report belongs to, or the
    report on its own when deduplication has not grouped it yet.
    """
    row = session.execute(select(CANONICAL).where(CANONICAL.c.id == event_id)).first()
    if row is not None:
        event = canonical_dict(dict(row._mapping))
        reports = _reports_of(session, event_id)
    else:
        report_row = session.execute(select(REPORTS).where(REPORTS.c.id == event_id)).first()
        if report_row is None:
            return None
        report = report_dicts(session, [dict(report_row._mapping)])[0]
        if report["canonical_id"] and report["canonical_id"] != event_id:
            return get_event(session, report["canonical_id"])
        event, reports = report, [report]
    evidence = _evidence_of(session, [r["event_id"] for r in reports] or [event_id])
    doc_ids = list(dict.fromkeys([r["document_id"] for r in reports if r["document_id"]]))
    doc_ids += [e["document_id"] for e in evidence if e["document_id"] not in doc_ids]
    return {"event": event, "reports": reports, "evidence": evidence, "sources": _sources_of(session, doc_ids)}
