"""Word documents (.docx) through python-docx: paragraphs, then table cells row by row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mawgun.ingest.limits import CONTAINER_FACTOR, max_text_bytes, read_limited
from mawgun.ingest.source import RawDocument, ReadError


def docx_text(document: object) -> str:
    """Paragraph texts, then each table row's cells joined by tabs, separated by line breaks."""
    parts = [p.text for p in document.paragraphs]  # type: ignore[attr-defined]
    for table in document.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def read_docx(path: Path) -> Iterator[RawDocument]:
    """One document from a .docx file; title from its core properties when set."""
    import io

    import docx

    data = read_limited(path, max_text_bytes() * CONTAINER_FACTOR)
    try:
        document = docx.Document(io.BytesIO(data))
        text = docx_text(document)
        title = document.core_properties.title
    except Exception as exc:  # zipfile, lxml and KeyError for damaged packages
        raise ReadError(f"unreadable DOCX: {type(exc).__name__}: {exc}") from exc
    if not text.strip():
        raise ReadError("DOCX has no text")
    yield RawDocument(text=text, location=str(path), title=title or None)
