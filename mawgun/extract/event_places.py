"""Places of events: one place per event a sentence reports (listed villages or townships each get their own),
the state/region carried from context when the sentence names none, and namesakes in other states caught."""

from __future__ import annotations

import re
from dataclasses import replace

from mawgun.extract import places as place_finder
from mawgun.extract.annotators import carried_admin1
from mawgun.extract.pipeline import Context
from mawgun.extract.places import is_state, rank, with_admin1
from mawgun.model import Place

# Lower is more specific; a township the text names as such beats a city named like it ("Yangon's Hlaing").
SPECIFIC = {"village": 0, "ward": 0, "camp": 0, "village_tract": 1, "township": 1.5, "town": 2, "district": 3}
WEAK_LEVELS = {"village", "ward", "village_tract", "camp"}


def event_places(ctx: Context, index: int, after: int | None = None) -> list[Place]:
    """One place per event the sentence reports: listed villages or townships each get their own event;
    several states alone each get one; a place's missing state comes from the sentence or from before."""
    found = ctx.places(index)
    if after is not None:  # only the places of a later clause
        found = [p for p in found if p.span and p.span.start >= after]
        if not any(not is_state(p) for p in found):
            return []
    states = [p for p in found if is_state(p)]
    state_here = states[0].admin1 if states else None
    carried = state_here or carried_admin1(ctx, index)
    local = without_containers([p for p in found if not is_state(p)], ctx.doc.text)
    context = {s.admin1 for s in states} if states else {carried}
    local = [consistent(p, context, local, ctx.doc.text) for p in local]
    if local:
        best = min(rank(p, SPECIFIC, ctx.doc.text) for p in local)
        chosen = listed_group([p for p in local if rank(p, SPECIFIC, ctx.doc.text) == best], ctx.doc.text)
        return [with_admin1(fill_township(as_written(p), local), carried) for p in chosen]
    if states:
        unique = {p.admin1: p for p in states}
        return [Place(admin1=name, geo_precision=3, span=p.span) for name, p in unique.items()]
    return [Place(admin1=carried, geo_precision=3)] if carried else []


def consistent(place: Place, context: set[str | None], others: list[Place], text: str = "") -> Place:
    """A place outside the state in context (named in the sentence, else carried), or one the gazetteer could
    not place at all, is looked up again among the gazetteer's namesakes in that state (and township, when the
    sentence names one); failing that it keeps only its name as written, inside the state and township of its
    context: never a place in another state than the text names."""
    context.discard(None)
    if place.admin1 is None and place.level in WEAK_LEVELS and place.span:
        states = context or {p.admin1 for p in others if p.admin1}
        return namesake_in(place, states, others, text) or place
    if not context or place.admin1 is None or place.admin1 in context:
        return place
    if place.level in WEAK_LEVELS or any(p.admin1 in context for p in others):
        written = place.span.text if place.span else place.location
        found = namesake_in(replace(place, location=written), context, others, text)
        if found:
            return found
        level = "village" if re.match(r"\s+[Vv]illage\b", text[place.span.end :] if place.span else "") else place.level
        township = next((p for p in others if p.level == "township" and p.admin1 in context), None)
        return Place(
            location=written,
            admin1=township.admin1 if township else next(iter(context)) if len(context) == 1 else None,
            admin3=township.admin3 if township else None,
            admin3_pcode=township.admin3_pcode if township else None,
            geo_precision=1,
            level=level if level in WEAK_LEVELS else "village",
            span=place.span,
        )
    return place


def namesake_in(place: Place, states: set[str | None], others: list[Place], text: str) -> Place | None:
    """The gazetteer's unit spelled like the place as written, in one of `states` (in the township the sentence
    names, when several): "Kyauk Kyi village ... Sagaing" is not Kyaukkyi in Bago."""
    geocoder = place_finder.get_geocoder()
    name = place.span.text if place.span else place.location
    if not name or not states:
        return None
    candidates = [c for c in geocoder.search(name, limit=60) if c.admin1 in states and c.level in WEAK_LEVELS]
    townships = {p.admin3 for p in others if p.level == "township" and p.admin3}
    if townships:
        candidates = [c for c in candidates if c.admin3 in townships]
    if not candidates or len({c.admin3 for c in candidates}) > 1:
        return None
    return replace(candidates[0], location=name, span=place.span)


def without_containers(places: list[Place], text: str) -> list[Place]:
    """Drop a city written as the owner of the place after it ("Yangon's Hlaing Tharyar Township")."""
    starts = {p.span.start for p in places if p.span}
    kept = []
    for place in places:
        span = place.span
        owner = re.match(r"[’']s\s+", text[span.end : span.end + 4]) if span else None
        if span and owner and span.end + owner.end() in starts:
            continue
        kept.append(place)
    return kept


def listed_group(places: list[Place], text: str) -> list[Place]:
    """The first place, plus those listed right after it ("Hpruso, Loikaw, Demoso and Shadaw")."""
    group = [places[0]]
    first = places[0].span
    if first and re.search(r"\b(?:between|from)\s+(?:the\s+)?$", text[max(0, first.start - 14) : first.start], re.I):
        return group  # "on the road between Launglon and Dawei": one event on a route, not two
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
    """The place with its location as the text writes it ("Pa Zi Gyi" rather than the township the gazetteer
    fell back to, "Hsenwi" rather than "Hseni"; a dateline's capitals excepted); P-code, township and
    coordinates stay the gazetteer's."""
    if place.span and place.span.text and place.location != place.span.text and not place.span.text.isupper():
        return replace(place, location=place.span.text)
    return place


def fill_township(place: Place, local: list[Place]) -> Place:
    """A village's township from a township named in the same sentence when the geocoder gave none; a name the
    gazetteer placed nowhere ("the North Eastern Command base in Lashio") takes the town's township."""
    if place.admin3:
        return place
    township = next((p for p in local if p.level == "township" and p.admin3), None)
    if township is None and place.admin1 is None:
        township = next((p for p in local if p.level == "town" and p.admin3), None)
    return replace(place, admin3=township.admin3, admin1=place.admin1 or township.admin1) if township else place


def stated_places(ctx: Context, index: int) -> list[Place]:
    """Places a non-violent event's own sentence names (statements are not placed by context)."""
    found = [p for p in ctx.places(index) if p.admin1 or p.location]
    return found[:1]
