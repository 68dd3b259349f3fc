"""Actor facts analytics needs (alliance members, sides), read from the actor registry.

Analytics groups and filters events by alliance and side; those facts belong to `mawgun.actors`
(`get_registry()`). When the registry cannot be imported (a partial install, or while it is being
built) a small versioned fallback in `data/actors_fallback.yaml` keeps the counts working.
Facts are read once per process and cached (callers must not modify the lists returned).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FALLBACK_PATH = Path(__file__).parent / "data" / "actors_fallback.yaml"


@lru_cache(maxsize=1)
def load_registry() -> Any | None:
    """The actor registry, or None when `mawgun.actors` offers none."""
    try:
        from mawgun.actors import get_registry
    except ImportError:
        return None
    try:
        return get_registry()
    except Exception:  # a broken registry must not break counting
        return None


@lru_cache(maxsize=1)
def load_fallback() -> dict[str, Any]:
    """The fallback sides and alliances (data file)."""
    return yaml.safe_load(FALLBACK_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=4096)
def side_of(code: str) -> str:
    """The side (junta, resistance, civilian, ...) of an actor code; "unknown" when not known."""
    reg = load_registry()
    if reg is not None:
        try:
            side = reg.side(code)
        except Exception:
            side = None
        if side:
            return str(side)
    for side_name, codes in load_fallback()["sides"].items():
        if code in codes:
            return str(side_name)
    return "unknown"


@lru_cache(maxsize=1)
def known_codes() -> list[str]:
    """Every actor code the registry (or the fallback) knows."""
    reg = load_registry()
    codes: set[str] = set()
    if reg is not None:
        codes.update(actor.id for actor in reg.all())
    fallback = load_fallback()
    for side_codes in fallback["sides"].values():
        codes.update(side_codes)
    for alliance, members in fallback["alliances"].items():
        codes.update([alliance, *members])
    return sorted(codes)


def codes_on_side(side: str) -> list[str]:
    """Codes of every known actor on `side`."""
    return [code for code in known_codes() if side_of(code) == side]


Window = tuple[dt.date | None, dt.date | None]  # [start, end): None is an open end


@lru_cache(maxsize=1)
def all_alliances() -> list[str]:
    """Codes of every alliance the registry (or the fallback) knows."""
    reg = load_registry()
    found = set(load_fallback()["alliances"])
    if reg is not None:
        for code in known_codes():
            found.update(reg.alliances_of(code))
    return sorted(found)


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
    if reg is None:
        for code in load_fallback()["alliances"].get(alliance, []):
            windows[code] = [(None, None)]
        return windows
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
    if reg is None:
        return name
    if reg.get(name) is not None:
        return name
    ref = reg.resolve(name)
    return ref.actor_id if ref is not None and ref.actor_id else name
