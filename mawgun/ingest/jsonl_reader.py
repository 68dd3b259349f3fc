"""JSON Lines (.jsonl): one document per line, streamed so files of any size go through.

Each line is an object `{"doc_id", "text", "published", "title", "outlet", "url"}` (optionally
`"kind"` and `"published_precision"`: day, week, month or year); only `text` is required. A given
`doc_id` is kept, so records keyed to it elsewhere (gold files, other tools) still match. A bad
line (not JSON, no text, too long) is reported as a failed item and the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mawgun.ingest.dates import parse_date
from mawgun.ingest.limits import check_size, max_text_bytes
from mawgun.ingest.source import ItemFailure, RawDocument


def raw_from_object(item: Any, location: str) -> RawDocument | ItemFailure:
    """A RawDocument from one decoded line, or the reason it cannot be one."""
    if not isinstance(item, dict):
        return ItemFailure(location, "line is not a JSON object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return ItemFailure(location, 'line has no "text"')
    wrong = [name for name in STRING_FIELDS if item.get(name) is not None and not isinstance(item[name], str)]
    if wrong:
        kinds = ", ".join(f'"{name}" ({type(item[name]).__name__})' for name in wrong)
        return ItemFailure(location, f"field must be a string or null: {kinds}")
    if len(item.get("published") or "") > MAX_DATE_CHARS:
        return ItemFailure(location, f'"published" longer than {MAX_DATE_CHARS} characters is not a date')
    doc_id = optional_str(item.get("doc_id"))
    if doc_id is not None and len(doc_id) > 64:
        return ItemFailure(location, f"doc_id longer than 64 characters ({len(doc_id)})")
    published, precision = parse_date(str(item["published"])) if item.get("published") else (None, None)
    if published and item.get("published_precision") in ("day", "week", "month", "year"):
        precision = item["published_precision"]  # the source knows better than the date's form
    return RawDocument(
        text=text,
        location=location,
        title=optional_str(item.get("title")),
        outlet=optional_str(item.get("outlet")),
        url=optional_str(item.get("url")),
        published=published,
        published_precision=precision,
        kind=optional_str(item.get("kind")),
        doc_id=doc_id,
    )


STRING_FIELDS = ("doc_id", "title", "outlet", "url", "published", "kind", "published_precision")
MAX_DATE_CHARS = 100


def optional_str(value: Any) -> str | None:
    """A string field, or None when absent or empty."""
    return str(value) if value not in (None, "") else None


def read_jsonl(path: Path) -> Iterator[RawDocument | ItemFailure]:
    """Documents line by line; blank lines are ignored."""
    check_size(path, limit=2**62)  # only refuses an empty file: JSONL is streamed
    limit = max_text_bytes()
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            location = f"{path}#line-{number}"
            if not line.strip():
                continue
            if len(line) > limit:
                yield ItemFailure(location, f"line too long ({len(line) / 1048576:.1f} MB)")
                continue
            try:
                item = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # ValueError: JSON errors, huge ints
                yield ItemFailure(location, f"not valid JSON: {exc}")
                continue
            yield raw_from_object(item, location)
