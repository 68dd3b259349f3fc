"""CLI of the accounts: `mawgun users add/list/disable/enable/role/reset` and `mawgun tokens create/list/revoke`.

Passwords are read from a hidden prompt (typed twice) or, for scripts, from the first line of standard
input with --password-stdin; they are never taken as an argument (which `ps` and shell history show).
The first admin is made with `mawgun users add NAME --role admin`; until one exists the web app has
nobody who can log in, so nothing can be changed through it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer

from mawgun.cli.options import Db
from mawgun.store.errors import database_errors

users_app = typer.Typer(
    help="Accounts of the web app (roles: viewer < coder < reviewer < admin).\n\n"
    "Example: mawgun users add amina --role admin",
    no_args_is_help=True,
)
tokens_app = typer.Typer(
    help="API tokens for scripts (shown once, stored hashed, revocable).\n\n"
    "Example: mawgun tokens create nightly-export --user amina --role viewer",
    no_args_is_help=True,
)


def check_format(value: str) -> str:
    """Validate --format (the store's list formats)."""
    from mawgun.store.commands import check_format as check

    return check(value)


WhoOption = typer.Option(
    None, "--who", help="Who makes the change, for the audit log (default: cli:<your login name>)."
)
FormatOption = typer.Option("table", "--format", callback=check_format, help="table, csv or json.")
PasswordStdin = typer.Option(False, "--password-stdin", help="Read the password from the first line of stdin.")


def acting(who: str | None) -> str:
    """The name the audit log records for a change made on the command line."""
    if who:
        return who
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "cli"


def read_password(from_stdin: bool) -> str:
    """The new password: stdin's first line, or a hidden prompt typed twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def run_change(db: str | None, change: Callable[[Any], str]) -> None:
    """Run one change in a transaction and print its outcome; an AccountError is a message and status 1."""
    from mawgun.accounts import AccountError
    from mawgun.store.db import session_scope

    try:
        with database_errors(), session_scope(db) as session:
            message = change(session)
    except AccountError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(message)


@users_app.command("add")
def users_add(
    username: str = typer.Argument(..., help="Login name: letters, digits, . _ - @ (stored lower-cased)."),
    role: str = typer.Option("viewer", "--role", help="viewer, coder, reviewer or admin."),
    password_stdin: bool = PasswordStdin,
    who: str | None = WhoOption,
    db: Db = None,
) -> None:
    """Add an account (the first one should be an admin).

    Example: mawgun users add amina --role admin        (asks for the password twice, hidden)
    """
    from mawgun.accounts import check_role
    from mawgun.accounts.users import create_user

    try:
        check_role(role)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--role") from exc
    password = read_password(password_stdin)
    run_change(db, lambda s: f"added {create_user(s, username, role, password, acting(who)).username} ({role})")


@users_app.command("list")
def users_list(output_format: str = FormatOption, db: Db = None) -> None:
    """List accounts with their role, state and live API tokens.

    Example: mawgun users list
    """
    from mawgun.accounts.users import list_users, token_count
    from mawgun.store.db import session_scope
    from mawgun.store.output import print_rows

    with database_errors(), session_scope(db) as session:
        rows = [
            {
                "username": u.username,
                "role": u.role,
                "state": "disabled" if u.disabled else "active",
                "tokens": token_count(session, u.id),
                "created": u.created_at.strftime("%Y-%m-%d %H:%M UTC"),
            }
            for u in list_users(session)
        ]
    print_rows(rows, output_format, title=f"{len(rows)} users")


@users_app.command("disable")
def users_disable(
    username: str = typer.Argument(..., help="The account."), who: str | None = WhoOption, db: Db = None
) -> None:
    """Disable an account: its sessions end and its API tokens stop working (the last admin cannot be).

    Example: mawgun users disable old-intern
    """
    from mawgun.accounts.users import set_disabled

    run_change(db, lambda s: f"{set_disabled(s, username, True, acting(who)).username} is disabled")


@users_app.command("enable")
def users_enable(
    username: str = typer.Argument(..., help="The account."), who: str | None = WhoOption, db: Db = None
) -> None:
    """Enable a disabled account again.

    Example: mawgun users enable old-intern
    """
    from mawgun.accounts.users import set_disabled

    run_change(db, lambda s: f"{set_disabled(s, username, False, acting(who)).username} is enabled")


@users_app.command("role")
def users_role(
    username: str = typer.Argument(..., help="The account."),
    role: str = typer.Argument(..., help="viewer, coder, reviewer or admin."),
    who: str | None = WhoOption,
    db: Db = None,
) -> None:
    """Give an account another role.

    Example: mawgun users role amina reviewer
    """
    from mawgun.accounts.users import set_role

    run_change(db, lambda s: f"{set_role(s, username, role, acting(who)).username} is now {role}")


@users_app.command("reset")
def users_reset(
    username: str = typer.Argument(..., help="The account."),
    password_stdin: bool = PasswordStdin,
    who: str | None = WhoOption,
    db: Db = None,
) -> None:
    """Set a new password (asked twice, hidden); the account's browser sessions end.

    Example: printf '%s\\n' "$NEW_PASSWORD" | mawgun users reset amina --password-stdin
    """
    from mawgun.accounts.users import reset_password

    password = read_password(password_stdin)
    run_change(db, lambda s: f"new password set for {reset_password(s, username, password, acting(who)).username}")


@tokens_app.command("create")
def tokens_create(
    name: str = typer.Argument(..., help="What uses the token (e.g. nightly-export)."),
    user: str = typer.Option(..., "--user", help="The account the token acts for."),
    role: str | None = typer.Option(None, "--role", help="A lower role than the user's (default: the user's)."),
    who: str | None = WhoOption,
    db: Db = None,
) -> None:
    """Create an API token and print it once (it is stored only as a hash).

    Example: mawgun tokens create nightly-export --user amina --role viewer
    then: curl -H "Authorization: Bearer mawgun_..." http://127.0.0.1:8765/api/v1/events
    """
    from mawgun.accounts.tokens import create_token

    def create(session: Any) -> str:
        row, token = create_token(session, user, name, role, acting(who))
        return f"token {row.id} for {user.strip().lower()} ({row.role}); shown only now:\n{token}"

    run_change(db, create)


@tokens_app.command("list")
def tokens_list(
    user: str | None = typer.Option(None, "--user", help="Only this account's tokens."),
    output_format: str = FormatOption,
    db: Db = None,
) -> None:
    """List API tokens (id, user, role, first characters, last use); never the tokens themselves.

    Example: mawgun tokens list --user amina
    """
    from mawgun.accounts.tokens import list_tokens
    from mawgun.store.db import session_scope
    from mawgun.store.output import print_rows

    def when(value: Any) -> str:
        return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""

    with database_errors(), session_scope(db) as session:
        rows = [
            {
                "id": row.id,
                "name": row.name,
                "user": username,
                "role": row.role,
                "starts": row.prefix + "…",
                "created": when(row.created_at),
                "last_used": when(row.last_used_at),
                "revoked": when(row.revoked_at),
            }
            for row, username in list_tokens(session, user)
        ]
    print_rows(rows, output_format, title=f"{len(rows)} tokens")


@tokens_app.command("revoke")
def tokens_revoke(
    token_id: int = typer.Argument(..., help="The token's id (from mawgun tokens list)."),
    who: str | None = WhoOption,
    db: Db = None,
) -> None:
    """Revoke an API token: requests with it are refused from now on.

    Example: mawgun tokens revoke 3
    """
    from mawgun.accounts.tokens import revoke_token

    run_change(db, lambda s: f"token {revoke_token(s, token_id, acting(who)).id} revoked")


def register(app: typer.Typer) -> None:
    """Add `mawgun users` and `mawgun tokens` to the CLI."""
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
