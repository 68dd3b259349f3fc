"""API tokens for scripts: random, shown once, stored as their SHA-256, revocable, with a role.

A token reads `mawgun_` followed by 43 URL-safe characters (256 random bits). Its effective role is the
lower of its own and its user's current role, and it stops working when it is revoked or its user is
disabled. Requests send it as `Authorization: Bearer mawgun_...`.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.accounts import AccountError, User, check_role, lower_role
from mawgun.accounts.rows import ApiTokenRow, UserRow
from mawgun.accounts.users import as_user, audit, get_user_row
from mawgun.store.schema import utcnow

TOKEN_PREFIX = "mawgun_"


def digest(secret: str) -> str:
    """The SHA-256 hex digest stored in place of a token or session key."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(
    session: Session, username: str, name: str, role: str | None = None, who: str | None = None
) -> tuple[ApiTokenRow, str]:
    """A new token for `username` (role: the user's own unless a lower one is given); returns the row
    and the token itself, which is stored nowhere and cannot be shown again."""
    user = get_user_row(session, username)
    if user.disabled:
        raise AccountError(f"{user.username} is disabled")
    role = check_role(role or user.role)
    if lower_role(role, user.role) != role:
        raise AccountError(f"a token cannot hold more than its user's role ({user.role})")
    if not name.strip() or len(name) > 120 or "\x00" in name:
        raise AccountError("a token needs a name of 1 to 120 characters (what script uses it)")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiTokenRow(
        user_id=user.id, name=name.strip(), token_hash=digest(token), prefix=token[:12], role=role, created_at=utcnow()
    )
    session.add(row)
    session.flush()
    audit(session, who, "token.create", user.username, after={"token_id": row.id, "name": row.name, "role": role})
    return row, token


def list_tokens(session: Session, username: str | None = None) -> list[tuple[ApiTokenRow, str]]:
    """Tokens (with their user's name), newest first; revoked ones included (their date says so)."""
    query = select(ApiTokenRow, UserRow.username).join(UserRow, UserRow.id == ApiTokenRow.user_id)
    if username:
        query = query.where(UserRow.username == username.strip().lower())
    return [(row, name) for row, name in session.execute(query.order_by(ApiTokenRow.id.desc()))]


def revoke_token(session: Session, token_id: int, who: str | None = None) -> ApiTokenRow:
    """Revoke a token by its id (from `mawgun tokens list`); revoking twice is harmless."""
    row = session.get(ApiTokenRow, token_id)
    if row is None:
        raise AccountError(f"no token with id {token_id}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        owner = session.get(UserRow, row.user_id)
        audit(
            session, who, "token.revoke", owner.username if owner else "", after={"token_id": row.id, "name": row.name}
        )
    return row


def user_for_token(session: Session, token: str) -> User | None:
    """The user a token acts as (with the token's effective role), or None when it is unknown,
    revoked or its user disabled."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    found = session.execute(
        select(ApiTokenRow, UserRow)
        .join(UserRow, UserRow.id == ApiTokenRow.user_id)
        .where(ApiTokenRow.token_hash == digest(token))
    ).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or user.disabled:
        return None
    now = utcnow()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:  # one write a minute at most
        row.last_used_at = now
    base = as_user(user)
    return User(id=base.id, username=base.username, role=lower_role(row.role, user.role))
