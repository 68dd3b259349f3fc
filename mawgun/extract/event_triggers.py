"""Finding event triggers in a sentence: which rule fires where, and which clause it governs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mawgun.extract.event_patterns import (
    COMPARISON,
    CONSEQUENCE_AFTER,
    CONTEXT_AFTER,
    CONTEXT_BEFORE,
    CONTEXT_NOUN,
    COORDINATE,
    FLEEING,
    POSSESSIVE_HEAD,
    SINCE_CLAUSE,
    WHEN_CLAUSE,
)
from mawgun.extract.numbers import parse_number
from mawgun.extract.pipeline import Context
from mawgun.extract.places import is_state
from mawgun.extract.sentences import quoted_spans
from mawgun.extract.vocab import compile_pattern, load_vocabulary

LARGE_NUMBER = re.compile(
    r"(?:(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d{3,}(?![\w.,]))(?=\)?(?:\s+[\w-]+){0,2}?\s+(?:civilians|"
    r"people|persons|individuals|villagers|residents|youths|men|women|children|detainees|prisoners|protesters|activists)"
    r"\b)|\b(?:tens of thousands|hundreds of thousands|thousands|millions)\b"
)
CLAUSE_JOINT = re.compile(r"[,;]|\s(?:and|but|while|before|after)\s")
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b")
PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+|earlier\s+|previously\s+|also\s+)?$", re.I)
VILLAGE_AFTER = re.compile(r"\s(?:[Vv]illages?|[Ww]ards?)\b")


@dataclass(frozen=True)
class Trigger:
    """A trigger rule that fired in a sentence (offsets within the sentence)."""

    rule: dict[str, Any]
    start: int
    end: int


@lru_cache(maxsize=1)
def trigger_rules() -> list[dict[str, Any]]:
    """Trigger rules, highest priority first."""
    rules = load_vocabulary("triggers")["rules"]
    return sorted(rules, key=lambda r: -int(r["priority"]))


def find_triggers(ctx: Context, index: int) -> list[Trigger]:
    """The first surviving match of each trigger rule in sentence `index`, highest priority first (computed
    once per sentence)."""
    key = ("triggers", index)
    if key not in ctx.cache:
        ctx.cache[key] = sentence_triggers(ctx, index)
    return ctx.cache[key]


def sentence_triggers(ctx: Context, index: int) -> list[Trigger]:
    text = ctx.sentences[index].text
    # quoted speech is opinion unless it tells an event with its own day ("“Jets bombed us on Monday,” ...")
    dated = any(m.precision == "day" and not m.report for m in ctx.dates[index])
    quotes = [] if dated else quoted_spans(text) + continued_quote(ctx, index)
    near = int(load_vocabulary("triggers").get("near_chars", 70))
    found = []
    free = event_clauses(ctx, index) if index in ctx.aggregate else [(0, len(text))]
    start = ctx.sentences[index].start
    days = [m.start - start for m in ctx.dates[index] if m.precision in {"day", "week"} and not m.report]
    for rule in trigger_rules():
        hit = next(
            (
                m
                for p in rule["patterns"]
                for m in compile_pattern(p).finditer(text)
                if trigger_ok(text, m, rule, quotes, near, dated, days)
                and (not rule.get("violent") or any(a <= m.start() < b for a, b in free))
                and (not rule.get("needs_near") or has_object(ctx, index, m, rule, near))
                and not (rule.get("background_told") and told_as_background(ctx, index, m, days))
            ),
            None,
        )
        if hit is not None:
            found.append(Trigger(rule, hit.start(), hit.end()))
    boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(text)
    if boundary and any(t.start < boundary.start() for t in found):  # main-clause triggers first
        found = sorted(found, key=lambda t: t.start >= boundary.start())
    if any(t.rule.get("violent") for t in found):  # "imposed martial law after 18 protesters were killed"
        found = sorted(found, key=lambda t: bool(t.rule.get("yields")))
    return overriding_first(found)


def continued_quote(ctx: Context, index: int) -> list[tuple[int, int]]:
    """The part of a sentence that continues a quotation opened in an earlier sentence of its line ("“There are
    many lessons. Regarding the battles we fought, ...,” she said."): quoted up to the closing mark."""
    start = ctx.sentences[index].start
    before = ctx.doc.text[ctx.doc.text.rfind("\n", 0, start) + 1 : start]
    if before.count("“") <= before.count("”"):
        return []
    text = ctx.sentences[index].text
    close = text.find("”")
    return [(0, close + 1 if close >= 0 else len(text))]


def told_as_background(ctx: Context, index: int, match: re.Match[str], days: list[int]) -> bool:
    """True for a capture told as background to the news, with no day of its own in its phrase: one with an
    earlier year ("Mese, which they captured in late 2023", "which fell to the TNLA last year"), or one in a
    relative clause, of a vague many ("had seized several towns") or with an earlier month ("seized in August"
    told in October) in a sentence whose day belongs to another event ("bombed Lashio on Tuesday, a town that
    the MNDAA captured in August"), or in a relative clause in a sentence with no date at all. A capture of
    that kind with only its own month ("Ramree, which the AA seized in March 2024") keeps its month: it is dated
    right (`cues.yaml` `capture_*`)."""
    text = ctx.sentences[index].text
    cues = load_vocabulary("cues")
    relative = compile_pattern(cues["capture_relative"]).search(text[max(0, match.start() - 80) : match.start()])
    opened = match.start() - (len(relative.group(0)) if relative else 0)
    if any(opened <= day <= match.end() or in_phrase(text, match.end(), day) for day in days):
        return False  # "Thandwe, which the AA captured on Monday": dated news
    if earlier_year(ctx, index, match):
        return True
    vague = compile_pattern(cues["capture_vague_object"]).match(text, match.end())
    if days and (relative or vague or earlier_month(ctx, index, match)):
        return True
    return bool(relative) and not ctx.dates[index]


def in_phrase(text: str, end: int, at: int) -> bool:
    """True for an offset in the verb's own phrase: after it, within 90 characters, with no clause break between
    ("seized several towns, and on Monday it attacked": Monday is the attack's)."""
    return 0 <= at - end <= 90 and not CLAUSE_JOINT.search(text, end, at)


def earlier_year(ctx: Context, index: int, match: re.Match[str]) -> bool:
    """A year before publication's ("in late 2023", "last year") told right after the capture verb."""
    published = ctx.published
    year = compile_pattern(load_vocabulary("cues")["capture_year_after"]).match(ctx.sentences[index].text, match.end())
    return bool(published and year and (year.group("last") or int(year.group("y")) < published.year))


def earlier_month(ctx: Context, index: int, match: re.Match[str]) -> bool:
    """A month at least `capture_earlier_months` before publication told right after the capture verb."""
    published = ctx.published
    if published is None:
        return False
    cues = load_vocabulary("cues")
    at = ctx.sentences[index].start + match.end()
    reach = int(cues["capture_date_reach"])
    months = [m for m in ctx.dates[index] if m.precision == "month" and not m.since and 0 <= m.start - at <= reach]
    gap = int(cues["capture_earlier_months"])
    return any((published.year - m.date.year) * 12 + published.month - m.date.month >= gap for m in months)


def overriding_first(found: list[Trigger]) -> list[Trigger]:
    """Triggers reordered so that a rule declaring `overrides: [ids]` comes before those rules when both fire in
    one sentence ("took control of the town after its garrison surrendered" is a non-violent transfer)."""
    fired = {t.rule["id"] for t in found}
    winners = [t for t in found if fired & set(t.rule.get("overrides", ()))]
    return [*winners, *(t for t in found if t not in winners)] if winners else found


def event_clauses(ctx: Context, index: int) -> list[tuple[int, int]]:
    """In an aggregate sentence, the clauses that still tell one event: no aggregate wording, a day of their own
    ("Since May 2021 troops have burned 500 houses, and on Monday they torched 30 more in Kyin")."""
    sentence = ctx.sentences[index]
    text = sentence.text
    joints = [*COORDINATE.finditer(text), *COMPARISON.finditer(text), *WHEN_CLAUSE.finditer(text)]
    joints += RELATIVE_CLAUSE.finditer(text)  # "took X on 25 March, ... the junta, which has since killed 700 people"
    cuts = sorted({0, *(m.start() for m in joints), len(text)})
    strong = [compile_pattern(p) for p in load_vocabulary("statistics")["strong_cues"]]
    days = [m.start - sentence.start for m in ctx.dates[index] if m.precision == "day" and not m.since and not m.report]
    days += possessive_clauses(ctx, index)  # "since last Sunday's massacre, when troops killed 65 protesters"
    return [
        (a, b)
        for a, b in zip(cuts, cuts[1:], strict=False)
        if any(a <= d < b for d in days) and not any(p.search(text, a, b) for p in strong)
    ]


def possessive_clauses(ctx: Context, index: int) -> list[int]:
    """Where the clause told by a dated possessive begins ("last Sunday's massacre, when ..."): that clause is
    dated by the possessive's day."""
    sentence = ctx.sentences[index]
    starts = []
    for mention in ctx.dates[index]:
        head = POSSESSIVE_HEAD.match(ctx.doc.text, mention.end, sentence.end)
        if mention.precision == "day" and head:
            starts.append(head.end() - sentence.start)
    return starts


def has_object(ctx: Context, index: int, match: re.Match[str], rule: dict[str, Any], near: int) -> bool:
    """The rule's object is near the trigger: a word of `needs_near` ("the town", "a base"), or, for rules with
    `object_place`, a place the gazetteer knows right after the verb ("captured Paletwa", "took full control of
    A and B", "lost Rathedaung to the Arakan Army"): capture verbs need no town noun when the object is a town."""
    text = ctx.sentences[index].text
    window = text[max(0, match.start() - near) : match.end() + near]
    if compile_pattern(rule["needs_near"]).search(window):
        return True
    reach = int(rule.get("object_place", 0))
    if not reach:
        return False
    at = ctx.sentences[index].start + match.start()
    after = sorted(
        ((p.span.start, p.span.end, p) for p in ctx.places(index) if p.span and p.span.start > at),
        key=lambda item: item[0],
    )
    if not after or after[0][0] - at > reach + len(match.group(0)) or is_state(after[0][2]):
        return False
    first_start, first_end, first = after[0]
    if not rule.get("object_towns"):
        return True
    # "raided Kinma village in Pauk Township": the object is a village, not a town
    village = VILLAGE_AFTER.search(ctx.doc.text[first_start : first_end + 9])
    return first.level not in {"village", "ward", "village_tract", "camp"} and not village


def trigger_ok(
    text: str,
    match: re.Match[str],
    rule: dict[str, Any],
    quotes: list[tuple[int, int]],
    near: int,
    dated: bool = False,
    days: list[int] | None = None,
) -> bool:
    """Filters: not quoted speech, not hypothetical/prescriptive, not negated, not a background mention of
    fighting in a sentence with no day of its own (`dated`). The object (`needs_near`) is checked by
    `has_object`. An event told as a time anchor with its own day ("since seizing the bases on 20 November")
    is still an event: `days` are the offsets of the sentence's own days."""
    cues = load_vocabulary("cues")
    if any(s <= match.start() < e for s, e in quotes):
        return False
    before = text[max(0, match.start() - int(cues["modal_window"])) : match.start()]
    if compile_pattern(cues["modal"], 0).search(before):
        return False
    if compile_pattern(cues["negation"]).search(text[max(0, match.start() - 25) : match.start()]):
        return False
    if rule.get("not_after") and compile_pattern(rule["not_after"]).search(
        text[max(0, match.start() - 60) : match.start()]
    ):
        return False  # "30 men who were captured": the rule's own words for what its verb cannot follow
    if rule.get("violent") and FLEEING.search(text[max(0, match.start() - 40) : match.start()]):
        return False  # "displaced people fleeing the fighting": what they fled, not an event told here
    if rule.get("violent") and SINCE_CLAUSE.search(text[: match.start()]) and not own_day(match, days or []):
        return False  # "since the army resumed fighting": the start of a period, background
    if rule.get("violent") and compile_pattern(cues["natural_cause"]).search(
        text[max(0, match.start() - 60) : match.start()]
    ):
        return False  # "an earthquake that left more than 3,000 dead": not the war
    if rule.get("violent") and compile_pattern(cues["counted_noun"]).search(
        text[max(0, match.start() - 60) : match.start()]
    ):
        return False  # "takes the count of civilians killed since the coup to 100": a cumulative figure
    if rule.get("violent") and tells_an_end(text, match):
        return False  # "fighting had largely stopped in the town", "a lull in the fighting": no clash
    if is_past_fighting(text, match, rule, dated or bool(days)):
        return False  # "the group had launched offensives on five towns" with no day of its own: history
    if rule.get("violent") and not days and is_tally(text, match):
        return False  # "212 airstrikes", "have killed more than 6,000 civilians": a statistic, not one event
    # "since the offensive launched in October", "fighting has driven displacement": context
    return not (rule.get("violent") and not dated and is_context_mention(text, match))


def is_past_fighting(text: str, match: re.Match[str], rule: dict[str, Any], dated: bool) -> bool:
    """A clash told in the pluperfect ("had attacked posts across ...", "had fought") in a sentence with no
    day of its own: fighting before the news, not an event of it (captures and killings told so are news:
    "they said they had seized the town")."""
    if dated or rule["sub_event_type"] != "Armed clash":
        return False
    return bool(PLUPERFECT.search(text[max(0, match.start() - 30) : match.start()]))


def is_tally(text: str, match: re.Match[str]) -> bool:
    """A trigger counted as many ("40 clashes were recorded", "with 212 airstrikes") or a violent verb with a
    large count beside it ("have killed more than 6,000 civilians", "(26,000) people were arrested"): a tally
    the statistics tell, not one event (the caller checks that the sentence has no day of its own)."""
    cues = load_vocabulary("cues")
    if compile_pattern(cues["counted_after"]).match(text, match.end()):
        return True
    counted = compile_pattern(cues["counted_before"]).search(text[max(0, match.start() - 60) : match.start()])
    if counted and compile_pattern(cues["counted_trigger"]).match(text, match.start()):
        value = parse_number(counted.group("n"))
        if value is None or value >= int(cues["counted_min"]):
            return True
    window = text[max(0, match.start() - 40) : match.end() + 40]
    numbers = (parse_number(n) or 1000.0 for n in LARGE_NUMBER.findall(window))
    return any(n is not None and n >= int(cues["large_count"]) and not 1900 <= n <= 2100 for n in numbers)


def tells_an_end(text: str, match: re.Match[str]) -> bool:
    """True for fighting named as a noun and told as stopping ("fighting had largely stopped in the town", "the
    clashes have eased", "a lull in the fighting"): the end of fighting is no event of its own. "Fighting has
    not stopped" and "fighting resumed" stay events (`cues.yaml` `ended_after`, `ended_before`)."""
    if not CONTEXT_NOUN.match(match.group(0)):
        return False
    cues = load_vocabulary("cues")
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(
        compile_pattern(cues["ended_after"]).match(text[match.end() :])
        or compile_pattern(cues["ended_before"]).search(before)
    )


def own_day(match: re.Match[str], days: list[int]) -> bool:
    """A day told right after the trigger, in its phrase ("since the capture of the base on 3
    May"): the anchor event is dated and told, not a vague start of a period."""
    return any(0 <= day - match.end() <= 90 for day in days)


def is_context_mention(text: str, match: re.Match[str]) -> bool:
    """True for fighting named as a noun in a phrase that is not the sentence's main fact: after a preposition
    ("after the offensive", "amid fighting", "since the end of the truce"), opening a relative clause ("fighting
    that began in late June") or the subject of a consequence ("Fighting in Rakhine has driven displacement")."""
    if not CONTEXT_NOUN.match(match.group(0)):
        return False
    before, after = text[: match.start()], text[match.end() :]
    return bool(CONTEXT_BEFORE.search(before) or CONTEXT_AFTER.match(after) or CONSEQUENCE_AFTER.match(after))
