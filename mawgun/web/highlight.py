"""Cutting a document's text into plain and highlighted pieces for display.

The template escapes every piece and wraps the evidence pieces in `<mark>`, so a document that
contains markup (`<script>`) is shown as text while its evidence spans are still highlighted.
Spans that overlap are merged; offsets outside the text are clipped, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A stretch of text; `marked` when it is evidence, with the records it supports."""

    text: str
    marked: bool = False
    records: tuple[str, ...] = ()
    start: int = 0


def merge_spans(spans: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Clip spans to [0, length), drop empty ones and merge overlaps, keeping their record ids."""
    clipped = sorted((max(0, s), min(length, e), r) for s, e, r in spans if min(length, e) > max(0, s))
    merged: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end, record in clipped:
        if merged and start <= merged[-1][1]:
            last_start, last_end, records = merged[-1]
            extra = (record,) if record not in records else ()
            merged[-1] = (last_start, max(last_end, end), records + extra)
        else:
            merged.append((start, end, (record,)))
    return merged


def locate(text: str, start: int, end: int, quote: str | None) -> tuple[int, int] | None:
    """The span's offsets, checked against its stored quote: when the text at the offsets differs
    (a document re-ingested with other whitespace), the quote's first occurrence; None when the
    quote is nowhere in the text, so that no wrong words are ever highlighted."""
    if not quote or text[start:end] == quote:
        return start, end
    found = text.find(quote)
    return (found, found + len(quote)) if found >= 0 else None


def split_text(text: str, evidence: list[dict[str, Any]]) -> list[Segment]:
    """The text as alternating plain and marked segments, in order."""
    spans = []
    for item in evidence:
        where = locate(text, int(item["start"]), int(item["end"]), item.get("quote"))
        if where is not None:
            spans.append((where[0], where[1], str(item.get("record_id") or "")))
    segments: list[Segment] = []
    cursor = 0
    for start, end, records in merge_spans(spans, len(text)):
        if start > cursor:
            segments.append(Segment(text[cursor:start], start=cursor))
        segments.append(Segment(text[start:end], True, records, start))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], start=cursor))
    return segments
