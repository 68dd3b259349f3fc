"""Schemathesis over the whole HTTP API at full size: every check (`--checks all`) and every phase
(examples, coverage, fuzzing, stateful) against `mawgun serve` over real HTTP, on the web tests'
store with watched sources. Target (issue 15): 0 failures. tests/web/test_schemathesis_cli.py runs
the same at 5 examples per operation in CI. Run on demand:

    .venv/bin/python bench/schemathesis_api.py --examples 100
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from web.schemathesis_run import run_schemathesis  # noqa: E402
from web.test_schemathesis_cli import fill  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=100, help="generated requests per operation and phase")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mawgun-st-") as tmp:
        outcome = run_schemathesis(f"sqlite:///{Path(tmp) / 'api.db'}", fill, args.examples, args.seed)
    print(json.dumps({"operations": outcome.operations, "examples_per_operation": args.examples, "seed": args.seed,
                      "requests_generated": outcome.generated, "failures": outcome.failures,
                      "exit_status": outcome.returncode, "seconds": round(outcome.seconds, 1)}, indent=2))  # fmt: skip
    if outcome.failures or outcome.returncode:
        print(outcome.output[-8000:])


if __name__ == "__main__":
    main()
