"""The actor registry (`mawgun.actors`) and the geocoder (`mawgun.geo`) shaped for the API and pages.

Plain function calls into those stages: a registry or gazetteer that cannot load is an error the
server reports, not an empty list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from mawgun.actors import Actor, ActorRegistry, get_registry
from mawgun.geo import boundaries_path, get_geocoder
from mawgun.geo.geocoder import Geocoder


def actor_dict(registry: ActorRegistry, actor: Actor) -> dict[str, Any]:
    """A registry actor in the shape of `schemas.ActorOut`."""
    return {
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.type,
        "alliances": registry.alliances_of(actor.id),
        "aliases": list(actor.aliases)[:20],
    }


def list_actors() -> list[dict[str, Any]]:
    """Every registry actor as a plain dict (actor_id, name, kind, alliances, aliases)."""
    registry = get_registry()
    return [actor_dict(registry, actor) for actor in registry.all()]


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Registry code -> full name (MIL -> "Myanmar military (junta)"), for tooltips."""
    return {actor.id: actor.name for actor in get_registry().all()}


def resolve_actor(name: str) -> dict[str, Any] | None:
    """The registry actor a free-text name resolves to, or None."""
    registry = get_registry()
    ref = registry.resolve(name)
    actor = registry.get(ref.actor_id) if ref is not None and ref.actor_id else None
    return actor_dict(registry, actor) if actor is not None else None


def geocoder() -> Geocoder:
    """The project geocoder (`mawgun.geo.get_geocoder()`)."""
    return get_geocoder()


def boundaries_file(level: str) -> Path | None:
    """The shipped GeoJSON boundaries for "admin1" or "admin3", or None when the file is absent."""
    path = boundaries_path(level)
    return path if path.is_file() else None
