"""The main job, end to end: extract what the store has not processed yet, then deduplicate.

Ingestion is separate (`mawgun.ingest.ingest_paths`) because documents arrive in batches from many
places; `process_store` then brings the store up to date. Each step is incremental and idempotent:
running it again over the same documents changes nothing.
"""

from __future__ import annotations

from typing import Any


def process_store(url: str | None = None, *, reprocess: bool = False, progress: bool = True) -> dict[str, Any]:
    """Extract records from unprocessed documents, then cluster event reports into canonical events."""
    from mawgun.dedup import cluster_store
    from mawgun.extract import extract_store

    extracted = extract_store(url, reprocess=reprocess, progress=progress)
    clustered = cluster_store(url, progress=progress)
    return {"extract": extracted, "cluster": clustered}
