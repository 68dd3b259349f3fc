"""Aggregate figures told in Burmese: totals, counts over a period, running tolls ("up to yesterday").

A sentence gives statistics when it is an aggregate one (a total "ပေါင်း", a run of days "၅ရက်ဆက်", a
long period, a count up to a date, the whole revolution) or tells a period (a week of a month, a range);
headlines count too, since Burmese headlines often carry the figure the body splits up. Each counted number
(`figures.find_figures`) is one record; the same metric and value twice in a document is one.
"""

from __future__ import annotations

import datetime as dt
import re

from mawgun.extract.burmese.annotate import has_period, is_aggregate, sentence_dates, sentence_places
from mawgun.extract.burmese.dates import date_role
from mawgun.extract.burmese.figures import find_figures, vocabulary
from mawgun.extract.burmese.text import is_burmese_text
from mawgun.extract.pipeline import Context
from mawgun.ids import make_id
from mawgun.model import Provenance, Span, StatisticRecord

VERSION = "0.1.0"
COMPONENT = "statistics.rules.my"
COUP = dt.date(2021, 2, 1)
SINCE_COUP_RE = re.compile(r"နွေဦးတော်လှန်ရေး|အာဏာသိမ်းပြီးနောက်|အာဏာသိမ်းချိန်မှစ")
SOURCE_RE = re.compile(r"\(?\s*([A-Z][A-Za-z0-9\-]{1,15})\s*\)?\s*(?:ရဲ့|၏|က|ထံ|မှ)\s*\S*\s?(?:ထုတ်ပြန်|အရ|သိရ|ပြော|ဆို|မှတ်တမ်း)")
THIS_YEAR_RE = re.compile(r"(?:ယခု|ဒီ)နှစ်")


def find_statistics(ctx: Context) -> list[StatisticRecord]:
    """Every figure of the document's aggregate sentences, once per metric and value."""
    records: list[StatisticRecord] = []
    seen: set[tuple[str, float]] = set()
    for index, sentence in enumerate(ctx.sentences):
        if not is_burmese_text(sentence.text):
            continue
        aggregate = is_aggregate(ctx, index) or has_period(ctx, index)
        dates = sentence_dates(ctx, index)
        for figure in find_figures(ctx.doc.text, sentence.start, sentence.end):
            if not aggregate and figure.metric not in ALWAYS():
                continue
            if any(m.start <= figure.start < m.end for m in dates) or (figure.metric, figure.value) in seen:
                continue
            seen.add((figure.metric, figure.value))
            start, end = period(ctx, index)
            span = Span(sentence.start, sentence.end, sentence.text)
            records.append(
                StatisticRecord(
                    record_id=make_id(
                        "stat", ctx.doc.doc_id, figure.metric, figure.value, sentence.start, figure.qualifier
                    ),
                    doc_id=ctx.doc.doc_id,
                    metric=figure.metric,
                    value=figure.value,
                    provenance=Provenance(COMPONENT, VERSION, 0.6, "my.figure"),
                    qualifier=figure.qualifier,
                    area=areas(ctx, index),
                    period_start=start,
                    period_end=end,
                    source_org=source_of(sentence.text),
                    evidence=[span],
                )
            )
    return records


def ALWAYS() -> set[str]:  # noqa: N802 - a constant read from the vocabulary
    return set(vocabulary().get("always", []))


def period(ctx: Context, index: int) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the period a sentence's figures cover."""
    dates = sentence_dates(ctx, index)
    text = ctx.sentences[index].text
    starts = [m.date for m in dates if date_role(ctx.doc.text, m) == "start"]
    ends = [m.date for m in dates if date_role(ctx.doc.text, m) == "end"]
    if SINCE_COUP_RE.search(text):
        starts = starts or [COUP]
    if THIS_YEAR_RE.search(text) and ctx.published and not starts:
        starts = [dt.date(ctx.published.year, 1, 1)]
    months = [m for m in dates if m.precision == "month" and date_role(ctx.doc.text, m) == "point"]
    if months and not starts:  # "ဇန်နဝါရီလအတွင်း": the whole month
        first = months[0].date.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    weeks = [m for m in dates if m.precision == "week"]
    if weeks and not starts:
        middle = weeks[0].date
        return middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
    start = starts[0] if starts else None
    end = ends[0] if ends else (ctx.published if start else None)
    return start, end


def areas(ctx: Context, index: int) -> list[str]:
    """States and regions the sentence names (else those named before it), or Myanmar."""
    named = [f.place.admin1 for f in sentence_places(ctx, index) if f.place.admin1]
    if not named:
        for j in range(index - 1, -1, -1):
            named = [f.place.admin1 for f in sentence_places(ctx, j) if f.place.admin1]
            if named:
                break
    return list(dict.fromkeys(a for a in named if a)) or ["Myanmar"]


def source_of(text: str) -> str | None:
    """The organisation a figure is attributed to ("(AAPP) ရဲ့ ထုတ်ပြန်ချက်အရ")."""
    match = SOURCE_RE.search(text)
    return match.group(1) if match else None
