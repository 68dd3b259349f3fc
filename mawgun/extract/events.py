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

from mawgun.extract.actors import assign_roles
from mawgun.extract.annotators import carried_admin1, is_headline, is_title
from mawgun.extract.dates import DateMention
from mawgun.extract.fatalities import read_casualties
from mawgun.extract.numbers import parse_number
from mawgun.extract.pipeline import Context, register_component
from mawgun.extract.places import is_state, with_admin1
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
CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although)\b|;|\s+but\s+")
SPECIFIC = {"village": 0, "ward": 0, "camp": 0, "village_tract": 1, "town": 2, "township": 2, "district": 3}
WEAK_LEVELS = {"village", "ward", "village_tract", "camp"}
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
    """The first surviving match of each trigger rule in sentence `index`, highest priority first."""
    text = ctx.sentences[index].text
    quotes = quoted_spans(text)
    near = int(load_vocabulary("triggers").get("near_chars", 70))
    found = []
    for rule in trigger_rules():
        if rule.get("violent") and index in ctx.aggregate:
            continue
        hit = next(
            (
                m
                for p in rule["patterns"]
                for m in compile_pattern(p).finditer(text)
                if trigger_ok(text, m, rule, quotes, near)
            ),
            None,
        )
        if hit is not None:
            found.append(Trigger(rule, hit.start(), hit.end()))
    boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(text)
    if boundary and any(t.start < boundary.start() for t in found):  # main-clause triggers first
        return sorted(found, key=lambda t: t.start >= boundary.start())
    return found


def trigger_ok(text: str, match: re.Match[str], rule: dict[str, Any], quotes: list[tuple[int, int]], near: int) -> bool:
    """Filters: not quoted speech, not hypothetical/prescriptive, not negated, its object nearby if required."""
    cues = load_vocabulary("cues")
    if any(s <= match.start() < e for s, e in quotes):
        return False
    before = text[max(0, match.start() - int(cues["modal_window"])) : match.start()]
    if compile_pattern(cues["modal"], 0).search(before):
        return False
    if compile_pattern(cues["negation"]).search(text[max(0, match.start() - 25) : match.start()]):
        return False
    if rule.get("violent") and re.search(r"\bsince\s+(?:the\s+)?$", text[: match.start()], re.I):
        return False
    needs = rule.get("needs_near")
    if needs:
        window = text[max(0, match.start() - near) : match.end() + near]
        if not compile_pattern(needs).search(window):
            return False
    return True


def event_date(ctx: Context, index: int, rule: dict[str, Any]) -> DateMention | None:
    """The event's date: the first usable date in its sentence, else the last one earlier in its paragraph
    (ranges opened by "since" excepted), else for a lead the first day told in the next sentences, else the day
    the sentence says it was reported (week precision), else (statements, talks, agreements) publication."""
    usable = event_dates(ctx, index)
    if usable:
        return usable[0]
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
            if later and ANAPHOR.search(ctx.sentences[j].text):
                return later[0]
    reported = [m for m in ctx.dates[index] if m.report]
    if reported:  # "the group said on Wednesday it had captured ...": the day it was told, a week's precision
        return replace(reported[0], precision="week")
    if ctx.published and not rule.get("violent"):
        return DateMention(0, 0, "", ctx.published, "week", "publication", ctx.published, True)
    return None


def is_background(ctx: Context, date: DateMention) -> bool:
    """A month- or year-dated event told long before publication: background, not the news."""
    if date.precision == "day" or ctx.published is None:
        return False
    return (ctx.published - date.date).days > int(load_vocabulary("cues")["background_days"])


def event_dates(ctx: Context, index: int) -> list[DateMention]:
    """Date mentions of a sentence that can date an event (not "since the coup", not a year alone, not the
    day a statement was made: "residents said on Wednesday")."""
    return [m for m in ctx.dates[index] if m.rule != "coup" and m.precision != "year" and not m.report]


def is_lead(ctx: Context, index: int) -> bool:
    """True for one of the first three sentences of the body (title-like lines excluded)."""
    body = [i for i, s in enumerate(ctx.sentences[: index + 1]) if not is_headline(s.text)]
    return len(body) <= 3


