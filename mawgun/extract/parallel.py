"""Extraction on every core of one machine, in the input's order and with bounded memory.

`extract_many(documents, component, jobs)` yields `(document, records, error)` for each document in the
order given. With `jobs > 1` the documents go in chunks to a pool of forked worker processes; at most a
few chunks per worker are in flight at once, so a stream of any length is never read ahead into memory,
and results come back in order, so the output of N jobs is the output of one. Workers are forked after the
parent has loaded the gazetteer, the actor registry and the vocabularies (and after any component a caller
registered), so they start at once and share those tables.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

from mawgun.model import Document, Record

CHUNK = 8  # documents a task: large enough to pay for the hand-off, small enough to balance the workers
IN_FLIGHT = 4  # chunks queued per worker: keeps workers busy while the parent writes


class Extracted(NamedTuple):
    """One document's outcome: its records, or why the extractor failed on it."""

    document: Document
    records: list[Record]
    error: str | None


def default_jobs() -> int:
    """The cores this process may run on (the default of `--jobs`)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def die_with_parent(parent: int) -> None:
    """Worker initializer: ask the kernel (Linux prctl PR_SET_PDEATHSIG) to kill this worker when the
    parent dies, so a run killed with SIGKILL leaves no orphaned workers waiting for chunks forever."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the workers end when their queue closes, as before
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def extract_outcome(document: Document, component: str) -> tuple[list[Record], str | None]:
    """The records of one document, or (none and) the failure named by its exception."""
    from mawgun.extract.api import extract_document

    try:
        return extract_document(document, component), None
    except Exception as exc:  # noqa: BLE001 - one failed document must not stop the others
        return [], f"{type(exc).__name__}: {exc}"


def extract_chunk(documents: list[Document], component: str) -> list[tuple[list[Record], str | None]]:
    """A worker's task: the outcomes of a chunk of documents, in order."""
    return [extract_outcome(document, component) for document in documents]


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` documents (the last may be shorter), read lazily."""
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def warm_up(component: str) -> None:
    """Load the tables every extraction needs (gazetteer, registry, vocabularies) once, in this process."""
    from mawgun.extract.api import extract_document

    text = "Junta troops shelled Kanan village in Tamu Township, Sagaing Region, on 3 May 2023."
    extract_document(Document(doc_id="warm-up", text=text), component)


class ExtractionPool:
    """A pool of forked extraction workers (or none, for one job); use as a context manager."""

    def __init__(self, component: str = "rules", jobs: int = 1) -> None:
        self.component = component
        self.jobs = max(1, jobs)
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractionPool:
        if self.jobs > 1:
            warm_up(self.component)
            gc.freeze()  # the loaded tables stay shared with the workers (no copy-on-write from the collector)
            context = multiprocessing.get_context("fork")
            self.executor = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
            )
            self.executor.submit(os.getpid).result()  # forks every worker now, before any progress thread
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)
            gc.unfreeze()

    def extract(self, documents: Iterable[Document]) -> Iterator[Extracted]:
        """Each document's outcome, in the order of `documents`."""
        if self.executor is None:
            for document in documents:
                yield Extracted(document, *extract_outcome(document, self.component))
            return
        pending: deque[tuple[list[Document], Future[list[tuple[list[Record], str | None]]]]] = deque()
        for chunk in chunks(documents, CHUNK):
            pending.append((chunk, self.executor.submit(extract_chunk, chunk, self.component)))
            if len(pending) >= self.jobs * IN_FLIGHT:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())


def collect(chunk: list[Document], future: Future[list[tuple[list[Record], str | None]]]) -> Iterator[Extracted]:
    """The outcomes of a chunk, once its worker has finished it."""
    yield from collect_outcomes(chunk, future.result())


def collect_outcomes(chunk: list[Document], outcomes: list[tuple[list[Record], str | None]]) -> Iterator[Extracted]:
    """A chunk's documents paired with their outcomes."""
    for document, (records, error) in zip(chunk, outcomes, strict=True):
        yield Extracted(document, records, error)


Workers = int | str  # processes on this machine, or a Dask scheduler address ("local", "local:N", "tcp://HOST:8786")


def extract_many(documents: Iterable[Document], component: str = "rules", jobs: Workers = 1) -> Iterator[Extracted]:
    """Each document's records (or error), in order, extracted by `jobs` processes or on a Dask cluster."""
    if isinstance(jobs, str):
        from mawgun.extract.dask_pool import DaskPool

        with DaskPool(jobs, component) as dask_pool:
            yield from dask_pool.extract(documents)
        return
    with ExtractionPool(component, jobs) as pool:
        yield from pool.extract(documents)
