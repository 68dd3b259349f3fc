"""Secrets never stored in clear, and names shown as text.

After passwords are set through the CLI and the admin page, a token is created and a browser logs in,
every text column of every table is read back and searched for the password, the token and the session
key. Account names and token names holding markup (written straight into the database, since the app
refuses such names) are shown escaped on the pages that list them.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text
from typer.testing import CliRunner

from mawgun.accounts.rows import ApiTokenRow, UserRow
from mawgun.accounts.tokens import create_token
from mawgun.accounts.users import create_user
from mawgun.store.db import get_engine, session_scope
from mawgun.web.auth import SESSION_COOKIE
from web.signin import csrf_of, log_in, session_cookie
from web.test_stored_xss import live_markup

CLI_PASSWORD = "cli password: never in the database"
WEB_PASSWORD = "web password: never in the database"


def everything_stored(url: str) -> str:
    """Every value of every table, as text (what someone holding a copy of the database can read)."""
    engine = get_engine(url)
    values = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            if table.startswith("documents_fts"):
                continue
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608 - names from the schema
                values.extend(str(value) for value in row)
    return "\n".join(values)


def test_passwords_tokens_and_session_keys_are_not_stored_in_clear(store_url: str) -> None:
    from mawgun.cli.main import app as cli
    from mawgun.web.app import create_app

    result = CliRunner().invoke(
        cli,
        ["users", "add", "amina", "--role", "admin", "--password-stdin", "--db", store_url],
        input=CLI_PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert CLI_PASSWORD not in result.output
    token_output = CliRunner().invoke(cli, ["tokens", "create", "etl", "--user", "amina", "--db", store_url])
    token = token_output.output.strip().splitlines()[-1]
    assert token.startswith("mawgun_")
    app = create_app(store_url)
    with TestClient(app) as client:
        log_in(client, "amina", CLI_PASSWORD)
        session_key_cookie = client.cookies[SESSION_COOKIE]
        page = client.get("/admin/users")
        added = client.post(
            "/admin/users",
            data={"username": "kyaw", "role": "coder", "password": WEB_PASSWORD, "csrf_token": csrf_of(page.text)},
        )
        assert added.status_code == 200
        assert client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    from mawgun.web.auth import serializer

    session_key = serializer(app).loads(session_key_cookie)
    stored = everything_stored(store_url)
    assert "$argon2id$" in stored  # the hashes are there...
    for secret in (CLI_PASSWORD, WEB_PASSWORD, token, token.removeprefix("mawgun_"), session_key, session_key_cookie):
        assert secret not in stored  # ...and no secret
    with session_scope(store_url) as session:
        hashes = list(session.scalars(select(UserRow.password_hash)))
        assert len(set(hashes)) == len(hashes) == 2  # salted: each hash its own


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_names(sqlite_url: str) -> str:
    """An admin whose name, and a token whose name, carry markup (as an older or hand-edited store might)."""
    with session_scope(sqlite_url) as session:
        create_user(session, "placeholder", "admin", None)
        create_token(session, "placeholder", "etl")
        session.execute(text("UPDATE users SET username = :name"), {"name": HOSTILE})
        session.execute(text("UPDATE api_tokens SET name = :name"), {"name": HOSTILE})
        assert session.scalar(select(ApiTokenRow.name)) == HOSTILE
    return sqlite_url


@pytest.mark.parametrize("path", ["/admin/users", "/events", "/login"])
def test_account_names_with_markup_are_shown_as_text(hostile_names: str, path: str) -> None:
    from mawgun.web.app import create_app

    app = create_app(hostile_names)
    cookie = session_cookie(app, hostile_names, "second-admin", "admin")
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, cookie)
        html = client.get(path, headers={"Accept": "text/html"}).text
        assert live_markup(html) == [] and "<script>alert(1)" not in html
        if path == "/admin/users":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, escaped, not dropped


def test_a_logged_in_user_with_markup_in_the_name_sees_it_as_text(hostile_names: str) -> None:
    from mawgun.accounts.sessions import start_session
    from mawgun.accounts.users import as_user
    from mawgun.web.app import create_app
    from mawgun.web.auth import serializer

    app = create_app(hostile_names)
    with session_scope(hostile_names) as session:
        row = session.scalar(select(UserRow))
        assert row is not None
        key = start_session(session, as_user(row))
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, serializer(app).dumps(key))
        html = client.get("/events", headers={"Accept": "text/html"}).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and live_markup(html) == []
