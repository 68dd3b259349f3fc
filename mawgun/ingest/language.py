"""A simple language guess from the script: Burmese script share decides "my", Latin letters "en".

Reporting on Myanmar comes in Burmese (Myanmar script) or English, sometimes mixed; counting
letters by script is enough to route a document and needs no model. Counting uses regular
expressions (C speed) over the first 20,000 characters.
"""

from __future__ import annotations

import re

MYANMAR_SCRIPT = "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"
BURMESE = re.compile(f"[{MYANMAR_SCRIPT}]")
LATIN = re.compile("[A-Za-z]")
OTHER_LETTER = re.compile(f"[^\\W\\d_A-Za-z{MYANMAR_SCRIPT}]")
BURMESE_SHARE = 0.3  # share of letters in Myanmar script above which a text counts as Burmese


def is_burmese(char: str) -> bool:
    """True for a character of the Myanmar script blocks."""
    return BURMESE.match(char) is not None


def guess_language(text: str, sample: int = 20000) -> str | None:
    """ "my", "en" or "und" (undetermined) from the first `sample` characters; None when there are no letters."""
    head = text[:sample]
    if head.isascii():  # no Burmese and no other script: English if there is a letter at all
        return "en" if LATIN.search(head) else None
    burmese, latin, other = (len(pattern.findall(head)) for pattern in (BURMESE, LATIN, OTHER_LETTER))
    total = burmese + latin + other
    if not total:
        return None
    if burmese / total >= BURMESE_SHARE:
        return "my"
    return "en" if latin / total >= 0.5 else "und"
