"""Extraction on several cores: `--jobs N` writes exactly what one job writes, in the same order, and the
streamed file run gives the records (and canonical ids) of extracting everything in memory then clustering.

The documents are the project's own fixture articles (tests/extract/fixtures), each given twice under
different ids and dates so that several chunks go to every worker and dedup has reports to join.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.dedup import cluster_records
from mawgun.extract import extract_document
from mawgun.extract.api import document_from_json
from mawgun.extract.parallel import chunks, extract_many
from mawgun.model import Document, EventRecord
from mawgun.pipeline import process_file

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_documents() -> list[dict[str, object]]:
    """Every fixture article as an input line, twice: the second copy a day later under another id."""
    rows: list[dict[str, object]] = []
    for name in ("articles.yaml", "unseen.yaml", "clauses.yaml", "gaps.yaml"):
        for article in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")):
            published = str(article.get("published") or "2024-01-15")
            rows.append({"doc_id": article["id"], "text": article["text"], "published": published})
            later = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=1)
            rows.append({"doc_id": f"{article['id']}-copy", "text": article["text"], "published": str(later)})
    return rows


@pytest.fixture(scope="module")
def docs_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parallel") / "docs.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in fixture_documents()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_extract(docs: Path, out: Path, jobs: int) -> bytes:
    result = CliRunner().invoke(app, ["extract", "--in", str(docs), "--out", str(out), "--quiet", "--jobs", str(jobs)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_two_jobs_write_byte_identical_output_to_one_job(docs_file: Path, tmp_path: Path) -> None:
    one = run_extract(docs_file, tmp_path / "one.jsonl", 1)
    two = run_extract(docs_file, tmp_path / "two.jsonl", 2)
    assert one == two
    records = [json.loads(line) for line in one.decode("utf-8").splitlines()]
    events = [r for r in records if r["kind"] == "event"]
    assert len(events) > 50
    assert any(r["canonical_id"] != r["record_id"] for r in events)  # copies joined into canonical events


def test_streamed_file_run_equals_extracting_in_memory_then_clustering(docs_file: Path, tmp_path: Path) -> None:
    documents = [document_from_json(row) for row in fixture_documents()]
    records = [record for doc in documents for record in extract_document(doc)]
    events = [r for r in records if isinstance(r, EventRecord)]
    mapping = cluster_records(events, {doc.doc_id: doc for doc in documents})
    for event in events:
        event.canonical_id = mapping.get(event.record_id, event.record_id)
    expected = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)

    summary = process_file(docs_file, tmp_path / "records.jsonl", progress=False, jobs=2)
    assert (tmp_path / "records.jsonl").read_text(encoding="utf-8") == expected
    assert summary["documents"] == len(documents) and summary["events"] == len(events)
    assert not list(tmp_path.glob(".mawgun-spill-*")) and not list(tmp_path.glob("*.tmp"))


def test_results_come_back_in_input_order_from_every_worker() -> None:
    texts = [
        f"Junta troops arrested {n} villagers in Kanan village, Tamu Township, on 3 May 2023." for n in range(2, 40)
    ]
    documents = [Document(doc_id=f"d{i}", text=text) for i, text in enumerate(texts)]
    outcomes = list(extract_many(iter(documents), jobs=2))
    assert [o.document.doc_id for o in outcomes] == [d.doc_id for d in documents]
    assert all(o.error is None and o.records for o in outcomes)


def test_documents_are_read_in_chunks_as_they_are_needed() -> None:
    read: list[int] = []

    def documents() -> object:
        for i in range(20):
            read.append(i)
            yield Document(doc_id=f"d{i}", text="Nothing happened.")

    batches = chunks(documents(), 8)  # type: ignore[arg-type]
    assert len(next(batches)) == 8 and read == list(range(8))
    assert [len(b) for b in batches] == [8, 4]


def test_a_document_that_fails_in_a_worker_is_named_and_the_others_are_written(tmp_path: Path) -> None:
    from mawgun.extract.pipeline import Context, register_component, register_pipeline

    @register_component("sentences.refusing-for-test", "0.0.1", needs=("sentences",), adds=())
    def refuse(ctx: Context) -> None:
        """Fails on a text that asks for it (a stand-in for a rule that crashes)."""
        if "REFUSE" in ctx.doc.text:
            raise RuntimeError("asked to fail")

    register_pipeline("refusing-for-test", ["sentences", "sentences.refusing-for-test", "dates"])
    rows = [{"doc_id": f"d{i}", "text": "REFUSE this." if i == 11 else f"Line {i}."} for i in range(30)]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    from mawgun.extract import extract_file

    summary = extract_file(docs, tmp_path / "out.jsonl", component="refusing-for-test", progress=False, jobs=2)
    assert summary["documents"] == 29
    assert summary["problems"] == ["document d11: extraction failed (RuntimeError: asked to fail)"]


def children_of(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_killing_a_run_leaves_no_worker_behind(docs_file: Path, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big.jsonl"
    lines = docs_file.read_text(encoding="utf-8").splitlines()
    with big.open("w", encoding="utf-8") as fh:
        for copy in range(30):
            for line in lines:
                row = json.loads(line)
                fh.write(json.dumps(row | {"doc_id": f"{row['doc_id']}-{copy}"}) + "\n")
    entry = "from mawgun.cli.main import run; run()"
    command = [sys.executable, "-c", entry, "extract", "--in", str(big), "--out", str(tmp_path / "o.jsonl")]
    run = subprocess.Popen([*command, "--quiet", "--jobs", "2"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(children_of(run.pid)) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = children_of(run.pid)
    assert len(workers) == 2, "the workers never started"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(30)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{w}").exists() for w in workers)


def test_a_document_given_twice_gets_the_canonical_ids_of_clustering_in_memory(tmp_path: Path) -> None:
    rows = fixture_documents()[:24]
    rows += rows[:4]  # the same lines again: the same record ids twice
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    documents = [document_from_json(row) for row in rows]
    events = [r for doc in documents for r in extract_document(doc) if isinstance(r, EventRecord)]
    mapping = cluster_records(events, {doc.doc_id: doc for doc in documents})

    process_file(docs, tmp_path / "records.jsonl", progress=False, jobs=1)
    written = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["record_id"], r["canonical_id"]) for r in written if r["kind"] == "event"] == [
        (e.record_id, mapping[e.record_id]) for e in events
    ]
