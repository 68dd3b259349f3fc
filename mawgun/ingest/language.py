"""A simple language guess from the script: Burmese script share decides "my", Latin letters "en".

Reporting on Myanmar comes in Burmese (Myanmar script) or English, sometimes mixed; counting
letters by script is enough to route a document and needs no model.
"""

from __future__ import annotations

BURMESE_RANGES = ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F))
BURMESE_SHARE = 0.3  # share of letters in Myanmar script above which a text counts as Burmese


def is_burmese(char: str) -> bool:
    """True for a character of the Myanmar script blocks."""
    code = ord(char)
    return any(low <= code <= high for low, high in BURMESE_RANGES)


def guess_language(text: str, sample: int = 20000) -> str | None:
    """ "my", "en" or "und" (undetermined) from the first `sample` characters; None for empty text."""
    letters = [c for c in text[:sample] if c.isalpha() or is_burmese(c)]
    if not letters:
        return None
    burmese = sum(1 for c in letters if is_burmese(c))
    if burmese / len(letters) >= BURMESE_SHARE:
        return "my"
    latin = sum(1 for c in letters if c.isascii())
    return "en" if latin / len(letters) >= 0.5 else "und"
