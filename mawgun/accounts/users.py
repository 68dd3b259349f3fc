"""Creating, listing and changing accounts, and checking a login (with its rate limit).

Usernames are lower-cased and limited to letters, digits and `. _ - @` (1 to 64 characters), so a name
cannot carry markup or look like another by its case. The last active admin can be neither disabled
nor demoted: the store always keeps someone who can manage accounts.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mawgun.accounts import ROLE_RANK, AccountError, User, check_role
from mawgun.accounts.passwords import hash_password, verify_password
from mawgun.accounts.ratelimit import check_login_allowed, clear_failures, record_failure
from mawgun.accounts.rows import ApiTokenRow, UserRow, WebSessionRow
from mawgun.store.schema import utcnow

USERNAME = re.compile(r"[\w.@-]{1,64}")


class LoginRefused(AccountError):
    """Wrong username or password, or a disabled account (one message for all: names stay private)."""


def as_user(row: UserRow) -> User:
    """The app's view of an account row."""
    return User(id=row.id, username=row.username, role=row.role, disabled=row.disabled)


def normal_username(username: str) -> str:
    """The stored form of a username (stripped, lower-cased), or AccountError when it is not allowed."""
    name = username.strip().lower()
    if not USERNAME.fullmatch(name):
        raise AccountError("a username is 1 to 64 letters, digits or . _ - @ (no spaces)")
    return name


def find_user_row(session: Session, username: str) -> UserRow | None:
    """The account row of `username` (any case), or None."""
    return session.scalar(select(UserRow).where(UserRow.username == username.strip().lower()))


def get_user_row(session: Session, username: str) -> UserRow:
    """The account row of `username`, or AccountError."""
    row = find_user_row(session, username)
    if row is None:
        raise AccountError(f"no user named {username!r}")
    return row


def audit(session: Session, who: str | None, action: str, username: str, before: Any = None, after: Any = None) -> None:
    """Write an account change to the audit log (`mawgun.review.audit`) when someone is named as its author.

    Passwords never enter the log: a reset is recorded without values."""
    if who is None:
        return
    from mawgun.review.audit import record_change

    record_change(session, who, action, "user", username, before=before, after=after)


def create_user(session: Session, username: str, role: str, password: str | None, who: str | None = None) -> User:
    """Add an account; `password=None` makes a token-only account (it cannot log in with a password).
    `who` (the admin acting) writes the change to the audit log."""
    name = normal_username(username)
    check_role(role)
    if find_user_row(session, name) is not None:
        raise AccountError(f"the username {name!r} is taken")
    row = UserRow(
        username=name,
        role=role,
        password_hash=hash_password(password) if password is not None else None,
        disabled=False,
        created_at=utcnow(),
        password_changed_at=utcnow() if password is not None else None,
    )
    session.add(row)
    session.flush()
    audit(session, who, "user.add", name, after={"role": role, "password": password is not None})
    return as_user(row)


def list_users(session: Session) -> list[UserRow]:
    """Every account, by username."""
    return list(session.scalars(select(UserRow).order_by(UserRow.username)))


def count_admins(session: Session) -> int:
    """How many enabled admins the store has (the web refuses writes while there are none)."""
    query = select(func.count()).select_from(UserRow).where(UserRow.role == "admin", UserRow.disabled.is_(False))
    return int(session.scalar(query) or 0)


def keep_an_admin(session: Session, row: UserRow) -> None:
    """Refuse to take away the last enabled admin."""
    if row.role == "admin" and not row.disabled and count_admins(session) <= 1:
        raise AccountError(f"{row.username} is the last admin: add another admin first")


def set_role(session: Session, username: str, role: str, who: str | None = None) -> User:
    """Give an account another role (its tokens keep their own role, capped by the user's)."""
    row = get_user_row(session, username)
    if ROLE_RANK[check_role(role)] < ROLE_RANK["admin"]:
        keep_an_admin(session, row)
    before, row.role = row.role, role
    audit(session, who, "user.role", row.username, before={"role": before}, after={"role": role})
    return as_user(row)


def set_disabled(session: Session, username: str, disabled: bool, who: str | None = None) -> User:
    """Disable (or enable again) an account; disabling ends its sessions at once."""
    row = get_user_row(session, username)
    if disabled:
        keep_an_admin(session, row)
        session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
    before, row.disabled = row.disabled, disabled
    action = "user.disable" if disabled else "user.enable"
    audit(session, who, action, row.username, before={"disabled": before}, after={"disabled": disabled})
    return as_user(row)


def reset_password(session: Session, username: str, password: str, who: str | None = None) -> User:
    """Set a new password; the account's browser sessions end (its API tokens stay: revoke them apart)."""
    row = get_user_row(session, username)
    row.password_hash = hash_password(password)
    row.password_changed_at = utcnow()
    session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
    audit(session, who, "user.reset_password", row.username)
    return as_user(row)


def authenticate(session: Session, username: str, password: str, address: str) -> User:
    """The account when `password` is right and it is enabled; LoginRefused otherwise (the failure is
    committed), or RateLimited (before any check) after too many failures from this address."""
    check_login_allowed(session, username, address)
    row = find_user_row(session, username) if USERNAME.fullmatch(username.strip().lower()) else None
    good = verify_password(password, row.password_hash if row is not None else None)
    if row is None or not good or row.disabled:
        record_failure(session, username, address)
        session.commit()  # the failure must count even though the caller's transaction ends in an error
        raise LoginRefused("wrong username or password (or the account is disabled)")
    clear_failures(session, username, address)
    return as_user(row)


def token_count(session: Session, user_id: int) -> int:
    """How many unrevoked tokens an account holds (shown in lists)."""
    query = select(func.count()).select_from(ApiTokenRow)
    return int(session.scalar(query.where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))) or 0)
