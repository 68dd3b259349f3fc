"""Gather what a weekly or monthly report says, from the store, as plain data.

`build_report(session, period)` returns one dict that both templates (Markdown and HTML) render:
headline figures against the previous period, counts per day and event type for the chart, counts
per township for the map, notable events with their sources and quoted evidence, territorial
changes, statistics reported by others beside Mawgun's own count, and the period's documents by
kind and outlet. All selecting and counting goes through the query layer (`mawgun.query`), so a
report agrees with `mawgun stats`, the API and the dashboard.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mawgun.analytics import claims_against_data, control_changes
from mawgun.analytics.evidence import evidence_for
from mawgun.query.counts import count_events, top_places
from mawgun.query.filter import EventFilter, dialect_of, scope_label, source_for, where_clause
from mawgun.query.precision import show_date, show_place
from mawgun.query.tolls import sum_tolls, toll_change
from mawgun.report.periods import Period
from mawgun.store.repository import list_documents
from mawgun.store.schema import CanonicalEventRow

NOTABLE_LIMIT = 10
TOP_PLACES = 12
KIND_LABELS = {"statement": "Statements and press releases", "report": "Reports", "news": "News"}
STATEMENT_WORDS = re.compile(r"\b(statement|press release|declaration|announcement|condemn\w*|appeal)\b", re.I)
REPORT_WORDS = re.compile(r"\b(report|briefing|brief|update|analysis|situation|monitor\w*|review|bulletin)\b", re.I)


ALL = EventFilter()  # reviewed and draft events, live (not a release)


def period_filter(period: Period, scope: EventFilter = ALL) -> EventFilter:
    """The analytics filter of a period (canonical events, every origin) within `scope`: which review
    states count, or the release the report is pinned to."""
    return dataclasses.replace(scope, since=period.start, until=period.end, per_report=False)


def totals_of(session: Session, period: Period, scope: EventFilter = ALL) -> dict[str, Any]:
    """Canonical events dated in the period, known/unknown tolls and fatalities (best, low, high)
    summed over the known tolls (None when no toll of the period is known)."""
    return sum_tolls(count_events(session, ["event_type"], period_filter(period, scope)))


def change_of(before: int, after: int) -> dict[str, Any]:
    """Difference and percentage change (None when the earlier figure is 0)."""
    pct = None if not before else round(100.0 * (after - before) / before, 1)
    return {"before": before, "after": after, "change": after - before, "change_pct": pct}


def headline(session: Session, period: Period, scope: EventFilter = ALL) -> dict[str, Any]:
    """This period's totals, the previous period's, and the change in events and fatalities."""
    now, before = totals_of(session, period, scope), totals_of(session, period.previous(), scope)
    return {
        "current": now,
        "previous": before,
        "previous_label": period.previous().title(),
        "events_change": change_of(before["events"], now["events"]),
        "fatalities_change": toll_change(before, now),
    }


def by_type(session: Session, period: Period, scope: EventFilter = ALL) -> list[dict[str, Any]]:
    """Events and fatalities per event type in the period, largest first."""
    rows = count_events(session, ["event_type"], period_filter(period, scope))
    return sorted(rows, key=lambda r: (-int(r["events"]), str(r["event_type"])))


def timeline_rows(session: Session, period: Period, scope: EventFilter = ALL) -> list[tuple[str, str, int]]:
    """(day, event type, events) for the chart."""
    rows = count_events(session, ["day", "event_type"], period_filter(period, scope))
    return [(str(r["day"]), str(r["event_type"] or "Unknown"), int(r["events"])) for r in rows if r["day"]]


def township_counts(session: Session, period: Period, scope: EventFilter = ALL) -> dict[str, int]:
    """Canonical events per township P-code (events without one are left off the map)."""
    rows = count_events(session, ["township"], period_filter(period, scope))
    return {str(row["township"]): int(row["events"]) for row in rows if row["township"]}


def period_events(session: Session, period: Period, scope: EventFilter = ALL) -> list[CanonicalEventRow]:
    """Canonical events dated in the period (as a release froze them, when pinned to one), most
    fatalities and sources first."""
    flt = period_filter(period, scope)
    src = source_for(flt)
    stmt = (
        select(src.table)
        .where(where_clause(flt, dialect_of(session)))
        .order_by(
            func.coalesce(src.col("fatalities_best"), 0).desc(),
            src.col("n_sources").desc(),
            src.col("date"),
            src.col("id"),
        )
    )
    return list(session.scalars(stmt))


def map_points(events: list[CanonicalEventRow]) -> list[dict[str, Any]]:
    """Located events as map points (label, type, fatalities)."""
    return [
        {
            "longitude": e.longitude,
            "latitude": e.latitude,
            "label": f"{show_date(e.date, e.date_precision)} {e.location or e.admin3 or ''}".strip(),
            "event_type": e.event_type,
            "fatalities": e.fatalities_best or 0,
        }
        for e in events
        if e.latitude is not None and e.longitude is not None
    ]


def place_of(event: CanonicalEventRow) -> str:
    """ "Location, Township, State" without repeats or blanks; "(state/region only)" when that is all
    that is known."""
    fields = ("location", "admin3", "admin1", "geo_precision")
    return show_place({name: getattr(event, name) for name in fields}) or "place unknown"


def notable(session: Session, events: list[CanonicalEventRow]) -> list[dict[str, Any]]:
    """The period's most notable events (fatalities, then sources) with their sources and quotes."""
    top = events[:NOTABLE_LIMIT]
    proofs = evidence_for(session, [e.id for e in top])
    return [
        {
            "id": e.id,
            "date": show_date(e.date, e.date_precision),
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type or "",
            "place": place_of(e),
            "actor1": ", ".join(map(str, e.actor1 or [])),
            "actor2": ", ".join(map(str, e.actor2 or [])),
            "fatalities": e.fatalities_best,
            "n_sources": e.n_sources,
            "sources": proofs.get(e.id, []),
        }
        for e in top
    ]


