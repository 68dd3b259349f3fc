"""Word documents (.docx) through python-docx: paragraphs, then table cells row by row."""

from __future__ import annotations

import datetime as dt
import re
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


TEMPLATE_ROOM = 4 * 1024 * 1024  # styles, numbering and theme parts of a Word template, besides the text


def check_unpacked_size(data: bytes) -> None:
    """ReadError when the package would unpack to more than the limits (a decompression bomb).

    The sizes come from the zip's directory, before anything is unpacked; zipfile never unpacks an
    entry past its declared size (a lie there fails its CRC check), so these sums bound the work.
    Markup (XML parts, parsed into trees) may take the text limit plus room for a template's styles;
    all parts together the container limit.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(f"unreadable DOCX: {type(exc).__name__}: {exc}") from exc
    markup = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    total = sum(i.file_size for i in infos)
    for size, limit, what in (
        (markup, max_text_bytes() + TEMPLATE_ROOM, "markup"),
        (total, max_text_bytes() * CONTAINER_FACTOR + TEMPLATE_ROOM, "content"),
    ):
        if size > limit:
            raise ReadError(
                f"DOCX unpacks to {size / 1048576:.1f} MB of {what}, over the {limit / 1048576:.0f} MB limit "
                "(a decompression bomb, or raise MAWGUN_INGEST_MAX_MB)"
            )


PUBLISHED = re.compile(r"^\s*(published|posted|date|dated)\b[\s:,-]*(on\s+)?(?P<date>.{6,60})$", re.IGNORECASE)
HEAD_PARAGRAPHS = 8  # a title and a "Published ..." line are among the first paragraphs


def styled_title(document: object) -> str | None:
    """The first paragraph styled Title (Word's own title style), or None."""
    for paragraph in document.paragraphs[:HEAD_PARAGRAPHS]:  # type: ignore[attr-defined]
        style = getattr(paragraph.style, "name", "") or ""
        if style.lower() == "title" and paragraph.text.strip():
            return str(paragraph.text.strip())
    return None


def published_line(text: str) -> tuple[dt.date | None, str | None]:
    """The date of a "Published 12 March 2024" line among the first lines, with its precision."""
    from mawgun.ingest.dates import parse_free_date

    for line in [line for line in text.split("\n") if line.strip()][:HEAD_PARAGRAPHS]:
        match = PUBLISHED.match(line)
        if match:
            day, precision = parse_free_date(match.group("date"))
            if day:
                return day, precision
    return None, None


def read_docx(path: Path) -> Iterator[RawDocument]:
    """One document from a .docx file: title from its core properties, else its Title-styled paragraph;
    publication date from a "Published ..." line near the top."""
    import io

    import docx

    data = read_limited(path, max_text_bytes() * CONTAINER_FACTOR)
    check_unpacked_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
        text = docx_text(document)
        title = document.core_properties.title or styled_title(document)
    except Exception as exc:  # zipfile, lxml and KeyError for damaged packages
        raise ReadError(f"unreadable DOCX: {type(exc).__name__}: {exc}") from exc
    if not text.strip():
        raise ReadError("DOCX has no text")
    published, precision = published_line(text)
    yield RawDocument(
        text=text, location=str(path), title=title or None, published=published, published_precision=precision
    )
