"""Stage: analytics. Counts, peaks, comparisons, territorial control and claims checked against data.

Canonical events (deduplicated; origin mawgun/ucdp/acled) are counted by default, event reports
with `EventFilter(per_report=True)`. Every function takes a SQLAlchemy Session from
`mawgun.store.db.session_scope(url)` and returns plain dicts.
"""

from mawgun.analytics.claims import claims_against_data
from mawgun.analytics.control import control_changes, control_summary, territorial_control
from mawgun.analytics.counts import actor_pairs, compare_periods, count_events, peak_period, top_places
from mawgun.analytics.query import GROUP_KEYS, EventFilter

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
