"""State/region names: every spelling folded to one of Myanmar's 15 states/regions.

The one home of the 15 names and their old and other names (Karenni, Arakan, Pegu...). This table
handles the common spellings of coded datasets and users ("Magway  region", "Bago division", "Karen
state", "Shan-North", "Naypyidaw Union territory") without loading the gazetteer (which takes seconds,
too long for a CLI count); anything else goes to the gazetteer's `normalize_admin1`.
"""

from __future__ import annotations

import re

ADMIN1_NAMES = (
    "Kachin", "Kayah", "Kayin", "Chin", "Sagaing", "Tanintharyi", "Bago", "Magway", "Mandalay", "Mon",
    "Rakhine", "Yangon", "Shan", "Ayeyarwady", "Nay Pyi Taw",
)  # fmt: skip

ALIASES = {
    "karenni": "Kayah",
    "karen": "Kayin",
    "arakan": "Rakhine",
    "magwe": "Magway",
    "tenasserim": "Tanintharyi",
    "irrawaddy": "Ayeyarwady",
    "ayeyawady": "Ayeyarwady",
    "pegu": "Bago",
    "rangoon": "Yangon",
    "naypyidaw": "Nay Pyi Taw",
    "naypyitaw": "Nay Pyi Taw",
    "nay pyi taw": "Nay Pyi Taw",
}
SUFFIX = re.compile(r"\b(state|region|division|district|union territory|territory)\b", re.IGNORECASE)
QUALIFIER = re.compile(r"[-(].*$|\b(north|south|east|west|northern|southern|eastern|western)\b", re.IGNORECASE)


def fold_admin1(name: str | None) -> str | None:
    """Fold a state/region spelling to one of the 15 names (None when it is not one)."""
    if not name:
        return None
    text = SUFFIX.sub(" ", QUALIFIER.sub(" ", name))
    key = " ".join(text.lower().split())
    if not key:
        return None
    for canonical in ADMIN1_NAMES:
        if key == canonical.lower():
            return canonical
    return ALIASES.get(key)


def normalize_admin1(name: str | None) -> str | None:
    """One of the 15 state/region names for `name`: the table above first, else the gazetteer."""
    if not name or not name.strip():
        return None
    found = fold_admin1(name)  # common spellings without loading the gazetteer
    if found:
        return found
    from mawgun.geo import get_geocoder

    return get_geocoder().gaz.normalize_admin1(name)
