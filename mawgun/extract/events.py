"""Rule-based event extraction: a trigger lexicon (data/triggers.yaml) picks the ACLED sub-event type of a
sentence, filters drop background, habitual, hypothetical and quoted wording, and the sentence's dates,
places and actors fill the record. One sentence naming several places gives one event per place; the same
event told twice in a document becomes one record with two evidence spans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from mawgun.extract.actors import STATE_SIDE, as_coded_members
from mawgun.extract.annotators import is_title
from mawgun.extract.dates import DateMention
from mawgun.extract.event_actors import fill_actors_told_before
from mawgun.extract.event_clauses import clause_day, companion_triggers, own_day
from mawgun.extract.event_dates import (
    event_date,
    event_dates,
    is_background,
    is_caption,
    is_habitual,
    lead_detail,
    lead_place_told_next,
)
from mawgun.extract.event_details import (
    attach_details,
    attach_mention,
    attach_told_toll,
    attach_toll,
    fill_later_tolls,
    fill_zero_tolls,
)
from mawgun.extract.event_lists import dated_items, listed_places
from mawgun.extract.event_patterns import (
    CLAUSE_JOIN,
    CONSEQUENCE,
    COORDINATE,
    CRACKDOWN_RECODED,
    DEFINITE,
    LOCALE_ANAPHOR,
    PRISON,
    REFERS_BACK,
    REPORTING,
)
from mawgun.extract.event_places import (
    event_places,
    fill_places_told_before,
    fill_site_locations,
    fill_unit_locations,
    joins_places,
    stated_places,
)
from mawgun.extract.event_records import COMPONENT, VERSION, make_event
from mawgun.extract.event_tolls import (
    fill_first_day_tolls,
    fill_group_tolls,
    fill_headline_toll,
    fill_lead_toll,
    fill_toll_rises,
)
from mawgun.extract.event_triggers import Trigger, find_triggers, trigger_rules
from mawgun.extract.merge import merge_duplicates
from mawgun.extract.numbers import parse_number
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.places import find_places, is_state
from mawgun.extract.recoding import EXECUTION_RULE
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.model import ActorRef, EventRecord, Place


def is_anaphoric(ctx: Context, index: int, trigger: Trigger) -> bool:
    """A definite mention ("the attack", "in the fighting") with no date of its own: an event told before."""
    text = ctx.sentences[index].text
    if ctx.dates[index] or text[trigger.start : trigger.end].lower().endswith("ed"):
        return False
    return bool(DEFINITE.search(text[: trigger.start]))


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
    target.provenance.fields.update(event_type="events.tell_weapon", sub_event_type="events.tell_weapon")
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
    target.provenance.fields.update(
        event_type="events.tell_crackdown", sub_event_type="events.tell_crackdown", actor2="events.tell_crackdown"
    )
    target.evidence.extend(told.evidence)
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
    if is_title(ctx, index) or is_abroad(ctx, index) or is_caption(ctx, index) or attach_details(ctx, index, found):
        return []
    if attach_told_toll(ctx, index, found):
        return []
    itemised = itemised_events(ctx, index)
    if itemised:
        return itemised
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
        why = {"date": f"event_dates.event_date/{date.rule}"} if date is not None else {}
        if date is not None and violent and own_day(ctx, index, trigger, date) is not date:
            date, why["date"] = own_day(ctx, index, trigger, date), "event_clauses.own_day"
        if date is None or (violent and (is_habitual(ctx, index, trigger, date) or is_background(ctx, date))):
            continue
        if trigger.rule["sub_event_type"] == "Arrests" and is_habitual(ctx, index, trigger, date):
            continue  # "troops kept up raids and arrests across the township": a pattern, not one arrest
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
            why["place"] = "events.prison_place"
        own_days = [m for m in ctx.dates[index] if m.precision in {"day", "week"}]
        listed = listed_places(ctx, index) if (violent or trigger.rule.get("placed")) and own_days else []
        if len(listed) > len(places):
            places, why["place"] = listed, "event_lists.listed_places"
        if not places and violent and lead_detail(ctx, index) is not None:  # the lead's place, told next
            places, why["place"] = event_places(ctx, lead_detail(ctx, index) or 0)[:1], "event_dates.lead_detail"
        told_next = lead_place_told_next(ctx, index) if violent and all(is_state(p) for p in places) else None
        if told_next is not None:  # "... hit a school on Monday. The strike hit the village of X"
            places, why["place"] = event_places(ctx, told_next)[:1], "event_dates.lead_place_told_next"
        if not places and (violent or trigger.rule.get("placed")):
            continue
        if violent and not any(p.location for p in places) and place_of_anaphor(ctx, index, found):
            places, why["place"] = place_of_anaphor(ctx, index, found), "events.place_of_anaphor"
        if not places and violent:
            continue
        split = split_clauses(ctx, index, date, places) if violent else []
        if split:
            return split
        second = coordinated_events(ctx, index, trigger, date, places)
        clause = (0, second[0]) if second else None
        where: list[Place | None] = list(places) or [None]
        events = [make_event(ctx, index, trigger, date, place, clause, why) for place in where]
        extra = second[1] if second else subordinate_events(ctx, index, trigger, date, places)
        if not extra and violent:
            extra = companion_events(ctx, index, trigger, date, where, why)
        return events + extra
    return []


def itemised_events(ctx: Context, index: int) -> list[EventRecord]:
    """One event per dated item of a list after a head that names the events ("jets struck three places in May:
    on 2 May on village A ...; on 11 May on town B ..."): the head's violent trigger, each item's day and place.
    The head's count is not itself an event."""
    begin, items = dated_items(ctx, index)
    if not items:
        return []
    head = ctx.sentences[index].text[:begin]
    for rule in trigger_rules():
        match = next((m for p in rule["patterns"] for m in compile_pattern(p).finditer(head)), None)
        if rule.get("violent") and match is not None:
            trigger = Trigger(rule, match.start(), match.end())
            why = {"date": "event_lists.dated_items", "place": "event_lists.dated_items"}
            return [make_event(ctx, index, trigger, day, place, span, why) for day, place, span in items]
    return []


def companion_events(
    ctx: Context, index: int, main: Trigger, date: DateMention, where: list[Place | None], why: dict[str, str]
) -> list[EventRecord]:
    """Events told beside the main one in the same sentence ("seized the town, prompting the junta to launch air
    strikes"): one record per companion trigger and place, on its clause's own day when it has one."""
    events: list[EventRecord] = []
    text = ctx.sentences[index].text
    for trigger in companion_triggers(ctx, index, main, {main.rule["sub_event_type"]}):
        day = clause_day(ctx, index, trigger, main, date)
        clause = (trigger.start, len(text)) if trigger.start > main.start else (0, main.start)
        own = dict(why, date="event_clauses.clause_day") if day is not date else why
        events.extend(make_event(ctx, index, trigger, day, place, clause, own) for place in where)
    return events


def is_abroad(ctx: Context, index: int) -> bool:
    """A sentence that opens by placing itself in another country ("In Indonesia, soldiers killed ..."): no
    event in Myanmar (lang/<language>/foreign.yaml `abroad_lead`)."""
    return bool(compile_pattern(load_vocabulary("foreign")["abroad_lead"], 0).search(ctx.sentences[index].text))


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
        if joins_places(ctx, index, boundary.start(), boundary.end()):
            continue  # "airstrikes on Namtu and Kutkai townships, killing three": one list of places, one clause
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
        earlier_days = [m for m in event_dates(ctx, index) if m.start < cut and m.precision == "day" and not m.report]
        first_day = earlier_days[0] if earlier_days else date
        why = {"place": "events.split_clauses", "date": "events.split_clauses"}
        first = [make_event(ctx, index, before[0], first_day, p, (0, boundary.start()), why) for p in own]
        clause = (boundary.start(), len(sentence.text))
        day = later_days[0] if later_days else date
        return first + [make_event(ctx, index, after[0], day, p, clause, why) for p in later]
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
                and not CONSEQUENCE.search(sentence.text[: t.start])
                and (t.rule["event_type"] != main.rule["event_type"] or own[0].date != date.date)
            ),
            None,
        )
        if second is None:
            continue
        where = event_places(ctx, index, after=sentence.start + boundary.end()) or places
        clause = (boundary.start(), len(sentence.text))
        why = {"date": "events.coordinated_events"}
        return boundary.start(), [make_event(ctx, index, second, own[0], p, clause, why) for p in where]
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
    why = {"date": "events.subordinate_events"}
    return [make_event(ctx, index, second, sub_date, place, (boundary.start(), len(text)), why) for place in places]


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
    fill_places_told_before(ctx, ctx.events)
    fill_unit_locations(ctx, ctx.events)
    fill_site_locations(ctx, ctx.events)
    fill_actors_told_before(ctx, ctx.events)
    fill_headline_toll(ctx, ctx.events)
    fill_lead_toll(ctx, ctx.events)
    fill_group_tolls(ctx, ctx.events)
    fill_toll_rises(ctx, ctx.events)
    fill_first_day_tolls(ctx, ctx.events)
    fill_zero_tolls(ctx, ctx.events)
    for event in ctx.events:  # actors carried from other sentences too: an alliance without a code as its members
        event.actor1, event.actor2 = (
            as_coded_members(event.actor1, event.date),
            as_coded_members(event.actor2, event.date),
        )