def claims_in_period(session: Session, period: Period, scope: EventFilter = ALL) -> list[dict[str, Any]]:
    """Statistics reported for this period, beside Mawgun's count.

    Analytics treats a figure with no stated start as covering everything up to its end, so it would
    overlap every earlier week; a report keeps only figures whose stated period meets this one, or,
    with one end stated, whose stated day falls in it.
    """
    kept = []
    for claim in claims_against_data(session, period_filter(period, scope)):
        start, end = claim.get("period_start"), claim.get("period_end")
        if start and end:
            inside = start <= period.end.isoformat() and end >= period.start.isoformat()
        else:
            day = end or start
            inside = bool(day) and period.start.isoformat() <= str(day) <= period.end.isoformat()
        if inside:
            kept.append(claim)
    return kept


def guess_kind(kind: str | None, title: str | None) -> str:
    """The document's kind (statement, report, news): stored, else guessed from title words."""
    if kind:
        kind = kind.lower()
        return "statement" if kind in {"press release", "press_release", "statement"} else kind
    if STATEMENT_WORDS.search(title or ""):
        return "statement"
    if REPORT_WORDS.search(title or ""):
        return "report"
    return "news"


def documents_of(session: Session, period: Period) -> dict[str, Any]:
    """Documents published in the period, grouped by kind and counted by outlet."""
    docs = list_documents(session, since=period.start, until=period.end, limit=None)
    kinds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    outlets: Counter[str] = Counter()
    for doc in docs:
        kind = guess_kind(doc.kind, doc.title)
        kinds[kind].append(
            {
                "id": doc.doc_id,
                "title": doc.title or "(untitled)",
                "outlet": doc.outlet or "unknown outlet",
                "url": doc.url or "",
                "published": str(doc.published or ""),
            }
        )
        outlets[doc.outlet or "unknown outlet"] += 1
    order = [k for k in KIND_LABELS if k in kinds] + sorted(set(kinds) - set(KIND_LABELS))
    groups = [{"kind": k, "label": KIND_LABELS.get(k, k.title()), "documents": kinds[k]} for k in order]
    return {"total": len(docs), "kinds": groups, "outlets": outlets.most_common()}


def build_report(
    session: Session, period: Period, advance: Callable[..., None] | None = None, scope: EventFilter = ALL
) -> dict[str, Any]:
    """Everything one report shows, as plain data (see the module docstring). `advance(description=...)` is
    called after each of the REPORT_STEPS parts (a progress bar's). `scope` says which review states
    count (drafts too, the default, or reviewed only) or pins the report to a release; the report says
    which (`counting`)."""
    step = advance or (lambda steps=1, description=None: None)
    events = period_events(session, period, scope)
    step(description="events of the period")
    parts: list[tuple[str, Callable[[], Any]]] = [
        ("headline", lambda: headline(session, period, scope)),
        ("by_type", lambda: by_type(session, period, scope)),
        ("timeline", lambda: timeline_rows(session, period, scope)),
        ("townships", lambda: township_counts(session, period, scope)),
        ("top_townships", lambda: top_places(session, period_filter(period, scope), level="admin3", limit=TOP_PLACES)),
        ("points", lambda: map_points(events)),
        ("notable", lambda: notable(session, events)),
        ("control", lambda: control_changes(session, period.start, period.end)),
        ("claims", lambda: claims_in_period(session, period, scope)),
        ("documents", lambda: documents_of(session, period)),
    ]
    data: dict[str, Any] = {
        "period": {
            "kind": period.kind,
            "label": period.label,
            "title": period.title(),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "counting": scope_label(scope),
    }
    for name, make in parts:
        data[name] = make()
        step(description=name.replace("_", " "))
    return data


REPORT_STEPS = 11  # the events of the period, then the ten parts above
