"""Benchmark: how fast the actor registry scans articles (`find_actors` over whole texts).

Run on demand, not in the test suite:
    .venv/bin/python bench/actors_speed.py            # the five seed articles in ../shared/seeds
    .venv/bin/python bench/actors_speed.py DIR        # every .txt/.md file under DIR
Prints articles per second, characters per second and mentions found. The seeds are absent from a fresh
clone; pass a folder (e.g. mawgun/demo/corpus) instead.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "seeds"
ROUNDS = 20


def read_texts(folder: Path) -> list[str]:
    """Every text file under `folder`."""
    files = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
    return [p.read_text(encoding="utf-8") for p in files]


def main() -> None:
    """Time ROUNDS passes of find_actors over the texts and print the rates."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    texts = read_texts(folder)
    if not texts:
        sys.exit(f"no .txt/.md files under {folder}")
    started = time.perf_counter()
    from mawgun.actors import get_registry

    registry = get_registry()
    loaded = time.perf_counter() - started
    mentions = 0
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for text in texts:
            mentions += len(registry.find_actors(text))
    elapsed = time.perf_counter() - started
    articles = ROUNDS * len(texts)
    chars = ROUNDS * sum(len(t) for t in texts)
    print(f"registry {registry.version}: {len(registry.all())} actors, loaded in {loaded:.2f} s")
    print(f"{len(texts)} articles from {folder}, {ROUNDS} rounds")
    print(f"{articles / elapsed:.0f} articles/s, {chars / elapsed / 1000:.0f} k chars/s, {mentions // ROUNDS} mentions")


if __name__ == "__main__":
    main()
