"""Lists of places that span states or regions: one event per place listed.

"detained activists in Sagaing, Magway and Ayeyarwady regions and Kayin State" is an arrest in each of four
places; "jets struck Kachin State's Hpakant township, Chin State's Mindat township and Kyaukme township in Shan
State" is a strike in each township. The per-sentence place rules keep the most specific
rank and so one state or one town; here a list is read as items joined by commas, "and" or "as well as", each
item a place with, optionally, its state as an owner ("Shan State's") or a tail ("in Bago Region"), and counts
("twice", "once each"). An item followed by "regions" or "states" (or a run of items closed by the plural) is
the region itself, not its capital city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mawgun.extract.dates import DateMention
from mawgun.extract.event_places import fill_township
from mawgun.extract.pipeline import Context
from mawgun.extract.places import is_state
from mawgun.model import Place

UNIT = r"(?:regions?|states?|divisions?|townships?|towns?|villages?|provinces?)"
COUNT = r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many) times|twice|once)(?: each)?"
GLUE = re.compile(
    rf"(?:\s+{UNIT})?(?:\s+{COUNT})?(?:\s*[,;]\s*(?:(?:and|as well as|&)\s+)?|\s+(?:and|as well as|&)\s+)"
    r"(?:(?:in|at|on)\s+)?(?:the\s+)?",
    re.I,
)
OWNER = re.compile(rf"(?:\s+{UNIT})?[’']s\s+", re.I)
TAIL = re.compile(r"\s+(?:[Tt]ownships?|[Tt]owns?)\s+(?:in|of)\s+(?:the\s+)?", re.I)
STATE_WORD = re.compile(r"\s+(?:[Rr]egions?|[Ss]tates?|[Dd]ivisions?)\b")
PLURAL_STATES = re.compile(r"\s+(?:[Rr]egions|[Ss]tates|[Dd]ivisions)\b")
LEAD = re.compile(r"(?:\s+(?:[Rr]egion|[Ss]tate|[Dd]ivision)[’']?s?)?\s+townships\s+(?:of|in|including)\s+(?:the\s+)?")
ROUTE = re.compile(r"\b(?:between|from|to|towards?|into|via|such as|including)\s+(?:the\s+)?$", re.I)


@dataclass
class Item:
    """One listed place: the place itself, where it ends in the text, and the state named with it."""

    place: Place
    end: int
    state: str | None = None
    is_region: bool = False


def listed_places(ctx: Context, index: int) -> list[Place]:
    """One place per item of a list that spans two or more states or regions, or of the townships of a state
    named before the list, else [] (the per-sentence place rules then decide)."""
    found = sorted((p for p in ctx.places(index) if p.span), key=lambda p: p.span.start if p.span else 0)
    items = read_items(ctx.doc.text, found)
    best: list[Item] = []
    run: list[Item] = []
    for item in items:
        if run and GLUE.fullmatch(ctx.doc.text[run[-1].end : start_of(item)]):
            run.append(item)
        else:
            run = [item]
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2 or ROUTE.search(ctx.doc.text[max(0, start_of(best[0]) - 20) : start_of(best[0])]):
        return []
    close_plural_runs(ctx.doc.text, best)
    lead = lead_state(ctx.doc.text, found, start_of(best[0]))
    for item in best:  # "the Mandalay Region townships of Madaya, ... and Singu": all in Mandalay
        item.state = item.state or (None if item.is_region else lead)
    places = [as_place(item) for item in best]
    townships = lead is not None and all(p.level in {"township", "town"} for p in places)
    named = {p.admin1 for p, item in zip(places, best, strict=True) if p.admin1 and (item.is_region or item.state)}
    if len(named) < 2 and not townships:  # the states must be the text's, not the gazetteer's guesses
        return []
    unique: dict[tuple[str | None, str | None], Place] = {}
    for place in places:
        unique.setdefault((place.admin1, None if place.geo_precision == 3 else place.admin3), place)
    return list(unique.values())


def lead_state(text: str, found: list[Place], start: int) -> str | None:
    """The state named right before a list of its townships ("Yangon Region townships of ...")."""
    for place in found:
        if place.span and is_state(place) and LEAD.fullmatch(text[place.span.end : start]):
            return place.admin1
    return None


def start_of(item: Item) -> int:
    return item.place.span.start if item.place.span else item.end


def read_items(text: str, found: list[Place]) -> list[Item]:
    """Places joined with the state named as their owner ("Sagaing Region's Kani") or tail ("Gangaw township in
    Magway Region"), in text order."""
    items: list[Item] = []
    i = 0
    while i < len(found):
        place = found[i]
        span = place.span
        assert span is not None
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[span.end : nxt.span.start] if nxt and nxt.span else ""
        if nxt and nxt.span and is_state(place) and not is_state(nxt) and OWNER.fullmatch(gap):
            items.append(Item(nxt, nxt.span.end, state=place.admin1))
            i += 2
            continue
        if nxt and nxt.span and not is_state(place) and is_state(nxt) and TAIL.fullmatch(gap):
            items.append(Item(place, nxt.span.end, state=nxt.admin1))
            i += 2
            continue
        items.append(Item(place, span.end, is_region=is_state(place) or bool(STATE_WORD.match(text, span.end))))
        i += 1
    return items


def close_plural_runs(text: str, items: list[Item]) -> None:
    """Items before a plural "regions"/"states" ("Sagaing, Magway and Ayeyarwady regions") are regions."""
    opened = 0
    for n, item in enumerate(items):
        if PLURAL_STATES.match(text, item.end):
            for earlier in items[opened : n + 1]:
                earlier.is_region = True
            opened = n + 1
        elif item.is_region or item.state:
            opened = n + 1


def as_place(item: Item) -> Place:
    """The item's place: the region alone for a region, else the place with the state named with it."""
    place = item.place
    if item.is_region:
        return Place(admin1=place.admin1, geo_precision=3, span=place.span)
    if item.state and place.admin1 != item.state:
        return replace(place, admin1=item.state)
    return place


ITEM_BREAK = re.compile(r";\s*(?:and\s+)?")


def dated_items(ctx: Context, index: int) -> tuple[int, list[tuple[DateMention, Place, tuple[int, int]]]]:
    """A sentence that lists events item by item after a colon, each with its own day and place, the head naming
    them ("jets struck three places in May: on 2 May on village A, Kani Township; on 11 May on town B; ..."):
    where the items begin (0 when none) and each item's day, place and span (offsets within the sentence).
    Every item must have exactly one day and a place below a state."""
    sentence = ctx.sentences[index]
    text = sentence.text
    colon = text.find(":")
    begin = colon + 1
    breaks = list(ITEM_BREAK.finditer(text, begin)) if colon != -1 else []
    if not breaks:
        return 0, []
    bounds = [begin, *(b.start() for b in breaks), len(text)]
    starts = [begin, *(b.end() for b in breaks)]
    items = []
    for start, end in zip(starts, bounds[1:], strict=False):
        days = [m for m in ctx.dates[index] if m.precision == "day" and start <= m.start - sentence.start < end]
        local = [
            p for p in ctx.places(index) if p.span and start <= p.span.start - sentence.start < end and not is_state(p)
        ]
        if len(days) != 1 or not local:
            return 0, []
        items.append((days[0], fill_township(local[0], local), (start, end)))
    return begin, items
