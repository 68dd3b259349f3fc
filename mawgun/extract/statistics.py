"""Statistics: aggregate figures a source reports ("at least 60 air attacks over the month", "2.3 million
displaced", "40 towns ... 15 of them"), each with metric, value, qualifier, area, period and source.

A number becomes a statistic when a metric cue (data/statistics.yaml) sits right before or after it and the
sentence reads as an aggregate; such sentences are then not coded as single events."""

from __future__ import annotations

import datetime as dt
import re

from mawgun.extract.annotators import is_title
from mawgun.extract.dates import DateMention, month_period
from mawgun.extract.numbers import NUMBER, parse_number, qualifier_named
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.statistic_metrics import (
    find_metric,
    is_named_reference,
    metric_rule,
    part_of_total,
    percent_metric,
    sentence_cues,
)
from mawgun.extract.vocab import load_vocabulary
from mawgun.ids import make_id
from mawgun.model import Provenance, Span, StatisticRecord

COMPONENT = "statistics.rules"
VERSION = "0.1.0"
ORG = r"(?:[A-Z][\w’'&.\-]*)(?:(?:\s+(?:of|for|on|and|de|the)(?:\s+the)?)?\s+[A-Z][\w’'&.\-]*)*"
NOT_FIGURE = re.compile(
    r"^\s*(?:-?\s*(?:years?|months?)[- ]old|mm\b|%|percent|per cent|years?\b|days?\b|hours?\b|"
    r"minutes?\b|km\b|miles?\b|kilomet|rounds?\b|th\b|st\b|nd\b|rd\b|-year)",
    re.I,
)
NUMBER_IN_TEXT = re.compile(NUMBER, re.I)
CONTINUATION = re.compile(
    r"\s*(?:(?:of|among) (?:them|these|those|the [^,]{1,40}),\s*|(?:in addition|moreover|additionally|further),\s*)?"
    r"(?:\(?\d|(?:another|a further)\s)",
    re.I,
)
WEEK = 7  # days: a longer span of dates is a reporting period, a shorter one an event's range


def qualifier_before(before: str) -> str | None:
    """The qualifier written right before a number ("at least" -> "at least", "more than" -> "over")."""
    return qualifier_named(before)


def figure_period(ctx: Context, index: int) -> tuple[dt.date | None, dt.date | None]:
    """The period a sentence's figures cover, from its date mentions; else up to the day it was reported ("the
    group said on Monday") or published."""
    text = ctx.doc.text
    for mention in ctx.dates[index]:
        if mention.report:
            continue
        opens = re.search(r"\bsince\s+$", text[max(0, mention.start - 7) : mention.start], re.I)
        if not mention.since and (opens or mention.text.lower().startswith("since ")):
            return period_opening(mention), ctx.published
        return mention_period(mention, ctx.published)
    reported = next((m.date for m in ctx.dates[index] if m.precision == "day"), None)
    return None, reported or ctx.published


def period_opening(mention: DateMention) -> dt.date:
    """The first day of a period opened by a date ("since May" -> 1 May, "since 2021" -> 1 January 2021)."""
    if mention.precision == "year":
        return mention.date.replace(month=1, day=1)
    return mention.date.replace(day=1) if mention.precision == "month" else mention.date


