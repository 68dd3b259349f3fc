"""Specification of the B-cubed scores used to measure deduplication."""

from __future__ import annotations

from pathlib import Path

from mawgun.dedup.evaluate import bcubed, fixture_records, load_fixture

FIXTURES = Path(__file__).parent / "fixtures"


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold)["f1"] == 1.0


def test_merging_everything_keeps_recall_and_loses_precision() -> None:
    scores = bcubed({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"})
    assert scores["recall"] == 1.0 and round(scores["precision"], 4) == round((2 / 3 + 2 / 3 + 1 / 3) / 3, 4)


def test_splitting_everything_keeps_precision_and_loses_recall() -> None:
    scores = bcubed({"a": "1", "b": "2", "c": "3"}, {"a": "x", "b": "x", "c": "y"})
    assert scores["precision"] == 1.0 and round(scores["recall"], 4) == round((0.5 + 0.5 + 1) / 3, 4)


def test_fixture_has_sixty_articles_twenty_events_several_outlets_each_and_copies() -> None:
    articles = load_fixture(FIXTURES)
    records, labels = fixture_records(articles)
    outlets: dict[str, set[str]] = {}
    for article in articles:
        assert 80 <= len(article.document.text.split()) <= 200, article.key
        for event in article.events:
            outlets.setdefault(event["label"], set()).add(article.document.outlet or "")
    assert len(articles) >= 60 and len(set(labels.values())) >= 20
    assert min(len(o) for o in outlets.values()) >= 3
    assert sum(1 for a in articles if a.copy_of) >= 3
    assert all(span.text for r in records for span in r.evidence)
