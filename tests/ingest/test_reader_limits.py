"""The reader worker's memory limit (issue 15, point 2: "no per-file time or memory limit"): a file
whose reading needs more memory than `MAWGUN_INGEST_MAX_MEMORY_MB` fails alone with that reason, and
so does one whose reader takes its process down; the next file is read (by a fresh worker when the
old one died). The time limit is tested in test_hostile_input.py and test_read_ahead.py."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from mawgun.ingest.isolate import ReaderPool
from mawgun.ingest.registry import reader_for
from mawgun.ingest.source import ItemFailure, RawDocument

GOOD = "Residents said soldiers burned houses in a village near Kani in Sagaing Region on 2 May 2024."


def greedy_reader(path: Path) -> Iterator[RawDocument]:
    """Needs 2 GB at once, as a parser unpacking a bomb would."""
    hog = bytearray(2 * 1024**3)
    yield RawDocument(text=str(len(hog)), location=str(path))


def fatal_reader(path: Path) -> Iterator[RawDocument]:
    """Takes its process down, as a parser crashing in C code would (or the kernel's OOM killer)."""
    os.kill(os.getpid(), signal.SIGKILL)
    yield RawDocument(text="never", location=str(path))


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_a_file_needing_more_memory_than_the_limit_fails_alone(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAWGUN_INGEST_MAX_MEMORY_MB", "200")
    reader = reader_for(good_file)
    assert reader is not None
    with ReaderPool() as pool:
        failed = pool.read(greedy_reader, good_file.with_name("bomb.html"))
        after = pool.read(reader, good_file)
    assert len(failed) == 1 and isinstance(failed[0], ItemFailure)
    assert "more than 200 MB" in failed[0].reason and "MAWGUN_INGEST_MAX_MEMORY_MB" in failed[0].reason
    assert [item.text for item in after if isinstance(item, RawDocument)] == [GOOD]


def test_a_reader_that_kills_its_worker_fails_that_file_and_a_fresh_worker_reads_the_next(good_file: Path) -> None:
    reader = reader_for(good_file)
    assert reader is not None
    with ReaderPool() as pool:
        first = pool.process.pid
        failed = pool.read(fatal_reader, good_file.with_name("crash.pdf"))
        after = pool.read(reader, good_file)
        assert pool.process.pid != first
    assert len(failed) == 1 and isinstance(failed[0], ItemFailure)
    assert "the reader stopped" in failed[0].reason
    assert [item.text for item in after if isinstance(item, RawDocument)] == [GOOD]
