"""Claims against data: each figure a source reported, beside Mawgun's own count of the same thing.

The statistics and events are built here from short texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.analytics import EventFilter, claims_against_data
from mawgun.store.db import session_scope

AIR = ("Explosions/Remote violence", "Air/drone strike")
CAPTURE = ("Battles", "Non-state actor overtakes territory")
MONITOR = (
    "The monitoring group counted at least 149 airstrikes in August 2023 across the country. "
    "Resistance forces have taken 3 towns since the offensive began. "
    "A Karenni civil society network says the war has killed 182 people and displaced 170,000."
)


@pytest.fixture
def with_claims(store_url, build):
    with session_scope(store_url) as session:
        b = build(session)
        doc = b.document(MONITOR, outlet="Monitor Desk", published="2023-12-01")
        b.statistic(
            doc, "airstrikes", 149, "at least 149 airstrikes in August 2023", qualifier="at least",
            area=["Myanmar"], period_start="2023-08-01", period_end="2023-08-31", source_org="Test Monitor",
        )  # fmt: skip
        b.statistic(
            doc, "towns captured", 3, "taken 3 towns", area=["Myanmar"],
            period_start="2023-10-27", period_end="2023-11-30",
        )  # fmt: skip
        b.statistic(doc, "killed", 182, "killed 182 people", area=["Kayah", "Shan"], period_end="2023-11-30")
        b.statistic(doc, "displaced", 170000, "displaced 170,000", area=["Kayah"], period_end="2023-11-30")
        for day, state in (("2023-08-03", "Sagaing"), ("2023-08-17", "Chin"), ("2023-08-30", "Kayah")):
            b.canonical(day, *AIR, ["MIL"], ["CIV"], 2, admin1=state)
        b.canonical("2023-09-02", *AIR, ["MIL"], ["CIV"], 1, admin1="Kayah")
        b.canonical("2023-10-28", *CAPTURE, ["MNDAA"], ["MIL"], 0, admin1="Shan", location="Chinshwehaw")
        b.canonical("2023-10-29", *CAPTURE, ["MNDAA"], ["MIL"], 0, admin1="Shan", location="Chinshwehaw")
        b.canonical("2023-11-06", *CAPTURE, ["PDF"], ["MIL"], 5, admin1="Sagaing", location="Kawlin")
    return store_url


def by_metric(rows):
    return {row["metric"]: row for row in rows}


def test_a_reported_airstrike_count_sits_beside_mawguns_count_for_the_same_month(with_claims):
    with session_scope(with_claims) as session:
        air = by_metric(claims_against_data(session, EventFilter()))["airstrikes"]
    assert (air["value"], air["qualifier"], air["measure"], air["mawgun"], air["difference"]) == (
        149,
        "at least",
        "events",
        3,
        3 - 149,
    )
    assert air["quotes"] == ["at least 149 airstrikes in August 2023"]
    assert air["outlet"] == "Monitor Desk" and air["source_org"] == "Test Monitor"


def test_towns_captured_count_distinct_places_not_repeated_reports(with_claims):
    with session_scope(with_claims) as session:
        towns = by_metric(claims_against_data(session))["towns captured"]
    assert (towns["measure"], towns["mawgun"]) == ("places", 2)


def test_killed_is_compared_with_fatalities_in_the_stated_area(with_claims):
    with session_scope(with_claims) as session:
        killed = by_metric(claims_against_data(session))["killed"]
    assert killed["mawgun"] == 2 + 1 + 0 + 0  # Kayah air strikes and the Shan captures; not Sagaing or Chin
    assert "no period start" in killed["note"]


def test_a_metric_mawgun_cannot_measure_says_so(with_claims):
    with session_scope(with_claims) as session:
        displaced = by_metric(claims_against_data(session))["displaced"]
    assert displaced["mawgun"] is None and "no measure" in displaced["note"]


def test_the_filter_limits_claims_to_its_period_and_area(with_claims):
    with session_scope(with_claims) as session:
        august = claims_against_data(session, EventFilter(since=dt.date(2023, 8, 1), until=dt.date(2023, 8, 31)))
        sagaing = claims_against_data(session, EventFilter(admin1=["Sagaing"]))
    assert "towns captured" not in by_metric(august)
    assert set(by_metric(sagaing)) == {"airstrikes", "towns captured"}  # nationwide figures only
