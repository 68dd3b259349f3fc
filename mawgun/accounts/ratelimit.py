"""Login rate limiting, kept in the database so that a restart does not reset it.

At most 5 failed logins per username and client address in 15 minutes, and 50 per address whatever the
names (password spraying). A refused attempt is not checked at all, so it cannot confirm a guess.
A successful login clears that username's failures from that address.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mawgun.accounts import AccountError
from mawgun.accounts.rows import LoginFailureRow
from mawgun.store.schema import utcnow

WINDOW = dt.timedelta(minutes=15)
PER_NAME_AND_ADDRESS = 5
PER_ADDRESS = 50
KEEP = dt.timedelta(days=1)


class RateLimited(AccountError):
    """Too many failed logins: try again later (`retry_after` seconds)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins: try again in {max(1, retry_after // 60)} minute(s)")
        self.retry_after = retry_after


def key_of(username: str) -> str:
    """Failures are counted per name as typed, lower-cased and cut to the column's size."""
    return username.strip().lower()[:200]


def check_login_allowed(session: Session, username: str, address: str) -> None:
    """Raise RateLimited when this name from this address, or this address alone, failed too often."""
    since = utcnow() - WINDOW
    recent = select(func.count(), func.min(LoginFailureRow.at)).where(LoginFailureRow.at >= since)
    by_pair = session.execute(
        recent.where(LoginFailureRow.username == key_of(username), LoginFailureRow.address == address[:64])
    ).one()
    by_address = session.execute(recent.where(LoginFailureRow.address == address[:64])).one()
    for (count, oldest), limit in ((by_pair, PER_NAME_AND_ADDRESS), (by_address, PER_ADDRESS)):
        if count >= limit:
            raise RateLimited(int((oldest + WINDOW - utcnow()).total_seconds()) + 1)


def record_failure(session: Session, username: str, address: str) -> None:
    """Note one failed login (and forget failures older than a day)."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.at < utcnow() - KEEP))
    session.add(LoginFailureRow(username=key_of(username), address=address[:64], at=utcnow()))


def clear_failures(session: Session, username: str, address: str) -> None:
    """Forget the failures of this name from this address (after it logged in)."""
    session.execute(
        delete(LoginFailureRow).where(
            LoginFailureRow.username == key_of(username), LoginFailureRow.address == address[:64]
        )
    )
