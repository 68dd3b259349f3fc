"""Statistics: aggregate figures a source reports ("at least 149 airstrikes in August alone", "1.9 million
IDPs", "52 towns ... 28 of them"), each with metric, value, qualifier, area, period and source.

A number becomes a statistic when a metric cue (data/statistics.yaml) sits right before or after it and the
sentence reads as an aggregate; such sentences are then not coded as single events."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from mawgun.extract.annotators import is_headline
from mawgun.extract.dates import DateMention, month_period
from mawgun.extract.numbers import NUMBER, parse_number, qualifier_named
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.ids import make_id
from mawgun.model import Provenance, Span, StatisticRecord

COMPONENT = "statistics.rules"
VERSION = "0.1.0"
ORG = r"(?:[A-Z][\w’'&.\-]*)(?:(?:\s+(?:of|for|on|and|de)(?:\s+the)?)?\s+[A-Z][\w’'&.\-]*)*"
NOT_FIGURE = re.compile(
    r"^\s*(?:-?\s*(?:years?|months?)[- ]old|mm\b|%|percent|per cent|years?\b|days?\b|hours?\b|"
    r"minutes?\b|km\b|miles?\b|kilomet|rounds?\b|th\b|st\b|nd\b|rd\b|-year)",
    re.I,
)
NUMBER_IN_TEXT = re.compile(NUMBER, re.I)


@lru_cache(maxsize=1)
def metric_rules() -> list[dict[str, Any]]:
    return list(load_vocabulary("statistics")["metrics"])


def sentence_cues(text: str) -> tuple[bool, bool]:
    """(strong, weak): whether the sentence carries aggregate cues."""
    vocab = load_vocabulary("statistics")
    strong = any(compile_pattern(p).search(text) for p in vocab["strong_cues"])
    weak = any(compile_pattern(p).search(text) for p in vocab["weak_cues"])
    return strong, weak


def find_metric(text: str, start: int, end: int, previous: str | None) -> str | None:
    """The metric a number at text[start:end] counts, from the words around it."""
    vocab = load_vocabulary("statistics")
    before, after = text[:start], text[end : end + 140]
    if re.match(r"^\s+of them\b", after):
        return previous
    after = after.lstrip()
    for rule in metric_rules():
        if rule.get("both"):
            if compile_pattern(rule["before"]).search(before_without_qualifier(before)) and compile_pattern(
                rule["after"]
            ).search(after):
                return rule["metric"]
            continue
        if rule.get("before") and compile_pattern(rule["before"]).search(before_without_qualifier(before)):
            return rule["metric"]
        if rule.get("after") and compile_pattern(rule["after"]).search(after):
            return (previous or rule["metric"]) if rule.get("inherit") else rule["metric"]
        if rule.get("verb") and compile_pattern(rf"^(?:\w+\s+){{0,2}}{vocab['people']}\b").search(after):
            clause = re.split(r"[;:]|\s(?:but|while|whereas)\s", after)[0]
            if compile_pattern(rule["verb"]).search(clause):
                return rule["metric"]
    return None


def before_without_qualifier(before: str) -> str:
    """Text before a number with a trailing qualifier ("at least") removed."""
    return re.sub(
        r"\s*\b(?:at least|more than|over|nearly|almost|about|around|some|approximately|up to|"
        r"an estimated|a peak of)\s*$",
        " ",
        before,
        flags=re.I,
    )


def qualifier_before(before: str) -> str | None:
    """The qualifier written right before a number ("at least" -> "at least", "more than" -> "over")."""
    return qualifier_named(before)


def figure_period(ctx: Context, index: int) -> tuple[dt.date | None, dt.date | None]:
    """The period a sentence's figures cover, from its date mentions; else up to publication."""
    for mention in ctx.dates[index]:
        return mention_period(mention, ctx.published)
    return None, ctx.published


