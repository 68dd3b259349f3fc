"""Features that say whether two event reports describe the same event, and how strongly.

Each record is turned once into a `Profile` (normalised names, a date interval, expanded actor
codes, evidence text) so that comparing a pair is cheap. `compare_profiles` returns None when a
hard rule forbids a link (different event type, incompatible sub-types, dates apart, conflicting
townships) and otherwise a score in 0..1 with the per-feature agreement that explains it.

The geocoder (`mawgun.geo.get_geocoder().contains`) and the actor registry
(`mawgun.actors.get_registry()`) are used when present; without them the names and the actor
groups of `settings.yaml` decide.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from mawgun.dedup.config import load_settings
from mawgun.dedup.places import (
    names_match,
    normalise_admin1,
    normalise_name,
    pcode_contains,
    resolve_township,
)
from mawgun.model import Document, EventRecord

MIN_NAMES = 3  # one shared name ("Kayah") out of one is weak: overlap counts at least three names
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


@lru_cache(maxsize=1)
def sub_event_groups() -> dict[str, frozenset[str]]:
    """Each listed sub-event type -> the set of sub-types compatible with it."""
    groups: dict[str, frozenset[str]] = {}
    for group in load_settings()["compatible_sub_events"]:
        members = frozenset(group)
        for name in group:
            groups[name] = groups.get(name, frozenset()) | members
    return groups


def sub_events_compatible(a: str | None, b: str | None) -> bool:
    """Same sub-type, one unknown, or both in one group of settings.yaml."""
    if not a or not b or a == b:
        return True
    return b in sub_event_groups().get(a, frozenset())


@lru_cache(maxsize=1)
def actor_group_index() -> dict[str, frozenset[str]]:
    """Actor code -> the group keys it belongs to (a code is its own group too)."""
    index: dict[str, set[str]] = {}
    for head, members in load_settings()["actor_groups"].items():
        for code in [head, *members]:
            index.setdefault(code, {code}).add(head)
    return {code: frozenset(groups) for code, groups in index.items()}


def _registry() -> Any:
    """The actor registry (a hard dependency: a registry that cannot load is an error)."""
    from mawgun.actors import get_registry

    return get_registry()


@lru_cache(maxsize=4096)
def expand_actor(code: str) -> frozenset[str]:
    """A code with its parent organisation and the alliances it belongs to: from the registry
    (`parent`, `alliances_of`) when it knows the code, plus the groups of settings.yaml."""
    groups = set(actor_group_index().get(code, frozenset({code})))
    registry = _registry()
    parent = registry.parent(code)  # an unknown code has no parent and no alliance: its own group
    groups.update([parent] if parent else [])
    groups.update(registry.alliances_of(code))
    return frozenset(groups)


@dataclass
class Profile:
    """A record prepared for comparison: normalised fields and a date interval (ordinal days)."""

    record_id: str
    doc_id: str
    event_type: str
    sub_event_type: str | None
    lo: int | None
    hi: int | None
    day: int | None
    admin1: str
    admin2: str
    admin3: str
    location: str
    pcodes: dict[str, str]
    actors: frozenset[str]
    raw_actors: frozenset[str]
    text: str
    names: frozenset[str]
    fatalities: int | None


def date_interval(record: EventRecord, published: dt.date | None) -> tuple[int, int] | None:
    """The days the record's date allows, widened by the tolerance; None when nothing is known."""
    settings = load_settings()
    tol = settings["date_tolerance_days"]
    start = record.date
    if start is None:
        if published is None:
            return None
        last = published.toordinal()
        return last - settings["undated_lookback_days"] - tol, last + tol
    precision = record.date_precision or "day"
    if precision == "month":
        first = start.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first.toordinal() - tol, following.toordinal() - 1 + tol
    if precision == "year":
        return dt.date(start.year, 1, 1).toordinal() - tol, dt.date(start.year, 12, 31).toordinal() + tol
    if precision == "week" and not record.date_end:
        return start.toordinal() - 3 - tol, start.toordinal() + 3 + tol
    end: dt.date = max(record.date_end or start, start)
    return start.toordinal() - tol, end.toordinal() + tol


def profile_record(record: EventRecord, document: Document | None = None) -> Profile:
    """Prepare one record for comparison."""
    published = document.published if document else None
    interval = date_interval(record, published)
    place = record.place
    pcodes: dict[str, str] = {}
    if place:
        for level in ("pcode", "admin3_pcode", "admin2_pcode", "admin1_pcode"):
            value = getattr(place, level)
            if value:
                pcodes[level] = value
    if place and place.admin3 and "admin3_pcode" not in pcodes:
        resolved = resolve_township(place.admin3, normalise_admin1(place.admin1))
        if resolved:
            pcodes["admin3_pcode"] = resolved
    codes = {a.actor_id or normalise_name(a.name) for a in [*record.actor1, *record.actor2]}
    expanded: set[str] = set()
    for code in codes:
        expanded |= expand_actor(code)
    return Profile(
        record_id=record.record_id,
        doc_id=record.doc_id,
        event_type=record.event_type,
        sub_event_type=record.sub_event_type,
        lo=interval[0] if interval else None,
        hi=interval[1] if interval else None,
        day=record.date.toordinal() if record.date and (record.date_precision or "day") == "day" else None,
        admin1=normalise_admin1(place.admin1) if place else "",
        admin2=normalise_name(place.admin2) if place else "",
        admin3=normalise_name(place.admin3) if place else "",
        location=normalise_name(place.location) if place else "",
        pcodes=pcodes,
        actors=frozenset(expanded),
        raw_actors=frozenset(codes),
        text=" ".join(span.text for span in record.evidence).lower(),
        names=proper_names(" ".join([document.title or "" if document else "", *(s.text for s in record.evidence)])),
        fatalities=record.fatalities,
    )


