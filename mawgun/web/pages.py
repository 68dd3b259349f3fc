"""The dashboard's HTML pages (Jinja2, autoescaped), read-only views over the same queries as the API.

Pages read filters leniently from the query string (an HTML form sends empty fields; a bad date is
reported on the page and ignored), then render server-side lists; the map and the timeline are
drawn in the browser by the project's own scripts from `/api/v1/map` and `/api/v1/stats`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from mawgun.query import documents as query_documents
from mawgun.query import events as query_events
from mawgun.query.counts import count_cached
from mawgun.query.filter import EventFilter, scope_label
from mawgun.query.map import date_range, distinct_values
from mawgun.query.names import UnknownName, check_known
from mawgun.query.precision import coarse_date, show_date, state_only
from mawgun.query.search import snippet_html
from mawgun.query.tolls import sum_tolls
from mawgun.report.charts import EVENT_TYPE_COLOURS
from mawgun.review.releases import list_releases
from mawgun.safety import safe_link
from mawgun.store.db import session_scope
from mawgun.web import adapters, control, i18n
from mawgun.web.auth import install_template_globals
from mawgun.web.filters import FILTER_PARAMS, build_filters, resolve_lists, split_values, visitor_filter
from mawgun.web.highlight import split_text
from mawgun.web.reports import REPORT_CSP, build_report, render_stage_report

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def format_number(value: float | int | None) -> str:
    """1500000.0 -> "1,500,000"; 2.5 -> "2.5" (figures as sources write them)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def web_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None: a document's `javascript:` or `data:` URL is never linked."""
    return safe_link(value)


TEMPLATES.env.filters["number"] = format_number
TEMPLATES.env.filters["web_url"] = web_url
TEMPLATES.env.globals.update(coarse_date=coarse_date, show_date=show_date, state_only=state_only)
TEMPLATES.env.globals["scope_label"] = scope_label
TEMPLATES.env.filters["snippet"] = snippet_html
TEMPLATES.env.globals["palette_json"] = json.dumps(EVENT_TYPE_COLOURS)
TEMPLATES.env.globals["deaths"] = lambda row: "unknown" if row.get("fatalities") is None else f"{row['fatalities']:,}"
TEMPLATES.env.globals["actor_name"] = lambda code: adapters.actor_names().get(str(code), "")
i18n.install(TEMPLATES.env)
install_template_globals(TEMPLATES.env)
router = APIRouter(include_in_schema=False)
FILTER_KEYS = FILTER_PARAMS
PAGE_SIZE = 50


EARLIEST_DAY, LATEST_DAY = dt.date(1000, 1, 1), dt.date(9000, 12, 31)  # room for a period's neighbours


def _date(raw: str | None, name: str, errors: list[str]) -> dt.date | None:
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        errors.append(f"{name}: '{raw}' is not a date (YYYY-MM-DD); ignored")
        return None
    if not EARLIEST_DAY <= day <= LATEST_DAY:  # weeks and months at the calendar's ends have no neighbours
        errors.append(f"{name}: '{raw}' is outside the years {EARLIEST_DAY.year}-{LATEST_DAY.year}; ignored")
        return None
    return day


def read_filters(request: Request) -> tuple[EventFilter, dict[str, str], list[str]]:
    """Filters from the query string, the raw values (to refill the form) and any errors."""
    raw = {k: request.query_params.get(k, "").replace("\x00", "").strip() for k in FILTER_KEYS}
    errors: list[str] = []
    since, until = _date(raw["since"], "since", errors), _date(raw["until"], "until", errors)
    lists, unknown = resolve_lists(dict(raw))
    for name, message in unknown.items():
        errors.append(f"{message} (filter ignored)")
        raw[name] = ""
    filters = build_filters(since, until, lists, raw["alliance"], raw["origin"], raw["review"], raw["release"])
    return visitor_filter(request, filters), {k: v for k, v in raw.items() if v}, errors


def _int_param(request: Request, name: str, default: int, high: int) -> int:
    try:
        return max(0, min(high, int(request.query_params.get(name, default))))
    except ValueError:
        return default


def filter_choices(session: Session, flt: EventFilter) -> dict[str, Any]:
    """Values offered in the filter form: event types and sub-types, outlets, states/regions, actors and alliances."""
    actors = adapters.list_actors()
    alliances = sorted({a for actor in actors for a in actor["alliances"]})
    return {
        "event_types": distinct_values(session, flt, "event_type"),
        "sub_event_types": distinct_values(session, flt, "sub_event_type"),
        "outlets": query_documents.distinct_outlets(session),
        "admin1s": distinct_values(session, flt, "admin1"),
        "origins": distinct_values(session, flt, "origin"),
        "actors": actors,
        "alliances": alliances,
        "releases": [r["name"] for r in list_releases(session)],
    }


