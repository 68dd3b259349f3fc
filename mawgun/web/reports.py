"""Weekly and monthly situation summaries for the dashboard's report pages.

A period is the Monday-to-Sunday week or the calendar month holding a day (by default the latest
event in the store, so an archive of past reporting opens on its own last week). Figures are
compared with the period before, as monitoring groups do in their briefs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mawgun.web import query_events, query_stats
from mawgun.web.filters import EventFilters


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


def _totals(session: Session, level: str, filters: EventFilters) -> dict[str, int]:
    rows = query_stats.aggregate(session, level, filters, ["origin"])
    return {"events": sum(r["events"] for r in rows), "fatalities": sum(r["fatalities"] for r in rows)}


def build_report(session: Session, period: str, day: dt.date | None) -> dict[str, Any]:
    """Totals, breakdowns by type and state/region, busiest townships and key events of a period."""
    level = query_events.choose_level(session, None)
    if day is None:
        day = query_stats.date_range(session, level)[1] or dt.date.today()
    start, end = period_bounds(period, day)
    filters = EventFilters(since=start, until=end)
    before_start, before_end = period_bounds(period, previous_day(period, start))
    townships = query_stats.township_counts(session, level, filters)
    _, key_events = query_events.list_events(session, level, filters, limit=10, sort="-fatalities")
    return {
        "level": level,
        "start": start,
        "end": end,
        "previous": before_start,
        "next": end + dt.timedelta(days=1),
        "totals": _totals(session, level, filters),
        "before": _totals(session, level, EventFilters(since=before_start, until=before_end)),
        "by_type": query_stats.aggregate(session, level, filters, ["event_type"]),
        "by_admin1": sorted(query_stats.aggregate(session, level, filters, ["admin1"]), key=lambda r: -r["events"]),
        "townships": sorted(townships, key=lambda r: (-r["events"], -r["fatalities"]))[:10],
        "key_events": key_events,
    }


REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def report_stage_available() -> bool:
    """Whether `mawgun.report` (the weekly/monthly reports of `mawgun report`) is installed."""
    try:
        from mawgun.report.build import build_report as _build  # noqa: F401
        from mawgun.report.render import render_html as _render  # noqa: F401
    except ImportError:
        return False
    return True


def render_stage_report(session: Session, period: str, day: dt.date, fmt: str) -> str:
    """The report `mawgun report weekly|monthly` writes, for the week or month holding `day`:
    self-contained HTML (inline CSS and SVG, no scripts) or Markdown."""
    from mawgun.report.build import build_report as build_stage_report
    from mawgun.report.periods import month_of, week_of
    from mawgun.report.render import render_html, render_markdown

    chosen = month_of(day) if period == "monthly" else week_of(day)
    data = build_stage_report(session, chosen)
    return render_html(data, chosen) if fmt == "html" else render_markdown(data)
