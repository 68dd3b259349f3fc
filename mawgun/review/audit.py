"""The audit trail: an append-only log of every change, each row hash-chained to the one before.

A row holds who, when, the action, the object (kind and id), the values before and after, and why.
Its `hash` is SHA-256 over the canonical JSON of those fields and the previous row's hash, so
altering, inserting or deleting a row in the database breaks the chain from there on, which
`verify_chain` (`mawgun audit verify`) finds and names. A UNIQUE constraint on `prev_hash` keeps two
writers from forking the chain; on PostgreSQL an advisory lock also serialises appends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from mawgun.store.schema import AuditLogRow, utcnow

GENESIS = "0" * 64
LOCK_KEY = 7_356_201  # the advisory lock id appends take on PostgreSQL
HASHED = ("id", "at", "who", "action", "object_kind", "object_id", "subjects", "before", "after", "why", "prev_hash")


def plain(value: Any) -> Any:
    """A value as JSON gives it back (dates as ISO text), so that what is hashed is what is stored."""
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def stamp(moment: dt.datetime) -> str:
    """The canonical text of a time (microseconds, no zone: the store keeps UTC)."""
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds")


def row_hash(row: AuditLogRow) -> str:
    """SHA-256 of the row's canonical JSON (sorted keys, no spaces), the previous hash included."""
    data = {name: getattr(row, name) for name in HASHED}
    data["at"] = stamp(row.at)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def last_row(session: Session) -> AuditLogRow | None:
    """The newest audit row, or None for an empty log."""
    return session.scalars(select(AuditLogRow).order_by(AuditLogRow.id.desc()).limit(1)).first()


def head_hash(session: Session) -> str:
    """The hash the next row will chain to (GENESIS for an empty log)."""
    row = last_row(session)
    return row.hash if row is not None else GENESIS


def record_change(
    session: Session,
    who: str,
    action: str,
    object_kind: str,
    object_id: str,
    before: Any = None,
    after: Any = None,
    why: str | None = None,
    subjects: Sequence[str] = (),
) -> AuditLogRow:
    """Append one change to the log in the caller's transaction; `subjects` are the events it
    touches (shown per event), the object id among them when it is an event."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    previous = last_row(session)
    ids = list(dict.fromkeys([*([object_id] if object_kind == "event" else []), *subjects]))
    row = AuditLogRow(
        id=(previous.id + 1) if previous is not None else 1,
        at=utcnow(),
        who=who,
        action=action,
        object_kind=object_kind,
        object_id=object_id,
        subjects=" " + " ".join(ids) + " " if ids else "",
        before=plain(before),
        after=plain(after),
        why=why,
        prev_hash=previous.hash if previous is not None else GENESIS,
    )
    row.hash = row_hash(row)
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking the chain: how many rows, and the first broken one (None when intact)."""

    rows: int
    broken_id: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def verify_chain(session: Session) -> Verdict:
    """Recompute every row's hash in order; the first row whose stored hash or link differs breaks it."""
    expected_prev = GENESIS
    count = 0
    for row in iter_rows(session, select(AuditLogRow).order_by(AuditLogRow.id)):
        count += 1
        if row.prev_hash != expected_prev:
            return Verdict(count, row.id, "its prev_hash does not match the row before (a row was removed or added)")
        if row_hash(row) != row.hash:
            return Verdict(count, row.id, "its content does not match its hash (the row was altered)")
        expected_prev = row.hash
    return Verdict(count)


def iter_rows(session: Session, stmt: Select[Any], batch: int = 1000) -> Iterator[AuditLogRow]:
    """Rows of an audit query, fetched in batches."""
    yield from session.scalars(stmt.execution_options(yield_per=batch))


def log_query(event_id: str | None = None, who: str | None = None) -> Select[Any]:
    """Audit rows, oldest first, of one event (any change touching it) and/or one person."""
    stmt = select(AuditLogRow)
    if event_id:
        stmt = stmt.where(AuditLogRow.subjects.contains(f" {event_id} "))
    if who:
        stmt = stmt.where(AuditLogRow.who == who)
    return stmt.order_by(AuditLogRow.id)


def list_changes(
    session: Session, event_id: str | None = None, who: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Audit rows as dicts, oldest first (with `limit`: the newest `limit`, still oldest first)."""
    stmt = log_query(event_id, who)
    if limit is not None:
        stmt = stmt.order_by(None).order_by(AuditLogRow.id.desc()).limit(limit)
    rows = [row_dict(row) for row in session.scalars(stmt)]
    return sorted(rows, key=lambda r: r["id"])


def row_dict(row: AuditLogRow) -> dict[str, Any]:
    """One audit row as the JSON `mawgun audit export` writes."""
    data = {name: getattr(row, name) for name in HASHED}
    data["at"] = stamp(row.at)
    data["subjects"] = row.subjects.split()
    data["hash"] = row.hash
    return data
