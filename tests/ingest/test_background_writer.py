"""Batches written by a background thread while the next files are read keep every guarantee of the
batches written in turn (issue 18): the same entries in the same order, a refused document failing
alone, an unexpected error raised to the caller (never a hang), nothing written after an interruption
stops the writer, no batch written while a reader worker is forked, and a document another process
stored between the check and the bulk insert reported as skipped on both backends."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths
from mawgun.ingest.batch import BatchWriter
from mawgun.ingest.source import ItemFailure, RawDocument
from mawgun.store import bulk, repository
from mawgun.store.db import session_scope
from mawgun.store.schema import IngestLogRow

from .conftest import stored_documents


def reports(count: int) -> list[RawDocument | ItemFailure]:
    """Short reports written for these tests, one per item."""
    text = "Report {}: troops shelled a village near Kawlin on {} May 2024."
    return [RawDocument(text=text.format(n, n % 28 + 1), location=f"{n}") for n in range(count)]


def items() -> list[RawDocument | ItemFailure]:
    """30 reports with a failed item (7), a repeat of 3 (9) and a text the test database refuses (12)."""
    made = reports(30)
    made[7] = ItemFailure("7", "not valid JSON")
    made[9] = RawDocument(text=made[3].text, location="9")  # type: ignore[union-attr]
    made[12] = RawDocument(text="POISON " + made[12].text, location="12")  # type: ignore[union-attr]
    return made


def refusing_poison(monkeypatch: pytest.MonkeyPatch) -> None:
    """The database refuses any text with POISON (one at a time and in bulk)."""
    single, many = repository.save_document, repository.save_documents

    def one(session, doc):  # type: ignore[no-untyped-def]
        if "POISON" in doc.text:
            raise ValueError("value refused by the database")
        return single(session, doc)

    def bulk_of(session, docs):  # type: ignore[no-untyped-def]
        if any("POISON" in doc.text for doc in docs):
            raise ValueError("a value of the batch refused by the database")
        return many(session, docs)

    monkeypatch.setattr(repository, "save_document", one)
    monkeypatch.setattr(repository, "save_documents", bulk_of)


def written(url: str, background: bool) -> list[tuple[str, str, str | None, str | None]]:
    with session_scope(url) as session:
        writer = BatchWriter(session, "run-test", batch_size=4, background=background)
        for item in items():
            writer.write(item)
        writer.commit()
    return [(e.path, e.status, e.reason, e.document_id) for e in writer.done]


def test_a_background_writer_gives_the_entries_of_a_writer_in_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusing_poison(monkeypatch)
    in_turn = written(f"sqlite:///{tmp_path / 'a.db'}", background=False)
    background = written(f"sqlite:///{tmp_path / 'b.db'}", background=True)
    assert background == in_turn
    statuses = [status for _path, status, _reason, _id in background]
    assert statuses == ["read"] * 7 + ["failed", "read", "skipped", "read", "read", "failed"] + ["read"] * 17
    assert "could not be stored" in (background[12][2] or "")
    assert len(stored_documents(f"sqlite:///{tmp_path / 'b.db'}")) == 27


def test_an_unexpected_error_in_the_writer_thread_reaches_the_caller(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: BatchWriter, batch: list) -> None:  # type: ignore[type-arg]
        raise RuntimeError("the writer broke")

    monkeypatch.setattr(BatchWriter, "write_batch", broken)
    with session_scope(sqlite_url) as session:
        writer = BatchWriter(session, "run-test", batch_size=2, background=True)
        with pytest.raises(RuntimeError, match="the writer broke"):
            for item in items():  # more batches than the queue holds: the caller must not hang
                writer.write(item)
            writer.commit()
        writer.close()
        assert writer.thread is None


def test_after_close_no_waiting_batch_is_written(sqlite_url: str) -> None:
    with session_scope(sqlite_url) as session:
        writer = BatchWriter(session, "run-test", batch_size=5, background=True)
        with writer.paused():  # the thread cannot start a batch while paused
            for item in reports(10):
                writer.write(item)  # two batches: one taken by the thread, one waiting
            closing = threading.Thread(target=writer.close)
            closing.start()
            while not writer.stopping:  # the interruption is under way before the thread may write
                threading.Event().wait(0.01)
        closing.join(timeout=30)
        assert not closing.is_alive() and writer.thread is None
        assert len(writer.done) <= 5  # at most the batch the thread held when the interruption came
    assert len(stored_documents(sqlite_url)) == len([e for e in writer.done if e.status == "read"])


def test_no_batch_is_written_while_paused(sqlite_url: str) -> None:
    with session_scope(sqlite_url) as session:
        writer = BatchWriter(session, "run-test", batch_size=3, background=True)
        with writer.paused():
            for item in reports(3):
                writer.write(item)
            threading.Event().wait(0.3)
            assert writer.done == []
        writer.commit()
        assert [e.status for e in writer.done] == ["read"] * 3


def test_the_reader_pool_forks_inside_the_writers_pause(tmp_path: Path, sqlite_url: str) -> None:
    """A fresh reader worker (here, the first) is started under the ingest's writer pause."""
    from mawgun.ingest import isolate

    entered: list[bool] = []
    original = BatchWriter.paused

    def watched(self: BatchWriter):  # type: ignore[no-untyped-def]
        entered.append(True)
        return original(self)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Fighting near Kawlin in Sagaing Region on 6 May 2024.", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BatchWriter, "paused", watched)
        patch.setattr(isolate.ReaderPool, "__enter__", lambda self: self)  # started on the first file instead
        report = ingest_paths([tmp_path / "in"], sqlite_url, progress=False)
    assert report.read == 1 and entered


def test_a_document_stored_by_another_process_after_the_check_is_skipped(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race of two ingests made certain on both backends: the check finds nothing, but the row is
    there by the time of the bulk insert (SQLite: not returned by ON CONFLICT DO NOTHING; PostgreSQL:
    the COPY fails and the batch is stored one document at a time)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(f"Report {n}: fighting near Hpakant in Kachin State, 2024.", encoding="utf-8")
    first = ingest_paths([folder / "2.txt"], store_url, progress=False)
    monkeypatch.setattr(bulk, "existing_keys", lambda *args: set())
    monkeypatch.setattr(repository, "existing_keys", lambda *args: set())
    report = ingest_paths([folder], store_url, progress=False)
    assert [(e.status, e.reason) for e in report.entries] == [("read", None)] * 2 + [("skipped", "already stored")] + [
        ("read", None)
    ] * 2
    assert report.entries[2].document_id == first.entries[0].document_id
    assert len(stored_documents(store_url)) == 5
    with session_scope(store_url) as session:
        assert session.query(IngestLogRow).filter_by(status="read").count() == 5


def test_entries_keep_the_order_of_the_files_across_many_background_batches(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(450):  # more than two batches of 200
        (folder / f"{n:04}.txt").write_text(f"Report {n}: shelling near Mindat, Chin State.", encoding="utf-8")
    report = ingest_paths([folder], sqlite_url, progress=False)
    assert [Path(e.path).name for e in report.entries] == [f"{n:04}.txt" for n in range(450)]
    assert report.read == 450
    again = ingest_paths([folder], sqlite_url, progress=False)
    assert again.skipped == 450 and [e.document_id for e in again.entries] == [e.document_id for e in report.entries]
