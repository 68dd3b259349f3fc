"""Writing ingested items to the store in batches: one bulk INSERT of documents and one of log rows.

Every item (a document a reader found, an item it could not read, or a file decided without reading)
becomes one `IngestEntry` and one `ingest_log` row. Items are prepared (id, language, checks) as they
come and written `batch_size` at a time: `save_documents` sends the batch's new documents in one
multi-row `INSERT ... ON CONFLICT DO NOTHING RETURNING id`, `log_ingest_many` its log rows in one
more, then the batch is committed. Three statements per batch instead of three ORM round trips per
document is what takes ingest from ~800 to several thousand documents a second.

With `background=True` the batches are written by a thread of their own, in order, while the
caller goes on reading the next files: the database's work (SQLite's inserts and full-text index in
C, or the wait for the PostgreSQL server) then runs beside the reading instead of after it. At most
one batch waits while another is written, so memory stays bounded.

A database error anywhere in a batch rolls it back and stores its items again one per transaction,
so only the offending item fails (with the database's reason); an interruption loses at most the
batches not yet committed (the open one, and with a background writer one waiting and one being
written), which the next run reads again.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

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


DOCUMENT_FIELDS = tuple(field.name for field in fields(Document))
DOCUMENT_VALUES = attrgetter(*DOCUMENT_FIELDS)  # a Document's field values as a tuple, in C


@dataclass
class Prepared:
    """An item waiting in the open batch: its document to store, or its outcome already decided."""

    path: str
    document: Document | None = None
    decided: IngestEntry | None = None

    def __reduce__(self) -> tuple[Callable[..., Prepared], tuple[Any, ...]]:
        """Pickled as plain values (a date as its ordinal): the reader worker sends every document it
        prepares, and pickling the dataclasses themselves cost ten times as much on both sides."""
        values = None
        if self.document is not None:
            values = DOCUMENT_VALUES(self.document)
            published = self.document.published
            if type(published) is dt.date:
                values = values[:5] + (published.toordinal(),) + values[6:]
        decided = self.decided
        entry = (decided.path, decided.status, decided.reason, decided.document_id) if decided else None
        return rebuild_prepared, (self.path, values, entry)


def rebuild_prepared(path: str, values: tuple[Any, ...] | None, entry: tuple[Any, ...] | None) -> Prepared:
    """A `Prepared` from what `Prepared.__reduce__` sent."""
    document = None
    if values is not None:
        if isinstance(values[5], int):
            values = values[:5] + (dt.date.fromordinal(values[5]),) + values[6:]
        document = Document(*values)
    return Prepared(path, document, IngestEntry(*entry) if entry else None)


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

    Entries come out in `done` in the order items went in (after `commit()`, with a background writer).
    With `background=True`, full batches are written by a thread of this writer's own while the caller
    goes on (`commit()` writes the last batch and waits for all); the session is then the thread's
    until `commit()` returns. `close()` stops the thread (after the batch it is writing) on the way out
    of an interrupted ingest.
    """

    def __init__(self, session: Session, run_id: str, batch_size: int | None = None, background: bool = False) -> None:
        self.session = session
        self.run_id = run_id
        self.batch_size = batch_size or DEFAULT_BATCH_SIZE
        self.done: list[IngestEntry] = []
        self.pending: list[Prepared] = []
        self.background = background
        self.thread: threading.Thread | None = None
        self.inbox: queue.Queue[list[Prepared] | None] = queue.Queue(maxsize=1)
        self.idle = threading.Lock()  # held by the thread while it writes a batch
        self.error: BaseException | None = None
        self.stopping = False

    def write(self, item: Item | None, decided: IngestEntry | None = None) -> None:
        """Add an item (or, with `item` None, an entry decided without reading) to the open batch."""
        self.add(prepare(item, decided))

    def add(self, prepared: Prepared) -> None:
        """Add an already prepared item to the open batch."""
        self.pending.append(prepared)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Hand the open batch over: written now, or queued for the background thread."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        if not self.background:
            self.write_batch(batch)
            return
        self.check()
        if self.thread is None:
            self.thread = threading.Thread(target=self.serve, name="mawgun-ingest-writer", daemon=True)
            self.thread.start()
        self.inbox.put(batch)  # waits while one batch is written and another already waits

    def commit(self) -> None:
        """Write and commit the open batch, and wait until every batch handed over is committed."""
        self.flush()
        self.finish()
        self.check()

    def close(self) -> None:
        """Stop the background thread after the batch it is writing; batches still waiting are dropped
        (an interrupted ingest: the next run reads them again)."""
        self.stopping = True
        self.finish()

    def finish(self) -> None:
        if self.thread is not None:
            self.inbox.put(None)
            self.thread.join()
            self.thread = None

    def check(self) -> None:
        """Raise, in the caller's thread, an error that stopped the background thread."""
        if self.error is not None:
            error, self.error = self.error, None
            raise error

    def serve(self) -> None:
        """The background thread: write batches in order until told to stop. After an unexpected error
        it only empties the queue (so the caller never waits on it) and leaves the error for `check`."""
        while (batch := self.inbox.get()) is not None:
            if self.error is None and not self.stopping:
                try:
                    with self.idle:
                        self.write_batch(batch)
                except Exception as exc:  # handed to the caller's thread, raised there by `check`
                    self.error = exc

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No batch is written inside this block (the thread waits after its current one): a reader
        worker is forked here, so that it inherits no lock the thread holds mid-write."""
        with self.idle:
            yield

    def write_batch(self, batch: list[Prepared]) -> None:
        """Write and commit a batch; on a database error, store its items one by one instead."""
        try:
            entries = self.store_batch(batch)
            self.session.commit()
        except Exception:
            self.session.rollback()
            self.replay(batch)
            return
        self.done.extend(entries)

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

    def replay(self, batch: list[Prepared]) -> None:
        """Store the rolled-back batch again, one item per transaction, failing only what is refused."""
        from mawgun.store.repository import log_ingest, save_document

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
