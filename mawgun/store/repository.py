"""Reading and writing the store: the functions every stage codes against.

Documents go in once (their id derives from content, so storing one twice is a no-op); extraction
results replace a document's previous records as a whole, so re-extracting is idempotent. Events
are listed and counted by the query layer (`mawgun.query`).
Full-text search uses FTS5 on SQLite and a tsvector expression (GIN-indexed) on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, Table, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mawgun.ids import hash_text
from mawgun.model import Document, EventRecord, Record, StatisticRecord
from mawgun.store.bulk import copy_rows, existing_keys, insert_rows
from mawgun.store.convert import (
    DateLike,
    actor_rows,
    chunked,
    clip,
    event_row,
    evidence_rows,
    record_from_row,
    sanction_row,
    statistic_row,
    to_date,
)
from mawgun.store.schema import (
    DocumentRow,
    EventActorRow,
    EventRow,
    EvidenceRow,
    IngestLogRow,
    SanctionRow,
    StatisticRow,
    utcnow,
)

__all__ = [
    "get_document",
    "list_documents",
    "load_event_records",
    "log_ingest",
    "log_ingest_many",
    "save_document",
    "save_documents",
    "save_records",
    "unprocessed_documents",
]


DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]  # a Table, typed as FromClause
INGEST_LOG: Table = IngestLogRow.__table__  # type: ignore[assignment]
BURMESE_CHAR = re.compile("[\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]")

# --- documents -------------------------------------------------------------------------------


def content_hash_of(text_value: str) -> str:
    """SHA-256 of the whitespace-normalised text (the same normalisation as `document_id`)."""
    return hash_text(" ".join(text_value.split()))


DOCUMENT_COLUMNS = (
    "id", "content_hash", "outlet", "url", "title", "published", "published_precision", "language", "kind",
    "text", "origin", "source_encoding", "original_text", "ingested_at",
)  # fmt: skip


def document_values(doc: Document, now: dt.datetime | None = None) -> dict[str, Any]:
    """The `documents` row of a Document (text fields clipped to their columns), stored at `now`."""
    return dict(zip(DOCUMENT_COLUMNS, document_row(doc, now or utcnow()), strict=True))


def document_row(doc: Document, now: dt.datetime) -> tuple[Any, ...]:
    """The `documents` row of a Document as values in `DOCUMENT_COLUMNS` order."""
    return (
        doc.doc_id,
        doc.content_hash or content_hash_of(doc.text),
        clip(doc.outlet, 200),
        doc.url,
        doc.title,
        doc.published,
        clip(doc.published_precision, 10),
        clip(doc.language, 10),
        clip(doc.kind, 20),
        doc.text,
        doc.origin,
        clip(doc.source_encoding, 10),
        doc.original_text,
        now,
    )


def insert_ignoring_stored(session: Session) -> Any:
    """`INSERT ... ON CONFLICT (id) DO NOTHING` into documents, in the session's dialect."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(DOCUMENTS).on_conflict_do_nothing(index_elements=["id"])


def save_document(session: Session, doc: Document) -> bool:
    """Store a document; False (and nothing written) when a document with the same id is already stored.

    One `INSERT ... ON CONFLICT DO NOTHING` (SQLite and PostgreSQL): two processes ingesting the same
    file at once both succeed, one storing it and the other finding it stored, with no IntegrityError.
    """
    if session.get(DocumentRow, doc.doc_id) is not None:
        return False
    result = session.execute(insert_ignoring_stored(session).values(**document_values(doc)))
    return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an INSERT


