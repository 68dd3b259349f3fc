"""Wall time of `mawgun stats --by month,admin1 --since 2023-01-01 --until 2023-12-31 --format json`
after importing UCDP GED (../shared/bench/ucdp/ged-myanmar.csv) into a fresh SQLite file.

Run on demand (not a test):  .venv/bin/python bench/stats_ucdp.py [--runs 5] [--db URL]
Prints the import time and the median/min/max wall time of the command (a new process each run,
so Python start-up and imports are included, as a user experiences them). Target: < 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GED = Path(os.environ.get("MAWGUN_SHARED", REPO.parent / "shared")) / "bench" / "ucdp" / "ged-myanmar.csv"
COMMAND = ["stats", "--by", "month,admin1", "--since", "2023-01-01", "--until", "2023-12-31", "--format", "json"]


def import_ged(url: str) -> float:
    """Import the GED slice; returns seconds taken."""
    from mawgun.ingest.coded import import_ucdp
    from mawgun.store.db import session_scope

    start = time.perf_counter()
    with session_scope(url) as session:
        report = import_ucdp(session, GED)
    print(f"imported {report.imported} of {report.read} rows ({len(report.problems)} rejected)")
    return time.perf_counter() - start


def time_command(url: str, runs: int) -> list[float]:
    """Wall seconds of each run of the command in a new process."""
    mawgun = Path(sys.executable).parent / "mawgun"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([str(mawgun), *COMMAND, "--db", url], capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
    rows = json.loads(done.stdout)
    print(f"command printed {len(rows)} rows")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file in a temporary folder)")
    args = parser.parse_args()
    if not GED.is_file():
        sys.exit(f"{GED} not found: this benchmark needs ../shared")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        print(f"import: {import_ged(url):.2f} s")
        times = time_command(url, args.runs)
    print(
        f"mawgun {' '.join(COMMAND)}: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
