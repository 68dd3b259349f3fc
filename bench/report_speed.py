"""Time of a monthly report and of full exports, on 100,000 synthetic canonical events.

Run on demand (not a test):  .venv/bin/python bench/report_speed.py [--events 100000] [--db URL]
Fills a fresh SQLite file (or the given empty database) with the deterministic events of
bench/stats_scale.py, then times: building + rendering the monthly report for 2023-11 (Markdown and
HTML, median of 3), and exporting every event as ACLED CSV and as GeoJSON (events per second).
The synthetic events have no documents, so sources/evidence lookups find nothing; real stores add
one evidence query per batch of 500 events.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from stats_scale import fill  # noqa: E402


def time_report(url: str, out: Path, runs: int = 3) -> tuple[float, int]:
    """Median seconds to build and write the 2023-11 report, and the HTML size."""
    from mawgun.report.build import build_report
    from mawgun.report.periods import parse_month
    from mawgun.report.render import write_report
    from mawgun.store.db import session_scope

    period = parse_month("2023-11")
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        with session_scope(url) as session:
            data = build_report(session, period)
        paths = write_report(data, period, out)
        times.append(time.perf_counter() - begin)
    return statistics.median(times), paths[-1].stat().st_size


def time_export(url: str, fmt: str, out: Path) -> tuple[int, float]:
    """Rows written and seconds for one full export."""
    from mawgun.report.export import export_events
    from mawgun.store.db import session_scope

    begin = time.perf_counter()
    with session_scope(url) as session:
        count = export_events(session, fmt, out)
    return count, time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'scale.db'}"
        print(f"filled {args.events} events in {fill(url, args.events):.1f} s")
        seconds, size = time_report(url, Path(tmp) / "reports")
        print(f"monthly report 2023-11 (md + html): {seconds * 1000:.0f} ms median, html {size / 1024:.0f} KiB")
        for fmt in ("acled-csv", "geojson"):
            count, secs = time_export(url, fmt, Path(tmp) / f"events.{fmt}")
            print(f"export {fmt}: {count} events in {secs:.1f} s ({count / secs:,.0f} events/s)")


if __name__ == "__main__":
    main()
