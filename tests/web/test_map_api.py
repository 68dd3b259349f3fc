"""The map's data and the shareable filters, through the HTTP API and the pages (no browser).

Over `map_store`: nine events, four with an unknown toll, two known only to the month, one known
only to its state.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from web.map_store import fill_map_store
from web.signin import bearer


@pytest.fixture
def map_client(store_url: str) -> Iterator[TestClient]:
    from mawgun.web.app import create_app

    fill_map_store(store_url)
    with TestClient(create_app(store_url), headers=bearer(store_url)) as test_client:
        yield test_client


def test_leaflet_and_markercluster_are_served_from_their_packages(map_client: TestClient) -> None:
    page = map_client.get("/").text
    for path in ("/vendor/leaflet/leaflet.js", "/vendor/markercluster/leaflet.markercluster.js"):
        assert path in page
        answer = map_client.get(path)
        assert answer.status_code == 200 and "javascript" in answer.headers["content-type"]
    assert "Leaflet" in map_client.get("/vendor/leaflet/leaflet.js").text
    assert map_client.get("/vendor/leaflet/leaflet.css").status_code == 200
    assert map_client.get("/vendor/markercluster/MarkerCluster.Default.css").status_code == 200


def test_map_events_carry_date_spans_state_only_places_and_unknown_tolls(map_client: TestClient) -> None:
    layer = map_client.get("/api/v1/map/events").json()
    assert layer["total"] == len(layer["events"]) == 9
    by_id = {event["id"]: event for event in layer["events"]}
    hlaing, kachin, lashio = by_id["ce-hlaing"], by_id["ce-kachin"], by_id["ce-lashio-4"]
    assert (hlaing["first"], hlaing["last"], hlaing["date_precision"]) == ("2023-11-01", "2023-11-30", "month")
    assert (lashio["first"], lashio["last"]) == ("2024-08-03", "2024-08-03")
    assert kachin["state_only"] and not hlaing["state_only"] and kachin["latitude"] is None
    assert hlaing["fatalities"] is None and lashio["fatalities"] == 0  # unknown is not a reported 0
    assert layer["tolls"] == {"events": 9, "toll_known": 5, "toll_unknown": 4, "fatalities": 169}
    newest = map_client.get("/api/v1/map/events?limit=2").json()
    assert newest["total"] == 9 and [e["id"] for e in newest["events"]] == ["ce-lashio-5", "ce-lashio-4"]


def test_map_events_are_served_in_the_shape_their_model_declares(map_client: TestClient) -> None:
    from mawgun.web.schemas import MapEvents

    for query in ("", "?per_report=true", "?limit=3", "?type=Battles"):
        served = map_client.get(f"/api/v1/map/events{query}").json()  # written without the model, for speed
        assert served == MapEvents.model_validate(served).model_dump(mode="json"), query
        assert all(set(event) == set(MapEvents.model_fields["events"].annotation.__args__[0].model_fields)
                   for event in served["events"])  # fmt: skip


def test_the_township_layer_does_not_count_an_unknown_toll_as_zero(map_client: TestClient) -> None:
    layer = map_client.get("/api/v1/map").json()
    townships = {t["name"]: t for t in layer["townships"]}
    assert townships["Hlaing"]["fatalities"] is None and townships["Hlaing"]["toll_unknown"] == 1
    assert (townships["Lashio"]["fatalities"], townships["Lashio"]["toll_unknown"]) == (9, 1)
    states = {s["admin1"]: s for s in layer["states"]}
    assert states["Kachin"]["fatalities"] is None and states["Kachin"]["toll_unknown"] == 1
    points = {p["location"]: p for p in layer["points"]}
    assert points["Hlaing"]["fatalities"] is None


def test_the_dashboard_headline_counts_known_tolls_and_names_the_unknown(map_client: TestClient) -> None:
    page = map_client.get("/?since=2023-11-01&until=2023-11-30").text
    assert 'id="total-deaths">unknown<' in page
    assert "(toll unknown for 2 events)" in page


def test_boundaries_carry_a_label_point_inside_and_the_burmese_name(map_client: TestClient) -> None:
    from mawgun.web.boundaries import _inside

    states = map_client.get("/api/v1/boundaries/admin1").json()["features"]
    for feature in states:
        assert _inside(*feature["label"], max(feature["rings"], key=len)), feature["name"]
    kachin = next(f for f in states if f["name"] == "Kachin")
    assert kachin["name_my"] == "ကချင်ပြည်နယ်"


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("sub_type=Armed+clash", {"ce-lashio-1", "ce-lashio-2", "ce-kachin"}),
        ("sub_type=armed+clash&township=lashio", {"ce-lashio-1", "ce-lashio-2"}),
        ("township=MMR013040", {"ce-hlaing"}),
        ("date_precision=month", {"ce-hlaing", "ce-kachin"}),
        ("place_precision=state", {"ce-kachin"}),
        ("place_precision=township", {"ce-kanbalu", "ce-hlaing"}),
        ("outlet=map+wire&date_precision=day&admin1=Sagaing", {"ce-pazigyi", "ce-kanbalu"}),
        ("outlet=Another+Wire", set()),
    ],
)
def test_filters_select_the_same_events_in_the_api_and_on_the_map(map_client: TestClient, query: str, ids: set) -> None:  # type: ignore[type-arg]
    listed = map_client.get(f"/api/v1/events?{query}&limit=100").json()
    assert {event["event_id"] for event in listed["items"]} == ids
    mapped = map_client.get(f"/api/v1/map/events?{query}").json()
    assert {event["id"] for event in mapped["events"]} == ids


@pytest.mark.parametrize(
    ("query", "name", "near"),
    [
        ("township=Lashoi", "township", "Lashio"),
        ("sub_type=airstrike", "sub_type", "Air/drone strike"),
        ("date_precision=months", "date_precision", "month"),
        ("place_precision=states", "place_precision", "state"),
        ("admin1=Shann", "admin1", "Shan"),
    ],
)
def test_a_mistyped_name_is_refused_with_near_matches(map_client: TestClient, query: str, name: str, near: str) -> None:
    answer = map_client.get(f"/api/v1/map/events?{query}")
    assert answer.status_code == 422
    detail = answer.json()["detail"][0]
    assert detail["loc"] == ["query", name] and f"did you mean {near}" in detail["msg"]


def test_pages_show_the_near_match_and_keep_the_other_filters(map_client: TestClient) -> None:
    page = map_client.get("/events?township=Lashoi&sub_type=Attack").text
    assert "no township is called &#39;Lashoi&#39;; did you mean Lashio" in page
    assert "ce-kanbalu" in page and "ce-pazigyi" not in page  # sub_type still applied
    page = map_client.get("/?outlet=Map+Wir").text
    assert "no outlet is called &#39;Map Wir&#39;; did you mean Map Wire?" in page


def test_the_filter_form_writes_every_filter_back_into_the_url(map_client: TestClient) -> None:
    query = "sub_type=Armed+clash&township=Lashio&outlet=Map+Wire&date_precision=day&place_precision=place"
    page = map_client.get(f"/events?{query}").text
    for selected in (
        '<option value="Armed clash" selected>',
        '<option value="Map Wire" selected>',
        '<option value="day" selected>',
        '<option value="place" selected>',
    ):
        assert selected in page
    assert 'name="township" placeholder="Lashio, MMR015001…" value="Lashio"' in page
    dashboard = map_client.get(f"/?{query}").text
    assert f'data-query="{query.replace("&", "&amp;")}"' in dashboard
    assert "2 canonical events" in page


def test_the_review_scope_is_a_url_filter_too(map_client: TestClient, store_url: str) -> None:
    from mawgun.review.states import set_state
    from mawgun.store.db import session_scope

    with session_scope(store_url) as session:
        set_state(session, "ce-pazigyi", "reviewed", "tester", "two outlets agree")
        set_state(session, "ce-kanbalu", "rejected", "tester", "not an event")
    assert map_client.get("/api/v1/map/events").json()["total"] == 8  # rejected events never count by default
    reviewed = map_client.get("/api/v1/map/events?review=reviewed").json()
    assert [e["id"] for e in reviewed["events"]] == ["ce-pazigyi"]
    assert map_client.get("/api/v1/events?review=rejected").json()["total"] == 1
    assert map_client.get("/api/v1/events?review=reviewd").status_code == 422
    page = map_client.get("/events?review=reviewed").text
    assert "1 canonical events" in page and '<option value="reviewed" selected>' in page
    assert 'data-query="review=reviewed"' in map_client.get("/?review=reviewed").text


def test_the_cli_resolves_townships_and_sub_types_as_the_dashboard_does(store_url: str) -> None:
    import json
    import re

    from typer.testing import CliRunner

    from mawgun.cli.main import app

    fill_map_store(store_url)
    runner = CliRunner(env={"COLUMNS": "200"})
    found = runner.invoke(app, ["events", "--admin3", "lashio", "--sub-type", "armed clash", "--format", "json",
                                "--db", store_url])  # fmt: skip
    assert found.exit_code == 0, found.output
    assert sorted(e.get("id") or e["event_id"] for e in json.loads(found.stdout)) == ["ce-lashio-1", "ce-lashio-2"]
    typo = runner.invoke(app, ["events", "--admin3", "Lashoi", "--db", store_url])
    assert typo.exit_code == 2 and "did you mean Lashio" in re.sub(r"\s+", " ", typo.output)
