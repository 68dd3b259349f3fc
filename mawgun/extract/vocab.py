"""Loading of the extractor's versioned vocabularies (YAML files in `mawgun/extract/data/`).

Vocabularies are data, not code, so that analysts can read and extend them; each file carries a
`version` that goes into the extractor's version string, so records say which lexicon produced them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
VOCABULARIES = (
    "taxonomy",
    "triggers",
    "tags",
    "statistics",
    "sanctions",
    "cues",
    "places",
    "actors",
    "holidays",
    "foreign",
)


@cache
def load_vocabulary(name: str) -> dict[str, Any]:
    """The parsed YAML vocabulary `name` (e.g. "triggers"); raises FileNotFoundError when unknown."""
    path = DATA_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"vocabulary {path} is not a mapping")
    return data


@cache
def compile_pattern(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled regex, cached (vocabularies are read once per process)."""
    return re.compile(pattern, flags)


def vocabulary_versions() -> str:
    """All vocabulary versions as one short string, e.g. "taxonomy1.triggers3...", for provenance."""
    return ".".join(f"{name[:3]}{load_vocabulary(name).get('version', '0')}" for name in VOCABULARIES)


def event_subtypes() -> dict[str, str]:
    """ACLED sub-event type -> its event type (from the taxonomy file)."""
    taxonomy = load_vocabulary("taxonomy")["event_types"]
    return {sub: event for event, subs in taxonomy.items() for sub in subs}
