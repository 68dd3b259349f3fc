"""Extraction on a Dask LocalCluster: 1 worker against 2 (the scaling issue 18 asks >= 0.8 of linear).

    .venv/bin/python bench/extract_dask.py [--articles 5000] [--workers 2]

Generates articles as bench/extract_parallel.py does (bench/extract_speed.py's templates), starts a
`LocalCluster` of single-threaded worker processes, has every worker load the extraction tables once
(not timed: a cluster is started once and serves many runs), then times `extract_many(documents,
"rules", scheduler_address)`, the path `mawgun extract --dask` takes, for 1 worker and for N. Prints wall
seconds, articles/s, the speed-up, its share of linear, whether both gave the same records as `--jobs 1`
on the first 200 articles, and the load average (on a shared machine other work takes the cores).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract_speed import make_article  # noqa: E402


def articles(count: int, seed: int = 7) -> list:  # type: ignore[type-arg]
    rng = random.Random(seed)
    return [make_article(rng, number) for number in range(count)]


def warm(_: int) -> int:
    """Load the gazetteer, registry and vocabularies in a worker (run once per worker before timing)."""
    from mawgun.extract.parallel import warm_up

    warm_up("rules")
    return os.getpid()


def timed_run(documents: list, workers: int) -> tuple[float, list]:  # type: ignore[type-arg]
    """Seconds to extract `documents` on a fresh LocalCluster of `workers` processes, and the outcomes."""
    from dask.distributed import Client, LocalCluster

    from mawgun.extract.parallel import extract_many

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.run(warm, 0)
        started = time.perf_counter()
        outcomes = [(o.document.doc_id, [r.to_json() for r in o.records], o.error)
                    for o in extract_many(documents, "rules", cluster.scheduler_address)]  # fmt: skip
        return time.perf_counter() - started, outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from mawgun.extract.parallel import extract_many

    documents = articles(args.articles)
    load_before = os.getloadavg()
    one_s, one = timed_run(documents, 1)
    many_s, many = timed_run(documents, args.workers)
    reference = [(o.document.doc_id, [r.to_json() for r in o.records], o.error)
                 for o in extract_many(documents[:200], "rules", 1)]  # fmt: skip
    speedup = one_s / many_s
    print(json.dumps({
        "articles": args.articles,
        "one_worker": {"seconds": round(one_s, 1), "articles_per_s": round(args.articles / one_s, 1)},
        f"{args.workers}_workers": {"seconds": round(many_s, 1), "articles_per_s": round(args.articles / many_s, 1)},
        "speedup": round(speedup, 2),
        "share_of_linear": round(speedup / args.workers, 2),
        "same_records_as_each_other": one == many,
        "same_records_as_jobs_1_first_200": one[:200] == reference,
        "load_average_before": [round(v, 2) for v in load_before],
        "load_average_after": [round(v, 2) for v in os.getloadavg()],
        "cores": os.cpu_count(),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
