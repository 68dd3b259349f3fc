"""Choosing an event's date: the sentence's own date, the lead's, a possessive or relative clause, or none."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from mawgun.extract.annotators import is_headline
from mawgun.extract.dates import DateMention, mirrored
from mawgun.extract.event_patterns import (
    ALSO,
    ANAPHOR,
    CLAUSE_BREAK,
    COUP_AFTER,
    FULL_DATE_RULES,
    ONGOING,
    OPENS_WITH_EVENT,
    POSSESSIVE_EVENT,
    RELATIVE_CLAUSE,
    REPORTING,
)
from mawgun.extract.event_triggers import Trigger, find_triggers
from mawgun.extract.pipeline import Context
from mawgun.extract.places import is_state
from mawgun.extract.vocab import compile_pattern, load_vocabulary

PRESENT = re.compile(
    r"\b(?:is|are)\s+(?:(?:now|still|currently|also|again|reportedly|\w+ly)\s+){0,2}(?!going\b)\w{3,}ing\b", re.I
)
COMMA = re.compile(r",\s+")
VILLAGE_WORD = re.compile(r"\s+(?:[Vv]illage|[Ww]ard|[Cc]amp)\b")
AS_OF = re.compile(r"\bas (?:of|at)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$", re.I)
FUTURE_BEFORE = re.compile(  # "the vote it has planned for 15 March", "a vote it has pledged to hold from 15 March"
    r"\b(?:planned|scheduled|upcoming|forthcoming|due|set)\b(?:\s+[\w-]+){0,3}\s+(?:on|for|in|by)\s+(?:the\s+)?$"
    r"|\b(?:will|would|is to|are to|shall)\s+(?:be\s+)?(?:\w+\s+){0,3}(?:on|by|in|from)\s+$"
    r"|\b(?:promised|pledged|vowed|plans?|intends?|expects?|hopes?)\s+to\s+(?:\w+\s+){1,4}"
    r"(?:on|for|in|by|from|beginning|starting)\s+$",
    re.I,
)


def event_date(ctx: Context, index: int, rule: dict[str, Any], trigger_at: int = 0) -> DateMention | None:
    """The event's date: the first usable date in its sentence, else the last one earlier in its paragraph
    (ranges opened by "since" excepted), else for a lead the first day told in the next sentences, else the day
    the sentence says it was reported (week precision), else (statements, talks, agreements) publication."""
    usable = event_dates(ctx, index)
    sentence_start = ctx.sentences[index].start
    if usable and mirrored(usable[0]) and trigger_at < usable[0].start - sentence_start:
        usable = usable[1:]  # "took the town, three days after launching ...": counted from an event told later
    usable = [m for m in usable if not in_other_relative_clause(ctx, index, m, trigger_at)]
    if rule.get("violent"):  # "the fighting for Loikaw since mid-November": a period, not the day of an event
        periods = [m for m in usable if opens_period(m) and m.precision != "day"]
        usable = [m for m in usable if m not in periods]
        if periods and not usable:
            return None
    named = possessive_date(ctx, index, usable, trigger_at)
    if named is not None:
        return named
    told_after = [m for m in usable[1:] if mirrored(m) and m.end - sentence_start <= trigger_at]
    before_day = mirrored(told_after[-1]) if told_after else None
    if before_day and "," not in ctx.doc.text[told_after[-1].end : sentence_start + trigger_at]:
        # "the raid on Friday came three days after they seized a camp": Friday less three days
        return replace(told_after[-1], date=before_day)
    if usable:
        first = usable[0]
        other_day = mirrored(first)
        between = ctx.doc.text[first.end : ctx.sentences[index].start + trigger_at]
        if other_day and trigger_at >= first.end - ctx.sentences[index].start and "," not in between:
            return replace(first, date=other_day)
        return first
    told_long_ago = long_ago(ctx, index)
    if told_long_ago is not None:  # "took the base in the early '90s": its own date, background
        return told_long_ago
    carried = date_carried(ctx, index, rule, trigger_at)
    if carried is not None and carried.rule != "publication" and is_present(ctx, index, trigger_at):
        return publication_week(ctx, "present")  # "is now shelling X": what goes on, not the day told before
    return carried


def date_carried(ctx: Context, index: int, rule: dict[str, Any], trigger_at: int) -> DateMention | None:
    """For a sentence with no date of its own: the last date earlier in its paragraph, else for a lead the first
    day told in the next sentences, else the day the sentence says it was reported, else the lead's or the
    paragraphs' before, else (statements, talks, agreements, ongoing fights) the week of publication."""
    paragraph = ctx.sentences[index].paragraph
    for j in range(index - 1, -1, -1):
        if ctx.sentences[j].paragraph != paragraph:
            break
        earlier = [m for m in event_dates(ctx, j) if not m.since]
        if earlier:
            return earlier[-1]
    if is_lead(ctx, index):  # a lead without a date: the details follow ("The attack took place on Monday")
        spots = villages_named(ctx, index)
        for j in range(index + 1, min(index + 4, len(ctx.sentences))):
            later = [m for m in event_dates(ctx, j) if m.precision == "day"]
            same_kind = (
                any(t.rule["event_type"] == rule["event_type"] for t in find_triggers(ctx, j)) if later else False
            )
            same_spot = bool(later and spots & villages_named(ctx, j))  # "Troops came to X village on Wednesday"
            if later and (ANAPHOR.search(ctx.sentences[j].text) or same_kind or same_spot):
                return later[0]
        told_later = village_day_told_later(ctx, index, spots)
        if told_later is not None:  # "Troops raided X village ..." ... eight sentences on: "entered X on 29 May"
            return told_later
        detail = lead_detail(ctx, index)
        if detail is not None:
            return [m for m in event_dates(ctx, detail) if m.precision == "day"][0]
    reported = [m for m in ctx.dates[index] if m.report] or reported_before(ctx, index)
    if reported:  # "the group said on Wednesday it had captured ...": the day it was told, a week's precision
        return replace(reported[0], precision="week")
    opening = paragraph_start(ctx, index)  # the second paragraph goes on with the lead's day ("were also ...")
    opening = opening if opening == index or ALSO.search(ctx.sentences[index].text) else index
    lead_day = lead_date(ctx, opening) if rule.get("violent") and is_lead(ctx, opening) else None
    if lead_day is not None:
        return lead_day
    told = date_told_before(ctx, index) if rule.get("violent") else None
    if told is not None:
        return told
    if not rule.get("violent") or is_ongoing(ctx, index, trigger_at):
        return publication_week(ctx)
    if rule["sub_event_type"] in CHANGE_OF_HANDS and is_news_lead(ctx, index):
        return publication_week(ctx, "lead")  # "the military has retaken X, residents said": the news of the week
    return None