def save_documents(session: Session, docs: Sequence[Document]) -> set[str]:
    """Store many documents at once; returns the ids this call stored (the others were stored already).

    Ingest's bulk path: one `SELECT id ... IN (...)` per 500 ids (so already stored texts are not sent
    again), then the new rows in bulk (`mawgun.store.bulk`) instead of three ORM statements per
    document: on SQLite one multi-row `INSERT ... ON CONFLICT (id) DO NOTHING RETURNING id` per 500
    rows, so a row another process stored since the check is not returned and counts as already
    stored; on PostgreSQL one `COPY`, which such a row makes fail as a whole (a unique violation),
    and the caller (`mawgun.ingest.batch`) then stores the batch one document at a time, where it is
    found stored. Idempotent either way. An id repeated within `docs` is stored once (the first wins).
    """
    fresh: dict[str, Document] = {}
    for doc in docs:
        fresh.setdefault(doc.doc_id, doc)
    if not fresh:
        return set()
    stored = existing_keys(session, DOCUMENTS, "id", list(fresh))
    now = utcnow()
    rows = [document_row(doc, now) for doc_id, doc in fresh.items() if doc_id not in stored]
    if is_postgresql(session):
        copy_rows(session, DOCUMENTS, DOCUMENT_COLUMNS, rows)  # all or nothing: every row sent is stored
        return {row[0] for row in rows}
    return set(insert_rows(session, DOCUMENTS, DOCUMENT_COLUMNS, rows, ignore_conflict_on="id", returning="id"))


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def document_from_row(row: DocumentRow) -> Document:
    """The dataclass view of a stored document."""
    return Document(
        doc_id=row.id,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        published_precision=row.published_precision,
        language=row.language,
        kind=row.kind,
        origin=row.origin,
        content_hash=row.content_hash,
        source_encoding=row.source_encoding,
        original_text=row.original_text,
    )


def get_document(session: Session, doc_id: str) -> Document | None:
    """One stored document by id, or None."""
    row = session.get(DocumentRow, doc_id)
    return document_from_row(row) if row is not None else None


def filter_fulltext(stmt: Select[Any], session: Session, query: str) -> Select[Any]:
    """Restrict a documents query to those matching `query`, searched as every face searches
    (`mawgun.query.documents.search_condition`: stemmed, spellings folded, Burmese place names too)."""
    from mawgun.query.documents import search_condition

    return stmt.where(search_condition(session, query))


