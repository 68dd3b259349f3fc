"""Accounts of the web app: users with one role each, API tokens, browser sessions, login rate limits.

Roles are ordered: viewer (read) < coder (edit drafts) < reviewer (approve, merge, split, publish) <
admin (users, settings). A user holds every right of the roles below theirs, so a check is always
"at least this role": `has_role(user, "reviewer")`.

Secrets are never stored: passwords as argon2id hashes (`mawgun.accounts.passwords`), API tokens and
session keys as SHA-256 digests of 256-bit random values (a digest suffices there: nobody can guess
the value, so there is nothing to slow down).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

ROLES = ("viewer", "coder", "reviewer", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}


class AccountError(ValueError):
    """A request about accounts that cannot be done (unknown user, taken name, bad role...)."""


@dataclass(frozen=True)
class User:
    """A logged-in (or looked-up) account as the app sees it: no password hash travels with it."""

    id: int
    username: str
    role: str
    disabled: bool = False


class HasRole(Protocol):
    """Anything with a role name (a User, a row)."""

    @property
    def role(self) -> str: ...


def check_role(role: str) -> str:
    """The role name when it is one of ROLES, else AccountError naming the choices."""
    if role not in ROLE_RANK:
        raise AccountError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def has_role(user: HasRole | None, role: str) -> bool:
    """True when `user` holds `role` or a higher one (None, an anonymous visitor, holds none)."""
    return user is not None and ROLE_RANK.get(user.role, -1) >= ROLE_RANK[check_role(role)]


def lower_role(first: str, second: str) -> str:
    """The lower of two roles (a token's effective role is the lower of its own and its user's)."""
    return first if ROLE_RANK[first] <= ROLE_RANK[second] else second
