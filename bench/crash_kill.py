"""Crash test: kill -9 `mawgun ingest`, `mawgun extract`, `mawgun db upgrade` and `mawgun watch` at
random moments, run the command again, and compare the store with a clean run.

Each trial copies a prepared store, starts the command as a separate process, kills it (SIGKILL)
after a random delay drawn over the command's clean running time, then runs the command again to
completion. The store must open (no "unusable store"), and hold exactly the rows of a clean run:
the same document ids, event ids, canonical-event and evidence counts (no row lost, none twice).
Migration trials upgrade a store at revision 0001 holding 20,000 events. Watch trials poll the test
site of tests/sources (a real HTTP server on 127.0.0.1: a feed, a sitemap, a page, failing and slow
answers) with `mawgun watch --once`, which fetches, ingests, extracts and deduplicates; the rerun must
also read no document twice (the ingest log holds one read per document). Run on demand:

    .venv/bin/python bench/crash_kill.py --trials 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from sources.testsite import Site, running_site  # noqa: E402

MAWGUN = str(Path(sys.executable).parent / "mawgun")
PHASES = ("ingest", "extract", "migration", "watch")
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


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MAWGUN, *args], capture_output=True, text=True, timeout=600, env=env)


def rows(db: Path) -> dict[str, object]:
    """What a clean and a killed-then-rerun store are compared on."""
    with sqlite3.connect(db) as connection:
        one = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": sorted(r[0] for r in connection.execute("SELECT id FROM documents")),
            "origins": dict(connection.execute("SELECT id, origin FROM documents").fetchall()),
            "events": sorted(r[0] for r in connection.execute("SELECT id FROM events")),
            "canonical_events": one("SELECT count(*) FROM canonical_events"),
            "evidence": one("SELECT count(*) FROM evidence"),
            "unprocessed": one("SELECT count(*) FROM documents WHERE processed_at IS NULL"),
            "documents_read_twice": one(
                "SELECT count(*) FROM (SELECT document_id FROM ingest_log WHERE status = 'read' "
                "AND document_id IS NOT NULL GROUP BY document_id HAVING count(*) > 1)"
            ),
        }


def prepare(base: Path, n_docs: int, rng: random.Random, phases: list[str]) -> dict[str, object]:
    """Template stores (empty, ingested, at revision 0001 with events), the clean result and timings;
    the 20,000-event store only when migration is among the phases."""
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
    times = {"ingest": t_ingest, "extract": t_extract}
    old = base / "old.db"
    if "migration" in phases:
        make_old_store(old, 20_000)
        probe = base / "probe.db"
        shutil.copy(old, probe)
        started = time.monotonic()
        assert run("db", "upgrade", "--db", f"sqlite:///{probe}").returncode == 0
        times["migration"] = time.monotonic() - started
    return {"corpus": corpus, "empty": empty, "ingested": ingested, "clean": rows(clean), "old": old,
            "old_events": 20_000, "times": times}  # fmt: skip


def prepare_watch(base: Path, site_url: str, prepared: dict[str, object]) -> None:
    """A store with the test site's sources, the result of one clean `watch --once` and its time."""
    from sources.test_watch import add_site_sources

    template = base / "watch.db"
    assert run("db", "upgrade", "--db", f"sqlite:///{template}").returncode == 0
    add_site_sources(f"sqlite:///{template}", Site(site_url))
    watch = base / "watch-template.db"
    copy_store(template, watch)  # with the sources this process wrote (still in its write-ahead log)
    clean = base / "watch-clean.db"
    copy_store(template, clean)
    started = time.monotonic()
    done = run("watch", "--once", "--db", f"sqlite:///{clean}", env=watch_env(base))
    assert done.returncode == 0, done.stderr
    prepared["times"]["watch"] = time.monotonic() - started  # type: ignore[index]
    prepared["watch"], prepared["watch_clean"] = watch, rows(clean)
    assert prepared["watch_clean"]["documents"], "the clean watch round stored nothing"  # type: ignore[index]


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store, its write-ahead log included (SQLite's backup API)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def watch_env(base: Path) -> dict[str, str]:
    """Fetch timeouts with room for a loaded machine (2 s; the site's /timeout answers after 5 s, see
    `prepare_site`) and a private home."""
    from sources.conftest import CRASH_FETCH

    return {**os.environ, **CRASH_FETCH, "MAWGUN_HOME": str(base / "home")}


def prepare_site(site: Site) -> None:
    """The test site's timeout route sleeps past the crash tests' fetch timeout."""
    from sources.conftest import CRASH_SITE_TIMEOUT_S

    site.state["timeout_s"] = CRASH_SITE_TIMEOUT_S


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


def kill_at_random(args: list[str], delay: float, env: dict[str, str] | None = None) -> None:
    process = subprocess.Popen([MAWGUN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(delay)
    process.kill()
    process.wait()


def trial(phase: str, prepared: dict[str, object], work: Path, rng: random.Random) -> dict[str, object]:
    """One kill and rerun; what went wrong (empty when nothing did)."""
    times = prepared["times"]
    assert isinstance(times, dict)
    delay = rng.uniform(0.0, times[phase] * 1.1)
    template = {"ingest": prepared["empty"], "extract": prepared["ingested"], "migration": prepared["old"],
                "watch": prepared.get("watch")}[phase]  # fmt: skip
    db = work / "trial.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)  # type: ignore[arg-type]
    url = f"sqlite:///{db}"
    command = {
        "ingest": ["ingest", str(prepared["corpus"]), "--db", url, "--quiet"],
        "extract": ["extract", "--db", url, "--quiet"],
        "migration": ["db", "upgrade", "--db", url],
        "watch": ["watch", "--once", "--db", url],
    }[phase]
    env = watch_env(work) if phase == "watch" else None
    kill_at_random(command, delay, env)
    rerun = run(*command, env=env)
    problems: list[str] = []
    if rerun.returncode != 0:
        problems.append(f"rerun failed ({rerun.returncode}): {rerun.stderr.strip()[-300:]}")
        return {"phase": phase, "delay": round(delay, 2), "problems": problems}
    got = rows(db)
    clean = prepared["watch_clean" if phase == "watch" else "clean"]
    assert isinstance(clean, dict)
    if phase == "migration":
        with sqlite3.connect(db) as connection:
            count = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        if count != prepared["old_events"]:
            problems.append(f"events {count} != {prepared['old_events']}")
    else:
        keys = ["documents"] if phase == "ingest" else ["documents", "events", "canonical_events", "evidence"]
        keys += ["unprocessed", "documents_read_twice"] if phase in ("extract", "watch") else []
        problems += [f"{key} differ from the clean run" for key in keys if got[key] != clean[key]]
        if got["documents"] != clean["documents"]:
            problems.append(explain_documents(db, got, clean))
    return {"phase": phase, "delay": round(delay, 2), "problems": problems}


def explain_documents(db: Path, got: dict[str, object], clean: dict[str, object]) -> str:
    """Which documents differ (by origin), with what the store recorded for each missing one's URL."""
    ours, theirs = got["origins"], clean["origins"]
    assert isinstance(ours, dict) and isinstance(theirs, dict)
    missing = sorted(theirs[i] for i in set(theirs) - set(ours))
    extra = sorted(ours[i] for i in set(ours) - set(theirs))
    with sqlite3.connect(db) as connection:
        why = {url: connection.execute("SELECT status, attempts, reason FROM source_items WHERE url = ?",
                                       (url,)).fetchall() for url in missing}  # fmt: skip
    return f"missing {why}, extra {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--docs", type=int, default=300, help="documents in the ingest/extract corpus")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--phases", default=",".join(PHASES), help="comma-separated, of " + ", ".join(PHASES))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    phases = args.phases.split(",")
    with tempfile.TemporaryDirectory(prefix="mawgun-crash-") as tmp, running_site() as site:
        base = Path(tmp)
        prepare_site(site)
        prepared = prepare(base, args.docs, rng, phases)
        if "watch" in phases:
            prepare_watch(base, site.url(""), prepared)
        results = [trial(phases[i % len(phases)], prepared, base, rng) for i in range(args.trials)]
    failed = [r for r in results if r["problems"]]
    summary = {
        "trials": len(results),
        "by_phase": {p: sum(r["phase"] == p for r in results) for p in phases},
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
