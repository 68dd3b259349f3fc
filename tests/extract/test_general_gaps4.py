"""Own fixture articles for three general patterns (fire on marches and processions, protesters shot in several
towns, the detained person as actor2): each expected record is extracted, with the project's resolvers and with
the fallbacks, and no more events than the text reports."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_articles import describe, extract, fits

from mawgun.extract import actors, places

ARTICLES = yaml.safe_load((Path(__file__).parent / "fixtures" / "gaps4.yaml").read_text(encoding="utf-8"))
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
    if mode == "fallback" and article.get("geocoder_only"):
        pytest.skip("the text names towns only the project's gazetteer knows")
    candidates = [r for r in extract(article) if r["kind"] == KINDS[kind]]
    assert any(fits(r, expected) for r in candidates), f"missing {expected}\nfound:\n{describe(candidates)}"


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_no_more_events_than_the_text_reports(mode: str, article: dict) -> None:
    events = [r for r in extract(article) if r["kind"] == "event"]
    limit = 0 if article.get("no_events") else article.get("max_events", 99)
    assert len(events) <= limit, describe(events)


def test_a_party_named_only_as_the_detainees_employer_is_no_side_of_the_arrest() -> None:
    article = next(a for a in ARTICLES if a["id"] == "fenster-airport-detention")
    (event,) = [r for r in extract(article) if r["kind"] == "event"]
    assert "NLD" not in event["actor1"] + event["actor2"], describe([event])


def test_a_party_named_as_the_subject_of_a_passive_arrest_is_the_detainee() -> None:
    # Real event: NLD members and officials were detained across the country on 1 February 2021.
    article = {
        "id": "nld-members-detained",
        "published": "2021-02-02",
        "text": "Dozens of National League for Democracy members were detained in Mandalay on Monday, 1 February 2021.",
    }
    (event,) = [r for r in extract(article) if r["kind"] == "event"]
    assert (event["sub_event_type"], event["actor2"]) == ("Arrests", ["NLD"]), describe([event])
    assert "NLD" not in event["actor1"]


def test_a_protest_told_with_people_shot_dead_is_not_peaceful() -> None:
    from mawgun.extract.recoding import protest_sub_type

    clause = "Protests went on in Bago, where two people were shot dead"
    assert protest_sub_type("protest.peaceful", "Peaceful protest", clause, None) == (
        "Excessive force against protesters"
    )
    assert protest_sub_type("protest.peaceful", "Peaceful protest", "Thousands marched in Bago", None) == (
        "Peaceful protest"
    )
