"""Admin pages: /admin/users lists accounts, adds one, changes a role, disables or enables one.

Admin only (`require_role("admin")`); every form carries the CSRF token the app checks on each write.
A refused change (taken name, short password, the last admin) is shown on the page with status 400.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from mawgun.accounts import ROLES, AccountError, User
from mawgun.accounts.users import create_user, list_users, set_disabled, set_role, token_count
from mawgun.store.db import session_scope
from mawgun.web.auth import require_role
from mawgun.web.pages import render

router = APIRouter(include_in_schema=False)
AdminDep = Annotated[User, Depends(require_role("admin"))]


def users_page(request: Request, message: str | None = None, error: str | None = None) -> Response:
    """The accounts table and the form to add one."""
    with session_scope(request.app.state.db_url) as session:
        rows = [{"user": row, "tokens": token_count(session, row.id)} for row in list_users(session)]
    response = render(request, "admin_users.html", rows=rows, roles=ROLES, message=message, error=error, active="admin")
    response.status_code = 400 if error else 200
    return response


@router.get("/admin/users")
def show_users(request: Request, admin: AdminDep) -> Response:
    """Every account with its role and state."""
    return users_page(request)


def apply_change(request: Request, change: str, action: object) -> Response:
    """Run one account change in its own transaction and show the page with its outcome."""
    try:
        with session_scope(request.app.state.db_url) as session:
            action(session)  # type: ignore[operator]
    except AccountError as exc:
        return users_page(request, error=str(exc))
    return users_page(request, message=change)


@router.post("/admin/users")
def add_user(
    request: Request,
    admin: AdminDep,
    username: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form(max_length=20)],
    password: Annotated[str, Form(max_length=2000)],
) -> Response:
    """Add an account with a first password (the user can be given a new one with `mawgun users reset`)."""
    return apply_change(
        request,
        f"added {username.strip().lower()} ({role})",
        lambda s: create_user(s, username, role, password, who=admin.username),
    )


@router.post("/admin/users/{username}/role")
def change_role(
    request: Request, admin: AdminDep, username: str, role: Annotated[str, Form(max_length=20)]
) -> Response:
    """Give an account another role."""
    return apply_change(request, f"{username} is now {role}", lambda s: set_role(s, username, role, who=admin.username))


@router.post("/admin/users/{username}/disable")
def disable_user(request: Request, admin: AdminDep, username: str) -> Response:
    """Disable an account: its sessions end and its tokens stop working."""
    return apply_change(
        request, f"{username} is disabled", lambda s: set_disabled(s, username, True, who=admin.username)
    )


@router.post("/admin/users/{username}/enable")
def enable_user(request: Request, admin: AdminDep, username: str) -> Response:
    """Enable a disabled account again."""
    return apply_change(
        request, f"{username} is enabled", lambda s: set_disabled(s, username, False, who=admin.username)
    )
