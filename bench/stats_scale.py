"""Latency of the analytics queries the web dashboard makes, on 100,000 synthetic canonical events.

Run on demand (not a test):  .venv/bin/python bench/stats_scale.py [--events 100000] [--db URL]
A filled store as it is:     .venv/bin/python bench/stats_scale.py --db sqlite:////tmp/web-1m.db --keep [--cli-only]
Fills a fresh database (SQLite file by default; pass a PostgreSQL URL to measure that backend, which
should be an empty schema) with deterministic pseudo-random events over 2021-2024 (types, states,
townships, actors incl. alliance members), then times each query (median of 5 runs, in ms).
Target: each < 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (event type, sub-event type, weight): roughly the mix of a conflict like Myanmar's, where
# changes of control are a few percent of events.
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", 20),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 15),
    ("Battles", "Armed clash", 40),
    ("Battles", "Non-state actor overtakes territory", 3),
    ("Battles", "Government regains territory", 1),
    ("Violence against civilians", "Attack", 14),
    ("Strategic developments", "Arrests", 7),
]
STATES = ["Sagaing", "Magway", "Mandalay", "Shan", "Kayah", "Kayin", "Chin", "Kachin", "Rakhine", "Bago", "Yangon"]
RESISTANCE = ["PDF", "KIA", "KNLA", "KNDF", "AA", "TNLA", "MNDAA", "CDF", "LDF", "BPLA"]


def synthetic_rows(n: int, seed: int = 1027) -> list[dict[str, Any]]:
    """n canonical-event rows, the same for the same seed."""
    rng = random.Random(seed)
    start = dt.date(2021, 2, 1)
    rows = []
    for i in range(n):
        event_type, sub, _ = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        state = rng.choice(STATES)
        other = rng.sample(RESISTANCE, rng.choice([1, 1, 2]))
        mil_first = sub in ("Air/drone strike", "Shelling/artillery/missile attack", "Government regains territory")
        rows.append(
            {
                "id": f"ce-bench-{i:07d}",
                "event_type": event_type,
                "sub_event_type": sub,
                "date": start + dt.timedelta(days=rng.randrange(1400)),
                "admin1": state,
                "admin3": f"{state} township {rng.randrange(20)}",
                "location": f"{state} place {rng.randrange(300)}",
                "actor1": ["MIL"] if mil_first else other,
                "actor2": other if mil_first else ["MIL"],
                "fatalities_best": rng.choice([None, 0, 0, 1, 2, 3, 5, 8]),
                "origin": "mawgun",
            }
        )
    return rows


def fill(url: str, n: int) -> float:
    """Write n synthetic events; returns seconds."""
    from sqlalchemy import insert

    from mawgun.store.db import session_scope
    from mawgun.store.schema import CanonicalEventRow

    rows = synthetic_rows(n)
    begin = time.perf_counter()
    with session_scope(url) as session:
        for i in range(0, n, 5000):
            session.execute(insert(CanonicalEventRow), rows[i : i + 5000])
    return time.perf_counter() - begin


def queries() -> dict[str, Callable[[Any], Any]]:
    """The dashboard's questions, each a function of a session."""
    from mawgun import analytics as an

    year = an.EventFilter(since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31))
    return {
        "count by month": lambda s: an.count_events(s, ["month"], an.EventFilter()),
        "count by month,admin1 (2023)": lambda s: an.count_events(s, ["month", "admin1"], year),
        "count by week, air strikes": lambda s: an.count_events(
            s, ["week"], an.EventFilter(sub_event_types=["Air/drone strike"])
        ),
        "count by actor (2023)": lambda s: an.count_events(s, ["actor"], year),
        "count by side (2023)": lambda s: an.count_events(s, ["side"], year),
        "alliance 3BHA by month": lambda s: an.count_events(s, ["month"], an.EventFilter(alliance="3BHA")),
        "peak week": lambda s: an.peak_period(s, "week", an.EventFilter()),
        "compare around 2023-10-27": lambda s: an.compare_periods(s, dt.date(2023, 10, 27), 150, 150),
        "top townships": lambda s: an.top_places(s, an.EventFilter(), "admin3", 10),
        "actor pairs (2023)": lambda s: an.actor_pairs(s, year, 10),
        "territorial control 2024-03-31": lambda s: an.territorial_control(s, dt.date(2024, 3, 31)),
    }


