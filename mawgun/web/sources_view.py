"""Source health on the web: `GET /api/v1/sources` (JSON) and the `/sources` dashboard panel.

For each watched source: its state (ok, failing, disabled, not polled yet), last success, last
error, consecutive failures, next poll and the items read today (`mawgun.sources.catalog`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from mawgun.web.deps import SessionDep
from mawgun.web.schemas import UtcDatetime

router = APIRouter()


class SourceHealth(BaseModel):
    """One watched source and how it is doing."""

    name: str
    kind: str
    url: str
    outlet: str | None
    language: str | None
    timezone: str | None
    interval_minutes: int
    enabled: bool
    state: str
    last_success_at: UtcDatetime | None  # RFC 3339 with its zone (Z), as `date-time` requires
    last_error: str | None
    last_error_at: UtcDatetime | None
    failures: int
    next_poll_at: UtcDatetime | None
    items_today: int


@router.get("/api/v1/sources", response_model=list[SourceHealth], tags=["sources"])
def list_sources(session: SessionDep) -> Any:
    """Every watched source with its health: last success, last error, items read today (UTC)."""
    from mawgun.sources.catalog import source_health

    return source_health(session)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, session: SessionDep) -> HTMLResponse:
    """The sources panel: one row per source, failing ones first."""
    from mawgun.sources.catalog import source_health
    from mawgun.web.pages import render

    rows = sorted(source_health(session), key=lambda r: (r["state"] != "failing", r["name"]))
    return render(request, "sources.html", sources=rows, active="sources")
