"""Second-look coding of an event once its trigger is known: a protest broken up with deaths or lethal weapons
is "Excessive force against protesters", not mere intervention; an execution counts the people executed as its
dead and the executed as civilians unless named otherwise. Kept apart from events.py so the trigger lexicon
stays data and these judgements stay small, named and tested."""

from __future__ import annotations

import re

from mawgun.extract.actors import unique
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
RELATION_CUE = re.compile(  # the party is the object of a description of the detainee, not the detainee's own side
    r"\b(?:who|whom|whose|advis(?:ed|es|ing|er|ers|or|ors)|aides? to|work(?:ed|s|ing) (?:for|with)|"
    r"employed by|edit(?:ed|s|or|ing)|read by|supporters? of|close to|linked to|(?:lawyer|relative|wife|husband|"
    r"son|daughter|brother|sister|father|mother|driver|doctor|physician)s? (?:of|for|to))\b",
    re.I,
)
RELATION_AFTER = re.compile(
    r"^[’']s\s+(?:[\w-]+\s+)?(?:lawyers?|advis[eo]rs?|aides?|doctors?|physicians?|wife|husband|sons?|daughters?|"
    r"drivers?|relatives?|friends?|economic advis[eo]rs?)\b",
    re.I,
)
PASSIVE_ARREST = re.compile(
    r"\b(?:was|were|had been|has been|have been|being|got)\s+(?:[\w-]+\s+)?(?:arrested|detained|taken into custody|"
    r"rounded up|picked up)\s*$",
    re.I,
)
STATE_CODES = {"MIL", "POL", "PSH", "BGF"}
EXECUTION_RULE = "vac.execution"
INTERVENTION_RULE = "protest.intervention"
PEACEFUL_RULE = "protest.peaceful"
KILLED_OR_SHOT = re.compile(
    r"\b(?:shot(?: dead)?|killed|gunned down|opened fire|fired (?:on|at|into|upon)|shooting (?:at|on|into)|"
    r"deaths? (?:was|were) reported|died|dead)\b",
    re.I,
)


def protest_sub_type(rule_id: str, sub_type: str, clause: str, fatalities: int | None) -> str:
    """A protest the forces intervened in becomes excessive force when its clause tells deaths, shooting or a
    lethal weapon ("broke up the protest camps with rifle grenades, killing 82"). A protest told with people shot or
    killed in its clause ("protesters were also shot dead in Yangon") is never peaceful: it is excessive force, its
    toll unknown unless stated."""
    if rule_id == PEACEFUL_RULE:
        return "Excessive force against protesters" if KILLED_OR_SHOT.search(clause) else sub_type
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


