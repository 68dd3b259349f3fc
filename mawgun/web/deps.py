"""Request dependencies shared by the API and the pages: database sessions and filter parsing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from mawgun.query.filter import EventFilter
from mawgun.store.db import session_scope
from mawgun.web.filters import build_filters, resolve_lists, visitor_filter
from mawgun.web.parameter_rules import MAX_LENGTHS, check_blank_items, check_list_sizes

MAX_OFFSET = 10_000_000
LEN = MAX_LENGTHS  # the longest each list filter may be written (`mawgun.web.parameter_rules`)


def get_session(request: Request) -> Iterator[Session]:
    """A read session on the app's database for one request."""
    with session_scope(request.app.state.db_url) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def invalid(name: str, message: str, where: str = "query") -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors (so the OpenAPI schema describes it)."""
    return HTTPException(status_code=422, detail=[{"loc": [where, name], "msg": message, "type": "value_error"}])


def clean_text(value: str | None, name: str, where: str = "query") -> str | None:
    """Reject text no database can store (NUL) with a 422 instead of a server error."""
    if value is not None and "\x00" in value:
        raise invalid(name, "NUL characters are not allowed", where)
    return value


def check_dates(since: dt.date | None, until: dt.date | None) -> None:
    """A range that ends before it starts is a client error."""
    if since and until and until < since:
        raise invalid("until", f"until ({until}) is before since ({since}): a range must not end before it starts")


def event_filters(
    request: Request,
    since: Annotated[dt.date | None, Query(description="First day (ISO date), inclusive.")] = None,
    until: Annotated[dt.date | None, Query(description="Last day (ISO date), inclusive.")] = None,
    type: Annotated[str | None, Query(description="ACLED event type(s), comma-separated.", max_length=500)] = None,
    admin1: Annotated[str | None, Query(description="State/region name or P-code.", max_length=LEN["admin1"])] = None,
    township: Annotated[str | None, Query(description="Township name or P-code.", max_length=LEN["township"])] = None,
    actor: Annotated[
        str | None, Query(description="Actor id(s), comma-separated (MIL, KIA...).", max_length=300)
    ] = None,
    alliance: Annotated[
        str | None, Query(description="Alliance code (3BHA): its members on the event's date.", max_length=100)
    ] = None,
    origin: Annotated[str | None, Query(description="mawgun, ucdp or acled.", max_length=20)] = None,
    sub_type: Annotated[
        str | None, Query(description="ACLED sub-event type(s), comma-separated.", max_length=LEN["sub_type"])
    ] = None,
    outlet: Annotated[
        str | None, Query(description="Outlet(s) that reported the events, comma-separated.", max_length=300)
    ] = None,
    date_precision: Annotated[
        str | None,
        Query(
            description="Date known to: day, week, month, year (comma-separated).",
            max_length=LEN["date_precision"],
        ),
    ] = None,
    place_precision: Annotated[
        str | None,
        Query(
            description="Place known to: place, township, state (comma-separated).",
            max_length=LEN["place_precision"],
        ),
    ] = None,
    review: Annotated[
        Literal["drafts", "reviewed", "draft", "rejected"],
        Query(description="Review states counted: drafts (reviewed and draft; default), reviewed, draft, rejected."),
    ] = "drafts",
    release: Annotated[
        str | None, Query(description="A published release: its events as frozen (e.g. 2024-q1).", max_length=120)
    ] = None,
) -> EventFilter:
    """The event filters every list, chart, map and export accepts; a name that is nothing known is a 422
    naming its near matches (as the CLI answers). In public mode an anonymous visitor reads a published
    release only (`mawgun.web.filters.visitor_filter`)."""
    texts = {
        "type": type, "admin1": admin1, "township": township, "actor": actor, "alliance": alliance,
        "origin": origin, "sub_type": sub_type, "outlet": outlet, "date_precision": date_precision,
        "place_precision": place_precision, "release": release,
    }  # fmt: skip
    for name, value in texts.items():
        clean_text(value, name)
    check_dates(since, until)
    for name, message in {**check_blank_items(texts), **check_list_sizes(texts)}.items():
        raise invalid(name, message)
    lists, errors = resolve_lists(texts)
    for name, message in errors.items():
        raise invalid(name, message)
    return visitor_filter(request, build_filters(since, until, lists, alliance, origin, review, release))


FiltersDep = Annotated[EventFilter, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
