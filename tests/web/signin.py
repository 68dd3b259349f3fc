"""Signing test clients in: the app is private by default, so tests read it as a logged-in user.

`bearer(url)` makes (once per store) a token-only account of the given role and returns the
Authorization header of a fresh API token for it: no password hashing, so fixtures stay fast. Tests
about logging in itself use the login form (`log_in`).
"""

from __future__ import annotations

import re

from mawgun.accounts.tokens import create_token
from mawgun.accounts.users import create_user, find_user_row
from mawgun.store.db import session_scope

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def ensure_admin(session) -> None:  # type: ignore[no-untyped-def]
    """A token-only admin, so that the store accepts writes (the app refuses them while it has no admin)."""
    if find_user_row(session, "test-admin") is None:
        create_user(session, "test-admin", "admin", None)


def bearer(url: str, role: str = "viewer") -> dict[str, str]:
    """An Authorization header acting as a `role` user of the store at `url` (which gets an admin too)."""
    username = f"test-{role}"
    with session_scope(url) as session:
        ensure_admin(session)
        if find_user_row(session, username) is None:
            create_user(session, username, role, None)
        _, token = create_token(session, username, "tests", role)
    return {"Authorization": f"Bearer {token}"}


def session_cookie(app, url: str, username: str, role: str) -> str:  # type: ignore[no-untyped-def]
    """The signed cookie of a new session of a (new, token-only) `role` user: a logged-in browser
    without the cost of hashing a password."""
    from mawgun.accounts.sessions import start_session
    from mawgun.web.auth import serializer

    with session_scope(url) as session:
        user = create_user(session, username, role, None)
        key = start_session(session, user)
    return str(serializer(app).dumps(key))


def csrf_of(html: str) -> str:
    """The CSRF token in a page's first form."""
    found = CSRF.search(html)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def log_in(client, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    """Log a TestClient in through the login form (it keeps the session cookie)."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


BROWSER_USER, BROWSER_PASSWORD = "reader", "a long test passphrase"


def add_reader(url: str, role: str = "viewer") -> None:
    """An account with a password, for tests that log in through the login page."""
    with session_scope(url) as session:
        ensure_admin(session)
        create_user(session, BROWSER_USER, role, BROWSER_PASSWORD)


def browser_log_in(page, server: str, username: str = BROWSER_USER, password: str = BROWSER_PASSWORD) -> None:  # type: ignore[no-untyped-def]
    """Log a Playwright page in through the login form and wait until it is back on the dashboard."""
    page.goto(server + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login-form button[type=submit]")
    page.wait_for_selector("#signed-in", timeout=15000)
