"""Filters never select nothing quietly: names resolve as the CLI resolves them, typos get suggestions.

The store holds two Arakan Army attacks in Rakhine and one clash in Shan, written for this test.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web.signin import bearer

from mawgun.cli.main import app
from mawgun.query.names import UnknownName, check_admin1, near_admin1
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow

EVENTS = [("aa-1", "AA", "Rakhine", dt.date(2024, 1, 8)), ("aa-2", "AA", "Rakhine", dt.date(2024, 1, 14)),
          ("mndaa", "MNDAA", "Shan", dt.date(2024, 1, 5))]  # fmt: skip


@pytest.fixture
def names_url(store_url: str) -> str:
    with session_scope(store_url) as session:
        session.add_all(
            CanonicalEventRow(
                id=f"ce-{ident}",
                event_type="Battles",
                sub_event_type="Armed clash",
                date=day,
                date_precision="day",
                admin1=state,
                actor1=[actor],
                actor2=["MIL"],
                n_reports=1,
                n_sources=1,
                n_outlets=1,
                origin="mawgun",
                tags=[],
                explanation={},
            )  # fmt: skip
            for ident, actor, state, day in EVENTS
        )
    return store_url


def test_a_mistyped_state_gets_near_matches() -> None:
    assert near_admin1("Shann")[0] == "Shan"
    assert near_admin1("Sagiang")[0] == "Sagaing"
    with pytest.raises(UnknownName, match="did you mean Shan"):
        check_admin1(["Shann"])
    check_admin1(["Karenni State", "shan", "MMR014"])  # spellings and P-codes pass


def test_the_cli_suggests_instead_of_printing_no_rows(names_url: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["stats", "--admin1", "Shann", "--db", names_url])
    assert result.exit_code == 2
    assert "did you mean Shan" in re.sub(r"\s+", " ", result.output)


def test_the_api_and_the_dashboard_suggest_too(names_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(names_url), headers=bearer(names_url)) as client:
        api = client.get("/api/v1/events", params={"admin1": "Shann"})
        page = client.get("/", params={"admin1": "Shann"}).text
    assert api.status_code == 422 and "did you mean Shan" in api.json()["detail"][0]["msg"]
    assert "did you mean Shan" in page


def test_the_dashboard_resolves_actor_names_as_the_cli_does(names_url: str) -> None:
    from mawgun.web.app import create_app

    result = CliRunner().invoke(app, ["events", "--actor", "Arakan Army", "--format", "json", "--db", names_url])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    with TestClient(create_app(names_url), headers=bearer(names_url)) as client:
        page = client.get("/", params={"actor": "Arakan Army"}).text
        api = client.get("/api/v1/events", params={"actor": "Arakan Army"}).json()
    assert re.search(r'id="total-events">2<', page) and api["total"] == 2
