"""Helpers shared by the extract tests that read ../shared (seed articles and gold)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mawgun.pipeline import process_file


def seed_docs(shared: Path, out: Path) -> Path:
    """The seed articles as extractor input (text from the seed file, published date, outlet)."""
    with out.open("w", encoding="utf-8") as fh:
        for line in (shared / "bench" / "seeds-docs.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                meta = json.loads(line)
                text = (shared / meta["file"]).read_text(encoding="utf-8")
                row = {"doc_id": meta["doc_id"], "text": text, "published": meta["published"], "outlet": meta["outlet"]}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def seed_records(shared: Path, tmp: Path) -> list[dict[str, Any]]:
    """Records extracted from the seed articles (through the JSONL file contract)."""
    docs = seed_docs(shared, tmp / "docs.jsonl")
    process_file(docs, tmp / "records.jsonl", progress=False)
    return [json.loads(line) for line in (tmp / "records.jsonl").read_text(encoding="utf-8").splitlines()]
