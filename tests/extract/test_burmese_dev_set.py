"""The Burmese development set (../shared/bench/dev-my, 13 real articles, one in Zawgyi): the issue's
acceptance figures, run through the file contract (skipped without ../shared)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mawgun.extract import extract_file
from mawgun.extract.evaluate import evaluate, read_jsonl

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def records(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("dev-my")
    maker = shared_dir / "bench" / "dev" / "make_docs.py"
    if not (shared_dir / "bench" / "dev-my").is_dir() or not maker.is_file():
        pytest.skip("../shared/bench/dev-my is absent")
    docs = tmp / "docs.jsonl"
    subprocess.run([sys.executable, str(maker), str(shared_dir / "bench" / "dev-my" / "news"), str(docs)], check=True)
    extract_file(docs, tmp / "records.jsonl", progress=False)
    return [json.loads(line) for line in (tmp / "records.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def report(shared_dir: Path, records: list[dict]) -> dict:
    return evaluate(read_jsonl(shared_dir / "bench" / "dev-my" / "gold.jsonl"), records)


def test_events_recall_and_precision_at_least_070(report: dict) -> None:
    assert report["event"]["recall"] >= 0.7
    assert report["event"]["precision"] >= 0.7


def test_statistics_recall_at_least_060(report: dict) -> None:
    assert report["statistic"]["recall"] >= 0.6


def test_the_zawgyi_article_is_converted_and_coded(shared_dir: Path, records: list[dict]) -> None:
    zawgyi = [
        path.relative_to(shared_dir / "bench" / "dev-my" / "news").as_posix()
        for path in (shared_dir / "bench" / "dev-my" / "news").rglob("*.txt")
        if re.search(r"^encoding:\s*zawgyi", path.read_text(encoding="utf-8"), re.M)
    ]
    assert zawgyi
    coded = [r for r in records if r["doc_id"] in zawgyi and r["kind"] == "event"]
    assert coded and all(r["admin1"] and r["date"] for r in coded)
    pytest.importorskip("myanmartools")
    from mawgun.ingest.zawgyi import zawgyi_probability

    assert all(zawgyi_probability(s["text"]) < 0.05 for r in coded for s in r["evidence"])  # evidence is Unicode
