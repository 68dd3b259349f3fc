"""Second-look coding of an event once its trigger is known: a protest broken up with deaths or lethal weapons
is "Excessive force against protesters", not mere intervention; an execution counts the people executed as its
dead and the executed as civilians unless named otherwise. Kept apart from events.py so the trigger lexicon
stays data and these judgements stay small, named and tested."""

from __future__ import annotations

import re

from mawgun.extract.numbers import parse_number
from mawgun.model import ActorRef

LETHAL = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|shot|shooting|shoot|fired|firing|opened fire|gunfire|gunshots?|"
    r"live (?:rounds|ammunition|fire|bullets)|bullets|rifles?|grenades?|machine[- ]guns?|snipers?|massacre[ds]?|"
    r"bodies|wounded|injured)\b",
    re.I,
)
EXECUTED = re.compile(
    r"\b(?:execut(?:ed|es|ing)|hanged|hanging of|put to death)\s+(?:(?:the|at least|some)\s+)?"
    r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+-[a-z]+)\b",
    re.I,
)
EXECUTIONS_OF = re.compile(
    r"\b(?:executions?|death sentences?|hangings?) of\s+(?:the\s+)?(?P<n>\d[\d,]*|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)
EXECUTION_RULE = "vac.execution"
INTERVENTION_RULE = "protest.intervention"


def protest_sub_type(rule_id: str, sub_type: str, clause: str, fatalities: int | None) -> str:
    """A protest the forces intervened in becomes excessive force when its clause tells deaths, shooting or a
    lethal weapon ("broke up the protest camps with rifle grenades, killing 82")."""
    if rule_id != INTERVENTION_RULE:
        return sub_type
    if (fatalities or 0) > 0 or LETHAL.search(clause):
        return "Excessive force against protesters"
    return sub_type


def executed_count(text: str) -> int | None:
    """How many people a sentence says were executed ("executed four political prisoners" -> 4)."""
    for pattern in (EXECUTED, EXECUTIONS_OF):
        match = pattern.search(text)
        if match:
            value = parse_number(match.group("n"))
            if value is not None:
                return int(value)
    return None


def execution_sides(actor1: list[ActorRef], actor2: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """An execution is carried out by the state (MIL when no agent is named) on prisoners, civilians unless the
    sentence names their party."""
    acting = [a for a in actor1 if a.actor_id in {"MIL", "POL"}] or [ActorRef("military", "MIL")]
    victims = [a for a in actor2 + actor1 if a not in acting and a.actor_id not in {"MIL", "POL"}]
    return acting, victims or [ActorRef("civilians", "CIV")]
