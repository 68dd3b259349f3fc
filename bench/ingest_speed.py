"""Ingestion and store speed: documents per second for text files and JSONL, and search latency.

Generates N synthetic reports of about 2 kB (sentences recombined from a small set written for this
benchmark), ingests them as .txt files and as one .jsonl file into fresh SQLite databases (or the URL given
with --db), re-ingests the files (all skipped), then times full-text searches and a filtered
document listing. Each step prints its wall time and documents per second, and the CPU seconds it
took in this process (its threads included: the background writer) and its reader worker (on a
shared, loaded machine wall time mostly measures the wait for a core; documents per CPU second is
what a free core would do). The store is created and migrated before the timed steps, on SQLite as
on PostgreSQL (its own line: a one-off cost, about 0.2 s). The timed ingest includes everything else
`ingest_paths` does: walking the folder, starting the reader worker, reading, writing, committing.
Run on demand:

    .venv/bin/python bench/ingest_speed.py --n 5000
    .venv/bin/python bench/ingest_speed.py --n 5000 --db postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Junta troops shelled villages in {town} Township on {day} {month} 2024, residents said.",
    "The {group} said it captured an outpost near {town} after two days of fighting.",
    "At least {n} civilians were killed when an airstrike hit a market in {town}.",
    "Thousands of people fled {town} toward the border as clashes spread.",
    "Local defence forces reported {n} soldiers killed in an ambush on the road to {town}.",
    "A monastery sheltering displaced families in {town} was damaged by artillery fire.",
]
TOWNS = ["Kanbalu", "Mindat", "Hpakant", "Loikaw", "Kyauktaw", "Laukkai", "Myawaddy", "Falam", "Demoso", "Kawlin"]
GROUPS = ["Kachin Independence Army", "Arakan Army", "Karenni Army", "Chin National Army", "local PDF"]
MONTHS = ["January", "February", "March", "April", "May", "June"]


def make_report(rng: random.Random, number: int) -> str:
    """A synthetic report of 16-36 sentences (about 2 kB), unique by its number."""
    picks = [
        rng.choice(SENTENCES).format(
            town=rng.choice(TOWNS),
            group=rng.choice(GROUPS),
            n=rng.randint(2, 60),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
        )
        for _ in range(rng.randint(16, 36))
    ]
    return f"Report {number}\n\n" + " ".join(picks)


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children (the reader worker)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


SERVER_APP = "mawgun-ingest-bench"


def server_cpu_seconds(url: str | None) -> float | None:
    """CPU seconds of the PostgreSQL backends serving this bench (found by application_name in
    pg_stat_activity, read from /proc: a local server only); None for SQLite or when unreadable."""
    if not url or not url.startswith("postgresql"):
        return None
    from sqlalchemy import text

    from mawgun.store.db import get_engine

    with get_engine(url).connect() as connection:
        query = text("SELECT pid FROM pg_stat_activity WHERE application_name = :app")
        pids = [row[0] for row in connection.execute(query, {"app": SERVER_APP})]
    total = 0.0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return total


def timed(label: str, func, count: int | None = None, url: str | None = None) -> float:  # type: ignore[no-untyped-def]
    """Run `func`, print its wall time; with `count`, also docs/s and the CPU seconds of both processes.

    The processes work at once (the worker reads ahead while this process writes), so on free cores the
    wall time would be about the larger of the largest CPU time and the total CPU time over the cores:
    "docs/s on free cores" is `count` over that, an estimate, not a measurement.
    """
    start, (own0, kids0), server0 = time.perf_counter(), cpu_seconds(), server_cpu_seconds(url)
    func()
    elapsed, (own1, kids1), server1 = time.perf_counter() - start, cpu_seconds(), server_cpu_seconds(url)
    own, kids = own1 - own0, kids1 - kids0
    rate = ""
    if count:
        server = server1 - (server0 or 0) if server1 is not None else 0.0
        shown = f" + PostgreSQL {server:.2f} s" if server1 is not None else ""
        free = max(own, kids, server, (own + kids + server) / (os.cpu_count() or 1))
        rate = (f"  ({count / elapsed:,.0f} docs/s; CPU {own:.2f} s + worker {kids:.2f} s{shown}: "
                f"~{count / free:,.0f} docs/s on free cores)")  # fmt: skip
    print(f"{label:<44} {elapsed * 1000:10.1f} ms{rate}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="number of documents")
    parser.add_argument("--db", default=None, help="database URL (default: fresh SQLite files in a temp folder)")
    args = parser.parse_args()

    from mawgun.ingest import ingest_paths
    from mawgun.store.db import ensure_schema, session_scope
    from mawgun.store.repository import list_documents

    rng = random.Random(1027)
    reports = [make_report(rng, i) for i in range(args.n)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, text in enumerate(reports):
            (folder / f"r{i:06d}.txt").write_text(f"outlet: Bench Wire\ndate: 2024-0{i % 6 + 1}-15\n\n{text}")
        jsonl = Path(tmp) / "reports.jsonl"
        with jsonl.open("w") as handle:
            for text in reports:
                handle.write(
                    json.dumps({"text": text + " (jsonl)", "published": "2024-03-01", "outlet": "Feed"}) + "\n"
                )
        db = args.db
        if db and db.startswith("postgresql"):  # name the bench's connections, to read their CPU time
            db += ("&" if "?" in db else "?") + f"application_name={SERVER_APP}"
        url_txt = db or f"sqlite:///{tmp}/txt.db"
        url_jsonl = db or f"sqlite:///{tmp}/jsonl.db"
        print(f"{args.n} documents, {sum(map(len, reports)) / args.n:,.0f} chars on average; store {url_txt}")
        print("load average (1, 5, 15 min): " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
        for url in dict.fromkeys([url_txt, url_jsonl]):  # creating the store is not part of the timed ingest
            timed("create and migrate the store", lambda u=url: ensure_schema(u))
        timed(f"ingest {args.n} .txt files", lambda: ingest_paths([folder], url_txt, progress=False), args.n, db)
        timed(
            f"re-ingest {args.n} .txt files (all skipped)",
            lambda: ingest_paths([folder], url_txt, progress=False),
            args.n,
            db,
        )
        timed(
            f"ingest 1 .jsonl file of {args.n} lines",
            lambda: ingest_paths([jsonl], url_jsonl, progress=False),
            args.n,
            db,
        )
        with session_scope(url_txt) as session:
            for query in ("airstrike market", "Hpakant ambush", "monastery artillery Loikaw"):
                timed(f"search '{query}' (limit 100)", lambda q=query: list_documents(session, query=q))
            timed("list documents since 2024-04-01 (limit 100)", lambda: list_documents(session, since="2024-04-01"))


if __name__ == "__main__":
    main()
