"""Resolve place mentions to MIMU units: the most specific unit the text makes sure of.

Admin names (states, districts, townships, towns, GeoNames localities) resolve from the index, with
the designator choosing the level and other mentions (a state, a township) choosing between
namesakes. Villages, tracts and wards resolve only inside a township named in the same text or its
paragraph (72,569 villages share 44,484 names); without one, a name unique in the country is
accepted, otherwise the answer is the smallest unit shared by every namesake. Fuzzy matching runs
only among one township's villages or the township names, with strict score and length guards.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz, process

from mawgun.geo.gazetteer import Entry, Gazetteer
from mawgun.geo.mentions import Mention, find_mentions
from mawgun.geo.regions import region_codes
from mawgun.geo.text import loose_key, name_key
from mawgun.model import Place, Span

LEVEL_RANK = {"town": 0, "township": 1, "locality": 2, "district": 3, "state": 4}
PRECISION = {"state": 3, "district": 2, "township": 2}
DESIGNATED_LEVELS = {
    "township": ("township",),
    "town": ("town", "locality", "township"),
    "district": ("district",),
    "state": ("state",),
    "village": ("town",),
    "village_tract": ("town",),
    "ward": ("town",),
}
FUZZY_LOCAL = 82
ROAD_NAME = r"([A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)?)"
ROAD_RE = re.compile(rf"\b{ROAD_NAME}\s?-\s?{ROAD_NAME}\s+(?i:road|highway)")
MIN_FUZZY_LEN = 5


class Geocoder:
    """Turns place mentions and descriptions into `Place`s; see `mawgun.geo` for the public API."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.township_names = {
            loose_key(e.name): e for e in gazetteer.by_pcode.values() if e.level == "township" and e.lat is not None
        }

    # -- public -------------------------------------------------------------------------------
    def find_places(self, text: str, start: int = 0, end: int | None = None, context: str = "") -> list[Place]:
        """Every place mentioned in text[start:end], resolved; spans are offsets in `text`."""
        return [place for _m, place in self.resolve_mentions(text, start, end, context, loose=False)]

    def resolve(self, mention: str, context: str = "") -> Place | None:
        """One place mention (e.g. 'Pyin Ye Gyi village'), using the surrounding text to disambiguate."""
        return self.geocode_description(mention, context=context)

    def geocode_description(self, text: str, context: str = "") -> Place | None:
        """The single best place for a whole description such as UCDP's where_description."""
        pairs = self.resolve_mentions(text, 0, None, context, loose=True)
        if not pairs:
            return self.context_fallback(context) if context else None
        states = self.preferred_states(pairs, context)
        best = min(pairs, key=lambda pair: self.specificity(pair, pairs, states))
        return self.on_road(text, best[1]) or self.between(text, best, pairs)

    def context_fallback(self, context: str) -> Place | None:
        """When a description names nothing known, the unit its context is sure of: the one township (or
        state) every place in the context shares. The place keeps no span (it is not in the text)."""
        places = [place for _m, place in self.resolve_mentions(context, 0, None, "", loose=False, scan=True)]
        if not places:
            return None
        if len({p.admin3_pcode for p in places}) == 1 and places[0].admin3_pcode:
            entry = self.gaz.by_pcode.get(places[0].admin3_pcode)
        elif len({p.admin1 for p in places}) == 1 and places[0].admin1_pcode:
            entry = self.gaz.by_pcode.get(places[0].admin1_pcode)
        else:
            return None
        return self.to_place(entry, None, entry.name) if entry is not None else None

    def search(self, name: str, limit: int = 10) -> list[Place]:
        """Gazetteer units spelled like `name` (exact, alias, loose or transliteration key), most general first,
        then fuzzy."""
        found = self.gaz.admin_matches(name) + (self.gaz.local_matches(name) or self.gaz.translit_matches(name))
        entries = list({id(e): e for e in found}.values())
        entries.sort(key=lambda e: (order_of(e), e.pcode))
        if len(entries) < limit:
            keys = list(self.township_names)
            for key, score, _i in process.extract(loose_key(name), keys, scorer=fuzz.ratio, limit=limit):
                if self.township_names[key] not in entries and score >= 80:
                    entries.append(self.township_names[key])
        return [self.to_place(e, None, e.name) for e in entries[:limit]]

    def lookup(self, pcode: str) -> Place | None:
        """The unit with this P-code (any level), or None."""
        entry = self.gaz.get(pcode.strip())
        return self.to_place(entry, None, entry.name) if entry else None

    def contains(self, parent_pcode: str, child_pcode: str) -> bool:
        """True when the child unit lies within the parent unit (P-code hierarchy, not geometry)."""
        return self.gaz.contains(parent_pcode, child_pcode)

    # -- resolution ---------------------------------------------------------------------------
    def resolve_mentions(
        self, text: str, start: int, end: int | None, context: str, loose: bool, scan: bool = False
    ) -> list[tuple[Mention, Place]]:
        """Resolve every mention of a segment, admin names first so that they can anchor villages."""
        mentions = find_mentions(self.gaz, text, start, end, loose=loose, scan=scan)
        extra = find_mentions(self.gaz, context, 0, None, scan=True) if context else []
        admin = {id(m): self.pick_admin(m, mentions + extra) for m in mentions + extra if m.candidates}
        anchors = self.anchor_townships(mentions, extra, admin)
        above = {key: self.gaz.ancestors(e) for key, e in admin.items() if e is not None}
        regional = region_codes(text[start:end] + "\n" + context)  # "upper Myanmar": a few states
        results: list[tuple[Mention, Place]] = []
        for mention in mentions:
            near = [m for m in mentions if same_sentence(text, m, mention)]
            strict = self.anchor_townships(near, [], admin)
            ordered = strict + [a for a in anchors if a not in strict]
            # units the other mentions name: they choose among this name's namesakes (its own do not)
            others = regional | {code for key, codes in above.items() if key != id(mention) for code in codes}
            entry = self.resolve_one(mention, admin.get(id(mention)), ordered, others, bool(strict))
            if (
                entry is not None
                and entry.level in ("locality", "town")
                and mention.designator is None
                and all_localities(mention)
            ):
                entry = self.locality_or_village(mention, entry, ordered, others)
            if entry is not None:
                span = Span(mention.start, mention.end, mention.text)
                results.append((mention, self.to_place(entry, span, mention.text)))
        return results

    def locality_or_village(self, mention: Mention, locality: Entry, anchors: list[Entry], others: set[str]) -> Entry:
        """A bare name matching only a GeoNames hamlet far from every other place named ("upper Nyaung Kone"
        in an article about Mandalay Region) is read as a village of the state the other names point to."""
        states = self.states_in(others)
        if not states or self.gaz.ancestors(locality) & states:
            return locality
        inside = [a for a in anchors if self.gaz.ancestors(a) & states]
        return self.resolve_local(mention, inside, states, strict=False) or locality

    def resolve_one(
        self, mention: Mention, admin: Entry | None, anchors: list[Entry], states: set[str], strict: bool
    ) -> Entry | None:
        """The entry for one mention: a local unit in an anchor township, else its admin match."""
        if mention.is_local or mention.designator == "feature":
            local = self.resolve_local(mention, anchors, states, strict)
            if local is not None:
                return local
            if mention.designator == "village" and self.gaz.local_matches(mention.text):
                return None  # a village named like a town elsewhere: not the town
            named = self.states_in(states)
            if (
                admin is not None
                and mention.designator == "village"
                and named
                and not self.gaz.ancestors(admin) & named
            ):
                return None  # "Oak Pho village" in a story about Sagaing is not the town of Okpho in Bago
        return admin

    def states_in(self, codes: set[str]) -> set[str]:
        """The state P-codes among a set of unit codes."""
        return {code for code in codes if (entry := self.gaz.by_pcode.get(code)) is not None and entry.level == "state"}

    def pick_admin(self, mention: Mention, others: list[Mention]) -> Entry | None:
        """Choose among same-name admin candidates: designated level, then agreement with other mentions."""
        wanted = DESIGNATED_LEVELS.get(mention.designator or "", ())
        pool = [e for e in mention.candidates if e.level in wanted] if wanted else list(mention.candidates)
        if not pool and mention.designator == "township":
            pool = self.gaz.fuzzy_townships(mention.text) or [
                self.gaz.by_pcode[e.township]
                for e in mention.candidates
                if e.level == "town" and e.township in self.gaz.by_pcode
            ]
        if not pool and mention.designator in ("village", "village_tract", "ward"):
            return None
        pool = pool or list(mention.candidates)
        context_codes = {e.pcode for m in others if m is not mention for e in m.candidates}
        exact = name_key(mention.text)
        return min(pool, key=lambda e: self.admin_rank(e, context_codes, exact))

    def admin_rank(self, entry: Entry, context_codes: set[str], exact: str) -> tuple[int, int, int, int, str]:
        """Sort key: fits another mention's unit, preferred level (town first), spelled exactly, located."""
        fits = 0 if self.gaz.ancestors(entry) & context_codes else 1
        spelled = 0 if name_key(entry.name) == exact else 1
        return (fits, LEVEL_RANK.get(entry.level, 5), spelled, int(entry.lat is None), entry.pcode)

    def anchor_townships(
        self, mentions: list[Mention], extra: list[Mention], admin: dict[int, Entry | None]
    ) -> list[Entry]:
        """Townships named in the segment (then in the context): the chosen reading of each mention first,
        then its namesakes (a village can tell which of two same-name townships is meant)."""
        anchors: list[Entry] = []
        for mention in mentions + extra:
            chosen = admin.get(id(mention))
            if chosen is not None and chosen.level not in ("township", "town", "locality"):
                continue  # a state or district named like a township does not anchor villages
            if mention.designator in ("village", "village_tract", "ward") and not any(
                e.level == "township" for e in mention.candidates
            ):
                continue  # nor does a village named like a town ("the villages of Tae Lu and Taung U")
            others = [e for e in mention.candidates if e.level in ("township", "town")]
            for entry in ([chosen] if chosen is not None else []) + others:
                township = self.gaz.township_of(entry)
                if township is not None and township not in anchors:
                    anchors.append(township)
        return anchors

    def resolve_local(self, mention: Mention, anchors: list[Entry], states: set[str], strict: bool) -> Entry | None:
        """A village, tract or ward: inside an anchor township (those of its own sentence first: when one is
        named there and holds no such village, no guess), else unique nationwide, else the coarser unit."""
        name = re.sub(r"\s+(?:and|or)\s+.*$", "", mention.text)
        for township in anchors:
            found = self.local_in_township(name, township.pcode, mention.designator)
            if found is not None:
                return found
        if strict:
            return None
        candidates = self.gaz.local_matches(name)
        if not candidates and not anchors:  # a looser spelling is trusted only where no township is named
            candidates = self.gaz.translit_matches(name)
        if states:
            candidates = [e for e in candidates if self.gaz.ancestors(e) & states]
        located = [e for e in candidates if e.lat is not None]
        if located:
            return self.common_unit(located, mention.designator)
        shared = self.common_unit(candidates, mention.designator)  # none has a point: its township has
        return self.gaz.township_of(shared) if shared is not None and shared.lat is None else shared

    def local_in_township(self, name: str, township: str, designator: str | None) -> Entry | None:
        """Exact (loose-key, then transliteration-key) match among a township's villages, tracts and wards,
        then a guarded fuzzy match."""
        found = self.gaz.local_matches(name, township) or self.gaz.translit_matches(name, township)
        if not found:
            key = loose_key(name)
            locals_ = self.gaz.locals_in(township)
            if len(key) >= MIN_FUZZY_LEN and locals_:
                best = process.extractOne(key, list(locals_), scorer=fuzz.ratio, score_cutoff=FUZZY_LOCAL)
                found = self.gaz.entries_at(locals_[best[0]]) if best and abs(len(best[0]) - len(key)) <= 3 else []
        found = [e for e in found if e.lat is not None]
        if not found:
            return None
        level = {"village_tract": "village_tract", "ward": "ward"}.get(designator or "", "village")
        return min(found, key=lambda e: (e.level != level, e.pcode))

    def common_unit(self, candidates: list[Entry], designator: str | None) -> Entry | None:
        """The one candidate, or the smallest unit (township, district, state) all candidates share."""
        if not candidates:
            return None
        if len({(round(e.lat or 0, 2), round(e.lon or 0, 2)) for e in candidates}) == 1:
            return candidates[0]
        tracts = {e.pcode if e.level == "village_tract" else e.parent for e in candidates}
        if len(tracts) == 1:  # a village and the tract named after it
            return min(candidates, key=lambda e: (e.level != "village", e.pcode))
        for field in ("township", "district", "state"):
            codes = {getattr(e, field) for e in candidates}
            if len(codes) == 1 and next(iter(codes)) in self.gaz.by_pcode:
                return self.gaz.by_pcode[next(iter(codes))]
        return None

    # -- output -------------------------------------------------------------------------------
    def specificity(
        self, pair: tuple[Mention, Place], pairs: list[tuple[Mention, Place]], states: set[str]
    ) -> tuple[int, int, int, int]:
        """Sort key for the best place of a description: inside a named township (or a namesake of it: a
        village can tell which Minhla is meant), in the state the description's places mostly share or its
        context names, finest level, first named. A town MIMU lists only as a village (Moebye) ranks as a
        town unless the text calls it a village."""
        mention, place = pair
        townships = {name_key(p.admin3 or "") for _m, p in pairs if p.level == "township"}
        inside = 0 if not townships or name_key(place.admin3 or "") in townships else 1
        level = {"village": 0, "ward": 0, "village_tract": 1, "town": 1, "locality": 2, "township": 3}
        rank = level.get(place.level or "", 4)
        if place.level == "village" and mention.candidates and mention.designator != "village":
            rank = level["town"]
        fits = 0 if not states or place.admin1 in states else 1
        return (inside, fits, rank, place.span.start if place.span else 0)

    def preferred_states(self, pairs: list[tuple[Mention, Place]], context: str) -> set[str]:
        """The state(s) to prefer when a description's places lie in several: those its context names,
        else the one most of its places lie in (none on a tie)."""
        named = {p.admin1 for _m, p in pairs if p.admin1}
        if len(named) < 2:
            return named
        scanned = self.resolve_mentions(context, 0, None, "", loose=False, scan=True) if context else []
        in_context = {p.admin1 for _m, p in scanned}
        if named & in_context:
            return named & in_context
        counts = Counter(p.admin1 for _m, p in pairs if p.admin1)
        (top, first), (_next, second) = counts.most_common(2)
        return {top} if first > second else named

    def on_road(self, text: str, place: Place) -> Place | None:
        """'on the Hakha-Falam road': no finer place named, so the midpoint of the two towns the road joins
        (kept within the unit already chosen; precision 2)."""
        found = ROAD_RE.search(text)
        if found is None or place.level in ("village", "village_tract", "ward"):
            return None
        ends = [self.town_point(found.group(1)), self.town_point(found.group(2))]
        if None in ends or place.latitude is None:
            return None
        (lat1, lon1), (lat2, lon2) = ends  # type: ignore[misc]
        if abs(lat1 - lat2) + abs(lon1 - lon2) > 1.5:
            return None
        place.latitude, place.longitude = round((lat1 + lat2) / 2, 5), round((lon1 + lon2) / 2, 5)
        place.geo_precision = 2
        return place

    def town_point(self, name: str) -> tuple[float, float] | None:
        """Coordinates of the town (or township seat) a road end names."""
        entries = [e for e in self.gaz.admin_matches(name) if e.level in ("town", "locality", "township")]
        entries.sort(key=lambda e: LEVEL_RANK.get(e.level, 5))
        for entry in entries:
            point = self.gaz.seat_of(entry) if entry.level == "township" else entry
            if point is not None and point.lat is not None and point.lon is not None:
                return point.lat, point.lon
        return None

    def between(self, text: str, best: tuple[Mention, Place], pairs: list[tuple[Mention, Place]]) -> Place:
        """'between X and Y villages': the midpoint of two villages of one township."""
        place = best[1]
        if "between" not in text.lower() or place.level not in ("village", "village_tract"):
            return place
        others = [p for _m, p in pairs if p is not place and p.level == place.level and p.admin3 == place.admin3]
        if others and place.latitude is not None and others[0].latitude is not None:
            place.latitude = round((place.latitude + others[0].latitude) / 2, 5)
            place.longitude = round(((place.longitude or 0) + (others[0].longitude or 0)) / 2, 5)
        return place

    def to_place(self, entry: Entry, span: Span | None, surface: str) -> Place:
        """A `Place` for an entry: admin1 of the 15, legacy district name, MIMU township name."""
        township = self.gaz.township_of(entry)
        district = self.gaz.by_pcode.get(entry.district)
        admin2 = township.legacy_district if township else (district.name if district else None)
        point = self.gaz.seat_of(entry) if entry.level == "township" else None
        point = point or entry
        if is_city_of_townships(entry):  # "Yangon": the city is no one township; the one at its centre is no answer
            township = None
        return Place(
            admin1=self.gaz.admin1(entry),
            admin1_pcode=entry.state or None,
            admin2=admin2 or (district.name if district else None),
            admin2_pcode=entry.district or None,
            admin3=township.name if township else None,
            admin3_pcode=township.pcode if township else None,
            location=entry.name if entry.level not in ("state", "district") else surface,
            pcode=entry.pcode,
            latitude=point.lat,
            longitude=point.lon,
            geo_precision=PRECISION.get(entry.level, 1),
            level=entry.level,
            span=span,
        )


