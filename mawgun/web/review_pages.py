"""The review pages: the queue (/review) with an event beside its evidence and the forms to accept,
edit, reject, merge, split and link a statistic; releases (/releases); the audit log (/audit).

Reading the queue needs a coder; accepting, rejecting, merging, splitting, linking and publishing a
reviewer; a coder's edits are limited to drafts (`mawgun.review.states.edit_event`). Every write
route names its role with `require_role` and checks the form's CSRF token with `verify_csrf` (the app
also checks it on every write). After a change the browser is sent back to the event (303), so a
reload never repeats it. Every value is escaped by Jinja's autoescape; edit reasons are user input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from mawgun.accounts import User, has_role
from mawgun.query import events as query_events
from mawgun.query.review import list_queue
from mawgun.review.audit import list_changes
from mawgun.review.overrides import EDITABLE, EditError
from mawgun.review.provenance import field_origins
from mawgun.review.releases import ReleaseError, list_releases, publish_release
from mawgun.review.states import ReviewError, accept_event, edit_event, link_statistic, reject_event, review_of
from mawgun.store.db import session_scope
from mawgun.web.auth import require_role, verify_csrf
from mawgun.web.filters import build_filters, split_values
from mawgun.web.highlight import split_text
from mawgun.web.pages import render

router = APIRouter(include_in_schema=False)
CoderDep = Annotated[User, Depends(require_role("coder"))]
ReviewerDep = Annotated[User, Depends(require_role("reviewer"))]
ViewerDep = Annotated[User, Depends(require_role("viewer"))]
Csrf = Depends(verify_csrf)
Text = Annotated[str, Form(max_length=2000)]
QUEUE_KEYS = ("state", "since", "until", "type", "outlet", "max_confidence")
STATES = ("draft", "reviewed", "rejected", "drafts")
PAGE = 30


def queue_query(request: Request) -> dict[str, str]:
    """The queue's filters from the query string (empty ones dropped, NULs removed)."""
    raw = {k: request.query_params.get(k, "").replace("\x00", "").strip() for k in QUEUE_KEYS}
    if raw["state"] not in STATES:
        raw["state"] = "draft"
    return {k: v for k, v in raw.items() if v}


def parsed_queue(query: dict[str, str], errors: list[str]) -> tuple[Any, float | None]:
    """The queue's EventFilter and confidence ceiling; a bad value is reported and ignored."""
    import datetime as dt

    days: dict[str, dt.date | None] = {}
    for name in ("since", "until"):
        try:
            days[name] = dt.date.fromisoformat(query[name]) if query.get(name) else None
        except ValueError:
            errors.append(f"{name}: {query[name]!r} is not a date (YYYY-MM-DD); ignored")
            days[name] = None
    ceiling = None
    if query.get("max_confidence"):
        try:
            ceiling = float(query["max_confidence"])
        except ValueError:
            errors.append(f"max_confidence: {query['max_confidence']!r} is not a number; ignored")
    lists = {"type": split_values(query.get("type")), "outlet": split_values(query.get("outlet"))}
    return build_filters(days["since"], days["until"], lists, None, None, review=query["state"]), ceiling


def event_context(session: Session, event_id: str) -> dict[str, Any] | None:
    """An event with its reports and sources (evidence highlighted), review, field origins and audit rows."""
    detail = query_events.get_event(session, event_id)
    if detail is None or detail["event"]["level"] != "canonical":
        return None
    for source in detail["sources"]:
        spans = [e for e in detail["evidence"] if e["document_id"] == source["id"]]
        source["segments"] = split_text(source["text"] or "", spans)
        source["n_spans"] = len(spans)
    canonical_id = detail["event"]["event_id"]
    return {
        "detail": detail,
        "event": detail["event"],
        "review": review_of(session, canonical_id),
        "origins": field_origins(session, canonical_id),
        "changes": list_changes(session, event_id=canonical_id),
        "form_values": form_values(detail["event"]),
    }


def form_values(event: dict[str, Any]) -> dict[str, str]:
    """The edit form's current values as text (what a person would type)."""
    values = {name: "" if event.get(name) is None else str(event.get(name)) for name in EDITABLE}
    values["place"] = event.get("pcode") or event.get("admin3_pcode") or event.get("admin1_pcode") or ""
    values["actor1"] = ",".join(event.get("actor1") or [])
    values["actor2"] = ",".join(event.get("actor2") or [])
    values["fatalities_best"] = "" if event.get("fatalities") is None else str(event["fatalities"])
    return values


@router.get("/review")
def review_queue(request: Request, user: CoderDep) -> Response:
    """The queue (lowest confidence and most-cited first) and the chosen event beside its evidence."""
    query = queue_query(request)
    errors: list[str] = []
    flt, ceiling = parsed_queue(query, errors)
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        offset = 0
    with session_scope(request.app.state.db_url) as session:
        total, items = list_queue(session, flt, limit=PAGE, offset=offset, max_confidence=ceiling)
        chosen = request.query_params.get("event") or (items[0]["event_id"] if items else None)
        context = event_context(session, chosen) if chosen else None
    return render(
        request, "review.html", query=query, errors=errors, total=total, items=items, offset=offset, page=PAGE,
        chosen=chosen, ctx=context, user=user, may_review=has_role(user, "reviewer"), editable=EDITABLE,
        queue_qs=urlencode(query), message=request.query_params.get("done"), problem=request.query_params.get("error"),
        active="review",
    )  # fmt: skip


