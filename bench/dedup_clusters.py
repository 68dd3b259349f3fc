"""Benchmark: clustering on a set of real multi-outlet reports (`../shared/bench/dev-clusters/`).

Two measures side by side, both scored by the set's own `score_clusters.py`:
- extracted: the event records `mawgun extract` wrote (`--records`), re-clustered with the current
  `cluster_records` (so clustering can be measured without re-running extraction);
- gold-coded: the set's gold event rows turned into event records (clustering alone, as if extraction
  were perfect), clustered with `cluster_records`.

    python3 ../shared/bench/dev/make_docs.py ../shared/bench/dev-clusters/news /tmp/dd-docs.jsonl
    .venv/bin/mawgun extract --in /tmp/dd-docs.jsonl --out /tmp/dd-records.jsonl
    .venv/bin/python bench/dedup_clusters.py --docs /tmp/dd-docs.jsonl --records /tmp/dd-records.jsonl

The texts stay in ../shared: nothing is written into the project. Without the set, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mawgun.dedup import cluster_records
from mawgun.extract.api import read_documents
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span

SET = next(
    (
        parent / "shared" / "bench" / "dev-clusters"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "bench" / "dev-clusters").exists()
    ),
    Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "dev-clusters",
)
GOLD_PROVENANCE = Provenance(component="gold", version="1", confidence=1.0, rule="gold")


def parse_day(value: Any) -> dt.date | None:
    """An ISO date (or a year-month) from a JSON value; None when absent or unreadable."""
    if not value:
        return None
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        try:
            return dt.date.fromisoformat(text[:7] + "-01")
        except ValueError:
            return None


def first(value: Any) -> str | None:
    """The first name of a gold field that may list several spellings."""
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


def actors(value: Any) -> list[ActorRef]:
    """Actor references from a list of codes."""
    return [ActorRef(name=str(code), actor_id=str(code)) for code in (value or []) if code]


def record_from_json(data: dict[str, Any], index: int, gold: bool) -> EventRecord:
    """An EventRecord from a line `mawgun extract` wrote, or from a gold row."""
    evidence = data.get("evidence")
    spans = (
        [Span(0, len(evidence), evidence)]
        if isinstance(evidence, str)
        else [Span(int(s.get("start", 0)), int(s.get("end", 0)), str(s.get("text", ""))) for s in evidence or []]
    )
    precision = data.get("date_precision") or ("month" if gold and len(str(data.get("date") or "")) == 7 else "day")
    date, date_end = parse_day(data.get("date")), parse_day(data.get("date_end"))
    tolerance = int(data.get("tol_days") or 0) if gold else 0
    if tolerance >= 3 and precision == "day" and date is not None and not date_end:
        # a gold date known to +-tol days: a week, or beyond a week the span the extractor would
        # write for "from ... to ..." (month precision with an end), not the calendar month alone
        precision = "week" if tolerance <= 7 else "month"
        if tolerance > 7:
            date, date_end = date - dt.timedelta(days=tolerance), date + dt.timedelta(days=tolerance)
    return EventRecord(
        record_id=str(data.get("record_id") or f"gold-{index:05d}"),
        doc_id=str(data.get("doc_id") or data.get("doc")),
        event_type=str(data.get("event_type")),
        sub_event_type=data.get("sub_event_type"),
        date=date,
        date_end=date_end,
        date_precision=precision,
        provenance=GOLD_PROVENANCE,
        place=Place(
            admin1=first(data.get("admin1")),
            admin2=first(data.get("admin2")),
            admin3=first(data.get("admin3")),
            location=first(data.get("location")),
            pcode=data.get("pcode"),
            admin3_pcode=data.get("admin3_pcode"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            geo_precision=data.get("geo_precision"),
        ),
        actor1=actors(data.get("actor1")),
        actor2=actors(data.get("actor2")),
        fatalities=data.get("fatalities") if isinstance(data.get("fatalities"), int) else None,
        evidence=spans,
    )


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The event rows of a JSONL file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row.get("kind") == "event"]


def score(rows: list[dict[str, Any]], records: list[EventRecord], documents: dict[str, Document]) -> dict[str, Any]:
    """Cluster the records, write them with their canonical ids, and run the set's scorer."""
    assignment = cluster_records(records, documents)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for row, record in zip(rows, records, strict=True):
            handle.write(
                json.dumps({**row, "doc_id": record.doc_id, "canonical_id": assignment[record.record_id]}) + "\n"
            )
    command = [sys.executable, str(SET / "score_clusters.py"), str(SET / "gold.jsonl"), str(SET / "clusters.jsonl")]
    output = subprocess.run([*command, handle.name, "--json"], capture_output=True, text=True, check=True).stdout
    Path(handle.name).unlink()
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True, help="documents JSONL (make_docs.py output)")
    parser.add_argument("--records", type=Path, help="records JSONL written by `mawgun extract`")
    args = parser.parse_args()
    if not SET.exists():
        print(f"{SET} is absent: nothing to measure")
        return
    documents = {doc.doc_id: doc for doc in read_documents(args.docs)}
    measures: dict[str, dict[str, Any]] = {}
    if args.records:
        rows = read_rows(args.records)
        measures["extracted"] = score(rows, [record_from_json(r, i, False) for i, r in enumerate(rows)], documents)
    gold_rows = read_rows(SET / "gold.jsonl")
    for row in gold_rows:
        row["doc_id"] = next((d for d in documents if d.endswith(row["doc"])), row["doc"])
    gold_records = [record_from_json(r, i, True) for i, r in enumerate(gold_rows)]
    measures["gold-coded"] = score(gold_rows, gold_records, documents)
    keys = [
        "clustered_precision",
        "clustered_recall",
        "coverage",
        "clustered_matched",
        "bcubed_precision",
        "bcubed_recall",
    ]
    print(f"{'measure':12s} " + " ".join(f"{k:>20s}" for k in keys))
    for name, rep in measures.items():
        print(f"{name:12s} " + " ".join(f"{str(rep.get(k)):>20s}" for k in keys))


if __name__ == "__main__":
    main()
