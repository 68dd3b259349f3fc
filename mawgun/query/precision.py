"""Dates and places shown with their precision, so a coarse fact never reads as an exact one.

An event known only to the month is stored on a representative day ("2023-11-15" with
`date_precision` "month"); printed bare, that day claims what no source said. Every face (the
dashboard's lists and event pages, reports, `mawgun events`) prints dates and places through here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STATE_ONLY = "state/region only"


def as_day(value: Any) -> dt.date | None:
    """A date, an ISO string or None as a date (None when it cannot be read)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def coarse_date(value: Any, precision: str | None) -> str | None:
    """ "Nov 2023" (month), "2023" (year), "week of 2023-11-13" (week); None for a day or no date."""
    day = as_day(value)
    if day is None or precision in (None, "", "day"):
        return None
    if precision == "month":
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year)
    if precision == "week":
        return f"week of {(day - dt.timedelta(days=day.weekday())).isoformat()}"
    return None


def date_span(value: Any, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a date of this precision may be: (day, day), its ISO week, month or year; None if undated.

    The map's time slider shows an event in every period its span overlaps, so an event known only
    to November is in each week of November, never pinned to its stored representative day."""
    day = as_day(value)
    if day is None:
        return None
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if precision == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), following - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def show_date(value: Any, precision: str | None) -> str:
    """The date as precisely as it is known: "2023-11-04", "Nov 2023", "2023"; "" when undated."""
    coarse = coarse_date(value, precision)
    if coarse:
        return coarse
    day = as_day(value)
    return day.isoformat() if day else ("" if value is None else str(value))


def state_only(event: dict[str, Any]) -> bool:
    """True when the event's place is known only to its state/region (no township, no location)."""
    if not event.get("admin1"):
        return False
    if event.get("geo_precision") == 3:
        return True
    return not event.get("admin3") and not event.get("location")


def show_place(event: dict[str, Any]) -> str:
    """ "Location, Township, State" without blanks; "Shan (state/region only)" when that is all known."""
    names = dict.fromkeys(str(p) for p in (event.get("location"), event.get("admin3"), event.get("admin1")) if p)
    text = ", ".join(names)
    return f"{text} ({STATE_ONLY})" if state_only(event) else text
