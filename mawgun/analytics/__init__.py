"""Stage: analytics. Counts, peaks, comparisons, territorial control and claims checked against data.

Canonical events (deduplicated; origin mawgun/ucdp/acled) are counted by default, event reports
with `EventFilter(per_report=True)`. Every function takes a SQLAlchemy Session from
`mawgun.store.db.session_scope(url)` and returns plain dicts.

    from mawgun.analytics import EventFilter, count_events, peak_period, compare_periods, top_places,
        actor_pairs, territorial_control, control_changes, control_summary, claims_against_data

Names are imported on first use (PEP 562), so `mawgun --help` does not load SQLAlchemy through here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.analytics.claims import claims_against_data
    from mawgun.analytics.control import control_changes, control_summary, territorial_control
    from mawgun.query.counts import actor_pairs, compare_periods, count_events, peak_period, top_places
    from mawgun.query.filter import GROUP_KEYS, EventFilter

WHERE = {
    "EventFilter": "mawgun.query.filter",
    "GROUP_KEYS": "mawgun.query.filter",
    "count_events": "mawgun.query.counts",
    "peak_period": "mawgun.query.counts",
    "compare_periods": "mawgun.query.counts",
    "top_places": "mawgun.query.counts",
    "actor_pairs": "mawgun.query.counts",
    "territorial_control": "mawgun.analytics.control",
    "control_changes": "mawgun.analytics.control",
    "control_summary": "mawgun.analytics.control",
    "claims_against_data": "mawgun.analytics.claims",
}

__all__ = [
    "GROUP_KEYS",
    "EventFilter",
    "actor_pairs",
    "claims_against_data",
    "compare_periods",
    "control_changes",
    "control_summary",
    "count_events",
    "peak_period",
    "territorial_control",
    "top_places",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in WHERE:
        raise AttributeError(f"module 'mawgun.analytics' has no attribute {name!r}")
    value = getattr(importlib.import_module(WHERE[name]), name)
    globals()[name] = value
    return value