CHANGE_OF_HANDS = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}


def is_news_lead(ctx: Context, index: int) -> bool:
    """The first sentence of the body (after a title), no date anywhere before it: a town changing hands told as
    the news."""
    body = [i for i, s in enumerate(ctx.sentences[: index + 1]) if not is_headline(s.text)]
    return (index <= 1 or len(body) == 1) and not any(ctx.dates[j] for j in range(index))


def village_day_told_later(ctx: Context, index: int, spots: set[str]) -> DateMention | None:
    """The first day of a later sentence (up to twelve on) that names the lead's village: a lead without a day
    is often dated only paragraphs later, where the account of that village begins."""
    if not spots:
        return None
    for j in range(index + 4, min(index + 13, len(ctx.sentences))):
        days = [m for m in event_dates(ctx, j) if m.precision == "day"]
        if days and spots & villages_named(ctx, j):
            return days[0]
    return None


def villages_named(ctx: Context, index: int) -> set[str]:
    """The villages, wards and camps a sentence names, as written (a name written "X Village" is one, whatever
    namesake the gazetteer matched)."""
    text = ctx.doc.text
    return {
        p.span.text.lower()
        for p in ctx.places(index)
        if p.span and (p.level in {"village", "ward", "camp"} or VILLAGE_WORD.match(text, p.span.end))
    }


