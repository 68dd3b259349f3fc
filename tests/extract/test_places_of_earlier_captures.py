"""A town named as the place of an earlier change of hands in an opening clause ("After the fall of A, the
army won back B", our example) is not where the sentence's event happened when the sentence names
another town; alone, it still places the event. "Nwangkhio" is read as Nawnghkio. Texts are our own, about real
events: the army's recapture of Nawnghkio (July 2025) and of Kyaukme (1 October 2025)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def places(text: str) -> list[tuple[str | None, str | None]]:
    doc = Document(doc_id="earlier-captures", text=text, published=dt.date(2025, 10, 2))
    return [(e["admin3"], e["location"]) for e in (r.to_json() for r in extract_document(doc) if r.kind == "event")]


def test_the_town_taken_before_is_not_the_events_place() -> None:
    text = "After the recapture of the town of Nwangkhio, army units went on to regain Kyaukme on Wednesday."
    assert places(text) == [("Kyaukme", "Kyaukme")]


def test_the_town_taken_before_places_an_event_that_names_no_other() -> None:
    text = "After the fall of Nwangkhio, junta jets bombed the surrounding villages on Wednesday."
    assert places(text) == [("Nawnghkio", "Nwangkhio")]


def test_a_town_compared_with_is_not_the_capture_told() -> None:
    text = "Mawchi became the second town to fall to the resistance this year, after Mese."
    assert [loc for _, loc in places(text)] == ["Mawchi"]
