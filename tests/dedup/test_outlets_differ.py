"""Specification of the classes in which real outlets differ about one event: a document that tells two
strikes of one place apart, a place described by another's name, romanised spellings, a named
operation, an undated recall. Texts are synthetic, written for these tests."""

from __future__ import annotations

import datetime as dt

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.features import (
    RELATED,
    UNKNOWN,
    place_scores,
    profile_record,
    score_actors,
    score_date,
    score_place,
    score_text,
)
from mawgun.dedup.places import names_match, normalise_name

CAMP = {"admin1": "Chin", "admin3": "Thantlang", "location": "Camp C"}


def test_strikes_on_one_camp_on_two_days_go_with_the_day_each_outlet_gives() -> None:
    """Two outlets each report a strike on the 10th and one on the 11th at one camp; the wording of
    one outlet's 10th matches the other's 11th best, but each document tells the two days apart."""
    first = make_doc(
        "v1",
        "Synthetic report: jets bombed Camp C twice, on the 10th and again on the 11th.",
        "A",
        dt.date(2023, 1, 12),
    )
    second = make_doc(
        "v2", "Synthetic report: Camp C was hit on the 10th; another strike on the 11th.", "B", dt.date(2023, 1, 13)
    )
    same = "jets bombed Camp C near Thantlang, Chin"
    reports = [  # the 10th of one outlet reads like the 11th of the other
        make_event(first, date=dt.date(2023, 1, 10), evidence=same, tag="10", **CAMP),
        make_event(first, date=dt.date(2023, 1, 11), evidence=first.text, tag="11", **CAMP),
        make_event(second, date=dt.date(2023, 1, 10), evidence=second.text, tag="10", **CAMP),
        make_event(second, date=dt.date(2023, 1, 11), evidence=same, tag="11", **CAMP),
    ]
    assignment = cluster_records(reports, {d.doc_id: d for d in (first, second)})
    assert assignment[reports[0].record_id] == assignment[reports[2].record_id]
    assert assignment[reports[1].record_id] == assignment[reports[3].record_id]
    assert assignment[reports[0].record_id] != assignment[reports[1].record_id]


def test_a_place_described_by_another_place_name_lies_at_that_place() -> None:
    doc = make_doc("m1", "Synthetic report: an outpost fell.", "A", dt.date(2024, 1, 29))
    described = make_event(doc, admin1="Kayah", admin3="Hpasawng", location="hilltop camp at the entrance of Mawchi")
    town = make_event(doc, admin1="Kayah", admin3="Hpasawng", location="Mawchi")
    other = make_event(doc, admin1="Kayah", admin3="Hpasawng", location="Ywathit")
    a, b, c = (profile_record(r, doc) for r in (described, town, other))
    assert score_place(a, b) > score_place(a, c)


def test_a_town_named_by_its_township_contains_the_township_villages() -> None:
    doc = make_doc("r1", "Synthetic report: a strike in Ramree.", "A", dt.date(2025, 1, 9))
    town = profile_record(make_event(doc, admin1="Rakhine", admin3="Ramree", location="Ramree"), doc)
    village = profile_record(make_event(doc, admin1="Rakhine", admin3="Ramree", location="Kyauk Ni Maw"), doc)
    other = profile_record(make_event(doc, admin1="Rakhine", admin3="Ramree", location="Ywathit"), doc)
    assert score_place(town, village) == score_place(town, other) > score_place(village, other)


def test_romanised_spellings_that_differ_in_vowels_and_aspirates_match() -> None:
    assert names_match(normalise_name("Nawnghkio"), normalise_name("Nwangkhio"))
    assert names_match(normalise_name("Hpakant"), normalise_name("Phakant"))
    for a, b in [("Mingin", "Myingyan"), ("Mon", "Man"), ("Kyaukme", "Kyaukmyaung"), ("Pinlebu", "Pinlaung")]:
        assert not names_match(normalise_name(a), normalise_name(b)), (a, b)


