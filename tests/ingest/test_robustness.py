"""Bad input is reported with a reason and never stops the batch or loses other documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths
from mawgun.store.db import session_scope
from mawgun.store.schema import IngestLogRow

from .conftest import stored_documents

GOOD = "Junta troops shelled villages around Mindat in Chin State in May 2021, residents reported."


def docs_folder(tmp_path: Path) -> Path:
    """A folder for input files, apart from the test database that lives in tmp_path."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


OTHER = "The National Unity Government announced the People's Defence Force on 5 May 2021."


def test_ingesting_the_same_content_again_adds_nothing(tmp_path: Path, sqlite_url: str) -> None:
    tmp_path = docs_folder(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "rewrapped.txt").write_text(GOOD.replace(" in ", "\n in "), encoding="utf-8")
    first = ingest_paths([tmp_path], sqlite_url, progress=False)
    second = ingest_paths([tmp_path], sqlite_url, progress=False)
    assert (first.read, first.skipped) == (1, 1)
    assert (second.read, second.skipped) == (0, 2)
    assert {e.reason for e in second.entries} == {"already stored"}
    assert len(stored_documents(sqlite_url)) == 1
    assert second.document_ids == first.document_ids


def test_bad_files_fail_with_reasons_and_the_rest_goes_in(tmp_path: Path, sqlite_url: str) -> None:
    tmp_path = docs_folder(tmp_path)
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, OTHER)
    full = bytes(pdf.output())
    (tmp_path / "01-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "02-binary.txt").write_bytes(os.urandom(4096) + b"\x00" * 16)
    (tmp_path / "03-truncated.pdf").write_bytes(full[: len(full) // 2])
    (tmp_path / "04-empty.txt").write_bytes(b"")
    (tmp_path / "05-notapdf.pdf").write_text("just words", encoding="utf-8")
    (tmp_path / "06-broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "07-notafeed.xml").write_text("<config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "08-other.pdf").write_bytes(full)
    report = ingest_paths([tmp_path], sqlite_url, progress=False)
    reasons = {Path(e.path).name: e.reason for e in report.failures}
    assert set(reasons) == {
        "02-binary.txt",
        "03-truncated.pdf",
        "04-empty.txt",
        "05-notapdf.pdf",
        "06-broken.docx",
        "07-notafeed.xml",
    }
    assert "binary" in reasons["02-binary.txt"]
    assert "truncated" in reasons["03-truncated.pdf"]
    assert "empty" in reasons["04-empty.txt"]
    assert "DOCX" in reasons["06-broken.docx"]
    assert "feed" in reasons["07-notafeed.xml"]
    assert report.read == 2
    assert {" ".join(d.text.split()) for d in stored_documents(sqlite_url)} == {GOOD, OTHER}
    with session_scope(sqlite_url) as session:
        logged = {(Path(r.path).name, r.status) for r in session.query(IngestLogRow)}
    assert ("03-truncated.pdf", "failed") in logged and ("01-good.txt", "read") in logged


def test_latin1_text_is_decoded_not_lost(tmp_path: Path, sqlite_url: str) -> None:
    tmp_path = docs_folder(tmp_path)
    text = "Caf\u00e9 owners in Mandalay said the junta\u2019s curfew \u00ab ruined \u00bb trade in 2021."
    (tmp_path / "latin.txt").write_bytes(text.replace("\u2019", "'").encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    report = ingest_paths([tmp_path], sqlite_url, progress=False)
    assert report.failed == 0
    texts = {d.text for d in stored_documents(sqlite_url)}
    assert text in texts and text.replace("\u2019", "'") in texts


def test_a_50_mb_text_file_is_refused_with_a_reason_and_others_are_kept(tmp_path: Path, sqlite_url: str) -> None:
    tmp_path = docs_folder(tmp_path)
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        line = "Fighting was reported again in several townships of Sagaing Region today.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    report = ingest_paths([tmp_path], sqlite_url, progress=False)
    [failure] = report.failures
    assert (
        failure.path == str(big) and "too large" in (failure.reason or "") and "MAWGUN_INGEST_MAX_MB" in failure.reason
    )
    assert [d.text for d in stored_documents(sqlite_url)] == [GOOD]


def test_the_size_limit_can_be_raised(tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(GOOD * 400, encoding="utf-8")  # about 36 kB
    monkeypatch.setenv("MAWGUN_INGEST_MAX_MB", "0.01")
    assert ingest_paths([path], sqlite_url, progress=False).failed == 1
    monkeypatch.setenv("MAWGUN_INGEST_MAX_MB", "1")
    assert ingest_paths([path], sqlite_url, progress=False).read == 1


def test_missing_paths_and_unsupported_files_named_explicitly_fail(tmp_path: Path, sqlite_url: str) -> None:
    image = tmp_path / "map.png"
    image.write_bytes(b"\x89PNG\r\n")
    report = ingest_paths([tmp_path / "absent.txt", image], sqlite_url, progress=False)
    assert [e.reason.split(" (")[0] for e in report.failures] == [
        "no such file or folder",
        "unsupported file type '.png'",
    ]


def test_ingestion_works_on_every_backend(tmp_path: Path, store_url: str) -> None:
    tmp_path = docs_folder(tmp_path)
    (tmp_path / "a.txt").write_text("title: Mindat\noutlet: Test Wire\ndate: 2021-05-15\n\n" + GOOD, encoding="utf-8")
    assert ingest_paths([tmp_path], store_url, progress=False).read == 1
    assert ingest_paths([tmp_path], store_url, progress=False).skipped == 1
    [doc] = stored_documents(store_url)
    assert doc.title == "Mindat"


def test_accented_western_text_and_utf16_with_bom_decode_exactly() -> None:
    from mawgun.ingest.decode import decode_bytes

    text = "Déjà vu in Mandalay: señor, façade, coöperate and Zürich."
    assert decode_bytes(text.encode("latin-1")) == (text, "cp1252")
    assert decode_bytes(text.encode("utf-16"))[0] == text
    assert decode_bytes("\ufeff".encode("utf-8") + text.encode("utf-8"))[0] == text


def test_a_document_the_database_refuses_fails_alone_and_its_batch_is_kept(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from mawgun.ingest import runner
    from mawgun.store import repository

    original, original_bulk = repository.save_document, repository.save_documents

    def refuse_poison(session, doc):  # type: ignore[no-untyped-def]
        if "POISON" in doc.text:
            raise ValueError("value refused by the database")
        return original(session, doc)

    def refuse_poison_in_bulk(session, docs):  # type: ignore[no-untyped-def]
        if any("POISON" in doc.text for doc in docs):
            raise ValueError("a value of the batch refused by the database")
        return original_bulk(session, docs)

    monkeypatch.setattr(repository, "save_document", refuse_poison)
    monkeypatch.setattr(repository, "save_documents", refuse_poison_in_bulk)
    monkeypatch.setattr(runner, "BATCH_SIZE", 3)
    path = docs_folder(tmp_path) / "wire.jsonl"
    texts = [f"Report {n}: {GOOD}" for n in range(7)]
    texts[4] = "POISON " + texts[4]
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    report = ingest_paths([path], sqlite_url, progress=False)
    assert [e.status for e in report.entries] == ["read"] * 4 + ["failed"] + ["read"] * 2
    assert "could not be stored" in (report.entries[4].reason or "")
    assert len(stored_documents(sqlite_url)) == 6
    with session_scope(sqlite_url) as session:
        statuses = [r.status for r in session.query(IngestLogRow).order_by(IngestLogRow.id)]
    assert sorted(statuses) == ["failed"] + ["read"] * 6  # the refusal is logged too
