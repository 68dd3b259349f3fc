"""Own fixture articles for three general patterns (fire on marches and processions, protesters shot in several
towns, the detained person as actor2): each expected record is extracted with the project's
gazetteer and actor registry, and no more events than the text reports."""

from __future__ import annotations

from test_articles import describe, extract
from test_fixture_articles import ARTICLES


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
