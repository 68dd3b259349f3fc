"""Who is asking, and may they: sessions, API tokens, roles, CSRF and the private/public modes.

The interface other web modules use:

- `current_user(request) -> User | None`: the logged-in user (session cookie or `Authorization: Bearer`
  API token), None for an anonymous visitor.
- `require_role("coder")`: a FastAPI dependency returning the `User`, or answering 401 (anonymous; an
  HTML page is sent to /login) or 403 (a lower role). Roles: viewer < coder < reviewer < admin.
- `csrf_field()` (a Jinja global: the hidden input every form carries) and `verify_csrf` (a dependency;
  the app also runs it on every request, so a POST/PUT/PATCH/DELETE made with a session cookie and
  without the right token is refused with 403 whatever the route). Token-authenticated requests are
  exempt: a browser never adds an Authorization header to a cross-site request by itself.
- `request.app.state.mode`: "private" (everything needs login; the default) or "public" (anonymous
  visitors may read; what they see is the query layer's business).

Every request's user is resolved once by `install(app)`'s middleware and kept on `request.state`.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from jinja2 import pass_context
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from mawgun.accounts import User, has_role
from mawgun.accounts.sessions import SESSION_LIFETIME, secret_key, sign, user_for_session
from mawgun.accounts.tokens import user_for_token
from mawgun.store.db import session_scope

MODES = ("private", "public")
SESSION_COOKIE = "mawgun_session"
CSRF_COOKIE = "mawgun_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What an anonymous visitor may open in private mode: the login page and the app's own assets.
OPEN_PATHS = ("/login", "/palette.css", "/favicon.ico")
OPEN_PREFIXES = ("/static/", "/lang/")
ANONYMOUS_WRITES = ("/login",)
ACCOUNT_WRITES = ("/login", "/logout")


class LoginRequired(HTTPException):
    """401: this needs a logged-in user."""

    def __init__(self) -> None:
        super().__init__(
            401, "log in first (or send an API token: Authorization: Bearer ...)", {"WWW-Authenticate": "Bearer"}
        )


def current_user(request: Request) -> User | None:
    """The user making this request (session or API token), or None when anonymous."""
    if "user" not in request.state._state:
        resolve_request(request)
    user: User | None = request.state.user
    return user


@lru_cache(maxsize=8)
def require_role(role: str) -> Callable[[Request], User]:
    """A dependency that returns the current user when they hold `role` (or a higher one); 401 for an
    anonymous visitor, 403 for a lower role. The same callable is returned for the same role."""
    has_role(None, role)  # an unknown role name fails here, at import time of the route

    def dependency(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise LoginRequired()
        if not has_role(user, role):
            raise HTTPException(403, f"this needs the {role} role (you are {user.role})")
        return user

    dependency.required_role = role  # type: ignore[attr-defined]  # read by the route-coverage tests
    dependency.__name__ = f"require_{role}"
    return dependency


def serializer(app: Any) -> URLSafeTimedSerializer:
    """Signs and reads the session cookie with the app's key."""
    return URLSafeTimedSerializer(app_secret(app), salt="mawgun-session")


def app_secret(app: Any) -> str:
    """The signing key, read once per app (MAWGUN_SECRET_KEY or the store's)."""
    state = app.state
    if getattr(state, "secret_key", None) is None:
        with session_scope(state.db_url) as session:
            state.secret_key = secret_key(session)
    return str(state.secret_key)


def resolve_request(request: Request) -> None:
    """Find the request's user (Bearer token first, then the session cookie) and keep it on request.state.

    `auth_via` is "token", "session" or None; `bad_token` marks an Authorization header that names no
    live token (answered 401, never treated as anonymous)."""
    state = request.state
    state.user, state.auth_via, state.session_key, state.bad_token = None, None, None, False
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        with session_scope(request.app.state.db_url) as session:
            user = user_for_token(session, token.strip()) if scheme.lower() == "bearer" else None
        state.user, state.auth_via, state.bad_token = user, "token" if user else None, user is None
        return
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return
    try:
        key = serializer(request.app).loads(cookie, max_age=int(SESSION_LIFETIME.total_seconds()))
    except BadSignature:
        return
    with session_scope(request.app.state.db_url) as session:
        user = user_for_session(session, str(key))
    if user is not None:
        state.user, state.auth_via, state.session_key = user, "session", str(key)


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser: tied to its session, or (before login) to its `mawgun_csrf` cookie."""
    key = getattr(request.state, "session_key", None)
    if key:
        return sign(app_secret(request.app), key, "csrf")
    seed = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf_seed", None)
    if not seed:
        import secrets

        seed = request.state.new_csrf_seed = secrets.token_urlsafe(24)
    return sign(app_secret(request.app), seed, "csrf-anonymous")


@pass_context
def csrf_field(context: Any) -> Markup:
    """Jinja global: the hidden input with this browser's CSRF token, for every form that posts."""
    token = csrf_token(context["request"])
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')