CITIES_OF_TOWNSHIPS = {("Yangon", "MMR013"), ("Mandalay", "MMR010"), ("Nay Pyi Taw", "MMR018")}


def is_city_of_townships(entry: Entry) -> bool:
    """A city spread over many townships (Yangon's 33, Mandalay's and Nay Pyi Taw's several), none named after
    it: the gazetteer's point for the city falls in one of them (Bahan for Yangon), which is no evidence of
    where an event in "Yangon" took place, so the place names the city and its state but no township."""
    return entry.level in ("town", "locality") and (entry.name, entry.state) in CITIES_OF_TOWNSHIPS


def same_sentence(text: str, first: Mention, second: Mention) -> bool:
    """True when no sentence end (. ! ? ; or a line break) lies between two mentions."""
    lo, hi = sorted((first.start, second.start))
    return not re.search(r"[.!?;\n]\s", text[lo:hi])


def all_localities(mention: Mention) -> bool:
    """True when a mention matched only GeoNames localities (no MIMU admin unit of that name)."""
    return bool(mention.candidates) and all(e.level in ("locality", "town") for e in mention.candidates)


def order_of(entry: Entry) -> int:
    """Position of an entry's level from state (0) to village."""
    order = ("state", "district", "township", "town", "locality", "ward", "village_tract", "village")
    return order.index(entry.level) if entry.level in order else len(order)
