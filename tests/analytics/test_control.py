"""Territorial control: which towns changed hands between 2023-10-27 and 2024-03-31, who holds them now.

The records are built here, as extraction and deduplication would store them, from short texts
written for these tests about Operation 1027 and its aftermath.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.analytics import control_changes, control_summary, territorial_control
from mawgun.store.db import session_scope

CAPTURE = ("Battles", "Non-state actor overtakes territory")
RETAKE = ("Battles", "Government regains territory")

SHAN_NOTE = (
    "Fighters of the Kokang group MNDAA took the border trade town of Chinshwehaw on 28 October. "
    "In November the MNDAA also took Kunlong. Hsenwi on the Lashio road fell to TNLA and MNDAA fighters in January. "
    "Laukkaing, the Kokang capital, passed to the MNDAA on 5 January after the regional command gave up."
)
LAUKKAING_WIRE = "Junta generals handed over Laukkaing to the Kokang army on Friday, 5 January 2024."
SAGAING_NOTE = "A local People's Defence Force said it seized Kawlin town in Sagaing Region on 6 November 2023."
KAYIN_NOTE = (
    "Karen fighters overran the army's Battalion 275 base near Myawaddy on 11 April 2024. "
    "Regime troops moved back into the base on 24 April 2024 after the Karen forces withdrew."
)


@pytest.fixture
def operation_1027(store_url, build):
    """Captures of Chinshwehaw, Kunlong, Hsenwi, Laukkaing (MNDAA/TNLA), Kawlin (PDF) and a junta retake."""
    with session_scope(store_url) as session:
        b = build(session)
        shan = b.document(SHAN_NOTE, outlet="Shan Desk", published="2024-01-08")
        wire = b.document(LAUKKAING_WIRE, outlet="Border Wire", published="2024-01-06")
        sagaing = b.document(SAGAING_NOTE, outlet="Upper Myanmar Desk", published="2023-11-07")
        kayin = b.document(KAYIN_NOTE, outlet="Karen Desk", published="2024-04-25")
        town = {"admin1": "Shan"}
        ce = b.canonical("2023-10-28", *CAPTURE, ["MNDAA"], ["MIL"], location="Chinshwehaw", admin3="Laukkaing", **town)
        b.report(ce, shan, "Fighters of the Kokang group MNDAA took the border trade town of Chinshwehaw")
        ce = b.canonical("2023-11-15", *CAPTURE, ["MNDAA"], ["MIL"], location="Kunlong", **town)
        b.report(ce, shan, "In November the MNDAA also took Kunlong")
        ce = b.canonical("2024-01-15", *CAPTURE, ["TNLA", "MNDAA"], ["MIL"], location="Hsenwi", **town)
        b.report(ce, shan, "Hsenwi on the Lashio road fell to TNLA and MNDAA fighters")
        ce = b.canonical("2024-01-05", *CAPTURE, ["MNDAA"], ["MIL"], location="Laukkaing", **town)
        b.report(ce, shan, "Laukkaing, the Kokang capital, passed to the MNDAA on 5 January")
        b.report(ce, wire, "Junta generals handed over Laukkaing to the Kokang army")
        ce = b.canonical("2023-11-06", *CAPTURE, ["PDF"], ["MIL"], location="Kawlin", admin1="Sagaing")
        b.report(ce, sagaing, "seized Kawlin town in Sagaing Region")
        base = {"admin1": "Kayin", "location": "Battalion 275 base, Myawaddy"}
        ce = b.canonical("2024-04-11", *CAPTURE, ["KNLA"], ["MIL"], **base)
        b.report(ce, kayin, "Karen fighters overran the army's Battalion 275 base near Myawaddy")
        ce = b.canonical("2024-04-24", *RETAKE, ["MIL"], ["KNLA"], **base)
        b.report(ce, kayin, "Regime troops moved back into the base")
        b.canonical("2023-10-30", "Battles", "Armed clash", ["MNDAA"], ["MIL"], 4, location="Lashio", **town)
    return store_url


def test_towns_changed_hands_between_operation_1027_and_march_2024(operation_1027):
    with session_scope(operation_1027) as session:
        changes = control_changes(session, dt.date(2023, 10, 27), dt.date(2024, 3, 31))
    assert [(c["place"], c["holder"], c["date"]) for c in changes] == [
        ("Chinshwehaw", "MNDAA", "2023-10-28"),
        ("Kawlin", "PDF", "2023-11-06"),
        ("Kunlong", "MNDAA", "2023-11-15"),
        ("Laukkaing", "MNDAA", "2024-01-05"),
        ("Hsenwi", "TNLA", "2024-01-15"),
    ]
    assert all(c["previous_holder"] == "MIL" and c["side"] == "resistance" for c in changes)
    assert {c["place"]: c["holder_now"] for c in changes}["Hsenwi"] == "TNLA"


def test_every_change_carries_its_documents_and_quotes(operation_1027):
    with session_scope(operation_1027) as session:
        changes = control_changes(session, dt.date(2023, 10, 27), dt.date(2024, 3, 31))
    laukkaing = next(c for c in changes if c["place"] == "Laukkaing")
    assert sorted(e["outlet"] for e in laukkaing["evidence"]) == ["Border Wire", "Shan Desk"]
    quotes = [q for e in laukkaing["evidence"] for q in e["quotes"]]
    assert "Junta generals handed over Laukkaing to the Kokang army" in quotes
    assert all(e["document_id"] for e in laukkaing["evidence"])


def test_a_junta_retake_makes_the_military_the_holder_now(operation_1027):
    with session_scope(operation_1027) as session:
        changes = control_changes(session, dt.date(2024, 4, 1), dt.date(2024, 4, 30))
    assert [(c["change"], c["previous_holder"], c["holder"]) for c in changes] == [
        ("captured", "MIL", "KNLA"),
        ("retaken", "KNLA", "MIL"),
    ]
    assert all(c["holder_now"] == "MIL" and c["side_now"] == "junta" for c in changes)


def test_control_on_a_date_uses_the_latest_event_up_to_that_date(operation_1027):
    with session_scope(operation_1027) as session:
        early = territorial_control(session, dt.date(2023, 10, 31))
        mid_april = {r["place"]: r["holder"] for r in territorial_control(session, dt.date(2024, 4, 15))}
        may = {r["place"]: r for r in territorial_control(session, dt.date(2024, 5, 1))}
    assert [(r["place"], r["holder"], r["since"]) for r in early] == [("Chinshwehaw", "MNDAA", "2023-10-28")]
    assert mid_april["Battalion 275 base, Myawaddy"] == "KNLA"
    base = may["Battalion 275 base, Myawaddy"]
    assert (base["holder"], base["side"], base["since"], base["change"]) == ("MIL", "junta", "2024-04-24", "retaken")
    assert base["evidence"][0]["quotes"] == ["Regime troops moved back into the base"]
    assert "Lashio" not in may  # a clash is no change of control


def test_places_held_are_counted_by_alliance_and_side(operation_1027):
    with session_scope(operation_1027) as session:
        by_alliance = {r["alliance"]: r["places"] for r in control_summary(session, dt.date(2024, 3, 31), "alliance")}
        by_side = {r["side"]: r["places"] for r in control_summary(session, dt.date(2024, 3, 31), "side")}
        by_holder = {r["holder"]: r["places"] for r in control_summary(session, dt.date(2024, 3, 31))}
    assert by_alliance["3BHA"] == 4
    assert by_side == {"resistance": 5}
    assert by_holder == {"MNDAA": 3, "PDF": 1, "TNLA": 1}


def test_a_repeated_capture_by_the_same_holder_is_no_new_change(operation_1027, build):
    with session_scope(operation_1027) as session:
        build(session).canonical("2023-10-29", *CAPTURE, ["MNDAA"], ["MIL"], location="Chinshwehaw", admin1="Shan")
    with session_scope(operation_1027) as session:
        changes = control_changes(session, dt.date(2023, 10, 27), dt.date(2023, 10, 31))
    assert [(c["place"], c["date"]) for c in changes] == [("Chinshwehaw", "2023-10-28")]


def test_an_unknown_summary_key_is_a_clear_error(operation_1027):
    with session_scope(operation_1027) as session, pytest.raises(ValueError, match="by must be one of"):
        control_summary(session, dt.date(2024, 3, 31), "township")


def test_a_named_force_holds_a_town_before_a_generic_one(store_url, build):
    with session_scope(store_url) as session:
        b = build(session)
        b.canonical("2023-11-06", *CAPTURE, ["ERO", "PDF"], ["MIL"], location="Kawlin", admin1="Sagaing")
        b.canonical("2023-11-07", *CAPTURE, ["PDF"], ["MIL"], admin1="Sagaing")  # no place named
    with session_scope(store_url) as session:
        rows = territorial_control(session, dt.date(2024, 1, 1))
    assert [(r["place"], r["holder"], r["holders"]) for r in rows] == [("Kawlin", "PDF", ["ERO", "PDF"])]
