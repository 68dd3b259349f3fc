"""The login and logout pages (routes of `mawgun.web.auth`'s sessions).

A login issues a new session key (never reusing one the browser brought: no session fixation) in a
signed, HttpOnly, SameSite=Lax cookie, Secure over https. Failed logins are rate limited per username
and address (`mawgun.accounts.ratelimit`); a wrong name and a wrong password get the same answer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from mawgun.accounts.ratelimit import RateLimited
from mawgun.accounts.sessions import SESSION_LIFETIME, end_session, start_session
from mawgun.accounts.users import LoginRefused, authenticate, count_admins
from mawgun.store.db import session_scope
from mawgun.web.auth import SESSION_COOKIE, current_user, secure_cookies, serializer
from mawgun.web.pages import render

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """A same-site path to go back to after logging in ("/" for anything else: no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if any(ord(ch) < 32 for ch in target):
        return "/"
    return target


def login_page(request: Request, next_path: str, message: str | None = None, status: int = 200) -> Response:
    """The login form; says how to create the first admin while the store has none."""
    with session_scope(request.app.state.db_url) as session:
        no_admin = count_admins(session) == 0
    response = render(
        request, "login.html", next=safe_next(next_path), message=message, no_admin=no_admin, user=current_user(request)
    )
    response.status_code = status
    return response


@router.get("/login")
def show_login(request: Request, next: str = "/") -> Response:
    """The login form."""
    return login_page(request, next)


@router.post("/login")
def log_in(
    request: Request,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=2000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Check the password, start a session and go back to `next`."""
    address = request.client.host if request.client else "unknown"
    try:
        with session_scope(request.app.state.db_url) as session:
            user = authenticate(session, username, password, address)
            key = start_session(session, user)
    except RateLimited as exc:
        response = login_page(request, next, str(exc), 429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except LoginRefused as exc:
        return login_page(request, next, str(exc), 401)
    old = getattr(request.state, "session_key", None)
    if old:
        with session_scope(request.app.state.db_url) as session:
            end_session(session, old)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        serializer(request.app).dumps(key),
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
    )
    return response


@router.post("/logout")
def log_out(request: Request) -> Response:
    """End this browser's session."""
    key = getattr(request.state, "session_key", None)
    if key:
        with session_scope(request.app.state.db_url) as session:
            end_session(session, key)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax", secure=secure_cookies(request))
    return response
