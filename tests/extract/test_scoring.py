"""`mawgun eval` scores exactly as ../shared/bench/score.py does (own implementation, same figures)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from mawgun.extract.evaluate import evaluate, state_of

GOLD = [
    {
        "doc": "a",
        "id": "e1",
        "required": True,
        "kind": "event",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": "2023-03-10",
        "tol_days": 0,
        "admin1": "Karen State",
        "admin3": ["Kawkareik"],
        "actor1": ["KNLA"],
        "actor2": ["MIL"],
        "fatalities": None,
    },
    {
        "doc": "a",
        "id": "e2",
        "required": False,
        "kind": "event",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date": "2023-03-15",
        "tol_days": 15,
        "admin1": "Kayin",
    },
    {"doc": "a", "id": "s1", "required": True, "kind": "statistic", "metric": "displaced", "value": 12000},
    {
        "doc": "a",
        "id": "x1",
        "required": True,
        "kind": "sanction",
        "authority": "United States",
        "target": "Asia Sun Group",
    },
]
PRED = [
    {
        "doc_id": "a",
        "kind": "event",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": "2023-03-11",
        "admin1": "Kayin",
        "admin3": "Kawkareik",
        "actor1": ["KNU"],
        "actor2": ["MIL"],
    },
    {"doc_id": "a", "kind": "event", "event_type": "Protests", "date": "2023-03-11", "admin1": "Kayin"},
    {"doc_id": "a", "kind": "statistic", "metric": "displaced", "value": 12040},
    {"doc_id": "a", "kind": "sanction", "authority": "US", "target": "Asia Sun Group"},
    {"doc_id": "other", "kind": "event", "event_type": "Battles"},
]


def test_matching_follows_the_tolerances() -> None:
    report = evaluate(GOLD, PRED)
    assert report["event"]["recall"] == 1.0
    assert report["event"]["precision"] == 0.5
    assert report["statistic"]["found"] == 1
    assert report["event_fields"]["actor1"]["accuracy"] == 1.0  # KNU and KNLA stand for one another
    assert report["event_fields"]["date_exact"]["accuracy"] == 0.0


def test_state_names_are_normalised() -> None:
    assert state_of("northern Shan State") == "Shan"
    assert state_of("Karenni") == "Kayah"
    assert state_of("Bago East") == "Bago"


def load_score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "bench" / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_figures_equal_the_shared_scorer_on_the_seeds(shared_dir: Path, tmp_path: Path) -> None:
    from bench_helpers import seed_records

    score = load_score_module(shared_dir)
    gold = score.read_jsonl(shared_dir / "bench" / "seeds-gold.jsonl")
    records = seed_records(shared_dir, tmp_path)
    assert evaluate(gold, records) == json.loads(json.dumps(score.score(gold, records)))
    assert evaluate(GOLD, PRED) == json.loads(json.dumps(score.score(GOLD, PRED)))
