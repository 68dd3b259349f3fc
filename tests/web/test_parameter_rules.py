"""Rules between and within query parameters (issue 15, point 12): stated in the OpenAPI schema where
OpenAPI can state them (state/region spellings, the group keys of `/stats?by=`), said in the
description where it cannot (`until` not before `since`), and enforced with a 422 that says what is
wrong. Timestamps in `date-time` fields always carry their zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mawgun.geo.admin1 import admin1_spellings
from mawgun.web.parameter_rules import NAME_LISTS
from web.test_sources_health import fill_sources


@pytest.fixture
def schema(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)


def listed(parameter: dict[str, Any]) -> dict[str, Any]:
    """The array schema of a list parameter, checked to be sent comma-separated."""
    assert (parameter["style"], parameter["explode"]) == ("form", False)
    schema = parameter["schema"]
    assert "array" in (schema["type"] if isinstance(schema["type"], list) else [schema["type"]])
    return schema


def test_until_before_since_is_refused_by_every_operation_that_takes_both(
    client: TestClient, schema: dict[str, Any]
) -> None:
    ranged = [
        path
        for path, item in schema["paths"].items()
        if {"since", "until"} <= {p["name"] for p in item["get"].get("parameters", [])} and "{" not in path
    ]
    assert len(ranged) >= 7
    for path in ranged:
        assert "Not before `since`" in parameter(schema, path, "until")["description"], path
        response = client.get(path, params={"since": "2024-05-01", "until": "2024-04-01"})
        assert response.status_code == 422, path
        assert response.headers["content-type"] == "application/json"
        error = response.json()["detail"][0]
        assert error["loc"] == ["query", "until"]
        assert "2024-04-01" in error["msg"] and "2024-05-01" in error["msg"], error
        assert client.get(path, params={"since": "2024-04-01", "until": "2024-04-01"}).status_code == 200, path


@pytest.mark.parametrize("by", ["month,month", "admin1, month ,admin1", "event_type,week,event_type"])
def test_a_group_key_given_twice_is_refused_and_the_schema_says_so(
    client: TestClient, schema: dict[str, Any], by: str
) -> None:
    declared = listed(parameter(schema, "/api/v1/stats", "by"))
    assert declared["uniqueItems"] and (declared["minItems"], declared["maxItems"]) == (1, 3)
    response = client.get("/api/v1/stats", params={"by": by})
    assert response.status_code == 422
    assert "distinct" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/events", "alliance=3BHA&alliance=K3C"),
        ("/api/v1/exports/events.jsonl", "date_precision=&alliance=true&alliance=0.0"),
        ("/api/v1/stats", "by=month&by=admin1"),
        ("/api/v1/events", "limit=5&limit=10"),
    ],
)
def test_a_parameter_given_twice_is_refused_not_read_as_its_last_value(
    client: TestClient, path: str, query: str
) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 422, response.text
    error = response.json()["detail"][0]
    assert error["loc"][0] == "query" and "more than once" in error["msg"]
    first_only = query.split("&")[0]
    assert client.get(f"{path}?{first_only}").status_code == 200


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("Kachin, ,Shan", 422),
        (" ", 422),
        ("\x1c", 422),
        ("", 200),
        (",", 200),
        ("Kachin,", 200),
        ("Kachin , Shan", 200),
    ],
)
def test_an_item_of_white_space_is_refused_an_empty_item_names_nothing(
    client: TestClient, value: str, status: int
) -> None:
    response = client.get("/api/v1/events", params={"admin1": value})
    assert response.status_code == status, response.text
    if status == 422:
        assert "blank name" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("by", ["month", "month,admin1", " week , sub_event_type,event_type"])
def test_distinct_group_keys_are_in_the_schema_and_accepted(
    client: TestClient, schema: dict[str, Any], by: str
) -> None:
    keys = [key.strip() for key in by.split(",")]
    assert set(keys) <= set(listed(parameter(schema, "/api/v1/stats", "by"))["items"]["enum"])
    assert client.get("/api/v1/stats", params={"by": by}).status_code == 200


@pytest.mark.parametrize("name", sorted(NAME_LISTS))
def test_every_known_name_of_a_filter_is_in_the_schema_and_a_sample_is_accepted(
    client: TestClient, schema: dict[str, Any], name: str
) -> None:
    declared = listed(parameter(schema, "/api/v1/events", name))
    assert declared["items"]["enum"] == [*NAME_LISTS[name](), ""]  # an empty item names nothing
    known = list(NAME_LISTS[name]())
    most = declared["maxItems"]
    sample = [known[0], known[-1].upper(), f"{known[0]}, {known[-1]}", ",".join(sorted(known, key=len)[-most:])]
    for value in sample:
        assert client.get("/api/v1/events", params={name: value}).status_code == 200, value
    assert "Atlantis" not in known
    assert client.get("/api/v1/events", params={name: "Atlantis"}).status_code == 422


def test_every_state_region_spelling_is_accepted(client: TestClient) -> None:
    written = [alias for aliases in admin1_spellings().values() for alias in aliases]
    for value in [*written, "sagaing region", "KAREN STATE", "Bago Division", "MMR005", "Kachin,Shan", ""]:
        assert client.get("/api/v1/events", params={"admin1": value}).status_code == 200, value


def date_time_fields(schema: dict[str, Any]) -> set[str]:
    """Names of the properties the schema declares as `date-time`."""
    found = set()
    for model in schema["components"]["schemas"].values():
        for name, spec in model.get("properties", {}).items():
            if any(s.get("format") == "date-time" for s in spec.get("anyOf", [spec])):
                found.add(name)
    return found


def test_timestamps_are_date_times_with_their_zone(client: TestClient, schema: dict[str, Any], filled_url: str) -> None:
    fill_sources(filled_url)
    declared = date_time_fields(schema)
    assert {"ingested_at", "processed_at", "last_success_at", "last_error_at", "next_poll_at"} <= declared
    served: list[tuple[str, str]] = []
    for row in client.get("/api/v1/sources").json():
        served += [(k, v) for k, v in row.items() if k in declared and v]
    for doc in client.get("/api/v1/documents").json()["items"]:
        detail = client.get(f"/api/v1/documents/{doc['id']}").json()
        served += [(k, v) for k, v in detail.items() if k in declared and v]
    assert {name for name, _ in served} >= {"ingested_at", "last_success_at", "last_error_at"}
    for name, value in served:
        assert dt.datetime.fromisoformat(value).tzinfo is not None, (name, value)
