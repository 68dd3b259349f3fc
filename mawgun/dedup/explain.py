"""Why reports were grouped: a canonical event's reports and the links that joined them, for review."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.store.schema import CanonicalEventRow, DocumentRow, EventRow, EvidenceRow


def explain_canonical(session: Session, canonical_id: str) -> dict[str, Any] | None:
    """The canonical event's derived fields, its reports (outlet, publication, place, toll, first
    evidence quote) and its stored explanation; None when the id is unknown."""
    row = session.get(CanonicalEventRow, canonical_id)
    if row is None:
        return None
    reports = []
    events = session.scalars(select(EventRow).where(EventRow.canonical_id == canonical_id).order_by(EventRow.id))
    for event in events:
        document = session.get(DocumentRow, event.document_id) if event.document_id else None
        quote = session.scalars(
            select(EvidenceRow.quote).where(EvidenceRow.record_id == event.id).order_by(EvidenceRow.id).limit(1)
        ).first()
        reports.append(
            {
                "record_id": event.id,
                "outlet": document.outlet if document else None,
                "published": document.published.isoformat() if document and document.published else None,
                "date": event.date.isoformat() if event.date else None,
                "place": ", ".join(p for p in (event.location, event.admin3, event.admin1) if p),
                "fatalities": event.fatalities,
                "quote": quote or "",
                "why": dict((event.extra or {}).get("provenance_fields") or {}, rule=event.rule or ""),
            }
        )
    return {
        "id": row.id,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "date": row.date.isoformat() if row.date else None,
        "place": ", ".join(p for p in (row.location, row.admin3, row.admin1) if p),
        "fatalities": [row.fatalities_low, row.fatalities_best, row.fatalities_high],
        "n_reports": row.n_reports,
        "n_sources": row.n_sources,
        "reports": reports,
        "links": list((row.explanation or {}).get("links", [])),
    }
