"""Crash test: kill -9 `mawgun ingest`, `mawgun extract` and `mawgun db upgrade` at random moments,
run the command again, and compare the store with a clean run.

Each trial copies a prepared store, starts the command as a separate process, kills it (SIGKILL)
after a random delay drawn over the command's clean running time, then runs the command again to
completion. The store must open (no "unusable store"), and hold exactly the rows of a clean run:
the same document ids, event ids, canonical-event and evidence counts (no row lost, none twice).
Migration trials upgrade a store at revision 0001 holding 20,000 events. Run on demand:

    .venv/bin/python bench/crash_kill.py --trials 100
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAWGUN = str(Path(sys.executable).parent / "mawgun")
TOWNS = ["Kanbalu", "Mindat", "Hpakant", "Loikaw", "Kyauktaw", "Laukkai", "Myawaddy", "Falam", "Demoso", "Kawlin"]
REGIONS = ["Sagaing Region", "Chin State", "Kachin State", "Kayah State", "Rakhine State", "Shan State"]


def write_corpus(folder: Path, n: int, rng: random.Random) -> None:
    """`n` short reports written for this benchmark, each about an event extraction can code."""
    folder.mkdir(parents=True)
    for i in range(n):
        town, region = rng.choice(TOWNS), rng.choice(REGIONS)
        day = 1 + i % 28
        text = (
            f"title: Report {i}\ndate: 2024-03-{day:02}\noutlet: Test Wire\n\n"
            f"Junta troops shelled villages in {town} Township, {region}, on {day} March 2024, killing "
            f"{2 + i % 7} civilians, residents said (report {i}). Hundreds of people fled the area."
        )
        (folder / f"report-{i:04}.txt").write_text(text, encoding="utf-8")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MAWGUN, *args], capture_output=True, text=True, timeout=600)


def rows(db: Path) -> dict[str, object]:
    """What a clean and a killed-then-rerun store are compared on."""
    with sqlite3.connect(db) as connection:
        one = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": sorted(r[0] for r in connection.execute("SELECT id FROM documents")),
            "events": sorted(r[0] for r in connection.execute("SELECT id FROM events")),
            "canonical_events": one("SELECT count(*) FROM canonical_events"),
            "evidence": one("SELECT count(*) FROM evidence"),
            "unprocessed": one("SELECT count(*) FROM documents WHERE processed_at IS NULL"),
        }


def prepare(base: Path, n_docs: int, rng: random.Random) -> dict[str, object]:
    """Template stores (empty, ingested, at revision 0001 with events), the clean result and timings."""
    corpus = base / "corpus"
    write_corpus(corpus, n_docs, rng)
    empty = base / "empty.db"
    assert run("db", "upgrade", "--db", f"sqlite:///{empty}").returncode == 0
    ingested = base / "ingested.db"
    shutil.copy(empty, ingested)
    started = time.monotonic()
    assert run("ingest", str(corpus), "--db", f"sqlite:///{ingested}", "--quiet").returncode == 0
    t_ingest = time.monotonic() - started
    clean = base / "clean.db"
    shutil.copy(ingested, clean)
    started = time.monotonic()
    done = run("extract", "--db", f"sqlite:///{clean}", "--quiet")
    assert done.returncode == 0, done.stderr
    t_extract = time.monotonic() - started
    old = base / "old.db"
    make_old_store(old, 20_000)
    probe = base / "probe.db"
    shutil.copy(old, probe)
    started = time.monotonic()
    assert run("db", "upgrade", "--db", f"sqlite:///{probe}").returncode == 0
    t_migrate = time.monotonic() - started
    times = {"ingest": t_ingest, "extract": t_extract, "migration": t_migrate}
    return {"corpus": corpus, "empty": empty, "ingested": ingested, "clean": rows(clean), "old": old,
            "old_events": 20_000, "times": times}  # fmt: skip


def make_old_store(path: Path, n_events: int) -> None:
    """A store at revision 0001 (before the list indexes of 0002) holding `n_events` imported events."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from mawgun.store.db import MIGRATIONS_DIR, get_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = get_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    canonical = (
        "INSERT INTO canonical_events (id, event_type, date, actor1, actor2, tags, origin, n_reports, n_sources, "
        "n_outlets, explanation, updated_at) VALUES (:id, 'Battles', :date, '[]', '[]', '[]', 'bench', 1, 1, 1, "
        "'{}', '2024-01-01')"
    )
    report = (
        "INSERT INTO events (id, event_type, date, tags, origin, extra, created_at) "
        "VALUES (:id, 'Battles', :date, '[]', 'bench', '{}', '2024-01-01')"
    )
    with engine.begin() as connection:
        for sql, prefix in ((canonical, "ce"), (report, "ev")):
            params = [{"id": f"{prefix}-{i}", "date": f"2024-{1 + i % 12:02}-{1 + i % 28:02}"}
                      for i in range(n_events)]  # fmt: skip
            connection.execute(text(sql), params)
    engine.dispose()


