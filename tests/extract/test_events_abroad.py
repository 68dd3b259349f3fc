"""A sentence that opens by placing itself in another country ("In Indonesia, ...", regional overviews) tells no
event in Myanmar, with a capital "In" as sentences begin, while the Myanmar sentences around it keep theirs.
Texts are our own, written in the style of a weekly regional overview."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def events(text: str) -> list[dict]:
    doc = Document(doc_id="abroad", text=text, published=dt.date(2022, 9, 15))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_sentence_set_in_another_country_tells_no_event() -> None:
    text = (
        "Last week, junta troops burned houses in Kawkareik township, Kayin state. "
        "In Indonesia, soldiers killed three villagers in a raid. "
        "Across neighbouring Thailand, police detained 20 protesters."
    )
    found = events(text)
    assert [(e["admin1"], e["sub_event_type"]) for e in found] == [("Kayin", "Looting/property destruction")]


def test_thai_border_villages_and_places_people_fled_to_are_not_the_fighting() -> None:
    text = (
        "Karen fighters attacked an army outpost on the Salween on Tuesday.\n"
        "Residents of Mae Sam Laep, some 400 people, were relocated to shelters in Ban Huay Kong village.\n"
        "A woman was hurt by a stray round, the governor said, describing Tuesday's fighting "
        "across the river in Karen state."
    )
    found = events(text)
    assert found and all(e["location"] not in {"Mae Sam Laep", "Ban Huay Kong"} for e in found)
    assert {e["admin1"] for e in found} == {"Kayin"}
