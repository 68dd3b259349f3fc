"""Places and actors through the API, backed by the geo and actors stages."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_places_search_and_lookup_by_pcode(client: TestClient) -> None:
    found = client.get("/api/v1/places", params={"q": "Lashio"}).json()
    assert any(p["pcode"] == "MMR015001" for p in found)
    place = client.get("/api/v1/places/MMR015001").json()
    assert place["admin3"] == "Lashio" and place["admin1_pcode"] == "MMR015"
    assert client.get("/api/v1/places/MMR999999").status_code == 404


def test_actors_list_resolve_and_alliance_members(client: TestClient) -> None:
    codes = {a["actor_id"] for a in client.get("/api/v1/actors").json()}
    assert {"MIL", "KIA", "AA"} <= codes
    assert client.get("/api/v1/actors/resolve", params={"name": "Arakan Army"}).json()["actor_id"] == "AA"
    members = {a["actor_id"] for a in client.get("/api/v1/actors", params={"alliance": "3BHA"}).json()}
    assert {"MNDAA", "TNLA", "AA"} <= members


def test_alliance_filter_finds_events_of_its_members(client: TestClient) -> None:
    ids = [e["event_id"] for e in client.get("/api/v1/events", params={"alliance": "3BHA"}).json()["items"]]
    assert ids == ["ce-lashio"]


def test_places_query_is_required(client: TestClient) -> None:
    assert client.get("/api/v1/places").status_code == 422
