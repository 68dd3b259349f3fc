"""Web pages into documents: fetch a URL, read it like a file, store it with how it was got.

HTML goes through trafilatura (main text, title, date, site name) exactly as saved HTML files do;
PDF, DOCX and plain-text answers go through the file readers. Each stored page gets a
`fetched_pages` row (URL, final URL after redirects, HTTP status, fetch time, validators). The same
article fetched again is the same document and adds nothing; a page whose text changed is a new
document whose `previous_id` points to the version before it. Refetching sends the last
ETag/Last-Modified, so an unchanged page costs a 304 answer and no download.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mawgun.ingest.isolate import ReaderPool
from mawgun.ingest.registry import Reader
from mawgun.ingest.runner import IngestEntry, store_item
from mawgun.ingest.source import ItemFailure, RawDocument, ReadError
from mawgun.sources.fetch import Fetched, Fetcher, FetchError
from mawgun.store.schema import FetchedPageRow

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
FILE_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


@dataclass
class PageOutcome:
    """What one URL gave: its entries (one per document, usually one) and whether a retry is pointless."""

    entries: list[IngestEntry]
    permanent: bool = False

    @property
    def status(self) -> str:
        statuses = {e.status for e in self.entries}
        return "read" if "read" in statuses else "failed" if "failed" in statuses else "skipped"

    @property
    def reason(self) -> str | None:
        return next((e.reason for e in self.entries if e.reason), None)

    @property
    def document_id(self) -> str | None:
        return next((e.document_id for e in self.entries if e.document_id), None)


def raw_items(
    fetched: Fetched, outlet: str | None = None, published: dt.date | None = None, pool: ReaderPool | None = None
) -> list[RawDocument | ItemFailure]:
    """The documents in a fetched answer, read by its content type; ReadError for types Mawgun cannot read.

    The answer is parsed like a file, in `pool`'s worker process when one is given (the time and
    memory limits of `mawgun.ingest.isolate`: a hostile page cannot hang or exhaust the watcher).
    `outlet` (the source's) replaces the page's own site name; `published` (the feed's day) fills in
    a page that states no date.
    """
    from mawgun.ingest.isolate import guarded_items
    from mawgun.ingest.registry import reader_for

    if not fetched.content:
        raise ReadError("empty response (0 bytes)")
    if fetched.content_type in HTML_TYPES:
        suffix = ".html"
        reader: Reader | None = functools.partial(read_fetched_html, url=fetched.final_url, charset=fetched.charset)
    elif fetched.content_type in FILE_TYPES:
        suffix = FILE_TYPES[fetched.content_type]
        reader = reader_for(Path(f"page{suffix}"))
    else:
        raise ReadError(f"unsupported content type '{fetched.content_type}' (Mawgun reads HTML, PDF, DOCX and text)")
    assert reader is not None
    with tempfile.TemporaryDirectory(prefix="mawgun-fetch-") as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(fetched.content)
        items = pool.read(reader, path) if pool is not None else list(guarded_items(reader, path))
    return [with_defaults(relocate(item, fetched), outlet, published) for item in items]


def read_fetched_html(path: Path, url: str, charset: str | None) -> Iterator[RawDocument]:
    """The main text and metadata of a fetched HTML page (the HTTP charset first, then the page's own)."""
    from mawgun.ingest.decode import decode_bytes
    from mawgun.ingest.html_reader import decode_html, raw_from_html

    data = path.read_bytes()
    decode_bytes(data[:8192])  # refuses binary content served as HTML, with its reason
    html = None
    if charset:
        try:
            html = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            html = None
    yield raw_from_html(html if html is not None else decode_html(data), str(path), url)


def with_defaults(
    item: RawDocument | ItemFailure, outlet: str | None, published: dt.date | None
) -> RawDocument | ItemFailure:
    """The item with the source's outlet, and the listing's date where the page has none."""
    if isinstance(item, ItemFailure):
        return item
    if outlet:
        item = replace(item, outlet=outlet)
    if published and item.published is None:
        item = replace(item, published=published, published_precision="day")
    return item


def relocate(item: RawDocument | ItemFailure, fetched: Fetched) -> RawDocument | ItemFailure:
    """An item read from a temporary file, located at its URL instead."""
    if isinstance(item, ItemFailure):
        return ItemFailure(fetched.url, item.reason)
    return replace(item, location=fetched.url, url=item.url or fetched.final_url)


def latest_page(session: Session, url: str) -> FetchedPageRow | None:
    """The newest stored fetch of a URL (asked for, or reached after redirects)."""
    stmt = (
        select(FetchedPageRow)
        .where(or_(FetchedPageRow.url == url, FetchedPageRow.final_url == url))
        .order_by(FetchedPageRow.fetched_at.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def save_page(session: Session, fetched: Fetched, document_id: str) -> None:
    """Record how a new document was fetched, linked to the previous version of the same URL."""
    previous = latest_page(session, fetched.url) or latest_page(session, fetched.final_url)
    session.add(
        FetchedPageRow(
            document_id=document_id,
            url=fetched.url[:2000],
            final_url=fetched.final_url[:2000],
            http_status=fetched.status,
            fetched_at=fetched.fetched_at,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            previous_id=previous.document_id if previous and previous.document_id != document_id else None,
        )
    )
    session.flush()


def store_items(session: Session, fetched: Fetched, items: Sequence[RawDocument | ItemFailure]) -> list[IngestEntry]:
    """Store the documents of one answer (not committed), with a fetched_pages row for each new one."""
    entries = []
    for item in items:
        entry = store_item(session, item)
        if entry.status == "read" and entry.document_id:
            save_page(session, fetched, entry.document_id)
        entries.append(entry)
    return entries


def fetch_and_store(
    session: Session,
    fetcher: Fetcher,
    url: str,
    outlet: str | None = None,
    published: dt.date | None = None,
    pool: ReaderPool | None = None,
) -> PageOutcome:
    """Fetch a URL (conditionally, when fetched before) and store what it holds; nothing is committed.

    An answer that gives no document (unreadable type, no main text, a parser stopped by its limits)
    is a permanent failure: the same bytes would fail again.
    """
    known = latest_page(session, url)
    try:
        fetched = fetcher.get(url, known.etag if known else None, known.last_modified if known else None)
    except FetchError as exc:
        return PageOutcome([IngestEntry(url, "failed", str(exc))], permanent=exc.permanent)
    if fetched.not_modified:
        return PageOutcome([IngestEntry(url, "skipped", "not modified since the last fetch (HTTP 304)")])
    try:
        items = raw_items(fetched, outlet, published, pool)
    except ReadError as exc:
        return PageOutcome([IngestEntry(url, "failed", str(exc))], permanent=True)
    permanent = not any(isinstance(item, RawDocument) for item in items)
    return PageOutcome(store_items(session, fetched, items), permanent=permanent)


def log_entries(session: Session, run_id: str, entries: Sequence[IngestEntry]) -> None:
    """One ingest_log row per entry."""
    from mawgun.store.repository import log_ingest

    for entry in entries:
        log_ingest(session, run_id, entry.path, entry.status, entry.reason, entry.document_id)


def ingest_urls(
    session: Session, run_id: str, urls: Sequence[str], fetcher: Fetcher | None = None
) -> list[IngestEntry]:
    """Fetch and store each URL in its own transaction; a failure is logged and the next URL goes on."""
    from mawgun.ingest.isolate import ReaderPool

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    entries: list[IngestEntry] = []
    try:
        with ReaderPool() as pool:
            for url in urls:
                entries.extend(ingest_one_url(session, run_id, fetcher, url, pool))
    finally:
        if own:
            fetcher.close()
    return entries


def ingest_one_url(
    session: Session, run_id: str, fetcher: Fetcher, url: str, pool: ReaderPool | None = None
) -> list[IngestEntry]:
    """One URL's entries, committed with their log rows (a database refusal fails this URL only)."""
    try:
        outcome = fetch_and_store(session, fetcher, url, pool=pool)
        log_entries(session, run_id, outcome.entries)
        session.commit()
        return outcome.entries
    except Exception as exc:  # noqa: BLE001 - a database refusal fails this URL only
        session.rollback()
        failed = [IngestEntry(url, "failed", f"could not be stored: {type(exc).__name__}: {exc}")]
        try:
            log_entries(session, run_id, failed)
            session.commit()
        except Exception:  # noqa: BLE001 - best-effort log; the database is unwell
            session.rollback()
        return failed
