"""A coarse date or place is shown as coarse wherever it is shown.

An event known only to the month is stored on a representative day; the dashboard's lists and event
page, the monthly report and `mawgun events` print "Nov 2023", never that day. An event placed only
in its state/region says so. The store and its text are written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web.signin import bearer

from mawgun.cli.main import app
from mawgun.model import Document
from mawgun.query.precision import show_date, show_place
from mawgun.report.build import build_report
from mawgun.report.periods import month_of
from mawgun.report.render import render_markdown
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow

STORED_DAY = "2023-11-15"


def test_dates_and_places_carry_their_precision() -> None:
    assert show_date(dt.date(2023, 11, 15), "month") == "Nov 2023"
    assert show_date(dt.date(2023, 11, 15), "year") == "2023"
    assert show_date(dt.date(2023, 11, 15), "day") == "2023-11-15"
    assert show_date(None, "month") == ""
    assert show_place({"admin1": "Shan", "geo_precision": 3}) == "Shan (state/region only)"
    assert show_place({"admin1": "Shan", "admin3": "Lashio", "location": "Lashio"}) == "Lashio, Shan"


@pytest.fixture
def coarse_url(store_url: str) -> str:
    doc = Document(doc_id="doc-coarse", text="Clashes in Shan were reported during November 2023.",
                   title="Shan in November", outlet="Test Wire", published=dt.date(2023, 12, 2))  # fmt: skip
    with session_scope(store_url) as session:
        repository.save_document(session, doc)
        session.add(
            CanonicalEventRow(
                id="ce-coarse",
                event_type="Battles",
                sub_event_type="Armed clash",
                date=dt.date(2023, 11, 15),
                date_precision="month",
                admin1="Shan",
                geo_precision=3,
                actor1=["MNDAA"],
                actor2=["MIL"],
                fatalities_best=4,
                n_reports=1,
                n_sources=1,
                n_outlets=1,
                origin="mawgun",
                tags=[],
                explanation={},
            )  # fmt: skip
        )
    return store_url


def test_the_dashboard_shows_the_month_and_the_state_only(coarse_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(coarse_url), headers=bearer(coarse_url)) as client:
        listing = client.get("/events").text
        page = client.get("/events/ce-coarse").text
        dashboard = client.get("/").text
    for html in (listing, dashboard):
        assert "Nov 2023" in html and STORED_DAY not in html and "state/region only" in html
    assert "Nov 2023" in page and "state/region only" in page


def test_the_report_and_the_cli_show_the_month(coarse_url: str) -> None:
    with session_scope(coarse_url) as session:
        text = render_markdown(build_report(session, month_of(dt.date(2023, 11, 1))))
    notable = text.split("## Notable events", 1)[1]
    assert "Nov 2023" in notable and STORED_DAY not in notable and "Shan (state/region only)" in notable
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["events", "--db", coarse_url])
    assert result.exit_code == 0, result.output
    assert "Nov 2023" in result.output and STORED_DAY not in result.output
    assert "state/region only" in result.output
