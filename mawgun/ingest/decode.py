"""Bytes to text without losing documents: UTF-8 first, then a detected or Western fallback.

Binary content (NUL bytes, many control characters) is refused with a reason rather than stored
as garbage. Files in Latin-1 or Windows-1252 (common for older English-language reports) are
decoded instead of failing; charset-normalizer guesses other encodings when installed.
"""

from __future__ import annotations

import codecs

from mawgun.ingest.source import ReadError

CONTROL_SHARE = 0.1  # above this share of control characters in the sample, content counts as binary
TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True when the first bytes hold NULs or too many control characters (images, archives, executables)."""
    head = data[:sample]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in TEXT_CONTROLS)
    return controls / len(head) > CONTROL_SHARE


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding used). Raises ReadError for empty or binary content."""
    if not data:
        raise ReadError("empty file (0 bytes)")
    if looks_binary(data):
        raise ReadError("binary content, not text (NUL or control bytes found)")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return decode_with(data, encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = guess_encoding(data)
    for encoding in (guessed, "cp1252", "latin-1"):
        if encoding:
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                continue
    raise ReadError("text could not be decoded")  # pragma: no cover - latin-1 decodes any bytes


def decode_with(data: bytes, encoding: str) -> str:
    """Decode with a known encoding, turning failure into a ReadError."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"text is not valid {encoding}: {exc.reason} at byte {exc.start}") from exc


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, if the library is available; Western encodings stay with cp1252."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - optional helper
        return None
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("ascii", "utf_8"):
        return None
    return best.encoding
