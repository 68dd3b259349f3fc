"""Readers run in a worker process with a time and a memory limit, so one hostile file cannot hang
or exhaust an ingest.

Parsers of HTML, PDF, DOCX and feeds are large C and Python libraries; a crafted file (a tag with
100,000 attributes, a decompression bomb, a damaged PDF) can make them run for ever or allocate
gigabytes. Each such file is read in a separate process: past `MAWGUN_INGEST_TIMEOUT_S` seconds
(default 20) the worker is killed and the file fails with that reason; the worker's address space
is capped `MAWGUN_INGEST_MAX_MEMORY_MB` (default 400) above its start, so a file that needs more
fails with a memory reason instead of taking the machine with it. The batch goes on with a fresh
worker. The worker is forked once per batch, before the progress bar's thread starts (so no lock
held by another thread is inherited), and reused for every file: one process start, not one per file.
Forking (not spawning) also means scripts that call `ingest_paths` need no `__main__` guard.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import select
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mawgun.ingest.registry import Reader
from mawgun.ingest.source import ItemFailure, RawDocument, ReadError

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MEMORY_MB = 400.0
Item = RawDocument | ItemFailure


def env_number(name: str, default: float) -> float:
    """A positive number from the environment, else the default."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def timeout_s() -> float:
    return env_number("MAWGUN_INGEST_TIMEOUT_S", DEFAULT_TIMEOUT_S)


def memory_mb() -> float:
    return env_number("MAWGUN_INGEST_MAX_MEMORY_MB", DEFAULT_MEMORY_MB)


def guarded_items(reader: Reader, path: Path) -> Iterator[Item]:
    """The reader's items; a ReadError, OS error or reader bug becomes one failure naming the reason."""
    try:
        yield from reader(path)
    except ReadError as exc:
        yield ItemFailure(str(path), str(exc))
    except OSError as exc:
        yield ItemFailure(str(path), f"cannot read the file: {exc.strerror or exc}")
    except MemoryError:
        yield ItemFailure(
            str(path), f"reading needs more than {memory_mb():.0f} MB (raise MAWGUN_INGEST_MAX_MEMORY_MB)"
        )
    except RecursionError:
        yield ItemFailure(str(path), "structure nested too deeply to read")
    except Exception as exc:  # a reader bug must not stop the batch; the reason names it
        yield ItemFailure(str(path), f"unexpected error while reading: {type(exc).__name__}: {exc}")


def address_space_now() -> int | None:
    """This process's virtual memory size in bytes (Linux), None where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def limit_memory(budget_mb: float) -> None:
    """Cap this process's address space `budget_mb` above its current size (where the OS allows)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    now = address_space_now()
    if now is None:
        return
    limit = now + int(budget_mb * 1024 * 1024)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


Finish = Callable[[list[Item]], list[Any]]  # applied to a file's items in the worker (e.g. checking them)


def serve(connection: Connection, parent_end: Connection, budget_mb: float) -> None:
    """The worker: read lists of (reader, path, finish) jobs and answer each job with the list of its
    items (passed through `finish` when given). The forked worker first closes its inherited copy of the
    parent's end of the pipe, so that when the parent dies (even by SIGKILL) the pipe closes, `recv`
    raises EOFError and the worker ends instead of lingering as an orphan."""
    parent_end.close()
    limit_memory(budget_mb)
    while True:
        try:
            jobs = connection.recv()
        except (EOFError, OSError):
            return
        for reader, path, finish in jobs:
            try:
                items: list[Any] = list(guarded_items(reader, Path(path)))
                connection.send(finish(items) if finish is not None else items)
            except MemoryError:
                failure: list[Any] = [ItemFailure(path, f"reading needs more than {budget_mb:.0f} MB")]
                connection.send(finish(failure) if finish is not None else failure)


Job = tuple[Reader, str, Finish | None]


