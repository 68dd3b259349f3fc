"""What readers hand back: raw documents (text plus metadata) or per-item failures.

A reader turns one file into one or more `RawDocument`s (a feed or JSONL file holds many); a bad
item inside a good file (one broken JSONL line) is an `ItemFailure`, so the rest still goes in.
A whole file that cannot be read raises `ReadError` with a reason a person can act on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from mawgun.ids import document_id_from_hash, hash_text
from mawgun.model import Document


class ReadError(Exception):
    """A file cannot be read; the message is the reason shown to the user and logged."""


@dataclass
class RawDocument:
    """Text and metadata as a reader found them, before ids and language are assigned."""

    text: str
    location: str  # the file, or file#item for feeds and JSONL
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    kind: str | None = None
    doc_id: str | None = None  # kept when the source supplies one (JSONL)


@dataclass
class ItemFailure:
    """One unreadable item inside a readable file (e.g. a JSONL line that is not JSON)."""

    location: str
    reason: str


def clean_text(text: str) -> str:
    """Normalise line endings and strip the ends; keep everything else so evidence offsets stay true.
    (Each replacement only when its character occurs: a search is cheaper than a copy, and texts are
    cleaned twice, by the reader and again on their way into the store.)"""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.strip()


ASCII_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # what str.split() splits on, space aside (ASCII)
TO_SPACE = bytes.maketrans(ASCII_WHITESPACE.encode("ascii"), b" " * len(ASCII_WHITESPACE))


def collapsed_hash(text: str) -> str:
    """`hash_text(" ".join(text.split()))`: the SHA-256 of the text with whitespace runs collapsed.

    An ASCII text (most English reports) is collapsed as bytes: every whitespace byte made a space,
    runs of spaces halved until none is left, ends stripped, in C and without a list of words, which
    takes half the time; other texts go through `str.split` (Unicode whitespace).
    """
    if not text.isascii():
        return hash_text(" ".join(text.split()))
    data = text.encode("ascii").translate(TO_SPACE)
    while b"  " in data:
        data = data.replace(b"  ", b" ")
    return hashlib.sha256(data.strip(b" ")).hexdigest()


def to_document(raw: RawDocument) -> Document:
    """A Document with content-derived id, content hash and guessed language."""
    from mawgun.ingest.language import guess_language
    from mawgun.ingest.outlets import normalise_outlet
    from mawgun.ingest.zawgyi import has_burmese, try_normalise

    text = clean_text(raw.text)
    original, encoding = None, None
    if has_burmese(text):  # Zawgyi becomes Unicode; the original is kept and the conversion recorded
        conversion = try_normalise(text)
        original, encoding = (text if conversion.converted else None), conversion.encoding
        text = conversion.text
    content_hash = collapsed_hash(text)  # hashed once for the content hash and the id
    return Document(
        doc_id=raw.doc_id or document_id_from_hash(content_hash),
        text=text,
        title=(raw.title or "").strip() or None,
        outlet=normalise_outlet(raw.outlet),
        url=(raw.url or "").strip() or None,
        published=raw.published,
        published_precision=raw.published_precision if raw.published else None,
        language=guess_language(text),
        kind=(raw.kind or "").strip().lower() or None,
        origin=raw.location,
        content_hash=content_hash,
        source_encoding=encoding,
        original_text=original,
    )
