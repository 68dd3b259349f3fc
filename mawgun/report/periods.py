"""Reporting periods: ISO weeks ("2023-W35") and calendar months ("2023-08").

A report covers one period and compares it with the one before, so a period knows its first and
last day, its label, and its predecessor. Parsing is strict: a malformed period is a clear error,
never a silently wrong date range.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class PeriodError(ValueError):
    """A period string that is not an ISO week or a calendar month."""


@dataclass(frozen=True)
class Period:
    """A closed date range [start, end] with its kind ("week" or "month") and label."""

    kind: str
    start: dt.date
    end: dt.date
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == "week":
            return week_of(self.start - dt.timedelta(days=7))
        return month_of(self.start - dt.timedelta(days=1))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def title(self) -> str:
        """A human title: "Week 35, 2023 (28 Aug - 3 Sep)" or "August 2023"."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"Week {week}, {year} ({format_day(self.start)} – {format_day(self.end)} {self.end.year})"
        return f"{calendar.month_name[self.start.month]} {self.start.year}"


def format_day(day: dt.date) -> str:
    """ "28 Aug" (no leading zero), for compact ranges."""
    return f"{day.day} {calendar.month_abbr[day.month]}"


def week_of(day: dt.date) -> Period:
    """The ISO week (Monday to Sunday) containing `day`."""
    year, week, weekday = day.isocalendar()
    start = day - dt.timedelta(days=weekday - 1)
    return Period("week", start, start + dt.timedelta(days=6), f"{year}-W{week:02d}")


def month_of(day: dt.date) -> Period:
    """The calendar month containing `day`."""
    last = calendar.monthrange(day.year, day.month)[1]
    start = day.replace(day=1)
    return Period("month", start, day.replace(day=last), f"{day.year}-{day.month:02d}")


def parse_week(text: str) -> Period:
    """Parse "2023-W35" (or "2023W35") into its Monday-to-Sunday range."""
    match = WEEK_RE.match(text.strip())
    if not match:
        raise PeriodError(f"not an ISO week: {text!r} (expected e.g. 2023-W35)")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise PeriodError(f"no week {week} in {year}: {text!r}") from exc
    return week_of(monday)


def parse_month(text: str) -> Period:
    """Parse "2023-08" into the first and last day of that month."""
    match = MONTH_RE.match(text.strip())
    if not match:
        raise PeriodError(f"not a month: {text!r} (expected e.g. 2023-08)")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise PeriodError(f"no month {month}: {text!r}")
    return month_of(dt.date(year, month, 1))


def parse_period(text: str) -> Period:
    """A week or a month, whichever the text is."""
    return parse_week(text) if "W" in text.upper() else parse_month(text)


def bucket_days(period: Period) -> list[tuple[str, dt.date, dt.date]]:
    """Chart buckets inside a period: days for a week, days for a month too (labelled by day)."""
    buckets = []
    day = period.start
    while day <= period.end:
        buckets.append((day.isoformat(), day, day))
        day += dt.timedelta(days=1)
    return buckets
