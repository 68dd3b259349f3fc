"""Weekly and monthly situation summaries for the dashboard's report pages.

A period is the Monday-to-Sunday week or the calendar month holding a day (by default the latest
event in the store, so an archive of past reporting opens on its own last week). Figures are
compared with the period before, as monitoring groups do in their briefs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mawgun.query import events as query_events
from mawgun.query.counts import count_cached
from mawgun.query.filter import EventFilter, scope_label
from mawgun.query.map import date_range, township_counts
from mawgun.query.tolls import sum_tolls
from mawgun.report.build import build_report as build_stage_report
from mawgun.report.periods import month_of, week_of
from mawgun.report.render import render_html, render_markdown


def period_bounds(period: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the week (Monday start) or month holding `day`."""
    if period == "monthly":
        start = day.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def previous_day(period: str, start: dt.date) -> dt.date:
    """A day inside the period before the one starting at `start`."""
    return start - dt.timedelta(days=1)


def _totals(session: Session, flt: EventFilter) -> dict[str, Any]:
    """Events, known/unknown tolls and deaths over known tolls (None when none is known)."""
    return sum_tolls(count_cached(session, ["origin"], flt))


def build_report(
    session: Session, period: str, day: dt.date | None, scope: EventFilter | None = None
) -> dict[str, Any]:
    """Totals, breakdowns by type and state/region, busiest townships and key events of a period, over
    the review states or the release `scope` names (the report says which: `counting`)."""
    every = query_events.with_level(session, scope or EventFilter(), None)
    if day is None:
        day = date_range(session, every)[1] or dt.date.today()
    start, end = period_bounds(period, day)
    flt = dataclasses.replace(every, since=start, until=end)
    before_start, before_end = period_bounds(period, previous_day(period, start))
    townships = township_counts(session, flt)
    _, key_events = query_events.list_events(session, flt, limit=10, sort="-fatalities")
    return {
        "level": flt.level,
        "start": start,
        "end": end,
        "previous": before_start,
        "next": end + dt.timedelta(days=1),
        "totals": _totals(session, flt),
        "before": _totals(session, dataclasses.replace(every, since=before_start, until=before_end)),
        "by_type": count_cached(session, ["event_type"], flt),
        "by_admin1": sorted(count_cached(session, ["admin1"], flt), key=lambda r: -r["events"]),
        "townships": sorted(townships, key=lambda r: (-r["events"], -(r["fatalities"] or 0)))[:10],
        "key_events": key_events,
        "counting": scope_label(every),
    }


REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


def render_stage_report(session: Session, period: str, day: dt.date, fmt: str, scope: EventFilter | None = None) -> str:
    """The report `mawgun report weekly|monthly` writes, for the week or month holding `day`:
    self-contained HTML (inline CSS and SVG, no scripts) or Markdown, over `scope`'s events."""
    chosen = month_of(day) if period == "monthly" else week_of(day)
    data = build_stage_report(session, chosen, scope=scope or EventFilter())
    return render_html(data, chosen) if fmt == "html" else render_markdown(data)
