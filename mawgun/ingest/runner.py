"""Ingesting a batch of files and folders into the store, file by file, never stopping on a bad one.

Every file (every item, for feeds and JSONL) ends as one entry of the `IngestReport` and one row
of `ingest_log`: read (a new document), skipped (already stored, or an unsupported file inside a
folder) or failed (with the reason). Documents are committed in batches of 200; a database error
on one item fails that item only (the rest of its batch is stored one by one), and an interruption
loses at most the open batch, which the next run reads again (nothing else is written twice).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mawgun.ingest.batch import BatchWriter, IngestEntry, Prepared, prepare_items, storage_failure, store_item
from mawgun.ingest.isolate import ReaderPool, guarded_items
from mawgun.ingest.registry import Reader, reader_for, supported_extensions
from mawgun.ingest.source import ItemFailure, RawDocument

__all__ = ["BatchWriter", "IngestEntry", "IngestReport", "ingest_paths", "store_item", "storage_failure"]

BATCH_SIZE = 200  # documents per transaction: an interruption loses at most this many, read again next run


@dataclass
class IngestReport:
    """What a batch did: one entry per file or item, in the order read."""

    run_id: str
    entries: list[IngestEntry] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def read(self) -> int:
        return self.count("read")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def failures(self) -> list[IngestEntry]:
        return [e for e in self.entries if e.status == "failed"]

    @property
    def document_ids(self) -> list[str]:
        """Ids of the documents this batch holds: newly read and already stored, without repeats."""
        return list(dict.fromkeys(e.document_id for e in self.entries if e.document_id))

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "read": self.read,
            "skipped": self.skipped,
            "failed": self.failed,
            "entries": [asdict(e) for e in self.entries],
        }


@dataclass
class Candidate:
    """A file to read, or a path already decided (missing, unsupported) with its entry."""

    path: Path
    decided: IngestEntry | None = None
    reader: Reader | None = None  # the file's reader, found once
    pooled: bool = False  # read in the worker process (not streamed here)


def new_run_id() -> str:
    """A run id from the UTC time plus a random suffix (runs are events, not content)."""
    return f"run-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


FOLDER_NOTES = {"readme", "readme.md", "readme.txt", "readme.rst", "license", "license.md", "license.txt"}


def is_folder_readme(path: Path) -> bool:
    """A folder's README or LICENSE describes the folder; it is not an article (named alone, it is read)."""
    return path.name.lower() in FOLDER_NOTES


