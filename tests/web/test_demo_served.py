"""After `mawgun demo`, the dashboard shows the demo's events on the map and timeline, and an event
page highlights its evidence (the check the project lead makes by hand, automated)."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from rich.console import Console

from web.signin import bearer


@pytest.fixture
def demo_client(sqlite_url: str) -> TestClient:
    from mawgun.demo import run

    run.run_demo(sqlite_url, console=Console(file=io.StringIO()))
    from mawgun.web.app import create_app

    return TestClient(create_app(sqlite_url), headers=bearer(sqlite_url))


def test_demo_events_are_on_the_map_timeline_and_event_pages(demo_client: TestClient) -> None:
    layer = demo_client.get("/api/v1/map").json()
    assert layer["total"] > 0 and layer["townships"] and layer["points"]
    months = demo_client.get("/api/v1/stats", params={"by": "month,event_type"}).json()["rows"]
    assert sum(row["events"] for row in months) > 0
    events = demo_client.get("/api/v1/events", params={"limit": 100}).json()["items"]
    with_evidence = [e for e in events if demo_client.get(f"/api/v1/events/{e['event_id']}").json()["evidence"]]
    assert with_evidence
    html = demo_client.get(f"/events/{with_evidence[0]['event_id']}").text
    assert "<mark" in html
    assert demo_client.get("/").status_code == 200