class ReaderPool:
    """One worker process that reads files one at a time, replaced when it hangs or dies.

    Jobs may be queued ahead (`submit`, then `result` in the same order): the worker reads the next
    files while this process stores the last ones. Jobs travel `CHUNK` to a message, so the worker
    is woken once per chunk rather than once per file (on a loaded machine each wake-up cost about a
    millisecond). A file's time limit runs from when its result is awaited.
    """

    CHUNK = 16

    def __init__(self, timeout: float | None = None, budget_mb: float | None = None) -> None:
        self.timeout = timeout or timeout_s()
        self.budget_mb = budget_mb or memory_mb()
        self.process: Any = None
        self.connection: Connection | None = None
        self.poller: Any = None
        self.queued: deque[Job] = deque()
        self.unsent: list[Job] = []
        # Entered around each fork: the ingest's background writer thread pauses in it, so that a fresh
        # worker (after a hung or crashed one) never inherits a lock the thread holds mid-write.
        self.fork_guard: Callable[[], contextlib.AbstractContextManager[Any]] = contextlib.nullcontext

    def start(self) -> None:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        ours, theirs = context.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=serve, args=(theirs, ours, self.budget_mb), daemon=True
        )
        with self.fork_guard():
            self.process.start()
        theirs.close()
        self.connection = ours
        if hasattr(select, "poll"):  # one poll object for the worker's life, not a selector per wait
            self.poller = select.poll()
            self.poller.register(ours.fileno(), select.POLLIN)

    def stop(self) -> None:
        """End the worker (politely, then by force)."""
        self.poller = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.process is not None and self.process.pid is not None:
            self.process.join(timeout=1)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.process = None

    def read(self, reader: Reader, path: Path) -> list[Item]:
        """The file's items, or one failure when it took too long or its worker died."""
        assert not self.queued, "read() with jobs queued ahead would answer the wrong file"
        self.submit(reader, path)
        return self.result()

    @property
    def pending(self) -> int:
        """Jobs submitted whose result has not been taken yet."""
        return len(self.queued)

    def submit(self, reader: Reader, path: Path, finish: Finish | None = None) -> None:
        """Queue a file for the worker; its items (through `finish`, a module-level function, when given)
        come from a later `result()` call, in submission order."""
        if self.process is None or (not self.queued and not self.process.is_alive()):
            self.start()  # a worker that died with nothing queued has no file to blame
        job = (reader, str(path), finish)
        self.queued.append(job)
        self.unsent.append(job)
        if len(self.unsent) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        """Send the jobs submitted since the last message, as one message."""
        if self.unsent:
            self.send(self.unsent)
            self.unsent = []

    def send(self, jobs: list[Job]) -> None:
        assert self.connection is not None
        with contextlib.suppress(OSError, BrokenPipeError):  # a dead worker: `result` names its file, resends the rest
            self.connection.send(jobs)

    def resend(self) -> None:
        """Give a fresh worker the jobs queued behind the one that hung or crashed."""
        self.unsent = []
        if self.queued:
            self.send(list(self.queued))

    def ready(self) -> bool:
        """Wait up to the time limit for the worker's next answer (or its end); False on timeout."""
        assert self.connection is not None
        if self.poller is not None:
            return bool(self.poller.poll(self.timeout * 1000))
        return self.connection.poll(self.timeout)

    def result(self) -> list[Any]:
        """The items of the oldest submitted file, or one failure when it took too long or its worker died."""
        if len(self.unsent) == len(self.queued):  # unsent jobs are the newest: the oldest is unsent only if all are
            self.flush()
        assert self.connection is not None
        try:
            if not self.ready():
                return self.give_up(f"reading took longer than {self.timeout:.0f} s and was stopped "
                                    "(raise MAWGUN_INGEST_TIMEOUT_S)")  # fmt: skip
            items: list[Any] = self.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            return self.give_up(f"the reader stopped (it needed more than {self.budget_mb:.0f} MB of memory, "
                                "or crashed; raise MAWGUN_INGEST_MAX_MEMORY_MB)")  # fmt: skip
        self.queued.popleft()
        return items

    def give_up(self, reason: str) -> list[Any]:
        """Fail the oldest file, replace the worker and hand it the files queued behind."""
        _reader, path, finish = self.queued.popleft()
        self.kill()
        if self.queued:
            self.start()
            self.resend()
        failure: list[Any] = [ItemFailure(path, reason)]
        return finish(failure) if finish is not None else failure

    def kill(self) -> None:
        """Kill a hung or broken worker at once; the next file starts a fresh one."""
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        self.stop()

    def __enter__(self) -> ReaderPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