def reported_before(ctx: Context, index: int) -> list[DateMention]:
    """The day a sentence earlier in the paragraph says its news was told ("..., the group told RFA on Monday. Two
    bombs hit X village."): what dates the details told after it, when nothing else does."""
    paragraph = ctx.sentences[index].paragraph
    for j in range(index - 1, -1, -1):
        if ctx.sentences[j].paragraph != paragraph:
            break
        told = [m for m in ctx.dates[j] if m.report and not is_caption(ctx, j)]
        if told:
            return told[-1:]
    return []


def publication_week(ctx: Context, rule: str = "publication") -> DateMention | None:
    """The publication day with week precision (what a statement or an ongoing fight is dated by), if known."""
    return DateMention(0, 0, "", ctx.published, "week", rule, ctx.published, True) if ctx.published else None


def long_ago(ctx: Context, index: int) -> DateMention | None:
    """A year or decade of the sentence's own told more than a year before publication ("in 2019", "in the
    early '90s"), when it gives no day or month: the sentence is background, whatever the paragraph's day."""
    years = [m for m in ctx.dates[index] if m.precision == "year" and m.rule in {"year", "decade"} and not m.since]
    return next((m for m in years if is_background(ctx, m)), None)


def is_present(ctx: Context, index: int, trigger_at: int) -> bool:
    """True for a trigger told in the present progressive in its clause ("the regime is now bombing X", "troops
    are surrendering"): it tells what goes on when the article was written, not the day told before."""
    text = ctx.sentences[index].text
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), *(m.end() for m in COMMA.finditer(text))]
    start = max([b for b in bounds if b <= trigger_at], default=0)
    return bool(PRESENT.search(text[max(start, trigger_at - 40) : trigger_at + 25]))


def lead_detail(ctx: Context, index: int) -> int | None:
    """For a lead with neither day nor place ("Army helicopters fired on a monastery school in central Myanmar,
    killing nine"), the next sentence that tells no event of its own but gives a day and a named place ("...
    hovering over Ywa Thit village began attacking on Friday"): the lead's details. None when there is none."""
    if event_dates(ctx, index) or any(p.location or p.admin3 for p in ctx.places(index)) or not is_lead(ctx, index):
        return None
    for j in range(index + 1, min(index + 3, len(ctx.sentences))):
        if ctx.sentences[j].paragraph - ctx.sentences[index].paragraph > 1 or is_headline(ctx.sentences[j].text):
            return None
        days = [m for m in event_dates(ctx, j) if m.precision == "day"]
        if days and not find_triggers(ctx, j) and any(p.location or p.admin3 for p in ctx.places(j)):
            return j
    return None


def lead_place_told_next(ctx: Context, index: int) -> int | None:
    """For a lead with no named place below its state ("A junta airstrike hit a school in Sagaing on Monday"), the
    next sentence, in its paragraph or the next, that opens by naming the event ("The bombing destroyed a clinic in
    the village of X") and names a place: the lead's place is told there. None when there is none."""
    if any((p.location or p.admin3) and not is_state(p) for p in ctx.places(index)) or not is_lead(ctx, index):
        return None
    for j in range(index + 1, min(index + 3, len(ctx.sentences))):
        if ctx.sentences[j].paragraph - ctx.sentences[index].paragraph > 1 or is_headline(ctx.sentences[j].text):
            return None
        if OPENS_WITH_EVENT.match(ctx.sentences[j].text) and any(p.location or p.admin3 for p in ctx.places(j)):
            return j
    return None


