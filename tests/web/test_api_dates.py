"""API dates are calendar days written YYYY-MM-DD (issue 15, point 12): `until=0` used to be read as
a Unix time (1970-01-01) and accepted, against the `date` format the schema declares."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

NOT_DAYS = ["0", "1700000000", "2024-5-1", "2024-05-01T00:00:00"]


@pytest.mark.parametrize("value", NOT_DAYS)
@pytest.mark.parametrize(("path", "name"), [("/api/v1/events", "until"), ("/api/v1/stats", "since"),
                                            ("/api/v1/control", "as_of")])  # fmt: skip
def test_a_date_parameter_that_is_not_a_day_is_refused(client: TestClient, path: str, name: str, value: str) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 422, (path, name, value)
    assert response.json()["detail"][0]["loc"] == ["query", name]


def test_date_parameters_are_declared_as_days(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    until = next(p for p in schema["paths"]["/api/v1/events"]["get"]["parameters"] if p["name"] == "until")
    declared = [s for s in until["schema"].get("anyOf", [until["schema"]]) if s.get("type") == "string"]
    assert declared and all(s.get("format") == "date" for s in declared), until
    assert client.get("/api/v1/events", params={"until": "2024-05-01"}).status_code == 200
