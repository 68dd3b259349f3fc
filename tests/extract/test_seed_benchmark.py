"""The extractor meets its acceptance figures on the five seed articles (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mawgun.extract.evaluate import evaluate, read_jsonl

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def report(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    from bench_helpers import seed_records

    records = seed_records(shared_dir, tmp_path_factory.mktemp("seeds"))
    return evaluate(read_jsonl(shared_dir / "bench" / "seeds-gold.jsonl"), records)


def test_events_are_found_with_recall_080_and_precision_070(report: dict) -> None:
    assert report["event"]["recall"] >= 0.8
    assert report["event"]["precision"] >= 0.7


def test_statistics_and_sanctions_are_found_with_recall_075(report: dict) -> None:
    assert report["statistic"]["recall"] >= 0.75
    assert report["sanction"]["recall"] >= 0.75


def test_dates_and_fatalities_of_matched_events_are_right_85_percent(report: dict) -> None:
    assert report["event_fields"]["date_exact"]["accuracy"] >= 0.85
    assert report["event_fields"]["fatalities"]["accuracy"] >= 0.85
