"""The HTTP API, specified through the ASGI app on a store filled by the test fixtures."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from web.sample_store import LASHIO_SENTENCE, fill_store
from web.signin import bearer


def test_events_lists_canonical_events_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/v1/events").json()
    assert body["total"] == 2
    assert [e["event_id"] for e in body["items"]] == ["ce-lashio", "ce-pazigyi"]
    assert body["items"][0]["level"] == "canonical"
    assert body["items"][0]["actor1"] == ["MNDAA"]


def test_events_paginate_with_limit_and_offset(client: TestClient) -> None:
    body = client.get("/api/v1/events", params={"limit": 1, "offset": 1}).json()
    assert body["total"] == 2 and body["limit"] == 1 and body["offset"] == 1
    assert [e["event_id"] for e in body["items"]] == ["ce-pazigyi"]


def test_events_sort_by_fatalities(client: TestClient) -> None:
    body = client.get("/api/v1/events", params={"sort": "-fatalities"}).json()
    assert [e["fatalities"] for e in body["items"]] == [160, 6]


def test_per_report_lists_reports_with_their_actor_references(client: TestClient) -> None:
    body = client.get("/api/v1/events", params={"per_report": "true"}).json()
    assert {e["event_id"] for e in body["items"]} == {"ev-lashio", "ev-pazigyi"}
    lashio = next(e for e in body["items"] if e["event_id"] == "ev-lashio")
    assert lashio["level"] == "report" and lashio["canonical_id"] == "ce-lashio"
    assert lashio["actor1_refs"][0]["actor_id"] == "MNDAA" and lashio["actor2"] == ["MIL"]


def test_event_filters_narrow_by_type_state_dates_actor_and_township(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return [e["event_id"] for e in client.get("/api/v1/events", params=params).json()["items"]]

    assert ids(type="Battles") == ["ce-lashio"]
    assert ids(admin1="sagaing") == ["ce-pazigyi"]
    assert ids(admin1="MMR015") == ["ce-lashio"]
    assert ids(since="2024-01-01") == ["ce-lashio"]
    assert ids(until="2023-12-31") == ["ce-pazigyi"]
    assert ids(actor="CIV") == ["ce-pazigyi"]
    assert ids(actor="MNDAA", per_report="true") == ["ev-lashio"]
    assert ids(township="MMR005007") == ["ce-pazigyi"]
    assert ids(type="Battles,Explosions/Remote violence") == ["ce-lashio", "ce-pazigyi"]
    assert ids(alliance="MNDAA") == ["ce-lashio"]


def test_invalid_parameters_are_client_errors(client: TestClient) -> None:
    for params in (
        {"since": "yesterday"},
        {"since": "2024-05-01", "until": "2024-04-01"},
        {"limit": "0"},
        {"limit": "5000"},
        {"offset": "-1"},
        {"sort": "random"},
        {"format": "xml"},
        {"per_report": "maybe"},
        {"admin1": "Sagaing\x00"},
    ):
        response = client.get("/api/v1/events", params=params)
        assert response.status_code == 422, params


def test_events_as_csv_have_a_header_and_one_row_per_event(client: TestClient) -> None:
    response = client.get("/api/v1/events", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == ["ce-lashio", "ce-pazigyi"]
    assert rows[0]["actor1"] == "MNDAA" and rows[0]["admin3_pcode"] == "MMR015001"


def test_event_detail_has_reports_sources_and_evidence_offsets_into_the_source(client: TestClient) -> None:
    body = client.get("/api/v1/events/ce-lashio").json()
    assert body["event"]["event_id"] == "ce-lashio"
    assert [r["event_id"] for r in body["reports"]] == ["ev-lashio"]
    assert [s["id"] for s in body["sources"]] == ["doc-lashio"]
    span = body["evidence"][0]
    assert body["sources"][0]["text"][span["start"] : span["end"]] == LASHIO_SENTENCE


def test_a_report_id_answers_its_canonical_event(client: TestClient) -> None:
    assert client.get("/api/v1/events/ev-pazigyi").json()["event"]["event_id"] == "ce-pazigyi"


def test_unknown_event_is_404_json(client: TestClient) -> None:
    response = client.get("/api/v1/events/ce-nothing")
    assert response.status_code == 404
    assert "ce-nothing" in response.json()["detail"]


def test_stats_group_events_and_fatalities_by_month_and_type(client: TestClient) -> None:
    body = client.get("/api/v1/stats", params={"by": "month,event_type"}).json()
    assert body["by"] == ["month", "event_type"]
    rows = {(r["keys"]["month"], r["keys"]["event_type"]): (r["events"], r["fatalities"]) for r in body["rows"]}
    assert rows == {("2023-04", "Explosions/Remote violence"): (1, 160), ("2024-08", "Battles"): (1, 6)}


def test_stats_by_week_use_the_monday_and_by_state_filter(client: TestClient) -> None:
    body = client.get("/api/v1/stats", params={"by": "week,admin1", "since": "2024-01-01"}).json()
    assert [(r["keys"]["week"], r["keys"]["admin1"]) for r in body["rows"]] == [("2024-07-29", "Shan (North)")]


def test_stats_reject_unknown_or_repeated_dimensions(client: TestClient) -> None:
    for by in ("colour", "month,month", "", "month,admin1,event_type,origin"):
        assert client.get("/api/v1/stats", params={"by": by}).status_code == 422, by


def test_map_layer_counts_townships_and_groups_points(client: TestClient) -> None:
    body = client.get("/api/v1/map").json()
    assert body["total"] == 2
    assert {t["pcode"]: t["events"] for t in body["townships"]} == {"MMR015001": 1, "MMR005007": 1}
    assert {p["event_id"] for p in body["points"]} == {"ce-lashio", "ce-pazigyi"}
    assert client.get("/api/v1/map", params={"type": "Battles"}).json()["total"] == 1


def test_control_names_who_took_each_township(client: TestClient) -> None:
    rows = client.get("/api/v1/control").json()
    assert [(r["township"], r["controller"], r["since"]) for r in rows] == [("Lashio", "MNDAA", "2024-08-03")]


def test_documents_full_text_search(client: TestClient) -> None:
    assert [d["id"] for d in client.get("/api/v1/documents", params={"q": "Pazigyi"}).json()["items"]] == [
        "doc-pazigyi"
    ]
    assert client.get("/api/v1/documents").json()["total"] == 2
    assert client.get("/api/v1/documents", params={"q": "nowhere-to-be-found"}).json()["total"] == 0


def test_search_syntax_characters_are_searched_as_text(client: TestClient) -> None:
    for q in ('"', "NEAR(", "a*", "AND OR", "'; DROP TABLE documents; --", "-"):
        assert client.get("/api/v1/documents", params={"q": q}).status_code == 200, q


def test_document_detail_has_text_records_and_evidence(client: TestClient) -> None:
    body = client.get("/api/v1/documents/doc-pazigyi").json()
    assert body["title"] == "Airstrike on Pazigyi"
    assert [e["event_id"] for e in body["events"]] == ["ev-pazigyi"]
    assert body["statistics"][0]["value"] == 1_500_000
    assert body["sanctions"][0]["authority"] == "United States"
    assert len(body["evidence"]) == 3
    assert client.get("/api/v1/documents/doc-none").status_code == 404


def test_statistics_and_sanctions_lists(client: TestClient) -> None:
    stats = client.get("/api/v1/statistics", params={"metric": "displaced"}).json()
    assert stats["total"] == 1 and stats["items"][0]["source_org"] == "United Nations"
    sanctions = client.get("/api/v1/sanctions", params={"target": "fuel"}).json()
    assert sanctions["total"] == 1 and sanctions["items"][0]["target"] == "aviation fuel suppliers"
    assert client.get("/api/v1/sanctions", params={"authority": "European"}).json()["total"] == 0


def test_exports_download_csv_jsonl_and_geojson(client: TestClient) -> None:
    csv_text = client.get("/api/v1/exports/events.csv", params={"type": "Battles"}).text
    assert len(list(csv.DictReader(io.StringIO(csv_text)))) == 1
    lines = client.get("/api/v1/exports/events.jsonl").text.strip().splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ["ce-pazigyi", "ce-lashio"]
    geo = client.get("/api/v1/exports/events.geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert geo["features"][0]["geometry"]["coordinates"] == [95.52, 23.19]
    assert client.get("/api/v1/exports/events.xlsx").status_code == 422


def test_before_deduplication_reports_are_listed(store_url: str) -> None:
    from mawgun.web.app import create_app

    fill_store(store_url, deduplicated=False)
    with TestClient(create_app(store_url), headers=bearer(store_url)) as client:
        body = client.get("/api/v1/events").json()
        assert body["total"] == 2 and body["items"][0]["level"] == "report"
        detail = client.get("/api/v1/events/ev-lashio").json()
        assert detail["event"]["event_id"] == "ev-lashio" and len(detail["evidence"]) == 1


def test_openapi_schema_describes_the_resources(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/stats", "/api/v1/documents/{doc_id}"):
        assert path in schema["paths"]
    assert "EventOut" in schema["components"]["schemas"]


def test_responses_carry_a_content_security_policy(client: TestClient) -> None:
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_cached_aggregates_follow_new_data(client: TestClient, filled_url: str) -> None:
    assert client.get("/api/v1/map").json()["total"] == 2
    from mawgun.store.db import session_scope
    from mawgun.store.schema import CanonicalEventRow

    with session_scope(filled_url) as session:
        session.add(
            CanonicalEventRow(id="ce-new", event_type="Protests", actor1=[], actor2=[], tags=[], explanation={})
        )
    assert client.get("/api/v1/map").json()["total"] == 3
    rows = client.get("/api/v1/stats", params={"by": "event_type"}).json()["rows"]
    assert "Protests" in {row["keys"]["event_type"] for row in rows}


def test_warming_the_cache_at_start_precomputes_the_dashboard(filled_url: str) -> None:
    from mawgun.query import cache
    from mawgun.web.app import warm_cache

    cache.clear()
    warm_cache(filled_url)
    names = {key[1] for key in cache._entries}
    assert {"map-json", "map-events", "aggregate", "distinct"} <= names


def test_stats_by_actor_and_alliance_come_from_the_query_layer(client: TestClient) -> None:
    rows = client.get("/api/v1/stats", params={"by": "actor"}).json()["rows"]
    assert {r["keys"]["actor"]: r["events"] for r in rows} == {"MNDAA": 1, "MIL": 2, "CIV": 1}
    alliances = client.get("/api/v1/stats", params={"by": "alliance", "since": "2024-01-01"}).json()["rows"]
    assert "3BHA" in {r["keys"]["alliance"] for r in alliances}


def test_control_as_of_a_day_before_the_capture_is_empty(client: TestClient) -> None:
    assert client.get("/api/v1/control", params={"as_of": "2024-08-01"}).json() == []
    assert len(client.get("/api/v1/control", params={"as_of": "2024-08-05"}).json()) == 1


def test_map_counts_events_known_only_by_state_and_those_it_cannot_place(client: TestClient, filled_url: str) -> None:
    from mawgun.store.db import session_scope
    from mawgun.store.schema import CanonicalEventRow

    empty = {"actor1": [], "actor2": [], "tags": [], "explanation": {}}
    with session_scope(filled_url) as session:
        session.add(CanonicalEventRow(id="ce-nowhere", event_type="Battles", **empty))
        session.add(CanonicalEventRow(id="ce-kayah", event_type="Battles", admin1="Kayah", **empty))
    body = client.get("/api/v1/map").json()
    assert body["total"] == 4 and body["unmapped"] == 1
    # no toll known for the Kayah event: its sum is unknown, not 0
    assert body["states"] == [{"admin1": "Kayah", "events": 1, "fatalities": None, "toll_known": 0, "toll_unknown": 1}]


def test_stats_are_the_numbers_the_query_layer_counts(client: TestClient, filled_url: str) -> None:
    from mawgun.analytics import EventFilter, count_events
    from mawgun.store.db import session_scope

    with session_scope(filled_url) as session:
        expected = {
            (r["month"], r["admin1"]): r["events"] for r in count_events(session, ["month", "admin1"], EventFilter())
        }
    rows = client.get("/api/v1/stats", params={"by": "month,admin1"}).json()["rows"]
    assert {(r["keys"]["month"], r["keys"]["admin1"]): r["events"] for r in rows} == expected


def test_stats_by_township_pcode_and_origin(client: TestClient) -> None:
    rows = client.get("/api/v1/stats", params={"by": "township,origin", "township": "MMR005007"}).json()["rows"]
    assert [(r["keys"]["township"], r["keys"]["origin"], r["events"]) for r in rows] == [("MMR005007", "mawgun", 1)]


def test_iso_week_labels_become_their_monday() -> None:
    from mawgun.web.api_events import monday_of

    assert monday_of("2024-W31") == "2024-07-29" and monday_of("2024-08") == "2024-08"


def test_acled_and_hxl_exports_come_from_the_report_stage(client: TestClient) -> None:
    acled = client.get("/api/v1/exports/events.acled.csv", params={"type": "Battles"})
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert len(rows) == 1 and rows[0]["event_type"] == "Battles" and "event_date" in rows[0]
    hxl = client.get("/api/v1/exports/events.hxl.csv").text.splitlines()
    assert hxl[1].startswith("#")
