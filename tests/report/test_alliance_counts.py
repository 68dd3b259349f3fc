"""The reports count an alliance as every other face does (issue 11): a report built for K3C's events
(members' units through their parents) gives the count `mawgun stats`, the API and the dashboard give
for the same period, over the store of `tests/query/test_one_count.py` (SQLite and PostgreSQL).

Reports take their scope as the query layer's `EventFilter`, so an alliance scope narrows the headline,
the table by type and the map alike; the CLI and the web pages offer only the review and release
scopes, so this is checked where the report is built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient
from query.test_one_count import k3c_url  # noqa: F401  (the fixture: the K3C store)
from web.signin import bearer

from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.report.build import build_report
from mawgun.report.periods import Period, month_of, week_of
from mawgun.store.db import session_scope

K3C = EventFilter(alliance="K3C")
PERIODS = [  # (period, K3C events in it): March 2024; the week of 11 March (KIA on the 12th, CNF on the 15th)
    (month_of(dt.date(2024, 3, 1)), 5),
    (week_of(dt.date(2024, 3, 12)), 2),
]


def faces(url: str, period: Period) -> dict[str, int]:
    """K3C's events in the period as the report, the query layer, the API and the dashboard count them."""
    from mawgun.web.app import create_app

    flt = dataclasses.replace(K3C, since=period.start, until=period.end)
    params = {"alliance": "K3C", "since": period.start.isoformat(), "until": period.end.isoformat()}
    with session_scope(url) as session:
        report = build_report(session, period, scope=K3C)
        counted = {
            "report headline": report["headline"]["current"]["events"],
            "report by type": sum(row["events"] for row in report["by_type"]),
            "mawgun stats": sum(row["events"] for row in count_events(session, ["month"], flt)),
        }
    with TestClient(create_app(url), headers=bearer(url)) as client:
        counted["api stats"] = sum(r["events"] for r in client.get("/api/v1/stats", params=params).json()["rows"])
        counted["api events"] = client.get("/api/v1/events", params=params).json()["total"]
    return counted


@pytest.mark.parametrize(("period", "expected"), PERIODS, ids=["month", "week"])
def test_a_report_scoped_to_an_alliance_counts_what_every_face_counts(
    k3c_url: str,  # noqa: F811
    period: Period,
    expected: int,
) -> None:
    counted = faces(k3c_url, period)
    assert counted == dict.fromkeys(counted, expected)
