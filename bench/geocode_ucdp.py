"""Benchmark the geocoder on UCDP GED's 4,482 Myanmar place descriptions (accuracy and speed).

    .venv/bin/python bench/geocode_ucdp.py [--shared ../shared] [--out preds.jsonl] [--json] [--no-context]

Geocodes every case of ../shared/bench/ucdp/geocode-cases.jsonl with `geocode_description` (the case's
source headline as context, unless --no-context), times it
(one process, one core; gazetteer loading timed separately), writes the predictions and scores them
with ../shared/bench/score_geo.py. Exits 0 with a note when ../shared is absent (fresh clone).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def find_shared(given: Path | None) -> Path | None:
    """The shared folder: --shared, $MAWGUN_SHARED or ../shared beside the checkout; None when absent."""
    candidate = given or Path(os.environ.get("MAWGUN_SHARED", REPO.parent / "shared"))
    return candidate if (candidate / "bench" / "ucdp" / "geocode-cases.jsonl").is_file() else None


def case_context(case: dict[str, Any]) -> str:
    """Text around a description that may name its township or state: a `context` field, else the headline."""
    return str(case.get("context") or case.get("headline") or "")


def predict(cases: list[dict[str, Any]], use_context: bool = True) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Predictions for every case, and wall-clock and CPU seconds for loading and for geocoding."""
    from mawgun.geo import get_geocoder

    started, started_cpu = time.perf_counter(), time.process_time()
    geocoder = get_geocoder()
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    preds = []
    for case in cases:
        place = geocoder.geocode_description(case["text"], context=case_context(case) if use_context else "")
        row = {"id": case["id"]}
        if place is not None:
            row.update({k: getattr(place, k) for k in ("admin1", "admin2", "admin3", "latitude", "longitude")})
            row.update({"location": place.location, "pcode": place.pcode, "geo_precision": place.geo_precision})
        preds.append(row)
    timings = {
        "load_s": loaded - started,
        "load_cpu_s": loaded_cpu - started_cpu,
        "geocode_s": time.perf_counter() - loaded,
        "geocode_cpu_s": time.process_time() - loaded_cpu,
    }
    return preds, timings


def score(shared: Path, pred_path: Path) -> dict[str, Any]:
    """Run the shared scorer and return its JSON report."""
    cases = shared / "bench" / "ucdp" / "geocode-cases.jsonl"
    scorer = shared / "bench" / "score_geo.py"
    out = subprocess.run(
        [sys.executable, str(scorer), str(cases), str(pred_path), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def run_benchmark(shared: Path, out: Path | None = None, use_context: bool = True) -> dict[str, Any]:
    """Geocode, time and score; returns the score report with timings added."""
    path = shared / "bench" / "ucdp" / "geocode-cases.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds, timings = predict(cases, use_context)
    target = out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    target.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    report = score(shared, target)
    report.update({key: round(value, 2) for key, value in timings.items()})
    if out is None:
        target.unlink()
    return report


def main() -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="also keep the predictions here")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-context", action="store_true", help="geocode the description alone, without its headline")
    args = parser.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        print("skipped: ../shared/bench/ucdp is absent")
        return 0
    report = run_benchmark(shared, args.out, use_context=not args.no_context)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:16s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
