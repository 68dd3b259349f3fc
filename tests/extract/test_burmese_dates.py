"""Burmese dates: Western months in Burmese, Burmese digits, weeks of a month, relative days, ranges."""

from __future__ import annotations

import datetime as dt

from mawgun.extract.burmese.dates import date_role, find_dates

PUBLISHED = dt.date(2024, 1, 16)  # a Tuesday


def dates_in(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[dt.date, str]]:
    return [(m.date, m.precision) for m in find_dates(text, 0, len(text), published)]


def test_day_month_and_year_in_burmese_digits() -> None:
    assert dates_in("၂၀၂၃ ခုနှစ် ဧပြီလ ၁၁ ရက်နေ့ နံနက်") == [(dt.date(2023, 4, 11), "day")]
    assert dates_in("မတ်လ(၂၉) ရက် ည") == [(dt.date(2023, 3, 29), "day")]  # no year: the last 29 March before
    assert dates_in("ဇွန် ၁၀၊ ၂၀၂၂") == [(dt.date(2022, 6, 10), "day")]
    assert dates_in("နိုဝင်ဘာလ – ၂၁ – ၂၀၂၁") == [(dt.date(2021, 11, 21), "day")]


def test_a_day_without_a_year_is_the_latest_on_or_before_publication() -> None:
    assert dates_in("ဇန်နဝါရီလ ၁၅ ရက်နေ့တွင်") == [(dt.date(2024, 1, 15), "day")]
    assert dates_in("ဒီဇင်ဘာ ၃၀ ရက်နေ့က") == [(dt.date(2023, 12, 30), "day")]


def test_weeks_and_months_have_their_precision() -> None:
    assert dates_in("၂၀၂၂ ခုနှစ် အောက်တိုဘာလ၏ ပထမပတ်အတွင်း") == [(dt.date(2022, 10, 4), "week")]
    assert dates_in("၂၀၂၃ ခုနှစ် မတ်လအတွင်း") == [(dt.date(2023, 3, 15), "month")]


def test_relative_days_count_from_publication() -> None:
    assert dates_in("ယနေ့ နံနက်") == [(PUBLISHED, "day")]
    assert dates_in("မနေ့က တိုက်ပွဲဖြစ်") == [(dt.date(2024, 1, 15), "day")]
    assert dates_in("ယမန်နေ့ ညပိုင်း") == [(dt.date(2024, 1, 15), "day")]
    assert dates_in("ပြီးခဲ့သည့်အပတ်က") == [(dt.date(2024, 1, 9), "week")]
    assert dates_in("စနေနေ့က") == [(dt.date(2024, 1, 13), "day")]
    assert dates_in("၃ ရက်က") == [(dt.date(2024, 1, 13), "day")]


def test_a_relative_word_beside_a_full_date_gives_way_to_it() -> None:
    assert dates_in("မနေ့ ဇန်နဝါရီ ၁၅ ရက်") == [(dt.date(2024, 1, 15), "day")]


def test_a_relative_day_without_publication_date_is_unknown() -> None:
    assert dates_in("မနေ့က", None) == []


def test_ranges_mark_their_start_and_end() -> None:
    text = "ဇန်နဝါရီ ၁၀ ရက်မှစ၍ ဇန်နဝါရီ ၁၂ ရက်အထိ တိုက်ပွဲဖြစ်"
    mentions = find_dates(text, 0, len(text), PUBLISHED)
    assert [date_role(text, m) for m in mentions] == ["start", "end"]


def test_may_needs_a_day_or_the_month_word() -> None:
    assert dates_in("မေးခွန်းများ မေးမြန်းသည်") == []
    assert dates_in("မေလ ၅ ရက်") == [(dt.date(2023, 5, 5), "day")]


def test_numeric_dates_are_day_first() -> None:
    assert dates_in("၁၅.၁၁.၂၀၂၃ ရက်နေ့က") == [(dt.date(2023, 11, 15), "day")]
    assert dates_in("15/11/2023") == [(dt.date(2023, 11, 15), "day")]


def test_a_month_of_last_year() -> None:
    assert dates_in("ပြီးခဲ့သည့်နှစ် မတ်လအတွင်း") == [(dt.date(2023, 3, 15), "month")]
