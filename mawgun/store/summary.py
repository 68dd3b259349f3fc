"""Counts that describe a store at a glance (used by `mawgun demo` and dashboards).

Events are counted as canonical events when deduplication has run, else as reports, so the
summary is meaningful at every stage of the pipeline.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mawgun.store.schema import CanonicalEventRow, DocumentRow, EventRow, SanctionRow, StatisticRow


def count_by(session: Session, column: Any, unknown: str = "(unknown)") -> dict[str, int]:
    """Row counts grouped by a column, largest first; NULL becomes `unknown`."""
    stmt = select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
    return {(key if key is not None else unknown): n for key, n in session.execute(stmt)}


def file_format(origin: str | None) -> str:
    """The file type a document came from: the origin's extension ("txt", "pdf", "xml"), "unknown" if none."""
    if not origin:
        return "unknown"
    name = origin.split("#", 1)[0].rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else "unknown"


def count_formats(session: Session) -> dict[str, int]:
    """Documents by the file type they were read from, largest first."""
    counts: dict[str, int] = {}
    for origin in session.scalars(select(DocumentRow.origin)):
        fmt = file_format(origin)
        counts[fmt] = counts.get(fmt, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def place_label(*parts: str | None) -> str:
    """Place names joined from the most to the least precise, each name once."""
    return ", ".join(dict.fromkeys(p for p in parts if p))


def top_canonical_events(session: Session, limit: int = 5) -> list[dict[str, Any]]:
    """The canonical events with the most sources, each with its sources' outlets and titles."""
    stmt = select(CanonicalEventRow).order_by(
        CanonicalEventRow.n_sources.desc(), CanonicalEventRow.n_reports.desc(), CanonicalEventRow.id
    )
    result = []
    for event in session.scalars(stmt.limit(limit)):
        sources = session.execute(
            select(DocumentRow.outlet, DocumentRow.title, DocumentRow.id)
            .join(EventRow, EventRow.document_id == DocumentRow.id)
            .where(EventRow.canonical_id == event.id)
            .distinct()
        ).all()
        result.append(
            {
                "id": event.id,
                "date": event.date,
                "event_type": event.event_type,
                "sub_event_type": event.sub_event_type,
                "place": place_label(event.location, event.admin3, event.admin1),
                "fatalities": event.fatalities_best,
                "n_sources": event.n_sources,
                "sources": [{"outlet": o, "title": t, "doc_id": d} for o, t, d in sources],
            }
        )
    return result


def summarise_store(session: Session) -> dict[str, Any]:
    """Documents by kind and outlet, events by type and state/region, statistics, sanctions, top events."""
    canonical = session.scalar(select(func.count()).select_from(CanonicalEventRow)) or 0
    event_model = CanonicalEventRow if canonical else EventRow
    return {
        "documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
        "documents_by_kind": count_by(session, DocumentRow.kind),
        "documents_by_format": count_formats(session),
        "documents_by_outlet": count_by(session, DocumentRow.outlet),
        "event_reports": session.scalar(select(func.count()).select_from(EventRow)) or 0,
        "canonical_events": canonical,
        "events_counted": "canonical" if canonical else "reports",
        "events_by_type": count_by(session, event_model.event_type),
        "events_by_admin1": count_by(session, event_model.admin1),
        "statistics_by_metric": count_by(session, StatisticRow.metric),
        "sanctions": session.scalar(select(func.count()).select_from(SanctionRow)) or 0,
        "top_events": top_canonical_events(session),
        "latest_published": session.scalar(select(func.max(DocumentRow.published))),
    }
