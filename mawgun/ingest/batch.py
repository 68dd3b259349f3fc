"""Writing ingested items to the store in batches: one bulk INSERT of documents and one of log rows.

Every item (a document a reader found, an item it could not read, or a file decided without reading)
becomes one `IngestEntry` and one `ingest_log` row. Items are prepared (id, language, checks) as they
come and written `batch_size` at a time: `save_documents` sends the batch's new documents in one
multi-row `INSERT ... ON CONFLICT DO NOTHING RETURNING id`, `log_ingest_many` its log rows in one
more, then the batch is committed. Three statements per batch instead of three ORM round trips per
document is what takes ingest from ~800 to several thousand documents a second.

A database error anywhere in a batch rolls it back and stores its items again one per transaction,
so only the offending item fails (with the database's reason); an interruption loses at most the
open batch, which the next run reads again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from mawgun.ingest.limits import check_text
from mawgun.ingest.source import ItemFailure, RawDocument, to_document
from mawgun.model import Document

DEFAULT_BATCH_SIZE = 200


@dataclass
class IngestEntry:
    """The outcome for one file or item: status read | skipped | failed."""

    path: str
    status: str
    reason: str | None = None
    document_id: str | None = None


Item = RawDocument | ItemFailure


@dataclass
class Prepared:
    """An item waiting in the open batch: its document to store, or its outcome already decided."""

    path: str
    document: Document | None = None
    decided: IngestEntry | None = None


def check_document(item: Item) -> Document | IngestEntry:
    """The item's Document, or the failed entry saying why it cannot be stored."""
    if isinstance(item, ItemFailure):
        return IngestEntry(item.location, "failed", item.reason)
    doc = to_document(item)
    if not doc.text:
        return IngestEntry(item.location, "failed", "no text in the document")
    problem = check_text(doc.text)
    if problem:
        return IngestEntry(item.location, "failed", problem)
    return doc


def store_item(session: Session, item: Item) -> IngestEntry:
    """Save one item as a document (or record its failure), not committed; the one-at-a-time path."""
    from mawgun.store.repository import save_document

    checked = check_document(item)
    if isinstance(checked, IngestEntry):
        return checked
    if save_document(session, checked):
        return IngestEntry(item.location, "read", None, checked.doc_id)
    return IngestEntry(item.location, "skipped", "already stored", checked.doc_id)


def storage_failure(path: str, exc: Exception) -> IngestEntry:
    """The failed entry of an item the database (or its preparation) would not take."""
    return IngestEntry(path, "failed", f"could not be stored: {type(exc).__name__}: {exc}")


def prepare(item: Item | None, decided: IngestEntry | None) -> Prepared:
    """An item made ready for the batch: checked and given its id, or its outcome decided."""
    if item is None:
        assert decided is not None, "an entry without an item must be decided"
        return Prepared(decided.path, decided=decided)
    try:
        checked = check_document(item)
    except Exception as exc:  # a preparation bug fails this item only
        return Prepared(item.location, decided=storage_failure(item.location, exc))
    if isinstance(checked, IngestEntry):
        return Prepared(item.location, decided=checked)
    return Prepared(item.location, document=checked)


def prepare_items(items: list[Item]) -> list[Prepared]:
    """A file's items prepared for the batch; run in the reader worker, so it runs beside the writes."""
    return [prepare(item, None) for item in items]


class BatchWriter:
    """Stores items and their ingest_log rows in bulk, committing every `batch_size` items.

    Entries come out in `done` in the order items went in.
    """

    def __init__(self, session: Session, run_id: str, batch_size: int | None = None) -> None:
        self.session = session
        self.run_id = run_id
        self.batch_size = batch_size or DEFAULT_BATCH_SIZE
        self.done: list[IngestEntry] = []
        self.pending: list[Prepared] = []

    def write(self, item: Item | None, decided: IngestEntry | None = None) -> None:
        """Add an item (or, with `item` None, an entry decided without reading) to the open batch."""
        self.add(prepare(item, decided))

    def add(self, prepared: Prepared) -> None:
        """Add an already prepared item to the open batch."""
        self.pending.append(prepared)
        if len(self.pending) >= self.batch_size:
            self.commit()

    def commit(self) -> None:
        """Write and commit the open batch; on a database error, store its items one by one instead."""
        if not self.pending:
            return
        try:
            entries = self.store_batch(self.pending)
            self.session.commit()
        except Exception:
            self.session.rollback()
            self.replay()
            return
        self.done.extend(entries)
        self.pending.clear()

    def store_batch(self, batch: list[Prepared]) -> list[IngestEntry]:
        """The batch's documents and log rows in two bulk statements (not committed); their entries."""
        from mawgun.store.repository import log_ingest_many, save_documents

        stored = save_documents(self.session, [p.document for p in batch if p.document is not None])
        entries = []
        for prepared in batch:
            entries.append(prepared.decided or self.outcome(prepared, stored))
        log_ingest_many(self.session, self.run_id, [(e.path, e.status, e.reason, e.document_id) for e in entries])
        return entries

    @staticmethod
    def outcome(prepared: Prepared, stored: set[str]) -> IngestEntry:
        """read when this batch stored the document (the first item with its id), else skipped."""
        assert prepared.document is not None
        doc_id = prepared.document.doc_id
        if doc_id in stored:
            stored.discard(doc_id)  # a later item with the same text in this batch is a repeat
            return IngestEntry(prepared.path, "read", None, doc_id)
        return IngestEntry(prepared.path, "skipped", "already stored", doc_id)

    def replay(self) -> None:
        """Store the rolled-back batch again, one item per transaction, failing only what is refused."""
        from mawgun.store.repository import log_ingest, save_document

        batch, self.pending = self.pending, []
        for prepared in batch:
            try:
                entry = prepared.decided
                if entry is None:
                    assert prepared.document is not None
                    read = save_document(self.session, prepared.document)
                    status, reason = ("read", None) if read else ("skipped", "already stored")
                    entry = IngestEntry(prepared.path, status, reason, prepared.document.doc_id)
                log_ingest(self.session, self.run_id, entry.path, entry.status, entry.reason, entry.document_id)
                self.session.commit()
                self.done.append(entry)
            except Exception as exc:
                self.session.rollback()
                self.fail(storage_failure(prepared.path, exc))

    def fail(self, entry: IngestEntry) -> None:
        """Record a storage failure, and log it in its own transaction (best effort: the database is unwell)."""
        from mawgun.store.repository import log_ingest

        self.done.append(entry)
        try:
            log_ingest(self.session, self.run_id, entry.path, entry.status, entry.reason)
            self.session.commit()
        except Exception:
            self.session.rollback()
