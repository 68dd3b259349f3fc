"""Own fixture articles for four general patterns (crackdowns on protests, executions, background mentions
of fighting, follow-on sanction sentences with names holding "and"): each expected record is extracted, with
the project's gazetteer and actor registry, and no more events than the text reports."""

from __future__ import annotations

from test_articles import describe, extract
from test_fixture_articles import ARTICLES


def test_an_execution_is_placed_at_the_prison_the_prisoners_were_held_in() -> None:
    article = next(a for a in ARTICLES if a["id"] == "insein-hangings")
    (event,) = [r for r in extract(article) if r["kind"] == "event"]
    assert (event["admin3"], event["location"], event["date_precision"]) == ("Insein", "Insein Prison", "week")


def test_a_company_name_holding_and_is_kept_whole_and_a_second_full_name_is_split() -> None:
    from mawgun.extract.sanctions import split_names

    assert split_names("Myanmar Imperial Jade Co. and Cancri Gems and Jewellery") == [
        "Myanmar Imperial Jade Co.",
        "Cancri Gems and Jewellery",
    ]
    assert split_names("Myanma Oil and Gas Enterprise") == ["Myanma Oil and Gas Enterprise"]
    assert split_names("Tun Min Latt and Win Min Soe") == ["Tun Min Latt", "Win Min Soe"]


def test_a_killing_told_then_explained_as_fire_on_protesters_is_a_crackdown() -> None:
    # Real event: security forces killed dozens in Hlaing Tharyar, Yangon, on Sunday 14 March 2021.
    article = {
        "id": "hlaing-tharyar-two-sentences",
        "published": "2021-03-15",
        "text": (
            "Security forces shot dead at least 38 people in Yangon's Hlaing Tharyar township on Sunday, "
            "rescue workers said. Troops fired live rounds at protesters who had blocked the main road."
        ),
    }
    events = [r for r in extract(article) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["actor2"], e["fatalities"]) for e in events] == [
        ("Excessive force against protesters", ["PROT"], 38)
    ], describe(events)


def test_fighting_that_left_dead_is_still_an_event_not_background() -> None:
    # Real setting: junta troops and the KNDF fought around Mese, Karenni State, in January 2024.
    article = {
        "id": "mese-left-dead",
        "published": "2024-01-10",
        "text": (
            "Junta troops attacked Mese town in Karenni State on Monday, 8 January 2024. "
            "Clashes near the town left three soldiers dead, the KNDF said."
        ),
    }
    events = [r for r in extract(article) if r["kind"] == "event"]
    assert any(e["date"] == "2024-01-08" and e["fatalities"] == 3 for e in events), describe(events)


def test_a_crackdown_told_in_a_clause_after_a_dated_possessive_is_dated_by_it() -> None:
    # Real event: regime forces killed more than 60 people in Hlaing Tharyar, Yangon, on Sunday 14 March 2021.
    article = {
        "id": "hlaing-tharyar-possessive",
        "published": "2021-03-18",
        "text": (
            "Garment workers are leaving Hlaing Tharyar in their thousands since Sunday's massacre, when regime "
            "forces killed more than 60 protesters in the western Yangon township."
        ),
    }
    events = [r for r in extract(article) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["admin1"]) for e in events] == [
        ("Excessive force against protesters", "2021-03-14", "Yangon")
    ], describe(events)
    assert events[0]["admin3"] != "Bahan", "the western Yangon township is not Yangon city"
