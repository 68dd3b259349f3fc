"""Actor facts the query layer and analytics need (dated alliance members, sides), from the registry.

Events are filtered and grouped by alliance and side; those facts live in the actor registry
(`actors/data/actors.yaml`, `get_registry()`) and nowhere else. A registry that cannot load is an
error, not a reason to count differently. Facts are read once per process and cached (callers must
not modify the lists returned).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mawgun.actors.registry import ActorRegistry


@lru_cache(maxsize=1)
def load_registry() -> ActorRegistry:
    """The actor registry (loaded once, on the first fact asked: the query layer imports this module
    for every count, most of which need no actor, so its import loads no registry, YAML or rapidfuzz)."""
    from mawgun.actors.registry import get_registry

    return get_registry()


@lru_cache(maxsize=4096)
def side_of(code: str) -> str:
    """The side (junta, resistance, civilian, ...) of an actor code; "unknown" when not known."""
    side = load_registry().side(code)
    return str(side) if side else "unknown"


@lru_cache(maxsize=1)
def known_codes() -> list[str]:
    """Every actor code the registry knows."""
    return sorted(actor.id for actor in load_registry().all())


def codes_on_side(side: str) -> list[str]:
    """Codes of every known actor on `side`."""
    return [code for code in known_codes() if side_of(code) == side]


Window = tuple[dt.date | None, dt.date | None]  # [start, end): None is an open end


@lru_cache(maxsize=1)
def all_alliances() -> list[str]:
    """Codes of every alliance the registry knows."""
    reg = load_registry()
    return sorted({name for code in known_codes() for name in reg.alliances_of(code)})


def month_starts() -> list[dt.date]:
    """The first day of every month from 1980 to next year (membership is resolved to the month)."""
    last = dt.date.today().year + 1
    return [dt.date(year, month, 1) for year in range(1980, last + 1) for month in range(1, 13)]


def windows_from(flags: list[tuple[dt.date, bool]]) -> list[Window]:
    """Contiguous [start, end) periods where the flag holds (first/last months left open)."""
    windows: list[Window] = []
    start: dt.date | None = None
    inside = False
    for index, (day, flag) in enumerate(flags):
        if flag and not inside:
            start, inside = (None if index == 0 else day), True
        elif not flag and inside:
            windows.append((start, day))
            inside = False
    if inside:
        windows.append((start, None))
    return windows


@lru_cache(maxsize=64)
def alliance_windows(alliance: str) -> dict[str, list[Window]]:
    """Code -> the periods it belonged to the alliance (through its parents too: KNLA via KNU).

    Read from the registry's dated memberships, to the month; the alliance's own code always counts.
    """
    reg = load_registry()
    windows: dict[str, list[Window]] = {alliance: [(None, None)]}
    months = month_starts()
    for code in known_codes():
        if code == alliance or alliance not in reg.alliances_of(code):
            continue
        found = windows_from([(day, alliance in reg.alliances_of(code, day)) for day in months])
        if found:
            windows[code] = found
    return windows


def in_windows(day: dt.date | None, windows: list[Window]) -> bool:
    """Whether a day falls in any window (an unknown day falls in open-ended ones only)."""
    for start, end in windows:
        if day is None:
            if start is None and end is None:
                return True
        elif (start is None or day >= start) and (end is None or day < end):
            return True
    return False


def alliances_on(code: str, day: dt.date | None) -> list[str]:
    """The alliances `code` belonged to on `day`."""
    return [name for name in all_alliances() if in_windows(day, alliance_windows(name).get(code, []))]


def alliance_pairs() -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    """(code, alliance, start, end) for every membership period of every alliance."""
    return [
        (code, name, start, end)
        for name in all_alliances()
        for code, windows in alliance_windows(name).items()
        for start, end in windows
    ]


def resolve_code(name: str) -> str:
    """A registry code for a name or code as a user types it ("Arakan Army" -> "AA"); else the name."""
    reg = load_registry()
    if reg.get(name) is not None:
        return name
    ref = reg.resolve(name)
    return ref.actor_id if ref is not None and ref.actor_id else name
