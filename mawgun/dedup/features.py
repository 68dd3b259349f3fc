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
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from mawgun.dedup.config import load_settings
from mawgun.dedup.eventtypes import type_key
from mawgun.dedup.places import (
    names_match,
    normalise_admin1,
    normalise_name,
    normalise_text,
    pcode_contains,
    resolve_township,
)
from mawgun.model import Document, EventRecord, Place

MENTION_CHARS = 4000  # the part of a document searched for place names
MIN_MENTION = 3  # names shorter than this are not searched for
SHORT_NAME = 5  # a name this short is searched for as a whole word ('Ann', not 'announced')
PCODE_LEVELS = ("pcode", "admin3_pcode", "admin2_pcode", "admin1_pcode")
NO_PLACE = Place()
UNKNOWN = 0.5  # the agreement of a feature one report does not give (date, toll, actors, text)
MIN_RELATIVE = 5  # a place described by another's name ('... of Mawchi') names it in full, 5 letters or more
MIN_NAMES = 3  # one shared name ("Kayah") out of one is weak: overlap counts at least three names
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[a-z]+")
OPERATION = re.compile(r"\bOperation\s+(\d{3,5}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
OPERATION_MARK = "operation:"
CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


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


@dataclass(slots=True)
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
    type_key: str = ""
    point: tuple[float, float] | None = None
    dated: bool = True
    mentions: tuple[str, str] = ("", "")
    named_actors: frozenset[str] = frozenset()  # raw_actors without the wildcards
    operations: frozenset[str] = frozenset()  # named operations ("Operation 1111") among the names
    township_level: bool = False  # names a township and no place in it but its town ("in Ramree")
    pcode: str | None = None  # pcodes' village/town, township and district codes, read for every pair
    township: str | None = None
    district: str | None = None


def date_interval(record: EventRecord, published: dt.date | None) -> tuple[int, int] | None:
    """The days the record's date allows, widened by the tolerance; None when nothing is known."""
    settings = load_settings()
    tol = settings["date_tolerance_days"]
    start = record.date
    if start is None:
        if published is None:
            return None
        last = published.toordinal()
        return last - settings["undated_lookback_days"], last + tol
    precision = record.date_precision or "day"
    if record.date_end and record.date_end > start:
        # a span ("from 9 November to 7 April"): the days it gives, at any precision (the
        # extractor marks a span longer than a week as month precision)
        return start.toordinal() - tol, record.date_end.toordinal() + tol
    if precision == "month":
        first = start.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first.toordinal() - tol, following.toordinal() - 1 + tol
    if precision == "year":
        return dt.date(start.year, 1, 1).toordinal() - tol, dt.date(start.year, 12, 31).toordinal() + tol
    if precision == "week" and not record.date_end:
        return start.toordinal() - 3 - tol, start.toordinal() + 3 + tol
    return start.toordinal() - tol, start.toordinal() + tol


def profile_record(record: EventRecord, document: Document | None = None) -> Profile:
    """Prepare one record for comparison (places and actor sets repeat: each is prepared once)."""
    published = document.published if document else None
    interval = date_interval(record, published)
    place = record.place or NO_PLACE
    admin1, admin2, admin3, location, pcodes, at_township = place_fields(
        place.admin1, place.admin2, place.admin3, place.location,
        place.pcode, place.admin3_pcode, place.admin2_pcode, place.admin1_pcode,
    )  # fmt: skip
    point = None
    regional = bool(place.location) and not location  # named by its state's name: no point either
    if not regional and place.latitude is not None and place.longitude is not None and (place.geo_precision or 9) <= 1:
        point = (float(place.latitude), float(place.longitude))
    raw_actors, actors, named_actors = actor_fields(
        frozenset(a.actor_id or normalise_name(a.name) for a in [*record.actor1, *record.actor2])
    )
    evidence = " ".join(span.text for span in record.evidence)
    names = proper_names(" ".join([document.title or "" if document else "", evidence]))
    return Profile(
        record.record_id,
        record.doc_id,
        record.event_type,
        record.sub_event_type,
        interval[0] if interval else None,
        interval[1] if interval else None,
        record.date.toordinal() if record.date and (record.date_precision or "day") == "day" else None,
        admin1,
        admin2,
        admin3,
        location,
        pcodes,
        actors,
        raw_actors,
        shared_text(evidence.lower()),
        names,
        record.fatalities,
        type_key(record.event_type, record.sub_event_type),
        point,
        record.date is not None,
        # only a report without a township needs its text searched for place names
        searchable_text(document.text) if document and document.text and not admin3 else ("", ""),
        named_actors,
        operations_of(names),
        at_township,
        pcodes.get("pcode"),
        pcodes.get("admin3_pcode"),
        pcodes.get("admin2_pcode"),
    )


@lru_cache(maxsize=65536)
def place_fields(
    admin1: str | None, admin2: str | None, admin3: str | None, location: str | None, *codes: str | None
) -> tuple[str, str, str, str, dict[str, str], bool]:
    """A place's normalised names, its P-codes (pcode, admin3, admin2, admin1; the township resolved
    through the gazetteer when not given) and whether it is named only at township level. Cached:
    a million reports name a few thousand places."""
    state = normalise_admin1(admin1)
    pcodes = {level: value for level, value in zip(PCODE_LEVELS, codes, strict=True) if value}
    if location and normalise_name(location) == state and not resolve_township(location, state):
        # "in Yangon": the region, or its city spread over many townships (no township bears its
        # name, unlike Bago's); the township a geocoder gave its centre (Bahan for Yangon) is no
        # evidence, so the report names only its state; another township came from the text
        if not admin3 or normalise_name(admin3) == city_centre_townships().get(state):
            codes_dict = shared_codes(tuple(sorted((k, v) for k, v in pcodes.items() if k == "admin1_pcode")))
            return state, "", "", "", codes_dict, False
        location = None
        pcodes.pop("pcode", None)
    if admin3 and "admin3_pcode" not in pcodes:
        resolved = resolve_township(admin3, state)
        if resolved:
            pcodes["admin3_pcode"] = resolved
    township, place = normalise_name(admin3), normalise_name(location)
    codes_dict = shared_codes(tuple(sorted(pcodes.items())))
    return state, normalise_name(admin2), township, place, codes_dict, township_level(township, place)


@lru_cache(maxsize=65536)
def actor_fields(codes: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(codes, codes with their parents and alliances, codes without the wildcards) for a set of actor
    codes (a million reports name a few dozen sets)."""
    expanded: set[str] = set()
    for code in codes:
        expanded |= expand_actor(code)
    return codes, frozenset(expanded), codes - wildcards()


@lru_cache(maxsize=65536)
def operations_of(names: frozenset[str]) -> frozenset[str]:
    """The named operations among a report's names."""
    return frozenset(name for name in names if name.startswith(OPERATION_MARK))


def township_level(admin3: str, location: str) -> bool:
    """A place named only by its township, or by the township's town of the same name."""
    return bool(admin3) and (not location or names_match(location, admin3))


@lru_cache(maxsize=16)
def searchable_text(text: str) -> tuple[str, str]:
    """The start of a document made searchable for place names: its words in lower-case ASCII letters
    between single spaces, then each two neighbouring words joined (' ann town ... palet ...', for short
    names as whole words), and the text without spaces ('letyetkone', for names however they are
    spaced). A document with several reports is prepared once."""
    words = normalise_text(text[:MENTION_CHARS].replace("-", " ").replace("\n", " ")).strip()
    tokens = WORD.findall(unicodedata.normalize("NFKD", text[:MENTION_CHARS]).lower())
    pairs = [first + second for first, second in zip(tokens, tokens[1:], strict=False)]  # 'Pa Let' -> 'palet'
    return " " + " ".join(tokens) + " " + " ".join(pairs) + " ", words


def mentions_place(report: Profile, other: Profile) -> bool:
    """`report` names no township, but its document mentions the village or township `other` names:
    the extractor missed the place, the text did not."""
    if report.admin3 or not report.mentions[1]:
        return False
    spaced, squashed = report.mentions
    for name in (other.location, other.admin3):  # a loop, not any(): this runs for many pairs
        size = len(name)
        if size >= MIN_MENTION and (name in squashed if size > SHORT_NAME else f" {name} " in spaced):
            return True
    return False


@lru_cache(maxsize=65536)
def shared_text(text: str) -> str:
    """One object for equal evidence texts (syndicated copies, one outlet's repeated wording)."""
    return text


@lru_cache(maxsize=65536)
def shared_codes(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """One (read-only) dict for equal sets of P-codes: reports of one place share it."""
    return dict(items)


def score_date(a: Profile, b: Profile) -> float | None:
    """1.0 for the same day, less for days apart within tolerance, 0.7 for a coarse date that allows
    the other; UNKNOWN when one report is undated (dated only by its publication: nothing for or
    against, as an unknown toll or a silent actor); None when intervals miss."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return UNKNOWN
    if a.lo > b.hi or b.lo > a.hi:
        return None
    if not a.dated or not b.dated:
        return UNKNOWN
    if a.day is not None and b.day is not None:
        agreement = 1.0 - 0.2 * abs(a.day - b.day)
        return agreement if agreement > 0.4 else 0.4
    return 0.7


def _place_contained(a: Profile, b: Profile) -> bool:
    """One record's most precise P-code lies in the other's township (or district): by the inner
    record's own codes when it has them, else by the geocoder."""
    child_a, child_b = a.pcode or a.township, b.pcode or b.township
    for parent_a, parent_b in ((a.township, b.township), (a.district, b.district)):
        # parent_x is both x's code at this level (as the outer place) and its own (as the inner one)
        if _inside(child_b, parent_b, parent_a):
            return a.location == "" or a.pcode in (None, parent_a)
        if _inside(child_a, parent_a, parent_b):
            return b.location == "" or b.pcode in (None, parent_b)
    return False


def _inside(child: str | None, own: str | None, parent: str | None) -> bool:
    """A place (`child`, with its `own` code at the parent's level) lies in a different `parent`."""
    if not parent or not child or parent == child:
        return False
    return (own == parent) if own else pcode_contains(parent, child)


def townships_conflict(a: Profile, b: Profile) -> bool | None:
    """True when two different townships are named, False when the same, None when unsure
    (one name is not in the gazetteer and the spellings differ)."""
    code_a, code_b = a.township, b.township
    if code_a and code_b:
        return code_a != code_b
    if names_match(a.admin3, b.admin3):
        return False
    return None if (code_a or code_b) else True


@lru_cache(maxsize=1)
def city_centre_townships() -> dict[str, str]:
    """State -> the normalised township a geocoder gave the city named by the state's name
    (settings.yaml `city_centre_townships`)."""
    table = load_settings().get("city_centre_townships") or {}
    return {normalise_admin1(state): normalise_name(township) for state, township in table.items()}


@lru_cache(maxsize=1)
def place_scores() -> dict[str, float]:
    """Place agreement levels of settings.yaml (read once: this runs for every pair)."""
    return {name: float(value) for name, value in load_settings()["place_scores"].items()}


@lru_cache(maxsize=1)
def wildcards() -> frozenset[str]:
    """Actor codes that never disagree (settings.yaml `actor_wildcards`)."""
    return frozenset(load_settings()["actor_wildcards"])


def score_place(a: Profile, b: Profile) -> float | None:
    """Agreement in the admin hierarchy; None when two different states or townships are named.
    (Runs for every candidate pair: containment is looked up once, and at most when needed.)"""
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    scores = place_scores()
    if a.pcode and a.pcode == b.pcode:
        return scores["location"]
    if not (a.admin3 or a.location) or not (b.admin3 or b.location):
        return _place_of_state_report(a, b, scores)
    ta, tb = a.township, b.township
    contained: bool | None = None
    if ta and tb and ta != tb and (a.point is None or b.point is None):
        contained = _place_contained(a, b)
        if not contained:
            return None  # two resolved townships (the common case, decided without the rest)
    if a.point is not None and b.point is not None:
        near = _near(a, b)
        if near is not None:
            return near
    conflict = ((ta != tb) if ta and tb else townships_conflict(a, b)) if a.admin3 and b.admin3 else False
    if conflict:
        contained = _place_contained(a, b) if contained is None else contained
        if not contained:
            return None
    la, lb = a.location, b.location
    if la and lb and (la == lb or names_match(la, lb)):
        return scores["location"]
    contained = _place_contained(a, b) if contained is None else contained
    if contained or _named_inside(a, b) or _named_inside(b, a):
        return scores["contained"]
    if la and lb and _described_by(la, lb):
        return scores["contained"]
    if (not a.admin3 and mentions_place(a, b)) or (not b.admin3 and mentions_place(b, a)):
        return scores["mentioned"]
    if conflict is None:
        return scores["admin1"]
    if a.admin3 and b.admin3:
        return scores["location_differs"] if la and lb else scores["admin3"]
    if a.admin2 and b.admin2:
        return scores["admin2"] if names_match(a.admin2, b.admin2) else scores["admin1"]
    if a.admin1 and b.admin1:
        return scores["admin1"]
    return scores["unknown"]


def _place_of_state_report(a: Profile, b: Profile, scores: dict[str, float]) -> float:
    """Place agreement when one report names no township or place (only its state, or nothing): the
    other's place named in its text, else the districts, else the state (the common case, decided
    without the township and village rules, which cannot apply)."""
    if (a.mentions[1] and mentions_place(a, b)) or (b.mentions[1] and mentions_place(b, a)):
        return scores["mentioned"]
    if a.admin2 and b.admin2:
        return scores["admin2"] if names_match(a.admin2, b.admin2) else scores["admin1"]
    return scores["admin1"] if a.admin1 and b.admin1 else scores["unknown"]


def _near(a: Profile, b: Profile) -> float | None:
    """Agreement by distance when both reports place the event at a point (village or town): within
    `near_km` the same place (a camp named after its village, a hill beside it), within `vicinity_km`
    the same vicinity; None when a point is missing or they are farther apart (the names decide)."""
    if a.point is None or b.point is None:
        return None
    settings = load_settings()
    km = distance_km(a.point, b.point)
    if km <= settings["near_km"]:
        return float(settings["place_scores"]["contained"])
    if km <= settings["vicinity_km"] and not (a.location and b.location and a.location != b.location):
        return float(settings["place_scores"]["admin3"])
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _named_inside(outer: Profile, inner: Profile) -> bool:
    """The outer record names only a township (or its town by the township's name: "in Ramree"), and
    the inner record's place lies in it."""
    return bool(outer.township_level and inner.location and names_match(outer.admin3, inner.admin3))


def _described_by(a: str, b: str) -> bool:
    """One place is described relative to the other by name ("the hilltop camp at the entrance of
    Mawchi" and "Mawchi"): the longer normalised name contains the shorter, of at least MIN_RELATIVE
    letters."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_RELATIVE and short != long and short in long


def score_actors(a: Profile, b: Profile) -> float:
    """Agreement of actor codes (0.5 when one report names none): `actor_agreement`."""
    if not a.named_actors or not b.named_actors:
        return UNKNOWN
    return actor_agreement(a.named_actors, a.actors, b.named_actors, b.actors)


RELATED = 0.7  # actors that meet only through their organisations or alliances


@lru_cache(maxsize=65536)
def actor_agreement(
    left: frozenset[str], left_all: frozenset[str], right: frozenset[str], right_all: frozenset[str]
) -> float:
    """Jaccard of the codes named (at least RELATED when they share one), RELATED when only their
    organisations or alliances meet, UNKNOWN when they name only different sides (one report the
    army, the other the group it fought), 0 when nothing meets. Cached: a million reports name a few
    dozen sets of actors, so most pairs are one dictionary look-up."""
    shared = left & right
    if shared:
        jaccard = len(shared) / len(left | right)
        return jaccard if jaccard > RELATED else RELATED
    if left_all & right_all:
        return RELATED
    sides_left, sides_right = sides_of(left), sides_of(right)
    if sides_left and sides_right and not sides_left & sides_right:
        return UNKNOWN  # each names another party of one fight (the army; the group it fought): no conflict
    left, right = without_generics(left, sides_right), without_generics(right, sides_left)
    if not left or not right or not sides_of(left) & sides_of(right):
        return UNKNOWN  # a side named only generically ("resistance forces") against one of its groups
    return 0.0


@lru_cache(maxsize=1)
def side_generics() -> frozenset[str]:
    """Codes that also stand for a side's forces in general (settings.yaml `side_generic_actors`)."""
    return frozenset(load_settings()["side_generic_actors"])


def without_generics(codes: frozenset[str], other_sides: frozenset[str]) -> frozenset[str]:
    """The codes less those generic for a side the other report names a group of: "resistance
    forces", which the registry codes PDF, may be any resistance group the other report names."""
    generic = codes & side_generics()
    if not generic:
        return codes
    return codes - frozenset(code for code in generic if sides_of(frozenset({code})) & other_sides)


@lru_cache(maxsize=4096)
def sides_of(codes: frozenset[str]) -> frozenset[str]:
    """The sides (junta, resistance, civilian) the registry gives a set of actor codes; codes it does
    not know add none."""
    registry = _registry()
    return frozenset(side for side in (registry.side(code) for code in codes) if side and side != "unknown")


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """Capitalised words that do not tell events apart (settings.yaml `common_names`)."""
    return frozenset(word.lower() for word in load_settings()["common_names"].split())


@lru_cache(maxsize=65536)
def proper_names(text: str) -> frozenset[str]:
    """Normalised capitalised words that do not open a sentence: the names a report mentions; a named
    operation ("Operation 1111") is one name, marked with OPERATION_MARK. Cached (one object for equal
    sets): syndicated copies and an outlet's repeated sentences give the same text."""
    names = {OPERATION_MARK + match.group(1).lower() for match in OPERATION.finditer(text)}
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
    overlap = 0.0
    if a.names and b.names:
        if a.operations and b.operations and a.operations & b.operations:
            return 1.0  # one named operation: its name identifies the event as well as any wording
        smaller = len(a.names) if len(a.names) < len(b.names) else len(b.names)
        overlap = len(a.names & b.names) / (smaller if smaller > MIN_NAMES else MIN_NAMES)
        if overlap >= 1.0:  # the larger of the two: no need for the costlier ratio
            return 1.0
    ratio = wording_ratio(a.text, b.text)
    return ratio if ratio > overlap else overlap


@lru_cache(maxsize=4096)
def wording_ratio(first: str, second: str) -> float:
    """rapidfuzz's token-set ratio of two evidence texts, 0..1: the costliest part of a pair's score.
    Cached (a few thousand pairs; the profiles hold the texts anyway): the sweep meets the reports of
    two events one after another, so the same two wordings (an event's copies) come many times in a row."""
    return fuzz.token_set_ratio(first, second) / 100.0


def score_fatalities(a: Profile, b: Profile) -> float:
    """Agreement of death tolls (`toll_agreement`); 0.5 when one is unknown."""
    if a.fatalities is None or b.fatalities is None:
        return UNKNOWN
    return toll_agreement(a.fatalities, b.fatalities)


def toll_agreement(a: int, b: int) -> float:
    """1 for equal tolls, falling with their relative gap to a floor (tolls get revised)."""
    high = a if a > b else b
    agreement = 1.0 if high == 0 else 1.0 - abs(a - b) / high
    floor = fatalities_floor()
    return agreement if agreement > floor else floor


@lru_cache(maxsize=1)
def fatalities_floor() -> float:
    """The lowest toll agreement (settings.yaml `fatalities_floor`: tolls get revised)."""
    return float(load_settings()["fatalities_floor"])


def score_type(a: Profile, b: Profile) -> float:
    """1 for the same sub-type, 0.5 when one report gives none, 0 for two compatible codings."""
    if a.type_key == b.type_key:
        return 1.0
    return 0.5 if not a.sub_event_type or not b.sub_event_type else 0.0
