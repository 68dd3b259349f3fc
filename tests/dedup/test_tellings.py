"""Specification: one document that tells one event twice, as the same kind of event with the same toll
of several dead at one place a day apart (the killing and the finding or burial of the bodies), counts
it once; two events of one document stay two. Texts written for these tests about a real event: the
shelling of the Mung Lai Hkyet camp for displaced people near Laiza (Waingmaw township, Kachin) on the
night of 9 October 2023, in which 29 people were reported killed."""

from __future__ import annotations

import datetime as dt

from dedup_helpers import make_doc, make_event

from mawgun.dedup import cluster_records
from mawgun.dedup.cluster import cluster_profiles
from mawgun.dedup.features import profile_record
from mawgun.dedup.siblings import document_siblings
from mawgun.dedup.tellings import retold_pairs, told_twice
from mawgun.model import Document, EventRecord

SHELL = {"event_type": "Explosions/Remote violence", "sub": "Shelling/artillery/missile attack"}
CAMP = {"admin1": "Kachin", "admin3": "Waingmaw", "location": "Mung Lai Hkyet"}
NIGHT, NEXT_DAY = dt.date(2023, 10, 9), dt.date(2023, 10, 10)

RETELLING = (
    "An artillery shell hit the Mung Lai Hkyet camp near Laiza late on Monday night, killing 29 displaced "
    "people, camp leaders said. On Tuesday residents buried the 29 dead, among them many children."
)


def retelling_document() -> tuple[Document, EventRecord, EventRecord]:
    """Outlet A's document: the shelling at night, the burial of its 29 dead the next day."""
    doc = make_doc("mlh-a", RETELLING, "Outlet A", dt.date(2023, 10, 11))
    shelled, burial = RETELLING.split(". ")
    night = make_event(doc, date=NIGHT, fatalities=29, evidence=shelled, tag="night", **SHELL, **CAMP)
    buried = make_event(doc, date=NEXT_DAY, fatalities=29, evidence=burial, tag="day", **SHELL, **CAMP)
    return doc, night, buried


def test_one_document_telling_one_toll_on_two_days_is_one_event_for_every_outlet() -> None:
    """Outlet A's shelling and its burial read as two shellings; outlet B dates the shelling to the
    night, outlet C to the next day (its dateline). All four are one event."""
    doc_a, night, buried = retelling_document()
    published = dt.date(2023, 10, 10)
    doc_b = make_doc("mlh-b", "Shelling of a camp near Laiza on 9 October killed 29.", "Outlet B", published)
    doc_c = make_doc("mlh-c", "LAIZA, 10 October: a shell struck a camp, 29 dead.", "Outlet C", dt.date(2023, 10, 10))
    b = make_event(doc_b, date=NIGHT, fatalities=29, **SHELL, **CAMP)
    c = make_event(doc_c, date=NEXT_DAY, fatalities=29, **SHELL, **CAMP)
    reports = [night, buried, b, c]
    assignment = cluster_records(reports, {d.doc_id: d for d in (doc_a, doc_b, doc_c)})
    assert len({assignment[r.record_id] for r in reports}) == 1


def test_the_join_is_explained_as_one_event_told_twice() -> None:
    doc, night, buried = retelling_document()
    profiles = sorted((profile_record(r, doc) for r in (night, buried)), key=lambda p: p.record_id)
    clustering = cluster_profiles(profiles)
    (explanation,) = clustering.explanations.values()
    (link,) = explanation["links"]
    assert link["forced"] == "told twice" and "29 dead" in link["why"]


def test_two_events_of_one_document_stay_two() -> None:
    """What the rule does not join: a toll of one (two clashes of one village three or one day apart,
    each killing a fighter), different tolls, two townships, dates not to the day, two kinds."""
    doc, night, _ = retelling_document()
    clash = {"event_type": "Battles", "sub": "Armed clash", **CAMP}
    apart = [
        (make_event(doc, date=NIGHT, fatalities=1, tag="1", **clash),
         make_event(doc, date=NEXT_DAY, fatalities=1, tag="2", **clash)),
        (night, make_event(doc, date=NEXT_DAY, fatalities=12, tag="12", **SHELL, **CAMP)),
        (night, make_event(doc, date=NEXT_DAY, fatalities=29, tag="bhamo", **SHELL,
                           admin1="Kachin", admin3="Bhamo", location="Bhamo")),
        (night, make_event(doc, date=NEXT_DAY, fatalities=29, precision="week", tag="week", **SHELL, **CAMP)),
        (night, make_event(doc, date=dt.date(2023, 10, 11), fatalities=29, tag="two days", **SHELL, **CAMP)),
        (night, make_event(doc, date=NEXT_DAY, fatalities=29, tag="strike", sub="Air/drone strike",
                           event_type="Explosions/Remote violence", **CAMP)),
    ]  # fmt: skip
    for first, second in apart:
        a, b = profile_record(first, doc), profile_record(second, doc)
        assert not told_twice(a, b), (first.fatalities, second.fatalities, second.place, second.date)
        profiles = [a, b]
        assert retold_pairs(profiles, document_siblings(profiles)) == []


def test_two_outlets_with_one_toll_each_are_not_forced_together() -> None:
    """The rule reads one document only: two outlets giving 29 dead are scored as any other pair."""
    doc_a, night, _ = retelling_document()
    text = "Shelling of a camp near Laiza on 10 October killed 29."
    doc_b = make_doc("mlh-b", text, "Outlet B", dt.date(2023, 10, 11))
    other = make_event(doc_b, date=NEXT_DAY, fatalities=29, **SHELL, **CAMP)
    assert not told_twice(profile_record(night, doc_a), profile_record(other, doc_b))
