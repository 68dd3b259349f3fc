"""Loading of the extractor's versioned vocabularies (YAML files in `mawgun/extract/lang/<language>/`).

Vocabularies are data, not code, so that analysts can read and extend them; each file carries a
`version` that goes into the extractor's version string, so records say which lexicon produced them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from mawgun.safe_yaml import safe_load

LANG_DIR = Path(__file__).parent / "lang"
DEFAULT_LANGUAGE = "en"
DATA_DIR = LANG_DIR / DEFAULT_LANGUAGE
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
def load_vocabulary(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The parsed YAML vocabulary `name` (e.g. "triggers") of a language pack; raises FileNotFoundError when
    the language or the vocabulary is unknown."""
    path = LANG_DIR / language / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"vocabulary {path} is not a mapping")
    return data


@cache
def compile_pattern(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled regex, cached (vocabularies are read once per process)."""
    return re.compile(pattern, flags)


@cache
def content_hash() -> str:
    """A short hash of the extractor's code and vocabularies (every `.py` and `.yaml` under
    `mawgun/extract/`): it changes whenever a rule or a wording changes, so stored records say exactly which
    extractor produced them and a changed extractor re-extracts what it changes."""
    digest = hashlib.sha1()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".yaml"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def vocabulary_versions() -> str:
    """All vocabulary versions as one short string, e.g. "taxonomy1.triggers3...", for provenance."""
    return ".".join(f"{name[:3]}{load_vocabulary(name).get('version', '0')}" for name in VOCABULARIES)


def event_subtypes() -> dict[str, str]:
    """ACLED sub-event type -> its event type (from the taxonomy file)."""
    taxonomy = load_vocabulary("taxonomy")["event_types"]
    return {sub: event for event, subs in taxonomy.items() for sub in subs}