def date_told_before(ctx: Context, index: int, paragraphs: int = 2) -> DateMention | None:
    """The last date told in the paragraphs just before, carried with its precision: an article tells the day
    once ("On Sunday, troops raided Ywa Thit.") and its details in the paragraphs after ("They burned 40
    houses."). Not across a headline, and not a range opened by "since"."""
    paragraph = ctx.sentences[index].paragraph
    for j in range(index - 1, -1, -1):
        sentence = ctx.sentences[j]
        if is_headline(sentence.text):  # a date line heads the entries below it ("October 8", then its events)
            return date_heading(ctx, j)
        if paragraph - sentence.paragraph > paragraphs:
            continue  # beyond reach only a date heading still dates the entry
        earlier = [m for m in event_dates(ctx, j) if not m.since]
        if earlier:
            return earlier[-1]
        status = [m for m in ctx.dates[j] if m.report and AS_OF.search(ctx.doc.text[max(0, m.start - 40) : m.start])]
        if status:  # "fighting went on as of Thursday": the state of things that day, a week's precision
            return replace(status[-1], precision="week")
    return None


def date_heading(ctx: Context, index: int) -> DateMention | None:
    """The day of a line that is only a date ("October 8", "Monday, 4 March 2024"), heading a chronology."""
    text = ctx.sentences[index].text.strip(" \t.:-–")
    days = [m for m in ctx.dates[index] if m.precision in {"day", "week"}]
    return days[0] if days and len(text) - sum(len(m.text.strip()) for m in days) <= 8 else None


def possessive_date(ctx: Context, index: int, usable: list[DateMention], trigger_at: int) -> DateMention | None:
    """The day of a possessive naming the event ("after Friday's crackdown, in which 80 protesters were killed",
    "since Sunday's massacre, when troops killed 65"): it dates the clause that tells that event."""
    sentence = ctx.sentences[index]
    for mention in usable:
        after = ctx.doc.text[mention.end : sentence.start + trigger_at]
        if mention.precision == "day" and POSSESSIVE_EVENT.match(after):
            return mention
    return None


def is_ongoing(ctx: Context, index: int, trigger_at: int) -> bool:
    """A fight told as going on when it was reported ("are fighting for", "said its troops were fighting for
    Kunlong"): dated to the week of publication when nothing else dates it."""
    text = ctx.sentences[index].text
    match = ONGOING.search(text[max(0, trigger_at - 20) : trigger_at + 20])
    if match is None:
        return False
    present = match.group("aux").lower() in {"are", "is"}
    return present or bool(REPORTING.search(text[:trigger_at]))  # "said its troops were fighting for X"


def paragraph_start(ctx: Context, index: int) -> int:
    """Index of the first sentence of the paragraph holding sentence `index`."""
    paragraph = ctx.sentences[index].paragraph
    while index > 0 and ctx.sentences[index - 1].paragraph == paragraph:
        index -= 1
    return index


def lead_date(ctx: Context, index: int) -> DateMention | None:
    """For a lead sentence opening its own paragraph, the last day told in the paragraph just before it (wire
    stories put the day in the first paragraph and the details in the second)."""
    paragraph = ctx.sentences[index].paragraph
    if index == 0 or ctx.sentences[index - 1].paragraph != paragraph - 1:
        return None
    for j in range(index - 1, -1, -1):
        if ctx.sentences[j].paragraph != paragraph - 1:
            break
        days = [m for m in event_dates(ctx, j) if m.precision == "day" and not m.since]
        if days:
            return days[-1]
    return None


def is_background(ctx: Context, date: DateMention) -> bool:
    """A month- or year-dated event told long before publication: background, not the news."""
    if date.precision == "day" or ctx.published is None:
        return False
    return (ctx.published - date.date).days > int(load_vocabulary("cues")["background_days"])


def in_other_relative_clause(ctx: Context, index: int, mention: DateMention, trigger_at: int) -> bool:
    """True for a date inside a relative clause that does not hold the trigger ("The alliance, whose offensive
    began on 27 October, also said its troops were fighting for Kunlong"): it dates that clause's verb."""
    sentence = ctx.sentences[index]
    at = mention.start - sentence.start
    for clause in RELATIVE_CLAUSE.finditer(sentence.text):
        if clause.start() <= at < clause.end() and not clause.start() <= trigger_at < clause.end():
            return True
    return False


