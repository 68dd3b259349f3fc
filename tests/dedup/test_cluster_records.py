"""Specification of `cluster_records`: reports of one event group together, different events stay apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.cluster import Constraints
from mawgun.dedup.evaluate import bcubed, fixture_records, load_fixture

FIXTURES = Path(__file__).parent / "fixtures"


def pazigyi_reports() -> list:
    a = make_doc(
        "a",
        "A jet bombed a ceremony in Pazigyi village, Kanbalu township, killing about 100.",
        "Myanmar Now",
        dt.date(2023, 4, 11),
    )
    b = make_doc(
        "b", "The junta confirmed an air strike on Pa Zi Gyi village in Sagaing; 133 dead.", "RFA", dt.date(2023, 4, 12)
    )
    c = make_doc(
        "c", "The Pazigyi bombing toll in Kanbalu Township rose to 168.", "The Irrawaddy", dt.date(2023, 4, 15)
    )
    return [
        make_event(a, fatalities=100),
        make_event(b, admin3=None, location="Pa Zi Gyi", fatalities=133),
        make_event(c, fatalities=168),
    ]


def test_reports_of_one_airstrike_from_three_outlets_form_one_canonical_event() -> None:
    assignment = cluster_records(pazigyi_reports())
    assert len(set(assignment.values())) == 1


def test_events_of_different_types_are_never_merged() -> None:
    a = make_doc("d1", "Synthetic test report: an air strike hit Village A in Township X.", "DVB", dt.date(2023, 4, 11))
    b = make_doc("d2", "Synthetic test report: fighters clashed with troops at Village A.", "RFA", dt.date(2023, 4, 11))
    place = {"admin3": "Township X", "location": "Village A"}
    strike = make_event(a, **place)
    battle = make_event(b, event_type="Battles", sub="Armed clash", **place)
    assignment = cluster_records([strike, battle])
    assert assignment[strike.record_id] != assignment[battle.record_id]


def test_same_day_same_type_in_different_townships_stay_apart() -> None:
    a = make_doc(
        "h", "Alliance troops attacked army bases around Hsenwi town on Friday.", "Shan Herald", dt.date(2023, 10, 28)
    )
    b = make_doc(
        "l",
        "Fighting broke out on the outskirts of Lashio on Friday as the alliance attacked.",
        "RFA",
        dt.date(2023, 10, 28),
    )
    kwargs = {
        "event_type": "Battles",
        "sub": "Armed clash",
        "date": dt.date(2023, 10, 27),
        "admin1": "Shan",
        "actors": ("3BHA",),
        "targets": ("MIL",),
    }
    hsenwi = make_event(a, admin3="Hsenwi", location="Hsenwi", **kwargs)
    lashio = make_event(b, admin3="Lashio", location="Lashio", **kwargs)
    assignment = cluster_records([hsenwi, lashio])
    assert assignment[hsenwi.record_id] != assignment[lashio.record_id]


def test_two_records_of_one_document_are_never_merged() -> None:
    text = "Synthetic test report: two air strikes hit Village A in Township X, in the morning and at noon."
    doc = make_doc("x", text, "DVB", dt.date(2023, 4, 11))
    place = {"admin3": "Township X", "location": "Village A"}
    first, second = make_event(doc, tag="morning", **place), make_event(doc, tag="noon", **place)
    assignment = cluster_records([first, second])
    assert assignment[first.record_id] != assignment[second.record_id]


def test_month_precision_date_is_compatible_with_any_day_of_that_month() -> None:
    a = make_doc(
        "m1", "Troops burned Thantlang town on Friday, destroying 160 houses.", "Khit Thit", dt.date(2021, 10, 30)
    )
    b = make_doc(
        "m2", "In October troops burned more than 160 houses in Thantlang, Chin State.", "RFA", dt.date(2021, 11, 20)
    )
    kwargs = {
        "event_type": "Strategic developments",
        "sub": "Looting/property destruction",
        "admin1": "Chin",
        "admin3": "Thantlang",
        "location": "Thantlang",
    }
    day = make_event(a, date=dt.date(2021, 10, 29), **kwargs)
    month = make_event(b, date=dt.date(2021, 10, 15), precision="month", **kwargs)
    far = make_event(b, date=dt.date(2021, 12, 15), precision="day", tag="far", **kwargs)
    assert cluster_records([day, month])[day.record_id] == cluster_records([day, month])[month.record_id]
    assignment = cluster_records([day, far])
    assert assignment[day.record_id] != assignment[far.record_id]


def test_spelling_variants_of_a_township_are_one_place() -> None:
    a = make_doc(
        "s1",
        "Soldiers killed more than 30 villagers near Mo So in Hpruso township.",
        "Kantarawaddy Times",
        dt.date(2021, 12, 25),
    )
    b = make_doc(
        "s2",
        "At least 35 people were killed by the military in Phruso township, Kayah.",
        "Myanmar Now",
        dt.date(2021, 12, 27),
    )
    kwargs = {
        "event_type": "Violence against civilians",
        "sub": "Attack",
        "date": dt.date(2021, 12, 24),
        "admin1": "Kayah",
    }
    first = make_event(a, admin3="Hpruso", location="Mo So", fatalities=30, **kwargs)
    second = make_event(b, admin3="Phruso", location=None, fatalities=35, **kwargs)
    assignment = cluster_records([first, second])
    assert assignment[first.record_id] == assignment[second.record_id]


def test_result_is_deterministic_whatever_the_input_order() -> None:
    reports = pazigyi_reports()
    assert cluster_records(reports) == cluster_records(list(reversed(reports)))


def test_canonical_id_derives_from_the_smallest_member_record_id() -> None:
    from mawgun.ids import make_id

    reports = pazigyi_reports()
    canonical = set(cluster_records(reports).values()).pop()
    assert canonical == make_id("cev", min(r.record_id for r in reports))


def test_cannot_link_constraint_keeps_reports_apart() -> None:
    reports = pazigyi_reports()
    constraint = Constraints(cannot_link=[(frozenset({reports[0].record_id}), frozenset({reports[2].record_id}))])
    assignment = cluster_records(reports, constraints=constraint)
    assert assignment[reports[0].record_id] != assignment[reports[2].record_id]


def test_gold_fixture_clusters_with_bcubed_precision_and_recall_of_at_least_point_nine() -> None:
    articles = load_fixture(FIXTURES)
    records, labels = fixture_records(articles)
    documents = {a.document.doc_id: a.document for a in articles}
    scores = bcubed(cluster_records(records, documents), labels)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9


def test_no_records_give_no_clusters() -> None:
    assert cluster_records([]) == {}


def test_undated_reports_are_dated_by_their_publication_and_clustered() -> None:
    a = make_doc(
        "u1", "A jet bombed Pazigyi village in Kanbalu, killing about 100 people.", "DVB", dt.date(2023, 4, 12)
    )
    b = make_doc("u2", "The Pazigyi air strike in Kanbalu killed 100 people.", "RFA", dt.date(2023, 4, 13))
    dated = make_event(a, fatalities=100)
    undated = make_event(b, date=None, fatalities=100)
    documents = {a.doc_id: a, b.doc_id: b}
    assignment = cluster_records([dated, undated], documents)
    assert assignment[dated.record_id] == assignment[undated.record_id]
    alone = cluster_records([dated, undated])
    assert alone[dated.record_id] != alone[undated.record_id]


def test_reports_days_apart_in_one_township_with_other_villages_and_actors_stay_apart() -> None:
    a = make_doc(
        "v1", "Synthetic test report: an air strike on Village A, Township X, killed four.", "DVB", dt.date(2023, 4, 8)
    )
    b = make_doc(
        "v2",
        "Synthetic test report: KIA and PDF fighters were hit at Village B, Township X; 30 died.",
        "RFA",
        dt.date(2023, 4, 12),
    )
    first = make_event(a, date=dt.date(2023, 4, 8), admin3="Township X", location="Village A", fatalities=4)
    second = make_event(
        b, date=dt.date(2023, 4, 11), admin3="Township X", location="Village B", targets=("KIA", "PDF"), fatalities=30
    )
    assignment = cluster_records([first, second])
    assert assignment[first.record_id] != assignment[second.record_id]


def test_a_town_inside_the_township_another_report_names_is_the_same_place() -> None:
    from mawgun.dedup.features import profile_record, score_place
    from mawgun.model import Place

    a = make_doc(
        "p1", "Alliance troops attacked army posts in Hsenwi township on Friday.", "RFA", dt.date(2023, 10, 28)
    )
    b = make_doc("p2", "Fighting reached Hseni town itself on Friday, residents said.", "DVB", dt.date(2023, 10, 29))
    kwargs = {"event_type": "Battles", "sub": "Armed clash", "date": dt.date(2023, 10, 27), "admin1": "Shan"}
    township = make_event(a, admin3=None, location=None, **kwargs)
    township.place = Place(admin1="Shan", admin3="Hsenwi", admin3_pcode="MMR015002", geo_precision=2)
    town = make_event(b, admin3=None, location=None, **kwargs)
    town.place = Place(admin1="Shan", location="Hseni", pcode="MMR015002701", geo_precision=1)
    assert score_place(profile_record(township, a), profile_record(town, b)) == 0.85
    assignment = cluster_records([township, town])
    assert assignment[township.record_id] == assignment[town.record_id]
