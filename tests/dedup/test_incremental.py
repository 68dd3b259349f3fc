"""Specification: incremental `cluster_store` runs give the clusters of one `--full` run over the same
reports, and re-running (incremental or full) keeps every id. On SQLite and PostgreSQL (`store_url`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from dedup_helpers import make_doc, make_event
from sqlalchemy import select

from mawgun.dedup import cluster_store
from mawgun.dedup.evaluate import gold_record, load_fixture
from mawgun.model import Document, EventRecord
from mawgun.store.db import session_scope
from mawgun.store.repository import save_document, save_records
from mawgun.store.schema import EventRow

FIXTURES = Path(__file__).parent / "fixtures"


def store(url: str, batch: Sequence[tuple[Document, list[EventRecord]]]) -> None:
    with session_scope(url) as session:
        for document, records in batch:
            save_document(session, document)
            save_records(session, document.doc_id, records, "test")


def assignment(url: str) -> dict[str, str | None]:
    with session_scope(url) as session:
        return {row.id: row.canonical_id for row in session.scalars(select(EventRow))}


def partition(mapping: dict[str, str | None]) -> set[frozenset[str]]:
    groups: dict[str | None, set[str]] = {}
    for record_id, canonical_id in mapping.items():
        groups.setdefault(canonical_id, set()).add(record_id)
    return {frozenset(members) for members in groups.values()}


def strike_reports() -> list[tuple[Document, list[EventRecord]]]:
    """A and B (one strike told three days apart) come first; C, arriving later, fits A better and
    cannot be B's event (five days apart): one full run keeps A with C and B alone."""
    text = "Synthetic report: jets bombed Village P in Township K, killing 4 villagers."
    docs = [make_doc(key, text, outlet, dt.date(2023, 4, 14)) for key, outlet in (("a", "A"), ("b", "B"), ("c", "C"))]
    days = [dt.date(2023, 4, 10), dt.date(2023, 4, 13), dt.date(2023, 4, 8)]
    place = {"admin1": "Sagaing", "admin3": "Township K", "location": "Village P"}
    return [(d, [make_event(d, date=day, fatalities=4, **place)]) for d, day in zip(docs, days, strict=True)]


def test_a_later_report_regroups_earlier_ones_as_one_full_run_would(store_url: str, tmp_path: Path) -> None:
    a, b, c = strike_reports()
    store(store_url, [a, b])
    cluster_store(store_url, progress=False)
    first = assignment(store_url)
    assert len(set(first.values())) == 1  # A and B: one strike, as far as anyone can tell yet
    store(store_url, [c])
    cluster_store(store_url, progress=False)
    incremental = assignment(store_url)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    store(fresh, [a, b, c])
    cluster_store(fresh, progress=False, full=True)
    assert partition(incremental) == partition(assignment(fresh))
    record_a, record_b, record_c = (records[0].record_id for _, records in (a, b, c))
    assert incremental[record_a] == incremental[record_c] != incremental[record_b]
    assert incremental[record_a] == first[record_a]  # the larger part keeps the event's id


def test_fixture_in_batches_gives_the_full_run_and_reruns_keep_every_id(store_url: str) -> None:
    articles = load_fixture(FIXTURES)
    batches = [articles[i::3] for i in range(3)]
    for batch in batches:
        store(store_url, [(a.document, [gold_record(a, e) for e in a.events]) for a in batch])
        cluster_store(store_url, progress=False)
    incremental = assignment(store_url)
    again = cluster_store(store_url, progress=False)
    assert again["new_records"] == 0 and assignment(store_url) == incremental
    summary = cluster_store(store_url, progress=False, full=True)
    assert summary["moved"] == 0 and assignment(store_url) == incremental
