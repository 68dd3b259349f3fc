"""The web stage's use of `mawgun.analytics`: counts by actor, alliance or side, and territorial control.

Analytics owns the meaning of these figures (who holds a place after which kind of change, how
an event counts once per alliance); the web stage translates its filters and rows. When the
analytics stage is not installed, `available()` is False and the web stage's own queries answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mawgun.web.filters import EventFilters, is_pcode, split_values

ACTOR_KEYS = ("actor", "alliance", "side")
COUNT_KEYS = ("day", "week", "month", "year", "event_type", "sub_event_type", "admin1", "admin3", *ACTOR_KEYS)


def available() -> bool:
    """Whether `mawgun.analytics` (with counts and control) can be imported."""
    try:
        from mawgun.analytics import count_events, territorial_control  # noqa: F401
    except ImportError:
        return False
    return True


def analytics_filter(filters: EventFilters, level: str) -> Any:
    """The analytics EventFilter equivalent to the web filters."""
    from mawgun.analytics import EventFilter

    township = filters.township
    return EventFilter(
        since=filters.since,
        until=filters.until,
        event_types=list(filters.event_types),
        admin1=[filters.admin1] if filters.admin1 and not is_pcode(filters.admin1) else [],
        admin3=[township] if township and not is_pcode(township) else [],
        actors=list(split_values(filters.labels.get("actor"))),
        alliance=filters.labels.get("alliance") or None,
        origin=filters.origin,
        per_report=level == "report",
    )


def can_count(by: list[str], filters: EventFilters) -> bool:
    """Whether analytics counts these keys under these filters (it names places, not P-codes)."""
    pcode_filter = any(v and is_pcode(v) for v in (filters.admin1, filters.township))
    return available() and set(by) <= set(COUNT_KEYS) and not pcode_filter


def monday_of(label: Any) -> Any:
    """An ISO week label ("2024-W31") as the date of its Monday ("2024-07-29"); other values unchanged."""
    if isinstance(label, str) and len(label) == 8 and label[4:6] == "-W":
        return dt.date.fromisocalendar(int(label[:4]), int(label[6:]), 1).isoformat()
    return label


def count_by(session: Session, level: str, filters: EventFilters, by: list[str]) -> list[dict[str, Any]]:
    """Event and fatality counts from `mawgun.analytics.count_events` (the numbers `mawgun stats`
    prints); weeks are named by their Monday, as everywhere in the web API."""
    from mawgun.analytics import count_events

    rows = count_events(session, by, analytics_filter(filters, level))
    return [
        {**{k: monday_of(row.get(k)) if k == "week" else row.get(k) for k in by},
         "events": row["events"], "fatalities": row["fatalities"]}
        for row in rows
    ]  # fmt: skip


def township_of(pcode: str | None) -> str | None:
    """The township P-code a place P-code lies in (MIMU codes nest: MMR015001701 -> MMR015001)."""
    if pcode and is_pcode(pcode) and len(pcode) >= 9:
        return pcode[:9]
    return None


def control_rows(session: Session, filters: EventFilters, as_of: dt.date) -> list[dict[str, Any]]:
    """Who holds each place on `as_of` (analytics), narrowed by state/region and actor filters."""
    from mawgun.analytics import territorial_control

    rows = []
    for row in territorial_control(session, as_of):
        if filters.admin1 and (row.get("admin1") or "").lower() != filters.admin1.lower():
            continue
        if filters.actor_ids and row["holder"] not in filters.actor_ids:
            continue
        rows.append(
            {
                "township_pcode": township_of(row.get("pcode")),
                "township": row.get("admin3"),
                "admin1": row.get("admin1"),
                "location": row.get("place"),
                "controller": row["holder"],
                "side": row.get("side"),
                "alliances": list(row.get("alliances") or []),
                "since": row.get("since"),
                "sub_event_type": row.get("change"),
                "event_id": row["canonical_id"],
            }
        )
    return rows
