"""The demo: a bundled corpus of short reports, ingested and processed by `mawgun demo`.

`corpus_dir()` is where the corpus lives inside the package (`mawgun/demo/corpus/`).
"""

from __future__ import annotations

from pathlib import Path


def corpus_dir() -> Path:
    """The folder of the bundled demo corpus."""
    return Path(__file__).parent / "corpus"
