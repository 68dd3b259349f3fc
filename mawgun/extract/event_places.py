"""Places of events: one place per event a sentence reports (listed villages or townships each get their own),
the state/region carried from context when the sentence names none, and namesakes in other states caught."""

from __future__ import annotations

import re
from dataclasses import replace

from mawgun.extract import places as place_finder
from mawgun.extract.annotators import carried_admin1, is_headline
from mawgun.extract.pipeline import Context
from mawgun.extract.places import is_state, rank, with_admin1
from mawgun.model import EventRecord, Place

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
    found = without_prior_places([p for p in found if not is_reference(ctx.doc.text, p)], ctx.doc.text)
    states = [p for p in found if is_state(p)]
    state_here = states[0].admin1 if states else None
    townships = {
        p.admin1 for p in found if p.level == "township" and p.admin1 and not written_as_village(p, ctx.doc.text)
    }
    township_state = townships.pop() if len(townships) == 1 else None  # "X village in Y township": Y's state
    carried = state_here or township_state or carried_admin1(ctx, index, lambda p: not is_reference(ctx.doc.text, p))
    local = finest_places(ctx, found, states, carried)
    if local:
        return local
    if states:
        unique = {p.admin1: p for p in states}
        return [Place(admin1=name, geo_precision=3, span=p.span) for name, p in unique.items()]
    return [Place(admin1=carried, geo_precision=3)] if carried else []


def finest_places(ctx: Context, found: list[Place], states: list[Place], carried: str | None) -> list[Place]:
    """The finest places named below the state level (a list of them when they are listed together), each with
    its township and state filled in; [] when the sentence names none."""
    local = without_cities_of_townships(without_containers([p for p in found if not is_state(p)], ctx.doc.text))
    context = {s.admin1 for s in states} if states else {carried}
    local = [consistent(p, context, local, ctx.doc.text) for p in local]
    if not local:
        return []
    best = min(rank(p, SPECIFIC, ctx.doc.text) for p in local)
    chosen = listed_group([p for p in local if rank(p, SPECIFIC, ctx.doc.text) == best], ctx.doc.text)
    if best == SPECIFIC["township"]:  # "Namtu and Mantung towns": a town listed with a township is one of the list
        chosen = with_listed_towns(chosen, local, ctx.doc.text)
    return [with_admin1(fill_township(as_written(p), local), carried) for p in chosen]


