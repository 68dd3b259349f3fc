"""Diagnostic: which gold clusters of `../shared/bench/dev-clusters/` clustering splits, and why.

For the gold-coded rows (clustering alone) or the extracted records (`--records`, matched to gold rows
by the set's own rules), every gold cluster that ends in several canonical events is listed with its
members (type, date and precision, publication date, state/township/place, actors, toll) and, for each
pair across the parts, what kept them apart: the hard rule that forbids the pair (types, dates, place,
one document) or the pair's probability with each feature's agreement ("joins refused" when the pair
reached the threshold but the clusters' summaries or representatives did not agree). Over-merges
(canonical events holding rows of several gold clusters) are listed too.

    .venv/bin/python bench/dedup_splits.py --docs /tmp/dd-docs.jsonl [--records /tmp/dd-records.jsonl]

Prints to the terminal only: the set's texts are never written into the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from dedup_clusters import SET, read_rows, record_from_json

from mawgun.dedup import cluster_records
from mawgun.dedup.eventtypes import types_compatible
from mawgun.dedup.features import profile_record, score_date, score_place
from mawgun.dedup.pairs import compare_profiles
from mawgun.extract.api import read_documents
from mawgun.model import Document, EventRecord


def read_clusters() -> dict[tuple[str, str], str]:
    """(doc, gold id) -> gold cluster name."""
    import json

    found = {}
    for line in (SET / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            cluster = json.loads(line)
            for member in cluster["members"]:
                found[(member["doc"], member["id"])] = cluster["cluster"]
    return found


def match_extracted(records_path: Path, gold_rows: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """(doc, gold id) -> index of the extracted record the set's scorer matches to it."""
    sys.path.insert(0, str(SET.parent))
    from score import best_pairs, doc_key, event_match  # type: ignore[import-not-found]

    preds = read_rows(records_path)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(preds):
        by_doc[doc_key(row)].append(index)
    golds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in gold_rows:
        golds[doc_key(row)].append(row)
    found = {}
    for doc, rows in golds.items():
        candidates = [preds[i] for i in by_doc.get(doc, [])]
        for gi, pi in best_pairs(rows, candidates, event_match):
            found[(rows[gi]["doc"], rows[gi]["id"])] = by_doc[doc][pi]
    return found


def describe(record: EventRecord, document: Document | None) -> str:
    """One line: type, date/precision, publication, place, actors, toll."""
    place = record.place
    published = document.published.isoformat() if document and document.published else "?"
    where = "/".join(str(x or "-") for x in (place.admin1, place.admin3, place.location)) if place else "-"
    actors = (
        ",".join(a.actor_id or a.name for a in record.actor1)
        + " v "
        + ",".join(a.actor_id or a.name for a in record.actor2)
    )
    return (
        f"{record.doc_id.split('/')[0][:16]:16s} {record.event_type[:12]}:{(record.sub_event_type or '')[:22]:22s} "
        f"{record.date or '-'}/{record.date_precision} pub {published} {where} [{actors}] toll {record.fatalities}"
    )


def why_apart(a: EventRecord, b: EventRecord, docs: dict[str, Document]) -> str:
    """The hard rule that forbids a pair, or its probability and features."""
    pa, pb = profile_record(a, docs.get(a.doc_id)), profile_record(b, docs.get(b.doc_id))
    if not types_compatible(pa.type_key, pb.type_key):
        return f"types {pa.type_key} | {pb.type_key}"
    if score_date(pa, pb) is None:
        gap = (pa.lo or 0) - (pb.hi or 0) if (pa.lo or 0) > (pb.hi or 0) else (pb.lo or 0) - (pa.hi or 0)
        return f"dates apart by {gap} d beyond tolerance"
    if score_place(pa, pb) is None:
        return "places conflict"
    result = compare_profiles(pa, pb)
    if result is None:
        return "one document"
    feats = " ".join(f"{k}={v:.2f}" for k, v in result[1].items())
    return f"p={result[0]:.3f} {feats}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--records", type=Path, help="extracted records; default: gold-coded rows")
    args = parser.parse_args()
    if not SET.exists():
        print(f"{SET} is absent: nothing to diagnose")
        return
    docs = {d.doc_id: d for d in read_documents(args.docs)}
    gold_rows = read_rows(SET / "gold.jsonl")
    for row in gold_rows:
        row["doc_id"] = next((d for d in docs if d.endswith(row["doc"])), row["doc"])
    clusters = read_clusters()
    if args.records:
        rows = read_rows(args.records)
        records = [record_from_json(r, i, False) for i, r in enumerate(rows)]
        item = {key: records[i] for key, i in match_extracted(args.records, gold_rows).items()}
    else:
        records = [record_from_json(r, i, True) for i, r in enumerate(gold_rows)]
        item = {(r["doc"], r["id"]): records[i] for i, r in enumerate(gold_rows)}
    assignment = cluster_records(records, docs)
    parts: dict[str, dict[str, list[EventRecord]]] = defaultdict(lambda: defaultdict(list))
    gold_of: dict[str, set[str]] = defaultdict(set)
    for key, record in item.items():
        gold = clusters.get(key, f"single:{key[0][:20]}:{key[1]}")
        parts[gold][assignment[record.record_id]].append(record)
        gold_of[assignment[record.record_id]].add(gold)
    for gold, by_canon in sorted(parts.items()):
        if len(by_canon) < 2 or gold.startswith("single:"):
            continue
        print(f"\n== {gold}: {sum(map(len, by_canon.values()))} rows in {len(by_canon)} events")
        groups = list(by_canon.values())
        for number, group in enumerate(groups):
            for record in group:
                print(f"  [{number}] {describe(record, docs.get(record.doc_id))}")
        for i, left in enumerate(groups):
            for j in range(i + 1, len(groups)):
                for a in left:
                    for b in groups[j]:
                        print(f"    {i}-{j}: {why_apart(a, b, docs)}")
    print("\n== over-merged canonical events")
    for canon, golds in sorted(gold_of.items()):
        real = sorted(golds)
        if len(real) > 1:
            print(f"  {canon}: {real}")
    _ = dt


if __name__ == "__main__":
    main()
