"""Downloads: CSV that spreadsheets cannot run, JSON Lines, GeoJSON points."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from mawgun.web.formats import geojson_chunks, jsonl_lines, to_csv


def test_csv_cells_that_look_like_formulas_are_quoted_but_numbers_are_not() -> None:
    rows = [{"a": '=HYPERLINK("x")', "b": -3, "c": "+95 9 123", "d": ["MIL", "PDF"], "e": dt.date(2024, 1, 5)}]
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows, ["a", "b", "c", "d", "e"]))))
    assert parsed == [{"a": '\'=HYPERLINK("x")', "b": "-3", "c": "'+95 9 123", "d": "MIL;PDF", "e": "2024-01-05"}]


def test_jsonl_writes_one_object_per_line_with_iso_dates() -> None:
    lines = list(jsonl_lines([{"id": "a", "date": dt.date(2024, 8, 3)}, {"id": "b", "date": None}]))
    assert [json.loads(line) for line in lines] == [{"id": "a", "date": "2024-08-03"}, {"id": "b", "date": None}]


def test_geojson_keeps_only_rows_with_coordinates_as_lon_lat_points() -> None:
    rows = [{"id": "a", "latitude": 22.9, "longitude": 97.7}, {"id": "b", "latitude": None, "longitude": None}]
    data = json.loads("".join(geojson_chunks(rows)))
    assert [f["properties"]["id"] for f in data["features"]] == ["a"]
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [97.7, 22.9]}


def test_small_chunks_are_joined_into_blocks_without_losing_text() -> None:
    from mawgun.web.formats import in_blocks

    chunks = [f"row {i}\n" for i in range(1000)]
    blocks = list(in_blocks(chunks, size=1000))
    assert "".join(blocks) == "".join(chunks)
    assert len(blocks) < 20 and all(len(b) >= 1000 for b in blocks[:-1])
