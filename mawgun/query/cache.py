"""A small in-process cache of aggregate results, so a busy dashboard does not re-scan 100,000 events.

Entries are keyed by database, query name and arguments, and stamped with the store's *data
version* (see `data_version`) and a time to live. A new ingest, extraction or deduplication run
therefore shows up at once; on SQLite an in-place edit that keeps the row counts shows up within
`TTL_SECONDS`.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mawgun.store.schema import AuditLogRow, CanonicalEventRow, DocumentRow, EventRow

T = TypeVar("T")
TTL_SECONDS = 60.0
MAX_ENTRIES = 512
_entries: OrderedDict[tuple[Any, ...], tuple[float, tuple[Any, ...], Any]] = OrderedDict()
_lock = threading.Lock()


def data_version(session: Session) -> tuple[Any, ...]:
    """A value that changes whenever the store is written to.

    SQLite: row counts of documents, reports, canonical events and audit rows (index-only counts, ~1 ms
    at 100,000 events), which every pipeline run and every review change (edit, accept, release)
    changes. PostgreSQL: the write-ahead-log position,
    which any committed write advances (counting rows there means scanning them).
    """
    if session.get_bind().dialect.name == "postgresql":
        position = "CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END"
        return (str(session.execute(text(f"SELECT {position}")).scalar_one()),)
    stmt = select(
        select(func.count()).select_from(DocumentRow).scalar_subquery(),
        select(func.count()).select_from(EventRow).scalar_subquery(),
        select(func.count()).select_from(CanonicalEventRow).scalar_subquery(),
        select(func.count()).select_from(AuditLogRow).scalar_subquery(),
    )
    return tuple(int(v) for v in session.execute(stmt).one())


def cached(session: Session, name: str, args: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """`compute()`'s result, reused while the data version and TTL hold."""
    bind = session.get_bind()
    key = (str(bind.engine.url), name, repr(args))
    version = data_version(session)
    now = time.monotonic()
    with _lock:
        entry = _entries.get(key)
        if entry and entry[1] == version and now - entry[0] < TTL_SECONDS:
            _entries.move_to_end(key)
            return entry[2]
    value = compute()
    with _lock:
        _entries[key] = (now, version, value)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    """Forget every cached result (tests; after bulk edits)."""
    with _lock:
        _entries.clear()