def is_habitual(ctx: Context, index: int, trigger: Trigger, date: DateMention) -> bool:
    """Wording of a pattern rather than one event (in the trigger's own clause), or a hypothetical, with no
    single day to pin it to."""
    if date.precision == "day":
        return False
    text = ctx.sentences[index].text
    cues = load_vocabulary("cues")
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    start = max(b for b in bounds if b <= trigger.start)
    end = min(b for b in bounds if b > trigger.start)
    clause = text[start:end]
    return bool(compile_pattern(cues["habitual"]).search(clause) or compile_pattern(cues["modal"], 0).search(text))


def event_places(ctx: Context, index: int) -> list[Place]:
    """One place per event the sentence reports: listed villages or townships each get their own event;
    several states alone each get one; a place's missing state comes from the sentence or from before."""
    found = ctx.places(index)
    states = [p for p in found if is_state(p)]
    state_here = states[0].admin1 if states else None
    carried = state_here or carried_admin1(ctx, index)
    local = [p for p in found if not is_state(p)]
    context = {s.admin1 for s in states} if states else {carried}
    local = [consistent(p, context, local) for p in local]
    if local:
        best = min(SPECIFIC.get(p.level or "", 2) for p in local)
        chosen = listed_group([p for p in local if SPECIFIC.get(p.level or "", 2) == best], ctx.doc.text)
        return [with_admin1(fill_township(as_written(p), local), carried) for p in chosen]
    if states:
        unique = {p.admin1: p for p in states}
        return [Place(admin1=name, geo_precision=3, span=p.span) for name, p in unique.items()]
    return [Place(admin1=carried, geo_precision=3)] if carried else []


def consistent(place: Place, context: set[str | None], others: list[Place]) -> Place:
    """A place the gazetteer put in another state than the one in context (named in the sentence, else carried)
    keeps only its name as written when it is a mere village or another place agrees with the context: the
    gazetteer picked a namesake elsewhere."""
    context.discard(None)
    if not context or place.admin1 is None or place.admin1 in context:
        return place
    if place.level in WEAK_LEVELS or any(p.admin1 in context for p in others):
        written = place.span.text if place.span else place.location
        return Place(location=written, geo_precision=1, level=place.level, span=place.span)
    return place


def listed_group(places: list[Place], text: str) -> list[Place]:
    """The first place, plus those listed right after it ("Hpruso, Loikaw, Demoso and Shadaw")."""
    group = [places[0]]
    for place in places[1:]:
        prev = group[-1]
        if not (prev.span and place.span):
            break
        gap = text[prev.span.end : place.span.start]
        if not re.fullmatch(r"(?:\s+(?:[Vv]illages?|[Tt]ownships?))?\s*(?:,\s*)?(?:and\s+)?", gap):
            break
        if (place.admin3, place.location) != (prev.admin3, prev.location):
            group.append(place)
    return group


def as_written(place: Place) -> Place:
    """A mention the gazetteer could only place at township level ("Pa Zi Gyi Village" -> Kanbalu) keeps the
    name as written as its location."""
    if place.span and place.location and place.level in {"township", "district"}:
        written = place.span.text
        if re.sub(r"[^a-z]", "", written.lower()) != re.sub(r"[^a-z]", "", place.location.lower()):
            return replace(place, location=written)
    return place


def fill_township(place: Place, local: list[Place]) -> Place:
    """A village's township from a township named in the same sentence when the geocoder gave none."""
    if place.admin3:
        return place
    township = next((p for p in local if p.level == "township" and p.admin3), None)
    return replace(place, admin3=township.admin3, admin1=place.admin1 or township.admin1) if township else place


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
        date = event_date(ctx, index, trigger.rule)
        if date is None or (violent and (is_habitual(ctx, index, trigger, date) or is_background(ctx, date))):
            continue
        if trigger.rule["event_type"] == "Protests":
            places = [p for p in event_places(ctx, index) if p.span] if stated_places(ctx, index) else []
        else:
            places = event_places(ctx, index) if violent else stated_places(ctx, index)
        if not places and violent:
            continue
        events = [make_event(ctx, index, trigger, date, place) for place in places or [None]]
        return events + subordinate_events(ctx, index, trigger, date, places)
    return []


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
    count = parse_number("1" if gap and gap.group("n").lower() in {"a", "one"} else gap.group("n")) if gap else None
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


