"""Places for events: the geocoder (`mawgun.geo`, required: a missing or unreadable gazetteer is an error, never a
silent change of results), joined by wording rules for names it leaves unread (states/regions, "X Township",
"X Village", "the town of X").

Also answers which state/region a sentence's events fall in when the sentence names none: the one named
earlier in the paragraph, else the one named last before it in the document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from mawgun.extract.vocab import compile_pattern, load_vocabulary
from mawgun.geo.admin1 import admin1_spellings
from mawgun.model import Place, Span

CAPWORD = r"[A-Z][\w\-]*(?:[’'](?!s\b)\w+)*"
CAPNAME = rf"(?!(?:In|On|At|The|A|An|And|Of|From|Near|To|By)\b){CAPWORD}(?:\s+{CAPWORD}){{0,2}}"
TOWNSHIPS_RE = re.compile(  # a list only before the plural: "Hpruso, Loikaw and Demoso townships"
    rf"(?P<names>{CAPNAME}(?:,\s*(?:and\s+)?{CAPNAME})*(?:,?\s+and\s+{CAPNAME})?)\s+[Tt]ownships\b"
    rf"|(?P<one>{CAPNAME})\s+[Tt]ownship\b"
)
VILLAGES_RE = re.compile(  # "Ywa Thit, Kyauk Kyi and Hnaw Kone villages"
    rf"(?P<names>{CAPNAME}(?:,\s*(?:and\s+)?{CAPNAME})*,?\s+and\s+{CAPNAME})\s+[Vv]illages\b"
)
FACILITY_RE = re.compile(rf"\b(?P<name>{CAPWORD})\s+(?:International\s+)?Airport\b")  # "Yangon International Airport"
LOCATION_RES = [
    re.compile(
        rf"(?P<name>{CAPNAME})\s+(?:(?:IDP|[Dd]isplacement|[Rr]efugee|[Rr]elief)\s+)?(?:[Vv]illage|[Tt]own|[Cc]amp)\b"
    ),
    re.compile(
        rf"\b(?:the|a) (?P<name>{CAPNAME})\s+(?:air ?base|airbase|airport|airfield|military base|base|outpost)\b"
    ),
    re.compile(rf"\b(?:village|town|city|camp|camps) (?:of|in|at|near) (?P<name>{CAPNAME})"),
    re.compile(rf"\b(?:villagers|residents|people|civilians) (?:from|of) (?P<name>{CAPNAME})"),
    re.compile(rf"\b(?:in|at|near) (?P<name>{CAPNAME}),?\s+(?:in\s+)?{CAPNAME}\s+[Tt]ownship\b"),
]
KIND_WORDS = re.compile(
    r"village|hamlet|ward|mountain|hill|peak|ridge|tract|zone|area|quarter|bridge|junction|gate", re.I
)
KIND_RES = [  # read only when a sentence holds one of KIND_WORDS (speed)
    # "Nang Fa, a village", "the mountain Mak Salaung"
    re.compile(rf"(?P<name>{CAPNAME}),\s+an?\s+(?:small\s+|remote\s+)?(?:village|hamlet|ward)\b"),
    re.compile(rf"\bthe (?:mountain|hill|hilltop|peak|ridge) (?:of )?(?P<name>{CAPNAME})"),
    re.compile(  # "Naung Pain village tract", "the Pi Chaung area", "Hlaing Industrial Zone", "Ta Khun hill"
        rf"(?P<name>{CAPNAME})\s+(?:[Vv]illage[- ][Tt]ract|[Ii]ndustrial [Zz]one|area|[Ww]ard|[Qq]uarter|[Hh]ill|"
        rf"[Mm]ountain|[Bb]ridge|[Jj]unction|[Gg]ate)\b"
    ),
]


class MissingResourceError(RuntimeError):
    """A resource the extractor needs (the gazetteer, the actor registry) is not installed or cannot be read."""


@lru_cache(maxsize=1)
def get_geocoder() -> Any:
    """The project's geocoder; raises MissingResourceError naming what is missing when it cannot be loaded."""
    try:
        from mawgun.geo import get_geocoder as load
    except ImportError as exc:
        raise MissingResourceError(
            f"extraction needs the gazetteer package mawgun.geo, which cannot be imported: {exc}"
        ) from exc
    try:
        return load()
    except (OSError, ValueError, KeyError) as exc:
        raise MissingResourceError(
            f"extraction needs the gazetteer (mawgun/geo/data), which cannot be read: {exc}"
        ) from exc