def kill_at_random(args: list[str], delay: float) -> None:
    process = subprocess.Popen([MAWGUN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.kill()
    process.wait()


def trial(phase: str, prepared: dict[str, object], work: Path, rng: random.Random) -> dict[str, object]:
    """One kill and rerun; what went wrong (empty when nothing did)."""
    times = prepared["times"]
    assert isinstance(times, dict)
    delay = rng.uniform(0.0, times[phase] * 1.1)
    template = {"ingest": prepared["empty"], "extract": prepared["ingested"], "migration": prepared["old"]}[phase]
    db = work / "trial.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)  # type: ignore[arg-type]
    url = f"sqlite:///{db}"
    command = {
        "ingest": ["ingest", str(prepared["corpus"]), "--db", url, "--quiet"],
        "extract": ["extract", "--db", url, "--quiet"],
        "migration": ["db", "upgrade", "--db", url],
    }[phase]
    kill_at_random(command, delay)
    rerun = run(*command)
    problems: list[str] = []
    if rerun.returncode != 0:
        problems.append(f"rerun failed ({rerun.returncode}): {rerun.stderr.strip()[-300:]}")
        return {"phase": phase, "delay": round(delay, 2), "problems": problems}
    got = rows(db)
    clean = prepared["clean"]
    assert isinstance(clean, dict)
    if phase == "migration":
        with sqlite3.connect(db) as connection:
            count = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        if count != prepared["old_events"]:
            problems.append(f"events {count} != {prepared['old_events']}")
    else:
        keys = (
            ["documents"]
            if phase == "ingest"
            else ["documents", "events", "canonical_events", "evidence", "unprocessed"]
        )
        problems += [f"{key} differ from the clean run" for key in keys if got[key] != clean[key]]
    return {"phase": phase, "delay": round(delay, 2), "problems": problems}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--docs", type=int, default=300, help="documents in the ingest/extract corpus")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="mawgun-crash-") as tmp:
        base = Path(tmp)
        prepared = prepare(base, args.docs, rng)
        results = [trial(("ingest", "extract", "migration")[i % 3], prepared, base, rng) for i in range(args.trials)]
    failed = [r for r in results if r["problems"]]
    summary = {
        "trials": len(results),
        "by_phase": {p: sum(r["phase"] == p for r in results) for p in ("ingest", "extract", "migration")},
        "clean_run_s": {k: round(v, 2) for k, v in prepared["times"].items()},  # type: ignore[union-attr]
        "unusable_stores": sum(any("rerun failed" in p for p in r["problems"]) for r in results),  # type: ignore[union-attr]
        "trials_with_lost_or_duplicated_rows": sum(
            any("rerun failed" not in p for p in r["problems"])
            for r in results  # type: ignore[union-attr]
        ),
    }
    print(json.dumps(summary, indent=2))
    for result in failed[:10]:
        print("  ", json.dumps(result))


if __name__ == "__main__":
    main()
