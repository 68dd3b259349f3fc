"""Attaching later details to events already found: mentions, weapons' tolls, later and zero tolls, tags."""

from __future__ import annotations

import re
from dataclasses import replace

from mawgun.extract.event_dates import event_dates
from mawgun.extract.event_patterns import ANAPHOR, TOLL_OF_TOLD
from mawgun.extract.event_places import event_places
from mawgun.extract.event_triggers import Trigger, find_triggers
from mawgun.extract.fatalities import ZERO, read_casualties
from mawgun.extract.merge import merge_into
from mawgun.extract.pipeline import Context
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.model import EventRecord, Span


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
    are taken when more precise, and the count of the dead it gives when the event had none or a lower one)."""
    if not found or not ANAPHOR.search(ctx.sentences[index].text):
        return False
    target = found[-1]
    sentence = ctx.sentences[index]
    day = next((m for m in event_dates(ctx, index) if m.precision == "day"), None)
    if day and target.date_precision != "day":
        target.date, target.date_precision = day.date, "day"
        target.provenance.fields["date"] = "event_details.attach_details"
    cause = CAUSE.search(sentence.text)  # "in retaliation for an attack on the outpost near Laiza": another event
    cut = sentence.start + cause.start() if cause else sentence.end
    places = [p for p in event_places(ctx, index) if p.span is None or p.span.start < cut]
    later = replace(
        target, evidence=[Span(sentence.start, sentence.end, sentence.text)], place=places[0] if places else None
    )
    casualties = read_casualties(sentence.text)  # "the bombing came at noon, when a jet hit the village, killing 40"
    if casualties.fatalities:
        later.fatalities, later.fatalities_qualifier = casualties.fatalities, casualties.qualifier
    merge_into(target, later)
    return True


CAUSE = re.compile(r"\b(?:in retaliation for|in revenge for|to avenge|in response to)\b", re.I)


def attach_told_toll(ctx: Context, index: int, found: list[EventRecord]) -> bool:
    """A sentence with no day of its own that counts the dead or hurt "in the attack", "during the shelling": the
    toll of the event told just before (same or previous paragraph), added to it as evidence, never a second
    event. True when applied."""
    sentence = ctx.sentences[index]
    if not found or event_dates(ctx, index) or not TOLL_OF_TOLD.search(sentence.text):
        return False
    target = found[-1]
    told_at = max(span.start for span in target.evidence)
    paragraphs = {s.paragraph for s in ctx.sentences if s.start == told_at}
    if not paragraphs or sentence.paragraph - min(paragraphs) > 1:
        return False
    casualties = read_casualties(sentence.text)
    if target.fatalities is None and casualties.fatalities is not None:
        target.fatalities, target.fatalities_qualifier = casualties.fatalities, casualties.qualifier
        target.provenance.fields["fatalities"] = "event_details.attach_told_toll"
    if target.injuries is None and casualties.injuries is not None:
        target.injuries = casualties.injuries
    target.evidence.append(Span(sentence.start, sentence.end, sentence.text))
    return True


def attach_toll(ctx: Context, index: int, trigger: Trigger, found: list[EventRecord]) -> bool:
    """A sentence right after an event's that only counts its dead ("Volunteers said about 20 people were
    killed"): no day, no place and no armed actor of its own. Its toll goes to that event. True when applied."""
    if trigger.rule["id"] == COMBATANTS_KILLED:
        return attach_combatant_toll(ctx, index, found)
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
    target.provenance.fields["fatalities"] = "event_details.attach_toll"
    target.injuries = target.injuries if target.injuries is not None else casualties.injuries
    target.evidence.append(Span(sentence.start, sentence.end, sentence.text))
    return True


COMBATANTS_KILLED = "clash.combatants_killed"


def attach_combatant_toll(ctx: Context, index: int, found: list[EventRecord]) -> bool:
    """A sentence one or two after a clash's that only counts fighters killed ("The group said three of its
    members died."): no day and no place of its own. It is that clash's, as more evidence; its count is
    the clash's toll only when the clash had none. True when applied."""
    target = found[-1] if found else None
    if target is None or target.event_type != "Battles" or any(p.location for p in ctx.places(index)):
        return False
    told = {span.start for span in target.evidence}
    before = [ctx.sentences[j] for j in range(max(0, index - 2), index)]  # the clash's sentence or the one after it
    if not any(s.start in told for s in before):
        return False
    casualties = read_casualties(ctx.sentences[index].text)
    if casualties.fatalities is None:
        return False
    if target.fatalities is None:
        target.fatalities, target.fatalities_qualifier = casualties.fatalities, casualties.qualifier
        target.provenance.fields["fatalities"] = "event_details.attach_combatant_toll"
    sentence = ctx.sentences[index]
    target.evidence.append(Span(sentence.start, sentence.end, sentence.text))
    return True


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
            event.provenance.fields["fatalities"] = "event_details.fill_later_tolls"
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
                event.provenance.fields["fatalities"] = "event_details.fill_zero_tolls"
                break


def event_tags(text: str) -> list[str]:
    """Weapon and target tags whose patterns match the sentence."""
    tags = load_vocabulary("tags")["tags"]
    return [tag for tag, patterns in tags.items() if any(compile_pattern(p).search(text) for p in patterns)]
