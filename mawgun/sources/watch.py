"""The watcher: poll the sources that are due, ingest their new items, extract and deduplicate, repeat.

Each round polls every enabled source whose next poll time has come. A feed or sitemap is asked
for conditionally (its last ETag / Last-Modified), so an unchanged listing costs one 304 answer;
each listed article not yet handled (or whose version stamp changed) is fetched and stored with
its `source_items` row and `ingest_log` row in ONE transaction. So a watcher killed at any moment
(even `kill -9`) and restarted repeats nothing that was committed and loses nothing that was not:
the listing's validators are saved only once every item it lists is settled (stored, skipped, failed
for good, or out of attempts), so an unchanged listing still lists the items that are to be retried.

A source that fails (unreachable, HTTP error, not a feed) is reported and backs off (its interval
doubled per consecutive failure, at most a day); the other sources go on. An item that fails for a
transient reason is tried again in later rounds (at most MAX_ATTEMPTS times); a permanent failure
(404, too large, forbidden by robots.txt, unreadable type) is not asked again until the listing's
stamp for it changes. After a round that stored new documents, `process_store` extracts and
deduplicates them (near-duplicate pages are linked as for files).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mawgun.ingest.isolate import ReaderPool
from mawgun.ingest.runner import IngestEntry, new_run_id
from mawgun.ingest.source import ReadError
from mawgun.sources.fetch import Fetcher, FetchError
from mawgun.sources.listing import ListedItem, feed_items, sitemap_items
from mawgun.sources.pages import PageOutcome, fetch_and_store, log_entries
from mawgun.store.schema import SourceItemRow, SourceRow, utcnow

LOG = logging.getLogger("mawgun.watch")
SUMMARY = logging.getLogger("mawgun.watch.summary")  # round summaries: shown even with --quiet
MAX_ATTEMPTS = 3
MAX_BACKOFF_MINUTES = 24 * 60
IDLE_CHECK_SECONDS = 60.0


def max_items_per_poll() -> int:
    """How many articles one poll of one source fetches at most (MAWGUN_WATCH_MAX_ITEMS, default 100)."""
    try:
        return max(1, int(os.environ.get("MAWGUN_WATCH_MAX_ITEMS", "100")))
    except ValueError:
        return 100


@dataclass
class SourceResult:
    """What polling one source did."""

    name: str
    entries: list[IngestEntry] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)


@dataclass
class RoundReport:
    """One round: the sources polled and, when documents came in, what extraction and dedup did."""

    number: int
    results: list[SourceResult] = field(default_factory=list)
    processed: dict[str, Any] | None = None

    def count(self, status: str) -> int:
        return sum(r.count(status) for r in self.results)

    @property
    def failing(self) -> list[SourceResult]:
        return [r for r in self.results if r.error]


class SourceFailure(Exception):
    """The source itself (its feed, sitemap or page) could not be read this round."""


def due_sources(session: Session, now: dt.datetime, force: bool = False) -> list[int]:
    """Ids of enabled sources whose next poll time has come (all enabled ones with `force`)."""
    stmt = select(SourceRow.id).where(SourceRow.enabled.is_(True)).order_by(SourceRow.name)
    if not force:
        stmt = stmt.where((SourceRow.next_poll_at.is_(None)) | (SourceRow.next_poll_at <= now))
    return list(session.scalars(stmt))


def needs_fetch(session: Session, source_id: int, item: ListedItem) -> bool:
    """True for an item never handled, changed since (new stamp), or failed transiently < MAX_ATTEMPTS times."""
    row = session.get(SourceItemRow, (source_id, item.url[:2000]))
    if row is None or row.version != item.version:
        return True
    return row.status == "failed" and row.attempts < MAX_ATTEMPTS


def record_item(session: Session, source_id: int, item: ListedItem, outcome: PageOutcome) -> None:
    """Upsert the item's row: its stamp, outcome and attempts (a permanent failure uses them all up)."""
    row = session.get(SourceItemRow, (source_id, item.url[:2000]))
    if row is None:
        row = SourceItemRow(source_id=source_id, url=item.url[:2000], attempts=0)
        session.add(row)
    elif row.version != item.version:
        row.attempts = 0
    row.version = item.version
    row.status = outcome.status
    row.reason = outcome.reason
    row.document_id = outcome.document_id
    row.attempts = MAX_ATTEMPTS if outcome.permanent else (row.attempts or 0) + 1
    row.at = utcnow()
    session.flush()


