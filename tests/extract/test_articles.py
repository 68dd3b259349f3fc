"""Fixture articles in several outlets' styles: each expected event, statistic and sanction is extracted, and
background or opinion text yields no events. Run with the project's gazetteer and actor registry, which extraction
requires (a missing one is an error, see test_resources.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from mawgun.extract import extract_document
from mawgun.model import Document

ARTICLES = yaml.safe_load((Path(__file__).parent / "fixtures" / "articles.yaml").read_text(encoding="utf-8"))


def extract(article: dict[str, Any]) -> list[dict[str, Any]]:
    doc = Document(doc_id=article["id"], text=article["text"], published=dt.date.fromisoformat(article["published"]))
    return [r.to_json() for r in extract_document(doc)]


def fits(record: dict[str, Any], expected: dict[str, Any]) -> bool:
    for key, want in expected.items():
        if key == "has_tag":
            ok = want in record["tags"]
        elif key == "evidence_count":
            ok = len(record["evidence"]) == want
        elif key in {"actor1", "actor2"}:
            ok = set(want) <= set(record[key])
        elif key == "value":
            ok = abs(record["value"] - want) < 0.5
        else:
            ok = record.get(key) == want
        if not ok:
            return False
    return True


def describe(records: list[dict[str, Any]]) -> str:
    keys = (
        "kind",
        "event_type",
        "sub_event_type",
        "date",
        "admin1",
        "admin3",
        "location",
        "actor1",
        "actor2",
        "fatalities",
        "metric",
        "value",
        "qualifier",
        "source_org",
        "authority",
        "target",
    )
    return "\n".join(str({k: r.get(k) for k in keys if r.get(k) is not None}) for r in records)


CASES = [
    (a["id"], kind, i, exp)
    for a in ARTICLES
    for kind in ("events", "statistics", "sanctions")
    for i, exp in enumerate(a.get(kind, []))
]


@pytest.mark.parametrize("article_id, kind, number, expected", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_expected_record_is_extracted(article_id: str, kind: str, number: int, expected: dict) -> None:
    article = next(a for a in ARTICLES if a["id"] == article_id)
    records = extract(article)
    wanted_kind = {"events": "event", "statistics": "statistic", "sanctions": "sanction"}[kind]
    candidates = [r for r in records if r["kind"] == wanted_kind]
    assert any(fits(r, expected) for r in candidates), f"missing {expected}\nfound:\n{describe(candidates)}"


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_no_more_events_than_the_text_reports(article: dict) -> None:
    events = [r for r in extract(article) if r["kind"] == "event"]
    limit = 0 if article.get("no_events") else article.get("max_events", 99)
    assert len(events) <= limit, describe(events)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_every_record_keeps_exact_evidence_and_provenance(article: dict) -> None:
    for record in extract(article):
        assert record["evidence"], record
        for span in record["evidence"]:
            assert article["text"][span["start"] : span["end"]] == span["text"]
        assert record["component"] and record["version"] and record["rule"] and 0 < record["confidence"] <= 1


def test_rerunning_gives_the_same_record_ids() -> None:
    article = ARTICLES[0]
    assert [r["record_id"] for r in extract(article)] == [r["record_id"] for r in extract(article)]


def test_a_non_state_force_named_before_the_trigger_acts() -> None:
    text = "The Arakan Army shelled junta positions in Paletwa Township, Chin State, on 3 March, killing five soldiers."
    article = {"id": "aa-shelling", "text": text, "published": "2024-03-05"}
    (event,) = [r for r in extract(article) if r["kind"] == "event"]
    assert (event["actor1"], event["actor2"], event["fatalities"]) == (["AA"], ["MIL"], 5)


def test_two_events_joined_by_and_each_with_its_day_are_two_records() -> None:
    text = (
        "Junta jets bombed Kanan village in Tamu Township on Monday, killing three civilians, and troops burned "
        "down 40 houses in Kyin village in Gangaw Township on Tuesday."
    )
    events = [r for r in extract({"id": "two", "text": text, "published": "2024-03-07"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["fatalities"]) for e in events] == [
        ("Air/drone strike", "2024-03-04", 3),
        ("Looting/property destruction", "2024-03-05", 0),
    ]


def test_the_agent_after_by_acts_even_in_a_drone_strike() -> None:
    text = (
        "A drone strike by the Karenni Nationalities Defence Force on a junta base in Loikaw on Monday "
        "killed 10 soldiers."
    )
    (event,) = [r for r in extract({"id": "by", "text": text, "published": "2024-03-06"}) if r["kind"] == "event"]
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["date"]) == (
        "Air/drone strike",
        ["KNDF"],
        ["MIL"],
        "2024-03-04",
    )


def test_a_clause_with_its_own_day_in_an_aggregate_sentence_is_still_an_event() -> None:
    text = (
        "Since the fighting began in May 2021, troops have burned 500 houses in Sagaing Region, and on Monday "
        "they torched 30 more in Kyin village."
    )
    records = extract({"id": "agg", "text": text, "published": "2024-03-06"})
    events = [r for r in records if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["admin1"], e["location"]) for e in events] == [
        ("Looting/property destruction", "2024-03-04", "Sagaing", "Kyin")
    ]
    assert any(r["kind"] == "statistic" and r["value"] == 500 for r in records)


def test_a_lead_takes_the_day_of_the_detail_that_follows_and_keeps_its_higher_toll() -> None:
    text = (
        "Junta kills 12 in Kani raid\n\n"
        "Junta troops killed 12 villagers in Sagaing region’s Kani township, residents said Tuesday.\n\n"
        "The soldiers entered Yae Myet village on Sunday morning and shot dead five men who had stayed behind "
        "to guard their homes, a resident said."
    )
    events = [r for r in extract({"id": "lead", "text": text, "published": "2024-03-05"}) if r["kind"] == "event"]
    assert [(e["date"], e["admin1"], e["fatalities"], len(e["evidence"])) for e in events] == [
        ("2024-03-03", "Sagaing", 12, 2)
    ]


def test_quoted_speech_telling_a_dated_event_counts_but_opinion_does_not() -> None:
    text = (
        "“Jets bombed our village on Monday morning and killed my brother,” said Ko Aung, a resident of Kyin "
        "village in Tabayin Township, Sagaing Region.\n\n"
        "“The junta has destroyed everything in Sagaing Region,” he said."
    )
    events = [r for r in extract({"id": "quote", "text": text, "published": "2024-03-06"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["fatalities"]) for e in events] == [
        ("Air/drone strike", "2024-03-04", 1)
    ]


def test_a_village_before_a_singular_township_is_one_place() -> None:
    text = "On 3 May, a drone attack hit a monastery in Lungler, Falam Township, Chin State, killing two people."
    events = [r for r in extract({"id": "one", "text": text, "published": "2024-05-06"}) if r["kind"] == "event"]
    assert len(events) == 1 and events[0]["location"] == "Lungler"


def test_more_ways_of_telling_strikes_mines_and_killings() -> None:
    text = (
        "Junta warplanes bombarded Laiza in Kachin State on Monday.\n\n"
        "A roadside mine detonated near Mansi town in Kachin State on 2 May, killing two soldiers.\n\n"
        "Soldiers burned three villagers to death in Yinmabin Township, Sagaing Region, on 4 May."
    )
    events = [r for r in extract({"id": "ways", "text": text, "published": "2024-05-08"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["fatalities"]) for e in events] == [
        ("Air/drone strike", "2024-05-06", None),
        ("Remote explosive/landmine/IED", "2024-05-02", 2),
        ("Attack", "2024-05-04", 3),
    ]


def test_breakdowns_containers_and_wording_variants() -> None:
    text = (
        "Junta troops killed 12 villagers, five of them women, in Mandalay's Chanmyathazi Township on 2 June.\n\n"
        "Police opened fire on pro-democracy protesters in Monywa, Sagaing Region, on 3 June, killing two people.\n\n"
        "The Arakan Army said its fighters took full control of the junta base in Paletwa, Chin State, on 4 June."
    )
    events = [r for r in extract({"id": "vars", "text": text, "published": "2024-06-06"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["fatalities"]) for e in events] == [
        ("Attack", "2024-06-02", 12),
        ("Excessive force against protesters", "2024-06-03", 2),
        ("Non-state actor overtakes territory", "2024-06-04", None),
    ]
    assert events[0]["location"] == "Chanmyathazi"


def test_statement_days_shells_that_land_and_weeks_of_fighting() -> None:
    text = (
        "In a statement released on Wednesday, the NUG said PDF units had killed 25 junta soldiers in fighting "
        "in Sagaing Region's Myaung Township over the past week.\n\n"
        "A woman was killed and three others injured when a shell landed on their home in Kyaukme town, "
        "northern Shan State, on Friday night."
    )
    events = [r for r in extract({"id": "week", "text": text, "published": "2022-12-02"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["date"], e["date_precision"], e["fatalities"], e["injuries"]) for e in events] == [
        ("Armed clash", "2022-11-25", "week", 25, None),
        ("Shelling/artillery/missile attack", "2022-12-02", "day", 1, 3),
    ]


def test_the_side_named_first_acts_in_a_clash_and_raids_arrest() -> None:
    text = (
        "The military launched an offensive against the KIA in Kachin State's Waingmaw Township on 10 July.\n\n"
        "Regime forces arrested a Buddhist monk and two novices during a raid on a monastery in Myingyan, "
        "Mandalay Region, on 11 July."
    )
    events = [r for r in extract({"id": "sides", "text": text, "published": "2023-07-14"}) if r["kind"] == "event"]
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Armed clash", ["MIL"], ["KIA"]),
        ("Arrests", ["MIL"], ["CIV"]),
    ]


def test_listed_villages_give_one_event_each() -> None:
    text = (
        "Junta troops torched Ywa Thit, Kyauk Kyi and Hnaw Kone villages in Tabayin Township, Sagaing Region, "
        "on Monday."
    )
    events = [r for r in extract({"id": "vil", "text": text, "published": "2024-06-30"}) if r["kind"] == "event"]
    assert [(e["location"], e["admin1"], e["date"]) for e in events] == [
        ("Ywa Thit", "Sagaing", "2024-06-24"),
        ("Kyauk Kyi", "Sagaing", "2024-06-24"),
        ("Hnaw Kone", "Sagaing", "2024-06-24"),
    ]
