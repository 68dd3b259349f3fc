"""Clause-level events: a sentence that tells several events of different kinds ("seized the town, prompting
the junta to launch air strikes", "fired artillery and conducted airstrikes", "arrested 140 villagers and
torched 100 houses") gives one record per event, each on the clause's own day when it has one.

Which rules may add such a second event is data (`companion: true` in `lang/<language>/triggers.yaml`): the
actions a coder counts as events of their own. Consequences ("killing three civilians", "explosions were
heard", "soldiers were killed") stay part of the event that caused them, and fighting named as the setting of
another event ("despite repeated shelling", "after 20 days of fighting") is context, not a second event.
"""

from __future__ import annotations

import re
from typing import Any

from mawgun.extract.dates import DateMention
from mawgun.extract.event_dates import event_dates
from mawgun.extract.event_patterns import CONTEXT_NOUN
from mawgun.extract.event_triggers import Trigger, find_triggers
from mawgun.extract.pipeline import Context
from mawgun.extract.vocab import compile_pattern, load_vocabulary

INSTRUMENT_LIST = re.compile(r"\b(?:with|using)\s+(?:[\w-]+\s+){0,4}?(?:and|or)\s+(?:heavy\s+|long-range\s+)?$", re.I)
SETTING = re.compile(
    r"\b(?:after|amid|amidst|following|during|despite|in spite of|since|before|because of|due to)\s+[^,;]{0,80}$", re.I
)
# "weeks of battles", "decades of fighting": the setting of an event, not an event
DURATION = re.compile(r"\b(?:hours|days|weeks|months|years|decades) of\s+(?:[\w-]+\s+){0,2}$", re.I)
CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|while|whereas|but)\s")
TERRITORY = {"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}


def companion_triggers(ctx: Context, index: int, main: Trigger, told: set[str]) -> list[Trigger]:
    """Triggers of the sentence that tell an event of their own beside `main`: a rule marked `companion`, of a
    sub-event type not yet told by the sentence (`told`), not overlapping another trigger, not overridden by
    `main` (nor overriding it), not named as the setting of the main event, and not a second territorial change."""
    text = ctx.sentences[index].text
    chosen: list[Trigger] = []
    seen = set(told)
    for trigger in find_triggers(ctx, index):
        rule = trigger.rule
        if trigger is main or not rule.get("companion") or not main.rule.get("companion"):
            continue
        if rule["sub_event_type"] in seen or overlaps(trigger, [main, *chosen]) or told_by(text, main.rule, trigger):
            continue
        if related(main.rule, rule) or (rule["sub_event_type"] in TERRITORY and seen & TERRITORY):
            continue
        if is_setting(text, trigger) or in_subordinate(text, main, trigger):
            continue
        if same_battle(ctx, index, main, trigger):
            continue
        chosen.append(trigger)
        seen.add(rule["sub_event_type"])
    return chosen


def same_battle(ctx: Context, index: int, main: Trigger, trigger: Trigger) -> bool:
    """Fighting named by a bare noun beside a change of territory, with no place and no day of its own in its
    clause ("overran the army's outposts around Hsenwi on 27 October, and that fighting was continuing"): the
    battle the capture ended or belongs to, one event, not a second clash. Fighting with a place of its own
    ("while fighting continued in Lashio") or a later day stays a clash."""
    text = ctx.sentences[index].text
    words = text[trigger.start : trigger.end]
    if main.rule["sub_event_type"] not in TERRITORY or trigger.rule["sub_event_type"] != "Armed clash":
        return False
    if not CONTEXT_NOUN.match(words) or trigger.start < main.start:
        return False
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
    begin = max((b for b in breaks if b < trigger.start), default=0)
    end = min((b for b in breaks if b >= trigger.end), default=len(text))
    start = ctx.sentences[index].start
    placed = any(p.span and begin <= p.span.start - start < end for p in ctx.places(index))
    dated = any(begin <= m.start - start < end for m in ctx.dates[index] if not m.report)
    return not placed and not dated


def overlaps(trigger: Trigger, others: list[Trigger]) -> bool:
    """True when the trigger's words are (part of) another trigger's ("aerial bombardment" and "bombardment")."""
    return any(trigger.start < o.end and o.start < trigger.end for o in others)


def told_by(text: str, rule: dict[str, Any], trigger: Trigger) -> bool:
    """The main rule also reads the companion's words as part of its own event ("attacked a junta outpost ... with
    drones" is one drone strike, not a strike and a clash)."""
    return any(
        m.start() < trigger.end and trigger.start < m.end()
        for pattern in rule["patterns"]
        for m in compile_pattern(pattern).finditer(text)
    )


def related(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One rule overrides the other: they read the same words two ways, only one is meant."""
    return a["id"] in b.get("overrides", ()) or b["id"] in a.get("overrides", ())


def is_setting(text: str, trigger: Trigger) -> bool:
    """Fighting named as a noun after "after", "amid", "despite", "during", ... : the setting of the sentence's
    event, not one told here."""
    words = text[trigger.start : trigger.end]
    if not CONTEXT_NOUN.match(words) and INSTRUMENT_LIST.search(text[max(0, trigger.start - 60) : trigger.start]):
        return True  # "attacked the outpost with drones and artillery": the weapons of one attack
    before = text[: trigger.start]
    return bool(CONTEXT_NOUN.match(words) and (SETTING.search(before) or DURATION.search(before)))


def in_subordinate(text: str, main: Trigger, trigger: Trigger) -> bool:
    """The trigger sits in a clause opened by "after", "before" or "following" after the main one ("set fire to
    houses after clashing with a PDF unit"): it tells how the main event came about, and a distance in days
    there is read by the subordinate-event rule instead."""
    boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(text, main.end)
    return boundary is not None and trigger.start >= boundary.start()


def clause_day(ctx: Context, index: int, trigger: Trigger, main: Trigger, date: DateMention) -> DateMention:
    """The companion's day: a day told after it and before the next trigger ("seized the base on Monday and
    shelled the town on Tuesday"; "began attacking the town on 15 January and seized it on 12 February"), else
    the main event's."""
    start = ctx.sentences[index].start
    later = [t.start for t in find_triggers(ctx, index) if t.start > trigger.start]
    limit = main.start if trigger.start < main.start else min(later, default=len(ctx.sentences[index].text))
    own = [
        m
        for m in event_dates(ctx, index)
        if m.precision == "day" and trigger.end <= m.start - start < limit and not m.report
    ]
    return own[0] if own else date


def own_day(ctx: Context, index: int, trigger: Trigger, date: DateMention) -> DateMention:
    """The main event's day when its sentence tells an earlier trigger with a day of its own before it ("began
    attacking the town on 15 January and seized it on 12 February": the capture is 12 February; "attacked on 9
    November and, five months later, on 9 April, declared free": the last of the days told in between)."""
    start = ctx.sentences[index].start
    if date.start - start >= trigger.start or not any(t.start < trigger.start for t in find_triggers(ctx, index)):
        return date
    later = [t.start for t in find_triggers(ctx, index) if t.start > trigger.start]
    limit = min(later, default=len(ctx.sentences[index].text))
    days = [m for m in event_dates(ctx, index) if m.precision == "day" and not m.report]
    own = [m for m in days if trigger.end <= m.start - start < limit]
    if own:
        return own[0]
    # "launched its attack on Falam on 5 November and by 7 April had taken the base": the last day told between
    # the earlier trigger and this one, when the earlier one has a day of its own before it
    earlier = max(t.end for t in find_triggers(ctx, index) if t.start < trigger.start)
    between = [m for m in days if earlier <= m.start - start < trigger.start]
    return between[-1] if len(between) > 1 else date
