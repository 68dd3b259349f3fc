"""Browser sessions and the server's signing key.

A session is a random 256-bit key; the cookie carries it signed (itsdangerous, with the signing key and
a timestamp) and the database keeps only its SHA-256 with the user and an expiry (12 hours). Logging
out, disabling the user or resetting the password deletes the row, so the cookie stops working at once;
a cookie whose signature or key was altered is simply not a session.

The signing key is MAWGUN_SECRET_KEY when set, else a random key created once and kept in
`app_settings` (so sessions survive a restart and several server processes agree).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mawgun.accounts import User
from mawgun.accounts.rows import AppSettingRow, UserRow, WebSessionRow
from mawgun.accounts.tokens import digest
from mawgun.accounts.users import as_user
from mawgun.store.schema import utcnow

SESSION_LIFETIME = dt.timedelta(hours=12)
SECRET_ENV = "MAWGUN_SECRET_KEY"


def secret_key(session: Session) -> str:
    """The key that signs cookies and CSRF tokens (MAWGUN_SECRET_KEY, else one kept in the store)."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env
    row = session.get(AppSettingRow, "secret_key")
    if row is not None:
        return row.value
    value = secrets.token_urlsafe(32)
    try:
        with session.begin_nested():
            session.add(AppSettingRow(name="secret_key", value=value))
    except IntegrityError:  # another process created it first
        row = session.get(AppSettingRow, "secret_key", populate_existing=True)
        assert row is not None
        return row.value
    return value


def sign(key: str, value: str, purpose: str) -> str:
    """HMAC-SHA256 of `value` for one purpose (e.g. "csrf"), hex."""
    return hmac.new(key.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def start_session(session: Session, user: User) -> str:
    """A new session for `user`; returns its key (for the cookie), of which only a digest is stored."""
    session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < utcnow()))
    key = secrets.token_urlsafe(32)
    session.add(
        WebSessionRow(
            key_hash=digest(key), user_id=user.id, created_at=utcnow(), expires_at=utcnow() + SESSION_LIFETIME
        )
    )
    session.flush()
    return key


def user_for_session(session: Session, key: str) -> User | None:
    """The user of a live session key, or None (unknown, expired, or the user is disabled)."""
    found = session.execute(
        select(WebSessionRow, UserRow)
        .join(UserRow, UserRow.id == WebSessionRow.user_id)
        .where(WebSessionRow.key_hash == digest(key))
    ).first()
    if found is None:
        return None
    row, user = found
    if row.expires_at < utcnow() or user.disabled:
        return None
    return as_user(user)


def end_session(session: Session, key: str) -> None:
    """Log a session out (its cookie stops working)."""
    session.execute(delete(WebSessionRow).where(WebSessionRow.key_hash == digest(key)))
