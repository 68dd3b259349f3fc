"""Map outlines: simplified once, MIMU and geo-stage property names read, served with the credit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mawgun.web import adapters, boundaries
from mawgun.web.boundaries import load_boundaries, simplify_ring


def test_simplify_ring_drops_points_within_tolerance_and_keeps_corners() -> None:
    square = [[0.0, 0.0], [0.5, 0.0001], [1.0, 0.0], [1.0, 1.0], [0.5, 0.9999], [0.0, 1.0], [0.0, 0.0]]
    assert simplify_ring(square, 0.001) == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]


def write_townships(path: Path) -> Path:
    """Two made-up township squares with MIMU-style property names."""
    features = []
    for i, (pcode, name) in enumerate((("MMR015001", "Lashio"), ("MMR005007", "Kanbalu"))):
        x = 95.0 + i
        ring = [[x, 22.0], [x + 0.5, 22.0], [x + 0.5, 22.5], [x, 22.5], [x, 22.0]]
        props = {"TS_PCODE": pcode, "TS": name, "ST_PCODE": pcode[:6]}
        features.append(
            {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        )
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


@pytest.fixture
def township_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_townships(tmp_path / "admin3.geojson")
    monkeypatch.setattr(boundaries, "boundaries_file", lambda level: path if level == "admin3" else None)
    return path


def test_mimu_property_names_become_pcode_name_and_parent(township_file: Path) -> None:
    data = load_boundaries("admin3")
    assert [(f["pcode"], f["name"], f["admin1_pcode"]) for f in data["features"]] == [
        ("MMR015001", "Lashio", "MMR015"),
        ("MMR005007", "Kanbalu", "MMR005"),
    ]
    assert data["bbox"] == [95.0, 22.0, 96.5, 22.5]


def test_api_serves_outlines_with_the_mimu_credit(township_file: Path, client: TestClient) -> None:
    response = client.get("/api/v1/boundaries/admin3")
    assert "max-age" in response.headers["cache-control"]
    body = response.json()
    assert body["credit"] == "Boundaries and place codes: MIMU" and len(body["features"]) == 2
    assert client.get("/api/v1/boundaries/admin1").json()["features"] == []
    assert client.get("/api/v1/boundaries/admin9").status_code == 422


def test_shipped_boundaries_cover_myanmar_when_the_geo_stage_is_installed() -> None:
    if adapters.boundaries_file("admin3") is None:
        pytest.skip("mawgun.geo boundaries are not installed")
    data = load_boundaries("admin3")
    assert len(data["features"]) >= 300
    west, south, east, north = data["bbox"]
    assert 92 < west < 93 and 9 < south < 10.5 and 101 < east < 102 and 28 < north < 29


def test_large_json_bodies_are_sent_gzipped_to_clients_that_accept_it() -> None:
    import gzip

    from starlette.requests import Request

    from mawgun.web.responses import json_bytes

    body = json.dumps({"rings": [[i, i] for i in range(2000)]}).encode()
    accepting = Request({"type": "http", "headers": [(b"accept-encoding", b"gzip, br")]})
    response = json_bytes(accepting, body)
    assert response.headers["content-encoding"] == "gzip" and gzip.decompress(response.body) == body
    plain = json_bytes(Request({"type": "http", "headers": []}), body)
    assert "content-encoding" not in plain.headers and plain.body == body