def stated_places(ctx: Context, index: int) -> list[Place]:
    """Places a non-violent event's own sentence names (statements are not placed by context)."""
    found = [p for p in ctx.places(index) if p.admin1 or p.location]
    return found[:1]


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
    if clause is None:
        boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(sentence.text, trigger.end)
        clause = (0, boundary.start() if boundary and not keeps_whole_sentence(trigger) else len(sentence.text))
    casualties = read_casualties(sentence.text[clause[0] : clause[1]])
    fatalities = casualties.fatalities
    if sub_type == "Looting/property destruction" and fatalities:
        event_type, sub_type = "Violence against civilians", "Attack"
    if fatalities is None and event_type == "Strategic developments":
        fatalities = 0
    actor1, actor2 = assign_roles(sub_type, ctx.actors(index))
    if not actor2 and event_type == "Explosions/Remote violence" and CIVILIAN_TARGET.search(sentence.text):
        actor2 = [ActorRef("civilians", "CIV")]
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


def keeps_whole_sentence(trigger: Trigger) -> bool:
    """Clashes and strikes keep their whole sentence's casualties ("... after troops advanced, killing 3")."""
    return trigger.rule["event_type"] != "Strategic developments"


def event_tags(text: str) -> list[str]:
    """Weapon and target tags whose patterns match the sentence."""
    tags = load_vocabulary("tags")["tags"]
    return [tag for tag, patterns in tags.items() if any(compile_pattern(p).search(text) for p in patterns)]


def same_event(a: EventRecord, b: EventRecord) -> bool:
    """Two reports in one document of the same event: same type, day and state, compatible place."""
    if (a.event_type, a.sub_event_type, a.date) != (b.event_type, b.sub_event_type, b.date):
        return False
    pa, pb = a.place or Place(), b.place or Place()
    if pa.admin1 != pb.admin1:
        return False
    if pa.admin3 and pb.admin3 and pa.admin3 != pb.admin3:
        return False
    na, nb = place_names(pa), place_names(pb)
    return not na or not nb or bool(na & nb)


def place_names(place: Place) -> set[str]:
    """A place's most specific name, as the gazetteer spells it and as the text wrote it (compared loosely)."""
    if place.location is None:
        return set()
    names = {place.location, place.span.text if place.span else ""}
    return {re.sub(r"[^a-z0-9]", "", n.lower()) for n in names if n}


def merge_into(kept: EventRecord, later: EventRecord) -> None:
    """Fold a later report of the same event into the kept one: evidence added, gaps filled, a later
    casualty figure replacing an earlier one (corrections come later in a text)."""
    kept.evidence.extend(later.evidence)
    if later.fatalities is not None and (kept.fatalities is None or later.fatalities > 0):
        kept.fatalities, kept.fatalities_qualifier = later.fatalities, later.fatalities_qualifier
    if later.injuries is not None:
        kept.injuries = later.injuries
    if kept.place is None or (later.place and (later.place.geo_precision or 3) < (kept.place.geo_precision or 3)):
        kept.place = later.place
    kept.actor1 = kept.actor1 or later.actor1
    kept.actor2 = kept.actor2 or later.actor2
    kept.tags = sorted(set(kept.tags) | set(later.tags))


def merge_duplicates(events: list[EventRecord]) -> list[EventRecord]:
    """One record per event in a document, in order of first mention."""
    kept: list[EventRecord] = []
    for event in events:
        match = next((k for k in kept if same_event(k, event)), None)
        if match is None:
            kept.append(event)
        else:
            merge_into(match, event)
    return kept


@register_component(
    COMPONENT, VERSION, needs=("sentences", "dates", "places", "actors", "statistics"), adds=("events",)
)
def add_events(ctx: Context) -> None:
    """Code every event the document reports (rule-based, ACLED taxonomy)."""
    found: list[EventRecord] = []
    for index in range(len(ctx.sentences)):
        found.extend(build_events(ctx, index, found))
    ctx.events = merge_duplicates(found)
