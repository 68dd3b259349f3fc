"""State/region names: every spelling folded to one of Myanmar's 15 states/regions.

The one home of the 15 names and their old and other names (Karenni, Arakan, Pegu...), in
`data/admin1.yaml`. The fold handles the common spellings of coded datasets and users ("Magway  region",
"Bago division", "Karen state", "Shan-North", "Naypyidaw Union territory") without loading the
gazetteer (which takes seconds, too long for a CLI count); anything else goes to the gazetteer's
`normalize_admin1`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "admin1.yaml"


@lru_cache(maxsize=1)
def admin1_spellings() -> dict[str, list[str]]:
    """Each of the 15 state/region names -> the ways it is written (itself first): data/admin1.yaml."""
    from mawgun.safe_yaml import safe_load  # here: a count that names no state/region loads no YAML

    data = safe_load(DATA.read_text(encoding="utf-8"))
    return {str(name): [str(alias) for alias in aliases] for name, aliases in data.items()}


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Lower-cased spelling -> state/region name ("karenni" -> Kayah)."""
    return {alias.lower(): name for name, written in admin1_spellings().items() for alias in written}


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
    return aliases().get(key)


def normalize_admin1(name: str | None) -> str | None:
    """One of the 15 state/region names for `name`: the table above first, else the gazetteer."""
    if not name or not name.strip():
        return None
    found = fold_admin1(name)  # common spellings without loading the gazetteer
    if found:
        return found
    from mawgun.geo import get_geocoder

    return get_geocoder().gaz.normalize_admin1(name)
