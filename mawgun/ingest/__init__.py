"""Stage: ingest. Reads files (text, Markdown, HTML, PDF, DOCX, RSS/Atom feeds, JSONL) into the store.

`ingest_paths(paths, url)` is the entry point; `mawgun.ingest.registry` maps file extensions to
readers (one module per format). Imports are lazy so that `mawgun --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["IngestEntry", "IngestReport", "ingest_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mawgun.ingest import runner

        return getattr(runner, name)
    raise AttributeError(name)
