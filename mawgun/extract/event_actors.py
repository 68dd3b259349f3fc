"""Actors of events told without one: the side that acts taken from the sentences just before ("Soldiers raided
Ywa Thit on Monday. They arrested four men." - the soldiers arrested), after merging, so that a retelling that
names the actor fills it first."""

from __future__ import annotations

from mawgun.extract.actors import AGENT_FIRST, STATE_SIDE
from mawgun.extract.pipeline import Context
from mawgun.model import ActorRef, EventRecord

LOOK_BACK = 3  # sentences
TAKEN_BY_FORCE = {"Non-state actor overtakes territory", "Armed clash"}
NOT_ARMED = {None, "CIV", "PROT"}


def fill_actors_told_before(ctx: Context, events: list[EventRecord]) -> None:
    """Events without actor1 take the acting side named in the three sentences before their first one: the
    state forces for one-sided violence and arrests (`AGENT_FIRST`), the non-state force for clashes and
    captures (the junta then being the other side)."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        if event.actor1 or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[0].start)
        sub_type = event.sub_event_type or ""
        if sub_type in AGENT_FIRST:
            event.actor1 = agents_before(ctx, index, state=True)
        elif sub_type in TAKEN_BY_FORCE and not event.actor2:
            event.actor1 = agents_before(ctx, index, state=False)
            if event.actor1:
                event.actor2 = [ActorRef("military", "MIL")]


def agents_before(ctx: Context, index: int, state: bool) -> list[ActorRef]:
    """The first state-side (or non-state armed) actor named in the nearest of the sentences before `index`."""
    for j in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        named = [
            a
            for a in ctx.actors(j)
            if a.actor_id not in NOT_ARMED and (a.actor_id in STATE_SIDE) == state and a.actor_id != "UNK"
        ]
        if named:
            return named[:1]
    return []
