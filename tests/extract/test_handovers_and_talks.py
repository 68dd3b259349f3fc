"""Handovers and talks (issue 10, events): forces entering a town after the other side withdrew are a
Non-violent transfer of territory, and talks held between armed parties an Agreement. Texts are our own, about
real events of 2025 (the junta's return to Mogoke and Lashio after Chinese-brokered withdrawals)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="handover", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_troops_entering_a_town_after_a_withdrawal_is_a_handover() -> None:
    text = (
        "Junta troops entered Mogoke in Mandalay Region on 20 July following the withdrawal of TNLA forces from "
        "the town, residents said."
    )
    events = events_of(text, "2025-07-22")
    assert [(e["sub_event_type"], e["date"], e["location"]) for e in events] == [
        ("Non-violent transfer of territory", "2025-07-20", "Mogoke")
    ], events


def test_villagers_returning_after_troops_left_is_no_handover() -> None:
    text = "Villagers returned to Ywa Thit in Kani Township on 3 May after the troops had left, a resident said."
    assert [e for e in events_of(text, "2025-05-06") if e["event_type"] == "Strategic developments"] == []


def test_talks_held_between_the_junta_and_a_group_are_an_agreement() -> None:
    text = (
        "Junta and TNLA delegations held a new round of talks in Lashio in northern Shan State on 12 November, "
        "a TNLA spokesman said."
    )
    events = events_of(text, "2025-11-14")
    assert [(e["sub_event_type"], e["date"], e["admin1"]) for e in events] == [("Agreement", "2025-11-12", "Shan")], (
        events
    )


def test_talks_without_armed_parties_are_no_agreement() -> None:
    text = "Teachers and parents held talks in Hpa-an on 2 June about reopening the school, the head teacher said."
    assert events_of(text, "2025-06-04") == []


def test_a_wire_datelines_town_never_places_an_event() -> None:
    # Kyaukme's recapture by the army, told as a wire story filed from Yangon (our wording).
    text = (
        "YANGON, Oct 2, 2025 (AFP) - The military said on Wednesday that its troops had retaken a town on the main "
        "trade route to China from an ethnic armed group."
    )
    events = events_of(text, "2025-10-02")
    assert all(e["admin1"] != "Yangon" for e in events), events


def test_a_local_outlets_dateline_still_places_a_sentence_without_a_place() -> None:
    text = "HPA-AN, Nov 9 (Karen News) — Junta jets bombed a school on Tuesday, killing two pupils, teachers said."
    events = events_of(text, "2023-11-09")
    assert [e["location"] for e in events] == ["Hpa-An"], events


def test_a_village_in_a_named_township_takes_that_townships_state_over_one_told_before() -> None:
    # A regional round-up: Magway is named first, the raid is in Sagaing's Yinmarbin Township (our wording of
    # the February 2022 raid on Chin Pone).
    text = (
        "Clashes went on in Magway Region's Gangaw Township on 20 February. On 26 February, junta jets and "
        "ground troops attacked Chin Pone village in Yinmarbin township, local media reported."
    )
    strikes = [e for e in events_of(text, "2022-03-04") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["admin1"], e["admin3"]) for e in strikes] == [("Sagaing", "Yinmarbin")], strikes


def test_a_capture_told_after_a_clash_of_the_same_day_stays_its_own_event() -> None:
    # The fight for Matupi, June 2024 (our wording): the capture is placed only by its state.
    text = (
        "Chin Brotherhood fighters clashed with junta troops in Matupi Township, Chin State, on 17 June. The "
        "group said it seized the army's LIB 304 on 17 June."
    )
    kinds = sorted(e["sub_event_type"] for e in events_of(text, "2024-06-21"))
    assert kinds == ["Armed clash", "Non-state actor overtakes territory"], kinds


def test_continued_arrests_over_a_month_are_no_single_arrest() -> None:
    text = (
        "Over the past month, fighting spread across Chin State, while the army continued arrests and raids on "
        "villages."
    )
    assert [e for e in events_of(text, "2022-09-15") if e["sub_event_type"] == "Arrests"] == []


def test_one_arrest_on_a_day_is_still_an_event() -> None:
    text = "Police arrested five student activists in Mandalay's Chanayethazan Township on Monday, relatives said."
    assert [e["sub_event_type"] for e in events_of(text, "2022-09-15")] == ["Arrests"]


def test_a_villager_shot_and_wounded_is_an_attack_on_civilians() -> None:
    # Troops firing into a Chin village in October 2021 (our wording).
    text = (
        "Junta troops fired into Lumbang village in Falam Township, Chin State, on 11 October. A villager was shot "
        "in the arm, residents said."
    )
    attacks = [e for e in events_of(text, "2021-10-20") if e["sub_event_type"] == "Attack"]
    assert [(e["date"], e["actor2"], e["fatalities"]) for e in attacks] == [("2021-10-11", ["CIV"], 0)], attacks
