"""A village the lead places by its township, named again later without it, is the same village: the arson and
the killings told further down take its township instead of only the state (or nothing). Texts are our own,
about a real event: the army's raid of 10-11 May 2022 on the Sagaing village of Mon Taing Pin (Ye-U township), written
with the spelling "Mone Taing Ping" that the gazetteer lacks."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document

LEAD = (
    "On Thursday villagers came upon further bodies in Mone Taing Ping village, Ye-U Township, in the Sagaing area.\n"
)
MIDDLE = (
    "Soldiers had reached the area on 10 May.\nSome people fled to the forest.\nOthers hid in monasteries.\n"
    "A monk said he had seen smoke.\nThe roads were closed.\nPhones were cut off for two days.\n"
)


def events(text: str) -> list[dict]:
    doc = Document(doc_id="villages-again", text=text, published=dt.date(2022, 5, 15))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_arson_told_later_takes_the_leads_village_and_township() -> None:
    text = LEAD + MIDDLE + "Soldiers torched 29 homes in Mone Taing Ping on 10 May.\n"
    arson = [e for e in events(text) if e["sub_event_type"] == "Looting/property destruction"]
    assert [(e["admin3"], e["location"], e["date"]) for e in arson] == [("Ye-U", "Mone Taing Ping", "2022-05-10")]


def test_a_name_not_in_the_lead_is_not_placed_by_it() -> None:
    text = LEAD + MIDDLE + "Soldiers torched 29 homes in Kyauk Ye Twin on 10 May.\n"
    arson = [e for e in events(text) if e["sub_event_type"] == "Looting/property destruction"]
    assert all(e["location"] != "Mone Taing Ping" for e in arson)


def test_lead_village_stays_in_its_own_sentence() -> None:
    found = events("On 10 May soldiers torched homes in Mone Taing Ping village, Ye-U Township.\n")
    assert [(e["admin3"], e["location"]) for e in found] == [("Ye-U", "Mone Taing Ping")]
