"""No write without login and role: every write route of the app, found by walking its routes (so a
route added later is covered without touching this file), is tried as anonymous, without a CSRF token,
and as every role below the one it requires; each is refused before it can act.

A write route must declare its role with `require_role(...)`; only logging in and out are exempt.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from mawgun.accounts import ROLE_RANK, ROLES
from mawgun.web.auth import SESSION_COOKIE
from web.signin import bearer, csrf_of, session_cookie

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
NO_ROLE_NEEDED = {"/login": None, "/logout": "viewer"}  # /login is open; /logout needs only a session


def required_role(route: APIRoute) -> str | None:
    """The role a route's dependencies (at any depth) require through require_role, or None."""
    found: list[str] = []

    def walk(dependant) -> None:  # type: ignore[no-untyped-def]
        role = getattr(dependant.call, "required_role", None)
        if role:
            found.append(role)
        for sub in dependant.dependencies:
            walk(sub)

    walk(route.dependant)
    return max(found, key=ROLE_RANK.__getitem__) if found else None


def api_routes(app):  # type: ignore[no-untyped-def]
    """Every APIRoute of the app, through included routers (FastAPI >= 0.13x includes them lazily)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: included routes are copied into app.routes
        return [route for route in app.routes if isinstance(route, APIRoute)]
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            found.append(context)
    return found


def write_routes(app) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(method, path, required role) of every state-changing route of the app."""
    routes = []
    for route in api_routes(app):
        for method in sorted(set(route.methods or ()) & WRITE_METHODS):
            role = NO_ROLE_NEEDED.get(route.path, required_role(route))
            routes.append((method, route.path, role))
    return routes


def concrete(path: str) -> str:
    """A request path for a route template ({id} and {id:path} filled with a made-up value)."""
    return re.sub(r"\{[^}]+\}", "no-such-id", path)


@pytest.fixture
def app(store_url: str):  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    return create_app(store_url)


def test_the_app_has_write_routes_and_each_declares_its_role(app) -> None:  # type: ignore[no-untyped-def]
    routes = write_routes(app)
    assert ("POST", "/admin/users", "admin") in routes and ("POST", "/login", None) in routes
    undeclared = [(m, p) for m, p, role in routes if role is None and p not in NO_ROLE_NEEDED]
    assert undeclared == [], "every write route needs Depends(require_role(...))"


@pytest.mark.parametrize("mode", ["private", "public"])
def test_every_write_route_refuses_anonymous_visitors(store_url: str, mode: str) -> None:
    from mawgun.web.app import create_app

    app = create_app(store_url, mode=mode)
    with TestClient(app) as anonymous:
        for method, path, _ in write_routes(app):
            if path == "/login":
                continue
            response = anonymous.request(method, concrete(path), data={"x": "1"}, follow_redirects=False)
            assert response.status_code == 401, (mode, method, path, response.status_code)
            html = anonymous.request(method, concrete(path), headers={"Accept": "text/html"}, follow_redirects=False)
            assert html.status_code in (401, 303) and "/login" in html.headers.get("location", "/login"), (method, path)


def test_every_write_route_refuses_each_lower_role(app, store_url: str) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for role in ROLES:
        with TestClient(app, headers=bearer(store_url, role)) as client:
            for method, path, needed in write_routes(app):
                if needed is None or path in NO_ROLE_NEEDED:
                    continue
                response = client.request(method, concrete(path), data={"x": "1"}, follow_redirects=False)
                if ROLE_RANK[role] < ROLE_RANK[needed]:
                    assert response.status_code == 403, (role, method, path, response.status_code)
                    assert f"needs the {needed} role" in response.text
                    checked += 1
                else:
                    assert response.status_code not in (401, 403) or "role" not in response.text, (role, path)
    assert checked >= 3  # at least the admin routes as viewer, coder and reviewer


def test_every_write_route_refuses_a_session_without_the_csrf_token(app, store_url: str) -> None:  # type: ignore[no-untyped-def]
    """Even an admin's cookie session cannot write without the token (a forged cross-site form)."""
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, session_cookie(app, store_url, "root", "admin"))
        page = client.get("/admin/users")
        assert page.status_code == 200
        token = csrf_of(page.text)
        for method, path, _ in write_routes(app):
            if path == "/login":
                continue
            for data in ({"x": "1"}, {"x": "1", "csrf_token": "0" * 64}):
                response = client.request(method, concrete(path), data=data, follow_redirects=False)
                assert response.status_code == 403 and "CSRF" in response.text, (method, path, data)
            wrong = token[:-1] + ("1" if token.endswith("0") else "0")
            wrong_header = client.request(
                method, concrete(path), headers={"X-CSRF-Token": wrong}, follow_redirects=False
            )
            assert wrong_header.status_code == 403, (method, path)
        added = client.post(
            "/admin/users", data={"username": "kyaw", "role": "coder", "password": "0123456789ab", "csrf_token": token}
        )
        assert added.status_code == 200 and "added kyaw" in added.text
