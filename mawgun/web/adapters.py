"""Small seams between the web stage and the libraries of other stages.

The dashboard reads the geocoder (`mawgun.geo`), the actor registry (`mawgun.actors`), analytics and
reports through these functions only, so a library that is absent or changes shape degrades one
feature (an empty list, a missing layer) instead of breaking the server.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

LOG = logging.getLogger(__name__)


def _optional(module: str, name: str) -> Any | None:
    """An attribute of another stage's module, or None when that stage is not installed yet."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def _registry() -> Any | None:
    get_registry = _optional("mawgun.actors", "get_registry")
    if get_registry is None:
        return None
    try:
        return get_registry()
    except Exception as exc:  # a broken registry file must not take the server down
        LOG.warning("actor registry unavailable: %s", exc)
        return None


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def list_actors() -> list[dict[str, Any]]:
    """Every registry actor as a plain dict (actor_id, name, kind, alliances, aliases)."""
    registry = _registry()
    if registry is None or not hasattr(registry, "all"):
        return []
    return [_actor_dict(registry, actor) for actor in registry.all()]


def _actor_dict(registry: Any, actor: Any) -> dict[str, Any]:
    code = str(_field(actor, "id") or _field(actor, "actor_id") or "")
    alliances_of = getattr(registry, "alliances_of", None)
    return {
        "actor_id": code,
        "name": str(_field(actor, "name") or code),
        "kind": _field(actor, "type"),
        "alliances": [str(a) for a in alliances_of(code)] if alliances_of and code else [],
        "aliases": [str(a) for a in (_field(actor, "aliases") or ())][:20],
    }


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Registry code -> full name (MIL -> "Myanmar military (junta)"), for tooltips."""
    return {actor["actor_id"]: actor["name"] for actor in list_actors() if actor["actor_id"]}


def resolve_actor(name: str) -> dict[str, Any] | None:
    """The registry actor a free-text name resolves to, or None."""
    registry = _registry()
    if registry is None or not hasattr(registry, "resolve"):
        return None
    ref = registry.resolve(name)
    code = _field(ref, "actor_id") if ref is not None else None
    if not code:
        return None
    actor = registry.get(code) if hasattr(registry, "get") else None
    return _actor_dict(registry, actor or {"id": code, "name": _field(ref, "name")})


def alliance_members(code: str) -> list[str]:
    """Actor ids belonging to an alliance (the alliance's own code included)."""
    registry = _registry()
    members = getattr(registry, "members", None) if registry is not None else None
    return list(dict.fromkeys([code, *(members(code) if members else [])]))


def geocoder() -> Any | None:
    """The project geocoder (mawgun.geo.get_geocoder()), or None when not available."""
    get_geocoder = _optional("mawgun.geo", "get_geocoder")
    if get_geocoder is None:
        return None
    try:
        return get_geocoder()
    except Exception as exc:
        LOG.warning("geocoder unavailable: %s", exc)
        return None


def boundaries_file(level: str) -> Path | None:
    """The shipped GeoJSON boundaries for "admin1" or "admin3", or None when absent."""
    boundaries_path = _optional("mawgun.geo", "boundaries_path")
    if boundaries_path is None:
        return None
    try:
        path = Path(boundaries_path(level))
    except (ValueError, KeyError, FileNotFoundError, OSError):
        return None
    return path if path.is_file() else None
