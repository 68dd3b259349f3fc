"""Territorial control for the dashboard: who last took or retook each township.

ACLED codes changes of control as two sub-event types: "Non-state actor overtakes territory" and
"Government regains territory". The latest such event in a township names its controller (actor1)
and the date it changed hands; townships without one are not shown. This is the web stage's own
reading of the store; `mawgun.analytics` may refine it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.web.filters import CANONICAL, REPORTS, EventFilters, where_clause

CONTROL_SUBTYPES = ("Non-state actor overtakes territory", "Government regains territory")


def control_changes(session: Session, level: str, filters: EventFilters, limit: int = 500) -> list[dict[str, Any]]:
    """Events that changed who controls a place, newest first."""
    table = CANONICAL if level == "canonical" else REPORTS
    stmt = (
        select(table)
        .where(where_clause(table, filters), table.c.sub_event_type.in_(CONTROL_SUBTYPES))
        .order_by(table.c.date.desc().nulls_last(), table.c.id)
        .limit(limit)
    )
    rows = [dict(row._mapping) for row in session.execute(stmt)]
    if table is REPORTS:
        from mawgun.web.query_events import report_dicts

        return report_dicts(session, rows)
    from mawgun.web.query_events import canonical_dict

    return [canonical_dict(row) for row in rows]


def controller_of(change: dict[str, Any]) -> str:
    """Who holds the place after a change: the government for regains, else the first actor1."""
    if change.get("sub_event_type") == "Government regains territory":
        return (change.get("actor1") or ["MIL"])[0]
    return (change.get("actor1") or ["unknown"])[0]


def territorial_control(session: Session, level: str, filters: EventFilters) -> list[dict[str, Any]]:
    """The latest change of control per township: controller, date and the event that says so."""
    latest: dict[str, dict[str, Any]] = {}
    for change in control_changes(session, level, filters, limit=5000):
        key = change.get("admin3_pcode") or change.get("admin3") or change.get("location")
        if not key or key in latest:
            continue
        latest[key] = {
            "township_pcode": change.get("admin3_pcode"),
            "township": change.get("admin3"),
            "admin1": change.get("admin1"),
            "location": change.get("location"),
            "controller": controller_of(change),
            "since": change.get("date"),
            "sub_event_type": change.get("sub_event_type"),
            "event_id": change["event_id"],
        }
    return sorted(latest.values(), key=lambda r: (str(r["admin1"]), str(r["township"])))
