"""Evidence behind canonical events: their reports, the documents and the quoted spans.

Every answer analytics gives about a place or a claim carries this evidence, so that a reader can
open the sentence a count rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.store.schema import DocumentRow, EventRow, EvidenceRow

CHUNK = 2000  # ids per IN (...) list, well under SQLite's limit on bound parameters


def chunks(ids: list[str]) -> list[list[str]]:
    """Ids in slices of CHUNK."""
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def quotes_for(session: Session, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Event report id -> its evidence spans (document, start, end, quote)."""
    found: dict[str, list[dict[str, Any]]] = {}
    rows: list[EvidenceRow] = []
    for part in chunks(event_ids):
        stmt = select(EvidenceRow).where(EvidenceRow.record_kind == "event", EvidenceRow.record_id.in_(part))
        rows.extend(session.scalars(stmt))
    for row in sorted(rows, key=lambda r: (r.record_id, r.start)):
        found.setdefault(row.record_id, []).append(
            {"document_id": row.document_id, "start": row.start, "end": row.end, "quote": row.quote}
        )
    return found


def evidence_for(session: Session, canonical_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Canonical event id -> its reports: event id, origin (and origin id), document, outlet, quotes."""
    ids = sorted(set(canonical_ids))
    result: dict[str, list[dict[str, Any]]] = {cid: [] for cid in ids}
    if not ids:
        return result
    rows: list[Any] = []
    for part in chunks(ids):
        stmt = (
            select(EventRow, DocumentRow.outlet, DocumentRow.url, DocumentRow.title)
            .outerjoin(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(EventRow.canonical_id.in_(part))
        )
        rows.extend(session.execute(stmt).all())
    rows.sort(key=lambda row: (row[0].canonical_id, row[0].id))
    quotes = quotes_for(session, [row[0].id for row in rows])
    for event, outlet, url, title in rows:
        result[event.canonical_id].append(
            {
                "event_id": event.id,
                "origin": event.origin,
                "origin_id": event.origin_id,
                "document_id": event.document_id,
                "outlet": outlet,
                "url": url,
                "title": title,
                "quotes": [q["quote"] for q in quotes.get(event.id, []) if q["quote"]],
                "spans": quotes.get(event.id, []),
            }
        )
    return result
