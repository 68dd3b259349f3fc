"""Filter values checked before they select nothing quietly: near matches for a mistyped place.

`--admin1 Shann` once answered "no rows". A state/region that is neither one of the 15 names (in
any spelling `mawgun.geo.admin1` folds) nor a P-code is now an error that names the closest
spellings (rapidfuzz), on the CLI as in the dashboard.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from mawgun.geo.admin1 import admin1_spellings, normalize_admin1

SCORE_CUTOFF = 70


class UnknownName(ValueError):
    """A filter value that names nothing known; the message carries near matches."""


def is_admin1_pcode(value: str) -> bool:
    """MIMU state/region P-codes look like MMR001..MMR018 (with sub-codes for Shan/Bago halves)."""
    return value.upper().startswith("MMR") and value[3:6].isdigit()


def near_admin1(value: str, limit: int = 3) -> list[str]:
    """The states/regions whose spellings are closest to `value`, best first."""
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
