"""Event dates told loosely (issue 10, dates): a week of a month, a part of a month, the calendar week before
publication, a decade that makes a sentence background, and the present progressive that tells what goes on
when the article was written rather than the day told before. Texts are our own, about real places."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.extract.dates import find_dates
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="dates-context", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def first_date(text: str, published: dt.date) -> Any:
    found = find_dates(text, 0, len(text), published)
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    "text, published, day, end",
    [
        ("raids in the first week of March, residents said", dt.date(2022, 3, 20), dt.date(2022, 3, 4), 7),
        ("During the second week in June the column moved", dt.date(2023, 7, 2), dt.date(2023, 6, 11), 14),
        ("in the last week of February 2024, jets struck", dt.date(2024, 5, 1), dt.date(2024, 2, 26), 29),
        ("the first week of December", dt.date(2022, 1, 10), dt.date(2021, 12, 4), 7),
    ],
)
def test_a_week_of_a_month_is_that_week_dated_by_its_middle_day(
    text: str, published: dt.date, day: dt.date, end: int
) -> None:
    mention = first_date(text, published)
    assert (mention.date, mention.precision, mention.date_end.day) == (day, "week", end)


@pytest.mark.parametrize(
    "text, day",
    [("in early April, troops", 5), ("since late March the town", 25), ("fighting in mid-July", 15)],
)
def test_a_part_of_a_month_without_a_year_picks_its_day(text: str, day: int) -> None:
    mention = first_date(text, dt.date(2024, 12, 1))
    assert (mention.date.day, mention.precision) == (day, "month")


def test_last_week_is_the_calendar_week_before_publication() -> None:
    mention = first_date("villagers fled last week", dt.date(2023, 11, 6))  # a Monday
    assert (mention.date, mention.date_end, mention.precision) == (dt.date(2023, 11, 2), dt.date(2023, 11, 5), "week")


def test_a_list_of_states_in_a_dated_week_gives_one_arrest_per_state() -> None:
    # Arrests of young men after the 2021 coup, in several regions (our wording).
    text = (
        "During the first week of March, junta troops and police arrested dozens of young men in Sagaing Region, "
        "Magway Region and Mon State, family members said."
    )
    events = events_of(text, "2022-03-12")
    assert sorted(e["admin1"] for e in events) == ["Magway", "Mon", "Sagaing"], events
    assert {e["date"] for e in events} == {"2022-03-04"}


def test_a_sentence_told_by_its_decade_is_background() -> None:
    # The army held Laiza's hills for years; the KIA took positions there in March 2021 (our wording).
    text = (
        "The Kachin Independence Army captured an army outpost near Laiza in Kachin State on 25 March. The army "
        "had seized the ridge from the KIA in the early '90s, and held it since."
    )
    events = events_of(text, "2021-04-02")
    assert [e["date"] for e in events] == ["2021-03-25"], events


def test_the_present_progressive_is_dated_by_publication_not_the_day_told_before() -> None:
    # Airstrikes on Namhsan after its capture by the TNLA (our wording).
    text = (
        "The Ta'ang National Liberation Army captured Namhsan in northern Shan State on 15 December. The regime "
        "is now carrying out airstrikes on Namhsan, residents said."
    )
    events = events_of(text, "2023-12-28")
    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    captures = [e for e in events if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert [e["date"] for e in captures] == ["2023-12-15"], events
    assert [(e["date"], e["date_precision"]) for e in strikes] == [("2023-12-28", "week")], strikes


def test_an_offensive_planned_to_retake_a_town_is_no_event() -> None:
    text = (
        "Regime troops recaptured Nawnghkio in northern Shan State on 16 July. Analysts expect the army to mount a "
        "push to also retake Kyaukme."
    )
    events = events_of(text, "2025-07-20")
    assert [e["location"] for e in events] == ["Nawnghkio"], events


def test_months_of_last_year_are_background() -> None:
    # Chin resistance attacks on Rihkhawdar (our wording).
    text = (
        "Chin resistance fighters captured the junta outpost at Rihkhawdar in Chin State on 13 November. They "
        "had also attacked army posts in the town in April and September of last year."
    )
    events = events_of(text, "2023-11-15")
    assert [e["date"] for e in events] == ["2023-11-13"], events


def test_days_earlier_counts_back_from_the_day_told_before() -> None:
    mention = find_dates("Days earlier, troops entered the village", 0, 40, dt.date(2021, 8, 1), dt.date(2021, 7, 30))
    assert [(m.date, m.precision) for m in mention] == [(dt.date(2021, 7, 27), "week")]


def test_a_date_after_publication_never_dates_an_event() -> None:
    # "three years after the coup" counted from the article's day lies in the future (our wording).
    text = (
        "Nearly three years on from the coup, the alliance holds ten towns in northern Shan State. The military "
        "council launched air assaults on Kutkai Township, residents said."
    )
    events = events_of(text, "2023-12-28")
    assert all(e["date"] <= "2024-01-04" for e in events), events


def test_a_line_repeating_the_title_is_no_second_event() -> None:
    title = "Resistance forces seize army camp near Kyauktaw"
    text = (
        f"18 January 2024\n{title}\n\nThe Arakan Army captured a junta camp near Kyauktaw in Rakhine State on 14 "
        "January, the group said."
    )
    doc = Document(doc_id="title", text=text, published=dt.date(2024, 1, 18), title=title)
    events = [r for r in extract_document(doc) if r.kind == "event"]
    assert len(events) == 1 and all(s.text != title for s in events[0].evidence), events


def test_a_subheading_inside_the_text_is_no_event() -> None:
    text = (
        "The Arakan Army captured a junta camp near Kyauktaw in Rakhine State on 14 January.\n"
        "Officers arrested for giving up their posts\n"
        "The junta later detained three officers in Sittwe on 16 January, relatives said."
    )
    events = events_of(text, "2024-01-18")
    assert sorted(e["date"] for e in events) == ["2024-01-14", "2024-01-16"], events


def test_troops_surrendering_now_are_dated_by_publication() -> None:
    text = (
        "The Arakan Army attacked the Western Command in Ann Township, Rakhine State, on 6 December. Around the "
        "headquarters, regime troops are surrendering to the rebels in growing numbers, the group said."
    )
    surrenders = [e for e in events_of(text, "2024-12-17") if e["event_type"] == "Strategic developments"]
    assert all(e["date"] == "2024-12-17" for e in surrenders), surrenders


def test_a_lead_without_day_or_place_takes_them_from_the_detail_told_next() -> None:
    # Wire-style lead about a strike on a school in Sagaing Region (our wording).
    text = (
        "Junta jets have bombed a village school in north-western Myanmar, killing at least nine people, a teacher "
        "said.\n\nThe teacher said she was taking pupils to a shelter when the aircraft appeared over Ywa Thit "
        "village in Kanbalu Township on Friday morning."
    )
    strikes = [e for e in events_of(text, "2022-09-19") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["date"], e["admin3"]) for e in strikes] == [("2022-09-16", "Kanbalu")], strikes
    assert strikes[0]["provenance_fields"]["place"] == "event_dates.lead_detail"


def test_a_planned_days_date_is_never_carried_to_an_event() -> None:
    # The junta's push before the December 2025 vote (our wording).
    text = (
        "The junta hopes to win back as much ground as possible before the vote it has planned for December 28.\n\n"
        "Junta jets bombed villages in Kyaukme Township, northern Shan State, residents said."
    )
    events = events_of(text, "2025-08-21")
    assert all(not e["date"].startswith("2024-12") for e in events), events


def test_a_status_day_told_as_of_dates_the_paragraph_after() -> None:
    # Fighting near the Goteik viaduct in August 2025 (our wording).
    text = (
        "Fighting between the army and the TNLA went on near the Goteik viaduct in Nawnghkio Township, northern "
        "Shan State, as of Thursday, residents said.\n\n"
        "The army shelled villages along the highway with mortars."
    )
    shelling = [e for e in events_of(text, "2025-08-22") if e["sub_event_type"].startswith("Shelling")]
    assert [(e["date"], e["date_precision"]) for e in shelling] == [("2025-08-21", "week")], shelling
