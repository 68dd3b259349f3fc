"""Private mode (the default) answers anonymous visitors with the login page only; public mode lets them
read but never write; API tokens work in both, and a bad token is refused rather than read as anonymous."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mawgun.accounts.tokens import create_token, revoke_token
from mawgun.accounts.users import create_user
from mawgun.store.db import session_scope
from web.test_auth_routes import api_routes, concrete

OPEN = {"/login", "/palette.css", "/lang/{code}"}


def get_paths(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every GET route of the app (path templates), plus the schema and a static file."""
    paths = [route.path for route in api_routes(app) if "GET" in (route.methods or ())]
    return [*paths, "/openapi.json"]


def test_private_mode_answers_anonymous_visitors_with_the_login_page_only(filled_url: str) -> None:
    from mawgun.web.app import create_app

    app = create_app(filled_url)
    assert app.state.mode == "private"
    paths = get_paths(app)
    assert len(paths) > 25
    with TestClient(app) as client:
        for path in paths:
            url = concrete(path).replace("no-such-id", "my") if path == "/lang/{code}" else concrete(path)
            api = client.get(url, follow_redirects=False)
            page = client.get(url, headers={"Accept": "text/html"}, follow_redirects=False)
            if path in OPEN:
                assert api.status_code in (200, 303), path
                continue
            assert api.status_code == 401 and api.headers["www-authenticate"] == "Bearer", path
            if path.startswith("/api/"):  # the API answers 401 whatever the client accepts
                assert page.status_code == 401, path
            else:
                assert page.status_code == 303 and page.headers["location"].startswith("/login?next="), path
        assert client.get("/static/app.css").status_code == 200
        login = client.get("/", headers={"Accept": "text/html"})
        assert login.url.path == "/login" and "Log in" in login.text


def test_public_mode_lets_anonymous_visitors_read_but_not_write(filled_url: str) -> None:
    from mawgun.web.app import create_app

    with TestClient(create_app(filled_url, mode="public")) as client:
        assert client.get("/", headers={"Accept": "text/html"}).status_code == 200
        assert client.get("/api/v1/events").status_code == 200
        assert client.get("/admin/users", follow_redirects=False).status_code == 401
        assert (
            client.post("/admin/users", data={"username": "x", "role": "admin", "password": "y" * 12}).status_code
            == 401
        )


def test_an_unknown_mode_is_refused(sqlite_url: str) -> None:
    from mawgun.web.app import create_app

    with pytest.raises(ValueError, match="private or public"):
        create_app(sqlite_url, mode="open")


def test_api_tokens_read_until_revoked_and_a_bad_token_is_not_anonymous(filled_url: str) -> None:
    from mawgun.web.app import create_app

    with session_scope(filled_url) as session:
        create_user(session, "etl", "viewer", None)
        row, token = create_token(session, "etl", "nightly")
    for mode in ("private", "public"):
        with TestClient(create_app(filled_url, mode=mode)) as client:
            assert client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200
            for bad in (token[:-1] + "x", "mawgun_", "Basic abc"):
                header = bad if bad.startswith("Basic") else f"Bearer {bad}"
                response = client.get("/api/v1/events", headers={"Authorization": header})
                assert response.status_code == 401, (mode, bad)
    with session_scope(filled_url) as session:
        revoke_token(session, row.id)
    with TestClient(create_app(filled_url, mode="public")) as client:
        assert client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_pages_show_who_is_logged_in_and_only_admins_see_the_users_link(filled_url: str) -> None:
    from mawgun.web.app import create_app
    from web.signin import bearer

    app = create_app(filled_url)
    for role, sees_admin in (("viewer", False), ("coder", False), ("reviewer", False), ("admin", True)):
        with TestClient(app, headers=bearer(filled_url, role)) as client:
            page = client.get("/events", headers={"Accept": "text/html"}).text
            assert re.search(rf'id="signed-in">test-{role} · {role}<', page)
            assert ('href="/admin/users"' in page) is sees_admin
            assert client.get("/admin/users").status_code == (200 if sees_admin else 403)


def test_writes_are_refused_until_the_store_has_an_admin(filled_url: str) -> None:
    from mawgun.web.app import create_app

    with session_scope(filled_url) as session:
        create_user(session, "early", "reviewer", None)
        _, token = create_token(session, "early", "first")
    app = create_app(filled_url)
    with TestClient(app, headers={"Authorization": f"Bearer {token}"}) as client:
        refused = client.post("/releases", data={"name": "too-early"})
        assert refused.status_code == 403 and "no admin yet" in refused.text
        assert client.get("/api/v1/events").status_code == 200  # reading is not a write
        with session_scope(filled_url) as session:
            create_user(session, "boss", "admin", None)
        assert "no admin yet" not in client.post("/releases", data={"name": "later"}).text