@lru_cache(maxsize=1)
def admin1_pattern() -> re.Pattern[str]:
    """States/regions as written: "Karenni State", "northern Shan State", "Kachin, Chin, and Karen states"."""
    data = load_vocabulary("places")
    names = sorted((alias for aliases in admin1_spellings().values() for alias in aliases), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    direction = (
        r"(?:(?:[Nn]orthern|[Ss]outhern|[Ee]astern|[Ww]estern|[Cc]entral|[Uu]pper|[Ll]ower|"
        r"[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)\s+)?"
    )
    tail = rf"(?:\s*\((?:{alt})\))?\s+{data['admin1_suffix']}s?\b"
    listed = rf"{direction}(?:{alt})(?:,\s*(?:and\s+)?{direction}(?:{alt}))*(?:,?\s+and\s+{direction}(?:{alt}))?"
    return re.compile(rf"(?P<list>{listed}){tail}")


@lru_cache(maxsize=1)
def admin1_aliases() -> dict[str, str]:
    """Lower-cased alias -> canonical admin1 name (the names and aliases are geo's: `mawgun.geo.admin1`)."""
    return {alias.lower(): name for name, aliases in admin1_spellings().items() for alias in aliases}


def admin1_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, canonical admin1) for each state/region named in text[start:end]."""
    aliases = admin1_aliases()
    word = re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)), re.I)
    found = []
    for match in admin1_pattern().finditer(text, start, end):
        for hit in word.finditer(text, match.start("list"), match.end("list")):
            found.append((hit.start(), hit.end(), aliases[hit.group(0).lower()]))
    for match in bare_admin1_pattern().finditer(text, start, end):  # "in Mandalay", "in Yangon's ..."
        if not any(s <= match.start("name") < e for s, e, _ in found):
            found.append((match.start("name"), match.end("name"), aliases[match.group("name").lower()]))
    return sorted(found)


@lru_cache(maxsize=1)
def bare_admin1_pattern() -> re.Pattern[str]:
    """A state/region name after "in" that no capitalised word continues (a city named like its region)."""
    alt = "|".join(re.escape(a) for a in sorted(admin1_spellings(), key=len, reverse=True))
    return re.compile(rf"\b(?i:in|near|across|around) (?P<name>{alt})\b(?![ -]+[A-Z(])")


def wording_places(text: str, start: int, end: int) -> list[Place]:
    """Places read from wording alone: states/regions, townships and named villages, towns or camps."""
    places = [
        Place(admin1=name, location=name, geo_precision=3, level="state", span=Span(s, e, text[s:e]))
        for s, e, name in admin1_mentions(text, start, end)
    ]
    for match in TOWNSHIPS_RE.finditer(text, start, end):
        group = "names" if match.group("names") else "one"
        for name in re.finditer(CAPNAME, text[match.start(group) : match.end(group)]):
            s = match.start(group) + name.start()
            places.append(
                Place(
                    admin3=name.group(0),
                    location=name.group(0),
                    geo_precision=2,
                    level="township",
                    span=Span(s, s + len(name.group(0)), name.group(0)),
                )
            )
    for match in VILLAGES_RE.finditer(text, start, end):
        for name in re.finditer(CAPNAME, text[match.start("names") : match.end("names")]):
            s = match.start("names") + name.start()
            span = Span(s, s + len(name.group(0)), name.group(0))
            places.append(Place(location=name.group(0), geo_precision=1, level="village", span=span))
    patterns = LOCATION_RES + KIND_RES if KIND_WORDS.search(text, start, end) else LOCATION_RES
    for pattern in patterns:
        for match in pattern.finditer(text, start, end):
            s, e = match.span("name")
            if not names_actor(text, s, e):
                places.append(
                    Place(location=match.group("name"), geo_precision=1, level="village", span=Span(s, e, text[s:e]))
                )
    return places


def names_actor(text: str, start: int, end: int) -> bool:
    """True when a name read as a place only from the word after it is an armed group or force ("the KIA outpost",
    "a KNLA camp", "the Arakan Army base"): whose post it is, not where it is."""
    from mawgun.extract.actors import get_registry  # actors import this module

    return any(a.actor_id and a.span for a in get_registry().find_actors(text[start:end], start, None))


def find_places(text: str, start: int, end: int, context: str = "") -> list[Place]:
    """Places in text[start:end] (spans are document offsets), most reliable source first."""
    geocoder = get_geocoder()
    found: list[Place] = list(geocoder.find_places(text, start, end, context=context))
    found.extend(facility_towns(geocoder, text, start, end, found))
    found.extend(described_cities(geocoder, text, start, end))
    covered = [(p.span.start, p.span.end) for p in found if p.span]
    for place in wording_places(text, start, end):
        span = place.span
        if span and any(s < span.end and span.start < e for s, e in covered):
            continue
        found.append(place)
    found = [region_as_adjective(place, text) for place in found]
    return sorted(found, key=lambda p: p.span.start if p.span else 0)


def facility_towns(geocoder: Any, text: str, start: int, end: int, found: list[Place]) -> list[Place]:
    """The town a facility is named after ("detained at Yangon International Airport" -> Yangon): the gazetteer
    reads a name followed by more capitalised words as one longer unknown name, so the town is looked up alone."""
    towns: list[Place] = []
    for match in FACILITY_RE.finditer(text, start, end):
        s, e = match.span("name")
        if any(p.span and p.span.start < e and s < p.span.end for p in found):
            continue
        towns.extend(geocoder.find_places(text, s, e))
    return towns


def described_cities(geocoder: Any, text: str, start: int, end: int) -> list[Place]:
    """A city told by what it is ("in Myanmar's largest city", "the country's second-largest city": places.yaml
    `described_cities`), placed at that city with the description as its span; not where the text names the city
    beside the description, which the gazetteer reads itself."""
    cities: list[Place] = []
    for city, pattern in load_vocabulary("places").get("described_cities", {}).items():
        for match in compile_pattern(pattern, 0).finditer(text, start, end):
            s, e = match.span()
            beside = geocoder.find_places(text, max(0, s - 30), s) + geocoder.find_places(text, e, e + 30)
            place = geocoder.resolve(city)
            if place is not None and not any(p.location == place.location for p in beside):
                cities.append(replace(place, span=Span(s, e, text[s:e])))
    return cities


def is_described_city(written: str) -> bool:
    """True when the words are a city told by what it is ("the country's largest city"), not its name."""
    patterns = load_vocabulary("places").get("described_cities", {}).values()
    return any(compile_pattern(pattern, 0).fullmatch(written) for pattern in patterns)


ADJECTIVE_LEAD = re.compile(  # "the Sagaing town", "the western Yangon township"
    r"\b[Tt]he\s+(?:(?:north|south|east|west|central|upper|lower)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?$"
)
REGION_ADJECTIVE = re.compile(r"\s+(?:towns?|villages?|township|countryside|hills)\b")


def region_as_adjective(place: Place, text: str) -> Place:
    """A region's name used as an adjective ("in the Sagaing town", "the western Yangon township") is the region, not
    the town or township of that name: the place is only the state/region."""
    span = place.span
    if span is None or not ADJECTIVE_LEAD.search(text[max(0, span.start - 24) : span.start]):
        return place
    state = admin1_aliases().get(span.text.lower())
    if state is None or not REGION_ADJECTIVE.match(text, span.end):
        return place
    return Place(admin1=state, location=state, geo_precision=3, level="state", span=span)


def with_admin1(place: Place, admin1: str | None) -> Place:
    """The place with its state/region filled in from context when it lacks one."""
    return place if place.admin1 or not admin1 else replace(place, admin1=admin1)


def is_state(place: Place) -> bool:
    """True for a place that is only a state/region: named as one, not a village the gazetteer could only put
    in its state ("Kyin" resolved no further than Sagaing)."""
    if not (place.level == "state" or (place.admin1 and place.admin3 is None and place.geo_precision == 3)):
        return False
    written = (place.span.text if place.span else place.location or "").lower()
    written = re.sub(
        r"\b(?:northern|southern|eastern|western|north|south|east|west|central|upper|lower|state|"
        r"region|division)\b|[^a-z ]",
        " ",
        written,
    )
    written = " ".join(written.split())
    return not written or written in admin1_aliases() or written == (place.admin1 or "").lower()


def rank(place: Place, specific: dict[str, float], text: str = "") -> float:
    """How specific a place is (lower is finer); a named place known only to its state counts as a village, and
    so does any name in a list the text calls villages."""
    if (
        place.span
        and text
        and any(
            m.start() <= place.span.start < m.end() for m in VILLAGES_RE.finditer(text, max(0, place.span.start - 200))
        )
    ):
        return 0
    if place.level == "state" and not is_state(place):
        return 0.5
    return specific.get(place.level or "", 1.5)