def state_sides(actor1: list[ActorRef], actor2: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """An act only the state performs (declaring martial law): the state side named in the sentence, else the
    military, is actor1; the other sides named stay actor2."""
    acting = [a for a in actor1 + actor2 if a.actor_id in STATE_CODES] or [ActorRef("military", "MIL")]
    return acting, [a for a in actor2 + actor1 if a.actor_id not in STATE_CODES]


def arrest_sides(
    text: str, trigger_at: int, trigger_end: int, actor1: list[ActorRef], actor2: list[ActorRef]
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The person arrested is actor2: in "X, an economist who advised Aung San Suu Kyi, was detained" the party
    named only as the detainee's employer or relation (NLD) is no side at all, and a non-state side named as the
    subject of a passive arrest ("NLD members were detained") is the detainee, not the arresting side."""
    related = [a for a in actor1 + actor2 if is_relation(text, a, trigger_at)]
    actor1 = [a for a in actor1 if a not in related]
    actor2 = [a for a in actor2 if a not in related]
    if PASSIVE_ARREST.search(text[max(0, trigger_at - 40) : trigger_end]):
        detained = [a for a in actor1 if a.actor_id not in STATE_CODES]
        actor1 = [a for a in actor1 if a not in detained]
        actor2 = detained + [a for a in actor2 if a not in detained]
    return actor1, actor2


def is_relation(text: str, actor: ActorRef, trigger_at: int) -> bool:
    """An actor named before the arrest only inside a description of the detainee ("who advised ...", "a magazine
    read by supporters of ...", "Aung San Suu Kyi's lawyer"), never the head of its phrase ("a senior NLD
    leader", "NLD members")."""
    span = actor.span
    if span is None or span.start >= trigger_at or actor.actor_id in STATE_CODES:
        return False
    lead = text[max(0, span.start - 80) : span.start]
    lead = re.split(r"[,(;—]", lead)[-1]
    return bool(RELATION_CUE.search(lead) or RELATION_AFTER.search(text[span.end : span.end + 40]))


CAPTURE = "Non-state actor overtakes territory"
REGAIN = "Government regains territory"
NOT_SUBJECT = re.compile(  # an actor named as the other side or the source, not who took the place
    r"\b(?:with|from|against|of|to|by|on|at|according to|told)\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}$", re.I
)
LOSER_VERB = re.compile(r"\b(?:lost|fell|falls?|fallen|withdrawal|retreat|under|hands)\b", re.I)
CLAUSE_OPENING = re.compile(  # where the clause of the capture begins: after a report verb or a subordinator
    r"\b(?:said|says|say|reported|claimed|claims|announced|admitted|admits|confirmed|conceded|acknowledged|"
    r"according to|that|when|after|as|while|since|because)\b|;",
    re.I,
)


def capture_sub_type(
    text: str, trigger_at: int, trigger_end: int, actors: list[ActorRef], passive: list[ActorRef]
) -> str:
    """A capture whose taker is the state side is the government regaining ground (ACLED's "Government regains
    territory"): "junta columns pushed into the town, fighting the TNLA, before taking full control of it", "the
    town was seized by the army". The taker is the agent of the capture's own passive, else the first force named
    before the verb in its clause (after any "said", "when") that is neither the other side, a source nor an owner
    ("fighting with the TNLA", "according to the AA", "attacked three army camps"). Wordings told by the loser
    ("lost the town to", "fell to") are left as they are."""
    if LOSER_VERB.search(text, trigger_at, trigger_end):
        return CAPTURE
    agents = [
        a for a in passive if a.actor_id not in {"CIV", "PROT"} and a.span and 0 <= a.span.start - trigger_end < 16
    ]
    if agents:
        return REGAIN if agents[0].actor_id in STATE_CODES else CAPTURE
    owner = [a for a in actors if a.span and re.fullmatch(r"[’']s?\s+", text[a.span.end : trigger_at])]
    if owner:  # "the KNLA's seizure of the outpost"
        return REGAIN if owner[0].actor_id in STATE_CODES else CAPTURE
    said = [m.end() for m in CLAUSE_OPENING.finditer(text, max(0, trigger_at - 300), trigger_at)]
    begin = said[-1] if said else 0
    before = [
        a
        for a in actors
        if a.span
        and begin <= a.span.start
        and a.span.end <= trigger_at
        and a.actor_id not in {None, "CIV", "PROT"}
        and not NOT_SUBJECT.search(text[max(0, a.span.start - 40) : a.span.start])
        and not OWNED_AFTER.match(text, a.span.end)
        and not any(
            b.span and b.span.start == a.span.end + 2 and text[a.span.end : b.span.start] == " (" for b in actors
        )
    ]  # a name glossed by its acronym ("the Arakkha Army (AA)") is the acronym's group
    return REGAIN if before and before[0].actor_id in STATE_CODES else CAPTURE


OWNED_AFTER = re.compile(  # "army camps", "the junta's base": the actor owns what is named next
    r"(?:[’']s?)?\s+(?:[\w-]+\s+)?(?:camps?|bases?|outposts?|posts?|positions?|headquarters|battalions?|"
    r"commands?|garrisons?|checkpoints?|stations?|columns? of)\b",
    re.I,
)


TRANSFER = "Non-violent transfer of territory"
RECEIVER_BEFORE = re.compile(r"\b(?:to|into the hands of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)


def transfer_sides(
    text: str, actors: list[ActorRef], actor1: list[ActorRef]
) -> tuple[list[ActorRef], list[ActorRef]] | None:
    """A town handed over without a fight has the side that gains it as actor1: the force it was surrendered or
    handed to ("surrendered to the AA", "handed back to the junta"), else the armed group when the state side
    withdrew or gave it up ("junta troops abandoned the town to the KNDF", "troops withdrew from X"). None when the
    sentence names no two sides, or when the roles already give a group as actor1 (`assign_roles` then has chosen
    the named group over a generic label)."""
    sides = [a for a in unique(actors) if a.actor_id not in {None, "CIV", "PROT"}]
    state = [a for a in sides if a.actor_id in STATE_CODES]
    groups = [a for a in sides if a.actor_id not in STATE_CODES]
    if not state or not groups:
        return None
    receiver = [a for a in sides if a.span and RECEIVER_BEFORE.search(text[max(0, a.span.start - 40) : a.span.start])]
    to_state = bool(receiver) and receiver[0].actor_id in STATE_CODES
    if not to_state and actor1 and all(a.actor_id not in STATE_CODES for a in actor1):
        return None
    gaining = state if to_state else groups
    return gaining, [a for a in sides if a not in gaining]
