"""The account tables (SQLAlchemy models on the store's `Base`; migration 0007 creates them).

- `users`: who may log in, with one role and a password hash (argon2id; NULL for token-only accounts).
- `api_tokens`: tokens for scripts, stored as their SHA-256 (the token is random and shown once).
- `web_sessions`: logged-in browser sessions, stored as the SHA-256 of the cookie's random key, so a
  copy of the database logs nobody in and logging out or disabling a user ends a session at once.
- `login_failures`: failed logins by username and address, for rate limiting across restarts.
- `app_settings`: small server settings, here the key that signs cookies and CSRF tokens.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mawgun.store.schema import Base, utcnow


class UserRow(Base):
    """An account: username, role (viewer < coder < reviewer < admin), password hash, disabled flag."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ApiTokenRow(Base):
    """A revocable API token of a user; `role` may be lower than the user's (never higher)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the first characters, to tell tokens apart in lists
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class WebSessionRow(Base):
    """A browser session: the SHA-256 of the cookie's key, its user and when it ends."""

    __tablename__ = "web_sessions"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class LoginFailureRow(Base):
    """One failed login (username as typed, lower-cased; client address), for rate limiting."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(200), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AppSettingRow(Base):
    """A named server setting (the cookie-signing key lives here unless MAWGUN_SECRET_KEY is set)."""

    __tablename__ = "app_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
