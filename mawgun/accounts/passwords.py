"""Password hashing with argon2id through pwdlib (the `web` extra), with checks on new passwords.

The hasher uses the library's recommended parameters (RFC 9106: 64 MiB, 3 passes, 4 lanes), about half a
second a hash on a loaded 2-core machine. Logins of unknown users verify against a dummy hash, so the
answer takes as long as for a real user and does not tell which names exist.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mawgun.accounts import AccountError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024


@lru_cache(maxsize=1)
def hasher() -> Any:
    """pwdlib's recommended argon2id hasher; a clear error naming the extra when it is not installed."""
    try:
        from pwdlib import PasswordHash
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("accounts need the web extra: pip install 'mawgun[web]' (pwdlib with argon2)") from exc
    return PasswordHash.recommended()


def check_password(password: str) -> str:
    """The password when it is acceptable (10 to 1024 characters, no NUL), else AccountError."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password is too short: at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH or "\x00" in password:
        raise AccountError(f"the password must be at most {MAX_PASSWORD_LENGTH} characters, without NUL")
    return password


def hash_password(password: str) -> str:
    """The argon2id hash (with its salt and parameters) of an acceptable password."""
    return str(hasher().hash(check_password(password)))


def verify_password(password: str, password_hash: str | None) -> bool:
    """True when `password` matches; a missing hash (token-only account) still costs one verification."""
    if password_hash is None or len(password) > MAX_PASSWORD_LENGTH:
        hasher().verify("not the password", dummy_hash())
        return False
    return bool(hasher().verify(password, password_hash))


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash to verify against when the user does not exist (same cost, so no timing difference)."""
    return str(hasher().hash("mawgun-dummy-password"))
