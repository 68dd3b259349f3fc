"""Fuzz ingestion at full size: generated good and corrupt files of every format, the hostile shapes
of issue 15 included, ingested file by file as `mawgun ingest` does (reader worker with its time and
memory limits, batched writes).

Reports: files, tracebacks (a reader bug reported as "unexpected error", or an exception escaping the
run), the slowest file and files over 30 s, peak memory (this process and the reader worker, VmHWM),
and good documents lost (a good file whose unique marker is not in any stored document). Targets
(issue 15): 0 tracebacks, 0 files over 30 s, peak < 500 MB, 0 good documents lost. The timed pass
reads file by file (so each file's time is its own); a second pass (skip it with --no-production)
ingests the same corpus into a fresh store through `ingest_paths`, the path of `mawgun ingest`
(files read ahead in chunks, a hung file's queue handed to a fresh worker), and reports its own
outcomes, tracebacks, lost documents and time. Run on demand:

    .venv/bin/python bench/fuzz_ingest.py --n 10000
    .venv/bin/python bench/fuzz_ingest.py --n 1000 --scale 0.2      # a quicker run
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from ingest.corrupt_inputs import generate  # noqa: E402

from mawgun.ingest import ingest_paths  # noqa: E402
from mawgun.ingest.isolate import ReaderPool  # noqa: E402
from mawgun.ingest.runner import BatchWriter, IngestEntry, collect_files, new_run_id, read_items  # noqa: E402
from mawgun.store.db import session_scope  # noqa: E402


def worker_peak_mb(pool: ReaderPool) -> float:
    """The reader worker's peak resident memory so far (VmHWM), in MB; 0 when unknown."""
    if pool.process is None or pool.process.pid is None:
        return 0.0
    try:
        with open(f"/proc/{pool.process.pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def ingest_timed(folder: Path, url: str) -> dict[str, object]:
    """Ingest every file of `folder` one by one; per-file times, outcomes and the worker's peak memory."""
    slowest, over_30, worker_peak = 0.0, 0, 0.0
    with session_scope(url) as session, ReaderPool() as pool:
        writer = BatchWriter(session, new_run_id())
        for candidate in collect_files([folder]):
            started = time.monotonic()
            items = list(read_items(candidate.path, pool))
            took = time.monotonic() - started
            slowest = max(slowest, took)
            over_30 += took > 30
            worker_peak = max(worker_peak, worker_peak_mb(pool))
            for item in items:
                writer.write(item)
        writer.commit()
        entries = writer.done
    return {"entries": entries, "slowest_s": slowest, "over_30_s": over_30, "worker_peak_mb": worker_peak}


def judge(entries: list[IngestEntry], url: str, made: list[Any]) -> dict[str, Any]:
    """Outcomes, reader bugs and good documents lost of one pass over the corpus."""
    from sqlalchemy import select

    from mawgun.store.schema import DocumentRow

    with session_scope(url) as session:
        texts = " ".join(session.scalars(select(DocumentRow.text)))
    bugs = [f"{e.path}: {e.reason}" for e in entries if (e.reason or "").startswith("unexpected error")]
    lost = [g.name for g in made if g.good and g.marker not in texts]
    statuses: dict[str, int] = {}
    for entry in entries:
        statuses[entry.status] = statuses.get(entry.status, 0) + 1
    return {"outcomes": statuses, "bugs": bugs, "lost": lost}


def production_pass(folder: Path, url: str, made: list[Any]) -> dict[str, Any]:
    """The corpus through `ingest_paths` (what `mawgun ingest` runs): outcomes, tracebacks, lost, time."""
    started = time.monotonic()
    escaped = 0
    try:
        entries = ingest_paths([folder], url, progress=False).entries
    except Exception:  # noqa: BLE001 - an exception escaping the ingest is a traceback the user would see
        traceback.print_exc()
        escaped, entries = 1, []
    judged = judge(entries, url, made)
    return {"outcomes": judged["outcomes"], "tracebacks": len(judged["bugs"]) + escaped,
            "good_documents_lost": len(judged["lost"]), "ingest_s": round(time.monotonic() - started, 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="files to generate")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the hostile shapes (1.0 = as in the issue)")
    parser.add_argument("--no-production", action="store_true", help="skip the pass through ingest_paths")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mawgun-fuzz-") as tmp:
        base = Path(tmp)
        started = time.monotonic()
        made = generate(base / "corpus", args.n, seed=args.seed, scale=args.scale)
        generated_s = time.monotonic() - started
        url = f"sqlite:///{base / 'fuzz.db'}"
        started = time.monotonic()
        escaped = 0
        try:
            result = ingest_timed(base / "corpus", url)
        except Exception:  # noqa: BLE001 - an exception escaping the ingest is a traceback the user would see
            traceback.print_exc()
            escaped, result = 1, {"entries": [], "slowest_s": 0.0, "over_30_s": 0, "worker_peak_mb": 0.0}
        ingest_s = time.monotonic() - started
        entries = result["entries"]
        assert isinstance(entries, list)
        judged = judge(entries, url, made)
        bugs, lost, statuses = judged["bugs"], judged["lost"], judged["outcomes"]
        production = (
            None if args.no_production else production_pass(base / "corpus", f"sqlite:///{base / 'p.db'}", made)
        )
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        summary = {
            "files": len(made),
            "good_files": sum(g.good for g in made),
            "hostile_files": sum("hostile" in g.name for g in made),
            "scale": args.scale,
            "outcomes": statuses,
            "tracebacks": len(bugs) + escaped,
            "slowest_file_s": round(float(result["slowest_s"]), 2),  # type: ignore[arg-type]
            "files_over_30_s": result["over_30_s"],
            "stopped_by_time_limit": sum("longer than" in (e.reason or "") for e in entries),
            "peak_memory_mb": {"ingest": round(own_peak), "reader_worker": round(float(result["worker_peak_mb"]))},  # type: ignore[arg-type]
            "good_documents_lost": len(lost),
            "generate_s": round(generated_s, 1),
            "ingest_s": round(ingest_s, 1),
            "production_pass": production,
        }
        print(json.dumps(summary, indent=2))
        for line in (bugs + lost)[:20]:
            print("  ", line)


if __name__ == "__main__":
    main()
