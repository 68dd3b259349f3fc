"""Wordings of real reporting that the rules missed (issue 10, events on text nobody tuned to): a place told in
the sentence after a lead that names none ("The strike hit ..."), strikes told in the passive by the aircraft
("was attacked by two helicopters"), jets "pounding" positions, troops that "encountered" the other side or a
town that "came under attack", a town "taken back" by the army, and a day promised for the future that never
dates an event. Texts are our own, about real events of 2021-2025."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="wordings", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def coded(events: list[dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    return {(e["sub_event_type"], e["date"], e["admin3"]) for e in events}


def test_a_lead_without_a_place_takes_the_place_the_next_sentence_gives_the_strike() -> None:
    text = (
        "A junta fighter jet bombed a village school on Monday, killing at least 20 pupils, teachers said.\n\n"
        "The strike hit the school in Oe Htein Kwin village in Sagaing Region during morning lessons, they said."
    )
    events = events_of(text, "2025-05-13")
    assert ("Air/drone strike", "2025-05-12", "Tabayin") in coded(events), events


def test_a_village_attacked_by_helicopters_is_an_air_strike() -> None:
    text = (
        "On 16 September 2022 Let Yet Kone village in Tabayin Township, Sagaing Region, was attacked by two "
        "military helicopters for about an hour."
    )
    events = events_of(text, "2022-09-20")
    assert ("Air/drone strike", "2022-09-16", "Tabayin") in coded(events), events


def test_jets_pounding_positions_is_an_air_strike() -> None:
    text = "Junta fighter jets kept pounding KIA positions near Laiza in Kachin State on 12 April 2021."
    events = events_of(text, "2021-04-13")
    assert ("Air/drone strike", "2021-04-12") in {(e["sub_event_type"], e["date"]) for e in events}, events


def test_troops_that_encountered_the_other_side_clashed() -> None:
    text = (
        "In Hpakant Township of Kachin State, KIA troops encountered a junta column near Seng Tawng village on "
        "20 May 2021."
    )
    events = events_of(text, "2021-05-22")
    assert ("Armed clash", "2021-05-20", "Hpakant") in coded(events), events


def test_a_town_that_came_under_attack_saw_a_clash() -> None:
    text = "Kawlin town in Sagaing Region came under heavy attack on 3 November 2023, residents said."
    events = events_of(text, "2023-11-05")
    assert ("Armed clash", "2023-11-03", "Kawlin") in coded(events), events


def test_a_town_taken_back_by_the_army_is_regained_territory() -> None:
    text = "The military took back control of Nawnghkio town in northern Shan State on 17 July 2025."
    events = events_of(text, "2025-07-18")
    assert ("Government regains territory", "2025-07-17", "Nawnghkio") in coded(events), events


def test_a_day_promised_for_the_future_never_dates_an_event() -> None:
    text = (
        "The army said on Thursday it had retaken Kyaukme in Shan State. It has stepped up airstrikes to win back "
        "ground before the vote it has pledged to stage beginning Dec. 28."
    )
    events = events_of(text, "2025-10-02")
    assert all(e["date"] != "2024-12-28" for e in events), events
