"""Specification of matching that knows how outlets differ: types re-coded, places only in the text,
dates recalled later, and a result that depends on the reports only, not on their order or batching."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.evaluate import fixture_records, load_fixture
from mawgun.dedup.eventtypes import type_key, types_compatible

FIXTURES = Path(__file__).parent / "fixtures"
BATTLES = "Battles"
CAPTURE = "Non-state actor overtakes territory"
RECAPTURE = "Government regains territory"
STRATEGIC = "Strategic developments"
HANDOVER = "Non-violent transfer of territory"
TOWN = {"admin1": "Kayah", "admin3": "Town T", "location": "Town T"}


def capture_docs() -> list:
    return [
        make_doc(
            "k1",
            "Synthetic report: resistance forces seized Town T after a week of fighting.",
            "DVB",
            dt.date(2024, 1, 28),
        ),
        make_doc(
            "k2",
            "Synthetic report: the garrison of Town T handed the town over and withdrew.",
            "RFA",
            dt.date(2024, 1, 29),
        ),
    ]


def test_a_capture_and_a_handover_of_one_town_are_one_event() -> None:
    seized, handed = capture_docs()
    first = make_event(seized, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    second = make_event(handed, STRATEGIC, HANDOVER, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    assignment = cluster_records([first, second], {d.doc_id: d for d in (seized, handed)})
    assert assignment[first.record_id] == assignment[second.record_id]


def test_a_capture_and_a_recapture_are_never_one_event() -> None:
    assert not types_compatible(type_key(BATTLES, CAPTURE), type_key(BATTLES, RECAPTURE))
    seized, retaken = capture_docs()
    first = make_event(seized, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    second = make_event(retaken, BATTLES, RECAPTURE, dt.date(2024, 1, 29), actors=("MIL",), targets=("KNDF",), **TOWN)
    assignment = cluster_records([first, second])
    assert assignment[first.record_id] != assignment[second.record_id]


def test_an_air_strike_and_shelling_may_be_one_event_but_not_a_battle() -> None:
    strike = type_key("Explosions/Remote violence", "Air/drone strike")
    assert types_compatible(strike, type_key("Explosions/Remote violence", "Shelling/artillery/missile attack"))
    assert types_compatible(strike, "Explosions/Remote violence")
    assert not types_compatible(strike, type_key(BATTLES, "Armed clash"))


def test_one_document_coding_a_capture_as_a_battle_and_a_handover_gives_one_event() -> None:
    seized, handed = capture_docs()
    battle = make_event(seized, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    same_doc = make_event(seized, STRATEGIC, HANDOVER, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    other = make_event(handed, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    assignment = cluster_records([battle, same_doc, other], {d.doc_id: d for d in (seized, handed)})
    assert len({assignment[r.record_id] for r in (battle, same_doc, other)}) == 1


def test_a_report_naming_only_the_state_joins_when_its_text_names_the_village() -> None:
    a = make_doc(
        "m1",
        "Synthetic report: jets bombed Nyaung Pin Gyi village in Township Q; nine died.",
        "DVB",
        dt.date(2023, 5, 3),
    )
    b = make_doc(
        "m2",
        "Synthetic report: a strike in Sagaing Region hit Nyaung Pin Gyi, residents said.",
        "AP",
        dt.date(2023, 5, 3),
    )
    c = make_doc(
        "m3", "Synthetic report: a strike in Sagaing Region hit a market, residents said.", "AFP", dt.date(2023, 5, 3)
    )
    located = make_event(a, date=dt.date(2023, 5, 2), admin3="Township Q", location="Nyaung Pin Gyi", fatalities=9)
    vague = make_event(b, date=dt.date(2023, 5, 2), admin3=None, location=None, targets=("PDF",))
    unrelated = make_event(c, date=dt.date(2023, 5, 2), admin3=None, location=None, targets=("PDF",))
    documents = {d.doc_id: d for d in (a, b, c)}
    from mawgun.dedup.features import profile_record, score_place

    profiles = [profile_record(r, documents[r.doc_id]) for r in (located, vague, unrelated)]
    assert score_place(profiles[0], profiles[1]) > score_place(profiles[0], profiles[2])


def test_an_undated_report_published_months_later_can_join_the_event_it_recalls() -> None:
    a = make_doc("r1", "Synthetic report: resistance forces captured Town T on Sunday.", "DVB", dt.date(2024, 1, 28))
    b = make_doc(
        "r2", "Synthetic report: Town T, captured by resistance forces, is now run by them.", "RFA", dt.date(2024, 5, 2)
    )
    dated = make_event(a, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    undated = make_event(b, BATTLES, CAPTURE, None, actors=("KNDF",), targets=("MIL",), **TOWN)
    assignment = cluster_records([dated, undated], {a.doc_id: a, b.doc_id: b})
    assert assignment[dated.record_id] == assignment[undated.record_id]


def test_the_same_canonical_events_whatever_the_order_or_batching_of_the_reports() -> None:
    """Parallel extraction hands dedup the reports of its workers in any order: the result must not move."""
    articles = load_fixture(FIXTURES)
    records, _ = fixture_records(articles)
    documents = {a.document.doc_id: a.document for a in articles}
    expected = cluster_records(records, documents)
    rng = random.Random(3)
    for workers in (2, 3, 5):
        shuffled = records[:]
        rng.shuffle(shuffled)
        batches = [shuffled[i::workers] for i in range(workers)]
        rng.shuffle(batches)
        merged = [record for batch in batches for record in batch]
        assert cluster_records(iter(merged), documents) == expected


def test_two_reports_of_one_type_from_one_document_never_meet_through_a_third() -> None:
    """A document telling a clash and a capture (both Battles) reports two events; another outlet's
    report of the clash must not pull them into one cluster."""
    seized, other = capture_docs()
    clash = make_event(seized, BATTLES, "Armed clash", dt.date(2024, 1, 27), actors=("KNDF",), targets=("MIL",), **TOWN)
    capture = make_event(seized, BATTLES, CAPTURE, dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    third = make_event(other, BATTLES, "Armed clash", dt.date(2024, 1, 28), actors=("KNDF",), targets=("MIL",), **TOWN)
    assignment = cluster_records([clash, capture, third], {d.doc_id: d for d in (seized, other)})
    assert assignment[clash.record_id] != assignment[capture.record_id]


def test_a_short_place_name_is_found_as_a_word_not_inside_another() -> None:
    from mawgun.dedup.features import mentions_place, profile_record

    town = make_doc("s1", "Synthetic report: the command base at Ann fell on Friday.", "DVB", dt.date(2024, 12, 21))
    vague = make_doc("s2", "Synthetic report: the army announced losses in Rakhine.", "AP", dt.date(2024, 12, 21))
    named = make_doc("s3", "Synthetic report: a base in Rakhine, near Ann, fell.", "AFP", dt.date(2024, 12, 21))
    located = profile_record(make_event(town, admin1="Rakhine", admin3="Ann", location="Ann"), town)
    assert not mentions_place(
        profile_record(make_event(vague, admin1="Rakhine", admin3=None, location=None), vague), located
    )
    assert mentions_place(
        profile_record(make_event(named, admin1="Rakhine", admin3=None, location=None), named), located
    )
