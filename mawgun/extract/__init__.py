"""Stage extract: events (ACLED taxonomy), statistics and sanctions from documents, each tied to its text.

Public API:
    from mawgun.extract import extract_document, extract_file, extract_store, EXTRACTOR_VERSION
    extract_document(doc) -> list[Record]
    extract_file(in_path, out_path, component="rules", progress=True, jobs=1) -> dict   # JSONL in, out
    extract_store(url=None, reprocess=False, progress=True, jobs=1) -> dict
    evaluate(gold_records, pred_records) -> dict     # from mawgun.extract.evaluate
Components are registered in `mawgun.extract.pipeline` (COMPONENTS, PIPELINES, register_component).
"""

from mawgun.extract.api import EXTRACTOR_VERSION, extract_document, extract_file, extract_store

__all__ = ["EXTRACTOR_VERSION", "extract_document", "extract_file", "extract_store"]
