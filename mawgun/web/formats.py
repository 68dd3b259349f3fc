"""Writing API results as CSV, JSON Lines or GeoJSON (list downloads and exports).

CSV cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with a
quote, since exported text comes from news articles anyone can write.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from mawgun.safety import finite_or_none, spreadsheet_cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    text = value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value)
    return spreadsheet_cell(text)


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text, header first, one chunk per row (for streaming)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(row.get(c)) for c in columns])
        yield buffer.getvalue()


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A whole CSV document."""
    return "".join(csv_lines(rows, columns))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return finite_or_none(value)


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line."""
    for row in rows:
        yield json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False, default=str) + "\n"


def geojson_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A GeoJSON FeatureCollection of the rows that have coordinates, streamed feature by feature."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in rows:
        latitude, longitude = finite_or_none(row.get("latitude")), finite_or_none(row.get("longitude"))
        if latitude is None or longitude is None:
            continue
        properties = {k: _jsonable(v) for k, v in row.items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
            "properties": properties,
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False, default=str)
        first = False
    yield "]}\n"


def in_blocks(chunks: Iterable[str], size: int = 256 * 1024) -> Iterator[str]:
    """Join small text chunks into blocks of about `size` characters (fewer, larger writes when streaming)."""
    block: list[str] = []
    length = 0
    for chunk in chunks:
        block.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)
