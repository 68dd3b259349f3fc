"""The query layer: every event filter and every count, built once.

`EventFilter` (`mawgun.query.filter`) is what a user narrows events to (dates, types, sub-types,
states/regions and townships by name or P-code, actors, alliances with dated membership through
members' units and parents, sides, origins, outlets, reports or canonical events); its SQL conditions
are the only ones any face uses. `mawgun.query.counts` counts (GROUP BY in the database),
`mawgun.query.events` lists and reads events, `mawgun.query.map` the map layer and filter choices,
`mawgun.query.documents` documents, statistics and sanctions. The CLI (`mawgun stats`, `mawgun
events`, `mawgun export`), analytics, reports and the web API and dashboard all read through here, so
the same filter gives the same events and the same counts everywhere.

    from mawgun.query import EventFilter, count_events
    count_events(session, ["month"], EventFilter(alliance="K3C", since=dt.date(2024, 1, 1)))


Names are imported on first use (PEP 562), so `mawgun --help` does not load SQLAlchemy through here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.query.counts import count_events
    from mawgun.query.filter import GROUP_KEYS, EventFilter

WHERE = {"EventFilter": "criteria", "GROUP_KEYS": "criteria", "count_events": "counts"}
__all__ = ["GROUP_KEYS", "EventFilter", "count_events"]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in WHERE:
        raise AttributeError(f"module 'mawgun.query' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"mawgun.query.{WHERE[name]}"), name)
    globals()[name] = value
    return value
