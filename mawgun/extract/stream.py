"""JSONL files of documents to JSONL files of records, streamed: nothing is held but the documents in flight.

`extracted_stream` reads an input file line by line, names each bad line or failed document in a
`problems` list, and yields the outcome of every good one (in the file's order, from `jobs` processes);
`Tally` counts what was found; `atomic_lines` writes an output file through a temporary file moved into
place, so an interrupted run never leaves half a file under the final name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mawgun.extract.parallel import Extracted, Workers, extract_many
from mawgun.model import Record


@dataclass
class Tally:
    """Counts of a run: documents extracted, records by kind, Burmese documents that gave nothing."""

    documents: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"event": 0, "statistic": 0, "sanction": 0})
    burmese_without_records: list[str] = field(default_factory=list)

    def add(self, item: Extracted) -> None:
        """Count one extracted document and its records."""
        from mawgun.extract.languages import silent_burmese

        self.documents += 1
        for record in item.records:
            self.counts[record.kind] += 1
        if not item.records:
            self.burmese_without_records.extend(silent_burmese([item.document], []))

    def summary(self) -> dict[str, Any]:
        """The counts as the extract summary gives them."""
        return {
            "documents": self.documents,
            "events": self.counts["event"],
            "statistics": self.counts["statistic"],
            "sanctions": self.counts["sanction"],
            "burmese_without_records": self.burmese_without_records,
        }


def record_line(record: Record) -> str:
    """One output line: the record's `to_json()`, UTF-8 as written."""
    return json.dumps(record.to_json(), ensure_ascii=False) + "\n"


@contextmanager
def atomic_lines(out_path: str | Path) -> Iterator[Callable[[str], int]]:
    """A `write(line)` into a temporary file that replaces `out_path` when the block ends without error."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            yield fh.write
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)


def count_lines(path: Path) -> int:
    """Non-blank lines of a file (the progress bar's total), read in blocks."""
    total = 0
    with path.open("rb") as fh:
        for line in fh:
            total += bool(line.strip())
    return total


def extracted_stream(
    in_path: str | Path, component: str, jobs: Workers, progress: bool, problems: list[str]
) -> Iterator[Extracted]:
    """The outcome of every good document of a JSONL file, in order; bad lines and failed documents are
    named in `problems` instead (by line, or by document id)."""
    from mawgun.extract.api import read_documents
    from mawgun.extract.pipeline import build_pipeline

    path = Path(in_path)
    build_pipeline(component)  # an unknown pipeline fails before anything is read
    total = count_lines(path) if progress else 0
    for item in with_progress(extract_many(read_documents(path, problems), component, jobs), total, progress):
        if item.error is not None:
            problems.append(f"document {item.document.doc_id}: extraction failed ({item.error})")
            continue
        yield item


def with_progress(items: Iterable[Any], total: int, show: bool, label: str = "Extracting") -> Iterator[Any]:
    """Iterate with a Rich progress bar of `total` steps when `show` (on stderr: piped output stays clean)."""
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    iterator = iter(items)
    first = next(iterator, None)  # starts the worker processes before the bar's refresh thread
    if first is None:
        return
    with Progress(console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total or None)
        yield first
        bar.advance(task)
        for item in iterator:
            yield item
            bar.advance(task)
