"""Size limits: a file too large to be one article is refused with a reason, never half-read.

News articles, statements and reports run from a few kB to a few MB of text. A text-like file
(.txt, .md, .html, feeds) over `MAWGUN_INGEST_MAX_MB` (default 20 MB) is almost surely a dump or
a mistake; it is refused before reading, so memory stays bounded and nothing else in the batch is
affected. PDF and DOCX are containers with images, so their limit is ten times higher; JSONL is
streamed line by line and each line (one document) obeys the text limit.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from mawgun.ingest.source import ReadError

DEFAULT_MAX_MB = 20.0
CONTAINER_FACTOR = 10


def max_text_bytes() -> int:
    """The largest text-like file (or JSONL line) accepted, in bytes."""
    try:
        megabytes = float(os.environ.get("MAWGUN_INGEST_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(megabytes * 1024 * 1024)


def check_size(path: Path, limit: int | None = None, size: int | None = None) -> int:
    """The file's size (`size` when the caller has it already); ReadError when it is empty or over the limit."""
    size = path.stat().st_size if size is None else size
    limit = max_text_bytes() if limit is None else limit
    if size == 0:
        raise ReadError("empty file (0 bytes)")
    if size > limit:
        raise ReadError(
            f"file too large: {size / 1048576:.1f} MB over the {limit / 1048576:.0f} MB limit "
            "(split it, or raise MAWGUN_INGEST_MAX_MB)"
        )
    return size


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes after the size check (the file opened once, its size read from the open file)."""
    with open(path, "rb", buffering=0) as handle:
        check_size(path, limit, os.fstat(handle.fileno()).st_size)
        return handle.readall()


def check_text(text: str) -> str | None:
    """Why a reader's text cannot be stored (too large after unpacking, mostly unreadable), else None."""
    limit = max_text_bytes()
    if len(text) * 4 > limit and len(text.encode("utf-8")) > limit:
        size = len(text.encode("utf-8"))
        over = f"{size / 1048576:.1f} MB over the {limit / 1048576:.0f} MB limit"
        return f"text too large: {over} (raise MAWGUN_INGEST_MAX_MB)"
    if unreadable_share(text) > UNREADABLE_SHARE:
        return "text is mostly unreadable characters (a damaged file, or a wrong encoding)"
    return None


UNREADABLE_SHARE = 0.2  # above this share of control, private-use, unassigned or replacement characters
UNREADABLE_CATEGORIES = {"Cc", "Co", "Cn", "Cs"}


ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # ASCII control characters that are not whitespace
ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F])  # the same, as bytes
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def unreadable_share(text: str, sample: int = 20000) -> float:
    """The share of characters in the first `sample` that no one can read (not counting whitespace).

    Counted with regular expressions, and each distinct non-ASCII character classified once, so a
    20,000-character text costs a few hundred microseconds rather than a Python step per character;
    the readable characters are counted only when there is something unreadable to weigh them against.
    """
    import unicodedata

    head = text[:sample]
    if head.isascii():  # counted as bytes, in C: one pass, no list of matches
        data = head.encode("ascii")
        bad = len(data) - len(data.translate(None, ASCII_CONTROL_BYTES))
    else:
        bad = len(ASCII_CONTROL.findall(head))
        for char, count in Counter(NON_ASCII.findall(head)).items():
            if char == "\ufffd" or (unicodedata.category(char) in UNREADABLE_CATEGORIES and not char.isspace()):
                bad += count
    if not bad:  # the usual case: nothing unreadable, so the readable characters need no counting
        return 0.0
    readable_total = len("".join(head.split()))  # str.split() drops exactly what str.isspace() accepts
    return bad / readable_total if readable_total > 0 else 0.0
