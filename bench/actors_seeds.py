"""Benchmark: how often the actor registry finds the gold actors in the sentence a gold event rests on.

    .venv/bin/python bench/actors_seeds.py [--shared ../shared]

For every gold event of ../shared/bench/seeds-gold.jsonl, takes the sentence around its evidence, runs
`find_actors` on it, labels the codes found (`label`: MIL, AA, "United States"...) and counts the events
whose sentence names at least one acceptable actor1, and at least one acceptable actor2. This measures the
registry alone: actors the extractor infers from roles ("fighter jets" = MIL) are not counted. Exits 0
with a note when ../shared is absent (fresh clone).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def find_shared(given: Path | None) -> Path | None:
    """--shared, $MAWGUN_SHARED or ../shared beside the checkout; None when absent."""
    candidate = given or Path(os.environ.get("MAWGUN_SHARED", REPO.parent / "shared"))
    return candidate if (candidate / "bench" / "seeds-gold.jsonl").is_file() else None


def sentence_around(text: str, evidence: str) -> str | None:
    """The sentence (or line) holding the start of the evidence; None when the evidence is not found."""
    probe = evidence.split("...")[0].strip()[:50]
    at = text.find(probe)
    if at < 0:
        at = text.find(probe.replace("'", "\u2019"))
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    end = text.find(". ", at + len(probe))
    return text[start : end if end >= 0 else len(text)]


def main() -> None:
    """Print the share of gold events whose sentence names an acceptable actor1 and actor2."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    shared = find_shared(parser.parse_args().shared)
    if shared is None:
        print("../shared is absent (fresh clone): nothing to measure")
        return
    from mawgun.actors import get_registry

    registry = get_registry()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (shared / "seeds").glob("*.txt")}
    counted = first = second = missing = 0
    for line in (shared / "bench" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold.get("kind") != "event":
            continue
        sentence = sentence_around(texts[Path(gold["doc"]).stem], gold.get("evidence", ""))
        if sentence is None:
            missing += 1
            continue
        labels = {registry.label(ref.actor_id) for ref in registry.find_actors(sentence) if ref.actor_id}
        counted += 1
        first += not gold.get("actor1") or bool(labels & set(gold["actor1"]))
        second += not gold.get("actor2") or bool(labels & set(gold["actor2"]))
    print(f"registry {registry.version}: {counted} gold events located ({missing} evidence strings not found)")
    print(f"actor1 named in the sentence: {first}/{counted} = {first / counted:.0%}")
    print(f"actor2 named in the sentence: {second}/{counted} = {second / counted:.0%}")


if __name__ == "__main__":
    main()
