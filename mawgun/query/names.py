"""Filter values checked before they select nothing quietly: near matches for a mistyped place.

`--admin1 Shann` once answered "no rows". A state/region that is neither one of the 15 names (in
any spelling `mawgun.geo.admin1` folds) nor a P-code is now an error that names the closest
spellings (rapidfuzz), on the CLI as in the dashboard. Townships (the 330 MIMU names or P-codes),
ACLED sub-event types, precisions and outlets are checked the same way (`check_known`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache

from mawgun.geo import boundaries_path
from mawgun.geo.admin1 import admin1_spellings, normalize_admin1

SCORE_CUTOFF = 70


class UnknownName(ValueError):
    """A filter value that names nothing known; the message carries near matches."""


def is_admin1_pcode(value: str) -> bool:
    """MIMU state/region P-codes look like MMR001..MMR018 (with sub-codes for Shan/Bago halves)."""
    return value.upper().startswith("MMR") and value[3:6].isdigit()


def near_admin1(value: str, limit: int = 3) -> list[str]:
    """The states/regions whose spellings are closest to `value`, best first."""
    from rapidfuzz import fuzz, process  # only to suggest a spelling: most filters are spelled right

    choices = {alias: name for name, written in admin1_spellings().items() for alias in written}
    found = process.extract(value, list(choices), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=SCORE_CUTOFF)
    return list(dict.fromkeys(choices[alias] for alias, _score, _index in found))[:limit]


def check_admin1(values: list[str]) -> None:
    """Raise UnknownName for a state/region that is no spelling of the 15 and no P-code."""
    for value in values:
        if is_admin1_pcode(value) or normalize_admin1(value):
            continue
        near = near_admin1(value)
        hint = f"; did you mean {' or '.join(near)}?" if near else "; give one of the 15 states/regions or a P-code"
        raise UnknownName(f"no state/region is called {value!r}{hint}")


def near_names(value: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to `value` (case-insensitive), best first."""
    from rapidfuzz import fuzz, process

    folded = {name.casefold(): name for name in known}
    found = process.extract(value.casefold(), list(folded), scorer=fuzz.WRatio, limit=limit, score_cutoff=SCORE_CUTOFF)
    return [folded[name] for name, _score, _index in found]


def check_known(what: str, values: list[str], known: Iterable[str]) -> list[str]:
    """The values as `known` spells them (matched case-insensitively); UnknownName, naming near matches,
    for a value that is none of them."""
    names = list(known)
    folded = {name.casefold(): name for name in names}
    spelled = []
    for value in values:
        if value.casefold() not in folded:
            near = near_names(value, names)
            hint = f"; did you mean {' or '.join(near)}?" if near else ""
            raise UnknownName(f"no {what} is called {value!r}{hint}")
        spelled.append(folded[value.casefold()])
    return spelled


@lru_cache(maxsize=1)
def township_names() -> tuple[str, ...]:
    """The MIMU township names and P-codes of the shipped admin3 boundaries."""
    data = json.loads(boundaries_path("admin3").read_text(encoding="utf-8"))
    props = [feature.get("properties") or {} for feature in data.get("features", [])]
    return tuple(sorted({str(p[k]) for p in props for k in ("name", "pcode") if p.get(k)}))


def check_township(values: list[str]) -> list[str]:
    """The townships as MIMU spells them; UnknownName for one that is no MIMU township name or P-code."""
    return check_known("township", values, township_names())


@lru_cache(maxsize=1)
def sub_event_types() -> tuple[str, ...]:
    """ACLED's sub-event types (the extraction taxonomy)."""
    from mawgun.extract.vocab import event_subtypes

    return tuple(event_subtypes())


def check_sub_type(values: list[str]) -> list[str]:
    """The sub-event types as ACLED spells them; UnknownName for one that is none of ACLED's 25."""
    return check_known("sub-event type", values, sub_event_types())
