"""The Burmese forms of an English place name, so that a search for "Kanbalu" also finds documents that
write ကန့်ဘလူ.

The MIMU gazetteer (`mawgun.geo`) gives each state, district, township and town its Burmese name; a query
that is exactly such a name (any romanised spelling the gazetteer knows) adds those names as alternatives.
Burmese sources write the dot below and asat of "န့်" in either order, so both orders are searched.
"""

from __future__ import annotations

import re

BURMESE_RE = re.compile("[\u1000-\u109f]")
ORDERS = (("\u103a\u1037", "\u1037\u103a"), ("\u1037\u103a", "\u103a\u1037"))


def burmese_forms(query: str) -> list[str]:
    """Burmese names of the admin unit that `query` names in English ([] when it names none or is Burmese)."""
    name = " ".join(query.split())
    if not name or BURMESE_RE.search(name) or len(name) < 3:
        return []
    from mawgun.geo import get_geocoder  # a hard dependency, as every stage is

    forms: set[str] = set()
    for entry in get_geocoder().gaz.admin_matches(name):
        base = re.sub(r"\s+|\(.*?\)", "", entry.name_my or "")
        if base:
            forms |= {base, *(base.replace(old, new) for old, new in ORDERS)}
    return sorted(forms)
