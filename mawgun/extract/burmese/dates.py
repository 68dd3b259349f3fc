"""Burmese date mentions: Western months as written in Burmese, Burmese or ASCII digits, years with
ခုနှစ်/ပြည့်နှစ်, weeks of a month (ပထမပတ် = the first week), weekdays, relative days (ယနေ့, မနေ့က,
ယမန်နေ့, ပြီးခဲ့သည့်အပတ်) and ranges (X ရက်မှစ၍ ... Y ရက်အထိ), each with a precision as for English.

Words come from `lang/my/dates.yaml`. A day without a year is the latest such day on or before
publication; a week of a month is dated by its middle day (the 4th, 11th, 18th or 25th), a month by the 15th.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from mawgun.extract.burmese.text import parse_digits
from mawgun.extract.dates import DateMention
from mawgun.extract.vocab import load_vocabulary

DIGIT = "[0-9၀-၉]"
WEEK_DAY = {1: 4, 2: 11, 3: 18, 4: 25}


@cache
def vocabulary() -> dict:
    return load_vocabulary("dates", "my")


@cache
def month_pattern() -> str:
    names = sorted(vocabulary()["months"], key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@cache
def absolute_re() -> re.Pattern[str]:
    year = rf"(?P<year>{DIGIT}{{4}})\s*(?:ခု)?(?:နှစ်|ပြည့်နှစ်)?\s*[၊,]?\s*"
    day = rf"\(?\s*(?P<day>{DIGIT}{{1,2}})\s*\)?"
    tail = rf"(?:\s*ရက်(?:နေ့)?|(?:\s*[၊,–\-]\s*(?P<year2>{DIGIT}{{4}})))"
    week = rf"(?:၏)?\s*(?P<week>{'|'.join(vocabulary()['weeks'])})"
    return re.compile(
        rf"(?:{year})?(?P<month>{month_pattern()})\s*(?:လ)?\s*(?:"
        rf"[၊,–\-]?\s*{day}(?:{tail})?(?:\s*[–\-]\s*(?P<year3>{DIGIT}{{4}}))?"
        rf"|{week}|(?P<monthonly>(?<=လ)))"
    )


@cache
def relative_re() -> re.Pattern[str]:
    words = vocabulary()["relative"]
    weekdays = vocabulary()["weekdays"]
    alternatives = sorted([*words, *weekdays], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alternatives))


LAST_YEAR_RE = re.compile(r"ပြီးခဲ့(?:သည့်|တဲ့)\s?နှစ်|မနှစ်က|လွန်ခဲ့(?:သည့်|တဲ့)\s?(?:တစ်)?နှစ်")
DAYS_AGO_RE = re.compile(rf"(?P<n>{DIGIT}{{1,2}})\s*ရက်(?:က|ခန့်က)")
# "၁၁.၄.၂၀၂၃", "၁၁-၄-၂၀၂၃", "၁၁/၄/၂၀၂၃": day first, as Burmese writes numeric dates
NUMERIC_RE = re.compile(
    rf"(?<![0-9၀-၉])(?P<d>{DIGIT}{{1,2}})[./\-](?P<m>{DIGIT}{{1,2}})[./\-](?P<y>{DIGIT}{{4}})(?![0-9၀-၉])"
)
# "ဒီလ ၁၀ ရက်" (the 10th of this month), "(၁၀) ရက်နေ့က" (on the 10th): the latest such day up to publication
DAY_OF_MONTH_RE = re.compile(
    rf"(?:(?:ဒီ|ယခု|ယင်း|ဤ)လ\s*\(?\s*(?P<a>{DIGIT}{{1,2}})\s*\)?\s*ရက်|\(?\s*(?P<b>{DIGIT}{{1,2}})\s*\)?\s*ရက်နေ့)"
)


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateMention]:
    """Every date mention in text[start:end], resolved against the publication date."""
    found: list[DateMention] = []
    for match in absolute_re().finditer(text, start, end):
        mention = absolute(match, published)
        if mention is not None:
            found.append(mention)
    for match in NUMERIC_RE.finditer(text, start, end):
        try:
            date = dt.date(*(int(parse_digits(match.group(k)) or 0) for k in ("y", "m", "d")))
        except ValueError:
            continue
        found.append(mention_of(match, date, "day", "my.numeric"))
    taken = [(m.start, m.end) for m in found]
    for match in relative_re().finditer(text, start, end):
        if any(s - 4 <= match.end() and match.start() <= e + 4 for s, e in taken) or published is None:
            continue
        found.append(relative(match, published))
    for match in DAYS_AGO_RE.finditer(text, start, end):
        if published is not None and not any(s <= match.start() < e for s, e in taken):
            days = int(parse_digits(match.group("n")) or 0)
            found.append(mention_of(match, published - dt.timedelta(days=days), "day", "my.days_ago"))
    taken = [(m.start, m.end) for m in found]
    for match in DAY_OF_MONTH_RE.finditer(text, start, end):
        if published is None or any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        day = int(parse_digits(match.group("a") or match.group("b")) or 0)
        on_day = day_of_month(day, published)
        if on_day is not None:
            found.append(mention_of(match, on_day, "day", "my.day_of_month"))
    return sorted(found, key=lambda m: m.start)


def day_of_month(day: int, published: dt.date) -> dt.date | None:
    """The latest day `day` of a month on or before publication."""
    for back in range(0, 3):
        month, year = published.month - back, published.year
        if month < 1:
            month, year = month + 12, year - 1
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= published:
            return date
    return None


def absolute(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """A date from a month name with its day, week or year; None when it makes no calendar date."""
    month = vocabulary()["months"][match.group("month")]
    raw_year = match.group("year") or match.group("year2") or match.group("year3")
    year = int(parse_digits(raw_year) or 0) if raw_year else None
    if match.group("day"):
        day, precision, rule = int(parse_digits(match.group("day")) or 0), "day", "my.day_month"
    elif match.group("week"):
        day, precision, rule = WEEK_DAY.get(vocabulary()["weeks"][match.group("week")], 15), "week", "my.week"
    elif match.group("monthonly") is not None and (year or published):
        day, precision, rule = 15, "month", "my.month"
    else:
        return None
    if (
        year is None
        and published is not None
        and LAST_YEAR_RE.search(match.string, max(0, match.start() - 24), match.start())
    ):
        year = published.year - 1  # "ပြီးခဲ့သည့်နှစ် မတ်လ" = March of last year
    try:
        date = dt.date(year, month, day) if year else latest(month, day, published)
    except ValueError:
        return None
    if date is None:
        return None
    return mention_of(match, date, precision, rule)


def latest(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The latest `day` of `month` on or before publication (the year a reporter leaves out)."""
    if published is None:
        return None
    date = dt.date(published.year, month, day)
    return date if date <= published + dt.timedelta(days=1) else dt.date(published.year - 1, month, day)


