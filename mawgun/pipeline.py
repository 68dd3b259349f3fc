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
    from mawgun.extract import extract_store

    extracted = extract_store(url, reprocess=reprocess, progress=progress, jobs=jobs)
    clustered = cluster_store(url, progress=progress)
    return {"extract": extracted, "cluster": clustered}


def process_file(
    in_path: str | Path, out_path: str | Path, component: str = "rules", progress: bool = True, jobs: Workers = 1
) -> dict[str, Any]:
    """Extract every document of a JSONL file (`jobs` processes), cluster the event records within the
    batch (each event's `canonical_id`), and write the records as JSONL. A bad input line is named in the
    summary's `problems` and the other lines are processed.

    Memory stays flat whatever the input's size: records are spilled to a temporary JSONL file beside the
    output as they come, deduplication runs over each event's compact profile (not the record, not the
    document), and the spill is then copied to the output with the canonical ids filled in."""
    from mawgun.dedup.features import profile_record
    from mawgun.extract.stream import Tally, atomic_lines, extracted_stream, record_line
    from mawgun.model import EventRecord

    problems: list[str] = []  # bad lines and failed documents, named; the rest is processed
    tally = Tally()
    profiles = []
    out_path = Path(out_path)
    with spill_file(out_path) as spill:
        for item in extracted_stream(in_path, component, jobs, progress, problems):
            tally.add(item)
            for record in item.records:
                spill.write(record_line(record))
                if isinstance(record, EventRecord):
                    profiles.append(profile_record(record, item.document))
        mapping = cluster_profiled(profiles)
        del profiles[:]
        spill.seek(0)
        with atomic_lines(out_path) as write:
            for line in spill:
                write(with_canonical_id(line, mapping))
    return tally.summary() | {"out": str(out_path), "component": component, "problems": problems}


def cluster_profiled(profiles: list[Any]) -> dict[str, str]:
    """record_id -> canonical_id for profiled event reports (what `mawgun.dedup.cluster_records` gives for
    their records: the same order by record id, the same clustering)."""
    from mawgun.dedup.cluster import cluster_profiles, paused_gc

    with paused_gc():
        profiles.sort(key=lambda p: p.record_id)
        return cluster_profiles(profiles, None, explain=False).assignment


def with_canonical_id(line: str, mapping: dict[str, str]) -> str:
    """A spilled record line, with its canonical id when it is an event (itself when not clustered)."""
    data = json.loads(line)
    if data.get("kind") != "event":
        return line
    data["canonical_id"] = mapping.get(data["record_id"], data["record_id"])
    return json.dumps(data, ensure_ascii=False) + "\n"


@contextmanager
def spill_file(out_path: Path) -> Iterator[IO[str]]:
    """A temporary text file beside `out_path` (same disk, removed afterwards) for records in passing."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile("w+", encoding="utf-8", dir=out_path.parent, prefix=".mawgun-spill-") as fh:
        yield fh
