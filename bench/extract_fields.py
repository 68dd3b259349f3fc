"""Score event fields (actors, places, tolls) on the engineers' own field fixtures and the lead's held-out sets.

    .venv/bin/python bench/extract_fields.py [--json]

Runs `extract_file` on tests/extract/fixtures/fields_docs.jsonl (eight short articles in several outlets'
styles, written for the extractor's field rules) and on bench/heldout/docs*.jsonl, then prints the scores of
`mawgun.extract.evaluate` for each set. The fixtures are not blind (the rules were fixed against them); the
held-out sets were blind only on their first run (see bench/heldout/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from mawgun.extract import extract_file
from mawgun.extract.evaluate import evaluate_files, format_report

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "own field fixtures": ("tests/extract/fixtures/fields_docs.jsonl", "tests/extract/fixtures/fields_gold.jsonl"),
    "heldout set 1": ("bench/heldout/docs.jsonl", "bench/heldout/gold.jsonl"),
    "heldout set 2": ("bench/heldout/docs2.jsonl", "bench/heldout/gold2.jsonl"),
}


def score_set(docs: Path, gold: Path, workdir: Path) -> dict:
    """Extract one set into a temporary file and score it against its gold rows."""
    out = workdir / f"{docs.stem}.records.jsonl"
    extract_file(docs, out, progress=False)
    return evaluate_files(gold, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the reports as one JSON object")
    args = parser.parse_args(argv)
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (docs, gold) in SETS.items():
            reports[name] = score_set(ROOT / docs, ROOT / gold, Path(tmp))
    if args.json:
        print(json.dumps(reports, indent=2, default=str))
        return 0
    for name, report in reports.items():
        print(f"== {name}")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
