"""`extract_store` extracts the store's unprocessed documents once, saves records with their evidence, and
re-extracts everything only when asked (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mawgun.extract import EXTRACTOR_VERSION, extract_store
from mawgun.model import Document
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentRow, EventRow, SanctionRow, StatisticRow

TEXT = (
    "Junta troops shelled Nyaung Kone village in Magway Region's Gangaw Township on 2 May 2024, killing three "
    "villagers, residents said. Separately, Australia sanctioned Shwe Byain Phyu Group on 3 May 2024."
)


def add_document(url: str) -> None:
    with session_scope(url) as session:
        repository.save_document(session, Document(doc_id="doc-a", text=TEXT, published=dt.date(2024, 5, 4)))


def counts(url: str) -> tuple[int, int, int]:
    with session_scope(url) as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in (EventRow, StatisticRow, SanctionRow))


def test_unprocessed_documents_are_extracted_and_marked(store_url: str) -> None:
    add_document(store_url)
    summary = extract_store(store_url, progress=False)
    assert summary["documents"] == 1 and summary["events"] == 1 and summary["sanctions"] == 1
    with session_scope(store_url) as session:
        row = session.get(DocumentRow, "doc-a")
        assert row.processed_at is not None and row.extractor_version == EXTRACTOR_VERSION
        events = repository.load_event_records(session)
    assert events[0].fatalities == 3
    assert TEXT[events[0].evidence[0].start : events[0].evidence[0].end] == events[0].evidence[0].text


def test_a_second_run_does_nothing_and_reprocess_gives_the_same_rows(store_url: str) -> None:
    add_document(store_url)
    extract_store(store_url, progress=False)
    before = counts(store_url)
    assert extract_store(store_url, progress=False)["documents"] == 0
    assert extract_store(store_url, reprocess=True, progress=False)["documents"] == 1
    assert counts(store_url) == before


def test_a_document_that_fails_stays_unprocessed_and_the_others_are_saved(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mawgun.extract import api

    add_document(store_url)
    with session_scope(store_url) as session:
        repository.save_document(session, Document(doc_id="doc-b", text="Broken.", published=dt.date(2024, 5, 4)))
    real = api.extract_document

    def flaky(doc: Document, component: str = "rules"):
        if doc.doc_id == "doc-b":
            raise RuntimeError("boom")
        return real(doc, component)

    monkeypatch.setattr(api, "extract_document", flaky)
    summary = extract_store(store_url, progress=False)
    assert summary["failed"] == {"doc-b": "RuntimeError: boom"}
    with session_scope(store_url) as session:
        assert session.get(DocumentRow, "doc-b").processed_at is None
        assert session.get(DocumentRow, "doc-a").processed_at is not None


def test_two_jobs_save_the_records_of_one_job(store_url: str) -> None:
    from pathlib import Path

    import yaml

    fixtures = Path(__file__).parent / "fixtures" / "articles.yaml"
    with session_scope(store_url) as session:
        for article in yaml.safe_load(fixtures.read_text(encoding="utf-8")):
            published = dt.date.fromisoformat(str(article["published"])[:10])
            repository.save_document(session, Document(doc_id=article["id"], text=article["text"], published=published))

    def saved() -> list[dict]:
        with session_scope(store_url) as session:
            return sorted((r.to_json() for r in repository.load_event_records(session)), key=lambda r: r["record_id"])

    two = extract_store(store_url, progress=False, jobs=2)
    by_two = saved()
    one = extract_store(store_url, reprocess=True, progress=False, jobs=1)
    assert one == two and saved() == by_two and len(by_two) > 10