def test_reports_naming_one_operation_agree_in_wording() -> None:
    a = make_doc(
        "o1", "Synthetic report: resistance groups launched Operation 1111 in Kayah.", "A", dt.date(2024, 1, 29)
    )
    b = make_doc("o2", "Synthetic report: since Operation 1111 began, towns changed hands.", "B", dt.date(2024, 1, 29))
    c = make_doc("o3", "Synthetic report: since Operation 1027 began, towns changed hands.", "C", dt.date(2024, 1, 29))
    state = {"admin1": "Kayah", "admin3": None, "location": None}
    kwargs = {
        "event_type": "Battles",
        "sub": "Armed clash",
        "date": dt.date(2023, 11, 11),
        "actors": ("KNDF",),
        **state,
    }
    first, second, third = (profile_record(make_event(d, targets=("MIL",), **kwargs), d) for d in (a, b, c))  # type: ignore[arg-type]
    assert score_text(first, second) == 1.0 > score_text(first, third)
    reports = [make_event(d, targets=("MIL",), **kwargs) for d in (a, b)]  # type: ignore[arg-type]
    assignment = cluster_records(reports, {d.doc_id: d for d in (a, b)})
    assert assignment[reports[0].record_id] == assignment[reports[1].record_id]


def test_an_undated_report_neither_agrees_nor_disagrees_on_the_date() -> None:
    a = make_doc("u1", "Synthetic report: the town was captured.", "A", dt.date(2025, 7, 17))
    b = make_doc("u2", "Synthetic report: the town, recaptured in July, is quiet.", "B", dt.date(2025, 10, 2))
    dated = profile_record(make_event(a, date=dt.date(2025, 7, 16)), a)
    undated = profile_record(make_event(b, date=None), b)
    assert score_date(dated, undated) == UNKNOWN == 0.5


def test_the_fast_pair_score_equals_the_explained_one_on_every_fixture_pair() -> None:
    """Clustering scores pairs with `pair_probability`, explanations with `compare_profiles`: the two
    must give the same probability (or both forbid the pair)."""
    from pathlib import Path

    from mawgun.dedup.evaluate import fixture_records, load_fixture
    from mawgun.dedup.pairs import compare_profiles, pair_probability

    articles = load_fixture(Path(__file__).parent / "fixtures")
    records, _ = fixture_records(articles)
    documents = {a.document.doc_id: a.document for a in articles}
    profiles = [profile_record(r, documents.get(r.doc_id)) for r in records]
    compared = 0
    for i, a in enumerate(profiles):
        for b in profiles[i + 1 :]:
            full = compare_profiles(a, b)
            fast = pair_probability(a, b, 0.0001)
            assert (full[0] if full else None) == fast, (a.record_id, b.record_id)
            compared += full is not None
    assert compared > 50


def test_a_city_named_by_its_region_names_no_township() -> None:
    """A report placed "in Yangon" means the region or its city of many townships: the township of
    the city's centre (which a geocoder fills in) does not conflict with the township another outlet names, and the
    city report's text decides. A town that gives its township its name (Bago) stays a town."""
    city_doc = make_doc(
        "y1",
        "Synthetic report: soldiers fired on marchers in the Hlaing Tharyar suburb of Yangon.",
        "A",
        dt.date(2021, 3, 2),
    )
    suburb_doc = make_doc("y2", "Synthetic report: shots were heard in Hlaing Tharyar.", "B", dt.date(2021, 3, 2))
    kwargs = {"event_type": "Protests", "sub": "Excessive force against protesters", "date": dt.date(2021, 3, 1)}
    city = make_event(city_doc, admin1="Yangon", admin3="Bahan", location="Yangon", targets=("PROT",), **kwargs)  # type: ignore[arg-type]
    suburb = make_event(
        suburb_doc,
        admin1="Yangon",
        admin3="Hlaing Tharyar",
        location="Hlaing Tharyar",
        targets=("PROT",),
        **kwargs,  # type: ignore[arg-type]
    )
    a, b = profile_record(city, city_doc), profile_record(suburb, suburb_doc)
    assert a.admin3 == "" and a.point is None
    assert score_place(a, b) == place_scores()["mentioned"]
    assignment = cluster_records([city, suburb], {d.doc_id: d for d in (city_doc, suburb_doc)})
    assert assignment[city.record_id] == assignment[suburb.record_id]
    town = profile_record(make_event(city_doc, admin1="Bago", admin3="Bago", location="Bago"), city_doc)
    elsewhere = profile_record(make_event(suburb_doc, admin1="Bago", admin3="Taungoo", location="Taungoo"), suburb_doc)
    assert town.admin3 and score_place(town, elsewhere) is None


