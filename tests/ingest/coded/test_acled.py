"""Importing ACLED export rows (fixture written for these tests in ACLED's column layout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from mawgun.ingest.coded import import_acled
from mawgun.ingest.coded.acled import parse_acled_date
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventRow

SAMPLE = Path(__file__).parent / "fixtures" / "acled-sample.csv"


def test_acled_rows_keep_their_coding_and_become_canonical_events(store_url):
    with session_scope(store_url) as session:
        report = import_acled(session, SAMPLE)
    assert (report.read, report.imported, len(report.problems)) == (3, 2, 1)
    assert "event_date" in report.problems[0][1]
    with session_scope(store_url) as session:
        rows = {e.origin_id: e for e in session.scalars(select(EventRow))}
        strike = session.get(CanonicalEventRow, rows["MMRT0001"].canonical_id)
        capture = session.get(CanonicalEventRow, rows["MMRT0002"].canonical_id)
    assert (strike.sub_event_type, strike.admin1, strike.admin3, strike.fatalities_best) == (
        "Air/drone strike",
        "Sagaing",
        "Kanbalu",
        4,
    )
    assert strike.actor1 == ["MIL"] and strike.actor2 == ["CIV"]
    assert "civilian-targeting" in strike.tags
    assert capture.admin1 == "Shan"  # "Shan-North"
    assert capture.actor1 == ["MNDAA", "TNLA", "AA"]  # the main actor and its associated actors
    assert (capture.date, capture.date_precision) == (dt.date(2023, 10, 27), "week")


def test_acled_dates_are_read_in_the_formats_exports_use():
    assert parse_acled_date("2024-01-05") == dt.date(2024, 1, 5)
    assert parse_acled_date("05 January 2024") == dt.date(2024, 1, 5)
