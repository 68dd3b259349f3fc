"""Variant spellings of townships ("Shwepyitha", "Hlinethaya", "Thibaw", "Htantlang"), two townships listed with
"and neighbouring" each placed, a city spread over townships ("Yangon") dropped when the sentence names one of
its townships, a declaration of martial law coded with the state as its actor, and "fighting the fires" read as
no clash. Texts are our own, about real events: martial law over Hlaing Tharyar and Shwepyithar townships
(14 March 2021), fighting near Hsipaw (2023), the siege of Thantlang (2021)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.geo import get_geocoder
from mawgun.model import Document


def events(text: str, published: str = "2021-03-15") -> list[dict]:
    doc = Document(doc_id="township-spellings", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


@pytest.mark.parametrize(
    ("written", "township"),
    [
        ("Shwepyitha", "Shwepyithar"),
        ("Hlinethaya", "Hlaingtharya"),
        ("Thibaw", "Hsipaw"),
        ("Htantlang", "Thantlang"),
        ("Pasawng", "Hpasawng"),
        ("Sandoway", "Thandwe"),
    ],
)
def test_variant_township_spellings_resolve(written: str, township: str) -> None:
    found = get_geocoder().find_places(f"Troops arrived in {written} on Monday.")
    assert [p.admin3 for p in found] == [township]


def test_two_townships_listed_with_neighbouring_each_get_martial_law() -> None:
    text = (
        "Protesters were shot across the city on Sunday. That night the junta extended martial law to Hlaing Tharyar "
        "township and neighbouring Shwepyitha township, both in Yangon."
    )
    found = [e for e in events(text) if e["sub_event_type"] == "Other"]
    assert sorted((e["admin3"], e["date"]) for e in found) == [
        ("Hlaingtharya", "2021-03-14"),
        ("Shwepyithar", "2021-03-14"),
    ]
    assert all(e["actor1"] == ["MIL"] for e in found)


def test_city_named_with_its_townships_gives_way_to_them() -> None:
    text = "Most deaths were in Yangon, where Hlaing Tharyar and Shwepyithar were put under martial law on Sunday."
    found = [e for e in events(text) if e["sub_event_type"] == "Other"]
    assert sorted(e["admin3"] for e in found) == ["Hlaingtharya", "Shwepyithar"]


def test_martial_law_with_no_agent_named_is_the_militarys() -> None:
    found = events("State television said martial law was declared on Sunday in Hlaing Tharyar township.")
    assert [(e["sub_event_type"], e["actor1"]) for e in found] == [("Other", ["MIL"])]


def test_fighting_a_fire_is_no_clash() -> None:
    text = (
        "Several clothing plants in Hlinethaya township went up in flames on Sunday. "
        "Firefighters spent hours fighting the fires in Hlinethaya township on Sunday."
    )
    assert all(e["event_type"] != "Battles" for e in events(text))


def test_fighting_between_troops_stays_a_clash() -> None:
    found = events("The TNLA and junta troops clashed near Thibaw on Monday.", "2023-06-14")
    assert [(e["sub_event_type"], e["admin3"]) for e in found] == [("Armed clash", "Hsipaw")]


def test_a_last_paragraph_cut_off_mid_sentence_is_still_read() -> None:
    text = (
        "Police fired live rounds at demonstrators in Hlaing Tharyar township on Sunday.\n\n"
        "By the evening of Sunday, the generals had extended martial law to Shwepyitha and to the next t"
    )
    found = [(e["sub_event_type"], e["admin3"]) for e in events(text, "2021-03-14")]
    assert ("Other", "Shwepyithar") in found


def test_a_short_last_line_without_a_stop_is_still_a_title() -> None:
    text = "Police fired live rounds at demonstrators in Hlaing Tharyar township on Sunday.\n\nMartial law in Yangon"
    assert [e["sub_event_type"] for e in events(text, "2021-03-14")] == ["Excessive force against protesters"]


def test_ka_mai_is_kamaing_in_hpakant() -> None:
    found = get_geocoder().find_places("KIA troops attacked a column in Ka-Mai on Wednesday.")
    assert [(p.admin3, p.location) for p in found] == [("Hpakant", "Kamaing")]
