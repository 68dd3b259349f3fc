"""Building one event record from a sentence (or a clause of it): its type, date, place, actors and toll, with
per-field provenance: `Provenance.fields` names the rule that set each field ("date": "dates.dmy",
"place": "event_lists.listed_places", "fatalities": "fatalities.read_casualties"), and later steps that change a
field (merging, tolls told later, recodings) overwrite its entry, so `mawgun events explain` can say why."""

from __future__ import annotations

from mawgun.extract.actors import (
    STATE_SIDE,
    as_coded_members,
    assign_roles,
    passive_agents,
    targeted_state,
    without_onlookers,
)
from mawgun.extract.dates import DateMention
from mawgun.extract.event_details import event_tags
from mawgun.extract.event_patterns import CIVILIAN_TARGET, NO_TOLL_PROTESTS
from mawgun.extract.event_triggers import Trigger, event_clauses
from mawgun.extract.fatalities import read_casualties
from mawgun.extract.pipeline import Context
from mawgun.extract.recoding import (
    CAPTURE,
    EXECUTION_RULE,
    arrest_sides,
    capture_sub_type,
    executed_count,
    execution_sides,
    protest_sub_type,
    state_sides,
    transfer_sides,
)
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.ids import make_id
from mawgun.model import ActorRef, EventRecord, Place, Provenance, Span

COMPONENT = "events.rules"
VERSION = "0.1.0"


def make_event(
    ctx: Context,
    index: int,
    trigger: Trigger,
    date: DateMention,
    place: Place | None,
    clause: tuple[int, int] | None = None,
    why: dict[str, str] | None = None,
) -> EventRecord:
    """One event record from a sentence (or one clause of it), its trigger, date and place; `why` names the rules
    that chose the date and the place when not the default ones."""
    sentence = ctx.sentences[index]
    rule = trigger.rule
    event_type, sub_type = rule["event_type"], rule["sub_event_type"]
    fields = {"event_type": rule["id"], "sub_event_type": rule["id"], "date": f"dates.{date.rule}"}
    fields["place"] = "event_places.event_places"
    fields.update(why or {})
    found = without_onlookers(event_type, clause_actors(ctx, index, clause))
    if clause is None and index in ctx.aggregate:  # a tally beside the event: only the event's own clause counts
        clause = next(((a, b) for a, b in event_clauses(ctx, index) if a <= trigger.start < b), None)
    if clause is None:
        boundary = compile_pattern(load_vocabulary("cues")["subordinate"]).search(sentence.text, trigger.end)
        clause = (0, boundary.start() if boundary and not keeps_whole_sentence(trigger) else len(sentence.text))
    casualties = read_casualties(sentence.text[clause[0] : clause[1]])
    fatalities = casualties.fatalities
    fields["fatalities"] = "fatalities.read_casualties"
    told_sub_type = sub_type
    sub_type = protest_sub_type(rule["id"], sub_type, sentence.text[clause[0] : clause[1]], fatalities)
    if sub_type != told_sub_type:
        fields["sub_event_type"] = "recoding.protest_sub_type"
    if rule["id"] == EXECUTION_RULE:
        fatalities = executed_count(sentence.text) or fatalities
        fields["fatalities"] = "recoding.executed_count"
    if sub_type == "Looting/property destruction" and fatalities:
        event_type, sub_type = "Violence against civilians", "Attack"
        fields["event_type"] = fields["sub_event_type"] = "events.arson_with_deaths"
    if fatalities is None and (event_type == "Strategic developments" or sub_type in NO_TOLL_PROTESTS):
        fatalities = 0
        fields["fatalities"] = "events.no_toll_is_zero"
    passive = passive_agents(ctx.doc.text, found)
    at, end = sentence.start + trigger.start, sentence.start + trigger.end
    if sub_type == CAPTURE and capture_sub_type(ctx.doc.text, at, end, found, passive) != CAPTURE:
        sub_type, fields["sub_event_type"] = capture_sub_type(ctx.doc.text, at, end, found, passive), "recoding.capture"
    actor1, actor2 = assign_roles(
        sub_type,
        found,
        sentence.start + trigger.start,
        passive,
        targeted_state(ctx.doc.text, found),
    )
    fields["actor1"] = fields["actor2"] = "actors.assign_roles"
    sides = transfer_sides(ctx.doc.text, found, actor1) if sub_type == "Non-violent transfer of territory" else None
    if sides is not None:
        (actor1, actor2), fields["actor1"], fields["actor2"] = (
            sides,
            "recoding.transfer_sides",
            "recoding.transfer_sides",
        )
    if rule["id"] == EXECUTION_RULE:
        actor1, actor2 = execution_sides(actor1, actor2)
        fields["actor1"] = fields["actor2"] = "recoding.execution_sides"
    if rule.get("state_acts"):
        actor1, actor2 = state_sides(actor1, actor2)
        fields["actor1"] = fields["actor2"] = "recoding.state_sides"
    civilian_harm = event_type == "Explosions/Remote violence" or sub_type == "Looting/property destruction"
    if not actor2 and civilian_harm and CIVILIAN_TARGET.search(sentence.text):
        actor2 = [ActorRef("civilians", "CIV")]
        fields["actor2"] = "events.civilian_target"
    if sub_type == "Arrests":
        at, end = sentence.start + trigger.start, sentence.start + trigger.end
        actor1, actor2 = arrest_sides(ctx.doc.text, at, end, actor1, actor2)
        fields["actor1"] = fields["actor2"] = "recoding.arrest_sides"
    if sub_type in {"Arrests", "Abduction/forced disappearance"}:
        if not actor1:
            actor1, fields["actor1"] = context_agents(ctx, index), "events.context_agents"
        if not actor2:  # people detained are civilians unless named otherwise
            actor2, fields["actor2"] = [ActorRef("civilians", "CIV")], "events.detainees_are_civilians"
    actor1, actor2 = as_coded_members(actor1, date.date), as_coded_members(actor2, date.date)
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
        provenance=Provenance(COMPONENT, VERSION, confidence, rule["id"], fields),
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
