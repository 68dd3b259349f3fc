"""An armed group's name is whose post it is, not where it is (issue 10, places; issue 16, an actor's name read
as a place): "the KIA outpost", "a KNLA camp", "the Arakan Army base" are read as places only from the word after
the name, and a group's name there is never the event's location; a named camp ("Zinbaw Hta camp") still is. Texts
are our own, about the real fighting for Alaw Bum (Kachin State, 2021) and in Hpapun (Kayin State, 2021)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.places import find_places
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="actor-places", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_group_named_before_outpost_or_base_is_no_place() -> None:
    for text in (
        "Two army columns attacked the KIA outpost on the ridge.",
        "Soldiers stormed the Arakan Army base at dawn.",
        "Drones hit a TNLA camp overnight.",
    ):
        assert [p.location for p in find_places(text, 0, len(text))] == [], text


def test_a_named_camp_is_still_a_place() -> None:
    text = "Troops shelled Zinbaw Hta camp on Monday."
    assert [p.location for p in find_places(text, 0, len(text))] == ["Zinbaw Hta"]


def test_the_clash_at_a_group_outpost_keeps_its_state_and_no_group_as_location() -> None:
    text = (
        "The Kachin Independence Army holds Alaw Bum in Momauk Township, Kachin State.\n"
        "An army battalion attacked the KIA outpost on the mountain on Tuesday, losing dozens of men, the KIA said."
    )
    clashes = [e for e in events_of(text, "2021-04-14") if e["event_type"] == "Battles"]
    assert clashes and all(e["location"] != "KIA" and e["admin1"] == "Kachin" for e in clashes), clashes


def test_a_group_camp_bombed_in_a_township_is_placed_in_the_township() -> None:
    text = "Junta jets bombed a KNLA camp in Hpapun Township, Kayin State, on 27 April 2021."
    strikes = events_of(text, "2021-04-28")
    assert [(e["location"], e["admin3"]) for e in strikes] == [("Hpapun", "Hpapun")], strikes
