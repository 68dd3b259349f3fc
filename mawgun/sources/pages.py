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
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

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
    fetched: Fetched, outlet: str | None = None, published: dt.date | None = None
) -> list[RawDocument | ItemFailure]:
    """The documents in a fetched answer, by its content type; ReadError for types Mawgun cannot read.

    `outlet` (the source's) replaces the page's own site name; `published` (the feed's day) fills in
    a page that states no date.
    """
    if fetched.content_type in HTML_TYPES:
        items: list[RawDocument | ItemFailure] = [html_item(fetched)]
    elif fetched.content_type in FILE_TYPES:
        items = file_items(fetched, FILE_TYPES[fetched.content_type])
    else:
        raise ReadError(f"unsupported content type '{fetched.content_type}' (Mawgun reads HTML, PDF, DOCX and text)")
    return [with_defaults(item, outlet, published) for item in items]


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


def html_item(fetched: Fetched) -> RawDocument:
    """The main text and metadata of an HTML page (the HTTP charset first, then the page's own)."""
    from mawgun.ingest.decode import decode_bytes
    from mawgun.ingest.html_reader import decode_html, raw_from_html

    if not fetched.content:
        raise ReadError("empty response (0 bytes)")
    decode_bytes(fetched.content[:8192])  # refuses binary content served as HTML, with its reason
    html = None
    if fetched.charset:
        try:
            html = fetched.content.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            html = None
    raw = raw_from_html(html if html is not None else decode_html(fetched.content), fetched.url, fetched.final_url)
    return raw


def file_items(fetched: Fetched, suffix: str) -> list[RawDocument | ItemFailure]:
    """A PDF, DOCX or text answer read by the file reader for its type (through a temporary file)."""
    from mawgun.ingest.registry import reader_for

    with tempfile.TemporaryDirectory(prefix="mawgun-fetch-") as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(fetched.content)
        reader = reader_for(path)
        assert reader is not None
        items = list(reader(path))
    return [relocate(item, fetched) for item in items]


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
    session: Session, fetcher: Fetcher, url: str, outlet: str | None = None, published: dt.date | None = None
) -> PageOutcome:
    """Fetch a URL (conditionally, when fetched before) and store what it holds; nothing is committed."""
    known = latest_page(session, url)
    try:
        fetched = fetcher.get(url, known.etag if known else None, known.last_modified if known else None)
    except FetchError as exc:
        return PageOutcome([IngestEntry(url, "failed", str(exc))], permanent=exc.permanent)
    if fetched.not_modified:
        return PageOutcome([IngestEntry(url, "skipped", "not modified since the last fetch (HTTP 304)")])
    try:
        items = raw_items(fetched, outlet, published)
    except ReadError as exc:
        return PageOutcome([IngestEntry(url, "failed", str(exc))], permanent=True)
    return PageOutcome(store_items(session, fetched, items))


def log_entries(session: Session, run_id: str, entries: Sequence[IngestEntry]) -> None:
    """One ingest_log row per entry."""
    from mawgun.store.repository import log_ingest

    for entry in entries:
        log_ingest(session, run_id, entry.path, entry.status, entry.reason, entry.document_id)


def ingest_urls(
    session: Session, run_id: str, urls: Sequence[str], fetcher: Fetcher | None = None
) -> list[IngestEntry]:
    """Fetch and store each URL in its own transaction; a failure is logged and the next URL goes on."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    entries: list[IngestEntry] = []
    try:
        for url in urls:
            entries.extend(ingest_one_url(session, run_id, fetcher, url))
    finally:
        if own:
            fetcher.close()
    return entries


def ingest_one_url(session: Session, run_id: str, fetcher: Fetcher, url: str) -> list[IngestEntry]:
    """One URL's entries, committed with their log rows (a database refusal fails this URL only)."""
    try:
        outcome = fetch_and_store(session, fetcher, url)
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
