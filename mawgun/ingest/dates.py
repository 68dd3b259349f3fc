"""Publication dates with their precision: "2024-03", "March 2024" and "2024" are not days.

ISO forms are read directly (fast, exact); everything else goes to dateparser, whose period
("day", "month", "year", "week") becomes the precision. Day-first order is preferred because
Myanmar and regional outlets write "5 January 2024" / "05/01/2024".
"""

from __future__ import annotations

import datetime as dt
import re

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")


def parse_iso(value: str) -> tuple[dt.date, str] | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (a time part is ignored); None when not ISO or not a valid date."""
    match = ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        found = dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return None
    return found, "day" if day else "month" if month else "year"


def parse_date(value: str | dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, precision) from free text; (None, None) when there is no recognisable date."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = value.strip()
    if not text:
        return None, None
    iso = parse_iso(text)
    if iso:
        return iso
    return parse_free_date(text)


def parse_free_date(text: str) -> tuple[dt.date | None, str | None]:
    """Free-text dates through dateparser ("Wednesday, January 19, 2022", "March 2024")."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en", "my"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    data = parser.get_date_data(text[:200])
    if data is None or data.date_obj is None:
        return None, None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    return data.date_obj.date(), period
