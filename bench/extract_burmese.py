"""Score the Burmese rules on ../shared/bench/dev-my and time them (skips when ../shared is absent).

    .venv/bin/python bench/extract_burmese.py [--shared ../shared] [--repeat 20]

Builds docs.jsonl with ../shared/bench/dev/make_docs.py (as the set's README says), runs
`mawgun.pipeline.process_file` (what `mawgun extract --in --out` runs) and prints the scores of
`mawgun.extract.evaluate` (the semantics of bench/score.py); then extracts the 13 articles `--repeat` times
over (each copy its own document) on one process and prints articles per second, gazetteer load excluded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mawgun.extract.api import document_from_json, extract_document
from mawgun.extract.evaluate import evaluate_files, format_report
from mawgun.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=20, help="copies of the set to time (default 20)")
    args = parser.parse_args(argv)
    dev = args.shared / "bench" / "dev-my"
    if not (dev / "gold.jsonl").is_file():
        print(f"skipped: {dev} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.jsonl"
        maker = args.shared / "bench" / "dev" / "make_docs.py"
        subprocess.run([sys.executable, str(maker), str(dev / "news"), str(docs)], check=True)
        out = Path(tmp) / "records.jsonl"
        process_file(docs, out, progress=False)
        print(format_report(evaluate_files(dev / "gold.jsonl", out)))
        rows = [json.loads(line) for line in docs.read_text(encoding="utf-8").splitlines() if line.strip()]
    extract_document(document_from_json(rows[0]))  # load the gazetteer and the vocabularies once
    started = time.perf_counter()
    for copy in range(args.repeat):
        for row in rows:
            extract_document(document_from_json(row | {"doc_id": f"{row['doc_id']}#{copy}"}))
    elapsed = time.perf_counter() - started
    count = args.repeat * len(rows)
    print(f"speed: {count} Burmese articles in {elapsed:.1f} s = {count / elapsed:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