def note_unknown_outlets(query: dict[str, str], outlets: list[str], errors: list[str]) -> None:
    """Say when an outlet filter names no outlet of this store (with near matches): it selects nothing."""
    try:
        check_known("outlet", split_values(query.get("outlet")), outlets)
    except UnknownName as exc:
        errors.append(f"{exc} (no document of the store comes from it)")


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    """Render a template with the values every page uses."""
    context.setdefault("query", {})
    context["qs"] = urlencode(context["query"])
    context["qs_no_township"] = urlencode({k: v for k, v in context["query"].items() if k != "township"})
    return TEMPLATES.TemplateResponse(request, template, context)


def _session(request: Request) -> Any:
    return session_scope(request.app.state.db_url)


@router.get("/lang/{code}")
def choose_language(code: str, next: str = "/") -> Response:
    """Switch the dashboard's language (en, my) for this browser, then go back to the page (same site only)."""
    if code not in i18n.LANGUAGES:
        raise HTTPException(status_code=404, detail=f"unknown language {code!r} (known: en, my)")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, samesite="lax")
    return response


@router.get("/palette.css")
def palette_css() -> Response:
    """The event-type colours as CSS, written from the palette the reports' charts use (one palette)."""
    rules = [
        f'.type-dot[data-type="{name}"] {{ background: {colour}; }}' for name, colour in EVENT_TYPE_COLOURS.items()
    ]
    return Response("\n".join(rules) + "\n", media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    """Map, timeline, headline figures and the latest events for the current filters."""
    filters, query, errors = read_filters(request)
    with _session(request) as session:
        flt = query_events.with_level(session, filters, None)
        level = flt.level
        total, events = query_events.list_events(session, flt, limit=15)
        totals = count_cached(session, ["origin"], flt)
        choices = filter_choices(session, flt)
    tolls = sum_tolls(totals)
    note_unknown_outlets(query, choices["outlets"], errors)
    return render(
        request, "dashboard.html", query=query, errors=errors, level=level, total=total, events=events,
        tolls=tolls, choices=choices, active="dashboard", flt=flt,
    )  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    """A paginated, filterable list of events."""
    filters, query, errors = read_filters(request)
    offset = _int_param(request, "offset", 0, 10_000_000)
    per_report = request.query_params.get("per_report") == "true"
    if per_report:
        query["per_report"] = "true"
    with _session(request) as session:
        flt = query_events.with_level(session, filters, True if per_report else None)
        level = flt.level
        total, events = query_events.list_events(session, flt, PAGE_SIZE, offset)
        choices = filter_choices(session, flt)
    note_unknown_outlets(query, choices["outlets"], errors)
    return render(
        request, "events.html", query=query, errors=errors, level=level, total=total, events=events,
        offset=offset, page_size=PAGE_SIZE, choices=choices, active="events", flt=flt,
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: its fields, reports, and each source's text with the evidence highlighted."""
    with _session(request) as session:
        detail = query_events.get_event(session, event_id)
        if detail is not None and not visible_event(request, session, detail["event"]["event_id"]):
            detail = None
        review = review_context(session, detail["event"]) if detail is not None else {}
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id}")
    for source in detail["sources"]:
        spans = [e for e in detail["evidence"] if e["document_id"] == source["id"]]
        source["segments"] = split_text(source["text"] or "", spans)
        source["n_spans"] = len(spans)
    return render(request, "event.html", detail=detail, event=detail["event"], active="events", **review)


def report_scope(request: Request) -> EventFilter:
    """What a report counts: ?review= and ?release= (in public mode an anonymous visitor's release)."""
    review, release = request.query_params.get("review"), request.query_params.get("release", "").replace("\x00", "")
    return visitor_filter(request, build_filters(None, None, {}, None, None, review, release))


def visible_event(request: Request, session: Session, event_id: str) -> bool:
    """Whether this visitor may see the event: in public mode an anonymous visitor sees published ones only."""
    from mawgun.review.releases import is_published
    from mawgun.web.auth import current_user

    if getattr(request.app.state, "mode", "private") != "public" or current_user(request) is not None:
        return True
    return is_published(session, event_id)


def review_context(session: Session, event: dict[str, Any]) -> dict[str, Any]:
    """A canonical event's review, which of its values a person set (and which rule set the others),
    and its audit rows, for the event page."""
    from mawgun.review.audit import list_changes
    from mawgun.review.provenance import field_origins
    from mawgun.review.states import review_of

    if event.get("level") != "canonical":
        return {"review": None, "origins": [], "changes": []}
    canonical_id = event["event_id"]
    return {
        "review": review_of(session, canonical_id),
        "origins": field_origins(session, canonical_id),
        "changes": list_changes(session, event_id=canonical_id),
    }


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    """Full-text search over documents, by outlet and publication dates."""
    raw = {k: request.query_params.get(k, "").replace("\x00", "").strip() for k in ("q", "outlet", "since", "until")}
    errors: list[str] = []
    since, until = _date(raw["since"], "since", errors), _date(raw["until"], "until", errors)
    offset = _int_param(request, "offset", 0, 10_000_000)
    with _session(request) as session:
        conditions = query_documents.document_conditions(session, raw["q"] or None, raw["outlet"] or None, since, until)
        total, documents = query_documents.list_documents(session, conditions, PAGE_SIZE, offset)
        documents = query_documents.add_snippets(session, documents, raw["q"] or None)
        outlets = query_documents.distinct_outlets(session)
    query = {k: v for k, v in raw.items() if v}
    return render(
        request, "documents.html", query=query, q=raw["q"], total=total, documents=documents, offset=offset,
        page_size=PAGE_SIZE, outlets=outlets, errors=errors, active="documents",
    )  # fmt: skip


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    """One document: metadata, the records read from it, and its text with evidence highlighted."""
    with _session(request) as session:
        document = query_documents.get_document(session, doc_id)
    if document is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id}")
    segments = split_text(document["text"] or "", document["evidence"])
    return render(request, "document.html", document=document, segments=segments, active="documents")


