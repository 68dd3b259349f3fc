"""Reading and checking the actor registry's data file (`data/actors.yaml`).

Why a separate module: the registry's vocabulary is data, reviewed by people who know the conflict,
not code. A mistake there (an unknown parent, a duplicate alias pointing at two actors, a regex that
does not compile) must fail loudly at load time with the entry named, never silently mis-code events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mawgun.safe_yaml import safe_load

DATA_FILE = "actors.yaml"


class RegistryError(ValueError):
    """The actor data file is malformed; the message names the entry at fault."""


def within(on_date: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """True when `on_date` lies in [start, end] (open ends unbounded); always true without a date."""
    if on_date is None:
        return True
    return (start is None or on_date >= start) and (end is None or on_date <= end)


@dataclass(frozen=True)
class Alias:
    """One name of an actor, optionally only in use between two dates."""

    name: str
    actor_id: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, on_date: dt.date | None) -> bool:
        """True when the name was in use on `on_date` (always, when no date is given)."""
        return within(on_date, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Actor:
    """A registry entry: an armed group, body, government or population, under its code."""

    id: str
    name: str
    type: str
    side: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    burmese: tuple[str, ...] = ()
    coded: bool = False
    gold_code: str | None = None


@dataclass(frozen=True)
class Membership:
    """An actor's membership of an alliance over a period (open ends are None)."""

    alliance: str
    member: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, on_date: dt.date | None) -> bool:
        """True when the member belonged to the alliance on `on_date` (always, without a date)."""
        return within(on_date, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Pattern:
    """A regular expression naming a family of actors (local units, described civilians)."""

    rule: str
    regex: re.Pattern[str]
    default: str | None = None
    confidence: float = 0.9
    keeps_unit: bool = True
    requires: tuple[str, ...] = ()  # words one of which must occur in a text for the pattern to be tried

    def worth_trying(self, text: str) -> bool:
        """False when none of the required words occurs: a fast skip before the regex runs."""
        return not self.requires or any(word in text for word in self.requires)


@dataclass
class RegistryData:
    """Everything the data file holds, checked."""

    version: str
    actors: dict[str, Actor]
    aliases: list[Alias]
    memberships: list[Membership]
    patterns: list[Pattern]
    types: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    not_actors: tuple[str, ...] = ()


def read_data_file(path: Path | None = None) -> dict[str, Any]:
    """The raw YAML mapping, from `path` or the file bundled with the package."""
    if path is None:
        text = resources.files("mawgun.actors").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = safe_load(text)
    if not isinstance(raw, dict) or "actors" not in raw or "version" not in raw:
        raise RegistryError(f"{path or DATA_FILE}: expected a mapping with 'version' and 'actors'")
    return raw


def to_date(value: Any, where: str) -> dt.date | None:
    """A YAML date (or ISO string) as a date; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise RegistryError(f"{where}: {value!r} is not an ISO date") from exc


def parse_alias(entry: Any, actor_id: str) -> Alias:
    """An alias from a plain string or a `{name, from, to}` mapping."""
    if isinstance(entry, str):
        return Alias(entry, actor_id)
    if isinstance(entry, dict) and isinstance(entry.get("name"), str):
        where = f"actor {actor_id} alias {entry['name']!r}"
        return Alias(entry["name"], actor_id, to_date(entry.get("from"), where), to_date(entry.get("to"), where))
    raise RegistryError(f"actor {actor_id}: alias {entry!r} must be a string or a mapping with 'name'")


def parse_actor(entry: dict[str, Any], types: list[str], sides: list[str]) -> tuple[Actor, list[Alias]]:
    """One actor entry and its aliases (the full name and Burmese names count as aliases)."""
    actor_id = entry.get("id")
    if not actor_id or not entry.get("name"):
        raise RegistryError(f"actor entry {entry!r} needs 'id' and 'name'")
    if types and entry.get("type") not in types:
        raise RegistryError(f"actor {actor_id}: type {entry.get('type')!r} is not one of {types}")
    if sides and entry.get("side") not in sides:
        raise RegistryError(f"actor {actor_id}: side {entry.get('side')!r} is not one of {sides}")
    aliases = [parse_alias(a, actor_id) for a in entry.get("aliases") or []]
    burmese = tuple(entry.get("burmese") or [])
    names = {a.name for a in aliases}
    extra = [Alias(n, actor_id) for n in (entry["name"], *burmese) if n not in names]
    actor = Actor(
        id=str(actor_id),
        name=entry["name"],
        type=entry["type"],
        side=entry["side"],
        parent=entry.get("parent"),
        aliases=tuple(a.name for a in aliases),
        burmese=burmese,
        coded=bool(entry.get("coded", False)),
        gold_code=entry.get("gold_code"),
    )
    return actor, aliases + extra


def parse_memberships(entries: list[dict[str, Any]], actors: dict[str, Actor]) -> list[Membership]:
    """Alliance memberships, checking that alliances and members exist."""
    found: list[Membership] = []
    for entry in entries:
        alliance = entry.get("id")
        if alliance not in actors:
            raise RegistryError(f"alliance {alliance!r} is not an actor id")
        for member in entry.get("members") or []:
            where = f"alliance {alliance} member {member!r}"
            if member.get("id") not in actors:
                raise RegistryError(f"{where}: unknown actor id")
            start, end = to_date(member.get("from"), where), to_date(member.get("to"), where)
            found.append(Membership(alliance, member["id"], start, end))
    return found


def parse_pattern(entry: dict[str, Any], actors: dict[str, Actor]) -> Pattern:
    """A unit/description pattern, compiled; its default actor must exist."""
    rule = entry.get("rule") or "pattern"
    try:
        regex = re.compile(entry["regex"])
    except (KeyError, re.error) as exc:
        raise RegistryError(f"pattern {rule}: bad or missing regex ({exc})") from exc
    default = entry.get("default")
    if default is not None and default not in actors:
        raise RegistryError(f"pattern {rule}: default {default!r} is not an actor id")
    if default is None and "org" not in regex.groupindex:
        raise RegistryError(f"pattern {rule}: needs a 'default' actor or an 'org' group")
    requires = tuple(str(w) for w in entry.get("requires") or [])
    confidence, keeps_unit = float(entry.get("confidence", 0.9)), bool(entry.get("keeps_unit", True))
    return Pattern(rule, regex, default, confidence, keeps_unit, requires)


def check_references(actors: dict[str, Actor]) -> None:
    """Every parent and gold code names an actor in the registry."""
    for actor in actors.values():
        for ref in (actor.parent, actor.gold_code):
            if ref is not None and ref not in actors:
                raise RegistryError(f"actor {actor.id}: refers to unknown actor {ref!r}")


def load_data(path: Path | None = None) -> RegistryData:
    """Read and check the registry's data file."""
    raw = read_data_file(path)
    types, sides = list(raw.get("types") or []), list(raw.get("sides") or [])
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    for entry in raw["actors"]:
        actor, names = parse_actor(entry, types, sides)
        if actor.id in actors:
            raise RegistryError(f"actor id {actor.id!r} appears twice")
        actors[actor.id] = actor
        aliases.extend(names)
    check_references(actors)
    memberships = parse_memberships(raw.get("alliances") or [], actors)
    patterns = [parse_pattern(p, actors) for p in raw.get("patterns") or []]
    stopwords = frozenset(str(w) for w in raw.get("unit_stopwords") or [])
    not_actors = tuple(str(p) for p in raw.get("not_actors") or [])
    return RegistryData(
        str(raw["version"]), actors, aliases, memberships, patterns, types, sides, stopwords, not_actors
    )
