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
        "Regime troops recaptured Nawnghkio in northern Shan State on 16 July. Analysts say the army is preparing "
        "an offensive to also retake Kyaukme."
    )
    events = events_of(text, "2025-07-20")
    assert [e["location"] for e in events] == ["Nawnghkio"], events
