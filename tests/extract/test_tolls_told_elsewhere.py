"""Tolls told away from the event's own words (issue 10, fields on text nobody tuned to): a count of the dead as
a noun phrase ("the deaths of about 40 people", "the massacre of over 50 villagers"), people counted with the
armed group they belonged to ("four fighters of the Chin National Army (CNA) died"), a later sentence
already attached to the event as its evidence that gives the count, and a title in sentence case ("Air strike
on village school kills 11 pupils") or one that drops the noun ("Jet Strike Kills 40, Injures 20"). Texts are
our own, about the real strikes on Kyauk Ni Maw (Ramree, January 2025), Camp Victoria (Thantlang, January
2023) and Let Yet Kone (Tabayin, September 2022)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.fatalities import read_casualties
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="tolls", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_count_of_the_dead_told_as_a_noun_phrase_is_the_toll() -> None:
    assert read_casualties("The bombing caused the deaths of about 40 villagers, officials said.").fatalities == 40
    assert read_casualties("Soldiers were blamed for the massacre of over 50 men in the village.").fatalities == 50
    assert read_casualties("The killing of two monks at the gate angered residents.").fatalities == 2


def test_people_counted_with_their_armed_group_are_the_dead() -> None:
    text = "Four fighters of the Chin National Army (CNA) died when the jets struck their base."
    assert read_casualties(text).fatalities == 4
    assert read_casualties("Two fighters from the local defence force were killed.").fatalities == 2


def test_a_later_sentence_attached_to_the_event_gives_its_toll() -> None:
    text = (
        "A junta air strike has hit an island village in western Myanmar, residents said. "
        "The attack took place on Wednesday afternoon in Kyauk Ni Maw village in Ramree Township, Rakhine State, "
        "when a fighter jet bombed the village; 40 civilians died and 20 more were hurt."
    )
    strikes = [e for e in events_of(text, "2025-01-10") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["date"], e["fatalities"]) for e in strikes] == [("2025-01-08", 40)], strikes


def test_a_title_in_sentence_case_gives_the_lead_its_toll() -> None:
    text = (
        "Air strike on village school kills 11 pupils\n\n"
        "At least eleven pupils lost their lives after helicopters fired on a school, a UN agency said. "
        "The agency said the air strike on the school in Let Yet Kone village, Tabayin Township, Sagaing "
        "Region, took place on Friday."
    )
    strikes = [e for e in events_of(text, "2022-09-19") if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["fatalities"] == 11, strikes


def test_a_title_without_the_noun_gives_the_lead_its_toll() -> None:
    text = (
        "Jet Strike On Rakhine Island Village Kills 40, Injures 20\n\n"
        "Junta aircraft bombed Kyauk Ni Maw village in Ramree Township, Rakhine State, on Wednesday, the "
        "Arakan Army said."
    )
    strikes = [e for e in events_of(text, "2025-01-09") if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["fatalities"] == 40, strikes


def test_a_distance_in_a_title_is_no_toll() -> None:
    text = (
        "Jet Strike Kills 40 Km From The Border\n\n"
        "A military jet bombed a village in Ramree Township, Rakhine State, on Wednesday, the Arakan Army said."
    )
    strikes = [e for e in events_of(text, "2025-01-09") if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["fatalities"] != 40, strikes


def test_an_undated_lead_gives_its_toll_to_the_event_dated_next() -> None:
    text = (
        "Army helicopters have fired on a monastery school in the centre of the country, killing at least 13 "
        "people, seven of them pupils.\n\n"
        "Witnesses said the helicopter attack on Friday hit Let Yet Kone village in Tabayin Township, Sagaing "
        "Region."
    )
    strikes = [e for e in events_of(text, "2022-09-20") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["date"], e["fatalities"]) for e in strikes] == [("2022-09-16", 13)], strikes


def test_a_dated_lead_toll_is_not_carried_to_a_later_event() -> None:
    text = (
        "Army helicopters fired on a monastery school in Tabayin Township, Sagaing Region, on 16 September 2022, "
        "killing at least 13 people.\n\n"
        "On 18 September, jets bombed Let Yet Kone village again, residents said."
    )
    strikes = [e for e in events_of(text, "2022-09-20") if e["date"] == "2022-09-18"]
    assert strikes and all(e["fatalities"] != 13 for e in strikes), strikes
