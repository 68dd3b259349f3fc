"""What the API enforces on its query parameters, stated in its OpenAPI schema so that generated
clients and schemathesis know which requests are valid.

- The filters that accept only known names (`admin1`: state/region names, their other names and
  P-codes; `township`: MIMU townships and P-codes; `sub_type`: ACLED's sub-event types;
  `date_precision`, `place_precision`) are declared as comma-separated lists (`style: form`,
  `explode: false`) of an `enum` of those names, as many items as fit the parameter's length.
  The API also accepts them in any case and with spaces around commas.
- `/stats?by=`: a list of one to three group keys, none repeated (`uniqueItems`).
- `until` may not come before `since`: OpenAPI cannot state a rule between two query parameters,
  so it is said in `until`'s description, and the 422 names both dates.

Each list is read from its one home: the spellings from `mawgun.geo.admin1`, the names the query
layer checks from `mawgun.query` (`GROUP_KEYS`, `DATE_PRECISIONS`, `PLACE_PRECISIONS`, townships,
sub-event types).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from mawgun.geo import boundaries_path
from mawgun.geo.admin1 import admin1_spellings
from mawgun.query.filter import DATE_PRECISIONS, GROUP_KEYS, PLACE_PRECISIONS
from mawgun.query.names import sub_event_types, township_names

UNTIL_RULE = " Not before `since` (a range that ends before it starts is refused with a 422)."


@cache
def admin1_names() -> tuple[str, ...]:
    """Every spelling of the 15 states/regions (`data/admin1.yaml`) and their MIMU P-codes."""
    data = json.loads(boundaries_path("admin1").read_text(encoding="utf-8"))
    pcodes = {str(f["properties"]["pcode"]) for f in data.get("features", []) if f.get("properties", {}).get("pcode")}
    spellings = {alias for written in admin1_spellings().values() for alias in written}
    return tuple(sorted(spellings | pcodes))


NAME_LISTS: dict[str, Callable[[], tuple[str, ...]]] = {
    "admin1": admin1_names,
    "township": township_names,
    "sub_type": sub_event_types,
    "date_precision": lambda: DATE_PRECISIONS,
    "place_precision": lambda: tuple(PLACE_PRECISIONS),
}


# The longest each list parameter may be written (its `max_length` in `mawgun.web.deps`).
MAX_LENGTHS = {"admin1": 100, "township": 100, "sub_type": 500, "date_precision": 100, "place_precision": 100}


@cache
def max_items(name: str) -> int:
    """How many names the list parameter `name` takes: as many of its longest names as fit its length
    joined by commas. The API refuses more (`check_list_sizes`), so the schema's `maxItems` holds."""
    names = NAME_LISTS[name]()
    return max(1, (MAX_LENGTHS[name] + 1) // (max(map(len, names)) + 1))


def check_list_sizes(raw: dict[str, str | None]) -> dict[str, str]:
    """Per list parameter given more items than it takes (empty items count: the schema's `maxItems`
    counts them too), the message of its 422."""
    counts = {name: len((raw.get(name) or "").split(",")) if raw.get(name) else 0 for name in NAME_LISTS}
    return {name: f"at most {max_items(name)} values" for name, n in counts.items() if n > max_items(name)}


def check_blank_items(raw: dict[str, str | None]) -> dict[str, str]:
    """Per list parameter with an item of only spaces or control characters (` `, `Kachin, ,Shan`), the
    message of its 422. An empty item is nothing (`Kachin,` names Kachin): the schema allows it, since a
    list of one empty item is written exactly as the empty value, which filters on nothing."""
    return {
        name: "a blank name in the list: give names separated by commas"
        for name in NAME_LISTS
        if has_blank(raw.get(name))
    }


def has_blank(value: str | None) -> bool:
    """True when a comma-separated item is not empty but holds only white space."""
    return any(part and not part.strip() for part in (value or "").split(","))


def list_schema(name: str) -> dict[str, Any]:
    """An array of the known names of `name` (or empty items, which name nothing), at most `max_items`;
    or nothing: null or an empty string (an empty value filters on nothing)."""
    names = [*NAME_LISTS[name](), ""]
    items = {"type": "string", "enum": names}
    return {"type": ["array", "null", "string"], "items": items, "maxItems": max_items(name), "maxLength": 0}


def group_keys_schema() -> dict[str, Any]:
    """One to three group keys, none repeated."""
    keys = {"type": "string", "enum": list(GROUP_KEYS)}
    return {"type": "array", "items": keys, "minItems": 1, "maxItems": 3, "uniqueItems": True}


def declare_rules(parameter: dict[str, Any]) -> bool:
    """Put the rule of one query parameter in its schema; True when it had one (so the generic
    no-NUL pattern is not added over it)."""
    name, schema = parameter["name"], parameter.get("schema", {})
    if name == "until" and UNTIL_RULE not in parameter.get("description", ""):
        parameter["description"] = parameter.get("description", "") + UNTIL_RULE
    if name == "by":
        new = {**group_keys_schema(), "default": [schema.get("default", "month")]}
    elif name in NAME_LISTS:
        new = list_schema(name)
    else:
        return False
    parameter["schema"] = {**new, **({"title": schema["title"]} if "title" in schema else {})}
    parameter["style"], parameter["explode"] = "form", False
    return True
