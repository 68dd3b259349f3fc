"""Request values -> the query layer's `EventFilter`: the web stage's only part in filtering.

Every list, chart, map, control table and export of the API and the dashboard is selected by
`mawgun.query.filter.EventFilter`, the filter `mawgun stats` and reports use; this module only turns
query-string text into one. Names are checked as the CLI checks them (`mawgun.query.names`): a
mistyped state/region, township, sub-event type or precision is reported with its near matches
instead of selecting nothing quietly. The same parameter names serve the pages and the API, so a
page's URL is the filter: shared, it shows the same view.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from mawgun.query.filter import DATE_PRECISIONS, PLACE_PRECISIONS, REVIEW_SCOPES, EventFilter
from mawgun.query.names import UnknownName, check_admin1, check_known, check_sub_type, check_township

# Query-string parameters of the filter, in the order a shared URL writes them.
FILTER_PARAMS = (
    "since", "until", "type", "sub_type", "admin1", "township", "actor", "alliance", "origin", "outlet",
    "date_precision", "place_precision", "review", "release",
)  # fmt: skip
LIST_PARAMS = ("type", "sub_type", "admin1", "township", "actor", "outlet", "date_precision", "place_precision")


def _admin1(values: list[str]) -> list[str]:
    check_admin1(values)
    return values


NAME_CHECKS: dict[str, Callable[[list[str]], list[str]]] = {
    "admin1": _admin1,
    "township": check_township,
    "sub_type": check_sub_type,
    "date_precision": lambda values: check_known("date precision", values, DATE_PRECISIONS),
    "place_precision": lambda values: check_known("place precision", values, PLACE_PRECISIONS),
}


def split_values(raw: str | None) -> list[str]:
    """Comma-separated query values, trimmed, empty ones dropped."""
    if not raw:
        return []
    return [part.strip() for part in raw.split(",") if part.strip()]


def resolve_lists(raw: dict[str, str | None]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The list parameters split and spelled as the query layer knows them, and, per parameter, the
    message of a value that names nothing known (with near matches); such a parameter is left out."""
    lists: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for name in LIST_PARAMS:
        values = split_values(raw.get(name))
        try:
            lists[name] = NAME_CHECKS[name](values) if name in NAME_CHECKS and values else values
        except UnknownName as exc:
            errors[name] = str(exc)
            lists[name] = []
    return lists, errors


def build_filters(
    since: dt.date | None,
    until: dt.date | None,
    lists: dict[str, list[str]],
    alliance: str | None,
    origin: str | None,
    review: str | None = None,
    release: str | None = None,
) -> EventFilter:
    """The `EventFilter` of resolved request values (an alliance: its members on each event's date;
    `review` one of REVIEW_SCOPES, anything else the default; `release` a published release's name)."""
    return EventFilter(
        since=since,
        until=until,
        event_types=lists.get("type", []),
        sub_event_types=lists.get("sub_type", []),
        admin1=lists.get("admin1", []),
        admin3=lists.get("township", []),
        actors=lists.get("actor", []),
        alliance=(alliance or "").strip() or None,
        origin=(origin or "").strip() or None,
        outlets=lists.get("outlet", []),
        date_precisions=lists.get("date_precision", []),
        place_precisions=lists.get("place_precision", []),
        review=review if review in REVIEW_SCOPES else "drafts",
        release=(release or "").strip() or None,
    )


def visitor_filter(request: Any, flt: EventFilter) -> EventFilter:
    """The filter this visitor may read: in public mode an anonymous visitor sees published events only,
    those of the release asked for or else of the newest one (none at all before the first release).
    Everyone else reads what they asked for."""
    from mawgun.web.auth import current_user

    if getattr(request.app.state, "mode", "private") != "public" or current_user(request) is not None:
        return flt
    from mawgun.review.releases import NO_RELEASE, latest_release, release_exists
    from mawgun.store.db import session_scope

    with session_scope(request.app.state.db_url) as session:
        chosen = flt.release if flt.release and release_exists(session, flt.release) else latest_release(session)
    return dataclasses.replace(flt, release=chosen or NO_RELEASE, per_report=False, review="reviewed")