def relative(match: re.Match[str], published: dt.date) -> DateMention:
    """A relative day ("ယနေ့", "မနေ့က"), a weekday or last week/month, counted from publication."""
    word = match.group(0)
    words = vocabulary()["relative"]
    if word in vocabulary()["weekdays"]:
        weekday = vocabulary()["weekdays"][word]
        back = (published.weekday() - weekday) % 7
        return mention_of(match, published - dt.timedelta(days=back), "day", "my.weekday")
    offset, precision = words[word]
    return mention_of(match, published - dt.timedelta(days=offset), precision, "my.relative")


def mention_of(match: re.Match[str], date: dt.date, precision: str, rule: str) -> DateMention:
    return DateMention(match.start(), match.end(), match.group(0), date, precision, rule)


START_RE = re.compile(r"\s*(?:နေ့)?\s*(?:မှ|က)(?:စ|တည်း)")
END_RE = re.compile(r"\s*(?:နေ့)?\s*(?:မနက်ပိုင်း|ညပိုင်း|နေ့လယ်ပိုင်း)?\s*(?:အ)?ထိ")


def date_role(text: str, mention: DateMention) -> str:
    """ "start" for a date that opens a range ("X ရက်မှစ၍"), "end" for one that closes it ("Y ရက်အထိ"),
    else "point"."""
    after = text[mention.end : mention.end + 24]
    if START_RE.match(after):
        return "start"
    if END_RE.match(after):
        return "end"
    return "point"
