"""The main job, end to end, in the data's order: extract (with geo and actors resolving places and
names), then deduplicate; analytics, reports and the web read the result through `mawgun.query`.

Ingestion is separate (`mawgun.ingest.ingest_paths`) because documents arrive in batches from many
places; `process_store` then brings the store up to date. Each step is incremental and idempotent:
running it again over the same documents changes nothing. `process_file` is the same job from a
JSONL file of documents to a JSONL file of records. Stages never call each other back: only this
module runs one after another.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def process_store(url: str | None = None, *, reprocess: bool = False, progress: bool = True) -> dict[str, Any]:
    """Extract records from unprocessed documents, then cluster event reports into canonical events."""
    from mawgun.dedup import cluster_store
    from mawgun.extract import extract_store

    extracted = extract_store(url, reprocess=reprocess, progress=progress)
    clustered = cluster_store(url, progress=progress)
    return {"extract": extracted, "cluster": clustered}


def process_file(
    in_path: str | Path, out_path: str | Path, component: str = "rules", progress: bool = True
) -> dict[str, Any]:
    """Extract every document of a JSONL file, cluster the event records within the batch (each
    event's `canonical_id`), and write the records as JSONL. A bad input line is named in the
    summary's `problems` and the other lines are processed."""
    from mawgun.dedup import cluster_records
    from mawgun.extract.api import extract_records, file_summary, write_records
    from mawgun.model import EventRecord

    problems: list[str] = []  # bad lines and failed documents, named; the rest is processed
    documents, records = extract_records(in_path, component, progress, problems)
    events = [r for r in records if isinstance(r, EventRecord)]
    mapping = cluster_records(events, {doc.doc_id: doc for doc in documents})
    for event in events:
        event.canonical_id = mapping.get(event.record_id, event.record_id)
    write_records(records, out_path)
    return file_summary(documents, records, out_path, component, problems)
