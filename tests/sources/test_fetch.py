"""Fetching is polite and bounded: User-Agent, robots.txt, redirects, retries, timeouts, size limit, 304."""

from __future__ import annotations

import pytest

from mawgun.sources.fetch import USER_AGENT, Fetcher, FetchError
from sources.testsite import Site


def test_every_request_names_mawgun_in_its_user_agent(site: Site) -> None:
    with Fetcher() as fetcher:
        fetcher.get(site.url("/news/paletwa"))
    assert site.requests and all(agent == USER_AGENT for _path, agent in site.requests)
    assert "Mawgun/" in USER_AGENT


def test_robots_txt_is_read_once_per_site_and_obeyed(site: Site) -> None:
    with Fetcher() as fetcher:
        fetcher.get(site.url("/news/paletwa"))
        with pytest.raises(FetchError, match="robots.txt") as caught:
            fetcher.get(site.url("/private/secret"))
    assert caught.value.permanent
    assert [p for p, _ in site.requests].count("/robots.txt") == 1
    assert "/private/secret" not in [p for p, _ in site.requests]


def test_a_robots_txt_that_fails_once_is_retried_with_the_page(site: Site) -> None:
    """A transient robots.txt failure gets the page's retries (it used to fail the page at once)."""
    site.state["robots_failures"] = 1
    with Fetcher() as fetcher:
        assert b"Paletwa" in fetcher.get(site.url("/news/paletwa")).content
    assert [p for p, _ in site.requests].count("/robots.txt") == 2


def test_a_robots_txt_that_keeps_failing_fails_the_page_as_transient(site: Site) -> None:
    site.state["robots_failures"] = 5
    with Fetcher() as fetcher, pytest.raises(FetchError, match="robots.txt answered HTTP 503") as caught:
        fetcher.get(site.url("/news/paletwa"))
    assert not caught.value.permanent
    assert "/news/paletwa" not in [p for p, _ in site.requests]  # never fetched without its robots.txt


def test_a_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    with Fetcher() as fetcher:
        page = fetcher.get(site.url("/old/pazigyi"))
    assert page.status == 200
    assert page.url == site.url("/old/pazigyi")
    assert page.final_url == site.url("/news/redirected")


def test_a_404_fails_at_once_and_is_permanent(site: Site) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="HTTP 404") as caught:
        fetcher.get(site.url("/missing"))
    assert caught.value.permanent
    assert [p for p, _ in site.requests].count("/missing") == 1


def test_a_500_is_retried_with_backoff_then_reported_as_transient(site: Site) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="HTTP 500") as caught:
        fetcher.get(site.url("/broken"))
    assert not caught.value.permanent
    assert [p for p, _ in site.requests].count("/broken") == 2  # MAWGUN_FETCH_RETRIES=1


def test_a_server_that_does_not_answer_in_time_is_a_timeout(site: Site) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url("/timeout"))


def test_a_slow_answer_within_the_timeout_is_read(site: Site) -> None:
    with Fetcher() as fetcher:
        assert b"Operation 1111" in fetcher.get(site.url("/news/slow")).content


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_a_50_mb_answer_is_refused_without_reading_it_all(site: Site, path: str) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="too large") as caught:
        fetcher.get(site.url(path))
    assert caught.value.permanent


def test_validators_of_the_last_fetch_give_a_304_without_a_body(site: Site) -> None:
    with Fetcher() as fetcher:
        first = fetcher.get(site.url("/statement"))
        again = fetcher.get(site.url("/statement"), etag=first.etag)
    assert first.etag == '"statement-1"' and first.content
    assert again.not_modified and again.content == b""


def test_only_http_urls_are_fetched() -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")