def test_a_city_named_by_its_region_keeps_a_township_its_text_gives() -> None:
    """A report "in Mandalay" whose extractor also read the township from its text ("in Mandalay's
    Chanmyathazi township", where troops fired on marchers in March 2021) is placed in that township;
    the township of the city's centre (Chanayethazan, which a geocoder filled in) is still no place."""
    doc = make_doc("md1", "Synthetic report: troops fired on marchers in Mandalay.", "A", dt.date(2021, 3, 4))
    other = make_doc("md2", "Synthetic report: shots in Amarapura.", "B", dt.date(2021, 3, 4))
    kwargs = {"event_type": "Protests", "sub": "Excessive force against protesters", "date": dt.date(2021, 3, 3)}
    told = make_event(doc, admin1="Mandalay", admin3="Chanmyathazi", location="Mandalay", **kwargs)  # type: ignore[arg-type]
    centre = make_event(doc, admin1="Mandalay", admin3="Chanayethazan", location="Mandalay", **kwargs)  # type: ignore[arg-type]
    township = make_event(doc, admin1="Mandalay", admin3="Chanmyathazi", location=None, **kwargs)  # type: ignore[arg-type]
    elsewhere = make_event(other, admin1="Mandalay", admin3="Amarapura", location=None, **kwargs)  # type: ignore[arg-type]
    a, b, c, d = (profile_record(r, doc) for r in (told, centre, township, elsewhere))
    assert a.admin3 == "chanmyathazi" and a.location == "" and a.point is None
    assert score_place(a, c) is not None and score_place(a, c) >= place_scores()["admin3"]
    assert score_place(a, d) is None  # two townships of the city
    assert b.admin3 == "" and score_place(b, d) is not None


def test_a_span_of_days_reaches_its_last_day_whatever_its_precision() -> None:
    """A span longer than a week ("from early November until the town fell in April") is written
    with month precision and an end: it agrees with a day inside the span, not with one after it."""
    doc = make_doc("s1", "Synthetic report: the siege lasted five months.", "A", dt.date(2025, 4, 8))
    span = profile_record(
        make_event(doc, date=dt.date(2024, 11, 9), date_end=dt.date(2025, 4, 7), precision="month"), doc
    )
    inside = profile_record(make_event(doc, date=dt.date(2025, 1, 20)), doc)
    after = profile_record(make_event(doc, date=dt.date(2025, 5, 20)), doc)
    assert score_date(span, inside) == 0.7
    assert score_date(span, after) is None


def test_reports_naming_the_two_sides_of_one_fight_do_not_disagree_on_actors() -> None:
    """One outlet names only the army, another only the resistance group it fought: neither
    contradicts the other. Two different resistance groups named alone do."""
    doc = make_doc("f1", "Synthetic report: fighting broke out at the town.", "A", dt.date(2024, 11, 10))
    kwargs = {"event_type": "Battles", "sub": "Armed clash", "admin1": "Chin", "admin3": "Falam", "location": "Falam"}
    army = profile_record(make_event(doc, actors=("MIL",), targets=(), **kwargs), doc)  # type: ignore[arg-type]
    group = profile_record(make_event(doc, actors=("KIA",), targets=(), **kwargs), doc)  # type: ignore[arg-type]
    other = profile_record(make_event(doc, actors=("KNDF",), targets=(), **kwargs), doc)  # type: ignore[arg-type]
    assert score_actors(army, group) == UNKNOWN
    assert score_actors(group, other) == 0.0


def test_a_city_only_report_of_one_of_two_townships_a_document_tells_apart_joins_neither() -> None:
    """State media place two Yangon townships under martial law on one day (as on 15 March 2021:
    North Dagon and South Dagon among them); an outlet that names only the city may mean either, so
    it is linked to neither, while an outlet naming North Dagon joins North Dagon. (The rule reads
    pairs: a third outlet naming one of the townships may still carry the city-only report there.)"""
    order = {"event_type": "Strategic developments", "sub": "Other", "actors": ("MIL",), "targets": ()}
    day = dt.date(2021, 3, 15)
    state = make_doc("ml1", "Synthetic report: two townships are placed under martial law.", "A", day)
    city = make_doc("ml2", "Synthetic report: martial law in parts of the city.", "B", day)
    named = make_doc("ml3", "Synthetic report: martial law in North Dagon.", "C", day)
    north = make_event(state, date=day, admin1="Yangon", admin3="North Dagon", location="North Dagon", **order)
    south = make_event(state, date=day, admin1="Yangon", admin3="South Dagon", location="South Dagon", **order)
    city_only = make_event(city, date=day, admin1="Yangon", admin3=None, location="Yangon", **order)
    north_too = make_event(named, date=day, admin1="Yangon", admin3="North Dagon", location="North Dagon", **order)
    documents = {d.doc_id: d for d in (state, city, named)}
    assignment = cluster_records([north, south, city_only], documents)
    assert assignment[city_only.record_id] not in {assignment[north.record_id], assignment[south.record_id]}
    assignment = cluster_records([north, south, north_too], documents)
    assert assignment[north_too.record_id] == assignment[north.record_id] != assignment[south.record_id]


