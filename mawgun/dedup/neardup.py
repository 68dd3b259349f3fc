"""Near-duplicate documents: syndicated or republished copies of one article.

Each document's normalised text is cut into word shingles (runs of `shingle_words` words); a
bottom-k sketch (the k smallest shingle hashes, one CRC-32 hash, so results are stable across
runs and machines) finds candidate pairs through an inverted index, and the exact Jaccard
similarity of the shingle sets confirms them. A copy points to its original: the earliest
published document of its group (ties: the smallest id).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from mawgun.dedup.config import load_settings

WORD = re.compile(r"\w+", re.UNICODE)
MIN_SHARED_SKETCH = 4  # candidates must share this many sketch hashes


@dataclass(frozen=True)
class DocumentLink:
    """`document_id` is a near-duplicate of `duplicate_of` with the given shingle Jaccard similarity."""

    document_id: str
    duplicate_of: str
    similarity: float
    method: str = "shingles-jaccard"


def shingle_hashes(text: str, size: int) -> set[int]:
    """CRC-32 hashes of the word `size`-grams of the lower-cased text (the whole text if shorter)."""
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    return {zlib.crc32(" ".join(words[i : i + size]).encode("utf-8")) for i in range(len(words) - size + 1)}


def jaccard(a: set[int], b: set[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def candidate_pairs(shingles: Mapping[str, set[int]], sketch_size: int) -> set[tuple[str, str]]:
    """Document pairs whose bottom-k sketches share at least MIN_SHARED_SKETCH hashes."""
    index: dict[int, list[str]] = {}
    for doc_id in sorted(shingles):
        for value in sorted(shingles[doc_id])[:sketch_size]:
            index.setdefault(value, []).append(doc_id)
    shared: dict[tuple[str, str], int] = {}
    for doc_ids in index.values():
        if len(doc_ids) > 200:  # a boilerplate shingle everyone shares says nothing
            continue
        for i, first in enumerate(doc_ids):
            for second in doc_ids[i + 1 :]:
                shared[(first, second)] = shared.get((first, second), 0) + 1
    need = min(MIN_SHARED_SKETCH, sketch_size)
    return {pair for pair, count in shared.items() if count >= need}


def find_near_duplicates(
    texts: Mapping[str, str], published: Mapping[str, dt.date | None] | None = None
) -> list[DocumentLink]:
    """Links from each copy to its original among `texts` (doc_id -> text), sorted by document id."""
    settings = load_settings()["near_duplicates"]
    published = published or {}
    shingles = {doc_id: shingle_hashes(text, settings["shingle_words"]) for doc_id, text in texts.items()}
    parent = {doc_id: doc_id for doc_id in texts}
    best: dict[str, float] = {}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            doc_id = parent[doc_id]
        return doc_id

    for first, second in sorted(candidate_pairs(shingles, settings["num_perm"])):
        similarity = jaccard(shingles[first], shingles[second])
        if similarity < settings["min_similarity"]:
            continue
        ra, rb = root(first), root(second)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda d: (published.get(d) or dt.date.max, d))
            parent[drop] = keep
        for doc_id in (first, second):
            best[doc_id] = max(best.get(doc_id, 0.0), similarity)
    links = []
    for doc_id in sorted(texts):
        original = root(doc_id)
        if original != doc_id:
            links.append(DocumentLink(doc_id, original, round(best.get(doc_id, 0.0), 4)))
    return links


def originals_of(links: list[DocumentLink]) -> dict[str, str]:
    """Copy -> original mapping from links."""
    return {link.document_id: link.duplicate_of for link in links}
