"""What the API enforces on its query parameters, stated in its OpenAPI schema so that generated
clients and schemathesis know which requests are valid: the accepted state/region spellings
(`admin1`), the group keys of `/stats?by=` (one to three, none repeated), and that `until` may not
come before `since` (OpenAPI cannot state a rule between two query parameters: it is said in the
parameter's description, and the 422 names both dates).

Each rule is derived from its one home: the spellings from `mawgun.geo.admin1`, the group keys from
`mawgun.query.filter.GROUP_KEYS`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mawgun.geo.admin1 import admin1_spellings
from mawgun.query.filter import GROUP_KEYS

SUFFIXES = ("state", "region", "division")
UNTIL_RULE = " Not before `since` (a range that ends before it starts is refused with a 422)."


def any_case(word: str) -> str:
    """A regex for `word` in any letter case (JSON Schema patterns have no case-insensitive flag)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in word)


@cache
def admin1_pattern() -> str:
    """Comma-separated state/region names (any spelling of `data/admin1.yaml`, any case, optionally
    followed by State, Region or Division) or MIMU P-codes (MMR001...); empty items are ignored."""
    names = sorted({alias for written in admin1_spellings().values() for alias in written}, key=len, reverse=True)
    suffix = "(?: +(?:" + "|".join(any_case(s) for s in SUFFIXES) + "))?"
    value = "(?:(?:" + "|".join(any_case(n) for n in names) + ")" + suffix + "|[Mm][Mm][Rr][0-9]{3}[A-Za-z0-9]*)"
    return f"^ *{value}? *(?:, *{value}? *)*$"


@cache
def group_keys_pattern() -> str:
    """One to three comma-separated keys of GROUP_KEYS, none repeated (the look-ahead refuses a key
    that occurs twice)."""
    key = "(?:" + "|".join(sorted(GROUP_KEYS, key=len, reverse=True)) + ")"
    return rf"^(?!.*\b(\w+)\b.*\b\1\b) *{key} *(?:, *{key} *){{0,2}}$"


def declare_rules(parameter: dict[str, Any]) -> bool:
    """Add the rule of one query parameter to its schema; True when it had one (so the generic
    no-NUL pattern is not added over it)."""
    name, schema = parameter["name"], parameter.get("schema", {})
    pattern = {"admin1": admin1_pattern, "by": group_keys_pattern}.get(name)
    if name == "until" and UNTIL_RULE not in parameter.get("description", ""):
        parameter["description"] = parameter.get("description", "") + UNTIL_RULE
    if pattern is None:
        return False
    for alternative in schema.get("anyOf", [schema]):
        if alternative.get("type") == "string":
            alternative["pattern"] = pattern()
    return True
