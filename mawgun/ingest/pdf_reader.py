"""PDF files through pypdf: the text layer of every page, pages separated by a blank line.

A file that does not start with `%PDF-` or lacks the closing `%%EOF` marker (an interrupted
download) is refused rather than half-read; so is a PDF without a text layer (a scan needs OCR,
which Mawgun does not do). The document information gives the title, the outlet (its author:
reports and briefs are authored by organisations) and the publication date (its creation date),
unless a dateline or byline under the headline says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mawgun.ingest.dates import byline_date
from mawgun.ingest.limits import CONTAINER_FACTOR, max_text_bytes, read_limited
from mawgun.ingest.outlets import byline_outlet
from mawgun.ingest.source import RawDocument, ReadError


def check_pdf_bytes(data: bytes) -> None:
    """ReadError unless the bytes look like a complete PDF file."""
    if not data.lstrip()[:1024].startswith(b"%PDF-"):
        raise ReadError("not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError("truncated PDF (no %%EOF end marker; incomplete download?)")


def read_pdf(path: Path) -> Iterator[RawDocument]:
    """One document from a PDF's text layer; title from the document information when present."""
    import io
    import logging

    from pypdf import PdfReader

    data = read_limited(path, max_text_bytes() * CONTAINER_FACTOR)
    check_pdf_bytes(data)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged files log errors; the reason says enough
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF (a password is needed)")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = document_info(reader)
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ReadError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise ReadError("PDF has no text layer (scanned image? OCR it first)")
    byline_day = byline_date(text)
    yield RawDocument(
        text=text,
        location=str(path),
        title=info["title"],
        outlet=info["author"] or byline_outlet(text),
        published=byline_day or info["created"],
        published_precision="day" if byline_day or info["created"] else None,
    )


def document_info(reader: Any) -> dict[str, Any]:
    """Title, author and creation date from the PDF's document information (None where absent or unreadable)."""
    info: dict[str, Any] = {"title": None, "author": None, "created": None}
    metadata = reader.metadata
    if metadata is None:
        return info
    info["title"] = str(metadata.title).strip() or None if metadata.title else None
    info["author"] = str(metadata.author).strip() or None if metadata.author else None
    try:
        created = metadata.creation_date
    except Exception:  # a malformed date string in the file must not cost the document
        created = None
    info["created"] = created.date() if created else None
    return info
