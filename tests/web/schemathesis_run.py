"""Run the schemathesis CLI (`st run`) with every check and every phase (examples, coverage,
fuzzing, stateful) against `mawgun serve` over real HTTP, on a store filled by `fill`.

Used by tests/web/test_schemathesis_cli.py (a few examples per operation) and by
bench/schemathesis_api.py (full size).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
TESTS = Path(__file__).resolve().parents[1]


@dataclass
class Outcome:
    """What one schemathesis run found."""

    returncode: int
    generated: int
    failures: int
    operations: int
    seconds: float
    output: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(db_url: str, authorization: str) -> Iterator[str]:
    """`mawgun serve` on a free local port for the duration; yields its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mawgun"), "serve", "--db", db_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                asked = urllib.request.Request(f"{base}/openapi.json", headers={"Authorization": authorization})
                urllib.request.urlopen(asked, timeout=2).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("mawgun serve exited") from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


ALL_PHASES = "examples,coverage,fuzzing,stateful"


def run_schemathesis(
    db_url: str, fill: Callable[[str], None], max_examples: int, seed: int = 15, phases: str = ALL_PHASES
) -> Outcome:
    """Fill the store, serve it, and run `st run --checks all` over every phase, signed in as a viewer
    (the server is private: every request needs a user; `ignored_auth` also checks it without one)."""
    from web.signin import bearer

    fill(db_url)
    authorization = bearer(db_url)["Authorization"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "web.schemathesis_hooks", "PYTHONPATH": str(TESTS), "NO_COLOR": "1"}
    with served(db_url, authorization) as base:
        started = time.monotonic()
        done = subprocess.run(
            [str(BIN / "st"), "run", f"{base}/openapi.json", "--checks", "all", "--phases", phases,
             "--max-examples", str(max_examples), "--seed", str(seed), "--no-color",
             "--header", f"Authorization: {authorization}"],
            capture_output=True, text=True, env=env, timeout=3600, cwd=work_dir(db_url),
        )  # fmt: skip
        seconds = time.monotonic() - started
    output = done.stdout + done.stderr
    return Outcome(done.returncode, count(r"(\d+) generated", output), failures(output),
                   count(r"Tested: (\d+)", output), seconds, output)  # fmt: skip


def work_dir(db_url: str) -> str:
    """The store's folder: where schemathesis keeps its replay files (never the repository)."""
    return str(Path(db_url.removeprefix("sqlite:///")).parent)


def count(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    return int(found.group(1)) if found else 0


def failures(text: str) -> int:
    """Unique failures in the run's summary (0 when it says no issues were found)."""
    found = re.search(r"(\d+) unique failures?", text) or re.search(r"(\d+) failures? in", text)
    return int(found.group(1)) if found else 0
