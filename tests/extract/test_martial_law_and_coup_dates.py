"""Martial law and the coup's date (issue 10, events on text nobody tuned to). Martial law declared over named
townships is a Strategic development (Other), one record per township; it never displaces the violent event
of its sentence. A date that names the coup ("the February 1 coup", "last month's military coup") dates the
coup, never an event of the sentence. Texts are our own, about real events of 2021 and 2023."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="martial", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_martial_law_over_listed_townships_is_one_event_each() -> None:
    text = (
        "On 2 February 2023 the junta placed Kani, Pale and Yinmabin townships in Sagaing Region under martial "
        "law, state television announced."
    )
    events = events_of(text, "2023-02-03")
    assert {(e["sub_event_type"], e["date"], e["admin3"]) for e in events} == {
        ("Other", "2023-02-02", "Kani"),
        ("Other", "2023-02-02", "Pale"),
        ("Other", "2023-02-02", "Yinmarbin"),
    }, events
    assert all(e["actor1"] == ["MIL"] for e in events), events


def test_a_town_placed_under_martial_law_is_an_event() -> None:
    text = (
        "The military council placed Laukkaing Township in the Kokang region of northern Shan State under martial "
        "law on 12 November 2023 as the MNDAA closed in on the town."
    )
    events = events_of(text, "2023-11-14")
    assert ("Other", "2023-11-12", "Shan") in {(e["sub_event_type"], e["date"], e["admin1"]) for e in events}, events


def test_martial_law_never_displaces_the_killing_it_follows() -> None:
    text = (
        "Myanmar's junta imposed martial law in Hlaingthaya Township of Yangon on Sunday after security forces "
        "shot dead at least 30 protesters there."
    )
    events = events_of(text, "2021-03-15")
    kinds = {e["sub_event_type"] for e in events}
    assert "Excessive force against protesters" in kinds, events


def test_the_coups_date_never_dates_an_event() -> None:
    text = (
        "Soldiers burned down about 40 houses in Kinma village of Magway Region's Pauk Township, residents said, "
        "the largest arson attack in the township since opposition to the February 1 coup took up arms."
    )
    events = events_of(text, "2021-06-17")
    assert all(e["date"] != "2021-02-01" for e in events), events
    text = (
        "Police fired on a rally in Myingyan in Mandalay Region, residents said, weeks after last month's military "
        "coup."
    )
    assert all(e["date"] != "2021-02-15" for e in events_of(text, "2021-03-10")), events_of(text, "2021-03-10")