def time_queries(url: str, runs: int = 5) -> None:
    """Print the median and max wall ms of each query, and its median CPU ms (less sensitive to load)."""
    from mawgun.store.db import session_scope

    with session_scope(url) as session:
        for name, query in queries().items():
            query(session)  # warm caches (registry, statement compilation)
            times, cpu = [], []
            for _ in range(runs):
                begin, begin_cpu = time.perf_counter(), time.process_time()
                query(session)
                times.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.process_time() - begin_cpu) * 1000)
            print(
                f"{name:34s} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms"
                f"   cpu {statistics.median(cpu):7.1f} ms"
            )


def time_cli(url: str, runs: int = 5, bytecode: bool = False) -> None:
    """Wall and CPU time of the whole command `mawgun stats --by month,admin1 --format json` (a new
    process each run: start-up, schema check, the count, JSON out); issue 18's bar is 0.5 s at 1M events.

    Two ways: "full", each run with an empty MAWGUN_HOME (SQLAlchemy and the query layer count, and
    keep the statement), and "repeated", runs after the first (the kept statement replayed with the
    driver alone, `mawgun.cli.count_replay`).

    Python compiles every module it has no bytecode for at each start: with PYTHONDONTWRITEBYTECODE
    set and an editable checkout without `__pycache__` (as in this project's sessions), Mawgun's own
    modules are compiled from source on every run (about 190M instructions, 0.04 s, issue 18), which an
    installed package (pip writes bytecode) never pays. `bytecode` measures as installed: bytecode
    written once into a folder of its own (PYTHONPYCACHEPREFIX, an untimed run first)."""
    program = str(Path(sys.executable).parent / "mawgun")  # the installed command, as a user runs it
    command = [program, "stats", "--by", "month,admin1", "--format", "json", "--db", url]
    with tempfile.TemporaryDirectory() as home:
        base = dict(os.environ)
        if bytecode:
            base.pop("PYTHONDONTWRITEBYTECODE", None)
            base["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
            warm = {**base, "MAWGUN_HOME": str(Path(home) / "warm")}
            subprocess.run(command, capture_output=True, env=warm, check=True)  # writes the bytecode
        compiled = "bytecode" if "PYTHONDONTWRITEBYTECODE" not in base else "compiled from source where no bytecode"
        for label, fresh in (("full", True), ("repeated", False)):
            times, cpu, rows = [], [], 0
            for run in range(runs):
                env = {**base, "MAWGUN_HOME": str(Path(home) / (f"{label}{run}" if fresh else label))}
                if not fresh and run == 0:
                    subprocess.run(command, capture_output=True, env=env, check=True)  # keeps the statement
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                begin = time.perf_counter()
                done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
                times.append(time.perf_counter() - begin)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                rows = len(json.loads(done.stdout))
            load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
            print(f"mawgun stats --by month,admin1 --format json, {label}: {rows} rows; wall s "
                  f"{', '.join(f'{t:.2f}' for t in times)} (min {min(times):.2f}); CPU s "
                  f"{', '.join(f'{c:.2f}' for c in cpu)}; load average {load}; {compiled}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--keep", action="store_true", help="time the store at --db as it is (e.g. bench/web_api.py's)")
    parser.add_argument("--cli-only", action="store_true", help="time only the `mawgun stats` command")
    parser.add_argument("--bytecode", action="store_true", help="as installed: bytecode kept (time_cli)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'scale.db'}"
        if not args.keep:
            print(f"filled {args.events} events in {fill(url, args.events):.1f} s ({url.split(':')[0]})")
            refresh(url)
        if not args.cli_only:
            time_queries(url)
        time_cli(url, bytecode=args.bytecode)


def refresh(url: str) -> None:
    """Recount the months the fill marked, as a writing command does at its end."""
    from mawgun.store.db import session_scope
    from mawgun.store.rollup import refresh_rollups

    begin = time.perf_counter()
    with session_scope(url) as session:
        refresh_rollups(session)
    print(f"event rollup refreshed in {time.perf_counter() - begin:.1f} s")


if __name__ == "__main__":
    main()
