"""Zawgyi, the legacy Burmese font encoding: detect it and convert it to Unicode.

Much Burmese text (older sites, statements, Telegram posts) is still typed in Zawgyi, which reuses the
Myanmar Unicode block with other meanings, so it looks like Burmese to a program but matches no Unicode
word. Google's `myanmartools` detector gives the probability that a text is Zawgyi; ICU's `Zawgyi-my`
transform (the converter Google and Unicode maintain, through PyICU) turns it into Unicode. Both are in the
`burmese` extra (`pip install 'mawgun[burmese]'`): they are a compiled library (ICU) and a model file, not
needed by anyone who reads no Burmese. Without them a Burmese text is kept as it came, with a warning that
names the extra.

Converting changes the text, so evidence offsets always refer to the converted (Unicode) text, the one a
reader sees; the original is kept beside it (`documents.original_text` in the store).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

EXTRA_HINT = "install the Burmese extra to detect and convert Zawgyi text: pip install 'mawgun[burmese]'"
MYANMAR_RE = re.compile(r"[\u1000-\u109f]")
THRESHOLD = 0.95  # myanmartools' recommended cut-off: above it the text is Zawgyi
SAMPLE = 20_000


class BurmeseExtraMissing(RuntimeError):
    """The optional libraries for Zawgyi are not installed."""


@dataclass(frozen=True)
class Conversion:
    """The outcome of normalising a text: the Unicode text, the encoding it came in and its probability."""

    text: str
    encoding: str  # "zawgyi" | "unicode"
    probability: float

    @property
    def converted(self) -> bool:
        return self.encoding == "zawgyi"


@cache
def detector() -> Any:
    try:
        from myanmartools import ZawgyiDetector
    except ImportError as exc:
        raise BurmeseExtraMissing(EXTRA_HINT) from exc
    return ZawgyiDetector()


@cache
def transliterator() -> Any:
    try:
        import icu
    except ImportError as exc:
        raise BurmeseExtraMissing(EXTRA_HINT) from exc
    return icu.Transliterator.createInstance("Zawgyi-my")


def has_burmese(text: str) -> bool:
    """True when the text holds any Myanmar-script character (never in ASCII text: checked first, in C)."""
    return not text.isascii() and MYANMAR_RE.search(text) is not None


def zawgyi_probability(text: str) -> float:
    """The probability (0..1) that the Burmese in `text` is Zawgyi-encoded (0.0 for text with none)."""
    if not has_burmese(text):
        return 0.0
    return float(detector().get_zawgyi_probability(text[:SAMPLE]))


def zawgyi_to_unicode(text: str) -> str:
    """The text with Zawgyi converted to Unicode (ICU's Zawgyi-my transform); other scripts unchanged."""
    return str(transliterator().transliterate(text))


def normalise_burmese(text: str) -> Conversion:
    """Unicode text for any input: Zawgyi (probability above 0.95) is converted, anything else kept.

    Raises BurmeseExtraMissing (naming the extra) when the text has Burmese and the libraries are absent."""
    if not has_burmese(text):
        return Conversion(text, "unicode", 0.0)
    probability = zawgyi_probability(text)
    if probability < THRESHOLD:
        return Conversion(text, "unicode", probability)
    return Conversion(zawgyi_to_unicode(text), "zawgyi", probability)


def try_normalise(text: str) -> Conversion:
    """`normalise_burmese`, or the text unchanged with a logged warning naming the extra when it is missing."""
    try:
        return normalise_burmese(text)
    except BurmeseExtraMissing as exc:
        log.warning("Burmese text kept unconverted: %s", exc)
        return Conversion(text, "unknown", 0.0)
