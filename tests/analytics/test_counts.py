"""Counting canonical events (or reports) by period, place, type, actor, alliance and side."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.analytics import (
    EventFilter,
    actor_pairs,
    compare_periods,
    count_events,
    peak_period,
    top_places,
)
from mawgun.store.db import session_scope

AIR = ("Explosions/Remote violence", "Air/drone strike")


@pytest.fixture
def seeded(store_url, build):
    """Six canonical events of 2023 (four air strikes, a clash, a capture) and their reports."""
    with session_scope(store_url) as session:
        b = build(session)
        doc = b.document("A short note written for these tests about events in Myanmar in 2023.")
        first = b.canonical("2023-08-03", *AIR, ["MIL"], ["CIV"], 5, admin1="Sagaing", admin3="Kanbalu")
        b.report(first, doc)
        b.report(first, None, fatalities=4)
        for ce in (
            b.canonical("2023-08-09", *AIR, ["MIL"], ["CIV"], 2, admin1="Sagaing", admin3="Kanbalu"),
            b.canonical("2023-08-10", *AIR, ["MIL"], ["CIV"], 0, admin1="Chin", admin3="Hakha"),
            b.canonical("2023-09-15", *AIR, ["MIL"], ["KIA"], None, admin1="Kachin", admin3="Hpakant"),
            b.canonical("2023-10-28", "Battles", "Armed clash", ["MNDAA", "TNLA"], ["MIL"], 10, admin1="Shan"),
            b.canonical(
                "2023-11-06", "Battles", "Non-state actor overtakes territory", ["PDF"], ["MIL"], 3,
                admin1="Sagaing", admin3="Kawlin", location="Kawlin",
            ),
        ):  # fmt: skip
            b.report(ce, doc)
    return store_url


def test_counts_by_month_sum_events_and_best_fatalities(seeded):
    with session_scope(seeded) as session:
        rows = count_events(session, ["month"], EventFilter())
    assert [(r["month"], r["events"], r["fatalities"]) for r in rows] == [
        ("2023-08", 3, 7),
        ("2023-09", 1, None),  # no toll known: unknown, not 0
        ("2023-10", 1, 10),
        ("2023-11", 1, 3),
    ]


def test_counts_by_month_and_state_are_sorted_by_their_keys(seeded):
    with session_scope(seeded) as session:
        rows = count_events(session, ["month", "admin1"], EventFilter(since=dt.date(2023, 8, 1)))
    keys = [(r["month"], r["admin1"]) for r in rows]
    assert keys == sorted(keys)
    assert {"month": "2023-08", "admin1": "Sagaing", "events": 2, "fatalities": 7}.items() <= rows[1].items()


def test_weeks_are_labelled_as_iso_weeks(seeded):
    with session_scope(seeded) as session:
        rows = count_events(session, ["week"], EventFilter(until=dt.date(2023, 8, 31)))
    assert [(r["week"], r["events"]) for r in rows] == [("2023-W31", 1), ("2023-W32", 2)]


def test_a_week_spanning_new_year_belongs_to_its_iso_year(store_url, build):
    with session_scope(store_url) as session:
        b = build(session)
        b.canonical("2024-12-30", *AIR, ["MIL"], ["CIV"], 1, admin1="Mandalay")
        b.canonical("2025-01-02", *AIR, ["MIL"], ["CIV"], 1, admin1="Mandalay")
    with session_scope(store_url) as session:
        rows = count_events(session, ["week", "year"], EventFilter())
    assert [(r["week"], r["year"], r["events"]) for r in rows] == [("2025-W01", "2024", 1), ("2025-W01", "2025", 1)]


def test_per_report_counts_every_report_not_the_canonical_event(seeded):
    with session_scope(seeded) as session:
        canonical = count_events(session, ["month"], EventFilter(until=dt.date(2023, 8, 31)))
        reports = count_events(session, ["month"], EventFilter(until=dt.date(2023, 8, 31), per_report=True))
    assert canonical[0]["events"] == 3
    assert reports[0]["events"] == 4
    assert reports[0]["fatalities"] == 5 + 4 + 2 + 0


def test_filters_by_type_state_and_township(seeded):
    with session_scope(seeded) as session:
        air = count_events(session, [], EventFilter(sub_event_types=["Air/drone strike"]))
        sagaing = count_events(session, [], EventFilter(admin1=["Sagaing Region"]))
        kanbalu = count_events(session, [], EventFilter(admin3=["Kanbalu"]))
    assert air[0]["events"] == 4
    assert sagaing[0]["events"] == 3  # "Sagaing Region" is folded to "Sagaing"
    assert kanbalu[0]["events"] == 2


def test_an_actor_filter_matches_either_side_of_an_event(seeded):
    with session_scope(seeded) as session:
        kia = count_events(session, ["month"], EventFilter(actors=["KIA"]))
        mil = count_events(session, [], EventFilter(actors=["MIL"]))
    assert [(r["month"], r["events"]) for r in kia] == [("2023-09", 1)]
    assert mil[0]["events"] == 6


def test_alliance_filter_counts_events_of_its_members(seeded):
    with session_scope(seeded) as session:
        rows = count_events(session, ["alliance"], EventFilter(alliance="3BHA"))
    assert {"alliance": "3BHA", "events": 1, "fatalities": 10}.items() <= rows[0].items()


def test_grouping_by_actor_counts_each_event_once_per_actor(seeded):
    with session_scope(seeded) as session:
        rows = {r["actor"]: r for r in count_events(session, ["actor"], EventFilter())}
    assert rows["MIL"]["events"] == 6
    assert rows["CIV"]["events"] == 3
    assert rows["MNDAA"]["events"] == rows["TNLA"]["events"] == 1


def test_grouping_by_side_puts_junta_and_resistance_apart(seeded):
    with session_scope(seeded) as session:
        rows = {r["side"]: r["events"] for r in count_events(session, ["side"], EventFilter())}
        resistance = count_events(session, [], EventFilter(side="resistance"))
    assert rows["junta"] == 6
    assert rows["resistance"] == 3  # KIA; MNDAA+TNLA counted once; PDF
    assert resistance[0]["events"] == 3


def test_the_peak_week_is_the_one_with_most_events(seeded):
    with session_scope(seeded) as session:
        peak = peak_period(session, "week", EventFilter(sub_event_types=["Air/drone strike"]))
        none = peak_period(session, "week", EventFilter(since=dt.date(2030, 1, 1)))
    assert peak == {"unit": "week", "period": "2023-W32", "events": 2, "fatalities": 2, "toll_unknown": 0}
    assert none is None


def test_compare_periods_gives_absolute_and_relative_change(seeded):
    with session_scope(seeded) as session:
        result = compare_periods(session, dt.date(2023, 10, 27), 90, 90, EventFilter(), by=["admin1"])
    assert result["before"] == {"since": "2023-07-29", "until": "2023-10-26"}
    assert result["events"] == {"before": 4, "after": 2, "change": -2, "change_pct": -50.0}
    shan = next(g for g in result["groups"] if g["admin1"] == "Shan")
    assert shan["events"] == {"before": 0, "after": 1, "change": 1, "change_pct": None}


def test_top_places_lists_the_busiest_township_first(seeded):
    with session_scope(seeded) as session:
        rows = top_places(session, EventFilter(), "admin3", 2)
    assert rows[0]["place"] == "Kanbalu" and rows[0]["events"] == 2 and rows[0]["admin1"] == "Sagaing"
    assert len(rows) == 2


def test_actor_pairs_rank_who_acts_against_whom(seeded):
    with session_scope(seeded) as session:
        rows = actor_pairs(session, EventFilter(), 3)
    assert (rows[0]["actor1"], rows[0]["actor2"], rows[0]["events"]) == ("MIL", "CIV", 3)


def test_an_unknown_group_key_is_a_clear_error(seeded):
    with session_scope(seeded) as session, pytest.raises(ValueError, match="cannot group by province"):
        count_events(session, ["province"], EventFilter())


def test_per_report_counts_group_by_the_actors_of_each_report(seeded):
    with session_scope(seeded) as session:
        rows = {r["actor"]: r["events"] for r in count_events(session, ["actor"], EventFilter(per_report=True))}
        pairs = actor_pairs(session, EventFilter(per_report=True), 1)
    assert rows["MIL"] == 7 and rows["CIV"] == 4
    assert (pairs[0]["actor1"], pairs[0]["actor2"], pairs[0]["events"]) == ("MIL", "CIV", 4)


def test_an_actor_code_matches_whole_codes_only(store_url, build):
    with session_scope(store_url) as session:
        b = build(session)
        b.canonical("2024-01-10", "Battles", "Armed clash", ["AA"], ["MIL"], 1, admin1="Rakhine")
        b.canonical("2024-01-11", "Battles", "Armed clash", ["AAB", "aa"], ["KA"], 1, admin1="Kayah")
        b.canonical("2024-01-12", "Battles", "Armed clash", ['Arakan Army "AA" unit'], [], 1, admin1="Chin")
    with session_scope(store_url) as session:
        rows = count_events(session, ["admin1"], EventFilter(actors=["AA"]))
    assert [(r["admin1"], r["events"]) for r in rows] == [("Rakhine", 1)]


def test_alliance_membership_counts_only_from_the_date_an_actor_joined(store_url, build):
    with session_scope(store_url) as session:
        b = build(session)
        doc = b.document("A note written for these tests about Kokang fighting in 2015 and in 2023.")
        early = b.canonical("2015-02-20", "Battles", "Armed clash", ["MNDAA"], ["MIL"], 10, admin1="Shan")
        late = b.canonical("2023-11-02", "Battles", "Armed clash", ["MNDAA"], ["MIL"], 6, admin1="Shan")
        b.report(early, doc)
        b.report(late, doc)
    with session_scope(store_url) as session:
        grouped = count_events(session, ["alliance", "year"], EventFilter())
        per_report = count_events(session, ["alliance", "year"], EventFilter(per_report=True))
        filtered = count_events(session, ["year"], EventFilter(alliance="3BHA"))
    brotherhood = [(r["year"], r["events"]) for r in grouped if r["alliance"] == "3BHA"]
    assert brotherhood == [("2023", 1)]  # the alliance was formed in 2019
    assert [(r["year"], r["events"]) for r in per_report if r["alliance"] == "3BHA"] == [("2023", 1)]
    assert [(r["year"], r["events"]) for r in filtered] == [("2023", 1)]


def test_actor_and_side_filters_may_be_met_by_different_actors(seeded):
    with session_scope(seeded) as session:
        rows = count_events(session, [], EventFilter(actors=["MIL"], side="resistance"))
    assert rows[0]["events"] == 3  # the junta against KIA, MNDAA/TNLA and PDF
