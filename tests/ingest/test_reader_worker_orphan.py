"""A reader worker never outlives its parent: when ingest (or `mawgun watch`) is killed with SIGKILL, its
forked worker sees the pipe close and ends, instead of lingering as an orphan process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

PARENT = """
import sys, time
from mawgun.ingest.isolate import ReaderPool
pool = ReaderPool()
pool.start()
print(pool.process.pid, flush=True)
time.sleep(60)
"""


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, dead but not yet reaped, counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_worker_ends_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    assert alive(worker)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    ended = not alive(worker)
    if not ended:
        os.kill(worker, signal.SIGKILL)
    assert ended, "the reader worker outlived its killed parent"
