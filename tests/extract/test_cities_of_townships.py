"""Cities spread over many townships, and cities told by what they are (issue 10, wrong townships; issue 16,
extraction errors that split one event's reports). Yangon, Mandalay and Nay Pyi Taw are no one township: the
gazetteer's point for "Yangon" lies in Bahan, which is no evidence of where an event in "Yangon" happened, so the
place names the city and its state and no township; an event told "in Yangon" and again "in Yangon's Hlaing
Tharyar township" is one record placed in the township. Wire stories name Yangon as "the country's largest city"
and Mandalay as "its second-largest city"; such a description places the sentence in that city. A standfirst
line under a title, with no final stop, ends its sentence before the lead. Texts are our own, about the real
crackdowns of 14 March 2021 in Yangon and Mandalay."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mawgun.extract import extract_document
from mawgun.extract.sentences import split_sentences
from mawgun.geo import get_geocoder
from mawgun.model import Document


def events_of(text: str, published: str) -> list[dict[str, Any]]:
    doc = Document(doc_id="cities", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


def test_a_city_of_many_townships_is_placed_in_no_township() -> None:
    for name, state in (("Yangon", "Yangon"), ("Rangoon", "Yangon"), ("Mandalay", "Mandalay")):
        place = get_geocoder().find_places(f"Soldiers patrolled {name} on Monday.")[0]
        assert (place.location, place.admin1, place.admin3) == (name if name != "Rangoon" else "Yangon", state, None)
    town = get_geocoder().find_places("Soldiers patrolled Sittwe on Monday.")[0]
    assert town.admin3 == "Sittwe", "a town that is its township's seat keeps its township"


def test_the_city_and_its_township_told_apart_are_one_event() -> None:
    text = (
        "Soldiers shot dead at least 20 protesters in Yangon's Hlaing Tharyar township on Sunday, rescue workers "
        "said.\n"
        "Residents said troops kept firing on protesters in Yangon well into the night.\n"
    )
    crackdowns = [e for e in events_of(text, "2021-03-15") if e["event_type"] == "Protests"]
    assert [(e["admin3"], e["fatalities"]) for e in crackdowns] == [("Hlaingtharya", 20)], crackdowns


def test_the_largest_city_places_a_wire_sentence_in_yangon() -> None:
    text = "On Saturday police shot at demonstrators in Myanmar's largest city, killing at least five."
    events = events_of(text, "2021-03-15")
    assert [(e["sub_event_type"], e["admin1"], e["location"]) for e in events] == [
        ("Excessive force against protesters", "Yangon", "Yangon")
    ], events


def test_the_second_largest_city_is_mandalay_unless_named_beside_it() -> None:
    text = "Security forces fired on protesters in the country's second-largest city on Sunday, killing one man."
    assert [e["admin1"] for e in events_of(text, "2021-03-15")] == ["Mandalay"]
    named = "Police fired on protesters in Mandalay, Myanmar's second-largest city, on Sunday, killing two."
    assert [(e["location"], e["fatalities"]) for e in events_of(named, "2021-03-15")] == [("Mandalay", 2)]


def test_a_standfirst_line_ends_before_the_lead() -> None:
    text = (
        "Deadly day in western Yangon\n"
        "Two more people were killed in neighbouring Shwepyithar township, where soldiers also raided a protest camp "
        "and set fire to barricades\n"
        "At least 20 people were killed in Hlaing Tharyar township on Sunday when soldiers fired on protesters "
        "blocking a road with sandbags and bamboo shields, rescue workers and residents said.\n"
    )
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[1].endswith("set fire to barricades") and sentences[2].startswith("At least 20"), sentences
