"""The project holds no evaluation text: no run of words from the real articles in ../shared/bench (dev,
dev-my, dev-clusters) appears in the package, tests, docs or benchmarks.

Those articles belong to their publishers and measure the extractor on text nobody here wrote; copying a
sentence of theirs into a rule, fixture or doc would be both a licence breach and a fit to the test. The check
compares runs of 9 words (and, for Burmese, which has no spaces between words, runs of 40 letters); shorter runs
match names and stock phrases that any two reports of the same facts share ("according to the Assistance
Association for Political Prisoners" is eight words)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

WORDS = 9
MYANMAR_CHARS = 40
MYANMAR = re.compile(r"[\u1000-\u109f\uaa60-\uaa7f]+")
SCANNED = ("mawgun", "tests", "docs", "bench", "README.md")
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".txt", ".json", ".jsonl", ".html", ".csv", ".tsv", ".xml", ".js"}
SKIPPED_DIRS = {"__pycache__", "geo"}  # the gazetteer data holds place names, not prose


def article_body(path: Path) -> str:
    """The text of a bench article: what follows its header block."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.split("\n\n", 1)[1] if "\n\n" in text else text


def word_runs(text: str) -> Iterator[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    for i in range(len(words) - WORDS + 1):
        yield " ".join(words[i : i + WORDS])


def myanmar_runs(text: str) -> Iterator[str]:
    letters = "".join(MYANMAR.findall(text))
    for i in range(0, len(letters) - MYANMAR_CHARS + 1):
        yield letters[i : i + MYANMAR_CHARS]


def project_files() -> Iterator[Path]:
    for name in SCANNED:
        root = REPO_ROOT / name
        paths = [root] if root.is_file() else root.rglob("*")
        for path in paths:
            if path.is_file() and path.suffix in SUFFIXES and not SKIPPED_DIRS & set(path.relative_to(REPO_ROOT).parts):
                yield path


def test_no_run_of_evaluation_text_is_in_the_project(shared_dir: Path) -> None:
    bench = shared_dir / "bench"
    articles = [path for sub in ("dev", "dev-my", "dev-clusters") for path in (bench / sub).rglob("news/**/*.txt")]
    if not articles:
        pytest.skip("no evaluation articles in ../shared/bench")
    words: set[str] = set()
    letters: set[str] = set()
    for path in articles:
        body = article_body(path)
        words.update(word_runs(body))
        letters.update(myanmar_runs(body))
    found = []
    for path in project_files():
        if path.stat().st_size > 2_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        hit = next((run for run in word_runs(text) if run in words), None)
        hit = hit or next((run for run in myanmar_runs(text) if run in letters), None)
        if hit:
            found.append(f"{path.relative_to(REPO_ROOT)}: {hit!r}")
    assert not found, "evaluation text copied into the project:\n" + "\n".join(found)