def walk_files(folder: Path) -> Iterator[Path]:
    """The files below `folder`, hidden ones and those in hidden folders left out, in the order of
    `sorted(folder.rglob("*"), key=lambda p: p.parts)`: each folder's entries sorted by name, a
    subfolder walked where it sorts. Like `rglob`, symbolic links to folders are not followed (links
    to files are taken) and an unreadable folder is passed over. One `scandir` per folder, whose
    entries know their type, instead of a `stat` and a relative path per file."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            yield from walk_files(folder / entry.name)
        elif entry.is_file():
            yield folder / entry.name


def collect_files(paths: Sequence[Path | str]) -> list[Candidate]:
    """Files to read from files and folders (folders walked recursively, sorted, hidden files left out)."""
    found: list[Candidate] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            for child in walk_files(path):
                if not is_folder_readme(child):
                    found.append(check_supported(child, inside_folder=True))
        elif path.is_file():
            found.append(check_supported(path, inside_folder=False))
        else:
            found.append(Candidate(path, IngestEntry(str(path), "failed", "no such file or folder")))
    return found


def check_supported(path: Path, *, inside_folder: bool) -> Candidate:
    """A candidate; unsupported types are skipped inside folders and failed when named explicitly."""
    reader = reader_for(path)
    if reader is not None:
        return Candidate(path, reader=reader, pooled=path.suffix.lower() not in STREAMED)
    reason = f"unsupported file type '{path.suffix or path.name}' (supported: {', '.join(supported_extensions())})"
    return Candidate(path, IngestEntry(str(path), "skipped" if inside_folder else "failed", reason))


STREAMED = {".jsonl"}  # read line by line in this process (each line is small and parsed by json alone)


def read_items(path: Path, pool: ReaderPool | None = None) -> Iterator[RawDocument | ItemFailure]:
    """The file's items; a file that cannot be read becomes one failure for the whole file.

    Parsed formats are read in `pool`'s worker process, under its time and memory limits
    (`mawgun.ingest.isolate`); streamed formats (JSONL) and calls without a pool read here.
    """
    reader = reader_for(path)
    assert reader is not None
    if pool is None or path.suffix.lower() in STREAMED:
        yield from guarded_items(reader, path)
    else:
        yield from pool.read(reader, path)


READ_AHEAD = 32  # files queued for the reader worker ahead of the one being stored


def read_ahead(
    candidates: Iterable[Candidate], pool: ReaderPool, window: int = READ_AHEAD
) -> Iterator[tuple[Candidate, Iterable[RawDocument | ItemFailure | Prepared]]]:
    """Each candidate with its items, in order. Files for the worker are queued up to `window` ahead,
    so it reads the next files while this process stores the last ones, and it also prepares their
    documents (id, language, checks: `prepare_items`), so that work runs on a second core too."""
    waiting: deque[tuple[Candidate, bool]] = deque()
    for candidate in candidates:
        pooled = candidate.decided is None and candidate.pooled
        waiting.append((candidate, pooled))
        if pooled:
            pool.submit(candidate.reader, candidate.path, prepare_items)  # type: ignore[arg-type]
        while waiting and (not waiting[0][1] or pool.pending >= window):
            yield taken(*waiting.popleft(), pool)
    while waiting:
        yield taken(*waiting.popleft(), pool)


def taken(
    candidate: Candidate, pooled: bool, pool: ReaderPool
) -> tuple[Candidate, Iterable[RawDocument | ItemFailure | Prepared]]:
    """A candidate at the head of the queue with its items (none for a decided one)."""
    if candidate.decided:
        return candidate, []
    if pooled:
        return candidate, pool.result()
    return candidate, read_items(candidate.path)


def ingest_paths(paths: Sequence[Path | str], url: str | None = None, progress: bool = True) -> IngestReport:
    """Read files, folders and http(s) URLs into the store at `url` (default store when None), with a progress bar.

    Returns the report of every file/item; never raises for a bad file. Example:
    `ingest_paths(["reports/"], "sqlite:///events.db").failed`
    """
    from mawgun.store.db import session_scope

    report = IngestReport(new_run_id())
    urls = [p for p in paths if isinstance(p, str) and p.lower().startswith(("http://", "https://"))]
    candidates = collect_files([p for p in paths if not (isinstance(p, str) and p in urls)])
    with session_scope(url) as session, ReaderPool() as pool:
        writer = BatchWriter(session, report.run_id, BATCH_SIZE, background=True)
        pool.fork_guard = writer.paused
        try:
            for candidate, items in read_ahead(with_progress(candidates, progress), pool):
                if candidate.decided:
                    writer.write(None, candidate.decided)
                    continue
                for item in items:
                    if isinstance(item, Prepared):
                        writer.add(item)
                    else:
                        writer.write(item)
            writer.commit()
        finally:
            writer.close()  # an interrupted ingest: the writer thread stops before the session closes
        report.entries = writer.done
        if urls:  # web pages: fetched politely, one transaction each (mawgun.sources.pages)
            from mawgun.sources.pages import ingest_urls

            report.entries += ingest_urls(session, report.run_id, urls)
    return report


def with_progress(candidates: list[Candidate], show: bool) -> Iterator[Candidate]:
    """Candidates one by one, under a Rich progress bar (on stderr) when `show` is set."""
    if not show:
        yield from candidates
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=len(candidates))
        for candidate in candidates:
            bar.update(task, description=candidate.path.name[:40])
            yield candidate
            bar.advance(task)
