"""Hills, mountains and camps the gazetteer does not hold (issue 10, places on text nobody tuned to): an event
placed no finer than a township whose sentence names such a site is located at the site as written ("Camp
Victoria", "Alaw Bum"), keeping the township and state its place gave; a camp named by a description ("an IDP
camp", "the junta camp") or as where the attackers came from is not a site name. Texts are our own, about the
real strikes on the Chin National Front's headquarters (Thantlang, January 2023) and the fighting for Alaw Bum
(Momauk, Kachin State, 2021)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="sites", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_named_camp_in_a_township_is_the_location() -> None:
    text = (
        "On 10 January 2023 junta fighter jets bombed Camp Victoria, the Chin National Front's base in "
        "Thantlang Township, Chin State, the group said."
    )
    strikes = [e for e in events_of(text, "2023-01-11") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["location"], e["admin3"], e["admin1"]) for e in strikes] == [("Camp Victoria", "Thantlang", "Chin")]


def test_a_named_mountain_is_the_location() -> None:
    text = (
        "The army shelled the Kachin Independence Army's positions on Alaw Bum in Momauk Township, Kachin State, "
        "on 11 April 2021, residents said."
    )
    events = events_of(text, "2021-04-12")
    assert events and all(e["location"] == "Alaw Bum" and e["admin3"] == "Momauk" for e in events), events


def test_a_camp_named_by_a_description_is_no_site() -> None:
    text = "Junta jets bombed an IDP camp in Thantlang Township, Chin State, on 10 January 2023, residents said."
    events = events_of(text, "2023-01-11")
    assert events and all(e["location"] != "IDP camp" for e in events), events
