"""Stage: dedup. Cross-source deduplication of event reports into canonical events.

The same airstrike reported by five outlets over three days is one event: `cluster_records`
groups `EventRecord`s (file contract), `cluster_store` does it incrementally over the store,
writes `canonical_events` with derived fields and an explanation of every merge, links
near-duplicate documents and respects analysts' merge/split decisions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.dedup.cluster import cluster_records

__all__ = ["cluster_records", "cluster_store"]


def __getattr__(name: str) -> Any:
    """`cluster_records`, imported on first use (PEP 562): the CLI imports `mawgun.dedup.commands`
    without loading the clustering, so `mawgun --help` stays fast."""
    if name == "cluster_records":
        from mawgun.dedup.cluster import cluster_records

        return cluster_records
    raise AttributeError(f"module 'mawgun.dedup' has no attribute {name!r}")


def cluster_store(url: str | None = None, progress: bool = True, full: bool = False) -> dict[str, Any]:
    """Cluster the store's event reports incrementally (see `mawgun.dedup.store.cluster_store`)."""
    from mawgun.dedup.store import cluster_store as run

    return run(url, progress=progress, full=full)
