"""The main job, end to end, in the data's order: extract (with geo and actors resolving places and
names), then deduplicate; analytics, reports and the web read the result through `mawgun.query`.

Ingestion is separate (`mawgun.ingest.ingest_paths`) because documents arrive in batches from many
places; `process_store` then brings the store up to date. Each step is incremental and idempotent:
running it again over the same documents changes nothing. `process_file` is the same job from a
JSONL file of documents to a JSONL file of records. Stages never call each other back: only this
module runs one after another.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.extract.parallel import Workers


def process_store(
    url: str | None = None, *, reprocess: bool = False, progress: bool = True, jobs: Workers = 1
) -> dict[str, Any]:
    """Extract records from unprocessed documents (`jobs` processes), then cluster event reports into
    canonical events."""
    from mawgun.dedup import cluster_store
    from mawgun.dedup.decisions import DecisionError
    from mawgun.extract import extract_store

    extracted = extract_store(url, reprocess=reprocess, progress=progress, jobs=jobs)
    try:
        clustered = cluster_store(url, progress=progress)
    except DecisionError as exc:  # the records are stored; clustering waits for the decisions to agree
        raise StageRefused(
            f"{extracted['documents']} documents extracted and stored; clustering refused: {exc}"
        ) from exc
    return {"extract": extracted, "cluster": clustered}


class StageRefused(RuntimeError):
    """A stage that refused to run (what ran before it is kept); the message says why and what to do."""


def process_file(
    in_path: str | Path, out_path: str | Path, component: str = "rules", progress: bool = True, jobs: Workers = 1
) -> dict[str, Any]:
    """Extract every document of a JSONL file (`jobs` processes), cluster the event records within the
    batch (each event's `canonical_id`), and write the records as JSONL. A bad input line is named in the
    summary's `problems` and the other lines are processed.

    Memory stays flat whatever the input's size: records are spilled to a temporary JSONL file beside the
    output as they come, each event's dedup profile to a temporary SQLite file there
    (`mawgun.dedup.blocks`), which clusters them in date order, holding only the reports a few days
    share; the record spill is then copied to the output with the canonical ids filled in (the ids
    `cluster_records` gives over the whole batch)."""
    from mawgun.dedup.blocks import SpilledProfiles
    from mawgun.dedup.features import profile_record
    from mawgun.extract.stream import Tally, atomic_lines, extracted_stream, record_line
    from mawgun.model import EventRecord

    problems: list[str] = []  # bad lines and failed documents, named; the rest is processed
    tally = Tally()
    out_path = Path(out_path)
    with spill_file(out_path) as spill, SpilledProfiles(out_path.parent) as profiles:
        for item in extracted_stream(in_path, component, jobs, progress, problems):
            tally.add(item)
            for record in item.records:
                spill.write(record_line(record))
                if isinstance(record, EventRecord):
                    profiles.add(profile_record(record, item.document))
        profiles.cluster()
        spill.seek(0)
        canonical = profiles.canonical_ids()
        with atomic_lines(out_path) as write:
            for line in spill:
                write(with_canonical_id(line, canonical))
    return tally.summary() | {"out": str(out_path), "component": component, "problems": problems}


def with_canonical_id(line: str, canonical: Iterator[tuple[str, str]]) -> str:
    """A spilled record line; an event's gets the next (record id, canonical id) of `canonical`, which
    lists the events in the order they were spilled."""
    data = json.loads(line)
    if data.get("kind") != "event":
        return line
    record_id, canon = next(canonical)
    if record_id != data["record_id"]:
        raise RuntimeError(f"record {data['record_id']} spilled out of step with its profile ({record_id})")
    data["canonical_id"] = canon
    return json.dumps(data, ensure_ascii=False) + "\n"


@contextmanager
def spill_file(out_path: Path) -> Iterator[IO[str]]:
    """A temporary text file beside `out_path` (same disk, removed afterwards) for records in passing."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile("w+", encoding="utf-8", dir=out_path.parent, prefix=".mawgun-spill-") as fh:
        yield fh
