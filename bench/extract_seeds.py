"""Score the extractor on the five seed articles in ../shared (skips when ../shared is absent).

    .venv/bin/python bench/extract_seeds.py [--shared ../shared] [--out /tmp/seed-records.jsonl]

Builds docs.jsonl from ../shared/bench/seeds-docs.jsonl (text from the seed file, published, outlet), runs
`mawgun.pipeline.process_file` (what `mawgun extract --in --out` runs), then prints the scores of
`mawgun.extract.evaluate` (the semantics of bench/score.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from mawgun.extract.evaluate import evaluate_files, format_report
from mawgun.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]


def build_seed_docs(shared: Path, out: Path) -> Path:
    """Write the seed documents as extractor input (one JSON object per line)."""
    with out.open("w", encoding="utf-8") as fh:
        for line in (shared / "bench" / "seeds-docs.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            meta = json.loads(line)
            text = (shared / meta["file"]).read_text(encoding="utf-8")
            doc = {"doc_id": meta["doc_id"], "text": text, "published": meta["published"], "outlet": meta["outlet"]}
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=None, help="where to keep the records (default: a temp file)")
    args = parser.parse_args(argv)
    if not (args.shared / "bench" / "seeds-gold.jsonl").is_file():
        print(f"skipped: {args.shared} has no bench/seeds-gold.jsonl")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        docs = build_seed_docs(args.shared, Path(tmp) / "docs.jsonl")
        out = args.out or Path(tmp) / "records.jsonl"
        process_file(docs, out, progress=False)
        report = evaluate_files(args.shared / "bench" / "seeds-gold.jsonl", out)
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
