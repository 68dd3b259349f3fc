"""Extraction on a Dask cluster (`dask.distributed`): the engine research and data teams already run.

`mawgun extract --dask tcp://HOST:8786` sends chunks of documents to the workers of a running
scheduler; `--dask local` (or `local:N`) starts a `LocalCluster` of N single-threaded worker processes
on this machine. Documents are read here (from the JSONL file or the store) and travel with their
task, so workers need no access to the input; records come back here, in the input's order, and are
written as they come (to the output file, or to the store, each document's records in one
transaction), so the output is the output of `--jobs 1`.

Idempotent when a worker dies mid-task: a task is a pure function of its chunk (its key is derived
from the chunk's document ids and texts), so the scheduler simply runs it again on another worker
and the result is the same; nothing is written until a chunk's result is back here. At most
`IN_FLIGHT` chunks per worker are outstanding, so memory stays bounded whatever the input's size.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from mawgun.extract.parallel import CHUNK, Extracted, chunks, collect_outcomes, extract_chunk
from mawgun.model import Document

IN_FLIGHT = 4
MISSING = "Dask extraction needs the dask extra: pip install 'mawgun[dask]'"


class DaskMissing(RuntimeError):
    """dask.distributed is not installed (the message names the extra to install)."""


def parse_address(spec: str) -> tuple[str, int | None]:
    """("local", N) for `local` / `local:N` / `local[:N]`, else ("remote", None) for a scheduler address."""
    text = spec.strip()
    if text.startswith("local"):
        rest = text[len("local") :].strip("[]:")
        if not rest:
            return "local", None
        if not rest.isdigit() or int(rest) < 1:
            raise ValueError(f"--dask {spec!r}: give local, local:N (N workers, N >= 1) or tcp://HOST:PORT")
        return "local", int(rest)
    if "://" not in text and ":" not in text:
        raise ValueError(f"--dask {spec!r}: give local, local:N or a scheduler address such as tcp://HOST:8786")
    return "remote", None


def chunk_key(chunk: list[Document], component: str) -> str:
    """A task key from the chunk's content: the same chunk is the same task, run again if a worker dies."""
    digest = hashlib.sha256(component.encode())
    for document in chunk:
        digest.update(document.doc_id.encode())
        digest.update(hashlib.sha256(document.text.encode()).digest())
    return f"mawgun-extract-{digest.hexdigest()[:24]}"


class DaskPool:
    """Chunks of documents extracted on a Dask cluster; use as a context manager."""

    def __init__(self, address: str, component: str = "rules") -> None:
        self.address = address
        self.component = component
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskPool:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise DaskMissing(MISSING) from exc
        kind, workers = parse_address(self.address)
        if kind == "local":
            from mawgun.extract.parallel import default_jobs

            self.cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                                        dashboard_address=None)  # fmt: skip
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.address)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    @property
    def workers(self) -> int:
        """Worker threads the scheduler knows of now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def extract(self, documents: Iterable[Document]) -> Iterator[Extracted]:
        """Each document's outcome, in the order of `documents`."""
        pending: deque[tuple[list[Document], Any]] = deque()
        for chunk in chunks(documents, CHUNK):
            future = self.client.submit(extract_chunk, chunk, self.component, key=chunk_key(chunk, self.component))
            pending.append((chunk, future))
            if len(pending) >= self.workers * IN_FLIGHT:
                yield from self.take(*pending.popleft())
        while pending:
            yield from self.take(*pending.popleft())

    @staticmethod
    def take(chunk: list[Document], future: Any) -> Iterator[Extracted]:
        """The outcomes of a chunk once a worker has finished it (the future released afterwards)."""
        outcomes = future.result()
        future.release()
        yield from collect_outcomes(chunk, outcomes)