def handle_item(
    session: Session, run_id: str, fetcher: Fetcher, source: SourceRow, item: ListedItem, pool: ReaderPool | None
) -> PageOutcome:
    """Fetch and store one listed article with its item and log rows, committed together."""
    try:
        outcome = fetch_and_store(session, fetcher, item.url, source.outlet, item.published, pool)
        log_entries(session, run_id, outcome.entries)
        record_item(session, source.id, item, outcome)
        session.commit()
    except Exception as exc:  # noqa: BLE001 - a database refusal fails this item only
        session.rollback()
        outcome = PageOutcome([IngestEntry(item.url, "failed", f"could not be stored: {type(exc).__name__}: {exc}")])
        try:
            log_entries(session, run_id, outcome.entries)
            record_item(session, source.id, item, outcome)
            session.commit()
        except Exception:  # noqa: BLE001 - best-effort record; the database is unwell
            session.rollback()
    for entry in outcome.entries:
        LOG.info("  %-7s %s%s", entry.status, entry.path, f": {entry.reason}" if entry.reason else "")
    return outcome


def list_items(fetcher: Fetcher, source: SourceRow) -> tuple[list[ListedItem], Any]:
    """The items the source lists now (empty when unchanged since the last poll) and the listing answer."""
    try:
        listing = fetcher.get(source.url, source.etag, source.last_modified)
        if listing.not_modified:
            return [], listing
        if source.kind == "feed":
            return feed_items(listing, source.timezone), listing
        return sitemap_items(listing, fetcher.get), listing
    except (FetchError, ReadError) as exc:
        raise SourceFailure(str(exc)) from exc


def first_listings(items: list[ListedItem]) -> list[ListedItem]:
    """The items in listed order, each URL once (its first listing wins)."""
    seen: dict[str, ListedItem] = {}
    for item in items:
        seen.setdefault(item.url, item)
    return list(seen.values())


def poll_listing(
    session: Session, run_id: str, fetcher: Fetcher, source: SourceRow, stop: threading.Event, pool: ReaderPool | None
) -> SourceResult:
    """Poll a feed or sitemap: handle its new items; save its validators only when all are settled."""
    result = SourceResult(source.name)
    items, listing = list_items(fetcher, source)
    result.not_modified = listing.not_modified
    todo = [item for item in first_listings(items) if needs_fetch(session, source.id, item)]
    limit = max_items_per_poll()
    for item in todo[:limit]:
        if stop.is_set():
            return result
        result.entries.extend(handle_item(session, run_id, fetcher, source, item, pool).entries)
    if not listing.not_modified and all_settled(session, source.id, todo):
        source.etag, source.last_modified = listing.etag, listing.last_modified
    return result


def all_settled(session: Session, source_id: int, items: list[ListedItem]) -> bool:
    """True when no item needs fetching again: each stored, skipped, failed for good or out of attempts.

    Only then are the listing's validators saved. Saved earlier, an unchanged listing answers 304
    and lists nothing, so an article that failed for a passing reason (a timeout, a 5xx) or one past
    the per-poll limit would not be asked again until the listing changed, perhaps never.
    """
    return not any(needs_fetch(session, source_id, item) for item in items)


def poll_page(
    session: Session, run_id: str, fetcher: Fetcher, source: SourceRow, pool: ReaderPool | None
) -> SourceResult:
    """Poll a page source: the page itself is the document (a changed page becomes a new version)."""
    item = ListedItem(source.url)
    outcome = handle_item(session, run_id, fetcher, source, item, pool)
    if outcome.status == "failed":
        raise SourceFailure(outcome.reason or "the page could not be fetched")
    return SourceResult(source.name, outcome.entries, not_modified="HTTP 304" in (outcome.reason or ""))


def poll_source(
    url: str | None,
    source_id: int,
    fetcher: Fetcher,
    run_id: str,
    stop: threading.Event,
    pool: ReaderPool | None = None,
) -> SourceResult:
    """Poll one source and update its health; a failure is recorded, never raised."""
    from mawgun.store.db import session_scope

    with session_scope(url) as session:
        source = session.get(SourceRow, source_id)
        assert source is not None
        started = utcnow()
        try:
            if source.kind == "page":
                result = poll_page(session, run_id, fetcher, source, pool)
            else:
                result = poll_listing(session, run_id, fetcher, source, stop, pool)
        except Exception as exc:  # noqa: BLE001 - SourceFailure or anything unforeseen fails this source only
            session.rollback()
            source = session.get(SourceRow, source_id)
            assert source is not None
            reason = str(exc) if isinstance(exc, SourceFailure) else f"{type(exc).__name__}: {exc}"
            mark_failure(source, started, reason)
            session.commit()
            return SourceResult(source.name, error=reason)
        mark_success(source, started)
        session.commit()
        return result


