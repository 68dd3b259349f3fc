"""Stage: actors. The actor registry: resolves names in text to actor codes (MIL, PDF, KIA, 3BHA, CIV...).

Public API:
    from mawgun.actors import get_registry
    reg = get_registry()
    reg.find_actors(text, offset=0, on_date=None) -> list[ActorRef]
    reg.resolve(name, on_date=None) -> ActorRef | None
    reg.get(code) -> Actor | None; reg.parent(code); reg.side(code); reg.all(); reg.label(code)
    reg.alliances_of(code, on_date=None); reg.members(alliance_code, on_date=None)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.actors.loader import Actor, RegistryError
    from mawgun.actors.registry import COMPONENT, ActorRegistry, get_registry, load_registry

__all__ = ["COMPONENT", "Actor", "ActorRegistry", "RegistryError", "get_registry", "load_registry"]
HOMES = {"Actor": "loader", "RegistryError": "loader"}


def __getattr__(name: str) -> Any:
    """The names above, imported on first use (PEP 562): the CLI imports `mawgun.actors.commands`
    without loading YAML and the registry, so `mawgun --help` stays fast."""
    if name in __all__:
        return getattr(importlib.import_module(f"mawgun.actors.{HOMES.get(name, 'registry')}"), name)
    raise AttributeError(f"module 'mawgun.actors' has no attribute {name!r}")
