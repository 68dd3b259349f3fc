"""Bytes to text without losing documents: UTF-8 first, then a detected or Western fallback.

Binary content (NUL bytes, many control characters) is refused with a reason rather than stored
as garbage. Files in Latin-1 or Windows-1252 (common for older English-language reports) are
decoded instead of failing: text that is not UTF-8 is read as Windows-1252, else Latin-1.
Statistical guessers were tried and rejected: on short English text with a few accents they
often pick a wrong code page (cp775, cp1250) and corrupt the very characters that matter.
Other legacy encodings should be converted to UTF-8 before ingesting.
"""

from __future__ import annotations

import codecs

from mawgun.ingest.source import ReadError

CONTROL_SHARE = 0.1  # above this share of control characters in the sample, content counts as binary
TEXT_CONTROLS = {9, 10, 12, 13, 27}
CONTROL_BYTES = bytes(b for b in range(32) if b not in TEXT_CONTROLS)


def utf16_without_bom(data: bytes, sample: int = 8192) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM, else None.

    Text in a Latin or Myanmar script written as UTF-16 has a NUL (or a fixed high byte) in every
    other position: for mostly-ASCII text, most odd bytes are NUL (little-endian) or most even bytes
    (big-endian), and the other positions have almost none. Binary files do not show that pattern.
    """
    head = data[: sample - sample % 2]
    if len(head) < 8 or len(head) % 2 or b"\x00" not in head:  # no NUL at all: not the pattern (checked in C)
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros) and others.count(0) < 0.05 * len(others):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True when the first bytes hold NULs or too many control characters (images, archives, executables)."""
    head = data[:sample]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(data, sample):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))  # bytes.translate counts in C
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
    bomless = utf16_without_bom(data)
    if bomless:
        return data.decode(bomless), bomless
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"  # decodes any byte sequence


def decode_with(data: bytes, encoding: str) -> str:
    """Decode with a known encoding, turning failure into a ReadError."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"text is not valid {encoding}: {exc.reason} at byte {exc.start}") from exc
