"""Publication dates with their precision: "2024-03", "March 2024" and "2024" are not days.

ISO forms are read directly (fast, exact); everything else goes to dateparser, whose period
("day", "month", "year", "week") becomes the precision. Day-first order is preferred because
Myanmar and regional outlets write "5 January 2024" / "05/01/2024". Burmese digits (၂၀၂၄) are
read as ASCII digits.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

BURMESE_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")
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
    text = value.strip().translate(BURMESE_DIGITS)
    if not text:
        return None, None
    iso = parse_iso(text)
    if iso:
        return iso
    return parse_free_date(text)


@lru_cache(maxsize=2)
def date_parser(full_dates_only: bool = False) -> Any:
    """A dateparser parser (built once: construction is costly), optionally requiring day, month and year."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        # no relative dates: "yesterday" in a header says nothing without the day it was written
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    if full_dates_only:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    return DateDataParser(languages=["en", "my"], settings=settings)


BYLINE_LINES = 6  # a dateline sits right under the headline, if anywhere
BYLINE_SEPARATORS = re.compile(r"[•·|–—]| - ")
YEAR = re.compile(r"\b(19|20)\d\d\b")


def parse_full_date(text: str) -> dt.date | None:
    """A complete calendar date written with its year ("November 13th, 2023"); relative phrases never match."""
    if not YEAR.search(text):
        return None
    data = date_parser(True).get_date_data(text[:100])
    return data.date_obj.date() if data is not None and data.date_obj is not None else None


def parse_free_date(text: str) -> tuple[dt.date | None, str | None]:
    """Free-text dates through dateparser ("Wednesday, January 19, 2022", "March 2024")."""
    data = date_parser().get_date_data(text[:200])
    if data is None or data.date_obj is None:
        return None, None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    return data.date_obj.date(), period


def byline_date(body: str) -> dt.date | None:
    """The publication date from a dateline under the headline ("November 13th, 2023 • Author: ...").

    Only short segments of the first lines after the title are tried, and only complete dates with a
    year, so a date mentioned in the story itself is not mistaken for the publication date.
    """
    lines = [line.strip() for line in body.split("\n") if line.strip()][1 : BYLINE_LINES + 1]
    for line in lines:
        if len(line) > 120:
            continue
        for segment in BYLINE_SEPARATORS.split(line):
            segment = segment.strip()
            if 6 <= len(segment) <= 40:
                found = parse_full_date(segment)
                if found:
                    return found
    return None
