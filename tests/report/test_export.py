"""`export_events` and `mawgun export`: formats other tools read, each row linked to its sources."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.analytics import EventFilter
from mawgun.report.acled import acled_columns
from mawgun.report.export import HXL_TAGS, ExportError, export_events
from mawgun.store.db import session_scope


def export(url: str, fmt: str, out: Path, flt: EventFilter | None = None) -> int:
    with session_scope(url) as session:
        return export_events(session, fmt, out, flt)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_acled_csv_has_exactly_acled_columns_and_names(report_store: str, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export(report_store, "acled-csv", path) == 2
    rows = read_csv(path)
    assert rows[0] == acled_columns() and len(rows[0]) == 31
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    strike = next(r for r in records if r["event_type"] == "Explosions/Remote violence")
    assert strike["event_date"] == "14 November 2023" and strike["year"] == "2023"
    assert strike["time_precision"] == "1" and strike["disorder_type"] == "Political violence"
    assert strike["fatalities"] == "3" and strike["admin1"] == "Kayah"
    assert strike["actor1"] == "Military Forces of Myanmar (2021-)" and strike["inter1"] == "1"
    assert (strike["iso"], strike["country"], strike["region"]) == ("104", "Myanmar", "Southeast Asia")
    assert set(strike["source"].split("; ")) == {"Karenni Test News", "Rights Test Group"}
    assert "Loikaw" in strike["notes"] and strike["timestamp"].isdigit()


def test_csv_links_each_event_to_its_sources(report_store: str, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export(report_store, "csv", path)
    rows = read_csv(path)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    strike = next(r for r in records if r["event_type"] == "Explosions/Remote violence")
    assert strike["actor1"] == "MIL"  # Mawgun's own CSV keeps registry codes
    assert "https://karenni-test.example/loikaw" in strike["urls"]
    assert len(strike["document_ids"].split("; ")) == 2


def test_hxl_csv_parses_with_libhxl(report_store: str, tmp_path: Path) -> None:
    hxl = pytest.importorskip("hxl")
    path = tmp_path / "events-hxl.csv"
    export(report_store, "hxl", path)
    header, tags, *_ = read_csv(path)
    assert tags == [HXL_TAGS[column] for column in header]
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    assert source.display_tags == tags  # libhxl finds the hashtag row and reads every tag as written
    for tag in ("#event+id", "#date", "#adm1+name", "#adm3+code", "#geo+lat", "#affected+killed", "#meta+url"):
        assert tag in source.display_tags
    rows = list(source)
    assert len(rows) == 2
    strike = next(row for row in rows if row.get("#event+type") == "Explosions/Remote violence")
    assert strike.get("#adm1+name") == "Kayah" and strike.get("#affected+killed") == "3"
    assert strike.get("#date") == "2023-11-14" and 19 < float(strike.get("#geo+lat")) < 20
    assert "https://karenni-test.example/loikaw" in strike.get("#meta+url")
    again = hxl.data(str(path), hxl.InputOptions(allow_local=True))  # libhxl's own filters work on it
    assert [row.get("#adm1+code") for row in again.with_rows("#adm1+name=Kayah")] == ["MMR002"]


def test_geojson_holds_points_with_their_sources(report_store: str, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    export(report_store, "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 92 < lon < 102 and 9 < lat < 29
        assert feature["properties"]["document_ids"]


def test_jsonl_filters_by_type_and_counts_reports(report_store: str, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    flt = EventFilter(event_types=["Explosions/Remote violence"], per_report=True)
    assert export(report_store, "jsonl", path, flt) == 2  # two reports of the one strike
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {line["event_type"] for line in lines} == {"Explosions/Remote violence"}
    assert all(len(line["document_ids"]) == 1 for line in lines)


def test_csv_filters_by_date_and_state(report_store: str, tmp_path: Path) -> None:
    path = tmp_path / "sagaing.csv"
    assert export(report_store, "csv", path, EventFilter(admin1=["Sagaing Region"])) == 1
    assert export(report_store, "csv", path, EventFilter(since=__import__("datetime").date(2024, 1, 1))) == 0
    assert len(read_csv(path)) == 1  # header only


def test_unknown_format_is_refused(report_store: str, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(report_store, "xlsx", tmp_path / "x.xlsx")


def test_export_command_writes_the_file(report_store: str, tmp_path: Path) -> None:
    from mawgun.cli.main import app

    out = tmp_path / "out.geojson"
    args = [
        "export",
        "--format",
        "geojson",
        "--out",
        str(out),
        "--since",
        "2023-11-01",
        "--admin1",
        "Kayah",
        "--db",
        report_store,
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1
    bad = CliRunner().invoke(app, ["export", "--format", "xlsx", "--out", str(out), "--db", report_store])
    assert bad.exit_code == 2