def mention_period(mention: DateMention, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    if mention.since:
        return mention.date, mention.date_end or published
    if mention.precision == "month":
        return month_period(mention.date)
    if mention.precision == "year":
        return mention.date.replace(month=1, day=1), mention.date.replace(month=12, day=31)
    return mention.date, mention.date_end or mention.date


def figure_area(ctx: Context, index: int) -> list[str]:
    """States/regions a figure covers: those named in its sentence, else the whole country."""
    text = ctx.sentences[index].text
    if re.search(r"\b(?:nationwide|across (?:the country|Myanmar|Burma)|country-?wide)\b", text, re.I):
        return ["Myanmar"]
    names = [p.admin1 for p in ctx.places(index) if p.admin1]
    return list(dict.fromkeys(names)) or ["Myanmar"]


def find_source(ctx: Context, index: int) -> str | None:
    """The organisation a sentence attributes its figures to."""
    text = ctx.sentences[index].text
    verbs = load_vocabulary("statistics")["reporting_verbs"]
    patterns = [
        rf"\b(?i:according to (?:the |a )?)(?P<org>{ORG})",
        rf"\b(?i:(?:reported|documented|recorded|compiled|published|released) by (?:the )?)(?P<org>{ORG})",
        rf"\b(?i:(?:figures?|data|estimates?|report|count) (?:from|by|of) (?:the )?)(?P<org>{ORG})",
        rf"(?P<org>{ORG})(?:\s*\([^)]{{1,20}}\))?(?:,[^,]{{3,90}},)?\s+(?:has |have |had )?{verbs}\b",
        rf"(?P<org>{ORG})(?: [a-z]+){{1,2}}\s+(?:has |have |had )?{verbs}\b",  # "the UN refugee agency says"
    ]
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            org = clean_org(match.group("org"))
            if org:
                return expand_acronym(ctx, org)
    return None


def clean_org(name: str) -> str | None:
    """An organisation name without leading articles; None for words that are no organisation."""
    name = re.sub(r"^(?:The|A|An|While|As|In|On|But|And)\s+", "", name.strip()).strip(" .,")
    name = re.sub(r"[’']s?$", "", name)  # "AAPP's data", "the UN's humanitarian office"
    if not name or name.lower() in {"the", "it", "they", "he", "she", "myanmar", "burma"} or len(name) < 2:
        return None
    return name


def expand_acronym(ctx: Context, name: str) -> str:
    """The full name a document gives an acronym ("Myanma Oil and Gas Enterprise (MOGE)")."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,12}", name):
        return name
    match = re.search(rf"(?P<full>{ORG})\s*\({re.escape(name)}\)", ctx.doc.text)
    return clean_org(match.group("full")) or name if match else name


def sentence_figures(ctx: Context, index: int) -> list[StatisticRecord]:
    """The statistics stated in sentence `index`."""
    sentence = ctx.sentences[index]
    text = sentence.text
    if is_headline(text):
        return []
    strong, weak = sentence_cues(text)
    dated = [(m.start - sentence.start, m.end - sentence.start) for m in ctx.dates[index]]
    one_day = any(m.precision == "day" and not m.since and not m.report for m in ctx.dates[index])
    records: list[StatisticRecord] = []
    previous: str | None = ctx.statistics[-1].metric if ctx.statistics else None
    for match in NUMBER_IN_TEXT.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in dated) or NOT_FIGURE.match(text[match.end() :]):
            continue
        if re.search(r"(?:Operation|No\.|Battalion|Brigade|Division|LIB|IB)\s*$", text[: match.start()]):
            continue
        value = parse_number(match.group(0))
        metric = find_metric(text, match.start(), match.end(), previous)
        if value is None or metric is None or not figure_counts(metric, value, strong, weak, one_day):
            continue
        records.append(make_statistic(ctx, index, metric, value, qualifier_before(text[: match.start()])))
        previous = metric
    return records


def figure_counts(metric: str, value: float, strong: bool, weak: bool, one_day: bool = False) -> bool:
    """Whether a figure is an aggregate statistic (not one event's count)."""
    rule = next((r for r in metric_rules() if r["metric"] == metric), {})
    if value < float(rule.get("min_value", 1)) and not strong:
        return False
    if rule.get("needs_strong"):  # an attributed large toll with no day of its own is an aggregate too
        return strong or (weak and value >= 50 and not one_day)
    return True


def make_statistic(ctx: Context, index: int, metric: str, value: float, qualifier: str | None) -> StatisticRecord:
    sentence = ctx.sentences[index]
    start, end = figure_period(ctx, index)
    source = find_source(ctx, index) or paragraph_source(ctx, index)
    record_id = make_id("stat", ctx.doc.doc_id, metric, value, sentence.start, qualifier)
    return StatisticRecord(
        record_id=record_id,
        doc_id=ctx.doc.doc_id,
        metric=metric,
        value=value,
        qualifier=qualifier,
        provenance=Provenance(COMPONENT, VERSION, 0.7 if source else 0.5, f"metric.{metric.replace(' ', '_')}"),
        area=figure_area(ctx, index),
        period_start=start,
        period_end=end,
        source_org=source,
        evidence=[Span(sentence.start, sentence.end, sentence.text)],
    )


def paragraph_source(ctx: Context, index: int) -> str | None:
    """The source of the figure told just before in the same paragraph ("28 of them", same report)."""
    paragraph = ctx.sentences[index].paragraph
    for record in reversed(ctx.statistics):
        first = record.evidence[0].start
        if any(s.start == first and s.paragraph == paragraph for s in ctx.sentences):
            return record.source_org
    return None


@register_component(COMPONENT, VERSION, needs=("sentences", "dates", "places"), adds=("statistics",))
def add_statistics(ctx: Context) -> None:
    """Find aggregate figures; mark sentences that are aggregates so they are not coded as events."""
    for index, sentence in enumerate(ctx.sentences):
        figures = sentence_figures(ctx, index)
        ctx.statistics.extend(figures)
        if figures and (sentence_cues(sentence.text)[0] or any(is_aggregate_only(f) for f in figures)):
            ctx.aggregate.add(index)


def is_aggregate_only(figure: StatisticRecord) -> bool:
    """A figure that only an aggregate sentence states: many captures, or a toll kept only when aggregate."""
    rule = next((r for r in metric_rules() if r["metric"] == figure.metric), {})
    return bool(rule.get("needs_strong")) or (figure.metric.endswith("captured") and figure.value >= 10)
