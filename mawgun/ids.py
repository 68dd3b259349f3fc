"""Content-derived identifiers: the same input always gets the same id, so re-runs are idempotent."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def hash_text(text: str) -> str:
    """Full SHA-256 hex digest of a text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_id(prefix: str, *parts: Any, length: int = 16) -> str:
    """A short stable id `prefix-<hex>` from any JSON-serialisable parts."""
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return f"{prefix}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:length]}"


def document_id(text: str) -> str:
    """A document's id from its normalised text: whitespace runs collapse so re-wrapped copies match."""
    normalised = " ".join(text.split())
    return document_id_from_hash(hash_text(normalised))


def document_id_from_hash(content_hash: str) -> str:
    """The document id of a text whose whitespace-collapsed SHA-256 is `content_hash` (ingest hashes once)."""
    return "doc-" + content_hash[:16]
