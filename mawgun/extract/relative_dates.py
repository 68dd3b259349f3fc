"""Resolvers of relative date expressions ("on Monday", "two days later", "last month", "Christmas Eve",
"over the weekend"): each turns a regex match into (day, precision, end of range, relative), counting from the
publication date or from `anchor`, the date of the event told just before."""

from __future__ import annotations

import datetime as dt
import re

from mawgun.extract.numbers import parse_number
from mawgun.extract.vocab import load_vocabulary

Resolved = tuple[dt.date, str, dt.date | None, bool] | None
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def r_holiday(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    ref = published or anchor
    if ref is None:
        return None
    name = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    day = holiday_before(name, ref)
    if day is None:
        return None
    if m.group("n"):
        count = parse_number("1" if m.group("n").lower() in {"a", "one"} else m.group("n"))
        if count is None:
            return None
        day += dt.timedelta(days=count if m.group("dir").lower() == "after" else -count)
    return day, "day", None, True


def holiday_before(name: str, ref: dt.date) -> dt.date | None:
    """The latest occurrence of a named holiday on or before `ref` (a week's grace for coming days)."""
    data = load_vocabulary("holidays")
    limit = ref + dt.timedelta(days=7)
    if name in data["fixed"]:
        month, day = (int(x) for x in data["fixed"][name].split("-"))
        candidate = dt.date(ref.year, month, day)
        return candidate if candidate <= limit else dt.date(ref.year - 1, month, day)
    days = sorted(dt.date.fromisoformat(str(v)) for v in data["lunar"].get(name, {}).values())
    before = [d for d in days if d <= limit]
    return before[-1] if before else None


def r_weekday(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    delta = (published.weekday() - WEEKDAYS.index(m.group("w").lower())) % 7
    if m.groupdict().get("last"):  # "on Tuesday last week"
        delta = delta + 7 if delta < published.weekday() + 1 else delta
    elif m.groupdict().get("prior") and delta < 2:  # "last Thursday" written on a Friday or Thursday: a week back
        delta += 7
    return published - dt.timedelta(days=delta), "day", None, True


UNIT_DAYS = {"day": 1, "morning": 1, "night": 1, "week": 7, "month": 30, "year": 365}


def r_offset(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    raw = m.group("n").lower()
    vague = raw in {"a few", "several", "some", ""}  # "days earlier": a few
    count = 1 if raw in {"a", "an", "one"} else 3 if vague else parse_number(raw)
    if count is None:
        return None
    unit = m.group("u").lower().rstrip("s")
    direction = m.group("dir").lower()
    base = published if direction == "ago" else (anchor or published)
    if base is None:
        return None
    sign = 1 if direction in {"later", "after", "afterwards"} else -1
    day = base + dt.timedelta(days=sign * int(count) * UNIT_DAYS[unit])
    precision = "week" if unit == "week" or (vague and unit == "day") else "day" if unit == "day" else "month"
    return day, precision, None, True


def r_next_day(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    base = anchor or published
    if base is None:
        return None
    unit = UNIT_DAYS[m.group("u").lower()]
    sign = -1 if m.group("dir").lower() in {"previous", "prior", "before", "earlier"} else 1
    return base + dt.timedelta(days=sign * unit), "day" if unit == 1 else "week", None, True


def r_same_day(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    """ "the same day", "that same night": the day told just before."""
    base = anchor or published
    return (base, "day", None, True) if base else None


def r_yesterday(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    back = 1 if m.group("w").lower() in {"yesterday", "last night"} else 0
    return published - dt.timedelta(days=back), "day", None, True


def r_recent_weeks(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    said = m.group(0).lower()
    if said == "last week":  # the calendar week before publication, dated by its middle day (Thursday)
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday + dt.timedelta(days=3), "week", monday + dt.timedelta(days=6), True
    return published - dt.timedelta(days=3 if "this week" in said else 7), "week", published, True


def r_weekend(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
    return saturday, "week", saturday + dt.timedelta(days=1), True


def r_last_month(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    if m.group("w").lower() == "last":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15), "month", None, True
    return published.replace(day=min(15, published.day)), "month", None, True


def r_last_year(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    if published is None:
        return None
    year = published.year - (1 if m.group("w").lower() == "last" else 0)
    return dt.date(year, 7, 1), "year", None, True