@pass_context
def csrf_value(context: Any) -> str:
    """Jinja global: the bare token (for a `<meta>` that scripts send back as X-CSRF-Token)."""
    return csrf_token(context["request"])


@pass_context
def signed_in(context: Any) -> User | None:
    """Jinja global: the user viewing the page, or None."""
    return current_user(context["request"])


async def verify_csrf(request: Request) -> None:
    """Refuse (403) a state-changing request made with cookies whose CSRF token (form field `csrf_token`
    or header X-CSRF-Token) is missing or wrong. Safe methods and Bearer-token requests pass."""
    if request.method in SAFE_METHODS or getattr(request.state, "auth_via", None) == "token":
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    has_seed = getattr(request.state, "session_key", None) or request.cookies.get(CSRF_COOKIE)
    if not sent or not has_seed or not hmac.compare_digest(sent.encode(), csrf_token(request).encode()):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


async def guard_writes(request: Request) -> None:
    """Run on every route: a write needs a logged-in user (except logging in), a valid CSRF token, and
    (except logging in and out) a store that has an admin."""
    if request.method in SAFE_METHODS:
        return
    if request.url.path not in ANONYMOUS_WRITES and current_user(request) is None:
        raise LoginRequired()
    await verify_csrf(request)
    if request.url.path not in ACCOUNT_WRITES and not await run_in_threadpool(admin_exists, request.app):
        raise HTTPException(403, "this store has no admin yet: create one with  mawgun users add NAME --role admin")


def admin_exists(app: Any) -> bool:
    """True once the store has an enabled admin (remembered: the last admin cannot be removed)."""
    if not getattr(app.state, "has_admin", False):
        from mawgun.accounts.users import count_admins

        with session_scope(app.state.db_url) as session:
            app.state.has_admin = count_admins(session) > 0
    return bool(app.state.has_admin)


def wants_html(request: Request) -> bool:
    """A browser page request (not the API, and HTML accepted)."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def login_redirect(request: Request) -> RedirectResponse:
    """Send a browser to the login page, coming back here afterwards."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(here, safe='')}", status_code=303)


def is_open(path: str) -> bool:
    """Paths an anonymous visitor may open even in private mode."""
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


def secure_cookies(request: Request) -> bool:
    """Cookies are marked Secure when served over https (directly or behind a proxy that says so)."""
    return request.url.scheme == "https" or bool(getattr(request.app.state, "secure_cookies", False))


def install(app: FastAPI, mode: str) -> None:
    """Resolve each request's user, enforce the mode and set the CSRF cookie when needed. (Writes are
    checked by `guard_writes`, which create_app gives every route as an app-wide dependency.)"""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: choose private or public")
    app.state.mode = mode

    @app.middleware("http")
    async def authenticate(request: Request, call_next: Any) -> Response:
        await run_in_threadpool(resolve_request, request)
        if request.state.bad_token:
            return JSONResponse({"detail": "unknown or revoked API token"}, 401, {"WWW-Authenticate": "Bearer"})
        anonymous = request.state.user is None
        if anonymous and request.app.state.mode == "private" and not is_open(request.url.path):
            if wants_html(request) and request.method in SAFE_METHODS:
                return login_redirect(request)
            exc = LoginRequired()
            return JSONResponse({"detail": exc.detail}, 401, exc.headers)
        response: Response = await call_next(request)
        seed = getattr(request.state, "new_csrf_seed", None)
        if seed and not request.cookies.get(CSRF_COOKIE):
            response.set_cookie(CSRF_COOKIE, seed, httponly=True, samesite="lax", secure=secure_cookies(request))
        if not anonymous:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response


def install_template_globals(env: Any) -> None:
    """Give every template `csrf_field()`, `csrf_value()` and `signed_in()`."""
    env.globals.update(csrf_field=csrf_field, csrf_value=csrf_value, signed_in=signed_in)