REFERENCE_BEFORE = re.compile(  # where the shooter sits or a distance is measured from, not where the event was
    r"(?:\b(?:based|stationed|positioned|deployed|garrisoned|headquartered) (?:in|at|near)|\bfired from|"
    r"\blaunched from|\b(?:took|taking) off from|"
    r"\bfrom (?:its|their|the|a|an)\s+(?:[\w’'-]+\s+){0,2}?(?:base|camp|position|outpost|battalion|headquarters)s? "
    r"(?:in|at|near)|"
    r"\b(?:miles?|km|kilometres?|kilometers?)\s+(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+)?"
    r"(?:of|from)|\b(?:north|south|east|west)(?:[- ]?(?:east|west))? of)\s+(?:the\s+)?"
    r"(?:(?:neighbou?ring|nearby|adjacent)\s+)?(?:(?:town|city|village) of\s+)?$",
    re.I,
)
REFUGE_BEFORE = re.compile(
    r"\b(?:fled|evacuated|relocated|sheltering|took refuge|taking refuge|sought refuge|seeking refuge)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:to|in|into|at)\s+(?:the\s+)?(?:(?:safe|safer|nearby)\s+(?:areas?|places?)\s+(?:in|at)\s+)?$",
    re.I,
)
ORIGIN_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|adjacent)\s+)?(?:[\w-]+\s+(?:region|state|division)[’']s\s+)?$",
    re.I,
)
ORIGIN_AFTER = re.compile(  # "a jet from the nearby X region's air base": where the jet came from, not its target
    r"^(?:\s+(?:region|state|division|township))?(?:[’']s)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:air\s?base|air force base|airfield|airport|base|headquarters|barracks|garrison)s?\b",
    re.I,
)
CITATION = re.compile(  # "(Mon News Agency)", "(Narinjara, 5 May 2023)"
    r"\((?:[^()]*\b(?:19|20)\d\d\b|[^()]*\b(?:News|Agency|Herald|Times|Post|Monitor|Media)\b)[^()]*\)"
)


PRIOR_EVENT_BEFORE = re.compile(  # "After the fall of X, the army won back Y": X fell before this event
    r"\b(?:following|after|since|weeks after|days after) the (?:fall|capture|recapture|seizure|loss|takeover|"
    r"surrender) of\s+(?:the\s+)?(?:(?:town|city|village|base) of\s+)?$",
    re.I,
)


COMPARED_BEFORE = re.compile(  # "Hpasawng became the third town to fall to the resistance, after Mese"
    r"\b(?:second|third|fourth|fifth|sixth|seventh|latest|next)\s+(?:[\w-]+\s+){0,2}?(?:seized|captured|taken|"
    r"overrun|to fall|lost|to be (?:seized|captured|taken))\b[^.;]{0,80}?\bafter\s+(?:the\s+)?$",
    re.I,
)


def without_prior_places(places: list[Place], text: str) -> list[Place]:
    """The places of a sentence less one named as the place of an earlier change of hands ("After the
    fall of A, the army won back B"; "Hpasawng became the third town to fall, after Mese"), when
    the sentence names another place below its state: that place is where this event happened."""
    prior = [
        p
        for p in places
        if p.span
        and (
            PRIOR_EVENT_BEFORE.search(text[max(0, p.span.start - 50) : p.span.start])
            or COMPARED_BEFORE.search(text[max(0, p.span.start - 140) : p.span.start])
        )
    ]
    rest = [p for p in places if p not in prior]
    return rest if prior and any(not is_state(p) for p in rest) else places


def is_reference(text: str, place: Place) -> bool:
    """A place named only as a firing position or base ("Battalion 120, based in neighbouring Wuntho Township",
    "a jet from the nearby Magway region's air base", a place people fled to ("families were moved to shelters in X"),
    "shells fired from Kyaukme"), as the point a distance is measured from ("20 miles north of Hakha"), or inside a
    citation in parentheses ("(Mon News Agency, 3 May 2023)"): not the place of the event."""
    span = place.span
    if span is None:
        return False
    if REFERENCE_BEFORE.search(text[max(0, span.start - 60) : span.start]):
        return True
    if REFUGE_BEFORE.search(text[max(0, span.start - 60) : span.start]):
        return True  # "families were moved to shelters in X": where people fled to
    if ORIGIN_BEFORE.search(text[max(0, span.start - 60) : span.start]) and ORIGIN_AFTER.match(
        text[span.end : span.end + 80]
    ):
        return True  # "a fighter from the neighbouring Magway region's airfield"
    line_start = text.rfind("\n", 0, span.start) + 1
    citations = CITATION.finditer(text, line_start, min(len(text), span.end + 80))
    return any(m.start() < span.start < m.end() for m in citations)


def fill_places_told_before(ctx: Context, events: list[EventRecord]) -> None:
    """Events placed no finer than a state (after merging, so that a vague retelling still merges) take the place
    named last before their first sentence, in the same state (`place_told_before`); a village named but left
    without a township by the gazetteer takes that place's township."""
    starts = [s.start for s in ctx.sentences]
    for event in events:
        place = event.place
        if place is not None and place.admin3 or not event.evidence:
            continue
        index = max(i for i, start in enumerate(starts) if start <= event.evidence[0].start)
        states = {p.admin1 for p in ctx.places(index) if is_state(p)}
        if len(states) > 1:
            continue
        told = place_told_before(ctx, index, place.admin1 if place else None)
        if told is None:
            continue
        if place is not None and place.location:  # a village the gazetteer could not place: the township told before
            event.place = replace(place, admin3=told.admin3, admin3_pcode=told.admin3_pcode, admin1=told.admin1)
        else:
            event.place = with_admin1(told, place.admin1 if place else None)


UNIT = re.compile(  # a numbered military unit or a regional command: what a capture or an assault takes
    r"(?:\b(?:the\s+)?\d+(?:st|nd|rd|th)\s+)?\b(?:(?i:light\s+infantry|infantry|artillery|armou?red|engineering|"
    r"border\s+guard\s+police)\s+(?i:battalions?|divisions?|regiments?|units?)(?:\s*\((?:LIB|IB|LID|BGP)\))?"
    r"(?:\s+(?:No\.?\s*)?\d+(?:\s*(?:,|and)\s*\d+)*)?|(?:LIB|IB|LID|MOC|TOC)[- ]?\d+|"
    r"(?i:military\s+operations?\s+command)(?:\s*\(MOC\))?[- ]?\d+|[A-Z][A-Za-z]+-\d+\s+(?i:battalion)|"
    r"(?i:(?:(?:north|south)?(?:east|west)(?:ern)?|northern|southern|central|coastal|triangle)\s+regional\s+command)"
    r"(?:\s+(?i:headquarters))?)",
)
UNIT_TAKEN = {"Non-state actor overtakes territory", "Non-violent transfer of territory", "Armed clash"}
NOT_TARGET = re.compile(r"\b(?:by|from|of|with)\s+(?:the\s+)?(?:junta[’']s\s+|military[’']s\s+|regime[’']s\s+)?$", re.I)


def fill_unit_locations(ctx: Context, events: list[EventRecord]) -> None:
    """A capture, surrender or assault whose sentence names a numbered unit or a regional command as what was
    taken ("captured the 380th Light Infantry Battalion", "seized LIB 550", "the Northeastern Regional Command
    headquarters fell") is located at that unit, as written; its township stays the one the place gave. A unit
    named as the agent or owner ("by LIB 102", "troops from IB 54") is not the place."""
    for event in events:
        if event.sub_event_type not in UNIT_TAKEN or event.place is None or not event.evidence:
            continue
        span = event.evidence[0]
        for match in UNIT.finditer(ctx.doc.text, span.start, span.end):
            if NOT_TARGET.search(ctx.doc.text[max(0, match.start() - 30) : match.start()]):
                continue
            if not re.search(r"\d|[Cc]ommand", match.group(0)):
                continue
            event.place = replace(event.place, location=re.sub(r"^the\s+", "", match.group(0).strip()), geo_precision=1)
            break


SITE = re.compile(  # a hill, mountain or camp named in the text: "Camp Victoria", "Alaw Bum", "Hpakant Hill"
    r"\b(?:Camp\s+(?P<camp>[A-Z][\w-]+)|(?P<name>(?:[A-Z][\w-]+\s+){1,2})(?P<kind>Bum|Hill|Mountain|[Cc]amp)\b)"
)
NOT_SITE_NAME = re.compile(  # words that open a description of a camp, not its name ("the Junta Camp", "IDP camp")
    r"^(?:The|A|An|This|That|Its|Their|Junta|Military|Army|Regime|Refugee|IDP|IDPs|Displacement|Displaced|Myanmar|"
    r"Burma|Burmese|Base|Resistance|Rebel|Training|Prison|Labour|Labor|Detention|Relief|Border|Police|PDF|KIA|"
    r"Kachin|Karen|Chin|Shan|Rakhine|Mon|Kayah|Karenni|Rohingya|Bamar|Another|One|Two|Three|Some|Many)\b"
)


def fill_site_locations(ctx: Context, events: list[EventRecord]) -> None:
    """An event placed no finer than a township whose sentence names a hill, mountain or camp the gazetteer does
    not hold ("jets bombed Camp Victoria, the group's headquarters in Thantlang Township"; "the KIA kept Alaw
    Bum") is located at that site, as written; its township and state stay the ones the place gave. A site
    named as where the shooter sat ("from the X camp") is not the place."""
    for event in events:
        if event.place is None or event.place.geo_precision == 1 or not event.evidence:
            continue
        span = event.evidence[0]
        for match in SITE.finditer(ctx.doc.text, span.start, span.end):
            name = match.group(0).strip()
            if match.group("name") and NOT_SITE_NAME.match(match.group("name")):
                continue
            if match.group("name") and place_finder.names_actor(ctx.doc.text, *match.span("name")):
                continue  # "a KNLA camp", "the AA camp": whose camp it is
            if NOT_TARGET.search(ctx.doc.text[max(0, match.start() - 30) : match.start()]):
                continue
            event.place = replace(event.place, location=name)
            event.provenance.fields["place"] = "event_places.fill_site_locations"
            break


def place_told_before(ctx: Context, index: int, state: str | None) -> Place | None:
    """A sentence that names no place below its state takes the place named last before it (the article's
    village, town or camp told in an earlier sentence: "Troops raided Ywa Thit village in Kani Township on 3 May.
    They arrested four men."), when that place lies in the same state; a state named in between, or a sentence
    more than five back, ends the search. The carried place has no span of its own in this sentence."""
    for j in range(index - 1, max(-1, index - 6), -1):
        if is_headline(ctx.sentences[j].text):
            continue
        found = [p for p in ctx.places(j) if not is_reference(ctx.doc.text, p)]
        if not found:
            continue
        states = [p for p in found if is_state(p)]
        local = finest_places(ctx, found, states, states[0].admin1 if states else state)
        if not local:
            return None
        place = local[0]
        if state and place.admin1 and place.admin1 != state:
            return None
        return replace(place, span=None)
    return None


def consistent(place: Place, context: set[str | None], others: list[Place], text: str = "") -> Place:
    """A place outside the state in context (named in the sentence, else carried; a name written as a village
    counts as one whatever level the gazetteer matched it at), or one the gazetteer could not place at all, is
    looked up again among the gazetteer's namesakes in that state (and township, when the sentence names one);
    failing that it keeps only its name as written, inside the state and township of its context: never a place
    in another state than the text names."""
    context.discard(None)
    if place.admin1 is None and place.level in WEAK_LEVELS and place.span:
        states = context or {p.admin1 for p in others if p.admin1}
        return namesake_in(place, states, others, text) or place
    if not context or place.admin1 is None or place.admin1 in context:
        return place
    if place.level in WEAK_LEVELS or written_as_village(place, text) or any(p.admin1 in context for p in others):
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


def written_as_village(place: Place, text: str) -> bool:
    """True for a name the text writes as a village or ward ("Byaing Phyu Village"), whatever level the gazetteer
    matched it at (a namesake township elsewhere)."""
    return bool(place.span and re.match(r"\s+(?:[Vv]illage|[Ww]ard)\b", text[place.span.end :]))


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


LIST_GAP = re.compile(  # between two listed places: ", ", " and ", " villages, and neighbouring "
    r"(?:\s+(?:[Vv]illages?|[Tt]ownships?))?\s*(?:,\s*)?(?:and\s+)?(?:(?:the\s+)?(?:neighbou?ring|nearby|adjacent)\s+)?"
)


def without_cities_of_townships(places: list[Place]) -> list[Place]:
    """Drop a city spread over townships (placed in none: "Yangon") when the sentence also names a township or
    town of its state ("in Yangon, where Hlaing Tharyar and Shwepyithar were placed under martial law")."""
    placed = {p.admin1 for p in places if p.admin3}
    return [p for p in places if p.admin3 or p.level not in ("town", "locality") or p.admin1 not in placed]


def with_listed_towns(chosen: list[Place], local: list[Place], text: str) -> list[Place]:
    """The chosen townships plus the towns listed right beside them ("Namtu and Mantung towns", one read as a
    town and the other as a township), in the order the text names them."""
    ordered = sorted((p for p in local if p.span), key=lambda p: p.span.start if p.span else 0)
    group = list(chosen)
    for first, second in zip(ordered, ordered[1:], strict=False):
        gap = text[first.span.end : second.span.start] if first.span and second.span else "!"
        if not LIST_GAP.fullmatch(gap) or (first.admin3, first.location) == (second.admin3, second.location):
            continue
        for near, other in ((first, second), (second, first)):
            if near in group and other not in group and other.level == "town":
                group.append(other)
    return sorted(group, key=lambda p: p.span.start if p.span else 0)


def listed_group(places: list[Place], text: str) -> list[Place]:
    """The first place, plus those listed right after it ("Mese, Bawlakhe and Hpasawng", "Hlaing Tharyar
    and neighbouring Shwepyithar")."""
    group = [places[0]]
    first = places[0].span
    if first and re.search(r"\b(?:between|from)\s+(?:the\s+)?$", text[max(0, first.start - 14) : first.start], re.I):
        return group  # "on the road between Launglon and Dawei": one event on a route, not two
    for place in places[1:]:
        prev = group[-1]
        if not (prev.span and place.span):
            break
        gap = text[prev.span.end : place.span.start]
        if not re.fullmatch(LIST_GAP, gap):
            break
        if (place.admin3, place.location) != (prev.admin3, prev.location):
            group.append(place)
    return group


def as_written(place: Place) -> Place:
    """The place with its location as the text writes it ("Pa Zi Gyi" rather than the township the gazetteer
    fell back to, "Hsenwi" rather than "Hseni"; a dateline's capitals excepted); P-code, township and
    coordinates stay the gazetteer's."""
    written = place.span.text if place.span else ""
    if written and place.location != written and not written.isupper() and not place_finder.is_described_city(written):
        return replace(place, location=written)
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


def joins_places(ctx: Context, index: int, start: int, end: int) -> bool:
    """True when the words from `start` to `end` of the sentence ("and", ", and") only join two places of a list."""
    base = ctx.sentences[index].start
    spans = [p.span for p in ctx.places(index) if p.span]
    return any(s.end == base + start for s in spans) and any(s.start == base + end for s in spans)