def mark_success(source: SourceRow, now: dt.datetime) -> None:
    """A good poll: failures forgotten, next poll one interval on."""
    source.last_poll_at = now
    source.last_success_at = now
    source.failures = 0
    source.next_poll_at = now + dt.timedelta(minutes=source.interval_minutes)


def mark_failure(source: SourceRow, now: dt.datetime, reason: str) -> None:
    """A failed poll: the reason kept, the next poll backed off (interval doubled per failure, at most a day)."""
    source.last_poll_at = now
    source.failures = (source.failures or 0) + 1
    source.last_error = reason[:2000]
    source.last_error_at = now
    minutes = min(source.interval_minutes * 2 ** min(source.failures, 12), MAX_BACKOFF_MINUTES)
    source.next_poll_at = now + dt.timedelta(minutes=max(minutes, source.interval_minutes))


def run_round(
    url: str | None, number: int = 1, *, force: bool = False, process: bool = True, stop: threading.Event | None = None
) -> RoundReport:
    """Poll the due sources once, then extract and deduplicate what came in; the round's report."""
    from mawgun.store.db import session_scope

    stop = stop or threading.Event()
    report = RoundReport(number)
    with session_scope(url) as session:
        source_ids = due_sources(session, utcnow(), force)
    run_id = new_run_id()
    with Fetcher() as fetcher, ReaderPool() as pool:  # pages are parsed in a limited worker process
        for source_id in source_ids:
            if stop.is_set():
                break
            result = poll_source(url, source_id, fetcher, run_id, stop, pool)
            log_source(result)
            report.results.append(result)
    if process and (report.count("read") or has_unprocessed(url)):  # also what a killed round left
        report.processed = process_new(url)
    log_round(report)
    return report


def has_unprocessed(url: str | None) -> bool:
    """True when the store holds documents not extracted yet (a round killed after storing them)."""
    from sqlalchemy import select

    from mawgun.store.db import session_scope
    from mawgun.store.schema import DocumentRow

    with session_scope(url) as session:
        return session.scalar(select(DocumentRow.id).where(DocumentRow.processed_at.is_(None)).limit(1)) is not None


def process_new(url: str | None) -> dict[str, Any] | None:
    """Extract and deduplicate the new documents; a failure is logged (the documents stay for next time)."""
    from mawgun.pipeline import process_store

    try:
        return process_store(url, progress=False)
    except Exception as exc:  # noqa: BLE001 - documents stay unprocessed; the next round retries
        LOG.error("extraction/deduplication failed (will retry next round): %s: %s", type(exc).__name__, exc)
        return None


def log_source(result: SourceResult) -> None:
    """One line per source polled."""
    if result.error:
        LOG.warning("source %s FAILED: %s", result.name, result.error)
    elif result.not_modified:
        LOG.info("source %s: not modified", result.name)
    else:
        LOG.info("source %s: %d read, %d skipped, %d failed", result.name, result.count("read"),
                 result.count("skipped"), result.count("failed"))  # fmt: skip


def log_round(report: RoundReport) -> None:
    """The round's summary line."""
    SUMMARY.info(
        "round %d: %d sources polled, %d read, %d skipped, %d failed, %d sources failing",
        report.number, len(report.results), report.count("read"), report.count("skipped"),
        report.count("failed"), len(report.failing),
    )  # fmt: skip


def seconds_until_due(url: str | None) -> float:
    """Seconds until the next enabled source is due (at most IDLE_CHECK_SECONDS, so new sources are noticed)."""
    from sqlalchemy import func

    from mawgun.store.db import session_scope

    with session_scope(url) as session:
        soonest = session.scalar(select(func.min(SourceRow.next_poll_at)).where(SourceRow.enabled.is_(True)))
    if soonest is None:
        return IDLE_CHECK_SECONDS
    return max(0.0, min((soonest - utcnow()).total_seconds(), IDLE_CHECK_SECONDS))


def watch(url: str | None, *, once: bool = False, force: bool = False, stop: threading.Event | None = None) -> int:
    """Poll rounds until `stop` is set (or one round with `once`); the number of rounds run."""
    stop = stop or threading.Event()
    number = 0
    while not stop.is_set():
        number += 1
        run_round(url, number, force=force and number == 1, stop=stop)
        if once:
            break
        stop.wait(seconds_until_due(url))
    return number
