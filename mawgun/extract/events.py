"""Rule-based event extraction: a trigger lexicon (data/triggers.yaml) picks the ACLED sub-event type of a
sentence, filters drop background, habitual, hypothetical and quoted wording, and the sentence's dates,
places and actors fill the record. One sentence naming several places gives one event per place; the same
event told twice in a document becomes one record with two evidence spans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from mawgun.extract.actors import STATE_SIDE, assign_roles, passive_agents, targeted_state
from mawgun.extract.annotators import is_headline, is_title
from mawgun.extract.dates import DateMention, mirrored
from mawgun.extract.event_places import event_places, stated_places
from mawgun.extract.fatalities import ZERO, read_casualties
from mawgun.extract.merge import merge_duplicates, merge_into
from mawgun.extract.numbers import parse_number
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.places import find_places
from mawgun.extract.recoding import EXECUTION_RULE, executed_count, execution_sides, protest_sub_type
from mawgun.extract.sentences import quoted_spans
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.ids import make_id
from mawgun.model import ActorRef, EventRecord, Place, Provenance, Span

COMPONENT = "events.rules"
VERSION = "0.1.0"
CIVILIAN_TARGET = re.compile(
    r"\b(?:villages?|houses|homes|schools?|camps?|hospitals?|clinics?|churche?s?|monaster(?:y|ies)|markets?)\b", re.I
)
ANAPHOR = re.compile(
    r"\b(?:the|this|that) (?:deadly |latest |recent |reported )?(?:air ?strike|attack|bombing|shelling|raid|massacre|"
    r"incident|assault|killings?)s? (?:took place|happened|occurred|was carried out|struck)\b",
    re.I,
)
COORDINATE = re.compile(
    r";\s+|,?\s+(?:and|while|whereas|as|before)\s+(?=(?:then\s+)?(?:on|the|a|an|junta|regime|troops|soldiers|jets?|[A-Z]))"
)
REFERS_BACK = re.compile(
    r"\b(?:the|that|this) (?:camp|village|town|ward|school|monastery|church|market|hospital|house|site|area|"
    r"attack|explosion|blast)\b",
    re.I,
)
FLEEING = re.compile(
    r"\b(?:fle(?:e|es|eing|d)|escap(?:e|es|ed|ing)|displaced by|running from|ran from)\s+(?:from\s+)?"
    r"(?:the\s+|renewed\s+|heavy\s+|recent\s+|earlier\s+){0,2}$",
    re.I,
)
ONGOING = re.compile(
    r"\b(?P<aux>are|were|is|was)\s+(?:still\s+)?(?:(?:fighting|clashing|battling)\s+(?:for|in|inside|around|near|over)"
    r"|besieging)\b",
    re.I,
)
RELATIVE_CLAUSE = re.compile(r",\s+(?:whose|which|who)\b[^,;]*,")
FULL_DATE_RULES = {"dmy", "mdy", "iso", "numeric", "dm", "md"}
ALSO = re.compile(r"\b(?:also|as well)\b", re.I)
REPORTING = re.compile(r"\b(?:said|says|say|told|reported|added|confirmed)\b")
SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,4}$", re.I)
COMPARISON = re.compile(
    r",\s+(?:making it|which (?:was|is|made)|in what|the (?:deadliest|worst|largest|biggest|first))\b"
)
CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although)\b|;|\s+but\s+")
CLAUSE_JOIN = re.compile(r";\s+|,?\s+(?:and|while|whereas)\s+(?:then\s+)?")
LOCALE_ANAPHOR = re.compile(
    r"\b(?:the|that|this) (?:area|village|town|township|camp|site|raid|assault|operation)\b", re.I
)
PRISON = re.compile(r"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:Prison|Jail|Central Prison)\b")
CONTEXT_NOUN = re.compile(
    r"(?:fighting|clash(?:es)?|offensives?|attacks?|battles?|hostilities|war|conflict|air ?strikes?|shelling|"
    r"bombardments?|bombing|operations?|assaults?|ambush(?:es)?|skirmish(?:es)?)\b",
    re.I,
)
CONTEXT_BEFORE = re.compile(
    r"\b(?:after|amid|amidst|following|during|despite|since|before|because of|due to|as a result of|in the wake of)"
    r"\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
CONTEXT_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,5}?\s*,?\s+(?:(?:that|which)\s+(?:had\s+|has\s+)?(?:began|begun|started|erupted|broke out|"
    r"resumed|was launched|were launched|first)|(?:launched|begun|started|that began)\s+(?:in|on|last|since|early|late|"
    r"mid))\b",
    re.I,
)
CONSEQUENCE_AFTER = re.compile(
    r"[^.;,]{0,50}?\b(?:(?:has|have|had)\s+(?:\w+\s+)?(?:driven|displaced|forced|uprooted|pushed|sent)"
    r"|drove|displaced|forced|uprooted|pushed)\b",
    re.I,
)
WHEN_CLAUSE = re.compile(r",?\s+when\s+")  # "82 people were killed when troops crushed protesters in Bago on 9 April"
POSSESSIVE_EVENT = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|massacre|attack|killings?|raid|shooting|assault|air ?strike|bombing|"
    r"executions?)\s*,?\s+(?:in which|when|during which|where)\b[^.;]*$",
    re.I,
)
NO_TOLL_PROTESTS = {"Peaceful protest", "Protest with intervention"}  # ACLED codes 0 dead when none are told
POSSESSIVE_HEAD = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|massacre|attack|killings?|raid|shooting|assault|air ?strike|bombing|"
    r"executions?)\s*,?\s+(?:in which|when|during which|where)\b",
    re.I,
)
CRACKDOWN_RECODED = {"Violence against civilians", "Explosions/Remote violence"}
DEFINITE = re.compile(r"\b(?:the|this|that|these|those|such|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


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
    quotes = [] if dated else quoted_spans(text)
    near = int(load_vocabulary("triggers").get("near_chars", 70))
    found = []
    free = event_clauses(ctx, index) if index in ctx.aggregate else [(0, len(text))]
    for rule in trigger_rules():
        hit = next(
            (
                m
                for p in rule["patterns"]
                for m in compile_pattern(p).finditer(text)
                if trigger_ok(text, m, rule, quotes, near, dated)
                and (not rule.get("violent") or any(a <= m.start() < b for a, b in free))
            ),
            None,
        )
        if hit is not None:
            found.append(Trigger(rule, hit.start(), hit.end()))
    boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(text)
    if boundary and any(t.start < boundary.start() for t in found):  # main-clause triggers first
        found = sorted(found, key=lambda t: t.start >= boundary.start())
    return overriding_first(found)


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
    cuts = sorted({0, *(m.start() for m in joints), len(text)})
    strong = [compile_pattern(p) for p in load_vocabulary("statistics")["strong_cues"]]
    days = [m.start - sentence.start for m in ctx.dates[index] if m.precision == "day" and not m.since]
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


def trigger_ok(
    text: str,
    match: re.Match[str],
    rule: dict[str, Any],
    quotes: list[tuple[int, int]],
    near: int,
    dated: bool = False,
) -> bool:
    """Filters: not quoted speech, not hypothetical/prescriptive, not negated, not a background mention of
    fighting in a sentence with no day of its own (`dated`), its object nearby if required."""
    cues = load_vocabulary("cues")
    if any(s <= match.start() < e for s, e in quotes):
        return False
    before = text[max(0, match.start() - int(cues["modal_window"])) : match.start()]
    if compile_pattern(cues["modal"], 0).search(before):
        return False
    if compile_pattern(cues["negation"]).search(text[max(0, match.start() - 25) : match.start()]):
        return False
    if rule.get("violent") and FLEEING.search(text[max(0, match.start() - 40) : match.start()]):
        return False  # "displaced people fleeing the fighting": what they fled, not an event told here
    if rule.get("violent") and SINCE_CLAUSE.search(text[: match.start()]):
        return False  # "since the army resumed fighting": the start of a period, background
    if rule.get("violent") and not dated and is_context_mention(text, match):
        return False  # "since the offensive launched in October", "fighting has driven displacement": context
    needs = rule.get("needs_near")
    if needs:
        window = text[max(0, match.start() - near) : match.end() + near]
        if not compile_pattern(needs).search(window):
            return False
    return True


def is_context_mention(text: str, match: re.Match[str]) -> bool:
    """True for fighting named as a noun in a phrase that is not the sentence's main fact: after a preposition
    ("after the offensive", "amid fighting", "since the end of the truce"), opening a relative clause ("fighting
    that began in late June") or the subject of a consequence ("Fighting in Rakhine has driven displacement")."""
    if not CONTEXT_NOUN.match(match.group(0)):
        return False
    before, after = text[: match.start()], text[match.end() :]
    return bool(CONTEXT_BEFORE.search(before) or CONTEXT_AFTER.match(after) or CONSEQUENCE_AFTER.match(after))


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
    if usable:
        first = usable[0]
        other_day = mirrored(first)
        between = ctx.doc.text[first.end : ctx.sentences[index].start + trigger_at]
        if other_day and trigger_at >= first.end - ctx.sentences[index].start and "," not in between:
            return replace(first, date=other_day)
        return first
    paragraph = ctx.sentences[index].paragraph
    for j in range(index - 1, -1, -1):
        if ctx.sentences[j].paragraph != paragraph:
            break
        earlier = [m for m in event_dates(ctx, j) if not m.since]
        if earlier:
            return earlier[-1]
    if is_lead(ctx, index):  # a lead without a date: the details follow ("The attack took place on Monday")
        for j in range(index + 1, min(index + 4, len(ctx.sentences))):
            later = [m for m in event_dates(ctx, j) if m.precision == "day"]
            same_kind = (
                any(t.rule["event_type"] == rule["event_type"] for t in find_triggers(ctx, j)) if later else False
            )
            if later and (ANAPHOR.search(ctx.sentences[j].text) or same_kind):
                return later[0]
    reported = [m for m in ctx.dates[index] if m.report]
    if reported:  # "the group said on Wednesday it had captured ...": the day it was told, a week's precision
        return replace(reported[0], precision="week")
    opening = paragraph_start(ctx, index)  # the second paragraph goes on with the lead's day ("were also ...")
    opening = opening if opening == index or ALSO.search(ctx.sentences[index].text) else index
    lead_day = lead_date(ctx, opening) if rule.get("violent") and is_lead(ctx, opening) else None
    if lead_day is not None:
        return lead_day
    if ctx.published and (not rule.get("violent") or is_ongoing(ctx, index, trigger_at)):
        return DateMention(0, 0, "", ctx.published, "week", "publication", ctx.published, True)
    return None


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


def event_dates(ctx: Context, index: int) -> list[DateMention]:
    """Date mentions of a sentence that can date an event (not "since the coup", not a year alone, not the
    day a statement was made: "residents said on Wednesday"), days before ranges opened by "since"."""
    usable = [m for m in ctx.dates[index] if m.rule != "coup" and m.precision != "year" and not m.report]
    usable = [m for m in usable if not spelled_out_after(m, ctx.dates[index])]
    return sorted(usable, key=lambda m: m.since)


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
    if date.precision == "day":
        return False
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    start = max(b for b in bounds if b <= trigger.start)
    end = min(b for b in bounds if b > trigger.start)
    clause = text[start:end]
    return bool(compile_pattern(cues["habitual"]).search(clause) or compile_pattern(cues["modal"], 0).search(text))


def is_anaphoric(ctx: Context, index: int, trigger: Trigger) -> bool:
    """A definite mention ("the attack", "in the fighting") with no date of its own: an event told before."""
    text = ctx.sentences[index].text
    if ctx.dates[index] or text[trigger.start : trigger.end].lower().endswith("ed"):
        return False
    return bool(DEFINITE.search(text[: trigger.start]))


def attach_mention(ctx: Context, index: int, trigger: Trigger, found: list[EventRecord]) -> None:
    """Add a sentence that refers back to an event as more evidence of the latest event of its type."""
    event_type = trigger.rule["event_type"]
    target = next((e for e in reversed(found) if e.event_type == event_type), None)
    if target is None:
        return
    sentence = ctx.sentences[index]
    later = replace(
        target, evidence=[Span(sentence.start, sentence.end, sentence.text)], tags=event_tags(sentence.text)
    )
    casualties = read_casualties(sentence.text)
    later.fatalities, later.fatalities_qualifier, later.injuries = (
        casualties.fatalities,
        casualties.qualifier,
        casualties.injuries,
    )
    merge_into(target, later)


def attach_details(ctx: Context, index: int, found: list[EventRecord]) -> bool:
    """ "The attack took place on Monday in X village": details of the event told just before (its day and place
    are taken when more precise)."""
    if not found or not ANAPHOR.search(ctx.sentences[index].text):
        return False
    target = found[-1]
    sentence = ctx.sentences[index]
    day = next((m for m in event_dates(ctx, index) if m.precision == "day"), None)
    if day and target.date_precision != "day":
        target.date, target.date_precision = day.date, "day"
    places = event_places(ctx, index)
    later = replace(
        target, evidence=[Span(sentence.start, sentence.end, sentence.text)], place=places[0] if places else None
    )
    merge_into(target, later)
    return True


def tell_weapon(ctx: Context, index: int, trigger: Trigger, found: list[EventRecord]) -> bool:
    """A later sentence without a day of its own that tells how a killing told before was done ("the camp was
    hit by artillery fired from a junta position"): the killing, coded as an attack by an unknown actor, becomes
    the strike or shelling it names, with its actor, and keeps this sentence as evidence. True when applied."""
    if trigger.rule["event_type"] != "Explosions/Remote violence" or not REFERS_BACK.search(ctx.sentences[index].text):
        return False
    target = next((e for e in reversed(found) if e.sub_event_type == "Attack" and not e.actor1), None)
    if target is None:
        return False
    date = DateMention(0, 0, "", target.date, target.date_precision or "day", "referent") if target.date else None
    if date is None:
        return False
    told = make_event(ctx, index, trigger, date, target.place)
    target.event_type, target.sub_event_type = told.event_type, told.sub_event_type
    target.actor1 = reported_agents(ctx, index) or told.actor1
    target.actor2 = target.actor2 or told.actor2
    target.tags = sorted({*target.tags, *told.tags})
    target.evidence.extend(told.evidence)
    return True


def tell_crackdown(ctx: Context, index: int, trigger: Trigger, found: list[EventRecord]) -> bool:
    """A sentence without a day of its own, right after a killing in its paragraph, that says the forces fired on
    or broke up protesters ("Security forces shot dead 38 people in Hlaing Tharyar on Sunday. Soldiers fired
    live rounds at protesters ..."): the killing was a crackdown on a protest and is recoded as one, keeping this
    sentence as evidence. True when applied."""
    if trigger.rule["event_type"] != "Protests" or trigger.rule["sub_event_type"] == "Peaceful protest" or not found:
        return False
    target = found[-1]
    previous = ctx.sentences[index - 1] if index else None
    if previous is None or previous.paragraph != ctx.sentences[index].paragraph:
        return False
    if target.event_type not in CRACKDOWN_RECODED or not any(e.start == previous.start for e in target.evidence):
        return False
    date = DateMention(0, 0, "", target.date, target.date_precision or "day", "referent") if target.date else None
    if date is None:
        return False
    told = make_event(ctx, index, trigger, date, target.place)
    target.event_type, target.sub_event_type = told.event_type, told.sub_event_type
    if (target.fatalities or 0) > 0:
        target.sub_event_type = "Excessive force against protesters"
    target.actor1 = [a for a in target.actor1 if a.actor_id in STATE_SIDE] or told.actor1
    target.actor2 = [ActorRef("protesters", "PROT")]
    target.evidence.extend(told.evidence)
    return True


def attach_toll(ctx: Context, index: int, trigger: Trigger, found: list[EventRecord]) -> bool:
    """A sentence right after an event's that only counts its dead ("Volunteers said about 20 people were
    killed"): no day, no place and no armed actor of its own. Its toll goes to that event. True when applied."""
    if trigger.rule["event_type"] != "Violence against civilians" or not found or found[-1].fatalities is not None:
        return False
    previous = ctx.sentences[index - 1] if index else None
    if previous is None or not any(span.start == previous.start for span in found[-1].evidence):
        return False
    if any(p.location for p in ctx.places(index)) or any(a.actor_id not in {None, "CIV"} for a in ctx.actors(index)):
        return False
    casualties = read_casualties(ctx.sentences[index].text)
    if casualties.fatalities is None:
        return False
    target, sentence = found[-1], ctx.sentences[index]
    target.fatalities, target.fatalities_qualifier = casualties.fatalities, casualties.qualifier
    target.injuries = target.injuries if target.injuries is not None else casualties.injuries
    target.evidence.append(Span(sentence.start, sentence.end, sentence.text))
    return True


def reported_agents(ctx: Context, index: int) -> list[ActorRef]:
    """Armed actors named after the sentence's reporting verb ("KIO officials said the camp was hit by artillery
    fired from a junta position" -> the junta): those before it are the sources, not the agents."""
    sentence = ctx.sentences[index]
    verb = REPORTING.search(sentence.text)
    if verb is None:
        return []
    after = sentence.start + verb.end()
    return [a for a in ctx.actors(index) if a.span and a.span.start >= after and a.actor_id not in {None, "CIV"}][:1]


def build_events(ctx: Context, index: int, found: list[EventRecord]) -> list[EventRecord]:
    """The event records reported by sentence `index` (none when it reports no event): the highest-priority
    trigger that has a date and, when violent, a place and no habitual wording."""
    if is_title(ctx, index) or attach_details(ctx, index, found):
        return []
    for trigger in find_triggers(ctx, index):
        violent = bool(trigger.rule.get("violent"))
        if violent and is_anaphoric(ctx, index, trigger):
            attach_mention(ctx, index, trigger, found)
            return []
        if violent and not event_dates(ctx, index) and tell_weapon(ctx, index, trigger, found):
            return []
        if violent and not event_dates(ctx, index) and tell_crackdown(ctx, index, trigger, found):
            return []
        if violent and not event_dates(ctx, index) and attach_toll(ctx, index, trigger, found):
            return []
        date = event_date(ctx, index, trigger.rule, trigger.start)
        if date is None or (violent and (is_habitual(ctx, index, trigger, date) or is_background(ctx, date))):
            continue
        if trigger.rule.get("not_background") and is_background(ctx, date):
            continue
        if trigger.rule["event_type"] == "Protests":
            places = [p for p in event_places(ctx, index) if p.span] if stated_places(ctx, index) else []
        else:
            placed = violent or bool(trigger.rule.get("placed"))
            places = event_places(ctx, index) if placed else stated_places(ctx, index)
        if trigger.rule["id"] == EXECUTION_RULE:  # the prison it names, else the place told next
            prison = prison_place(ctx, index)
            places = [prison] if prison else places or places_told_next(ctx, index)
        if not places and (violent or trigger.rule.get("placed")):
            continue
        if violent and not any(p.location for p in places):
            places = place_of_anaphor(ctx, index, found) or places
        if not places and violent:
            continue
        split = split_clauses(ctx, index, date, places) if violent else []
        if split:
            return split
        second = coordinated_events(ctx, index, trigger, date, places)
        clause = (0, second[0]) if second else None
        where: list[Place | None] = list(places) or [None]
        events = [make_event(ctx, index, trigger, date, place, clause) for place in where]
        return events + (second[1] if second else subordinate_events(ctx, index, trigger, date, places))
    return []


def places_told_next(ctx: Context, index: int) -> list[Place]:
    """An execution told without a place takes the first place named in the next two sentences ("The four men
    had been held in Yangon's Insein Prison"): the prison or town where the prisoners were held."""
    for j in range(index, min(index + 3, len(ctx.sentences))):
        prison = prison_place(ctx, j)
        if prison is not None:
            return [prison]
        found = [p for p in event_places(ctx, j) if p.span] if j > index else []
        if found:
            return found[:1]
    return []


def prison_place(ctx: Context, index: int) -> Place | None:
    """The prison a sentence names ("Yangon's Insein Prison", "Obo Prison in Mandalay"), placed at the town or
    township it is named after, its location the prison's name."""
    sentence = ctx.sentences[index]
    match = PRISON.search(sentence.text)
    if match is None:
        return None
    start = sentence.start + match.start("name")
    found = find_places(ctx.doc.text, start, start + len(match.group("name")))
    if not found:
        return None
    return replace(found[0], location=match.group(0))


def place_of_anaphor(ctx: Context, index: int, found: list[EventRecord]) -> list[Place]:
    """A sentence that places its event only as "the area", "the village" or "the town" takes the place of the
    event told just before ("troops arrived after shelling the area")."""
    if not found or found[-1].place is None or not LOCALE_ANAPHOR.search(ctx.sentences[index].text):
        return []
    return [found[-1].place]


def split_clauses(ctx: Context, index: int, date: DateMention, places: list[Place]) -> list[EventRecord]:
    """Two events of different kinds in clauses joined by "and", "while" or ";", each with its own place ("troops
    shelled X and jets bombed Y"): one record per clause, on the sentence's date, each with its clause's places."""
    sentence = ctx.sentences[index]
    triggers = [t for t in find_triggers(ctx, index) if t.rule.get("violent")]
    for boundary in CLAUSE_JOIN.finditer(sentence.text):
        before = [t for t in triggers if t.end <= boundary.start()]
        after = [t for t in triggers if t.start >= boundary.end()]
        if not before or not after or before[0].rule["sub_event_type"] == after[0].rule["sub_event_type"]:
            continue
        if crosses(sentence.text, before[0].rule, boundary.start(), 1) or crosses(
            sentence.text, after[0].rule, boundary.end(), -1
        ):
            continue  # one event told across the boundary ("attacked the base and the HQ with drones")
        cut = sentence.start + boundary.start()
        later_days = [m for m in event_dates(ctx, index) if m.start >= cut]
        own = [p for p in places if p.span and p.span.start < cut]
        later = event_places(ctx, index, after=sentence.start + boundary.end())
        if not own or not later:
            continue
        first = [make_event(ctx, index, before[0], date, p, (0, boundary.start())) for p in own]
        clause = (boundary.start(), len(sentence.text))
        day = later_days[0] if later_days else date
        return first + [make_event(ctx, index, after[0], day, p, clause) for p in later]
    return []


def crosses(text: str, rule: dict[str, Any], at: int, side: int) -> bool:
    """True when the rule matches on the other side of `at`: after it (side 1) or starting before it (side -1)."""
    for pattern in rule["patterns"]:
        for m in compile_pattern(pattern).finditer(text):
            if (side == 1 and m.end() > at) or (side == -1 and m.start() < at):
                return True
    return False


def coordinated_events(
    ctx: Context, index: int, main: Trigger, date: DateMention, places: list[Place]
) -> tuple[int, list[EventRecord]] | None:
    """A second event joined to the first by "and", "while" or a semicolon, with its own date ("jets bombed X
    on Monday and troops burned Y on Tuesday"): (where its clause starts, its records)."""
    sentence = ctx.sentences[index]
    for boundary in COORDINATE.finditer(sentence.text, main.end):
        own = [m for m in event_dates(ctx, index) if m.start - sentence.start >= boundary.end()]
        if not own:
            continue
        second = next(
            (
                t
                for t in find_triggers(ctx, index)
                if t.start >= boundary.end()
                and t.rule.get("violent")
                and (t.rule["event_type"] != main.rule["event_type"] or own[0].date != date.date)
            ),
            None,
        )
        if second is None:
            continue
        where = event_places(ctx, index, after=sentence.start + boundary.end()) or places
        clause = (boundary.start(), len(sentence.text))
        return boundary.start(), [make_event(ctx, index, second, own[0], p, clause) for p in where]
    return None


def subordinate_events(
    ctx: Context, index: int, main: Trigger, date: DateMention, places: list[Place]
) -> list[EventRecord]:
    """A second event told in a subordinate clause with its own distance in days ("arrested 30 residents on
    2 June, a day after a bomb exploded near a checkpoint"): dated from the main event's day."""
    text = ctx.sentences[index].text
    boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(text, main.end)
    if boundary is None or date.precision != "day" or not places:
        return []
    gap = re.search(r"(?P<n>\w+) (?P<u>days?|weeks?) (?P<dir>after|before)", boundary.group(0), re.I)
    if gap is None:
        return []
    count = parse_number("1" if gap.group("n").lower() in {"a", "one"} else gap.group("n"))
    second = next(
        (
            t
            for t in find_triggers(ctx, index)
            if t.start >= boundary.end() and t.rule["event_type"] != main.rule["event_type"]
        ),
        None,
    )
    if second is None or count is None:
        return []
    days = int(count) * (7 if gap.group("u").lower().startswith("week") else 1)
    day = date.date - dt.timedelta(days=days if gap.group("dir").lower() == "after" else -days)
    sub_date = replace(date, date=day, date_end=None, relative=True)
    return [make_event(ctx, index, second, sub_date, place, clause=(boundary.start(), len(text))) for place in places]


def make_event(
    ctx: Context,
    index: int,
    trigger: Trigger,
    date: DateMention,
    place: Place | None,
    clause: tuple[int, int] | None = None,
) -> EventRecord:
    """One event record from a sentence (or one clause of it), its trigger, date and place."""
    sentence = ctx.sentences[index]
    rule = trigger.rule
    event_type, sub_type = rule["event_type"], rule["sub_event_type"]
    found = clause_actors(ctx, index, clause)
    if clause is None:
        boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(sentence.text, trigger.end)
        clause = (0, boundary.start() if boundary and not keeps_whole_sentence(trigger) else len(sentence.text))
    casualties = read_casualties(sentence.text[clause[0] : clause[1]])
    fatalities = casualties.fatalities
    sub_type = protest_sub_type(rule["id"], sub_type, sentence.text[clause[0] : clause[1]], fatalities)
    if rule["id"] == EXECUTION_RULE:
        fatalities = executed_count(sentence.text) or fatalities
    if sub_type == "Looting/property destruction" and fatalities:
        event_type, sub_type = "Violence against civilians", "Attack"
    if fatalities is None and (event_type == "Strategic developments" or sub_type in NO_TOLL_PROTESTS):
        fatalities = 0
    actor1, actor2 = assign_roles(
        sub_type,
        found,
        sentence.start + trigger.start,
        passive_agents(ctx.doc.text, found),
        targeted_state(ctx.doc.text, found),
    )
    if rule["id"] == EXECUTION_RULE:
        actor1, actor2 = execution_sides(actor1, actor2)
    civilian_harm = event_type == "Explosions/Remote violence" or sub_type == "Looting/property destruction"
    if not actor2 and civilian_harm and CIVILIAN_TARGET.search(sentence.text):
        actor2 = [ActorRef("civilians", "CIV")]
    if sub_type in {"Arrests", "Abduction/forced disappearance"}:
        actor1 = actor1 or context_agents(ctx, index)
        actor2 = actor2 or [ActorRef("civilians", "CIV")]  # people detained are civilians unless named otherwise
    date_end = date.date_end if date.date_end and date.date_end != date.date else None
    key = (place.admin1, place.admin3, place.location) if place else (None, None, None)
    record_id = make_id("evt", ctx.doc.doc_id, event_type, sub_type, date.date, *key, sentence.start)
    confidence = 0.8 if date.precision == "day" and place and place.geo_precision in (1, 2) else 0.6
    return EventRecord(
        record_id=record_id,
        doc_id=ctx.doc.doc_id,
        event_type=event_type,
        sub_event_type=sub_type,
        date=date.date,
        date_end=date_end,
        date_precision=date.precision,
        place=place,
        provenance=Provenance(COMPONENT, VERSION, confidence, rule["id"]),
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        fatalities_qualifier=casualties.qualifier,
        injuries=casualties.injuries,
        tags=event_tags(sentence.text),
        evidence=[Span(sentence.start, sentence.end, sentence.text)],
    )


def context_agents(ctx: Context, index: int) -> list[ActorRef]:
    """State forces named in the sentences just before in the same paragraph ("Police raided the office. Two
    staff were detained."): who arrested when the sentence names nobody."""
    paragraph = ctx.sentences[index].paragraph
    for j in range(index - 1, max(-1, index - 3), -1):
        if ctx.sentences[j].paragraph != paragraph:
            break
        state = [a for a in ctx.actors(j) if a.actor_id in STATE_SIDE]
        if state:
            return state[:1]
    return []


def fill_later_tolls(ctx: Context, events: list[EventRecord]) -> None:
    """A violent event told without a toll takes the count of the dead (and wounded) of the sentence right after
    its own when that sentence tells no day and no event of its own ("Jets bombed a concert in A Nang Pa on
    Sunday. Organisers said about 80 people were killed, ...")."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.fatalities is not None or event.event_type == "Strategic developments" or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[0].start)
        following = index + 1
        if following >= len(ctx.sentences) or event_dates(ctx, following):
            continue
        sentence = ctx.sentences[following]
        if any(span.start == sentence.start for other in events for span in other.evidence):
            continue  # the next sentence tells its own event (or is already evidence)
        if any(
            t.rule.get("violent") and t.rule["event_type"] != "Violence against civilians"
            for t in find_triggers(ctx, following)
        ):
            continue
        casualties = read_casualties(ctx.sentences[following].text)
        if casualties.fatalities is not None:
            event.fatalities, event.fatalities_qualifier = casualties.fatalities, casualties.qualifier
            event.injuries = event.injuries if event.injuries is not None else casualties.injuries
            event.evidence.append(Span(sentence.start, sentence.end, sentence.text))


def fill_zero_tolls(ctx: Context, events: list[EventRecord]) -> None:
    """An event without a toll takes 0 when one of the next two sentences, telling no day of its own, says
    nobody was hurt ("The regime said ... and that nobody was hurt")."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.fatalities is not None or event.event_type == "Strategic developments" or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[-1].start)
        for j in range(index + 1, min(index + 3, len(ctx.sentences))):
            if any(m.precision == "day" for m in event_dates(ctx, j)):
                break
            if ZERO.search(ctx.sentences[j].text):
                event.fatalities = 0
                break


def clause_actors(ctx: Context, index: int, clause: tuple[int, int] | None) -> list[ActorRef]:
    """The actors of the event's clause when a sentence tells two events and the clause names any ("a Karenni
    group attacked a police post ..., while junta jets bombed Mese"), else those of the whole sentence."""
    found = ctx.actors(index)
    if clause is None:
        return found
    start = ctx.sentences[index].start
    own = [a for a in found if a.span and clause[0] <= a.span.start - start < clause[1]]
    return own or found


def keeps_whole_sentence(trigger: Trigger) -> bool:
    """Clashes and strikes keep their whole sentence's casualties ("... after troops advanced, killing 3")."""
    return trigger.rule["event_type"] != "Strategic developments"


def event_tags(text: str) -> list[str]:
    """Weapon and target tags whose patterns match the sentence."""
    tags = load_vocabulary("tags")["tags"]
    return [tag for tag, patterns in tags.items() if any(compile_pattern(p).search(text) for p in patterns)]


@register_component(
    COMPONENT, VERSION, needs=("sentences", "dates", "places", "actors", "statistics"), adds=("events",)
)
def add_events(ctx: Context) -> None:
    """Code every event the document reports (rule-based, ACLED taxonomy)."""
    found: list[EventRecord] = []
    for index in range(len(ctx.sentences)):
        found.extend(build_events(ctx, index, found))
    fill_later_tolls(ctx, found)
    ctx.events = merge_duplicates(found)
    fill_zero_tolls(ctx, ctx.events)
