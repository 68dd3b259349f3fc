"""Dates: absolute forms, relative ones against publication or the date told before, ranges, precision."""

import datetime as dt

import pytest

from mawgun.extract.dates import find_dates

PUBLISHED = dt.date(2022, 1, 19)  # a Wednesday


def first(text: str, anchor: dt.date | None = None, published: dt.date = PUBLISHED):
    found = find_dates(text, 0, len(text), published, anchor)
    assert found, f"no date in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on 29 August 2023, troops", dt.date(2023, 8, 29)),
        ("on August 29, 2023 troops", dt.date(2023, 8, 29)),
        ("on 29/8/2023 troops", dt.date(2023, 8, 29)),
        ("on 2023-08-29 troops", dt.date(2023, 8, 29)),
        ("on the 29th of August 2023", dt.date(2023, 8, 29)),
        ("on 6 January, fighting", dt.date(2022, 1, 6)),
        ("on 6 June the camp", dt.date(2021, 6, 6)),
        ("the night of 4 May", dt.date(2021, 5, 4)),
    ],
)
def test_absolute_dates_in_common_forms(text: str, expected: dt.date) -> None:
    mention = first(text)
    assert (mention.date, mention.precision) == (expected, "day")


def test_a_weekday_is_the_latest_such_day_up_to_publication() -> None:
    assert first("On Monday, jets bombed").date == dt.date(2022, 1, 17)


def test_christmas_eve_is_the_last_one_before_publication() -> None:
    assert first("On Christmas Eve, the army").date == dt.date(2021, 12, 24)


def test_days_later_count_from_the_date_told_before() -> None:
    mention = first("Two days later, in Karenni State", anchor=dt.date(2023, 8, 29))
    assert mention.date == dt.date(2023, 8, 31)
    assert mention.relative


def test_month_and_year_gives_the_fifteenth_with_month_precision() -> None:
    mention = first("in April 2023, which")
    assert (mention.date, mention.precision) == (dt.date(2023, 4, 15), "month")


def test_a_month_without_year_is_the_latest_before_publication() -> None:
    mention = first("liberated in November, it", published=dt.date(2023, 12, 21))
    assert (mention.date, mention.precision) == (dt.date(2023, 11, 15), "month")


def test_last_month_is_the_previous_calendar_month() -> None:
    mention = first("last month alone", published=dt.date(2023, 9, 15))
    assert (mention.date, mention.precision) == (dt.date(2023, 8, 15), "month")


def test_since_a_date_opens_a_range_to_publication() -> None:
    mention = first("has escalated since 6 January")
    assert mention.since and (mention.date, mention.date_end) == (dt.date(2022, 1, 6), PUBLISHED)


def test_a_range_of_days_keeps_both_ends_with_week_precision() -> None:
    mention = first("between 3 and 5 May 2023")
    assert (mention.date, mention.date_end, mention.precision) == (dt.date(2023, 5, 3), dt.date(2023, 5, 5), "week")


def test_days_before_a_lunar_festival() -> None:
    mention = first("Two days before Thadingyut Festival", published=dt.date(2023, 11, 13))
    assert mention.date == dt.date(2023, 10, 26)


def test_yesterday_and_last_week_count_back_from_publication() -> None:
    assert first("clashes yesterday").date == dt.date(2022, 1, 18)
    week = first("fighting last week")  # the calendar week before (10-16 January), dated by its middle day
    assert (week.date, week.precision, week.date_end) == (dt.date(2022, 1, 13), "week", dt.date(2022, 1, 16))


def test_lowercase_may_and_march_are_not_months() -> None:
    text = "troops may march on the town"
    assert find_dates(text, 0, len(text), PUBLISHED) == []


def test_a_range_across_months_keeps_both_ends() -> None:
    mention = first("displacements, 28 June - 3 July.", published=dt.date(2024, 7, 10))
    assert (mention.date, mention.date_end) == (dt.date(2024, 6, 28), dt.date(2024, 7, 3))


def test_over_the_weekend_is_the_last_saturday_with_week_precision() -> None:
    mention = first("torched homes over the weekend", published=dt.date(2022, 6, 16))
    assert (mention.date, mention.precision) == (dt.date(2022, 6, 11), "week")


def test_a_date_after_said_is_the_day_of_the_statement() -> None:
    mention = first("residents said on Wednesday")
    assert mention.report


def test_a_dateline_date_is_the_reporting_day_not_the_events() -> None:
    text = "YANGON, March 12 (Reuters) - Jets bombed a village on Monday."
    mentions = find_dates(text, 0, len(text), dt.date(2024, 3, 12))
    assert [m.report for m in mentions] == [True, False]


def test_a_weekday_of_last_week() -> None:
    assert first("on Tuesday last week, troops", published=dt.date(2024, 3, 14)).date == dt.date(2024, 3, 5)


def test_a_document_without_publication_date_is_dated_by_its_dateline() -> None:
    from mawgun.extract import extract_document
    from mawgun.model import Document

    text = "Wednesday, January 19, 2022\n\nOn Monday, junta jets bombed Mo So village in Karenni State."
    (event,) = [r for r in extract_document(Document(doc_id="d", text=text)) if r.kind == "event"]
    assert event.date == dt.date(2022, 1, 17)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Last Tuesday the army shelled", dt.date(2022, 1, 11)),  # written on a Wednesday: not yesterday
        ("troops raided the ward last Wednesday", dt.date(2022, 1, 12)),  # not the day of publication
        ("jets bombed the camp last Sunday", dt.date(2022, 1, 16)),
        ("On Tuesday the army shelled", dt.date(2022, 1, 18)),
    ],
)
def test_last_weekday_is_before_yesterday(text: str, expected: dt.date) -> None:
    assert first(text).date == expected


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("The outpost had fallen the week prior.", dt.date(2022, 1, 3), "week"),
        ("Jets had struck the market the week before.", dt.date(2022, 1, 3), "week"),
        ("Soldiers had searched the ward the day before.", dt.date(2022, 1, 9), "day"),
        ("Two teachers were detained the same day.", dt.date(2022, 1, 10), "day"),
        ("that same night a second drone hit the base", dt.date(2022, 1, 10), "day"),
    ],
)
def test_spans_counted_from_the_date_told_before(text: str, expected: dt.date, precision: str) -> None:
    mention = first(text, anchor=dt.date(2022, 1, 10))
    assert (mention.date, mention.precision) == (expected, precision)


@pytest.mark.parametrize(
    "text",
    [
        "The same battalion raided the village last year on Jan. 11.",
        "The same battalion raided the village on 11 January last year.",
        "The same battalion raided the village last year, on January 11.",
    ],
)
def test_a_day_told_with_last_year_is_that_day_a_year_before_publication(text: str) -> None:
    (mention,) = find_dates(text, 0, len(text), dt.date(2024, 6, 5))
    assert (mention.date, mention.precision) == (dt.date(2023, 1, 11), "day")


@pytest.mark.parametrize(
    "text",
    [
        "the toll had risen to 40 as of Monday",
        "as of the afternoon of 17 January, fighting was still going on",
        "as at 17 January the number stood at 12",
    ],
)
def test_a_day_a_figure_is_counted_as_of_is_a_report_day(text: str) -> None:
    assert first(text).report
