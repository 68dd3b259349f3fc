"""HTML pages (.html, .htm): the main text and metadata through trafilatura.

trafilatura drops navigation, footers and comments and reads title, publication date, site name
(our outlet) and canonical URL from the page's metadata. The page's declared charset
(`<meta charset>`) is honoured; otherwise UTF-8, then Windows-1252.
"""

from __future__ import annotations

import re
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


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """HTML bytes as text: the page's declared charset when it names a known one, else the usual fallbacks."""
    declared = META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to detection
    return decode_bytes(data)[0]


def read_html(path: Path) -> Iterator[RawDocument]:
    """One document from an HTML file."""
    data = read_limited(path)
    decode_bytes(data[:8192])  # refuses empty and binary content with its reason
    yield raw_from_html(decode_html(data), str(path))
