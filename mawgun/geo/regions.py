"""Parts of Myanmar named without a state ("upper Myanmar", "southeastern Myanmar", "the Thai border").

A headline such as "Junta assault on southeastern Myanmar villages" says which namesake of a village is
meant without naming its state. `region_codes` returns the state P-codes such phrases cover (vocabulary:
`data/regions.yaml`); the geocoder uses them only to choose among a name's namesakes, never as an answer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "regions.yaml"
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


@lru_cache(maxsize=1)
def load_regions() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """The packaged region phrases, compiled, each with the state P-codes it covers."""
    rows = yaml.safe_load(DATA.read_text(encoding="utf-8"))["regions"]
    return tuple(
        (re.compile("|".join(f"(?:{p})" for p in row["patterns"]), re.IGNORECASE), frozenset(row["states"]))
        for row in rows
    )


def region_codes(text: str) -> set[str]:
    """State P-codes of every region phrase in `text` (empty when it names none)."""
    if not text:
        return set()
    plain = text.translate(APOSTROPHES)
    return {code for pattern, codes in load_regions() if pattern.search(plain) for code in codes}
