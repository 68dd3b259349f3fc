"""Per-field provenance: every field of an extracted event names the rule that set it, later changes included,
and the names survive the store (texts are our own)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.model import Document, EventRecord
from mawgun.store.convert import actor_rows, event_row, record_from_row

JETS = "Junta jets bombed a village in Kani Township, Sagaing Region, on 2 April, killing two farmers."


def events_of(text: str, published: str = "2024-04-06") -> list[EventRecord]:
    doc = Document(doc_id="why", text=text, published=dt.date.fromisoformat(published))
    return [r for r in extract_document(doc) if isinstance(r, EventRecord)]


def why(record: EventRecord) -> dict[str, Any]:
    return dict(record.to_json()["provenance_fields"])


def test_every_coded_field_names_its_rule() -> None:
    (event,) = events_of(JETS)
    fields = why(event)
    assert fields["event_type"] == fields["sub_event_type"] == "air.strike"
    assert fields["date"].startswith("event_dates.event_date/")
    assert fields["place"] == "event_places.event_places"
    assert fields["fatalities"] == "fatalities.read_casualties"
    assert fields["actor1"] == "actors.assign_roles"


def test_a_toll_told_in_the_next_sentence_names_the_rule_that_took_it() -> None:
    events = events_of(
        "Junta jets bombed Kone Thar village in Sagaing Region on Sunday, 31 March 2024. "
        "Rescue workers said seven people were killed."
    )
    assert [e.fatalities for e in events] == [7]
    assert why(events[0])["fatalities"] == "event_details.attach_toll"


def test_a_list_of_regions_and_a_clause_with_its_own_day_name_their_rules() -> None:
    listed = events_of(
        "Troops arrested dozens of young men in Sagaing and Magway regions and Chin State on Monday, 1 April 2024."
    )
    assert {why(e)["place"] for e in listed} == {"event_lists.listed_places"}
    clauses = events_of(
        "Resistance forces began attacking Shadaw on 15 January 2024 and seized the town on 12 February 2024."
    )
    assert {e.sub_event_type: why(e)["date"] for e in clauses}["Non-state actor overtakes territory"] == (
        "event_clauses.own_day"
    )


def test_field_rules_survive_the_store() -> None:
    (event,) = events_of(JETS)
    row = event_row(event, "why")
    back = record_from_row(row, actor_rows(event), [])
    assert back.provenance.fields == event.provenance.fields
