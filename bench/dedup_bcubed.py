"""Benchmark: B-cubed precision/recall of deduplication on the fixture articles (tests/dedup/fixtures).

(a) gold-like records: the event values hand-coded for each article are clustered (isolates
    clustering from extraction);
(b) end to end: each article goes through `mawgun.extract.extract_document`, the extracted event
    records are clustered, and each is mapped to a gold label by document + event type + place
    (records matching no gold event are extraction errors and are left out; their count is shown).
    A diagnostic line (b') also drops the extractor's extra records of one event from one document,
    which clustering never merges by design.

    .venv/bin/python bench/dedup_bcubed.py [--show-errors]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from mawgun.dedup import cluster_records
from mawgun.dedup.evaluate import Article, bcubed, fixture_records, label_extracted, load_fixture
from mawgun.model import EventRecord

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "dedup" / "fixtures"


def show_errors(assignment: dict[str, str], labels: dict[str, str]) -> None:
    """Print clusters that mix gold events and gold events split over clusters."""
    clusters: dict[str, set[str]] = defaultdict(set)
    spread: dict[str, set[str]] = defaultdict(set)
    for record_id, label in labels.items():
        clusters[assignment[record_id]].add(label)
        spread[label].add(assignment[record_id])
    for canonical_id, mixed in sorted(clusters.items()):
        if len(mixed) > 1:
            print(f"  merged wrongly: {canonical_id}: {sorted(mixed)}")
    for label, parts in sorted(spread.items()):
        if len(parts) > 1:
            print(f"  split: {label} over {len(parts)} canonical events")


def measure_gold(articles: list[Article], verbose: bool) -> None:
    records, labels = fixture_records(articles)
    documents = {a.document.doc_id: a.document for a in articles}
    assignment = cluster_records(records, documents)
    scores = bcubed(assignment, labels)
    print(
        f"(a) gold-like records: {len(records)} reports of {len(set(labels.values()))} events -> "
        f"{len(set(assignment.values()))} canonical; B-cubed P={scores['precision']:.3f} R={scores['recall']:.3f} "
        f"F1={scores['f1']:.3f}"
    )
    if verbose:
        show_errors(assignment, labels)


def measure_end_to_end(articles: list[Article], verbose: bool) -> None:
    try:
        from mawgun.extract import extract_document
    except ImportError as exc:
        print(f"(b) end to end: skipped, extractor not available ({exc})")
        return
    records: list[EventRecord] = []
    for article in articles:
        records += [r for r in extract_document(article.document) if isinstance(r, EventRecord)]
    documents = {a.document.doc_id: a.document for a in articles}
    assignment = cluster_records(records, documents)
    labels = label_extracted(records, articles)
    scores = bcubed(assignment, labels)
    gold_total = sum(len(a.events) for a in articles)
    print(
        f"(b) end to end: {len(records)} extracted event records, {len(labels)} matched to gold "
        f"({gold_total} gold reports, {len(records) - len(labels)} unmatched); "
        f"B-cubed P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f}"
    )
    if verbose:
        show_errors(assignment, labels)
    first_only = one_per_document(records, labels)
    scores = bcubed(assignment, first_only)
    print(
        f"(b') diagnostic, one record per document and gold event (the first extracted; the extractor's extra "
        f"same-document records dropped): {len(first_only)} records; B-cubed P={scores['precision']:.3f} "
        f"R={scores['recall']:.3f} F1={scores['f1']:.3f}"
    )


def one_per_document(records: list[EventRecord], labels: dict[str, str]) -> dict[str, str]:
    """Labels of the first extracted record of each (document, gold event) pair."""
    kept: dict[tuple[str, str], str] = {}
    for record in records:
        label = labels.get(record.record_id)
        if label is not None:
            kept.setdefault((record.doc_id, label), record.record_id)
    return {record_id: label for (_, label), record_id in kept.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="List wrong merges and splits.")
    args = parser.parse_args()
    articles = load_fixture(FIXTURES)
    print(f"fixture: {len(articles)} articles, {len({e['label'] for a in articles for e in a.events})} events")
    measure_gold(articles, args.show_errors)
    measure_end_to_end(articles, args.show_errors)


if __name__ == "__main__":
    main()
