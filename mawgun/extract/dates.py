"""Date mentions: absolute dates in the common forms, relative ones resolved against the publication date
or the date of the event told just before, with a precision (day, week, month, year) and ranges.

Own rules rather than a generic parser, because news about Myanmar anchors dates in ways generic parsers
do not resolve ("two days later", "on Christmas Eve", "two days before Thadingyut"); `dateparser` is used only
as a last resort for a numeric date in an unusual order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from mawgun.extract.numbers import parse_number
from mawgun.extract.relative_dates import (
    UNIT_DAYS,
    Resolved,
    r_holiday,
    r_last_month,
    r_last_year,
    r_next_day,
    r_offset,
    r_recent_weeks,
    r_same_day,
    r_weekday,
    r_weekend,
    r_yesterday,
)
from mawgun.extract.vocab import load_vocabulary

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_ALT = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
MONTH = rf"(?P<m>{MONTH_ALT})\.?"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<y>(?:19|20)\d\d)"
COUNT = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|some)"


@dataclass(frozen=True)
class DateMention:
    """A date found in text: offsets in the document, the resolved day(s), precision and the rule used."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    rule: str
    date_end: dt.date | None = None
    relative: bool = False
    since: bool = False
    report: bool = False


def m2(pattern: str) -> re.Pattern[str]:
    """Compile a date pattern: month names must be capitalised (so "may"/"march" as words never match)."""
    return re.compile(pattern)


RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", m2(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", m2(r"\b(?P<d>[0-3]?\d)/(?P<mm>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")),
    (
        "range_dmdm",
        m2(
            rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_ALT})\.?\s*(?:-|–|to|until)\s*"
            rf"{DAY}\s+{MONTH}(?:,?\s+{YEAR})?"
        ),
    ),
    (
        "range_dmy",
        m2(rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"),
    ),
    ("range_mdy", m2(rf"\b{MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*{DAY}\b(?:,?\s+{YEAR})?")),
    ("dmy", m2(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b")),
    ("mdy", m2(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b")),
    ("dm", m2(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?![\w])")),
    ("md", m2(rf"\b{MONTH}\s+{DAY}\b(?!\s*\d)(?!,\s*(?:19|20)\d\d)")),
    (  # "in the first week of December", "during the last week of May 2023": that week, its middle day
        "week_of",
        m2(
            r"\b(?i:the\s+(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+(?:of|in)\s+)"
            rf"{MONTH}(?:,?\s+{YEAR})?"
        ),
    ),
    ("my", m2(rf"\b(?P<part>early|mid|late|end of|the end of|mid-)?\s*{MONTH},?\s+{YEAR}\b")),
    (
        "m",
        m2(
            rf"(?i:\b(?P<lead>in|during|since|last|this|early|late|mid-|of|by|until|throughout|from|between)\s+"
            rf"(?P<part>early\s+|late\s+|mid-)?){MONTH}\b"
        ),
    ),
    (
        "coup",
        re.compile(
            r"\bsince (?:(?:the|its) (?:(?:February |Feb\.? )?2021 |attempted |failed |illegal |military |army )*"
            r"(?:coup(?: d[’']état)?|takeover|seizure of power|power grab)|the (?:military|army|junta|generals) "
            r"(?:seized|took|grabbed) power(?: in (?:February )?2021)?)\b",
            re.I,
        ),
    ),
    ("holiday", re.compile(r"(?i:\b(?:(?P<n>\w+) days? (?P<dir>before|after) )?(?:the )?)(?P<h>HOLIDAY)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"(?:\b(?P<prior>[Ll]ast|[Pp]ast|[Pp]revious)\s+)?"  # "last Thursday": before yesterday
            r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
            r"(?P<last>(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?last\s+week)?"
        ),
    ),
    (
        "offset",
        re.compile(
            rf"\b{COUNT}\s+(?P<u>day|days|week|weeks|month|months|year|years)\s+"
            rf"(?P<dir>later|after|afterwards|earlier|before|ago)\b",
            re.I,
        ),
    ),
    (  # "Days earlier, troops entered ...": a few days from the date told before, week precision
        "offset",
        re.compile(
            r"(?:(?<=^)|(?<=[.,;:]\s)|(?<=\n))(?P<n>)(?P<u>[Dd]ays|[Ww]eeks)\s+(?P<dir>earlier|later|afterwards)\b"
        ),
    ),
    ("next_day", re.compile(r"\bthe (?P<dir>next|following|previous|prior) (?P<u>day|morning|night|week)\b", re.I)),
    (  # "the day before", "the week prior", "the night after": counted from the date told just before
        "next_day",
        re.compile(
            r"\bthe (?P<u>day|morning|night|week) (?P<dir>before|prior|earlier|after|later)\b(?!\s+(?:the|a|an)\b)",
            re.I,
        ),
    ),
    ("same_day", re.compile(r"\b(?:the|that) same (?:day|morning|night|evening|afternoon)\b", re.I)),
    ("yesterday", re.compile(r"\b(?P<w>yesterday|today|last night|this morning|tonight)\b", re.I)),
    (
        "recent_weeks",
        re.compile(
            r"\b(?:last week|this week|past week|over the (?:last|past) (?:few )?weeks|"
            r"in recent (?:days|weeks)|earlier this week)\b",
            re.I,
        ),
    ),
    ("weekend", re.compile(r"\b(?:over|at|during|on|this|last) (?:the )?weekend\b", re.I)),
    ("last_month", re.compile(r"\b(?P<w>last|this|earlier this|past) month\b", re.I)),
    ("last_year", re.compile(r"\b(?P<w>last|this|past) year\b", re.I)),
    ("year", re.compile(rf"\b(?i:in|during|since|throughout|of)\s+{YEAR}\b(?!\s*\d)")),
    (  # "in the early '90s", "during the 1990s": background told by its decade
        "decade",
        re.compile(
            r"\b(?:in|during|since|throughout|by|from)\s+the\s+(?:(?:early|mid|late)[- ]?)?"
            r"(?P<dec>(?:19|20)\d0|['’]\d0)s\b",
            re.I,
        ),
    ),
]


def holiday_pattern() -> str:
    """Alternation of the holiday names in `holidays.yaml`."""
    data = load_vocabulary("holidays")
    names = sorted([*data["fixed"], *data["lunar"]], key=len, reverse=True)
    return "|".join(re.escape(n).replace("\\ ", r"\s+").replace("'", "[’']") for n in names)


def compiled_rules() -> list[tuple[str, re.Pattern[str]]]:
    """The rules, with the holiday names filled in (once)."""
    if not hasattr(compiled_rules, "cache"):
        rules = []
        for name, pattern in sorted(RULES, key=lambda r: r[0] != "coup"):  # "since the coup in February 2021"
            if name == "holiday":
                pattern = re.compile(pattern.pattern.replace("HOLIDAY", holiday_pattern()), re.I)
            rules.append((name, pattern))
        compiled_rules.cache = rules  # type: ignore[attr-defined]
    return compiled_rules.cache  # type: ignore[attr-defined]


def find_dates(
    text: str, start: int, end: int, published: dt.date | None, anchor: dt.date | None = None
) -> list[DateMention]:
    """Date mentions in text[start:end], in order; `anchor` is the date of the event told just before."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for rule, pattern in compiled_rules():
        for match in pattern.finditer(text, start, end):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            mention = resolve(rule, match, published, sentence_anchor(found, match.start()) or anchor)
            if mention is not None:
                taken.append((match.start(), match.end()))
                found.append(mention)
    found.sort(key=lambda m: m.start)
    return in_last_year(text, found)


LAST_YEAR_GAP = re.compile(r"^[\s,]*(?:on\s+)?$")


def in_last_year(text: str, found: list[DateMention]) -> list[DateMention]:
    """A day and month told with "last year" beside it ("last year on Jan. 11", "on 11 January last year") is that
    day of the year before publication, one mention at day precision."""
    for mention in [m for m in found if m.rule == "last_year" and m.precision == "year"]:
        beside = [
            m
            for m in found
            if m.rule in {"md", "dm"}
            and (LAST_YEAR_GAP.match(text[mention.end : m.start]) or LAST_YEAR_GAP.match(text[m.end : mention.start]))
        ]
        months = [m for m in found if m.rule == "m" and LAST_YEAR_MONTHS.match(text[m.end : mention.start])]
        if beside:
            day = beside[0]
            moved = dataclasses.replace(day, date=day.date.replace(year=mention.date.year))
            found = [moved if m is day else m for m in found if m is not mention]
        elif months:  # "in April and June of last year", "in May last year": those months of that year
            shifted = {id(m): dataclasses.replace(m, date=m.date.replace(year=mention.date.year)) for m in months}
            found = [shifted.get(id(m), m) for m in found if m is not mention]
    return found


LAST_YEAR_MONTHS = re.compile(
    r"^(?:(?:,?\s+and|,)\s+(?:in\s+)?(?:early\s+|late\s+|mid-)?[A-Z][a-z]+\.?)*,?\s+(?:of\s+)?$"
)


def sentence_anchor(found: list[DateMention], before: int) -> dt.date | None:
    """The last day told earlier in the same sentence ("on 17 June ..., while jets bombed Mese the next day")."""
    earlier = [m for m in found if m.end <= before and m.precision == "day" and not m.since]
    return max(earlier, key=lambda m: m.start).date if earlier else None


def resolve(rule: str, m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> DateMention | None:
    """The mention for one regex match, or None when it names no valid date."""
    try:
        result = RESOLVERS[rule](m, published, anchor)
    except (ValueError, OverflowError, KeyError):
        return None
    if result is None:
        return None
    day, precision, day_end, relative = result
    since = rule == "coup" or bool(SINCE.search(m.string[max(0, m.start() - 50) : m.start()]))
    if since and published and day_end is None:
        day_end = published
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    report = bool(REPORT_VERB.search(m.string[max(0, m.start() - 40) : m.start()])) or bool(
        DATELINE.match(m.string[line_start : m.start()])
    )
    return DateMention(m.start(), m.end(), m.group(0), day, precision, rule, day_end, relative, since, report)


SINCE = re.compile(r"\bsince\b[^,.;:]{0,40}$", re.I)
DATELINE = re.compile(  # "YANGON, " / "BANGKOK (AFP) - " / "Aizawl, " opening a line: the day the story was filed
    r"^\s*(?:[A-Z][A-Z .'’-]{2,30}(?:,|\s+[—–-])|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,)\s*(?:\(\w+\)\s*)?$"
)
REPORT_VERB = re.compile(
    r"\b(?:said|says|saying|told(?:\s+\w+){0,3}?|announced|announcing|reported|reporting|stated|added|confirmed|"
    r"confirming|claimed|wrote|posted|released|admitted|acknowledged|issued|published|updated)\s+(?:on\s+)?$"
    r"|\b(?:said|says|announced|reported|stated|confirmed|wrote)\s+in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|post|interview|briefing|press conference|release|report|announcement|video)\s+(?:on\s+)?$"
    r"|\bas (?:of|at)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$",  # "had reached 40 as of Friday"
    re.I,
)


def month_of(m: re.Match[str]) -> int:
    return MONTHS[m.group("m").lower().rstrip(".")]


def infer_year(month: int, day: int, published: dt.date | None, anchor: dt.date | None) -> int:
    """The year of a day-month with no year: the latest one not after publication (a week's grace)."""
    ref = published or anchor or dt.date.today()
    candidate = dt.date(ref.year, month, min(day, 28) if month == 2 and day > 28 else day)
    return ref.year - 1 if candidate > ref + dt.timedelta(days=7) else ref.year


def r_full(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month = int(m.group("mm")) if "mm" in m.re.groupindex else month_of(m)
    day, year = int(m.group("d")), int(m.group("y"))
    if month > 12 and day <= 12:
        month, day = day, month
    return dt.date(year, month, day), "day", None, False


def r_range(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month, d1, d2 = month_of(m), int(m.group("d1")), int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else infer_year(month, d1, published, anchor)
    first, last = dt.date(year, month, d1), dt.date(year, month, d2)
    if last < first:
        return None
    return first, "day" if first == last else "week", last, False


def r_range_months(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month1, month2 = MONTHS[m.group("m1").lower()], month_of(m)
    d1, d2 = int(m.group("d1")), int(m.group("d"))
    year2 = int(m.group("y")) if m.group("y") else infer_year(month2, d2, published, anchor)
    year1 = year2 - 1 if month1 > month2 else year2
    first, last = dt.date(year1, month1, d1), dt.date(year2, month2, d2)
    if last < first:
        return None
    return first, "day" if first == last else "week" if (last - first).days <= 7 else "month", last, False


def r_day_month(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month, day = month_of(m), int(m.group("d"))
    return dt.date(infer_year(month, day, published, anchor), month, day), "day", None, False


def r_month_year(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month, year = month_of(m), int(m.group("y"))
    part = (m.group("part") or "").lower()
    return dt.date(year, month, part_day(part) if part else 15), "month", None, False


def r_month(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    month = month_of(m)
    ref = published or anchor
    if ref is None:
        return None
    year = ref.year if month <= ref.month else ref.year - 1
    if m.group("lead").lower() == "last" and month == ref.month:
        year -= 1
    return dt.date(year, month, part_day(m.group("part") or m.group("lead"))), "month", None, False


def part_day(part: str) -> int:
    """The day standing for a part of a month: "early April" the 5th, "late April" the 25th, else the 15th."""
    part = part.strip().lower()
    return 5 if part == "early" else 25 if part == "late" or "end" in part else 15


def r_week_of(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    """ "the first week of December": days 1-7, dated by the middle day (the 4th) with week precision; "the last
    week of" is the month's last seven days. Without a year, the latest such month up to publication."""
    month = month_of(m)
    if m.group("y"):
        year = int(m.group("y"))
    else:
        ref = published or anchor
        if ref is None:
            return None
        year = ref.year if month <= ref.month else ref.year - 1
    first_day, last_day = month_period(dt.date(year, month, 1))
    weeks = WEEK_INDEX.get(m.group("nth").lower())
    start = last_day - dt.timedelta(days=6) if weeks is None else first_day + dt.timedelta(days=7 * weeks)
    return start + dt.timedelta(days=3), "week", start + dt.timedelta(days=6), False


WEEK_INDEX = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def r_coup(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    return dt.date(2021, 2, 1), "month", published, True


def r_year(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    return dt.date(int(m.group("y")), 7, 1), "year", None, False


def r_decade(m: re.Match[str], published: dt.date | None, anchor: dt.date | None) -> Resolved:
    """A decade ("the 1990s", "the early '90s"): its middle year, year precision (only ever background)."""
    digits = m.group("dec").lstrip("'’")
    year = int(digits) if len(digits) == 4 else (1900 if int(digits) >= 30 else 2000) + int(digits)
    return dt.date(year + 5, 1, 1), "year", None, False


RESOLVERS = {
    "iso": r_full,
    "numeric": r_full,
    "range_dmdm": r_range_months,
    "range_dmy": r_range,
    "range_mdy": r_range,
    "dmy": r_full,
    "mdy": r_full,
    "dm": r_day_month,
    "md": r_day_month,
    "week_of": r_week_of,
    "my": r_month_year,
    "m": r_month,
    "coup": r_coup,
    "holiday": r_holiday,
    "weekday": r_weekday,
    "same_day": r_same_day,
    "offset": r_offset,
    "next_day": r_next_day,
    "yesterday": r_yesterday,
    "recent_weeks": r_recent_weeks,
    "weekend": r_weekend,
    "last_month": r_last_month,
    "last_year": r_last_year,
    "year": r_year,
    "decade": r_decade,
}


def mirrored(mention: DateMention) -> dt.date | None:
    """For "a week after <something>" the day of that something (the anchor minus the distance) - used when
    the event told is the one inside the "after" clause ("came a week after fighters ambushed a convoy")."""
    if mention.rule != "offset":
        return None
    match = compiled_rules()[[name for name, _ in compiled_rules()].index("offset")][1].fullmatch(mention.text)
    if match is None or match.group("dir").lower() not in {"after", "before"}:
        return None
    raw = match.group("n").lower()
    count = 1 if raw in {"a", "an", "one"} else 3 if raw in {"a few", "several"} else parse_number(raw)
    if count is None:
        return None
    delta = dt.timedelta(days=int(count) * UNIT_DAYS[match.group("u").lower().rstrip("s")])
    return mention.date - 2 * delta if match.group("dir").lower() == "after" else mention.date + 2 * delta


def month_period(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the month of `day`."""
    first = day.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)
