"""Own fixture articles in the shapes the demo corpus showed the rules had not met (hard-wrapped lines,
datelines, captures told as claims or states, surrenders, detentions dated in the paragraph before, sanctions
briefings): each expected record is extracted, with the project's resolvers and with the fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_articles import describe, extract, fits

from mawgun.extract import actors, places

ARTICLES = yaml.safe_load((Path(__file__).parent / "fixtures" / "unseen.yaml").read_text(encoding="utf-8"))
CASES = [
    (a["id"], kind, i, exp)
    for a in ARTICLES
    for kind in ("events", "statistics", "sanctions")
    for i, exp in enumerate(a.get(kind, []))
]
KINDS = {"events": "event", "statistics": "statistic", "sanctions": "sanction"}


@pytest.fixture(params=["resolvers", "fallback"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """With the project's geocoder and actor registry, and with the extractor's own fallbacks."""
    if request.param == "fallback":
        monkeypatch.setattr(places, "get_geocoder", lambda: None)
        monkeypatch.setattr(actors, "get_registry", lambda: None)
    return request.param


@pytest.mark.parametrize("article_id, kind, number, expected", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_expected_record_is_extracted(mode: str, article_id: str, kind: str, number: int, expected: dict) -> None:
    article = next(a for a in ARTICLES if a["id"] == article_id)
    candidates = [r for r in extract(article) if r["kind"] == KINDS[kind]]
    assert any(fits(r, expected) for r in candidates), f"missing {expected}\nfound:\n{describe(candidates)}"


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_no_more_events_than_the_text_reports(mode: str, article: dict) -> None:
    events = [r for r in extract(article) if r["kind"] == "event"]
    limit = 0 if article.get("no_events") else article.get("max_events", 99)
    assert len(events) <= limit, describe(events)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_evidence_keeps_the_original_wrapped_text(article: dict) -> None:
    text = article["text"]
    for record in extract(article):
        for span in record["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_a_capture_told_days_after_an_unnamed_start_is_not_dated_after_publication() -> None:
    # Real event: the MNDAA's capture of Laukkai, announced on Friday 5 January 2024, 70 days after the
    # Brotherhood Alliance launched Operation 1027 on 27 October 2023.
    article = {
        "id": "after-launching",
        "published": "2024-01-08",
        "text": (
            "The Myanmar National Democratic Alliance Army said on Friday that its fighters had captured Laukkai "
            "town in northern Shan State, 70 days after launching an offensive on the junta's positions in the region."
        ),
    }
    events = [r for r in extract(article) if r["kind"] == "event"]
    captures = [e for e in events if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert captures and all(e["date"] <= article["published"] for e in captures), describe(events)


def test_a_group_said_to_be_fighting_the_regime_in_general_is_no_dated_clash() -> None:
    article = {
        "id": "general-fight",
        "published": "2022-01-19",
        # Real facts, no incident: the CNF's armed wing, the Chin National Army, fights the junta alongside the
        # Chinland Defence Forces; its headquarters is Camp Victoria, near the Indian border.
        "text": (
            "The Chin National Front, whose armed wing is fighting the junta along with several resistance groups "
            "in Chin State, has its headquarters at Camp Victoria near the Indian border."
        ),
    }
    assert [r for r in extract(article) if r["kind"] == "event"] == []
