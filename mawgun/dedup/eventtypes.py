"""Which ACLED types two reports of one event may carry, and the families that blocking groups by.

Outlets code one event differently: a base "captured" by one is "handed over" by another (Battles /
Non-state actor overtakes territory vs Strategic developments / Non-violent transfer of territory), an
"air strike" is "shelling" elsewhere, buildings burned in a strike are "destroyed" in a later report.
`settings.yaml` lists groups of `Type: Sub-type` keys that may stand for one event; a capture and a
recapture (the other side gains) are never in one group, so they never merge. A report without a
sub-type is compatible with every sub-type of its type.

Blocking needs a key that never separates two compatible reports: the *component* of a type key in
the graph whose edges are the groups (a capture, a clash and a handover share one; an air strike,
shelling and the destruction they cause another). A report with no sub-type joins every component
of its type.
"""

from __future__ import annotations

from functools import lru_cache

from mawgun.dedup.config import load_settings

SEPARATOR = ": "


def type_key(event_type: str, sub_event_type: str | None) -> str:
    """'Battles: Armed clash', or the bare type when the sub-type is unknown."""
    return f"{event_type}{SEPARATOR}{sub_event_type}" if sub_event_type else event_type


@lru_cache(maxsize=1)
def compatible_keys() -> dict[str, frozenset[str]]:
    """Each listed `Type: Sub-type` -> every key some group of settings.yaml pairs it with."""
    index: dict[str, set[str]] = {}
    for group in load_settings()["compatible_types"]:
        for key in group:
            index.setdefault(key, {key}).update(group)
    return {key: frozenset(keys) for key, keys in index.items()}


@lru_cache(maxsize=4096)
def types_compatible(a: str, b: str) -> bool:
    """Two type keys may be one event: equal, one a bare type and the other a sub-type of it, or
    paired by a group of settings.yaml (a bare type then matches any key of its type in that group)."""
    if a == b:
        return True
    type_a, _, sub_a = a.partition(SEPARATOR)
    type_b, _, sub_b = b.partition(SEPARATOR)
    if type_a == type_b and (not sub_a or not sub_b):
        return True
    keys = compatible_keys()
    if sub_a and sub_b:
        return b in keys.get(a, frozenset())
    full, bare = (a, type_b) if sub_a else (b, type_a)
    return any(k.partition(SEPARATOR)[0] == bare for k in keys.get(full, frozenset()))


@lru_cache(maxsize=1)
def key_components() -> dict[str, str]:
    """Each `Type: Sub-type` key in a group -> its component (the smallest key of the keys joined to it
    through groups): reports in different components can never be compatible."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for group in load_settings()["compatible_types"]:
        roots = sorted({find(key) for key in group})
        for root in roots[1:]:
            parent[root] = roots[0]
    return {key: find(key) for key in list(parent)}


def type_blocks(key: str, present: frozenset[str]) -> tuple[str, ...]:
    """The blocking keys of a type key: its component; a bare type (no sub-type, compatible with all
    its sub-types) belongs to the components of every key of its type among `present`, and its own."""
    if SEPARATOR in key:
        return (key_components().get(key, key),)
    found = {key_components().get(k, k) for k in present if k.partition(SEPARATOR)[0] == key}
    return tuple(sorted(found | {key}))
