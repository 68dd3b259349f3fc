"""Two ingests of the same files at once both succeed and store each document once (issue 15, point 10).

Both processes also start on a store that does not exist yet, so their migrations race too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import stored_documents

MAWGUN = str(Path(sys.executable).parent / "mawgun")


def test_two_ingests_of_the_same_files_at_once_both_succeed(tmp_path: Path) -> None:
    files = tmp_path / "in"
    files.mkdir()
    for n in range(60):
        (files / f"{n:03}.txt").write_text(
            f"Report {n}: fighting was reported near township number {n} in Sagaing Region in May 2024.",
            encoding="utf-8",
        )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    command = [MAWGUN, "ingest", str(files), "--db", url, "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0, (err + out)[-1500:]
        assert "IntegrityError" not in out + err
    reports = [json.loads(out) for _, out, _ in results]
    assert sum(r["read"] for r in reports) == 60
    assert all(r["read"] + r["skipped"] == 60 for r in reports)
    assert len(stored_documents(url)) == 60
