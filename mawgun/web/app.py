"""The FastAPI application: HTTP API under /api/v1, dashboard pages, and the project's static files.

`create_app(db_url)` serves one store (the embedded SQLite default when `db_url` is None). Nothing
is fetched from the internet: scripts, styles and map outlines are all served by this app.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mawgun import __version__
from mawgun.store.db import ensure_schema, resolve_url

LOG = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# The server answers only to its own names: a DNS-rebinding page (evil.example re-pointed at
# 127.0.0.1) sends its own name as Host and is refused. "testserver" is the name Starlette's test
# client sends. IP addresses are always answered (a rebinding page cannot send one as its Host);
# `mawgun serve --allow-host NAME` (or create_app(allowed_hosts=...)) adds names.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")


def create_app(
    db_url: str | None = None,
    warm: bool = False,
    allowed_hosts: list[str] | None = None,
    mode: str = "private",
    secure_cookies: bool = False,
) -> FastAPI:
    """Build the web app over the store at `db_url` (migrated on start if needed).

    Requests are answered only when their Host is a local name or one of `allowed_hosts`.
    `mode="private"` (the default) needs a login for every page and endpoint; `mode="public"` lets
    anonymous visitors read (see `mawgun.web.auth`). `secure_cookies=True` marks cookies Secure even
    when the app cannot see that it is served over https.

    `warm=True` (as `mawgun serve` does) computes the default dashboard aggregates in a background
    thread at start-up, so the first visitor of a large store does not wait for them.
    """
    from mawgun.actors import get_registry
    from mawgun.web import admin, api_events, api_records, auth, login, pages, review_pages, sources_view
    from mawgun.web.vendor import mount_vendor

    resolved = resolve_url(db_url)
    ensure_schema(resolved)
    get_registry()  # the actor registry, loaded with the app: every page's filter form and actor filter reads it
    app = FastAPI(
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the dashboard has its own API page
        redoc_url=None,
        title="Mawgun API",
        version=__version__,
        description="Verified, mapped events of Myanmar's war, each traceable to its sentence.",
        dependencies=[Depends(auth.guard_writes)],  # every route, now and later: writes need a user and CSRF
    )
    app.state.db_url = resolved
    app.state.allowed_hosts = {name.lower().strip("[]") for name in (*LOCAL_HOSTS, *(allowed_hosts or []))}
    app.include_router(api_events.router)
    app.include_router(api_records.router)
    app.include_router(pages.router)
    app.include_router(sources_view.router)
    app.include_router(login.router)
    app.include_router(admin.router)
    app.include_router(review_pages.router)
    app.state.secure_cookies = secure_cookies
    auth.install(app, mode)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    mount_vendor(app)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    add_handlers(app)
    declare_text_rules(app)
    if warm:
        threading.Thread(target=warm_cache, args=(resolved,), name="mawgun-warm-cache", daemon=True).start()
    return app


def warm_cache(db_url: str) -> None:
    """Simplify the map outlines and run the unfiltered dashboard queries once, so both are cached."""
    from mawgun.query import events as query_events
    from mawgun.query.counts import count_cached
    from mawgun.query.filter import EventFilter
    from mawgun.store.db import session_scope
    from mawgun.web import api_events, pages
    from mawgun.web.boundaries import boundaries_json
    from mawgun.web.responses import gzipped

    try:
        for level in ("admin1", "admin3"):
            gzipped(boundaries_json(level))
        with session_scope(db_url) as session:
            flt = query_events.with_level(session, EventFilter(), None)
            api_events.cached(session, "map-json", (flt, 2000), lambda: api_events.map_json(session, flt, 2000))
            limit = api_events.MAP_EVENTS_LIMIT
            api_events.cached(
                session, "map-events", (flt, limit), lambda: api_events.map_events_json(session, flt, limit)
            )
            count_cached(session, ["month", "event_type"], flt)
            count_cached(session, ["origin"], flt)
            pages.filter_choices(session, flt)
    except Exception as exc:  # noqa: BLE001  (a background optimisation: requests report the real error)
        LOG.warning("could not warm the dashboard cache: %s", exc)


def add_handlers(app: FastAPI) -> None:
    """Security headers on every response; HTML error pages for browsers, JSON for the API."""

    @app.middleware("http")
    async def add_security_headers(request: Request, call_next: Any) -> Response:
        refused = misformed_date(request) or repeated_parameter(request)
        if not host_allowed(host_name(request.headers.get("host", "")), request.app.state.allowed_hosts):
            response: Response = JSONResponse({"detail": "this server does not answer to that Host name"}, 400)
        elif refused:
            response = JSONResponse({"detail": [refused]}, status_code=422)
        else:
            response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        from mawgun.web.auth import login_redirect, wants_html

        if exc.status_code == 401 and wants_html(request):
            return login_redirect(request)
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        from mawgun.web.pages import render

        response = render(request, "error.html", status=exc.status_code, message=str(exc.detail))
        response.status_code = exc.status_code
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)


DATE_PARAMS = ("since", "until", "as_of")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NO_NUL = "^[^\\x00]*$"


def misformed_date(request: Request) -> dict[str, object] | None:
    """A validation error for an API date parameter that is not YYYY-MM-DD (pydantic would read `0` or
    `1700000000` as a Unix time), else None."""
    if not request.url.path.startswith("/api/"):
        return None
    for name in DATE_PARAMS:
        value = request.query_params.get(name)
        if value is not None and value != "" and not ISO_DAY.fullmatch(value):
            return {"loc": ["query", name], "msg": "not a date (YYYY-MM-DD)", "type": "date_from_datetime_parsing"}
    return None


def repeated_parameter(request: Request) -> dict[str, object] | None:
    """A validation error for an API query parameter given more than once, else None. Every API
    parameter is one value (lists are comma-separated, `explode: false`), so `alliance=A&alliance=B`
    is ambiguous: refused rather than read as its last value."""
    if not request.url.path.startswith("/api/"):
        return None
    seen: set[str] = set()
    for name, _ in request.query_params.multi_items():
        if name in seen:
            return {"loc": ["query", name], "msg": "given more than once: give it once (lists are comma-separated)",
                    "type": "value_error"}  # fmt: skip
        seen.add(name)
    return None


def declare_text_rules(app: FastAPI) -> None:
    """State in the OpenAPI schema what the API enforces on text: no NUL in any string parameter, and
    API date parameters written YYYY-MM-DD (so generated clients and schemathesis know)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    declare_parameter(parameter)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def declare_parameter(parameter: dict[str, Any]) -> None:
    """Add the NUL and date-form rules to one parameter's schema (each alternative of an anyOf), or the
    parameter's own rule (`mawgun.web.parameter_rules`: state/region names, group keys)."""
    from mawgun.web.parameter_rules import declare_rules

    if declare_rules(parameter):
        return
    schema = parameter.get("schema", {})
    for alternative in schema.get("anyOf", [schema]):
        if alternative.get("type") != "string" or "enum" in alternative:
            continue
        if alternative.get("format") == "date" and parameter["name"] in DATE_PARAMS:
            alternative["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        elif "pattern" not in alternative:
            alternative["pattern"] = NO_NUL


def host_allowed(name: str, allowed: set[str]) -> bool:
    """True for the server's own names and for IP addresses (DNS rebinding needs a domain name)."""
    if name in allowed:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_name(header: str) -> str:
    """The name in a Host header, lower-cased, without port or IPv6 brackets ("[::1]:8765" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, object]]:
    """Validation errors without the raw input objects (which may not be JSON-serialisable)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")} for e in exc.errors()]
