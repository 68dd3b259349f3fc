"""Reporting periods: ISO weeks and calendar months, strictly parsed."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.report.periods import PeriodError, parse_month, parse_period, parse_week


def test_iso_week_runs_monday_to_sunday() -> None:
    week = parse_week("2023-W35")
    assert (week.start, week.end) == (dt.date(2023, 8, 28), dt.date(2023, 9, 3))
    assert week.label == "2023-W35"


def test_week_one_may_start_in_the_previous_year() -> None:
    week = parse_week("2025-W01")
    assert week.start == dt.date(2024, 12, 30)
    assert week.previous().label == "2024-W52"


def test_month_covers_every_day_and_knows_its_predecessor() -> None:
    month = parse_month("2024-02")
    assert (month.start, month.end, month.days) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), 29)
    assert parse_month("2024-01").previous().label == "2023-12"


def test_period_text_picks_week_or_month() -> None:
    assert parse_period("2023-W35").kind == "week"
    assert parse_period("2023-08").kind == "month"


@pytest.mark.parametrize("text", ["2023-13", "August 2023", "2023-8-1", ""])
def test_malformed_month_is_a_clear_error(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_month(text)


@pytest.mark.parametrize("text", ["2023-W54", "2023-35", "W35"])
def test_malformed_week_is_a_clear_error(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_week(text)
