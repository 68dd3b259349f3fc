"""Ingestion and store speed: documents per second for text files and JSONL, and search latency.

Generates N synthetic reports (sentences recombined from a small set written for this benchmark),
ingests them as .txt files and as one .jsonl file into fresh SQLite databases (or the URL given
with --db), re-ingests the files (all skipped), then times full-text searches and a filtered
document listing. Run on demand:

    .venv/bin/python bench/ingest_speed.py --n 2000
    .venv/bin/python bench/ingest_speed.py --n 2000 --db postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import json
import random
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
    """A synthetic report of 8-20 sentences (about 1-2 kB), unique by its number."""
    picks = [
        rng.choice(SENTENCES).format(
            town=rng.choice(TOWNS),
            group=rng.choice(GROUPS),
            n=rng.randint(2, 60),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
        )
        for _ in range(rng.randint(8, 20))
    ]
    return f"Report {number}\n\n" + " ".join(picks)


def timed(label: str, func, count: int | None = None) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    rate = f"  ({count / elapsed:,.0f} docs/s)" if count else ""
    print(f"{label:<44} {elapsed * 1000:10.1f} ms{rate}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of documents")
    parser.add_argument("--db", default=None, help="database URL (default: fresh SQLite files in a temp folder)")
    args = parser.parse_args()

    from mawgun.ingest import ingest_paths
    from mawgun.store.db import session_scope
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
        url_txt = args.db or f"sqlite:///{tmp}/txt.db"
        url_jsonl = args.db or f"sqlite:///{tmp}/jsonl.db"
        print(f"{args.n} documents, {sum(map(len, reports)) / args.n:,.0f} chars on average; store {url_txt}")
        timed(f"ingest {args.n} .txt files", lambda: ingest_paths([folder], url_txt, progress=False), args.n)
        timed(
            f"re-ingest {args.n} .txt files (all skipped)",
            lambda: ingest_paths([folder], url_txt, progress=False),
            args.n,
        )
        timed(
            f"ingest 1 .jsonl file of {args.n} lines", lambda: ingest_paths([jsonl], url_jsonl, progress=False), args.n
        )
        with session_scope(url_txt) as session:
            for query in ("airstrike market", "Hpakant ambush", "monastery artillery Loikaw"):
                timed(f"search '{query}' (limit 100)", lambda q=query: list_documents(session, query=q))
            timed("list documents since 2024-04-01 (limit 100)", lambda: list_documents(session, since="2024-04-01"))


if __name__ == "__main__":
    main()
