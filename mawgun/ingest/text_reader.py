"""Plain text and Markdown (.txt, .md): the body, with an optional header block of metadata.

A header block is a run of `key: value` lines at the very top, ended by a blank line, whose keys
are all among title, date (or published), outlet (or source), url and kind, e.g.

    title: Junta airstrike on Pazigyi
    date: 2023-04-11
    outlet: Test Wire

Markdown front matter between `---` lines with the same keys is read the same way. Without a
header, a short first line is taken as the title. The stored text is the body after the header, so
the same article with or without a header gets the same id. Without a header date, a dateline
right under the headline ("November 13th, 2023 • Author: ...") gives the publication date, and
without a header outlet, a known outlet in the byline gives the outlet (`mawgun.ingest.outlets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mawgun.ingest.dates import byline_date, parse_date
from mawgun.ingest.decode import decode_bytes
from mawgun.ingest.limits import read_limited
from mawgun.ingest.outlets import byline_outlet
from mawgun.ingest.source import RawDocument, clean_text

HEADER_KEYS = {"title": "title", "date": "date", "published": "date", "outlet": "outlet", "source": "outlet"}
HEADER_KEYS |= {"url": "url", "kind": "kind"}
HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
MAX_TITLE_CHARS = 200


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body): the header block's fields when the text starts with one, else ({}, text)."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if closing is None:
            return {}, text
        fields = parse_header_lines(lines[1:closing])
        return (fields, "\n".join(lines[closing + 1 :])) if fields is not None else ({}, text)
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    fields = parse_header_lines(lines[start:end])
    if not fields or end == len(lines):
        return {}, text
    return fields, "\n".join(lines[end + 1 :])


def parse_header_lines(lines: list[str]) -> dict[str, str] | None:
    """Fields of header lines; None unless every line is `known-key: value`."""
    fields: dict[str, str] = {}
    for line in lines:
        match = HEADER_LINE.match(line)
        if not match or match.group(1).lower() not in HEADER_KEYS:
            return None
        fields[HEADER_KEYS[match.group(1).lower()]] = match.group(2)
    return fields or None


def first_line_title(body: str) -> str | None:
    """The first non-empty line when it is short enough to be a headline (Markdown '#' removed)."""
    for line in body.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped if len(stripped) <= MAX_TITLE_CHARS else None
    return None


def raw_from_text(text: str, location: str) -> RawDocument:
    """A RawDocument from decoded text with an optional header block."""
    fields, body = split_header(clean_text(text))
    published, precision = parse_date(fields.get("date"))
    if published is None:
        published = byline_date(body)
        precision = "day" if published else None
    return RawDocument(
        text=body,
        location=location,
        title=fields.get("title") or first_line_title(body),
        outlet=fields.get("outlet") or byline_outlet(body),
        url=fields.get("url"),
        published=published,
        published_precision=precision,
        kind=fields.get("kind"),
    )


def read_text(path: Path) -> Iterator[RawDocument]:
    """One document from a text or Markdown file."""
    text, _encoding = decode_bytes(read_limited(path))
    yield raw_from_text(text, str(path))
