"""A generated corpus of good and corrupt files of every format goes through one ingest: every good
document is stored, every bad file fails with a reason (never a reader bug), nothing hangs.

CI size: 140 files, hostile shapes scaled down; bench/fuzz_ingest.py runs 10,000 at full size.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths

from .conftest import stored_documents
from .corrupt_inputs import generate


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_corrupt_inputs_fail_alone_and_good_ones_are_stored(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setenv("MAWGUN_INGEST_TIMEOUT_S", "10")
    made = generate(tmp_path / "corpus", 140, seed=seed, scale=0.2)
    started = time.monotonic()
    report = ingest_paths([tmp_path / "corpus"], sqlite_url, progress=False)
    assert time.monotonic() - started < 600
    by_file = Counter(Path(e.path.split("#", 1)[0]).name for e in report.entries)
    assert set(by_file) == {g.name for g in made}, "every file has an outcome"
    bugs = [f"{e.path}: {e.reason}" for e in report.failures if (e.reason or "").startswith("unexpected error")]
    assert bugs == []
    assert all(e.reason for e in report.failures)
    texts = " ".join(d.text for d in stored_documents(sqlite_url))
    lost = [g.name for g in made if g.good and g.marker not in texts]
    assert lost == []
