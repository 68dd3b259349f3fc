"""Request values -> the query layer's `EventFilter`: the web stage's only part in filtering.

Every list, chart, map, control table and export of the API and the dashboard is selected by
`mawgun.query.filter.EventFilter`, the filter `mawgun stats` and reports use; this module only turns
query-string text into one.
"""

from __future__ import annotations

import datetime as dt

from mawgun.query.filter import EventFilter


def split_values(raw: str | None) -> list[str]:
    """Comma-separated query values, trimmed, empty ones dropped."""
    if not raw:
        return []
    return [part.strip() for part in raw.split(",") if part.strip()]


def build_filters(
    since: dt.date | None = None,
    until: dt.date | None = None,
    event_type: str | None = None,
    admin1: str | None = None,
    township: str | None = None,
    actor: str | None = None,
    alliance: str | None = None,
    origin: str | None = None,
) -> EventFilter:
    """The `EventFilter` of raw request values (an alliance: its members on each event's date)."""
    return EventFilter(
        since=since,
        until=until,
        event_types=split_values(event_type),
        admin1=split_values(admin1),
        admin3=split_values(township),
        actors=split_values(actor),
        alliance=(alliance or "").strip() or None,
        origin=(origin or "").strip() or None,
    )