def score_date(a: Profile, b: Profile) -> float | None:
    """1.0 for the same day, less for days apart within tolerance; None when intervals miss."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return 0.3
    if a.lo > b.hi or b.lo > a.hi:
        return None
    if a.day is not None and b.day is not None:
        gap = abs(a.day - b.day)
        return max(0.4, 1.0 - 0.2 * gap)
    return 0.7


def _place_contained(a: Profile, b: Profile) -> bool:
    """One record's most precise P-code lies in the other's township (or district)."""
    for parent_key in ("admin3_pcode", "admin2_pcode"):
        for outer, inner in ((a, b), (b, a)):
            parent = outer.pcodes.get(parent_key)
            child = inner.pcodes.get("pcode") or inner.pcodes.get("admin3_pcode")
            if parent and child and parent != child and pcode_contains(parent, child):
                return outer.location == "" or outer.pcodes.get("pcode") in (None, parent)
    return False


def townships_conflict(a: Profile, b: Profile) -> bool | None:
    """True when two different townships are named, False when the same, None when unsure
    (one name is not in the gazetteer and the spellings differ)."""
    code_a, code_b = a.pcodes.get("admin3_pcode"), b.pcodes.get("admin3_pcode")
    if code_a and code_b:
        return code_a != code_b
    if names_match(a.admin3, b.admin3):
        return False
    return None if (code_a or code_b) else True


def score_place(a: Profile, b: Profile) -> float | None:
    """Agreement in the admin hierarchy; None when two different states or townships are named."""
    scores = load_settings()["place_scores"]
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    pa, pb = a.pcodes.get("pcode"), b.pcodes.get("pcode")
    if pa and pb and pa == pb:
        return scores["location"]
    conflict = townships_conflict(a, b) if a.admin3 and b.admin3 else False
    if conflict and not _place_contained(a, b):
        return None
    if a.location and b.location and names_match(a.location, b.location):
        return scores["location"]
    if _place_contained(a, b) or _named_inside(a, b) or _named_inside(b, a):
        return scores["contained"]
    if conflict is None:
        return scores["admin1"]
    if a.admin3 and b.admin3:
        return scores["location_differs"] if a.location and b.location else scores["admin3"]
    if a.admin2 and b.admin2:
        return scores["admin2"] if names_match(a.admin2, b.admin2) else scores["admin1"]
    if a.admin1 and b.admin1:
        return scores["admin1"]
    return scores["unknown"]


def _named_inside(outer: Profile, inner: Profile) -> bool:
    """The outer record names only a township, and the inner record's place lies in it."""
    return bool(outer.admin3 and not outer.location and inner.location and names_match(outer.admin3, inner.admin3))


def score_actors(a: Profile, b: Profile) -> float:
    """Agreement of actor codes: Jaccard of the codes named (at least `related`), `related` when
    only their organisations or alliances meet, 0 when they share nothing, 0.5 when one is silent."""
    wildcards = set(load_settings()["actor_wildcards"])
    left, right = a.raw_actors - wildcards, b.raw_actors - wildcards
    if not left or not right:
        return 0.5
    related = 0.7
    if left & right:
        return max(related, len(left & right) / len(left | right))
    return related if a.actors & b.actors else 0.0


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """Capitalised words that do not tell events apart (settings.yaml `common_names`)."""
    return frozenset(word.lower() for word in load_settings()["common_names"].split())


def proper_names(text: str) -> frozenset[str]:
    """Normalised capitalised words that do not open a sentence: the names a report mentions."""
    names = set()
    for sentence in SENTENCE_SPLIT.split(text):
        for word in CAPITALISED.findall(sentence)[1:] if sentence[:1].isupper() else CAPITALISED.findall(sentence):
            if word.lower() not in common_names():
                names.add(normalise_name(word) or word.lower())
    return frozenset(names)


def score_text(a: Profile, b: Profile) -> float:
    """Similarity of the reports' wording: rapidfuzz token-set ratio of the evidence, blended with the
    overlap of the proper names in evidence and title; 0.5 when one side has no text."""
    if not a.text or not b.text:
        return 0.5
    ratio = fuzz.token_set_ratio(a.text, b.text) / 100.0
    if not a.names or not b.names:
        return ratio
    overlap = len(a.names & b.names) / max(min(len(a.names), len(b.names)), MIN_NAMES)
    return max(ratio, overlap)


def score_fatalities(a: Profile, b: Profile) -> float:
    """Agreement of death tolls: 1 equal, falling with the relative gap to a floor (tolls get revised);
    0.5 when one is unknown."""
    if a.fatalities is None or b.fatalities is None:
        return 0.5
    high = max(a.fatalities, b.fatalities)
    agreement = 1.0 if high == 0 else 1.0 - abs(a.fatalities - b.fatalities) / high
    return max(float(load_settings()["fatalities_floor"]), agreement)


def compare_profiles(a: Profile, b: Profile) -> tuple[float, dict[str, float]] | None:
    """The pair's weighted score and per-feature agreement, or None when a hard rule forbids a link."""
    if a.event_type != b.event_type or not sub_events_compatible(a.sub_event_type, b.sub_event_type):
        return None
    date = score_date(a, b)
    if date is None:
        return None
    place = score_place(a, b)
    if place is None:
        return None
    features = {
        "date": date,
        "place": place,
        "actors": score_actors(a, b),
        "text": score_text(a, b),
        "fatalities": score_fatalities(a, b),
    }
    weights: Mapping[str, float] = load_settings()["weights"]
    score = sum(weights[name] * value for name, value in features.items())
    return round(score, 4), {name: round(value, 3) for name, value in features.items()}
