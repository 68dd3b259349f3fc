"""`mawgun watch` over a real local site: each new item once, every fault survived with a logged reason."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from mawgun.sources.catalog import SourceSpec, add_source, source_health
from mawgun.sources.watch import run_round
from mawgun.store.db import session_scope
from mawgun.store.schema import DocumentLinkRow, DocumentRow, FetchedPageRow, SourceRow
from sources.testsite import Site

GOOD = ["/news/paletwa", "/news/laukkaing", "/syndicated/paletwa", "/old/pazigyi", "/news/slow",
        "/report.pdf", "/news/sitemap-one", "/news/sitemap-two", "/statement"]  # fmt: skip


def add_site_sources(url: str, site: Site) -> None:
    """The test site's feed, sitemap and page, a feed that always fails and a URL that is no feed."""
    with session_scope(url) as session:
        add_source(session, SourceSpec("wire", "feed", site.url("/feed.xml"), outlet="Test Wire"))
        add_source(session, SourceSpec("maps", "sitemap", site.url("/sitemap.xml")))
        add_source(session, SourceSpec("statement", "page", site.url("/statement"), outlet="Relief Committee"))
        add_source(session, SourceSpec("broken", "feed", site.url("/broken-feed.xml")))
        add_source(session, SourceSpec("nofeed", "feed", site.url("/not-a-feed.xml")))


def stored_origins(url: str) -> list[str]:
    with session_scope(url) as session:
        return sorted(session.scalars(select(DocumentRow.origin)))


def fetches(site: Site, path: str) -> int:
    return [p for p, _ in site.requests].count(path)


Watched = tuple[Site, str, pytest.LogCaptureFixture]


@pytest.fixture
def watched(site: Site, store_url: str, caplog: pytest.LogCaptureFixture) -> Watched:
    caplog.set_level(logging.INFO, logger="mawgun.watch")
    add_site_sources(store_url, site)
    return site, store_url, caplog


def test_one_round_ingests_each_new_item_once(watched: Watched) -> None:
    site, url, _log = watched
    report = run_round(url, process=False)
    assert stored_origins(url) == sorted(site.url(p) for p in GOOD)
    for path in ("/news/paletwa", "/news/laukkaing", "/news/sitemap-one", "/report.pdf"):
        assert fetches(site, path) == 1, path  # listed twice in the feed, fetched once
    assert report.count("read") == len(GOOD)


def test_every_fault_is_survived_with_a_logged_reason(watched: Watched) -> None:
    site, url, log = watched
    run_round(url, process=False)
    text = log.text
    for path, reason in [("/missing", "HTTP 404"), ("/broken", "HTTP 500"), ("/timeout", "timed out"),
                         ("/huge", "too large"), ("/huge-chunked", "too large"), ("/photo.png", "unsupported content"),
                         ("/private/secret", "robots.txt")]:  # fmt: skip
        assert any(site.url(path) in line and reason in line for line in text.splitlines()), path
    assert "source broken FAILED: HTTP 500" in text
    assert "source nofeed FAILED: not an RSS/Atom feed" in text
    assert "round 1: 5 sources polled" in text


def test_a_failing_source_backs_off_and_is_reported_while_the_others_go_on(
    watched: Watched,
) -> None:
    _site, url, _log = watched
    run_round(url, process=False)
    with session_scope(url) as session:
        health = {row["name"]: row for row in source_health(session)}
        broken = session.scalars(select(SourceRow).where(SourceRow.name == "broken")).one()
        wire = session.scalars(select(SourceRow).where(SourceRow.name == "wire")).one()
        assert broken.next_poll_at - broken.last_poll_at > wire.next_poll_at - wire.last_poll_at  # backed off
    assert health["broken"]["state"] == "failing" and "HTTP 500" in health["broken"]["last_error"]
    assert health["wire"]["state"] == "ok" and health["wire"]["last_success_at"]
    assert health["wire"]["items_today"] == 6 and health["maps"]["items_today"] == 2
    assert run_round(url, process=False).results == []  # nothing due before the intervals pass


def test_a_second_round_repeats_nothing_and_retries_only_transient_failures(
    watched: Watched,
) -> None:
    site, url, log = watched
    run_round(url, process=False)
    before = list(site.requests)
    again = run_round(url, 2, force=True, process=False)
    asked = [p for p, _ in site.requests[len(before) :]]
    assert again.count("read") == 0 and len(stored_origins(url)) == len(GOOD)
    assert "/broken" in asked and "/timeout" in asked  # the transient failures, asked again
    assert "/news/paletwa" not in asked and "/missing" not in asked and "/huge" not in asked
    assert "source wire: not modified" not in log.text  # the feed read again: it lists what is retried
    run_round(url, 3, force=True, process=False)  # the last attempt: every item is now settled
    run_round(url, 4, force=True, process=False)
    assert "source wire: not modified" in log.text  # the feed answered 304 to its ETag


def test_an_article_that_failed_for_a_passing_reason_is_fetched_at_the_next_poll_of_an_unchanged_feed(
    watched: Watched,
) -> None:
    """A timeout must not lose the article: the feed's ETag is not saved while an item awaits a retry."""
    site, url, _log = watched
    site.state["slow_s"] = 1.0  # past the 0.5 s fetch timeout (twice: the retry times out too)
    run_round(url, process=False)
    assert site.url("/news/slow") not in stored_origins(url)
    site.state["slow_s"] = 0.0
    again = run_round(url, 2, force=True, process=False)
    assert site.url("/news/slow") in stored_origins(url) and again.count("read") == 1


def test_a_changed_page_becomes_a_new_version_linked_to_the_old(
    watched: Watched,
) -> None:
    site, url, _log = watched
    run_round(url, process=False)
    site.state["statement"] = 2
    report = run_round(url, 2, force=True, process=False)
    assert report.count("read") == 1
    with session_scope(url) as session:
        versions = list(session.scalars(select(FetchedPageRow).where(FetchedPageRow.url == site.url("/statement"))
                                        .order_by(FetchedPageRow.fetched_at)))  # fmt: skip
        assert len(versions) == 2 and versions[1].previous_id == versions[0].document_id
        outlets = set(session.scalars(select(DocumentRow.outlet).where(DocumentRow.origin == site.url("/statement"))))
    assert outlets == {"Relief Committee"}  # the source's outlet, not the page's site name


def test_new_documents_are_extracted_and_syndicated_copies_linked(
    watched: Watched,
) -> None:
    site, url, _log = watched
    report = run_round(url)
    assert report.processed is not None
    with session_scope(url) as session:
        pending = select(func.count()).select_from(DocumentRow).where(DocumentRow.processed_at.is_(None))
        unprocessed = session.scalar(pending)
        link = session.scalars(select(DocumentLinkRow)).one()
        copy = session.get(DocumentRow, link.document_id)
        original = session.get(DocumentRow, link.duplicate_of)
        assert {copy.origin, original.origin} == {site.url("/news/paletwa"), site.url("/syndicated/paletwa")}
    assert unprocessed == 0
