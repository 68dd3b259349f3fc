"""Same-document merging: one event told several times in one article (the lead, then a detail paragraph)
becomes one record with several evidence spans; different events in one article stay apart."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.extract.merge import merge_duplicates
from mawgun.model import Document, EventRecord, Place, Provenance, Span

DAY = dt.date(2024, 4, 4)


def report(
    number: int,
    sub_event_type: str,
    place: Place | None,
    date: dt.date = DAY,
    precision: str = "day",
    event_type: str = "Explosions/Remote violence",
) -> EventRecord:
    """A report of an event in one invented document, its evidence at sentence `number`."""
    return EventRecord(
        record_id=f"evt-{number}",
        doc_id="doc-test",
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=date,
        date_precision=precision,
        provenance=Provenance("test", "1"),
        place=place,
        evidence=[Span(number * 100, number * 100 + 10, f"sentence {number}")],
    )


def test_a_vague_retelling_with_another_sub_type_merges_into_the_report_it_retells() -> None:
    # NUG drones on Nay Pyi Taw (4 April 2024), then "explosions were heard" in the capital.
    state = Place(admin1="Nay Pyi Taw", geo_precision=3)
    merged = merge_duplicates([report(1, "Air/drone strike", state), report(2, "Remote explosive/landmine/IED", state)])
    assert len(merged) == 1 and len(merged[0].evidence) == 2
    assert merged[0].sub_event_type == "Air/drone strike"


def test_a_place_resolved_nowhere_merges_with_a_later_vague_retelling() -> None:
    # The Mung Lai Hkyet camp shelling (9 October 2023): the camp name unknown to the gazetteer, then
    # "residents said no fighting was taking place when the shell landed" (Kachin State from context).
    camp = Place(location="Mung Lai Hkyet", geo_precision=1)
    state = Place(admin1="Kachin", geo_precision=3)
    merged = merge_duplicates(
        [report(1, "Shelling/artillery/missile attack", camp), report(2, "Shelling/artillery/missile attack", state)]
    )
    assert len(merged) == 1
    assert merged[0].place is not None and merged[0].place.admin1 == "Kachin"
    assert merged[0].place.location == "Mung Lai Hkyet"


def test_two_villages_bombed_on_one_day_stay_two_events_even_unresolved() -> None:
    first = Place(location="Ywa Thit", geo_precision=1)
    second = Place(admin1="Sagaing", admin3="Kanbalu", location="Pazigyi", geo_precision=1)
    merged = merge_duplicates([report(1, "Air/drone strike", first), report(2, "Air/drone strike", second)])
    assert len(merged) == 2


def test_a_date_within_a_weeks_precision_is_the_same_event() -> None:
    # The fall of Lashio's command (3 August 2024), dated "last week" in one sentence.
    lashio = Place(admin1="Shan", admin3="Lashio", location="Lashio", geo_precision=1)
    overtakes = "Non-state actor overtakes territory"
    merged = merge_duplicates(
        [
            report(1, overtakes, lashio, dt.date(2024, 8, 3), "day", "Battles"),
            report(2, overtakes, lashio, dt.date(2024, 8, 5), "week", "Battles"),
        ]
    )
    assert len(merged) == 1


def test_two_days_apart_at_day_precision_stay_two_events() -> None:
    lashio = Place(admin1="Shan", admin3="Lashio", location="Lashio", geo_precision=1)
    merged = merge_duplicates(
        [report(1, "Air/drone strike", lashio), report(2, "Air/drone strike", lashio, DAY + dt.timedelta(days=2))]
    )
    assert len(merged) == 2


def test_different_sub_types_in_two_named_townships_stay_two_events() -> None:
    hpakant = Place(admin1="Kachin", admin3="Hpakant", location="Hpakant", geo_precision=1)
    momauk = Place(admin1="Kachin", admin3="Momauk", location="Momauk", geo_precision=1)
    merged = merge_duplicates(
        [report(1, "Air/drone strike", hpakant), report(2, "Shelling/artillery/missile attack", momauk)]
    )
    assert len(merged) == 2


def test_a_vague_report_in_another_state_stays_apart() -> None:
    chin = Place(admin1="Chin", geo_precision=3)
    sagaing = Place(admin1="Sagaing", admin3="Kale", location="Kale", geo_precision=1)
    merged = merge_duplicates([report(1, "Air/drone strike", sagaing), report(2, "Air/drone strike", chin)])
    assert len(merged) == 2


def test_different_event_types_never_merge() -> None:
    place = Place(admin1="Sagaing", admin3="Kawlin", location="Kawlin", geo_precision=1)
    merged = merge_duplicates(
        [report(1, "Air/drone strike", place), report(2, "Armed clash", place, event_type="Battles")]
    )
    assert len(merged) == 2


def test_a_vague_report_told_first_does_not_swallow_another_sub_type_placed_later() -> None:
    # Operation 1111 (November 2023): "they captured police stations in the town" (state only), then an
    # earlier operation's clash in Mese township: two events.
    kayah = Place(admin1="Kayah", geo_precision=3)
    mese = Place(admin1="Kayah", admin3="Mese", location="Mese", geo_precision=2)
    merged = merge_duplicates(
        [
            report(1, "Non-state actor overtakes territory", kayah, event_type="Battles"),
            report(2, "Armed clash", mese, event_type="Battles"),
        ]
    )
    assert len(merged) == 2


def test_a_base_inside_a_town_and_the_town_itself_are_one_place() -> None:
    # The fall of the North Eastern Command in Lashio (3 August 2024): the base, then "Lashio was the first...".
    base = Place(admin1="Shan", admin3="Lashio", location="North Eastern Command", geo_precision=1)
    town = Place(admin1="Shan", admin3="Lashio", location="Lashio", geo_precision=1)
    overtakes = "Non-state actor overtakes territory"
    merged = merge_duplicates(
        [report(1, overtakes, base, event_type="Battles"), report(2, overtakes, town, event_type="Battles")]
    )
    assert len(merged) == 1


def test_two_villages_of_one_township_stay_two_events() -> None:
    first = Place(admin1="Sagaing", admin3="Kanbalu", location="Pazigyi", geo_precision=1)
    second = Place(admin1="Sagaing", admin3="Kanbalu", location="Ywa Thit", geo_precision=1)
    merged = merge_duplicates([report(1, "Air/drone strike", first), report(2, "Air/drone strike", second)])
    assert len(merged) == 2


def test_a_base_the_gazetteer_does_not_know_takes_the_township_of_the_town_it_is_in() -> None:
    # Real event, own words: the MNDAA took the North Eastern Command in Lashio on 3 August 2024.
    text = (
        "Kokang fighters of the MNDAA overran the North Eastern Command base in Lashio on Saturday, "
        "3 August 2024, the group said."
    )
    records = extract_document(Document(doc_id="doc-lashio", text=text, published=dt.date(2024, 8, 4)))
    events = [r for r in records if isinstance(r, EventRecord)]
    assert len(events) == 1 and events[0].place is not None
    assert (events[0].place.admin1, events[0].place.admin3) == ("Shan", "Lashio")
