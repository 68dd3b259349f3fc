"""Territorial control for the dashboard: who last took or retook each township.

ACLED codes changes of control as two sub-event types: "Non-state actor overtakes territory" and
"Government regains territory". The latest such event in a township names its controller (actor1)
and the date it changed hands; townships without one are not shown. This is the web stage's own
reading of the store; `mawgun.analytics` may refine it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mawgun.web import analytics_bridge, query_stats
from mawgun.web.cache import cached
from mawgun.web.filters import CANONICAL, REPORTS, EventFilters, where_clause
from mawgun.web.query_events import canonical_dict, report_dicts

CONTROL_SUBTYPES = (
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
)


def latest_changes(session: Session, level: str, filters: EventFilters) -> list[dict[str, Any]]:
    """The newest change-of-control event of each place (a window query: one row per township)."""
    table = CANONICAL if level == "canonical" else REPORTS
    place = func.coalesce(table.c.admin3_pcode, table.c.admin3, table.c.location)
    order = (table.c.date.desc().nulls_last(), table.c.id)
    rank = func.row_number().over(partition_by=place, order_by=order).label("rank")
    conditions = (where_clause(table, filters), table.c.sub_event_type.in_(CONTROL_SUBTYPES), place.is_not(None))
    ranked = select(table.c.id, rank).where(*conditions).subquery()
    stmt = select(table).join(ranked, ranked.c.id == table.c.id).where(ranked.c.rank == 1)
    rows = [dict(row._mapping) for row in session.execute(stmt)]
    if table is REPORTS:
        return report_dicts(session, rows)
    return [canonical_dict(row) for row in rows]


def controller_of(change: dict[str, Any]) -> str:
    """Who holds the place after a change: the first actor1 (ACLED's convention), UNK when none."""
    return (change.get("actor1") or ["UNK"])[0]


def territorial_control(
    session: Session, level: str, filters: EventFilters, as_of: dt.date | None = None
) -> list[dict[str, Any]]:
    """Who holds each place: by `mawgun.analytics` on `as_of` (default: the latest event date) for
    canonical events, else the latest change per township read here; cached."""
    if level == "canonical" and analytics_bridge.available():
        day = as_of or query_stats.date_range(session, level)[1] or dt.date.today()
        args = (filters, day)
        return cached(session, "control-analytics", args, lambda: analytics_bridge.control_rows(session, filters, day))
    if as_of:
        filters = replace(filters, until=min(filters.until or as_of, as_of))
    return cached(session, "control", (level, filters), lambda: _territorial_control(session, level, filters))


def _territorial_control(session: Session, level: str, filters: EventFilters) -> list[dict[str, Any]]:
    rows = []
    for change in latest_changes(session, level, filters):
        rows.append(
            {
                "township_pcode": change.get("admin3_pcode"),
                "township": change.get("admin3"),
                "admin1": change.get("admin1"),
                "location": change.get("location"),
                "controller": controller_of(change),
                "since": change.get("date"),
                "sub_event_type": change.get("sub_event_type"),
                "event_id": change["event_id"],
            }
        )
    return sorted(rows, key=lambda r: (str(r["admin1"]), str(r["township"])))
