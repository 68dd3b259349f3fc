"""HTML pages (.html, .htm): the main text and metadata through trafilatura.

trafilatura drops navigation, footers and comments and reads title, publication date, site name
(our outlet) and canonical URL from the page's metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mawgun.ingest.dates import parse_date
from mawgun.ingest.decode import decode_bytes
from mawgun.ingest.limits import read_limited
from mawgun.ingest.source import RawDocument, ReadError


def raw_from_html(html: str, location: str, url: str | None = None) -> RawDocument:
    """A RawDocument from an HTML page; ReadError when no main text is found."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    data: dict[str, Any] = {}
    if isinstance(extracted, dict):
        data = extracted
    elif extracted is not None:
        data = extracted.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise ReadError("no main text found in the HTML page")
    published, precision = parse_date(data.get("date"))
    return RawDocument(
        text=text,
        location=location,
        title=data.get("title"),
        outlet=data.get("sitename") or data.get("hostname"),
        url=data.get("url") or url,
        published=published,
        published_precision=precision,
    )


def read_html(path: Path) -> Iterator[RawDocument]:
    """One document from an HTML file."""
    html, _encoding = decode_bytes(read_limited(path))
    yield raw_from_html(html, str(path))
