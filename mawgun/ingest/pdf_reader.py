"""PDF files through pypdf: the text layer of every page, pages separated by a blank line.

A file that does not start with `%PDF-` or lacks the closing `%%EOF` marker (an interrupted
download) is refused rather than half-read; so is a PDF without a text layer (a scan needs OCR,
which Mawgun does not do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mawgun.ingest.limits import CONTAINER_FACTOR, max_text_bytes, read_limited
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
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF (a password is needed)")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ReadError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise ReadError("PDF has no text layer (scanned image? OCR it first)")
    yield RawDocument(text=text, location=str(path), title=str(title) if title else None)
