"""Extraction on a Dask cluster gives what one job gives (issue 18): a LocalCluster of two worker
processes end to end through `mawgun extract --dask local:2`, the same with a worker killed mid-run,
and a clear message when the dask extra is missing."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.extract.api import document_from_json
from mawgun.extract.parallel import extract_many
from mawgun.model import Document

pytest.importorskip("dask.distributed")

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_documents() -> list[dict[str, object]]:
    """The project's own fixture articles as input lines (written for the tests)."""
    import yaml

    rows: list[dict[str, object]] = []
    for name in ("articles.yaml", "unseen.yaml"):
        for article in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")):
            published = str(article.get("published") or "2024-01-15")
            rows.append({"doc_id": article["id"], "text": article["text"], "published": published})
    return rows


@pytest.fixture(scope="module")
def few_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "docs.jsonl"
    rows = fixture_documents()[:24]  # three chunks of eight documents
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


def run_extract(docs: Path, out: Path, *how: str) -> bytes:
    result = CliRunner().invoke(app, ["extract", "--in", str(docs), "--out", str(out), "--quiet", *how])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_a_local_cluster_of_two_workers_writes_what_one_job_writes(few_docs: Path, tmp_path: Path) -> None:
    one = run_extract(few_docs, tmp_path / "one.jsonl", "--jobs", "1")
    on_dask = run_extract(few_docs, tmp_path / "dask.jsonl", "--dask", "local:2")
    assert on_dask == one
    assert b'"kind": "event"' in one or b'"kind":"event"' in one


def test_a_worker_killed_mid_run_changes_nothing(few_docs: Path) -> None:
    from dask.distributed import Client, LocalCluster

    documents = [document_from_json(json.loads(line)) for line in few_docs.read_text(encoding="utf-8").splitlines()]
    expected = [(item.document.doc_id, item.records, item.error) for item in extract_many(documents, "rules", 1)]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        victim = sorted(client.scheduler_info()["workers"])[0]
        victim_pid = client.run(os.getpid, workers=[victim])[victim]

        def documents_then_kill() -> Iterator[Document]:
            for number, document in enumerate(documents):
                if number == 12:  # chunks are out on both workers: kill one (its nanny starts another)
                    os.kill(victim_pid, signal.SIGKILL)
                yield document

        got = [(item.document.doc_id, item.records, item.error)
               for item in extract_many(documents_then_kill(), "rules", cluster.scheduler_address)]  # fmt: skip
    assert got == expected


def test_without_the_extra_the_message_names_it(
    few_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as if not installed
    result = CliRunner().invoke(app, ["extract", "--in", str(few_docs), "--out", str(tmp_path / "o.jsonl"),
                                      "--quiet", "--dask", "local:2"])  # fmt: skip
    assert result.exit_code == 2
    assert "pip install 'mawgun[dask]'" in result.output
    assert "Traceback" not in result.output


def test_a_bad_address_is_refused_with_the_forms_accepted(few_docs: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "--in", str(few_docs), "--out", str(tmp_path / "o.jsonl"),
                                      "--dask", "local:zero"])  # fmt: skip
    assert result.exit_code == 2
    assert "local:N" in result.output
