"""Event listings: canonical (deduplicated) events by default, or the per-document reports.

Filters are shared by both views; the actor filter matches registry codes, names and unit names
(case-insensitive), for canonical events through their actor lists or any of their reports.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from mawgun.store.convert import DateLike, chunked, to_date
from mawgun.store.schema import CanonicalEventRow, DocumentRow, EventActorRow, EventRow


def row_to_dict(row: Any) -> dict[str, Any]:
    """A mapped row's columns as a plain dict (dates stay dates)."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def actor_matches(actor: str, event_id_column: Any) -> Any:
    """An EXISTS clause: some actor of the event has this registry code, name or unit."""
    needle = actor.lower()
    return exists().where(
        EventActorRow.event_id == event_id_column,
        or_(
            func.lower(EventActorRow.actor_id) == needle,
            func.lower(EventActorRow.name) == needle,
            func.lower(EventActorRow.unit) == needle,
        ),
    )


def canonical_actor_matches(actor: str) -> Any:
    """A canonical event involves the actor: in its actor lists or in one of its reports' actors."""
    quoted = f'%"{actor.lower()}"%'
    in_lists = or_(
        func.lower(cast(CanonicalEventRow.actor1, String)).like(quoted),
        func.lower(cast(CanonicalEventRow.actor2, String)).like(quoted),
    )
    report = report_with_actor(actor)
    return or_(in_lists, report)


def report_with_actor(actor: str) -> Any:
    """EXISTS a report of the canonical event with the actor."""
    return exists().where(
        EventRow.canonical_id == CanonicalEventRow.id,
        actor_matches(actor, EventRow.id),
    )


def event_filters(model: Any, since: DateLike, until: DateLike, event_type: str | None, admin1: str | None) -> list:
    """WHERE clauses shared by canonical and per-report listings."""
    clauses = []
    if since is not None:
        clauses.append(model.date >= to_date(since))
    if until is not None:
        clauses.append(model.date <= to_date(until))
    if event_type:
        clauses.append(func.lower(model.event_type) == event_type.lower())
    if admin1:
        clauses.append(or_(func.lower(model.admin1) == admin1.lower(), model.admin1_pcode == admin1.upper()))
    return clauses


def list_events(
    session: Session,
    *,
    since: DateLike = None,
    until: DateLike = None,
    event_type: str | None = None,
    admin1: str | None = None,
    actor: str | None = None,
    canonical: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events newest first as dicts: canonical events (deduplicated) by default, else per-document reports.

    Report dicts add `actor1`/`actor2` (codes, or names when unresolved) and the document's
    `title`, `outlet` and `published`.
    """
    model = CanonicalEventRow if canonical else EventRow
    clauses = event_filters(model, since, until, event_type, admin1)
    if actor:
        clauses.append(canonical_actor_matches(actor) if canonical else actor_matches(actor, EventRow.id))
    stmt = select(model).where(and_(*clauses)) if clauses else select(model)
    stmt = stmt.order_by(model.date.desc().nulls_last(), model.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = list(session.scalars(stmt))
    if canonical:
        return [row_to_dict(r) for r in rows]
    return report_dicts(session, rows)  # type: ignore[arg-type]  # rows are EventRow when not canonical


def report_dicts(session: Session, rows: list[EventRow]) -> list[dict[str, Any]]:
    """Per-report event dicts with their actors and source document's metadata."""
    ids = [r.id for r in rows]
    actors: dict[str, list[EventActorRow]] = {}
    for chunk in chunked(ids, 500):
        for actor in session.scalars(select(EventActorRow).where(EventActorRow.event_id.in_(chunk))):
            actors.setdefault(actor.event_id, []).append(actor)
    doc_ids = sorted({r.document_id for r in rows if r.document_id})
    docs: dict[str, DocumentRow] = {}
    for chunk in chunked(doc_ids, 500):
        docs.update({d.id: d for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk)))})
    result = []
    for row in rows:
        item = row_to_dict(row)
        mine = sorted(actors.get(row.id, []), key=lambda a: (a.role, a.position))
        item["actor1"] = [a.actor_id or a.name for a in mine if a.role == 1]
        item["actor2"] = [a.actor_id or a.name for a in mine if a.role == 2]
        doc = docs.get(row.document_id or "")
        item["title"] = doc.title if doc else None
        item["outlet"] = doc.outlet if doc else None
        item["published"] = doc.published if doc else None
        result.append(item)
    return result
