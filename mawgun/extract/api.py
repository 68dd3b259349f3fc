"""The extraction library API: one document, a JSONL file, or the store's unprocessed documents.

extract_document(doc) -> list[Record]
extract_file(in_path, out_path, component="rules", progress=True, jobs=1) -> dict
extract_store(url=None, reprocess=False, progress=True, jobs=1) -> dict
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mawgun.extract import annotators, burmese, events, sanctions, statistics  # noqa: F401 - registers components
from mawgun.extract.languages import plan, prepare_document, shift_spans
from mawgun.extract.pipeline import build_pipeline, register_pipeline, run_pipeline
from mawgun.extract.vocab import content_hash
from mawgun.extract.wraps import restore_spans
from mawgun.ids import document_id
from mawgun.model import Document, Record

if TYPE_CHECKING:
    from mawgun.extract.parallel import Workers

VERSION = "0.1.0"
EXTRACTOR_VERSION = f"rules-{VERSION}+{content_hash()}"
RULES = ["sentences", "dates", "places", "actors", statistics.COMPONENT, events.COMPONENT, sanctions.COMPONENT]
register_pipeline("rules", RULES)


class InputError(ValueError):
    """A line of an input file that is not a usable document."""


def extract_document(doc: Document, component: str = "rules") -> list[Record]:
    """Every event, statistic and sanction a document reports, each with its evidence and provenance."""
    doc = prepare_document(doc)
    records: list[Record] = []
    for pipeline, view, offsets in plan(doc, component):  # by language: English, Burmese, or both (mixed text)
        ctx = run_pipeline(view, build_pipeline(pipeline))
        found: list[Record] = [*ctx.events, *ctx.statistics, *ctx.sanctions]
        if offsets is not None:
            found = [shift_spans(record, offsets) for record in found]
        if ctx.source_text is not None or view is not doc:
            found = [restore_spans(record, doc.text) for record in found]
        records.extend(found)
    return records


TEXT_FIELDS = ("doc_id", "title", "outlet", "url", "published_precision")


def document_from_json(data: dict[str, Any], line: int = 0) -> Document:
    """A Document from one input line `{"doc_id","text","published","title","outlet","url"}`."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"line {line}: no text")
    wrong = [name for name in TEXT_FIELDS if data.get(name) is not None and not isinstance(data[name], str)]
    if wrong:
        raise InputError(f"line {line}: {', '.join(wrong)} must be a string or null")
    published = data.get("published")
    try:
        day = dt.date.fromisoformat(str(published)[:10]) if published else None
    except ValueError as exc:
        raise InputError(f"line {line}: published {published!r} is not an ISO date") from exc
    return Document(
        doc_id=str(data.get("doc_id") or document_id(text)),
        text=text,
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=day,
        published_precision=data.get("published_precision"),
    )


def read_documents(path: Path, problems: list[str] | None = None) -> Iterator[Document]:
    """Documents from a JSONL file. A bad line (not UTF-8, not JSON, not a document) raises InputError
    naming its line, or, when a `problems` list is given, is added to it and reading goes on."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                document = document_from_line(raw, number)
            except InputError as exc:
                if problems is None:
                    raise InputError(f"{path}:{exc}") from exc
                problems.append(str(exc))
                continue
            if document is not None:
                yield document


def document_from_line(raw: bytes, number: int) -> Document | None:
    """The document of one input line (None for a blank line); InputError naming the line's fault."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line {number}: not valid UTF-8 (byte {exc.start})") from exc
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as exc:  # ValueError covers JSONDecodeError and huge integers
        raise InputError(f"line {number}: not JSON ({getattr(exc, 'msg', exc)})") from exc
    if not isinstance(data, dict):
        raise InputError(f"line {number}: expected a JSON object")
    return document_from_json(data, number)


def extract_file(
    in_path: str | Path, out_path: str | Path, component: str = "rules", progress: bool = True, jobs: Workers = 1
) -> dict[str, Any]:
    """Extract every document of a JSONL file into a JSONL file of records (one `to_json()` per line),
    with `jobs` processes; the output is the same whatever `jobs`, and records are written as they come.

    Records carry no cluster ids: `mawgun.pipeline.process_file` adds deduplication after this stage.
    A bad line (not UTF-8, not JSON, no text) or a document the extractor fails on is listed in the
    summary's `problems` with its line or id; every other document is extracted and written."""
    from mawgun.extract.stream import Tally, atomic_lines, extracted_stream, record_line

    problems: list[str] = []
    tally = Tally()
    with atomic_lines(out_path) as write:
        for item in extracted_stream(in_path, component, jobs, progress, problems):
            tally.add(item)
            for record in item.records:
                write(record_line(record))
    return tally.summary() | {"out": str(out_path), "component": component, "problems": problems}


def extract_store(
    url: str | None = None, reprocess: bool = False, progress: bool = True, jobs: Workers = 1
) -> dict[str, Any]:
    """Extract the store's unprocessed documents (all of them with `reprocess`) with `jobs` processes and
    save each document's records as it comes (a failed document stays unprocessed, the others go on)."""
    from mawgun.extract.parallel import extract_many
    from mawgun.extract.stream import Tally, with_progress
    from mawgun.store import repository
    from mawgun.store.db import session_scope

    with session_scope(url) as session:
        documents = all_documents(session) if reprocess else repository.unprocessed_documents(session)
    tally = Tally()
    failed: dict[str, str] = {}
    for item in with_progress(extract_many(documents, "rules", jobs), len(documents), progress):
        if item.error is not None:
            failed[item.document.doc_id] = item.error
            continue
        with session_scope(url) as session:
            repository.save_records(session, item.document.doc_id, item.records, EXTRACTOR_VERSION)
        tally.add(item)
    summary = tally.summary() | {"documents": len(documents)}
    return summary | {"extractor_version": EXTRACTOR_VERSION, "failed": failed}


def all_documents(session: Any) -> list[Document]:
    """Every stored document (for re-extraction after the rules change)."""
    from sqlalchemy import select

    from mawgun.store.repository import document_from_row
    from mawgun.store.schema import DocumentRow

    return [document_from_row(row) for row in session.scalars(select(DocumentRow).order_by(DocumentRow.id))]
