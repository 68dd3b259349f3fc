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


def alliance_members(alliance: str, on_date: dt.date | None = None) -> list[str]:
    """Codes of the alliance's members (and the alliance's own code, which sources also name)."""
    reg = load_registry()
    members = reg.members(alliance, on_date) if reg is not None else None
    if not members:
        members = load_fallback()["alliances"].get(alliance, [])
    return sorted({alliance, *members})


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


@lru_cache(maxsize=1)
def alliances_by_code() -> dict[str, list[str]]:
    """Each known code -> the alliances it belongs to (the alliance code itself maps to itself)."""
    reg = load_registry()
    alliances: set[str] = set(load_fallback()["alliances"])
    if reg is not None:
        for code in known_codes():
            alliances.update(reg.alliances_of(code))
    mapping: dict[str, list[str]] = {}
    for alliance in sorted(alliances):
        for code in alliance_members(alliance):
            mapping.setdefault(code, []).append(alliance)
    return mapping


def resolve_code(name: str) -> str:
    """A registry code for a name or code as a user types it ("Arakan Army" -> "AA"); else the name."""
    reg = load_registry()
    if reg is None:
        return name
    if reg.get(name) is not None:
        return name
    ref = reg.resolve(name)
    return ref.actor_id if ref is not None and ref.actor_id else name
