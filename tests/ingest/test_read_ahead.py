"""Bulk ingest: files read ahead by the worker and documents written in bulk keep every guarantee of the
one-at-a-time path (issue 18): order of entries, one outcome per file, a hung file failing alone even
with the files queued behind it, repeats within a batch and across runs stored once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths
from mawgun.store.db import session_scope
from mawgun.store.schema import IngestLogRow

from .conftest import stored_documents
from .test_hostile_input import many_attributes_html


def report_text(n: int) -> str:
    return f"Report {n}: residents said troops shelled a village near Kawlin in Sagaing Region on {n % 28 + 1} May."


def test_a_hung_file_among_files_read_ahead_fails_alone_and_the_rest_keep_their_order(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAWGUN_INGEST_TIMEOUT_S", "3")
    files = tmp_path / "in"
    files.mkdir()
    for n in range(45):  # more than the read-ahead window and two message chunks
        (files / f"{n:03}.txt").write_text(report_text(n), encoding="utf-8")
    (files / "010-hostile.html").write_text(many_attributes_html(), encoding="utf-8")
    report = ingest_paths([files], sqlite_url, progress=False)
    names = [Path(entry.path).name for entry in report.entries]
    assert names == sorted(p.name for p in files.iterdir())  # one entry per file, in the walk's order
    by_name = {Path(entry.path).name: entry for entry in report.entries}
    assert by_name["010-hostile.html"].status == "failed"
    assert "longer than 3 s" in (by_name["010-hostile.html"].reason or "")
    assert report.read == 45 and report.failed == 1
    assert len(stored_documents(sqlite_url)) == 45


def test_repeats_in_one_batch_and_across_runs_are_stored_once(tmp_path: Path, store_url: str) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [report_text(n) for n in range(30)] + [report_text(3), "  " + report_text(4) + "\n "]
    path.write_text("\n".join(json.dumps({"text": t}) for t in lines) + "\n", encoding="utf-8")
    first = ingest_paths([path], store_url, progress=False)
    assert [e.status for e in first.entries] == ["read"] * 30 + ["skipped", "skipped"]
    assert first.entries[30].document_id == first.entries[3].document_id
    again = ingest_paths([path], store_url, progress=False)
    assert again.read == 0 and again.skipped == 32
    assert len(stored_documents(store_url)) == 30
    with session_scope(store_url) as session:
        assert session.query(IngestLogRow).count() == 64  # every outcome logged, both runs
