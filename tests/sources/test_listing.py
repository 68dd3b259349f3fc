"""What feeds and sitemaps list: links with version stamps, days in the outlet's time zone, sitemap indexes."""

from __future__ import annotations

import datetime as dt
import gzip
import time

import pytest

from mawgun.ingest.source import ReadError
from mawgun.sources.fetch import Fetched
from mawgun.sources.listing import feed_items, local_day, parse_sitemap, sitemap_items


def answer(url: str, body: bytes) -> Fetched:
    return Fetched(url, url, 200, body, "application/xml", None, None, None, dt.datetime(2024, 1, 1))


def test_a_feed_time_is_dated_by_the_outlets_calendar() -> None:
    evening_utc = time.strptime("2024-01-05 20:00", "%Y-%m-%d %H:%M")
    assert local_day(evening_utc, "Asia/Yangon") == dt.date(2024, 1, 6)  # 02:30 on the 6th in Yangon
    assert local_day(evening_utc, "UTC") == dt.date(2024, 1, 5)


def test_feed_items_carry_link_stamp_and_day() -> None:
    rss = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>"
           b"<item><title>A</title><link>https://example.org/a</link>"
           b"<pubDate>Fri, 05 Jan 2024 20:00:00 GMT</pubDate></item>"
           b"<item><title>No link</title></item></channel></rss>")  # fmt: skip
    [item] = feed_items(answer("https://example.org/feed", rss), "Asia/Yangon")
    assert item.url == "https://example.org/a" and item.published == dt.date(2024, 1, 6)
    assert item.version and "2024" in item.version


def test_a_page_that_is_no_feed_is_refused() -> None:
    with pytest.raises(ReadError, match="not an RSS/Atom feed"):
        feed_items(answer("https://example.org/", b"<html><body><p>Hello</p></body></html>"))


def test_a_sitemap_index_is_followed_to_its_pages_newest_first() -> None:
    index = (b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             b"<sitemap><loc>https://example.org/s1.xml.gz</loc><lastmod>2024-02-01</lastmod></sitemap>"
             b"</sitemapindex>")  # fmt: skip
    urlset = (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
              b"<url><loc>https://example.org/old</loc><lastmod>2023-01-01</lastmod></url>"
              b"<url><loc>https://example.org/new</loc><lastmod>2024-01-31</lastmod></url></urlset>")  # fmt: skip
    child = gzip.compress(urlset)
    items = sitemap_items(answer("https://example.org/index.xml", index), lambda url: answer(url, child))
    assert [i.url for i in items] == ["https://example.org/new", "https://example.org/old"]


def test_xml_that_is_no_sitemap_is_refused() -> None:
    with pytest.raises(ReadError, match="not a sitemap"):
        parse_sitemap(b"<rss><channel/></rss>")
