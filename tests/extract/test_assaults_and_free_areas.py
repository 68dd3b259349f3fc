"""Assaults begun, areas declared free of the junta and towns taken without a fight (issue 10, events on text
nobody tuned to). "began its assault on X on <day>" is a clash on that day; a town "declared junta-free" was taken;
when a sentence tells the start of an assault and, later, the capture, each takes its own day, the capture the last
day told before its verb ("began its assault on 5 November and, by 7 April, had seized the last base"); a town
taken "without a fight" was handed over, a non-violent transfer. Texts are our own, about the real battles for
Falam, Chin State, in 2024-2025 and Mese, Kayah State, in 2023."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="assaults", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def coded(events: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(e["sub_event_type"], e["date"]) for e in events}


def test_an_assault_begun_and_a_base_seized_later_each_keep_their_day() -> None:
    text = (
        "Chin resistance forces began their assault on Falam in Chin State on 9 November 2024 and, by Monday, "
        "7 April 2025, had seized the last junta base in the town, a spokesman said."
    )
    events = events_of(text, "2025-04-09")
    assert {("Armed clash", "2024-11-09"), ("Non-state actor overtakes territory", "2025-04-07")} <= coded(events), (
        events
    )


def test_a_township_declared_free_of_the_junta_was_taken() -> None:
    text = (
        "Falam was attacked by Chin forces on 9 November 2024, and five months later, on 9 April 2025, the "
        "alliance declared the whole of Falam Township in Chin State a junta-free area."
    )
    events = events_of(text, "2025-04-12")
    assert ("Non-state actor overtakes territory", "2025-04-09") in coded(events), events


def test_a_town_taken_without_a_fight_is_a_non_violent_transfer() -> None:
    text = (
        "Karenni resistance forces took control of Mese town in Kayah State on 13 June 2023 without a fight after "
        "the junta's garrison fled, a KNDF officer said."
    )
    events = events_of(text, "2023-06-15")
    assert ("Non-violent transfer of territory", "2023-06-13") in coded(events), events
    assert ("Non-state actor overtakes territory", "2023-06-13") not in coded(events), events