def test_a_township_report_of_one_of_two_villages_a_document_tells_apart_still_joins_one() -> None:
    """The same document structure inside one township (strikes on two villages of Hpapun on one day):
    a report naming only the township lies in both, and the wording picks one, as before."""
    strike = {"admin1": "Kayin", "admin3": "Hpapun"}
    day = dt.date(2021, 3, 27)
    first = make_doc("hp1", "Synthetic report: jets struck Village A and Village B.", "A", day)
    second = make_doc("hp2", "Synthetic report: jets struck Village B in Hpapun township.", "B", day)
    village_a = make_event(first, date=day, location="Village A", evidence="jets struck Village A", **strike)
    village_b = make_event(first, date=day, location="Village B", evidence="jets struck Village B", **strike)
    township = make_event(second, date=day, location=None, **strike)
    reports = [village_a, village_b, township]
    assignment = cluster_records(reports, {d.doc_id: d for d in (first, second)})
    assert assignment[township.record_id] in {assignment[village_a.record_id], assignment[village_b.record_id]}


def test_the_karenni_army_and_the_kndf_are_one_front() -> None:
    """One outlet credits a town's capture to the Karenni Army, another to the KNDF (both fight under the
    Karenni State Interim Executive Council); neither names the army: related actors, and one event."""
    day = dt.date(2025, 2, 9)
    first = make_doc("kr1", "Synthetic report: the Karenni Army took Shadaw town on Sunday.", "A", day)
    second = make_doc("kr2", "Synthetic report: KNDF fighters entered Shadaw on Sunday.", "B", day)
    capture = {"event_type": "Battles", "sub": "Non-state actor overtakes territory", "targets": ()}
    town = {"date": day, "admin1": "Kayah", "admin3": "Shadaw", "location": "Shadaw"}
    army = make_event(first, actors=("KA",), **capture, **town)  # type: ignore[arg-type]
    front = make_event(second, actors=("KNDF",), **capture, **town)  # type: ignore[arg-type]
    documents = {d.doc_id: d for d in (first, second)}
    assert score_actors(profile_record(army, first), profile_record(front, second)) == RELATED
    assignment = cluster_records([army, front], documents)
    assert assignment[army.record_id] == assignment[front.record_id]


def test_a_vowel_spelt_two_ways_is_one_name() -> None:
    """ee/i, oo/u and ay/e are one vowel in romanised Burmese: short names, where one letter is too
    large a share for the fuzzy ratio, still match; other names stay apart."""
    assert names_match(normalise_name("Mawchee"), normalise_name("Mawchi"))
    assert names_match(normalise_name("Sittway"), normalise_name("Sittwe"))
    assert not names_match(normalise_name("Mese"), normalise_name("Mawchi"))


def test_a_side_named_only_generically_does_not_disagree_with_its_groups() -> None:
    """The registry codes "resistance forces" as PDF: a report coded PDF neither agrees nor disagrees
    with one naming the KNDF; two named groups of one side (the KIA, the KNDF) still disagree."""
    doc = make_doc("gn1", "Synthetic report: resistance forces took a camp.", "A", dt.date(2024, 1, 28))
    kwargs = {"event_type": "Battles", "sub": "Non-state actor overtakes territory", "admin1": "Kayah"}
    generic = profile_record(make_event(doc, actors=("PDF",), targets=("MIL",), **kwargs), doc)  # type: ignore[arg-type]
    named = profile_record(make_event(doc, actors=("KNDF",), targets=(), **kwargs), doc)  # type: ignore[arg-type]
    other = profile_record(make_event(doc, actors=("KIA",), targets=(), **kwargs), doc)  # type: ignore[arg-type]
    assert score_actors(generic, named) == UNKNOWN
    assert score_actors(other, named) == 0.0
