"""`mawgun ingest URL`: a page becomes a document with how it was got; again adds nothing; changed is a new version."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.ingest import ingest_paths
from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentRow, FetchedPageRow
from sources.testsite import Site


def pages(url: str) -> list[FetchedPageRow]:
    with session_scope(url) as session:
        rows = list(session.scalars(select(FetchedPageRow).order_by(FetchedPageRow.fetched_at)))
        session.expunge_all()
    return rows


def test_ingest_url_stores_main_text_metadata_and_how_it_was_fetched(site: Site, store_url: str) -> None:
    result = CliRunner().invoke(app, ["ingest", site.url("/old/pazigyi"), "--db", store_url, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["read"] == 1
    with session_scope(store_url) as session:
        doc = session.scalars(select(DocumentRow)).one()
        assert doc.title == "Airstrike on Pazigyi village"
        assert doc.outlet == "Test Wire"
        assert str(doc.published) == "2023-04-12"
        assert "Kanbalu Township" in doc.text
        assert "newsletter" not in doc.text and "About us" not in doc.text  # navigation and footer dropped
        assert doc.origin == site.url("/old/pazigyi")
    [page] = pages(store_url)
    assert (page.url, page.final_url, page.http_status) == (site.url("/old/pazigyi"), site.url("/news/redirected"), 200)
    assert page.fetched_at is not None and page.previous_id is None


def test_the_same_article_fetched_again_adds_nothing(site: Site, store_url: str) -> None:
    first = ingest_paths([site.url("/news/paletwa")], store_url, progress=False)
    again = ingest_paths([site.url("/news/paletwa")], store_url, progress=False)
    assert (first.read, again.read, again.skipped) == (1, 0, 1)
    assert again.entries[0].reason == "already stored"
    assert len(pages(store_url)) == 1


def test_an_unchanged_page_with_validators_costs_a_304(site: Site, store_url: str) -> None:
    ingest_paths([site.url("/statement")], store_url, progress=False)
    again = ingest_paths([site.url("/statement")], store_url, progress=False)
    assert again.skipped == 1 and "304" in (again.entries[0].reason or "")


def test_an_updated_article_is_a_new_version_linked_to_the_old(site: Site, store_url: str) -> None:
    old = ingest_paths([site.url("/statement")], store_url, progress=False)
    site.state["statement"] = 2
    new = ingest_paths([site.url("/statement")], store_url, progress=False)
    assert old.read == new.read == 1
    assert old.document_ids != new.document_ids
    first, second = pages(store_url)
    assert first.previous_id is None
    assert second.previous_id == old.document_ids[0] and second.document_id == new.document_ids[0]


def test_failures_name_their_reason_and_the_batch_goes_on(site: Site, store_url: str) -> None:
    urls = [site.url(p) for p in ("/missing", "/photo.png", "/huge", "/private/secret", "/news/laukkaing")]
    report = ingest_paths(urls, store_url, progress=False)
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in report.entries}
    assert report.read == 1 and report.failed == 4
    assert reasons["missing"] == "HTTP 404"
    assert "unsupported content type 'image/png'" in (reasons["photo.png"] or "")
    assert "too large" in (reasons["huge"] or "")
    assert "robots.txt" in (reasons["secret"] or "")


def test_a_pdf_answer_is_read_like_a_pdf_file(site: Site, store_url: str) -> None:
    report = ingest_paths([site.url("/report.pdf")], store_url, progress=False)
    assert report.read == 1
    with session_scope(store_url) as session:
        assert "50,000 people" in session.scalars(select(DocumentRow.text)).one()


def test_files_and_urls_go_in_one_run(site: Site, store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "note.txt"
    note.write_text("title: Note\n\nA short note about fighting near Hpakant on 3 March 2024.\n", encoding="utf-8")
    report = ingest_paths([str(note), site.url("/news/kawlin")], store_url, progress=False)
    assert report.read == 2 and len({e.path for e in report.entries}) == 2


def test_pages_are_parsed_under_the_reader_time_limit(
    site: Site, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAWGUN_INGEST_TIMEOUT_S", "0.001")  # no parse finishes in a millisecond
    report = ingest_paths([site.url("/news/paletwa")], store_url, progress=False)
    assert report.failed == 1
    assert "reading took longer" in (report.failures[0].reason or "")
    assert report.failures[0].path == site.url("/news/paletwa")
