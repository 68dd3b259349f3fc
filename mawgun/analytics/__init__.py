"""Stage: analytics. Counts, peaks, comparisons, territorial control and claims checked against data.

Canonical events (deduplicated; origin mawgun/ucdp/acled) are counted by default, event reports
with `EventFilter(per_report=True)`. Every function takes a SQLAlchemy Session from
`mawgun.store.db.session_scope(url)` and returns plain dicts.
"""

from mawgun.analytics.counts import actor_pairs, compare_periods, count_events, peak_period, top_places
from mawgun.analytics.query import EventFilter

__all__ = ["EventFilter", "actor_pairs", "compare_periods", "count_events", "peak_period", "top_places"]
