"""Photo captions closed by a credit, and deaths told with a protest (issue 10, events; issue 16, a crackdown coded
as a peaceful protest). A paragraph that ends with a photo credit ("(AP Photo)", "(Photo: AFP/...)") is a caption,
every sentence of it: it retells the story beside a picture and tells no event of its own. A protest told with
deaths in its clause ("deaths were reported ... in Mandalay", "a protester died") is no peaceful protest: it is
excessive force. Texts are our own, about the real crackdowns of 14 March 2021 and the KNU's capture of a border
outpost on 27 April 2021."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="captions", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_paragraph_closed_by_a_photo_credit_tells_no_event() -> None:
    text = (
        "Protesters carry a wounded man in Hlaing Tharyar township in Yangon, Sunday, March 14, 2021. Security "
        "forces killed several demonstrators in Yangon that day. (AP Photo)\n"
        "\n"
        "The army declared martial law in two Yangon townships on Sunday night.\n"
    )
    kinds = [e["event_type"] for e in events_of(text, "2021-03-15")]
    assert "Protests" not in kinds, kinds


def test_a_credit_with_the_photographer_closes_a_caption_too() -> None:
    text = (
        "Smoke rises over an army outpost on the Salween river, seen from the Thai bank, after it was captured on "
        "April 27, 2021.\n"
        "(Photo: AFP/Handout)\n"
    )
    assert events_of(text, "2021-04-28") == []


def test_a_sentence_of_the_story_after_a_caption_still_tells_its_event() -> None:
    text = (
        "Smoke rises over an army outpost on the Salween river. (Reuters Photo)\n"
        "\n"
        "The Karen National Union captured the outpost in Hpapun Township, Kayin State, on 27 April 2021.\n"
    )
    captures = [e for e in events_of(text, "2021-04-28") if e["event_type"] == "Battles"]
    assert [e["admin3"] for e in captures] == ["Hpapun"], captures


def test_deaths_told_with_a_confrontation_with_protesters_are_no_peaceful_protest() -> None:
    text = (
        "Two more deaths were reported in Mandalay on Sunday, where police confronted protesters blocking a "
        "main road, witnesses said."
    )
    protests = [e for e in events_of(text, "2021-03-15") if e["event_type"] == "Protests"]
    assert protests and all(e["sub_event_type"] != "Peaceful protest" for e in protests), protests
