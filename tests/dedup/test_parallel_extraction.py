"""Specification: `mawgun extract --jobs N` over the store gives the canonical events of one process
(the same clusters, ids and derived fields), whatever the number of workers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from mawgun.dedup.evaluate import load_fixture
from mawgun.pipeline import process_store
from mawgun.store.db import session_scope
from mawgun.store.repository import save_document
from mawgun.store.schema import CanonicalEventRow, EventRow

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("date", "admin1", "admin3", "location", "fatalities_best", "fatalities_low", "fatalities_high", "n_reports")


def canonical_events(url: str, jobs: int) -> tuple[dict[str, str | None], dict[str, tuple]]:
    """Extract and cluster the fixture's documents with `jobs` workers: record -> canonical id, and each
    canonical event's derived fields."""
    with session_scope(url) as session:
        for article in load_fixture(FIXTURES):
            save_document(session, article.document)
    process_store(url, progress=False, jobs=jobs)
    with session_scope(url) as session:
        assignment = {row.id: row.canonical_id for row in session.scalars(select(EventRow))}
        rows = {row.id: tuple(getattr(row, f) for f in FIELDS) for row in session.scalars(select(CanonicalEventRow))}
    return assignment, rows


def test_two_workers_give_the_canonical_events_of_one(tmp_path: Path) -> None:
    one = canonical_events(f"sqlite:///{tmp_path / 'one.db'}", jobs=1)
    two = canonical_events(f"sqlite:///{tmp_path / 'two.db'}", jobs=2)
    assert one == two
    assignment, rows = one
    assert len(assignment) > 50 and len(rows) < len(assignment)  # reports were joined into events