def act(request: Request, event_id: str, done: str, change: Callable[[Session], Any]) -> Response:
    """Run one change in its own transaction, then send the browser back to the event (303), saying
    what was done or why it could not be."""
    try:
        with session_scope(request.app.state.db_url) as session:
            change(session)
        outcome = {"done": done}
    except (EditError, ReviewError, ReleaseError, ValueError) as exc:
        outcome = {"error": str(exc)}
    return RedirectResponse(f"/review?{urlencode({'event': event_id, **outcome})}", status_code=303)


@router.post("/review/{event_id}/accept", dependencies=[Csrf])
def accept(request: Request, event_id: str, user: ReviewerDep, why: Text = "") -> Response:
    """Mark the event reviewed."""
    return act(request, event_id, "accepted", lambda s: accept_event(s, event_id, user.username, why or None))


@router.post("/review/{event_id}/reject", dependencies=[Csrf])
def reject(request: Request, event_id: str, user: ReviewerDep, reason: Text = "") -> Response:
    """Mark the event rejected, with the reason."""
    return act(request, event_id, "rejected", lambda s: reject_event(s, event_id, user.username, reason))


@router.post("/review/{event_id}/edit", dependencies=[Csrf])
async def edit(request: Request, event_id: str, user: CoderDep) -> Response:
    """Set the fields whose text the person changed (a coder: drafts only)."""
    form = await request.form()
    submitted = {name: str(form.get(name, "")).strip()[:500] for name in EDITABLE if name in form}
    why = str(form.get("why", "")).strip()[:2000] or None

    def change(session: Session) -> None:
        detail = query_events.get_event(session, event_id)
        if detail is None or detail["event"]["event_id"] != event_id:
            raise ReviewError(f"no canonical event {event_id}")
        current = form_values(detail["event"])
        changed = {name: value for name, value in submitted.items() if value != current.get(name, "")}
        if not changed:
            raise EditError("no field was changed")
        edit_event(session, event_id, changed, user.username, why, may_review=has_role(user, "reviewer"))

    return act(request, event_id, "edited", change)


@router.post("/review/merge", dependencies=[Csrf])
def merge(request: Request, user: ReviewerDep, target: Text, others: Text, why: Text = "") -> Response:
    """Merge other canonical events into this one (deduplication's merge decision)."""
    from mawgun.dedup.decisions import DecisionError
    from mawgun.dedup.store import merge_events

    ids = [target, *[part.strip() for part in others.replace(",", " ").split() if part.strip()]]
    try:
        merged = merge_events(request.app.state.db_url, ids, user.username, why or None)
    except DecisionError as exc:
        return RedirectResponse(f"/review?{urlencode({'event': target, 'error': str(exc)})}", status_code=303)
    return RedirectResponse(f"/review?{urlencode({'event': merged, 'done': 'merged'})}", status_code=303)


@router.post("/review/{event_id}/split", dependencies=[Csrf])
async def split(request: Request, event_id: str, user: ReviewerDep) -> Response:
    """Split the checked reports out of the event into a new one (deduplication's split decision)."""
    from mawgun.dedup.decisions import DecisionError
    from mawgun.dedup.store import split_event

    form = await request.form()
    records = [str(value) for value in form.getlist("records")]
    why = str(form.get("why", "")).strip()[:2000] or None
    try:
        new_id = split_event(request.app.state.db_url, event_id, records, user.username, why)
    except DecisionError as exc:
        return RedirectResponse(f"/review?{urlencode({'event': event_id, 'error': str(exc)})}", status_code=303)
    return RedirectResponse(f"/review?{urlencode({'event': new_id, 'done': f'split from {event_id}'})}", 303)


@router.post("/review/{event_id}/link", dependencies=[Csrf])
def link(request: Request, event_id: str, user: ReviewerDep, statistic_id: Text, why: Text = "") -> Response:
    """Link a statistic to this event (one of the events it counts)."""
    return act(
        request, event_id, f"linked {statistic_id}",
        lambda s: link_statistic(s, statistic_id.strip(), [event_id], user.username, why or None),
    )  # fmt: skip


@router.get("/releases")
def releases_page(request: Request) -> Response:
    """Published releases, newest first, and (for a reviewer) the form to publish one."""
    from mawgun.web.auth import current_user

    user = current_user(request)
    with session_scope(request.app.state.db_url) as session:
        rows = list_releases(session)
    return render(
        request, "releases.html", rows=rows, may_publish=has_role(user, "reviewer"), active="releases",
        message=request.query_params.get("done"), problem=request.query_params.get("error"),
    )  # fmt: skip


@router.post("/releases", dependencies=[Csrf])
def publish(
    request: Request, user: ReviewerDep, name: Annotated[str, Form(max_length=120)], note: Text = ""
) -> Response:
    """Publish a release of the reviewed events."""
    try:
        with session_scope(request.app.state.db_url) as session:
            summary = publish_release(session, name.strip(), user.username, note or None)
    except ReleaseError as exc:
        return RedirectResponse(f"/releases?{urlencode({'error': str(exc)})}", status_code=303)
    done = f"published {summary['name']}: {summary['events']} reviewed events"
    return RedirectResponse(f"/releases?{urlencode({'done': done})}", status_code=303)


@router.get("/audit")
def audit_page(request: Request, user: ViewerDep) -> Response:
    """The audit log, newest last, of one event (?event=) or one person (?user=)."""
    event_id = request.query_params.get("event", "").replace("\x00", "").strip() or None
    who = request.query_params.get("user", "").replace("\x00", "").strip() or None
    with session_scope(request.app.state.db_url) as session:
        from mawgun.review.audit import verify_chain

        rows = list_changes(session, event_id, who, limit=500)
        verdict = verify_chain(session)
    return render(
        request, "audit.html", rows=rows, event_id=event_id, who=who, verdict=verdict, active="audit",
    )  # fmt: skip
