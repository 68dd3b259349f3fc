"""Actors for events: the actor registry (`mawgun.actors`, required: a missing or unreadable registry is an error,
never a silent change of results), joined by role cues from `lang/en/actors.yaml` (the junta and its weapons = MIL,
victims = CIV, unnamed resistance = ERO). Also decides who is actor1 (acts) and actor2 (target/other side)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from mawgun.extract.places import MissingResourceError
from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.model import ActorRef, Span

STATE_SIDE = {"MIL", "POL", "PSH", "BGF"}
AGENT_FIRST = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Attack",
    "Arrests",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Looting/property destruction",
    "Government regains territory",
    "Excessive force against protesters",
}

VICTIMS_FIRST = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
ONE_SIDED = {"Headquarters or base established", "Change to group/activity"}


@lru_cache(maxsize=1)
def get_registry() -> Any:
    """The project's actor registry; raises MissingResourceError naming what is missing when it cannot be loaded."""
    try:
        from mawgun.actors import get_registry as load
    except ImportError as exc:
        raise MissingResourceError(
            f"extraction needs the actor registry package mawgun.actors, which cannot be imported: {exc}"
        ) from exc
    try:
        return load()
    except (OSError, ValueError, KeyError) as exc:
        raise MissingResourceError(
            f"extraction needs the actor registry (mawgun/actors data), which cannot be read: {exc}"
        ) from exc


def find_actors(text: str, start: int, end: int, on_date: dt.date | None) -> list[ActorRef]:
    """Actors named in text[start:end], in order of appearance (spans are document offsets)."""
    found = list(get_registry().find_actors(text[start:end], start, on_date))
    found.extend(role_cues(text, start, end, found))
    found = [a for a in found if not is_own_forces(text, a)]
    return sorted(found, key=lambda a: a.span.start if a.span else 0)


OWN_FORCES = re.compile(r"\b(?:its|their|our|the group[’']s|the ministry[’']s)\s+(?:own\s+)?$", re.I)
INSTALLATION = re.compile(
    r"^(?:[’']s?)?\s+(?:(?!(?:from|at|in|on|near|to|of|with|inside|around|outside|and)\b)(?![\w-]+(?:ed|ing)\b)"
    r"[\w-]+\s+){0,3}?(?:headquarters|(?:air ?)?bases?|airbase|outposts?|posts?|columns?|"
    r"convoys?|positions?|camps?|stations?|checkpoints?|garrisons?|compounds?|airports?|airfields?|"
    r"barracks|battalions?|offices?|trucks?|vehicles?|commands?|divisions?)\b",
    re.I,
)
ATTACKED_BEFORE = re.compile(
    r"\b(?:attack(?:ed|s|ing)?|assault(?:ed|s)?|raid(?:ed|s)?|ambush(?:ed|es)?|target(?:ed|ing|s)?|struck|hit|"
    r"overran|stormed)(?:\s+(?:on|against))?\s+(?:a|an|the)?\s*$",
    re.I,
)


