"""Acceptance: the five seed articles, ingested twice, are five documents."""

from __future__ import annotations

from pathlib import Path

from mawgun.ingest import ingest_paths

from .conftest import stored_documents


def test_ingesting_the_seeds_twice_stores_exactly_five_documents(shared_dir: Path, sqlite_url: str) -> None:
    seeds = shared_dir / "seeds"
    first = ingest_paths([seeds], sqlite_url, progress=False)
    second = ingest_paths([seeds], sqlite_url, progress=False)
    assert (first.read, first.failed) == (5, 0)
    assert (second.read, second.skipped, second.failed) == (0, 5, 0)
    docs = stored_documents(sqlite_url)
    assert len(docs) == 5
    assert all(d.language == "en" and d.title for d in docs)