def list_documents(
    session: Session,
    *,
    since: DateLike = None,
    until: DateLike = None,
    outlet: str | None = None,
    kind: str | None = None,
    query: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[Document]:
    """Stored documents, newest publication first, filtered by date, outlet, kind and full text."""
    stmt = select(DocumentRow)
    if since is not None:
        stmt = stmt.where(DocumentRow.published >= to_date(since))
    if until is not None:
        stmt = stmt.where(DocumentRow.published <= to_date(until))
    if outlet:
        stmt = stmt.where(func.lower(DocumentRow.outlet) == outlet.lower())
    if kind:
        stmt = stmt.where(func.lower(DocumentRow.kind) == kind.lower())
    if query and query.strip():
        stmt = filter_fulltext(stmt, session, query)
    stmt = stmt.order_by(DocumentRow.published.desc().nulls_last(), DocumentRow.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [document_from_row(row) for row in session.scalars(stmt)]


def unprocessed_documents(session: Session, limit: int | None = None) -> list[Document]:
    """Documents not yet extracted (processed_at unset), oldest ingested first."""
    stmt = select(DocumentRow).where(DocumentRow.processed_at.is_(None))
    stmt = stmt.order_by(DocumentRow.ingested_at, DocumentRow.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [document_from_row(row) for row in session.scalars(stmt)]


# --- extraction results ----------------------------------------------------------------------


def delete_document_records(session: Session, doc_id: str) -> None:
    """Remove a document's extracted events (with actors), statistics, sanctions and evidence."""
    event_ids = select(EventRow.id).where(EventRow.document_id == doc_id, EventRow.origin == "mawgun")
    session.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(event_ids)))
    session.execute(delete(EvidenceRow).where(EvidenceRow.document_id == doc_id))
    session.execute(delete(EventRow).where(EventRow.document_id == doc_id, EventRow.origin == "mawgun"))
    session.execute(delete(StatisticRow).where(StatisticRow.document_id == doc_id))
    session.execute(delete(SanctionRow).where(SanctionRow.document_id == doc_id))


def save_records(session: Session, doc_id: str, records: Sequence[Record], extractor_version: str) -> None:
    """Replace a document's extracted records with `records` and mark the document processed.

    Idempotent: saving the same records again leaves the same rows, including the canonical event
    an event report was clustered into (kept when the new record carries none), so re-extraction does
    not undo deduplication. A record id repeated within `records` is stored once (the first wins).
    Raises KeyError when the document is not stored.
    """
    document = session.get(DocumentRow, doc_id)
    if document is None:
        raise KeyError(f"document {doc_id} is not stored")
    clustered: dict[str, str | None] = {
        event_id: canonical_id
        for event_id, canonical_id in session.execute(
            select(EventRow.id, EventRow.canonical_id).where(
                EventRow.document_id == doc_id, EventRow.canonical_id.is_not(None)
            )
        )
    }
    delete_document_records(session, doc_id)
    session.flush()
    seen: set[str] = set()
    for record in records:
        if record.record_id in seen:
            continue
        seen.add(record.record_id)
        if isinstance(record, EventRecord):
            row = event_row(record, doc_id)
            row.canonical_id = row.canonical_id or clustered.get(record.record_id)
            session.add(row)
            session.flush()
            session.add_all(actor_rows(record))
        elif isinstance(record, StatisticRecord):
            session.add(statistic_row(record, doc_id))
        else:
            session.add(sanction_row(record, doc_id))
        session.add_all(evidence_rows(record.kind, record.record_id, doc_id, record.evidence))
    document.processed_at = utcnow()
    document.extractor_version = clip(extractor_version, 40)
    session.flush()


def load_event_records(
    session: Session, *, doc_ids: Sequence[str] | None = None, origin: str | None = "mawgun"
) -> list[EventRecord]:
    """Stored event reports as EventRecords (for deduplication and exports); origin None = all origins."""
    stmt = select(EventRow)
    if origin is not None:
        stmt = stmt.where(EventRow.origin == origin)
    if doc_ids is not None:
        stmt = stmt.where(EventRow.document_id.in_(list(doc_ids)))
    rows = list(session.scalars(stmt.order_by(EventRow.document_id, EventRow.date, EventRow.id)))
    if not rows:
        return []
    ids = [r.id for r in rows]
    actors: dict[str, list[EventActorRow]] = {}
    spans: dict[str, list[EvidenceRow]] = {}
    for chunk in chunked(ids, 500):
        for actor in session.scalars(select(EventActorRow).where(EventActorRow.event_id.in_(chunk))):
            actors.setdefault(actor.event_id, []).append(actor)
        evidence = select(EvidenceRow).where(EvidenceRow.record_kind == "event", EvidenceRow.record_id.in_(chunk))
        for span in session.scalars(evidence):
            spans.setdefault(span.record_id, []).append(span)
    return [record_from_row(r, actors.get(r.id, []), spans.get(r.id, [])) for r in rows]


# --- ingest log ------------------------------------------------------------------------------


def log_ingest(
    session: Session,
    run_id: str,
    path: str,
    status: str,
    reason: str | None = None,
    document_id: str | None = None,
) -> None:
    """Record one file's (or feed item's) outcome: status read | skipped | failed, with the reason."""
    session.add(IngestLogRow(run_id=run_id[:40], path=path, status=status[:10], reason=reason, document_id=document_id))
    session.flush()


INGEST_LOG_COLUMNS = ("run_id", "path", "status", "reason", "document_id", "at")


def log_ingest_many(session: Session, run_id: str, entries: Sequence[tuple[str, str, str | None, str | None]]) -> None:
    """Record many outcomes `(path, status, reason, document_id)` in one multi-row INSERT (bulk ingest)."""
    now, run = utcnow(), run_id[:40]
    rows = [(run, path, status[:10], reason, document_id, now) for path, status, reason, document_id in entries]
    (copy_rows if is_postgresql(session) else insert_rows)(session, INGEST_LOG, INGEST_LOG_COLUMNS, rows)
