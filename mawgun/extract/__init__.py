"""Stage extract: events (ACLED taxonomy), statistics and sanctions from documents, each tied to its text.

Public API:
    from mawgun.extract import extract_document, extract_file, extract_store, EXTRACTOR_VERSION
    extract_document(doc) -> list[Record]
    extract_file(in_path, out_path, component="rules", progress=True, jobs=1) -> dict   # JSONL in, out
    extract_store(url=None, reprocess=False, progress=True, jobs=1) -> dict
    evaluate(gold_records, pred_records) -> dict     # from mawgun.extract.evaluate
Components are registered in `mawgun.extract.pipeline` (COMPONENTS, PIPELINES, register_component).

The names are loaded on first use (PEP 562), so that importing a submodule (the CLI's
`mawgun.extract.commands`) does not load the whole rule pipeline: `mawgun --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.extract.api import EXTRACTOR_VERSION, extract_document, extract_file, extract_store

__all__ = ["EXTRACTOR_VERSION", "extract_document", "extract_file", "extract_store"]


def __getattr__(name: str) -> Any:
    """The public API's names, imported from `mawgun.extract.api` when first asked for."""
    if name in __all__:
        from mawgun.extract import api

        return getattr(api, name)
    raise AttributeError(f"module 'mawgun.extract' has no attribute {name!r}")
