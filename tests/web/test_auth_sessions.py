"""Logging in and sessions: cookie flags, one user's cookie never acts as another, tampered or replayed
cookies are refused, logout/disable/reset end a session, login CSRF, rate limiting, no open redirect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select, text

from mawgun.accounts.rows import WebSessionRow
from mawgun.accounts.users import create_user, reset_password, set_disabled
from mawgun.store.db import session_scope
from mawgun.web.auth import SESSION_COOKIE, serializer
from web.signin import csrf_of, log_in

PASSWORD_A, PASSWORD_B = "amina's long passphrase", "bo bo's long passphrase"


@pytest.fixture
def app(store_url: str):  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    with session_scope(store_url) as session:
        create_user(session, "amina", "admin", PASSWORD_A)
        create_user(session, "bobo", "viewer", PASSWORD_B)
    return create_app(store_url)


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as test_client:
        yield test_client


def who(client: TestClient) -> str | None:
    """The username the app sees behind this client's cookies (None: anonymous)."""
    page = client.get("/login")
    marker = "You are logged in as <strong>"
    return page.text.split(marker, 1)[1].split("<", 1)[0] if marker in page.text else None


def test_login_sets_a_signed_httponly_samesite_cookie_and_acts_as_that_user(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "Amina", "password": PASSWORD_A, "csrf_token": token, "next": "/events"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/events"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; see the https test
    assert who(client) == "amina"
    assert client.get("/api/v1/events").status_code == 200


def test_cookies_are_secure_over_https(app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="https://testserver") as client:
        login_page = client.get("/login")
        assert "Secure" in login_page.headers["set-cookie"]  # the CSRF cookie
        response = client.post(
            "/login",
            data={"username": "bobo", "password": PASSWORD_B, "csrf_token": csrf_of(login_page.text)},
            follow_redirects=False,
        )
        assert "Secure" in response.headers["set-cookie"]
        assert who(client) == "bobo"


def test_one_users_cookie_cannot_act_as_another(app, client: TestClient, store_url: str) -> None:  # type: ignore[no-untyped-def]
    log_in(client, "bobo", PASSWORD_B)
    cookie = client.cookies[SESSION_COOKIE]
    assert who(client) == "bobo"
    payload, _, signature = cookie.rpartition(".")
    with session_scope(store_url) as session:
        stored = [row.key_hash for row in session.scalars(select(WebSessionRow))]
    forged = [
        payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1] + "." + signature,  # altered payload
        # altered signature: its first character (the last one's low bits are base64 padding, ignored)
        payload + "." + ("A" if signature[0] != "A" else "B") + signature[1:],
        URLSafeTimedSerializer("another key", salt="mawgun-session").dumps("any-key"),  # signed with another key
        serializer(app).dumps("guessed-session-key"),  # the right key, but no such session
        *(serializer(app).dumps(digest) for digest in stored),  # what the database holds is no session key
    ]
    for value in forged:
        with TestClient(app) as other:
            other.cookies.set(SESSION_COOKIE, value)
            assert who(other) is None, value
            assert other.get("/api/v1/events").status_code == 401


def test_logout_disable_and_password_reset_end_the_session(app, client: TestClient, store_url: str) -> None:  # type: ignore[no-untyped-def]
    def replay(cookie: str) -> int:
        with TestClient(app) as other:
            other.cookies.set(SESSION_COOKIE, cookie)
            return other.get("/api/v1/events").status_code

    log_in(client, "bobo", PASSWORD_B)
    cookie = client.cookies[SESSION_COOKIE]
    assert replay(cookie) == 200
    page = client.get("/", headers={"Accept": "text/html"})
    client.post("/logout", data={"csrf_token": csrf_of(page.text.split('action="/logout"', 1)[1])})
    assert replay(cookie) == 401

    log_in(client, "bobo", PASSWORD_B)
    cookie = client.cookies[SESSION_COOKIE]
    with session_scope(store_url) as session:
        set_disabled(session, "bobo", True)
    assert replay(cookie) == 401
    with session_scope(store_url) as session:
        set_disabled(session, "bobo", False)
    assert replay(cookie) == 401  # enabling again does not bring old sessions back

    with TestClient(app) as fresh:
        log_in(fresh, "bobo", PASSWORD_B)
        cookie = fresh.cookies[SESSION_COOKIE]
    with session_scope(store_url) as session:
        reset_password(session, "bobo", "a brand new passphrase")
    assert replay(cookie) == 401


def test_each_login_gets_a_new_session_key(client: TestClient) -> None:
    log_in(client, "bobo", PASSWORD_B)
    first = client.cookies[SESSION_COOKIE]
    log_in(client, "amina", PASSWORD_A)
    assert client.cookies[SESSION_COOKIE] != first and who(client) == "amina"


def test_the_login_form_needs_its_csrf_token(app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    data = {"username": "amina", "password": PASSWORD_A}
    assert client.post("/login", data=data, follow_redirects=False).status_code == 403
    with TestClient(app) as attacker:  # a token from another browser does not fit this browser's cookie
        stolen = csrf_of(attacker.get("/login").text)
    client.get("/login")
    assert client.post("/login", data={**data, "csrf_token": stolen}, follow_redirects=False).status_code == 403
    assert who(client) is None


def test_unknown_names_and_wrong_passwords_get_the_same_answer(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    answers = []
    for username, password in (("nobody", PASSWORD_A), ("amina", PASSWORD_B)):
        response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
        answers.append((response.status_code, response.text.split('id="login-message">', 1)[1].split("<", 1)[0]))
    assert answers[0] == answers[1] and answers[0][0] == 401


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"])
def test_login_goes_back_only_to_this_site(client: TestClient, target: str) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "bobo", "password": PASSWORD_B, "csrf_token": token, "next": target},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_failed_logins_are_rate_limited_per_name_and_address_across_restarts(app, store_url: str) -> None:  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    def attempt(test_client: TestClient, password: str) -> int:
        token = csrf_of(test_client.get("/login").text)
        data = {"username": "amina", "password": password, "csrf_token": token}
        return test_client.post("/login", data=data, follow_redirects=False).status_code

    with TestClient(app, client=("203.0.113.5", 40000)) as client:
        assert [attempt(client, f"guess number {n}") for n in range(5)] == [401] * 5
        assert attempt(client, PASSWORD_A) == 429  # even the right password, once limited
        limited = client.post("/login", data={"username": "amina", "password": "x", "csrf_token": "x"})
        assert limited.status_code in (403, 429)
    with TestClient(create_app(store_url), client=("203.0.113.5", 40001)) as restarted:
        token = csrf_of(restarted.get("/login").text)
        response = restarted.post("/login", data={"username": "amina", "password": PASSWORD_A, "csrf_token": token})
        assert response.status_code == 429 and int(response.headers["retry-after"]) > 0
    with TestClient(app, client=("198.51.100.7", 40000)) as elsewhere:
        assert attempt(elsewhere, PASSWORD_A) == 303  # another address is not locked out
    with session_scope(store_url) as session:  # fifteen minutes later
        session.execute(text("UPDATE login_failures SET at = :at"), {"at": dt.datetime(2000, 1, 1)})
    with TestClient(app, client=("203.0.113.5", 40000)) as client:
        assert attempt(client, PASSWORD_A) == 303
