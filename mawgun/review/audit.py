"""The audit trail: an append-only log of every change, each row hash-chained to the one before.

A row holds who, when, the action, the object (kind and id), the values before and after, and why.
Its `hash` is SHA-256 over the canonical JSON of those fields and the previous row's hash, so
altering, inserting or deleting a row in the database breaks the chain from there on, which
`verify_chain` (`mawgun audit verify`) finds and names. The log also vouches for the analysts' merges
and splits that clustering obeys (`cluster_decisions`): `verify_chain` finds a decision row deleted
(the next `dedup --full` would silently undo it) or added behind the log's back. A UNIQUE constraint
on `prev_hash` keeps two writers from forking the chain; on PostgreSQL an advisory lock also
serialises appends.
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

from mawgun.store.schema import AuditLogRow, ClusterDecisionRow, utcnow

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
        return self.problem is None

    def describe(self) -> str:
        """One line for people: intact, the broken row, or the decision that disagrees with the log."""
        if self.ok:
            return f"audit log intact: {self.rows} rows"
        where = f"audit log broken at row {self.broken_id}" if self.broken_id is not None else "audit log disagrees"
        return f"{where}: {self.problem}"


def verify_chain(session: Session) -> Verdict:
    """Recompute every row's hash in order (the first row whose stored hash or link differs breaks
    it), then check that the merges and splits the log records are the ones clustering obeys."""
    expected_prev = GENESIS
    count = 0
    logged: list[tuple[AuditLogRow, DecisionKey]] = []
    first_at: dt.datetime | None = None
    for row in iter_rows(session, select(AuditLogRow).order_by(AuditLogRow.id)):
        count += 1
        if row.prev_hash != expected_prev:
            return Verdict(count, row.id, "its prev_hash does not match the row before (a row was removed or added)")
        if row_hash(row) != row.hash:
            return Verdict(count, row.id, "its content does not match its hash (the row was altered)")
        expected_prev = row.hash
        first_at = first_at or row.at
        if (key := logged_decision(row)) is not None:
            logged.append((row, key))
    return compare_decisions(session, count, logged, first_at)


DecisionKey = tuple[str, tuple[str, ...]]


def verify_decisions(session: Session) -> Verdict:
    """The decision check of `verify_chain` alone, without hashing the log: what clustering runs first,
    so that a merge whose row was deleted is refused, not silently undone."""
    first_at = session.scalar(select(AuditLogRow.at).order_by(AuditLogRow.id).limit(1))
    stmt = select(AuditLogRow).where(AuditLogRow.action.in_(("merge", "split"))).order_by(AuditLogRow.id)
    logged = [(row, key) for row in session.scalars(stmt) if (key := logged_decision(row)) is not None]
    return compare_decisions(session, len(logged), logged, first_at)


def logged_decision(row: AuditLogRow) -> DecisionKey | None:
    """The merge or split an audit row records, keyed as its `cluster_decisions` row is (action and
    canonical ids); None for other changes."""
    if row.object_kind != "event" or row.action not in ("merge", "split"):
        return None
    side = row.before if row.action == "merge" else row.after
    events = side.get("events") if isinstance(side, dict) else None
    return (row.action, tuple(str(e) for e in events or ()))


def compare_decisions(
    session: Session, count: int, logged: Sequence[tuple[AuditLogRow, DecisionKey]], first_at: dt.datetime | None
) -> Verdict:
    """Each logged merge/split must have its decision row, and each decision taken since the log began
    must be logged (decisions from before the log, migration 0008, have no row to match)."""
    stored: dict[DecisionKey, list[ClusterDecisionRow]] = {}
    for decision in session.scalars(select(ClusterDecisionRow).order_by(ClusterDecisionRow.id)):
        key = (decision.action, tuple(str(c) for c in decision.canonical_ids or ()))
        stored.setdefault(key, []).append(decision)
    for row, key in logged:
        if not stored.get(key):
            return Verdict(count, row.id, f"the {key[0]} it records has no row in cluster_decisions (deleted?): "
                           "the next `mawgun dedup --full` would undo it")  # fmt: skip
        stored[key].pop(0)
    for decision in sorted((d for rest in stored.values() for d in rest), key=lambda d: d.id):
        if first_at is not None and decision.at >= first_at:
            return Verdict(count, None, f"cluster_decisions row {decision.id} ({decision.action} of "
                           f"{', '.join(map(str, decision.canonical_ids or ()))}) is not in the log")  # fmt: skip
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
