"""Place names for deduplication: normalised spellings, fuzzy matching and the geocoder's help.

Townships compare by MIMU P-code when `mawgun.geo` resolves their names (so Hseni = Hsenwi and
Laukkai = Laukkaing), else by fuzzy name; containment (a village inside a township) comes from
`get_geocoder().contains`. Without the gazetteer the names alone decide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from mawgun.dedup.config import load_settings
from mawgun.geo.admin1 import fold_admin1

ADMIN_SUFFIXES = re.compile(
    r"\b(state|region|township|tsp|district|division|union territory|village tract|village|ward|town|city|idp|camp)\b"
)
SKELETON_DROP = re.compile(r"[aeiouh]")
MIN_SKELETON = 4  # shorter skeletons ('sn' for Hsenwi) tell too few names apart
VOWEL_SPELLINGS = (("ee", "i"), ("oo", "u"), ("ay", "e"))  # one vowel, spelt two ways
DIRECTIONS = re.compile(r"\b(north|south|east|west)\b")


def normalise_name(name: str | None) -> str:
    """Lower-case ASCII letters only, without admin and settlement words: 'Hpruso Township' -> 'hpruso',
    'Village A' -> 'a' (so that 'Village A' and 'Village B' stay two names). Names repeat, so short
    ones are cached; long texts are not (they would fill the cache)."""
    if not name:
        return ""
    return _normalise_short(name) if len(name) <= 60 else normalise_text(name)


@lru_cache(maxsize=65536)
def names_match(a: str, b: str) -> bool:
    """True when two normalised place names are one name spelt two ways (Hseni/Hsenwi); names that
    differ by their compass word (North/South Okkalapa) never match. Cached: place names repeat."""
    if not a or not b:
        return False
    if a == b:
        return True
    if direction_of(a) != direction_of(b):
        return False
    if fuzz.ratio(a, b) >= load_settings()["name_match_ratio"]:
        return True
    if fold_vowels(a) == fold_vowels(b):
        return True
    skeleton = consonant_skeleton(a)
    return len(skeleton) >= MIN_SKELETON and skeleton == consonant_skeleton(b)


def fold_vowels(name: str) -> str:
    """A normalised name with the vowel spellings romanisations swap written one way (ee/i, oo/u,
    ay/e): Mawchee = Mawchi, Sittway = Sittwe, Kalay = Kale. Short names that the fuzzy ratio cannot
    match (one letter is a large share of them) match this way; the rest of the name must be equal."""
    for spelt, folded in VOWEL_SPELLINGS:
        name = name.replace(spelt, folded)
    return name


def consonant_skeleton(name: str) -> str:
    """A normalised name without vowels, h, w and y: Burmese romanisations differ mostly in vowels
    (aw/a, ai/e), the aspirate's place (hk/kh, hp/ph) and medials (w, y), so Nawnghkio and Nwangkhio
    share 'nngk'."""
    return SKELETON_DROP.sub("", name)


@lru_cache(maxsize=65536)
def _normalise_short(name: str) -> str:
    return normalise_text(name)


def normalise_text(name: str) -> str:
    """`normalise_name` without the cache (for whole texts)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = ADMIN_SUFFIXES.sub(" ", text)
    text = re.sub(r"\(.*?\)", " ", text)
    return re.sub(r"[^a-z]", "", text)


@lru_cache(maxsize=1024)
def normalise_admin1(name: str | None) -> str:
    """State/region key: 'Shan (North)' and 'Shan State' -> 'shan'; Karenni -> 'kayah' (the names and
    their aliases are geo's, `mawgun.geo.admin1`); a name that is no state/region keeps its own key."""
    folded = fold_admin1(name)
    return normalise_name(folded) if folded else normalise_name(DIRECTIONS.sub(" ", (name or "").lower()))


def direction_of(name: str) -> str:
    """The compass word a normalised name starts with ('northokkalapa' -> 'north'), else ''."""
    return next((word for word in ("north", "south", "east", "west") if name.startswith(word)), "")


def _geocoder() -> Any:
    """The project geocoder (a hard dependency: a gazetteer that cannot load is an error)."""
    from mawgun.geo import get_geocoder

    return get_geocoder()


def pcode_contains(parent: str | None, child: str | None) -> bool:
    """True when the gazetteer says P-code `child` lies inside P-code `parent` (unknown P-codes are
    not containment evidence)."""
    if not parent or not child:
        return False
    if parent == child:
        return True
    return bool(_geocoder().contains(parent, child))


@lru_cache(maxsize=4096)
def resolve_township(name: str, admin1: str) -> str | None:
    """The township P-code of a township name in the gazetteer (None when unknown or in another
    state), so that Hseni/Hsenwi or Laukkai/Laukkaing compare by code."""
    if not name:
        return None
    place = _geocoder().resolve(name)
    if place is None or not place.admin3_pcode:
        return None
    if admin1 and normalise_admin1(place.admin1) != admin1:
        return None
    if not names_match(normalise_name(name), normalise_name(place.admin3)) and place.level != "township":
        return None
    return place.admin3_pcode
