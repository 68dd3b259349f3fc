"""Run the extractor over the bundled demo corpus and print events per document (count and types).

    .venv/bin/python bench/extract_demo.py [--corpus mawgun/demo/corpus] [--verbose]

Reads the corpus with the ingest readers (`mawgun.ingest.ingest_paths`) into a temporary SQLite store, lists
the stored documents (`mawgun.store.repository.list_documents`), runs `extract_document` on each and prints,
per document, the number of events, statistics and sanctions and the events' sub-event types. A measure of
recall on text the rules were not written against, run on demand (not a test).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from mawgun.extract import extract_document
from mawgun.ingest import ingest_paths
from mawgun.model import EventRecord, SanctionRecord, StatisticRecord
from mawgun.store.db import ensure_schema, session_scope
from mawgun.store.repository import list_documents

ROOT = Path(__file__).resolve().parents[1]


def load_documents(corpus: Path) -> list:
    """The corpus's documents (its README left out) as the store gives them back after ingestion."""
    tmp = tempfile.mkdtemp(prefix="mawgun-demo-")
    url = f"sqlite:///{tmp}/demo.db"
    ensure_schema(url)
    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.name.lower() != "readme.md")
    ingest_paths(files, url, progress=False)
    with session_scope(url) as session:
        docs = list_documents(session, limit=None)
    return sorted(docs, key=lambda d: (str(d.published), d.title or ""))


def describe_event(event: EventRecord) -> str:
    """One line for an event: date, sub-event type, place, actors, fatalities."""
    place = event.place.location or event.place.admin3 or event.place.admin1 if event.place else None
    actor1 = ",".join(a.actor_id or a.name for a in event.actor1)
    actor2 = ",".join(a.actor_id or a.name for a in event.actor2)
    return f"    {event.date} {event.sub_event_type} @ {place} [{actor1} / {actor2}] fat={event.fatalities}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "mawgun" / "demo" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="print each event")
    args = parser.parse_args(argv)
    totals: Counter[str] = Counter()
    empty = 0
    for doc in load_documents(args.corpus):
        records = extract_document(doc)
        events = [r for r in records if isinstance(r, EventRecord)]
        stats = sum(isinstance(r, StatisticRecord) for r in records)
        sanctions = sum(isinstance(r, SanctionRecord) for r in records)
        types = Counter(e.sub_event_type for e in events)
        label = (doc.title or doc.doc_id)[:60]
        print(f"{len(events):2d} ev {stats:2d} st {sanctions:2d} sa  {label}  {dict(types)}")
        if args.verbose:
            for event in events:
                print(describe_event(event))
        totals.update(events=len(events), statistics=stats, sanctions=sanctions, documents=1)
        empty += not events
    print(f"total: {dict(totals)}; documents with no event: {empty}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
