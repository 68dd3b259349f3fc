"""Specifications of the geo commands: `mawgun geocode` and `mawgun places search`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mawgun.cli.main import app

runner = CliRunner()


def test_geocode_writes_one_prediction_per_input_line(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    lines = [
        {"id": "a", "text": "Pyin Ye Gyi Village in Nyaunglebin Township"},
        {"id": "b", "text": "Kawlin Township"},
        {"id": "c", "text": "somewhere unknown"},
    ]
    cases.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "preds.jsonl"
    result = runner.invoke(app, ["geocode", "--in", str(cases), "--out", str(out)])
    assert result.exit_code == 0, result.output
    preds = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in preds] == ["a", "b", "c"]
    assert preds[0]["admin3"] == "Nyaunglebin" and preds[0]["geo_precision"] == 1 and preds[0]["latitude"]
    assert preds[1]["admin1"] == "Sagaing" and preds[1]["pcode"] == "MMR005024"
    assert preds[2]["admin1"] is None
    assert set(preds[0]) == {
        "id",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "pcode",
    }


def test_geocode_reports_each_bad_line_and_geocodes_the_others(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_bytes(
        b'{"id": "a", "text": "Loikaw"}\nnot json\n{"id": "b", "text": "Hpa-an \xff"}\n'
        b'{"text": "Myitkyina"}\n{"id": "c", "text": "Lashio"}\n'
    )
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["geocode", "--in", str(cases), "--out", str(out)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "line 2 is not JSON" in output
    assert "line 3 is not valid UTF-8" in output
    assert "line 4 has no 'id'" in output
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "c"]


def test_places_search_shows_matches_in_a_table() -> None:
    result = runner.invoke(app, ["places", "search", "Phruso"])
    assert result.exit_code == 0, result.output
    assert "MMR002003" in result.output


def test_places_search_says_when_nothing_matches() -> None:
    result = runner.invoke(app, ["places", "search", "Qqqqzzzz"])
    assert result.exit_code == 1
    assert "No place matches" in result.output