@router.get("/control", response_class=HTMLResponse)
def control_page(request: Request) -> HTMLResponse:
    """Territorial control on a chosen day: who holds each place, on a map and in a table."""
    filters, query, errors = read_filters(request)
    as_of = _date(request.query_params.get("as_of"), "as_of", errors)
    if as_of:
        query["as_of"] = as_of.isoformat()
    with _session(request) as session:
        rows = control.territorial_control(session, filters, as_of)
        choices = filter_choices(session, query_events.with_level(session, filters, None))
    return render(
        request, "control.html", query=query, errors=errors, rows=rows, choices=choices, active="control", as_of=as_of
    )


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request) -> HTMLResponse:
    """Weekly or monthly situation report for a chosen period."""
    period = "monthly" if request.query_params.get("period") == "monthly" else "weekly"
    errors: list[str] = []
    day = _date(request.query_params.get("date"), "date", errors)
    scope = report_scope(request)
    with _session(request) as session:
        report = build_report(session, period, day, scope)
    return render(
        request, "report.html", report=report, period=period, errors=errors, active="reports",
    )  # fmt: skip


@router.get("/reports/full.{fmt}")
def full_report(request: Request, fmt: str) -> Response:
    """The printable report of `mawgun report` (HTML with inline chart and map, or Markdown)."""
    if fmt not in ("html", "md"):
        raise HTTPException(status_code=404, detail="no such report format" if fmt not in ("html", "md") else
                            "the report stage (mawgun.report) is not installed")  # fmt: skip
    period = "monthly" if request.query_params.get("period") == "monthly" else "weekly"
    errors: list[str] = []
    day = _date(request.query_params.get("date"), "date", errors)
    with _session(request) as session:
        day = day or date_range(session, query_events.with_level(session, EventFilter(), None))[1] or dt.date.today()
        body = render_stage_report(session, period, day, fmt, report_scope(request))
    if fmt == "md":
        return Response(body, media_type="text/markdown; charset=utf-8")
    return HTMLResponse(body, headers={"Content-Security-Policy": REPORT_CSP})


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """A readable index of the HTTP API, built from the app's own OpenAPI schema."""
    schema = request.app.openapi()
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            params = [
                {"name": p["name"], "where": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or ""}
                for p in operation.get("parameters", [])
            ]  # fmt: skip
            summary = (operation.get("description") or operation.get("summary") or "").split("\n")[0]
            endpoints.append({"method": method.upper(), "path": path, "summary": summary, "params": params})
    return render(request, "api.html", endpoints=endpoints, active="api")


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request) -> HTMLResponse:
    """Statistics and sanctions that sources report, each linked to its document."""
    with _session(request) as session:
        stats_table, sanctions_table = query_documents.STATISTICS, query_documents.SANCTIONS
        order = stats_table.c.period_start.desc().nulls_last()
        n_stats, statistics = query_documents.list_records(session, stats_table, [], PAGE_SIZE, 0, order)
        order = sanctions_table.c.date.desc().nulls_last()
        n_sanctions, sanctions = query_documents.list_records(session, sanctions_table, [], PAGE_SIZE, 0, order)
    return render(
        request, "figures.html", statistics=statistics, sanctions=sanctions, n_stats=n_stats,
        n_sanctions=n_sanctions, active="figures",
    )  # fmt: skip
