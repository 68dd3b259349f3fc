"""Territorial control for the API and the dashboard: `mawgun.analytics.territorial_control`, shaped.

Analytics owns the meaning (who holds a place after which kind of change, from canonical events);
this module picks the day, narrows the rows to the request's state/region and actors, and names
the columns the API's `ControlRow` declares.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mawgun.actors import facts
from mawgun.analytics import territorial_control as control_on
from mawgun.geo.admin1 import normalize_admin1
from mawgun.query.cache import cached
from mawgun.query.filter import EventFilter, is_pcode
from mawgun.query.map import date_range


def township_of(pcode: str | None) -> str | None:
    """The township P-code a place P-code lies in (MIMU codes nest: MMR015001701 -> MMR015001)."""
    if pcode and is_pcode(pcode) and len(pcode) >= 9:
        return pcode[:9]
    return None


def territorial_control(session: Session, flt: EventFilter, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Who holds each place on `as_of` (default: the latest event date), narrowed by the filter; cached."""
    day = as_of or date_range(session, EventFilter())[1] or dt.date.today()
    return cached(session, "control", (flt, day), lambda: control_rows(session, flt, day))


def wanted(row: dict[str, Any], flt: EventFilter) -> bool:
    """Whether a control row meets the filter's state/region, township, actor and alliance."""
    if flt.admin1:
        names = {normalize_admin1(v) or v for v in flt.admin1}
        if row.get("admin1") not in names and not any((row.get("pcode") or "").startswith(v) for v in flt.admin1):
            return False
    if flt.admin3 and not {row.get("admin3"), township_of(row.get("pcode"))} & set(flt.admin3):
        return False
    holders = set(row.get("holders") or [row["holder"]])
    if flt.actors and not holders & {facts.resolve_code(name) for name in flt.actors}:
        return False
    return not flt.alliance or flt.alliance in (row.get("alliances") or []) or flt.alliance in holders


def control_rows(session: Session, flt: EventFilter, as_of: dt.date) -> list[dict[str, Any]]:
    """Analytics' control rows for `as_of` that meet the filter, under the API's column names; with a
    release (public mode) or reviewed-only filter, only places whose deciding event it admits."""
    from mawgun.query.review import ids_in_scope

    admitted = ids_in_scope(session, flt)
    return [
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
        for row in control_on(session, as_of, evidence=False)  # the rows link the deciding event
        if wanted(row, flt) and (admitted is None or row["canonical_id"] in admitted)
    ]
