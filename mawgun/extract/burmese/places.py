"""Places named in Burmese, resolved through the gazetteer's MIMU Burmese names (`name_my`).

Three kinds of mention, read in this order so that the larger units can anchor the smaller:
- a state or region: a stem of `lang/my/places.yaml` ("ရခိုင်") with a marker ("ပြည်နယ်", "တိုင်း") or
  standing alone before a space or punctuation;
- a township, town or district: its Burmese MIMU name (or a pack alias) on syllable boundaries; a name of
  fewer than three syllables counts only before a level word ("မြို့နယ်", "မြို့", "ဒေသ"), since short
  names are also ordinary words ("ကလေး" is Kale and "a child");
- a village: the name before "ကျေးရွာ"/"ရွာ", looked up in the townships the text names (this sentence
  first, then earlier ones), then in its states, then nationally when the name is unique. A village the
  gazetteer does not know keeps its Burmese name inside the township or state the text names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from mawgun.extract.burmese.text import gazetteer_order, normalise_order, on_boundaries, syllable_starts, syllables
from mawgun.extract.vocab import load_vocabulary
from mawgun.geo import get_geocoder
from mawgun.geo.gazetteer import Entry
from mawgun.geo.text import loose_key
from mawgun.model import Place, Span

ADMIN_LEVELS = ("township", "town", "district")
STATE_MARKER_RE = re.compile(r"ပြည်နယ်|တိုင်းဒေသကြီး|တိုင်း")
UNIT_AFTER_RE = re.compile(r"\s?(?:[A-Z]{2,}|ပြည်သူ့ကာကွယ်ရေး|ဒေသကာကွယ်ရေး|တပ်ဖွဲ့|တပ်ရင်း|တပ်မဟာ)")
LIST_JOINT_RE = re.compile(r"\s?(?:နဲ့|နှင့်|၊)\s?")
ORIGIN_RE = re.compile(r"\s?(?:လေဆိပ်|ကနေ|ကတဆင့်)")  # where aircraft or troops set out from, not the target
ONE_RE = re.compile(r"(?:ရွာ\s?)(?:တစ်|တ|[0-9၀-၉]+\s?)$|(?<![\u1000-\u109f])(?:တစ်|တ)$")
GENERIC_NAME_RE = re.compile(r"(?:ခြမ်း|ဘက်|ပိုင်း|တချို့|တစ်ချို့|အများ|တွေ|များ)$")
MAX_NAME_SYLLABLES = 6


@dataclass
class Found:
    """A place mention: the resolved place, its level and the offsets of the name as written."""

    place: Place
    level: str
    start: int
    end: int


@cache
def vocabulary() -> dict:
    return load_vocabulary("places", "my")


def clean_name(name: str) -> str:
    """A Burmese gazetteer name without its bracketed part and spaces ("ပဲခူးတိုင်းဒေသကြီး (အရှေ့)")."""
    return normalise_order(re.sub(r"\s+|\(.*?\)", "", name))


@cache
def admin_index() -> dict[str, list[Entry]]:
    """Burmese names of townships, towns and districts (and the pack's aliases) -> gazetteer entries."""
    gaz = get_geocoder().gaz
    index: dict[str, list[Entry]] = {}
    for entry in gaz.by_pcode.values():
        if entry.level in ADMIN_LEVELS and entry.name_my:
            index.setdefault(clean_name(entry.name_my), []).append(entry)
    for name, pcode in vocabulary()["aliases"].items():
        alias = gaz.get(pcode)
        if alias is not None:
            index.setdefault(normalise_order(name), []).insert(0, alias)
    return index


@cache
def admin_re() -> re.Pattern[str]:
    names = sorted(admin_index(), key=len, reverse=True)
    markers = "|".join(vocabulary()["admin_markers"])
    return re.compile(rf"(?P<name>{'|'.join(map(re.escape, names))})(?P<marker>\s?(?:{markers}))?")


@cache
def state_re() -> re.Pattern[str]:
    stems = {stem: admin1 for admin1, names in vocabulary()["states"].items() for stem in names}
    alternation = "|".join(map(re.escape, sorted(stems, key=len, reverse=True)))
    markers = "|".join(vocabulary()["state_markers"])
    return re.compile(
        rf"(?P<stem>{alternation})(?:\([^)]{{1,12}}\))?(?P<marker>\s?(?:{markers}))?(?P<after>[\s၊။,\-–(]|$)?"
    )


@cache
def state_stems() -> dict[str, str]:
    return {stem: admin1 for admin1, names in vocabulary()["states"].items() for stem in names}


def find_states(text: str, start: int, end: int) -> list[Found]:
    """States and regions named in text[start:end]."""
    found = []
    for match in state_re().finditer(text, start, end):
        if not on_boundaries(text, match.start(), match.end("stem")):
            continue
        if match.group("marker") is None and match.group("after") is None:
            continue
        if UNIT_AFTER_RE.match(text, match.end("marker") if match.group("marker") else match.end("stem")):
            continue
        admin1 = state_stems()[match.group("stem")]
        place = state_place(admin1)
        place.span = Span(match.start(), match.end("marker") if match.group("marker") else match.end("stem"), "")
        found.append(Found(place, "state", match.start(), place.span.end))
    return found


@cache
def state_places() -> dict[str, Place]:
    """admin1 -> the Place of the state or region (first unit of that name in the gazetteer)."""
    geocoder = get_geocoder()
    out: dict[str, Place] = {}
    for entry in geocoder.gaz.by_pcode.values():
        if entry.level == "state":
            admin1 = geocoder.gaz.admin1(entry)
            if admin1 and admin1 not in out:
                place = geocoder.lookup(entry.pcode)
                if place is not None:
                    out[admin1] = place
    return out


def state_place(admin1: str) -> Place:
    base = state_places().get(admin1)
    if base is None:
        return Place(admin1=admin1, location=admin1, geo_precision=3, level="state")
    return replace(base, admin1=admin1, location=admin1, geo_precision=3, level="state")


def find_admin_units(text: str, start: int, end: int) -> list[Found]:
    """Townships, towns and districts named in text[start:end] (see the module doc for short names)."""
    found = []
    for match in admin_re().finditer(text, start, end):
        name = match.group("name")
        if not on_boundaries(text, match.start(), match.end("name")):
            continue
        if match.group("marker") is None and len(syllables(name)) < 3 and not listed_before_marked(text, match.end()):
            continue
        if (
            STATE_MARKER_RE.match(text, match.start())
            or UNIT_AFTER_RE.match(text, match.end())
            or ORIGIN_RE.match(text, match.end())
        ):
            continue  # "ပြည်နယ်" is a state's marker, not Pyay; "နေပြည်တော် PDF" is a unit's name
        entry = pick_entry(admin_index()[name], match.group("marker") or "")
        place = to_place(entry)
        place.span = Span(match.start(), match.end("name"), name)
        level = "township" if entry.level in {"township", "town"} else entry.level
        found.append(Found(place, level, match.start(), match.end()))
    return found


def listed_before_marked(text: str, end: int) -> bool:
    """True when a name is followed by "နဲ့"/"နှင့်"/"၊" and another name with its level word ("ဝက်လက်နဲ့
    ကန့်ဘလူမြို့နယ်တွေ": both are townships)."""
    joint = LIST_JOINT_RE.match(text, end)
    if joint is None:
        return False
    following = admin_re().match(text, joint.end())
    return following is not None and (
        following.group("marker") is not None or listed_before_marked(text, following.end())
    )


def pick_entry(entries: list[Entry], marker: str) -> Entry:
    """The unit a marker points at: a township for "မြို့နယ်", a town for "မြို့", a district for "ခရိုင်"."""
    wanted = {"မြို့နယ်": "township", "မြို့": "town", "ခရိုင်": "district"}.get(marker.strip(), "township")
    for level in (wanted, "township", "town", "district"):
        for entry in entries:
            if entry.level == level:
                return entry
    return entries[0]


def to_place(entry: Entry) -> Place:
    place = get_geocoder().lookup(entry.pcode)
    if place is None:
        return Place(location=entry.name, pcode=entry.pcode, level=entry.level)
    return place


@cache
def village_marker_re() -> re.Pattern[str]:
    return re.compile(vocabulary()["village_marker"])


@cache
def stop_re() -> re.Pattern[str]:
    stops = "|".join(map(re.escape, sorted(vocabulary()["name_stops"], key=len, reverse=True)))
    return re.compile(rf"(?:{stops})")


def name_candidates(text: str, marker_start: int, floor: int) -> list[tuple[int, int]]:
    """(start, end) of the possible names ending just before a village marker, longest first: suffixes of
    the run of Burmese syllables before it, up to six syllables, not crossing a space or punctuation."""
    end = marker_start
    while end > floor and text[end - 1] == " ":
        end -= 1
    begin = end
    while begin > floor and re.match(r"[\u1000-\u103f\u1050-\u109f]", text[begin - 1]):
        begin -= 1
    starts = sorted(s for s in syllable_starts(text[begin:end]) if s < end - begin)
    spans = [(begin + s, end) for s in starts][-MAX_NAME_SYLLABLES:]
    return spans


def unknown_name(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name of a village the gazetteer does not know: the syllables after the last stop word, at most
    four."""
    if not spans:
        return None
    start, end = spans[0]
    cut = start
    for match in stop_re().finditer(text, start, end):
        if on_boundaries(text, match.start(), match.end()) and match.end() < end:
            cut = match.end()
    tail = [s for s in spans if s[0] >= cut]
    if not tail or (len(tail) == 1 and stop_re().fullmatch(text[tail[0][0] : end])):
        return None
    return tail[-4] if len(tail) >= 4 else tail[0]


def find_villages(text: str, start: int, end: int, townships: list[Place], states: list[str]) -> list[Found]:
    """Villages named before "ကျေးရွာ"/"ရွာ" in text[start:end], resolved in the given townships and states."""
    found: list[Found] = []
    for match in village_marker_re().finditer(text, start, end):
        if not on_boundaries(text, match.start(), match.end()) and match.start() not in syllable_starts(text):
            continue
        if ONE_RE.search(text, max(0, match.start() - 8), match.start()):
            continue  # "ကျေးရွာတရွာ", "ရွာတစ်ရွာ" are "one village", not a name
        spans = [s for s in name_candidates(text, match.start(), start) if "ကျေးရွာ" not in text[s[0] : s[1]]]
        if not spans:
            continue
        resolved = resolve_village(text, spans, townships, states)
        if resolved is None:
            name_span = unknown_name(text, spans)
            if name_span is None or GENERIC_NAME_RE.search(text[name_span[0] : name_span[1]]):
                continue
            resolved = (name_span, unknown_village(text[name_span[0] : name_span[1]], townships, states))
        (a, b), place = resolved
        place.span = Span(a, b, text[a:b])
        found.append(Found(place, "village", a, match.end()))
    return found


def resolve_village(
    text: str, spans: list[tuple[int, int]], townships: list[Place], states: list[str]
) -> tuple[tuple[int, int], Place] | None:
    """The longest candidate name that the gazetteer knows in the context, with its place."""
    gaz = get_geocoder().gaz
    for a, b in spans:
        name = gazetteer_order(text[a:b])
        if len(name) < 2:
            continue
        for township in townships:
            if township.admin3_pcode:
                hits = gaz.local_matches(name, township.admin3_pcode)
                if hits:
                    return (a, b), to_place(hits[0])
        hits = gaz.local_matches(loose_key(name))
        if not hits:
            continue
        in_states = [h for h in hits if gaz.admin1(h) in states]
        if len({h.township for h in in_states}) == 1:
            return (a, b), to_place(in_states[0])
        if not states and len({h.township for h in hits}) == 1:
            return (a, b), to_place(hits[0])
        return (a, b), unknown_village(text[a:b], townships, states)  # namesakes: keep the name, in its state
    return None


def unknown_village(name: str, townships: list[Place], states: list[str]) -> Place:
    """A village the gazetteer cannot place: its name as written inside the township (or state) named."""
    if townships:
        base = replace(townships[0])
    elif states:
        base = state_place(states[0])
    else:
        base = Place()
    return replace(
        base, location=name, pcode=None, latitude=base.latitude, geo_precision=2 if townships else 3, level="village"
    )