def spelled_out_after(mention: DateMention, mentions: list[DateMention]) -> bool:
    """True for a weekday the full date right after it spells out ("on Tuesday, 2 April 2024"): the date is
    the day, even when the article came out weeks later (a weekday alone is the latest before publication)."""
    return mention.rule == "weekday" and any(
        0 <= m.start - mention.end <= 3 and m.rule in FULL_DATE_RULES for m in mentions
    )


def opens_period(mention: DateMention) -> bool:
    """True for a date that opens a range up to now ("since mid-November", "since 6 January")."""
    return mention.since or mention.text.strip().lower().startswith("since")


def is_caption(ctx: Context, index: int) -> bool:
    """A photo caption ("A photo released by the group on 9 January shows smoke over ..."): it repeats
    an event the text tells, dated by the photo's release and with the photographer as agent, so it neither tells
    an event nor dates the sentences after it (lang/<language>/cues.yaml `caption`); so is every sentence of a
    paragraph that ends with a photo credit ("(AP Photo)", `photo_credit`)."""
    cues = load_vocabulary("cues")
    if compile_pattern(cues["caption"]).search(ctx.sentences[index].text):
        return True
    paragraph = ctx.sentences[index].paragraph  # "... on Sunday. (AP Photo)": its paragraph is a caption
    last = max(j for j, s in enumerate(ctx.sentences) if s.paragraph == paragraph)
    return last > index and bool(compile_pattern(cues["photo_credit"]).match(ctx.sentences[last].text.strip()))


def event_dates(ctx: Context, index: int) -> list[DateMention]:
    """Date mentions of a sentence that can date an event (not "since the coup", not a year alone, not the
    day a statement was made: "residents said on Wednesday", not the day of the coup: "the February 1 coup"), days
    before ranges opened by "since"."""
    if is_caption(ctx, index):
        return []
    usable = [m for m in ctx.dates[index] if m.rule != "coup" and m.precision != "year" and not m.report]
    usable = [m for m in usable if not spelled_out_after(m, ctx.dates[index]) and not after_publication(ctx, m)]
    usable = [m for m in usable if not FUTURE_BEFORE.search(ctx.doc.text[max(0, m.start - 40) : m.start])]
    usable = [m for m in usable if not COUP_AFTER.match(ctx.doc.text, m.end)]  # "the February 1 coup"
    return sorted(usable, key=lambda m: m.since)


def after_publication(ctx: Context, mention: DateMention) -> bool:
    """True for a date more than a week after publication ("three years after the coup" counted from the
    article's day, a scheduled vote): no event told as done can have it."""
    return ctx.published is not None and (mention.date - ctx.published).days > 7


def is_lead(ctx: Context, index: int) -> bool:
    """True for one of the first three sentences of the body (title-like lines excluded)."""
    body = [i for i, s in enumerate(ctx.sentences[: index + 1]) if not is_headline(s.text)]
    return len(body) <= 3


def is_habitual(ctx: Context, index: int, trigger: Trigger, date: DateMention) -> bool:
    """Wording of a pattern rather than one event (in the trigger's own clause), or a hypothetical, with no
    single day to pin it to, or undated background told as earlier ("has previously shelled")."""
    text = ctx.sentences[index].text
    cues = load_vocabulary("cues")
    if not ctx.dates[index] and compile_pattern(cues["earlier"]).search(text):
        return True  # "the military has previously shelled areas around Laiza": background, not the news
    if date.precision == "day" and ctx.dates[index]:
        return False  # a day told in the sentence itself pins it; a day carried from before does not
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    start = max(b for b in bounds if b <= trigger.start)
    end = min(b for b in bounds if b > trigger.start)
    clause = text[start:end]
    return bool(compile_pattern(cues["habitual"]).search(clause) or compile_pattern(cues["modal"], 0).search(text))
