"""Unknown is not zero: an event whose death toll no source gave is never counted as 0 deaths.

Every face counts tolls through `mawgun.query`: counts carry the events with a known toll, the
sum over those tolls (None when no toll is known) and the number of events whose toll is unknown.
The store: in Shan, October 2023 has two clashes with tolls (5 and 3) and one without; November
2023 has two clashes and no toll at all. The text is written for this test.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web.signin import bearer

from mawgun.cli.main import app
from mawgun.model import Document
from mawgun.query.counts import compare_periods, count_events
from mawgun.query.filter import EventFilter
from mawgun.query.tolls import toll_change
from mawgun.report.build import build_report
from mawgun.report.periods import month_of
from mawgun.report.render import render_markdown
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow

# (id, date, best toll or None)
CLASHES = [
    ("oct-a", dt.date(2023, 10, 28), 5),
    ("oct-b", dt.date(2023, 10, 29), 3),
    ("oct-c", dt.date(2023, 10, 30), None),
    ("nov-a", dt.date(2023, 11, 4), None),
    ("nov-b", dt.date(2023, 11, 9), None),
]


def canonical(event_id: str, day: dt.date, toll: int | None) -> CanonicalEventRow:
    return CanonicalEventRow(
        id=f"ce-{event_id}", event_type="Battles", sub_event_type="Armed clash", date=day, date_precision="day",
        admin1="Shan", actor1=["MNDAA"], actor2=["MIL"], fatalities_best=toll, fatalities_low=toll,
        fatalities_high=toll, n_reports=1, n_sources=1, n_outlets=1, origin="mawgun", tags=[], explanation={},
    )  # fmt: skip


@pytest.fixture
def tolls_url(store_url: str) -> str:
    doc = Document(doc_id="doc-tolls", text="Northern Shan saw clashes around Lashio in late 2023.",
                   title="Northern Shan", outlet="Test Wire", published=dt.date(2023, 11, 20))  # fmt: skip
    with session_scope(store_url) as session:
        repository.save_document(session, doc)
        session.add_all([canonical(*row) for row in CLASHES])
    return store_url


def by_month(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["month"]: row for row in rows}


def test_counts_sum_known_tolls_and_count_the_unknown(tolls_url: str) -> None:
    with session_scope(tolls_url) as session:
        rows = by_month(count_events(session, ["month"], EventFilter()))
    assert rows["2023-10"].items() >= {"events": 3, "toll_known": 2, "toll_unknown": 1, "fatalities": 8}.items()
    assert rows["2023-11"].items() >= {"events": 2, "toll_known": 0, "toll_unknown": 2, "fatalities": None}.items()
    assert rows["2023-11"]["fatalities_low"] is None and rows["2023-11"]["fatalities_high"] is None


def test_no_change_is_computed_against_an_unknown_toll(tolls_url: str) -> None:
    with session_scope(tolls_url) as session:
        result = compare_periods(session, dt.date(2023, 11, 1), 31, 30)
    assert result["fatalities"] == {"before": 8, "after": None, "change": None, "change_pct": None}
    assert result["toll_unknown"] == {"before": 1, "after": 2}


def test_sums_over_partly_known_tolls_are_not_compared() -> None:
    known = {"fatalities": 29, "toll_known": 3, "toll_unknown": 0}
    partly = {"fatalities": 0, "toll_known": 1, "toll_unknown": 9}  # one non-violent event coded 0
    assert toll_change(known, partly)["change"] is None and toll_change(partly, known)["change_pct"] is None
    assert toll_change(known, {"fatalities": 31, "toll_known": 2, "toll_unknown": 0})["change"] == 2


def test_the_monthly_report_says_the_toll_is_unknown(tolls_url: str) -> None:
    with session_scope(tolls_url) as session:
        report = build_report(session, month_of(dt.date(2023, 11, 1)))
    headline = report["headline"]
    assert headline["current"]["fatalities"] is None and headline["fatalities_change"]["change"] is None
    text = render_markdown(report)
    line = next(line for line in text.splitlines() if "Fatalities" in line)
    assert "unknown" in line and "toll unknown for 2 events" in line
    assert "-8" not in line and "-100.0%" not in line and " 0 " not in line


def test_the_dashboard_does_not_show_zero_deaths(tolls_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(tolls_url), headers=bearer(tolls_url)) as client:
        november = client.get("/", params={"admin1": "Shan", "since": "2023-11-01"}).text
        october = client.get("/", params={"admin1": "Shan", "until": "2023-10-31"}).text
        report = client.get("/reports", params={"period": "monthly", "date": "2023-11-10"}).text
    assert re.search(r'id="total-deaths">unknown<', november)
    assert "toll unknown for 2 events" in re.sub(r"<[^>]+>", "", november)
    assert re.search(r'id="total-deaths">8<', october) and "toll unknown for 1 events" in october
    assert "<b>unknown</b><span>reported deaths" in report


def test_the_api_and_mawgun_stats_give_null_not_zero(tolls_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(tolls_url), headers=bearer(tolls_url)) as client:
        rows = client.get("/api/v1/stats", params={"by": "month"}).json()["rows"]
        api = by_month([{"month": row["keys"]["month"], **row} for row in rows])
        csv_text = client.get("/api/v1/stats", params={"by": "month", "format": "csv"}).text
    assert api["2023-11"]["fatalities"] is None and api["2023-11"]["toll_unknown"] == 2
    assert api["2023-10"]["fatalities"] == 8 and api["2023-10"]["toll_known"] == 2
    assert csv_text.splitlines()[0].split(",") == ["month", "events", "fatalities", "toll_known", "toll_unknown"]
    result = CliRunner().invoke(app, ["stats", "--by", "month", "--format", "json", "--db", tolls_url])
    assert result.exit_code == 0, result.output
    stats = by_month(json.loads(result.stdout))
    assert stats["2023-11"]["fatalities"] is None and stats["2023-11"]["toll_unknown"] == 2
