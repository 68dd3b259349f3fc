"""A sentence telling that fighting stopped, ended, eased or died down, a lull in the fighting, is no armed clash
(issue 16, the fixture's Lashio split): the end of fighting is no event of its own, at most context. Fighting
that has not stopped, that resumed or that goes on is still a clash. Texts are our own, about the real fall of
the North Eastern Command in Lashio to the MNDAA (3 August 2024) and the China-brokered truce in northern Shan
(January 2024)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document


def events(text: str, published: str = "2024-08-06") -> list[dict[str, Any]]:
    doc = Document(doc_id="fighting-stopped", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


@pytest.mark.parametrize(
    "text",
    [
        "People living in Lashio said on Sunday that fighting in the town had largely stopped.",
        "Locals in Lashio said the fighting had died down by Sunday evening.",
        "Clashes around Lashio have eased since the weekend, a shopkeeper told reporters on Monday.",
        "Fighting in Lashio came to a halt on Sunday, according to residents.",
        "There has been a lull in the fighting in Lashio since Saturday, residents said.",
        "Residents of Lashio said the guns fell silent on Sunday and calm returned to the market.",
        "Fighting in northern Shan State largely subsided after the truce agreed in Kunming in January.",
    ],
)
def test_fighting_told_as_stopping_is_no_clash(text: str) -> None:
    found = [e for e in events(text) if e["sub_event_type"] == "Armed clash"]
    assert found == [], found


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the MNDAA and the army in Lashio resumed on Tuesday, residents said.",
        "Residents said fighting in Lashio had not stopped on Sunday.",
        "The MNDAA clashed with junta troops in Lashio township on Tuesday, residents said.",
    ],
)
def test_fighting_that_goes_on_or_resumes_is_a_clash(text: str) -> None:
    found = events(text)
    assert [(e["sub_event_type"], e["location"]) for e in found] == [("Armed clash", "Lashio")], found


def test_a_capture_told_with_the_end_of_fighting_is_one_event() -> None:
    text = (
        "The MNDAA said on Saturday that it had captured the army's North Eastern Command headquarters in Lashio. "
        "People in the town said the fighting had largely stopped."
    )
    found = events(text, published="2024-08-04")
    assert [e["sub_event_type"] for e in found] == ["Non-state actor overtakes territory"], found