def mention_period(mention: DateMention, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    if mention.since:
        return period_opening(mention), mention.date_end or published
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
    """The full name a document gives an acronym ("Myanma Oil and Gas Enterprise (MOGE)", 'Myanma Economic
    Bank (“MEB”)')."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,12}", name):
        return name
    match = re.search(rf"(?P<full>{ORG})\s*\(\s*[“\"']?{re.escape(name)}[”\"']?\s*\)", ctx.doc.text)
    full = clean_org(match.group("full")) if match else None
    return initials_suffix(full, name) if full else name


def initials_suffix(full: str, acronym: str) -> str:
    """The end of a name whose capitals spell the acronym ("Zayar and the Mandalay Gems Company" for "MGC"
    -> "Mandalay Gems Company"); the whole name when no end after a joining word
    spells it ("UN Office for the Coordination of Humanitarian Affairs" stays whole for "OCHA")."""
    words = full.split()
    for start in range(len(words)):
        if not words[start][:1].isupper() or (start and words[start - 1][:1].isupper()):
            continue  # cut only after a joining word ("Zayar and the ..."), never inside a name ("UN Office ...")
        capitals = "".join(w[0] for w in words[start:] if w[:1].isupper())
        if capitals.upper() == acronym.upper().replace("-", ""):
            return " ".join(words[start:])
    return full


def sentence_figures(ctx: Context, index: int) -> list[StatisticRecord]:
    """The statistics stated in sentence `index` (none in a title: a headline restates the body's figures or
    counts the events it reports)."""
    sentence = ctx.sentences[index]
    text = sentence.text
    if is_title(ctx, index) or is_bare_line(ctx, index):
        return []
    dated = [(m.start - sentence.start, m.end - sentence.start) for m in ctx.dates[index]]
    one_day = any(m.precision == "day" and not m.since and not m.report for m in ctx.dates[index])
    spans = is_period_range(ctx, index) or continues_aggregate(ctx, index)
    strong, weak = (True, True) if spans else sentence_cues(text, one_day)
    records: list[StatisticRecord] = []
    previous: str | None = ctx.statistics[-1].metric if ctx.statistics else None
    totals: set[int] = set()  # numbers that are the total another figure is a part of
    for match in NUMBER_IN_TEXT.finditer(text):
        if match.start() in totals:
            continue
        metric = percent_metric(text, match.end())
        if metric is None:
            if not is_figure(text, match, dated):
                continue
            metric = figure_metric(text, match, previous, totals, records[-1].metric if records else None)
        value = parse_number(match.group(0))
        if value is None or metric is None or not figure_counts(metric, value, strong, weak, one_day):
            continue
        if one_day and not strong and metric_rule(metric).get("counts_events") and named_places(ctx, index) >= value:
            continue  # "captured two towns, A and B, on 15 January": the events tell it
        records.append(make_statistic(ctx, index, metric, value, qualifier_before(text[: match.start()].rstrip("( "))))
        previous = metric
    return records


def continues_aggregate(ctx: Context, index: int) -> bool:
    """A sentence with no date of its own that opens with a figure right after an aggregate in its paragraph
    goes on with that count ("Since the coup, 29,000 people have been arrested. 22,000 remain in detention.",
    "Of them, 6,000 are serving sentences."); one that tells its own event ("At least 12 were killed when jets bombed a
    airstrike on a school") does not open with a bare figure and is left alone."""
    if index == 0 or ctx.dates[index] or index - 1 not in ctx.aggregate:
        return False
    same = ctx.sentences[index - 1].paragraph == ctx.sentences[index].paragraph
    return same and bool(CONTINUATION.match(ctx.sentences[index].text))


def is_bare_line(ctx: Context, index: int) -> bool:
    """A line of its own without closing punctuation (a headline or subheading above the text it heads)."""
    sentence, text = ctx.sentences[index], ctx.doc.text
    own_line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and text[sentence.end : sentence.end + 1] in {
        "",
        "\n",
    }
    return own_line and not re.search(r"[.!?:;][\"”’)]*\s*$", sentence.text)


def is_figure(text: str, match: re.Match[str], dated: list[tuple[int, int]]) -> bool:
    """Whether a number can be a figure: not part of a date, a unit, a unit's name or a reference to places
    named right after it ("the two towns of A and B"), and not a rate ("an average of two a day")."""
    after = re.sub(r"^\)", "", text[match.end() :])
    if any(s < match.end() and match.start() < e for s, e in dated) or NOT_FIGURE.match(after):
        return False
    before = text[: match.start()]
    if re.search(r"(?:Operation|No\.|Battalion|Brigade|Division|LIB|IB)\s*\(?$", before):
        return False
    return not re.search(r"\baverage of\s*$", before, re.I) and not is_named_reference(text, match.start())


def figure_metric(
    text: str, match: re.Match[str], previous: str | None, totals: set[int], local: str | None = None
) -> str | None:
    """The metric of a figure; a part of a total takes the total's metric ("144 out of 330 townships under
    resistance control"), and the total is then skipped."""
    total = part_of_total(text, match.end())
    if total is None:
        return find_metric(text, match.start(), match.end(), previous, local)
    totals.add(total.start("total"))
    metric = find_metric(text, total.start("total"), total.end("total"), previous)
    if metric is None:  # "control 90 out of 330 townships": the verb before the part, the noun after the total
        joined = text[: match.end()] + text[total.end("total") :]
        metric = find_metric(joined, match.start(), match.end(), previous)
    return metric


def is_period_range(ctx: Context, index: int) -> bool:
    """A sentence that names a span of more than a week between two dates ("from 29 December to 25 January",
    "between 3 March and 19 April"): its figures add up that period. A short span ("between 7 and 9 January")
    is one event's range."""
    mentions = ctx.dates[index]
    if any(m.rule.startswith("range") and m.date_end and (m.date_end - m.date).days > WEEK for m in mentions):
        return True
    text, base = ctx.doc.text, ctx.sentences[index].start
    for first, second in zip(mentions, mentions[1:], strict=False):
        opening = text[max(base, first.start - 40) : first.start]
        between = text[first.end : second.start]
        if (
            (second.date - first.date).days > WEEK
            and re.search(r"\b(?:from|between)\b[^.;]{0,30}$", opening, re.I)
            and re.fullmatch(r"[\s,]*(?:to|and|until|till|through|[-–])[\s,]*(?:today\s*)?", between, re.I)
        ):
            return True
    return False


def figure_counts(metric: str, value: float, strong: bool, weak: bool, one_day: bool = False) -> bool:
    """Whether a figure is an aggregate statistic (not one event's count)."""
    rule = metric_rule(metric)
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
    told: dict[tuple[str, float], StatisticRecord] = {}
    for index in range(len(ctx.sentences)):
        figures = sentence_figures(ctx, index)
        if figures and (is_aggregate_sentence(ctx, index) or any(is_aggregate_only(ctx, index, f) for f in figures)):
            ctx.aggregate.add(index)
        for figure in figures:
            key = (figure.metric, figure.value)
            if key in told:  # one figure told again (lead, body, quote) is one statistic with more evidence
                merge_statistic(told[key], figure)
                continue
            told[key] = figure
            ctx.statistics.append(figure)


def is_aggregate_sentence(ctx: Context, index: int) -> bool:
    """Whether a sentence reads as an aggregate: a span of dates, the continuation of an aggregate, or a strong
    aggregate cue ("since", "so far", "a total of") not taken back by a superlative ranking one day's event."""
    if is_period_range(ctx, index) or continues_aggregate(ctx, index):
        return True
    one_day = any(m.precision == "day" and not m.since and not m.report for m in ctx.dates[index])
    return sentence_cues(ctx.sentences[index].text, one_day)[0]


def merge_statistic(kept: StatisticRecord, again: StatisticRecord) -> None:
    """Fold a restatement of a figure into the first telling: its evidence, and the source, area, qualifier
    and period the first telling left open."""
    kept.evidence.extend(again.evidence)
    kept.source_org = kept.source_org or again.source_org
    kept.qualifier = kept.qualifier or again.qualifier
    if kept.area == ["Myanmar"] and again.area != ["Myanmar"]:
        kept.area = again.area
    if kept.period_start is None and again.period_start is not None:
        kept.period_start, kept.period_end = again.period_start, again.period_end


def is_aggregate_only(ctx: Context, index: int, figure: StatisticRecord) -> bool:
    """A figure that only an aggregate sentence states: a toll kept only when aggregate, or a count of events
    (captures, airstrikes, clashes) that is large, or that has no day of its own and names fewer places than it
    counts ("has seized four towns in northern Shan State": a count, not four capture events; "seized four
    outposts around Hpakant between 7 and 9 January" stays an event)."""
    rule = metric_rule(figure.metric)
    if rule.get("needs_strong"):
        return True
    if not rule.get("counts_events"):
        return False
    if figure.value >= float(load_vocabulary("statistics")["events_from"]):
        return True
    return not has_own_day(ctx, index) and named_places(ctx, index) < figure.value


def has_own_day(ctx: Context, index: int) -> bool:
    """Whether a sentence dates what it tells to a day or a short range (not the day it was reported)."""
    return any(
        not m.report
        and not m.since
        and (m.precision == "day" or bool(m.date_end and (m.date_end - m.date).days <= WEEK))
        for m in ctx.dates[index]
    )


def named_places(ctx: Context, index: int) -> int:
    """How many towns, villages or townships sentence `index` names (a state or region is not counted)."""
    names = {p.location or p.admin3 for p in ctx.places(index) if p.geo_precision in (1, 2)}
    return len(names - {None})
