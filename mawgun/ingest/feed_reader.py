"""RSS and Atom feed files (.xml, .rss, .atom) through feedparser: one document per item.

An item's text is its full content when the feed carries it, else its summary, with HTML
stripped; its title, link and publication date come along, and the feed's own title is the
outlet. A file that is not a feed (no channel, no items) is refused with feedparser's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mawgun.ingest.dates import parse_date
from mawgun.ingest.htmltext import html_to_text
from mawgun.ingest.limits import read_limited
from mawgun.ingest.source import ItemFailure, RawDocument, ReadError


def entry_text(entry: Any) -> str:
    """The richest text an item offers: content, else summary, as plain text."""
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    html = max(values, key=len) if values else entry.get("summary", "") or entry.get("description", "")
    return html_to_text(html)


def entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    """The item's publication (else update) date, at day precision when feedparser parsed it."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), "day"
    return parse_date(entry.get("published") or entry.get("updated"))


def refuse_entities(data: bytes) -> None:
    """ReadError when the feed declares XML entities (billion laughs, external entities).

    Feeds have no use for a DTD's entities; expat expands them (bounded, but still to junk) and
    feedparser's loose fallback stores them unexpanded (`&lol9;`). defusedxml finds the declaration
    while parsing; a feed that is not well-formed XML is left to feedparser's own judgement.
    """
    import defusedxml
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise ReadError(f"feed declares XML entities (a possible entity bomb), refused: {exc}") from exc
    except Exception:  # not well-formed: feedparser reads what it can, or says why not
        return


def read_feed(path: Path) -> Iterator[RawDocument | ItemFailure]:
    """One document per feed item; an item without text is reported as a failure of that item."""
    import feedparser

    data = read_limited(path)
    refuse_entities(data)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise ReadError(f"not an RSS/Atom feed, or a feed without items{detail}")
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        location = f"{path}#item-{number}"
        text = entry_text(entry)
        if not text.strip():
            yield ItemFailure(location, "feed item has no text (no content or summary)")
            continue
        published, precision = entry_date(entry)
        yield RawDocument(
            text=text,
            location=location,
            title=html_to_text(entry.get("title", "")) or None,
            outlet=outlet,
            url=entry.get("link"),
            published=published,
            published_precision=precision,
        )
