"""Event fields told outside the event's own words (issue 10, fields): the place named in an earlier sentence,
places that are only a firing position, the point a distance is measured from, or a citation. Texts are our own,
about real places, in several outlets' styles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document


def events_of(text: str, published: str = "2024-06-08") -> list[dict[str, Any]]:
    doc = Document(doc_id="context", text=text, published=dt.date.fromisoformat(published))
    return [r.to_json() for r in extract_document(doc) if r.kind == "event"]


@pytest.mark.parametrize(
    "text, township",
    [
        (
            "Junta troops entered Ywa Thit village in Kani Township, Sagaing Region, early on 3 June. "
            "They arrested four young men on 4 June and took them to their base, residents said.",
            "Kani",
        ),
        (
            "Residents of Nyaung Pin village in Mindat Township, Chin State, fled into the forest last week.\n\n"
            "A junta jet bombed the village on Tuesday, destroying the school and several houses, a villager said.",
            "Mindat",
        ),
        (
            "Fighting spread to the outskirts of Hpakant in Kachin State in late May. Regime soldiers shelled "
            "homes there on Monday, the KIA said.",
            "Hpakant",
        ),
    ],
)
def test_an_event_with_no_place_of_its_own_takes_the_place_told_before(text: str, township: str) -> None:
    events = events_of(text)
    assert events and all(e["admin3"] == township for e in events), events


def test_a_place_told_before_in_another_state_is_not_carried() -> None:
    text = (
        "Troops burned houses in Kyauk Kyi village in Kani Township, Sagaing Region, on 2 June. In Kayah State, "
        "junta jets bombed a camp for displaced people on Wednesday, killing three."
    )
    strikes = [e for e in events_of(text) if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["admin1"], e["admin3"]) for e in strikes] == [("Kayah", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling by the junta's Light Infantry Battalion 52, based in neighbouring Wuntho Township, hit homes "
        "in Kawlin Township, Sagaing Region, on Monday.",
        "Artillery fired from the army's base in Wuntho Township struck houses in Kawlin Township, Sagaing "
        "Region, on Monday.",
        "Troops stationed in Wuntho Township shelled Kawlin Township, Sagaing Region, on Monday.",
    ],
)
def test_a_firing_position_is_not_the_place_of_the_strike(text: str) -> None:
    (event,) = events_of(text)
    assert event["admin3"] == "Kawlin", event


@pytest.mark.parametrize(
    "text",
    [
        "Junta jets bombed Chaung Gyi village, some 20 miles north of Monywa, in Budalin Township, Sagaing "
        "Region, on Monday.",
        "On Monday, junta jets bombed a village in Budalin Township about 30 km west of Monywa, Sagaing Region.",
    ],
)
def test_the_town_a_distance_is_measured_from_is_not_the_place(text: str) -> None:
    (event,) = events_of(text)
    assert event["admin3"] == "Budalin", event


def test_a_citation_in_parentheses_does_not_place_the_event() -> None:
    text = (
        "In Kayah State, junta troops shelled a village in Demoso Township on 2 June, killing two civilians "
        "(Shan Herald Agency for News, 4 June 2024)."
    )
    (event,) = events_of(text)
    assert (event["admin1"], event["admin3"]) == ("Kayah", "Demoso"), event


@pytest.mark.parametrize(
    "text",
    [
        "About 60 soldiers raided Ywa Thit village in Kani Township, Sagaing Region, on 3 June. On 4 June they "
        "came back and arrested two teenagers as hostages.",
        "Junta troops surrounded a monastery in Kani Township, Sagaing Region, on 3 June.\n\nOn 4 June, two "
        "novices were detained there, a monk said.",
    ],
)
def test_an_arrest_told_without_its_arrester_takes_the_forces_named_just_before(text: str) -> None:
    arrests = [e for e in events_of(text) if e["sub_event_type"] == "Arrests"]
    assert arrests and all(e["actor1"] == ["MIL"] for e in arrests), arrests


@pytest.mark.parametrize(
    "text",
    [
        "The Arakan Army has pressed its offensive in Rakhine State for weeks. Heavy clashes broke out in Ramree "
        "Township on Sunday, residents said.",
        "The KIA said its troops were advancing on the town. Fighting erupted near Bhamo, Kachin State, on "
        "Tuesday, locals said.",
    ],
)
def test_a_clash_told_without_sides_takes_the_armed_group_named_just_before(text: str) -> None:
    (event,) = [e for e in events_of(text) if e["sub_event_type"] == "Armed clash"]
    assert event["actor1"] and event["actor1"][0] in {"AA", "KIA"} and event["actor2"] == ["MIL"], event


def test_an_event_in_a_later_paragraph_takes_the_day_told_before() -> None:
    text = (
        "Junta troops entered Ywa Thit village in Kani Township, Sagaing Region, on 3 June, residents said.\n\n"
        "A villager said the soldiers set fire to about 40 houses and shot dead two farmers who had stayed behind."
    )
    events = events_of(text)
    assert events and all(e["date"] == "2024-06-03" for e in events), events


def test_the_day_told_before_is_not_carried_across_a_headline() -> None:
    text = (
        "Jets bomb village\n\nJunta jets bombed a village in Kani Township, Sagaing Region, on 3 June.\n\n"
        "Troops torch homes\n\nSoldiers set fire to houses in Ywa Thit village in Kani Township."
    )
    assert [e["date"] for e in events_of(text)] == ["2024-06-03"]


@pytest.mark.parametrize(
    "headline, dead",
    [
        ("Death Toll From Junta Airstrike on Market Rises to 31", 31),
        ("Nine Killed as Junta Jets Bomb Village in Kani", 9),
    ],
)
def test_a_headline_toll_is_the_toll_of_the_lead_event_that_gives_none(headline: str, dead: int) -> None:
    text = (
        f"{headline}\n\nJunta jets bombed the market in Ywa Thit village, Kani Township, Sagaing Region, on "
        "Sunday morning. Rescue workers were still searching the ruins, residents said."
    )
    (event,) = events_of(text)
    assert event["fatalities"] == dead, event


def test_a_toll_counted_as_of_a_day_is_not_dated_by_that_day() -> None:
    text = (
        "Rescuers said the number of people killed in the junta's airstrike on a wedding in Ywa Thit village, "
        "Kani Township, Sagaing Region, rose to 30 as of Friday. Junta jets bombed the wedding on Tuesday night."
    )
    (event,) = events_of(text, published="2024-06-08")
    assert (event["date"], event["fatalities"]) == ("2024-06-04", 30), event


@pytest.mark.parametrize(
    "text, unit",
    [
        (
            "The Arakan Army captured the 377th Light Infantry Battalion in Kyaukphyu Township, Rakhine State, "
            "on Sunday, the group said.",
            "377th Light Infantry Battalion",
        ),
        ("The Arakan Army seized LIB 345 in Kyaukphyu Township, Rakhine State, on Sunday.", "LIB 345"),
        (
            "The MNDAA captured the northeastern regional command headquarters in Lashio, Shan State, on Sunday.",
            "northeastern regional command headquarters",
        ),
    ],
)
def test_a_numbered_unit_taken_is_the_location_and_the_township_stays(text: str, unit: str) -> None:
    (event,) = events_of(text)
    assert event["location"] == unit and event["admin3"], event


def test_a_unit_that_acts_is_not_the_location() -> None:
    text = "Troops from LIB 345 shelled Kyauk Ta Lone village in Kyaukphyu Township, Rakhine State, on Sunday."
    (event,) = events_of(text)
    assert event["location"] != "LIB 345", event


@pytest.mark.parametrize(
    "text, location",
    [
        ("Junta jets bombed Aung Lan, a village in Kani Township, Sagaing Region, on Sunday.", "Aung Lan"),
        ("Fighting broke out near the mountain Loi Taw in Hpruso Township, Kayah State, on Sunday.", "Loi Taw"),
        (
            "Junta jets bombed homes in the Ah Lel Chaung area of Kyauktaw Township, Rakhine State, on Sunday.",
            "Ah Lel Chaung",
        ),
        ("Junta jets bombed Hpa Yar Gyi village tract in Kani Township, Sagaing Region, on Sunday.", "Hpa Yar Gyi"),
    ],
)
def test_places_named_with_their_kind_are_the_location(text: str, location: str) -> None:
    (event,) = events_of(text)
    assert location.lower().replace(" ", "") in (event["location"] or "").lower().replace(" ", ""), event


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Joint resistance forces, with the Karen National Liberation Army at their head, overran a junta base "
            "near Kawkareik in Kayin State on Sunday.",
            "KNLA",
        ),
        (
            "The Myanmar National Democratic Alliance Army said a junta battalion of about 300 men in Chinshwehaw, "
            "Shan State, surrendered to resistance fighters on Sunday.",
            "MNDAA",
        ),
    ],
)
def test_a_generic_resistance_label_gives_way_to_the_group_named(text: str, code: str) -> None:
    events = events_of(text)
    assert events and events[0]["actor1"] == [code], events


@pytest.mark.parametrize(
    "text",
    [
        "The TNLA and the junta signed a ceasefire agreement in Kunming on Tuesday, the group said.",
        "Representatives of the TNLA and the military council agreed on a truce on Tuesday.",
    ],
)
def test_the_junta_is_actor1_of_an_agreement_with_a_group(text: str) -> None:
    agreements = [e for e in events_of(text) if e["sub_event_type"] == "Agreement"]
    assert agreements and agreements[0]["actor1"] == ["MIL"] and agreements[0]["actor2"] == ["TNLA"], agreements


@pytest.mark.parametrize(
    "second",
    [
        "The villagers, two boys among them, were executed the following day, a relative said.",
        "All of them were shot dead by the soldiers the next day, a relative said.",
        "The detainees were all killed by the troops the next day, a relative said.",
    ],
)
def test_a_killing_told_of_a_group_counted_before_takes_that_count(second: str) -> None:
    text = (
        "Junta troops detained seven villagers in Ywa Thit village, Kani Township, Sagaing Region, on 3 June. " + second
    )
    killings = [e for e in events_of(text) if e["date"] == "2024-06-04"]
    assert killings and killings[0]["fatalities"] == 7, killings


@pytest.mark.parametrize(
    "update",
    [
        "By late evening, the death toll rose to 14, as more of the wounded died.",
        "The death toll has since climbed to 14, a rescue worker said.",
    ],
)
def test_a_later_sentence_that_raises_the_toll_corrects_the_event(update: str) -> None:
    text = (
        "Junta jets bombed a school in Ywa Thit village, Kani Township, Sagaing Region, on Monday, killing 9 "
        "students and a teacher, residents said. Classes were in session at the time. " + update
    )
    (event,) = events_of(text)
    assert event["fatalities"] == 14, event


def test_a_toll_of_another_day_does_not_correct_the_event() -> None:
    text = (
        "Junta jets bombed a school in Ywa Thit village, Kani Township, Sagaing Region, on Monday, killing 9 "
        "students and a teacher. In a separate strike on 2 May, the death toll rose to 30, the NUG said."
    )
    events = events_of(text)
    assert events[0]["fatalities"] == 10, events


@pytest.mark.parametrize(
    "tolls, dead",
    [
        ("One KNDF fighter died on 3 June, a section leader was killed on 5 June and two more on 6 June.", 1),
        ("Three villagers were killed on 3 June; two more were shot dead on 5 June.", 3),
    ],
)
def test_a_sentence_with_tolls_for_several_days_gives_the_first_day_its_own(tolls: str, dead: int) -> None:
    text = (
        "Fighting between junta troops and the KNDF near Daw Ta Ma Gyi village in Demoso Township, Kayah State, "
        "went on for a week. " + tolls
    )
    first = [e for e in events_of(text) if e["date"] == "2024-06-03"]
    assert first and first[0]["fatalities"] == dead, first


@pytest.mark.parametrize(
    "general",
    [
        "Unexploded bomblets stay live in the fields for decades, turning into landmines for farmers.",
        "Such shells often explode long after the fighting, villagers said.",
    ],
)
def test_a_day_carried_from_before_does_not_make_general_wording_an_event(general: str) -> None:
    text = (
        "Junta jets dropped cluster bombs on Kedong village, Kawkareik Township, Kayin State, on 6 June 2023. "
        + general
    )
    found = events_of(text, published="2023-06-20")
    assert [e["sub_event_type"] for e in found] == ["Air/drone strike"], found
