"""What a feed or a sitemap lists: the article URLs to fetch, each with a version stamp.

A feed item gives its link, its updated (else published) stamp and its publication day, read in
the source's time zone (a Yangon evening post is dated by Yangon's calendar, not UTC's). A sitemap
gives `<loc>` and `<lastmod>`; a sitemap index is followed one level down. A changed stamp means
the article changed, so the watcher fetches it again (conditionally).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import time
import warnings
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mawgun.ingest.source import ReadError
from mawgun.sources.fetch import Fetched

MAX_CHILD_SITEMAPS = 5


@dataclass(frozen=True)
class ListedItem:
    """One article a source lists."""

    url: str
    version: str | None = None
    published: dt.date | None = None


def local_day(parsed: time.struct_time | None, timezone: str | None) -> dt.date | None:
    """The calendar day of a feed's UTC timestamp in the source's time zone (UTC when none)."""
    if not parsed:
        return None
    moment = dt.datetime(*parsed[:6], tzinfo=dt.UTC)
    if timezone:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(zoneinfo.ZoneInfo(timezone))
    return moment.date()


def feed_items(fetched: Fetched, timezone: str | None = None) -> list[ListedItem]:
    """The items of an RSS/Atom feed that carry a link; ReadError when the answer is not a feed."""
    import feedparser

    parsed = feedparser.parse(fetched.content)
    if not parsed.entries and not parsed.get("version"):  # feedparser names no version for a non-feed
        problem = parsed.get("bozo_exception")
        raise ReadError(f"not an RSS/Atom feed{': ' + str(problem) if problem else ''}")
    return [item for item in (listed_item(entry, timezone) for entry in parsed.entries) if item is not None]


def listed_item(entry: Any, timezone: str | None) -> ListedItem | None:
    """A feed entry's link, version stamp (updated, else published) and local publication day."""
    link = entry.get("link")
    if not link:
        return None
    with warnings.catch_warnings():  # feedparser warns when `updated` falls back to `published`
        warnings.simplefilter("ignore", DeprecationWarning)
        stamp = entry.get("updated") or entry.get("published")
        day = local_day(entry.get("published_parsed") or entry.get("updated_parsed"), timezone)
    return ListedItem(link.strip(), (stamp or "")[:200] or None, day)


def local_name(element: Any) -> str:
    """An XML element's tag without its namespace."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def parse_sitemap(content: bytes) -> tuple[list[ListedItem], list[ListedItem]]:
    """(pages, child sitemaps) of a sitemap or sitemap index; ReadError when it is neither."""
    from lxml import etree

    if content[:2] == b"\x1f\x8b":
        content = gzip.decompress(content)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"not a sitemap: {exc}") from exc
    if local_name(root) not in ("urlset", "sitemapindex"):
        raise ReadError(f"not a sitemap (root element <{local_name(root)}>)")
    found: dict[str, list[ListedItem]] = {"url": [], "sitemap": []}
    for node in root:
        kind = local_name(node)
        if kind not in found:
            continue
        fields = {local_name(child): (child.text or "").strip() for child in node}
        if fields.get("loc"):
            found[kind].append(ListedItem(fields["loc"], fields.get("lastmod") or None))
    return newest_first(found["url"]), newest_first(found["sitemap"])


def newest_first(items: list[ListedItem]) -> list[ListedItem]:
    """Items by lastmod, newest first; undated ones after, in their listed order."""
    dated = sorted((i for i in items if i.version), key=lambda i: i.version or "", reverse=True)
    return dated + [i for i in items if not i.version]


def sitemap_items(fetched: Fetched, fetch: Callable[[str], Fetched]) -> list[ListedItem]:
    """The pages of a sitemap; for a sitemap index, those of its newest child sitemaps."""
    pages, children = parse_sitemap(fetched.content)
    for child in children[:MAX_CHILD_SITEMAPS]:
        pages.extend(parse_sitemap(fetch(child.url).content)[0])
    return newest_first(pages)