# Bodies and governments abroad ("as ASEAN called for restraint", "the Chinese foreign ministry said"): they
# comment on, mediate or react to the war's fighting and never fight in it, so they are no side of a violent event.
ONLOOKER_TYPES = frozenset({"international body", "foreign government"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def without_onlookers(event_type: str, actors: list[ActorRef]) -> list[ActorRef]:
    """The actors of a violent event less the international bodies and foreign governments the sentence names
    beside it (`ONLOOKER_TYPES`, the registry's type): a body named in context is not read as a side."""
    if event_type not in VIOLENT_TYPES:
        return actors
    registry = get_registry()
    kept = []
    for actor in actors:
        entry = registry.get(actor.actor_id) if actor.actor_id else None
        if entry is None or entry.type not in ONLOOKER_TYPES:
            kept.append(actor)
    return kept


def is_own_forces(text: str, actor: ActorRef) -> bool:
    """ "its forces", "their troops": the speaker's own fighters, not the junta (a state-side cue word after a
    possessive refers back to the group that speaks)."""
    if actor.span is None or actor.actor_id not in STATE_SIDE or actor.name.lower().startswith(("the ", "junta")):
        return False
    return bool(OWN_FORCES.search(text[max(0, actor.span.start - 20) : actor.span.start]))


def targeted_state(text: str, actors: list[ActorRef]) -> list[ActorRef]:
    """State-side actors written as the target of an attack: the owner of a base, outpost, column or
    headquarters ("the military's headquarters", "a junta outpost", "a police station") or the object of an
    attack verb ("attacked the junta", "an assault on the military")."""
    found = []
    for actor in actors:
        span = actor.span
        if span is None or actor.actor_id not in STATE_SIDE:
            continue
        after = text[span.end : span.end + 60]
        before = text[max(0, span.start - 30) : span.start]
        if INSTALLATION.match(after) or ATTACKED_BEFORE.search(before):
            found.append(actor)
    return found


def role_cues(text: str, start: int, end: int, known: list[ActorRef]) -> list[ActorRef]:
    """Role-cue actors the registry did not find (weapons as MIL, unnamed resistance as ERO)."""
    data = load_vocabulary("actors")["roles"]
    taken = [(a.span.start, a.span.end) for a in known if a.span]
    extra = []
    for code in ("MIL", "UNK", "CIV", "ERO"):  # "masked men" are attackers before they are men
        for m in compile_pattern(data[code]).finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                extra.append(ActorRef(m.group(0), code, None, Span(m.start(), m.end(), m.group(0))))
                taken.append((m.start(), m.end()))
    return extra


NOT_AGENT = re.compile(  # "an administrator appointed by the junta": an affiliation, not who acted
    r"\b(?:appointed|installed|backed|supported|run|owned|controlled|named|linked|allied|trained|armed|funded)\s+"
    r"by\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)


def passive_agents(text: str, actors: list[ActorRef]) -> list[ActorRef]:
    """Actors written as the agent of a passive or a noun ("was bombed by junta jets", "a strike by the KNDF")."""
    return [
        a
        for a in actors
        if a.span
        and re.search(r"\bby\s+(?:the\s+|a\s+|an\s+)?$", text[max(0, a.span.start - 8) : a.span.start])
        and not NOT_AGENT.search(text[max(0, a.span.start - 30) : a.span.start])
    ]


def resistance_acts(actors: list[ActorRef], hit: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """The non-state side acts when the state side is the target: actor1 the first non-state force named (the
    claimant of "X said its forces attacked ..."), actor2 the targeted state forces."""
    acting = [a for a in actors if a.actor_id not in STATE_SIDE and a.actor_id not in {"CIV", "PROT"}]
    return acting[:1], hit[:1]


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    """First mention of each actor code (or name when unresolved)."""
    seen: set[str] = set()
    out = []
    for actor in actors:
        key = actor.actor_id or actor.name
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def as_coded_members(actors: list[ActorRef], on_date: dt.date | None) -> list[ActorRef]:
    """An alliance that has no code of its own in the coding scheme (the Chin Brotherhood, the Northern
    Alliance; not the Three Brotherhood Alliance) is coded as its members on the event's day, each with the
    alliance's mention as its span; other actors stay as they are."""
    registry = get_registry()
    out: list[ActorRef] = []
    for ref in actors:
        actor = registry.get(ref.actor_id) if ref.actor_id else None
        members = (
            registry.members(ref.actor_id, on_date) if actor and actor.type == "alliance" and not actor.coded else []
        )
        named = [registry.get(code) for code in members]
        out.extend(ActorRef(m.name, m.id, ref.unit, ref.span) for m in named if m is not None)
        if not members:
            out.append(ref)
    return unique(out)


GENERIC = re.compile(
    r"\b(?:resistance|revolutionary|anti-(?:regime|junta|military)|joint|allied|combined|opposition)\b", re.I
)


def assign_roles(
    sub_event_type: str,
    actors: list[ActorRef],
    trigger_at: int | None = None,
    passive: list[ActorRef] | None = None,
    targets: list[ActorRef] | None = None,
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(actor1, actor2) for an event (`base_roles`), then: a generic resistance label as actor1 ("joint resistance
    forces, led by the KNLA", "handed the camp over to anti-regime fighters, the MNDAA said") gives way to the armed
    group the sentence names; in an agreement between the junta and a group, the junta is actor1."""
    if sub_event_type == "Government regains territory":  # by definition the state side retakes the ground
        state = [a for a in unique(actors) if a.actor_id in STATE_SIDE]
        return state or [ActorRef("military", "MIL")], [a for a in unique(actors) if is_armed_group(a)]
    actor1, actor2 = base_roles(sub_event_type, actors, trigger_at, passive, targets)
    if actor1 and GENERIC.search(actor1[0].name) and actor1[0].actor_id not in STATE_SIDE:
        named = [a for a in unique(actors) if is_armed_group(a) and not GENERIC.search(a.name) and a not in actor2]
        if named:
            actor1 = named[:1]
    if sub_event_type == "Agreement" and actor2 and actor2[0].actor_id in STATE_SIDE and actor1:
        actor1, actor2 = actor2[:1], [*actor1, *actor2[1:]]
    return actor1, actor2


def is_armed_group(actor: ActorRef) -> bool:
    """A named non-state armed group (not the state side, civilians, protesters or an unknown party)."""
    return actor.actor_id not in STATE_SIDE | {None, "CIV", "PROT", "UNK", "ERO"}


def base_roles(
    sub_event_type: str,
    actors: list[ActorRef],
    trigger_at: int | None = None,
    passive: list[ActorRef] | None = None,
    targets: list[ActorRef] | None = None,
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(actor1, actor2) for an event: the state side acts in strikes, killings and arrests unless a non-state
    force is the one named before the trigger ("the AA shelled junta positions") or the state side is written
    as the target ("drones struck the military's headquarters"); non-state forces act in clashes and seizures;
    civilians are always the target side; in statements the subject acts."""
    hit = [a for a in targets or [] if a not in (passive or [])]
    free_state = [a for a in actors if a.actor_id in STATE_SIDE and a not in hit]
    actors = unique(actors)
    passive = passive or []
    acting_side = [a for a in actors if a.actor_id not in STATE_SIDE and a.actor_id not in {"CIV", "PROT"}]
    if hit and free_state and not acting_side:  # "junta troops at the military's base shelled the village"
        hit = []
    if sub_event_type in ONE_SIDED:  # "the AA set up a new military base": no other side
        return [a for a in actors if a.actor_id not in {"CIV", "PROT"}][:1], []
    protests = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    if hit and sub_event_type not in {*protests, "Arrests"}:
        return resistance_acts(actors, hit)
    state = [a for a in actors if a.actor_id in STATE_SIDE]
    civilians = [a for a in actors if a.actor_id == "CIV"]
    others = [a for a in actors if a.actor_id not in STATE_SIDE and a.actor_id not in {"CIV", "PROT"}]
    subjects = [a for a in actors if trigger_at is not None and a.span and a.span.end <= trigger_at]
    agents = [a for a in actors if a.actor_id not in {"CIV", "PROT"} and a in passive]
    if agents and (sub_event_type in AGENT_FIRST or sub_event_type == "Armed clash"):  # "bombed by junta jets"
        return agents[:1], [a for a in actors if a not in agents[:1]]
    if sub_event_type == "Excessive force against protesters":
        return state or [ActorRef("security forces", "MIL")], [ActorRef("protesters", "PROT")]
    if sub_event_type in AGENT_FIRST:
        named_first = [a for a in subjects if a.actor_id not in {"CIV", "PROT"}]
        if named_first and named_first[0].actor_id not in STATE_SIDE and sub_event_type != "Air/drone strike":
            actor1 = [named_first[0]]
            rest = [a for a in actors if a not in actor1 and a.actor_id != "CIV"]
            return actor1, (civilians or rest) if sub_event_type in VICTIMS_FIRST else (rest or civilians)
        actor1 = state or (others[:1] if others and not civilians else [])
        if not actor1 and sub_event_type in {"Air/drone strike", "Government regains territory"}:
            actor1 = [ActorRef("military", "MIL")]
        actor2 = civilians or [a for a in others if a not in actor1]
        return actor1, actor2
    if sub_event_type in {"Non-state actor overtakes territory", "Armed clash"}:
        named_first = [a for a in subjects if a.actor_id not in {"CIV", "PROT"}]
        if sub_event_type == "Armed clash" and named_first and named_first[0].actor_id in STATE_SIDE and others:
            return state, others  # "the military launched an offensive against the KIA"
        if others:
            return others, state or [ActorRef("military", "MIL")]
        return state, civilians if state else []  # "residents said" names a source, not a side of the fight
    if sub_event_type in {"Remote explosive/landmine/IED", "Grenade"}:  # who laid the mine is rarely known
        acting = [a for a in subjects if a.actor_id not in {"CIV", "PROT"}][:1]
        return acting, civilians or [a for a in actors if a not in acting]
    if sub_event_type in {"Peaceful protest", "Protest with intervention"}:
        return [a for a in actors if a.actor_id == "PROT"] or [ActorRef("protesters", "PROT")], state
    acting = [a for a in subjects if a.actor_id != "CIV"][:1] or actors[:1]
    return acting, [a for a in actors if a not in acting]
