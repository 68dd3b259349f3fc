"""Statement days, cumulative counts and killings at protests (issue 10, events on text nobody tuned to). The day
a group "said in a statement on Friday" or is "confirming today" is the day the news was told, not the day of
the killing it reports; a violent verb inside a running count ("the number of people killed since the coup") is
a cumulative figure, not an event, while "a number of villagers were gunned down" is one; people shot dead "during
protests" were killed in a crackdown on a protest. Texts are our own, about real events of 2021."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.dates import find_dates
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="statements", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_days_of_statements_are_report_days() -> None:
    for text in (
        "the charity said in a statement on Friday",
        "the KNDF said in a Facebook post on Monday",
        "we are confirming today the loss of two colleagues",
    ):
        mentions = find_dates(text, 0, len(text), dt.date(2021, 12, 28))
        assert mentions and all(m.report for m in mentions), (text, mentions)


def test_a_killing_told_in_a_statement_keeps_its_own_day() -> None:
    text = (
        "Save the Children is confirming today the deaths of two of its staff, among villagers killed by soldiers "
        "near Mo So village in Hpruso Township, Kayah State, on 24 December."
    )
    events = events_of(text, "2021-12-28")
    assert [(e["sub_event_type"], e["date"]) for e in events] == [("Attack", "2021-12-24")], events


def test_a_running_count_of_the_dead_is_no_event() -> None:
    text = (
        "Sunday's bloodshed in Yangon brings the number of people killed by security forces since the coup to "
        "about 120, a monitoring group said."
    )
    assert [e for e in events_of(text, "2021-03-15") if e["event_type"] == "Violence against civilians"] == []


def test_people_shot_dead_during_protests_met_excessive_force() -> None:
    text = "A number of students were gunned down at an anti-coup rally in Mandalay on Sunday, witnesses said."
    events = events_of(text, "2021-03-15")
    assert [(e["sub_event_type"], e["admin1"]) for e in events] == [("Excessive force against protesters", "Mandalay")]


def test_an_appeal_to_halt_strikes_is_no_strike() -> None:
    text = (
        "In a video released by the Arakan Army in Ann, Rakhine State, on Friday, the captured general said: "
        "Please halt the air strikes on villages."
    )
    assert [e for e in events_of(text, "2024-12-27") if e["sub_event_type"] == "Air/drone strike"] == []


def test_what_the_army_does_across_the_country_is_no_event() -> None:
    text = (
        "Fighting raged in Hpruso Township of Kayah State on Friday. Across the country, the army has answered "
        "resistance by bombing villages and burning homes."
    )
    events = events_of(text, "2021-12-26")
    assert [e["sub_event_type"] for e in events] == ["Armed clash"], events


def test_ongoing_clashes_told_without_a_day_are_no_event() -> None:
    text = (
        "The Arakan Army took Ann in Rakhine State on 20 December. Last month aid groups warned of hunger in "
        "Rakhine State as ongoing clashes cut off trade."
    )
    events = events_of(text, "2024-12-21")
    assert [e["sub_event_type"] for e in events] == ["Non-state actor overtakes territory"], events


def test_decades_of_fighting_are_the_setting_of_a_capture() -> None:
    text = (
        "In decades of fighting since 1948, the army never gave up a regional command until 3 August 2024, when "
        "the MNDAA seized the Northeastern Command in Lashio in Shan State."
    )
    events = events_of(text, "2024-12-21")
    assert [e["sub_event_type"] for e in events] == ["Non-state actor overtakes territory"], events
