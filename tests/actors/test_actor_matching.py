"""Specification of `find_actors`: which names in running text resolve to which actor codes."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.actors import get_registry
from mawgun.model import ActorRef


def codes(text: str, on_date: dt.date | None = None) -> list[str | None]:
    return [ref.actor_id for ref in get_registry().find_actors(text, on_date=on_date)]


def names(text: str) -> list[str]:
    return [ref.name for ref in get_registry().find_actors(text)]


@pytest.mark.parametrize(
    "name",
    [
        "the junta",
        "the army",
        "The Army",
        "Tatmadaw",
        "Sit-tat",
        "Sittat",
        "SAC",
        "State Administration Council",
        "the military council",
        "the military regime",
        "Burma Army",
        "Myanmar military",
        "junta troops",
        "regime soldiers",
        "Min Aung Hlaing",
        "တပ်မတော်",
    ],
)
def test_junta_names_resolve_to_mil(name: str) -> None:
    assert codes(f"Reports said {name} moved into the area.") == ["MIL"]


def test_bare_troops_or_soldiers_without_a_junta_qualifier_are_not_coded() -> None:
    assert codes("Troops and soldiers were seen on the road.") == []


def test_sspc_is_a_junta_name_only_from_august_2025() -> None:
    assert codes("The SSPC announced elections.", on_date=dt.date(2025, 9, 1)) == ["MIL"]
    assert codes("The SSPC announced elections.", on_date=dt.date(2023, 9, 1)) == []
    assert codes("The SSPC announced elections.") == ["MIL"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Arakan Army", "AA"),
        ("the AA", "AA"),
        ("the Kachin Independence Army", "KIA"),
        ("the Kachin Independence Organization", "KIO"),
        ("the Karen National Union", "KNU"),
        ("the Karen National Liberation Army", "KNLA"),
        ("the Karen National Defence Organisation", "KNDO"),
        ("the Karenni Army", "KA"),
        ("the Karenni National Progressive Party", "KNPP"),
        ("the Karenni Nationalities Defense Force", "KNDF"),
        ("the Ta'ang National Liberation Army", "TNLA"),
        ("the Ta’ang National Liberation Army", "TNLA"),
        ("the Myanmar National Democratic Alliance Army", "MNDAA"),
        ("the Chin National Front", "CNF"),
        ("the Chin National Army", "CNA"),
        ("the Chinland Defence Force", "CDF"),
        ("the Bamar People's Liberation Army", "BPLA"),
        ("the All Burma Students' Democratic Front", "ABSDF"),
        ("the Democratic Karen Benevolent Army", "DKBA"),
        ("the Restoration Council of Shan State", "RCSS"),
        ("the Shan State Progress Party", "SSPP"),
        ("the United Wa State Army", "UWSA"),
        ("the Pa-O National Liberation Organisation", "PNLO"),
        ("the Mon National Liberation Army", "MNLA"),
        ("the Border Guard Force", "BGF"),
        ("the Pyu Saw Htee militia", "PSH"),
        ("police officers", "POL"),
        ("the People's Defence Force", "PDF"),
        ("the Peoples Defense Forces", "PDF"),
        ("a Local Defence Force", "LDF"),
        ("the National Unity Government", "NUG"),
        ("ethnic armed organisations", "ERO"),
        ("EROs", "ERO"),
        ("unidentified gunmen", "UNK"),
        ("anti-coup protesters", "PROT"),
        ("the Three Brotherhood Alliance", "3BHA"),
        ("the K3C", "K3C"),
        ("the Northern Alliance", "NA-B"),
        ("the FPNCC", "FPNCC"),
        ("the Karenni State Interim Executive Council", "KSIEC"),
        ("the Chinland Council", "CHINLAND"),
        ("the CRPH", "CRPH"),
        ("the United States", "US"),
        ("the U.S. Treasury", "US"),
        ("the European Union", "EU"),
        ("Canada", "CAN"),
        ("the United Kingdom", "UK"),
        ("Australia", "AUS"),
        ("China", "CHN"),
        ("ASEAN", "ASEAN"),
        ("the United Nations", "UN"),
        ("ရက္ခိုင့်တပ်တော်", "AA"),
    ],
)
def test_every_alias_family_resolves_to_its_code(text: str, code: str) -> None:
    assert codes(f"On Monday {text} issued a statement.") == [code]


@pytest.mark.parametrize(
    "text",
    [
        "villagers",
        "civilians",
        "residents",
        "IDPs",
        "displaced people",
        "children",
        "monks",
        "students",
        "worshippers",
        "a nine-year-old boy and his father",
        "two teenage boys",
        "a 65-year-old man",
    ],
)
def test_civilians_are_coded_civ(text: str) -> None:
    assert codes(f"Shells hit {text} near the market.") == ["CIV"]


def test_a_described_civilian_is_matched_whole() -> None:
    assert names("The blast killed a nine-year-old boy and his father on Sunday.") == [
        "a nine-year-old boy and his father"
    ]


@pytest.mark.parametrize(
    ("text", "code", "unit"),
    [
        ("Kawlin PDF", "PDF", "Kawlin PDF"),
        ("Mandalay PDF", "PDF", "Mandalay PDF"),
        ("PDF Battalion 5", "PDF", "PDF Battalion 5"),
        ("KNDF Battalion 13", "KNDF", "KNDF Battalion 13"),
        ("Battalion 3 of the Yaw Defence Force", "PDF", "Battalion 3 of the Yaw Defence Force"),
        ("Yaw Defence Force", "PDF", "Yaw Defence Force"),
        ("Mindat Chinland Defence Force", "CDF", "Mindat Chinland Defence Force"),
        ("CDF-Mindat", "CDF", "CDF-Mindat"),
        ("KNLA's Brigade 6", "KNLA", "KNLA's Brigade 6"),
        ("KNLA's 6th Brigade", "KNLA", "KNLA's 6th Brigade"),
        ("KIA's 3rd Brigade", "KIA", "KIA's 3rd Brigade"),
        ("Light Infantry Battalion 345", "MIL", "Light Infantry Battalion 345"),
        ("LIB 345", "MIL", "LIB 345"),
        ("Northeastern Command", "MIL", "Northeastern Command"),
        ("Laukkaing Regional Operations Command", "MIL", "Laukkaing Regional Operations Command"),
        ("Military Operations Command 16", "MIL", "Military Operations Command 16"),
    ],
)
def test_local_units_resolve_to_the_parent_code_and_keep_the_unit_name(text: str, code: str, unit: str) -> None:
    refs = get_registry().find_actors(f"Fighting involved {text} near the bridge.")
    assert [(r.actor_id, r.unit) for r in refs] == [(code, unit)]


def test_an_opening_article_or_known_actor_is_not_part_of_a_unit() -> None:
    refs = get_registry().find_actors("The Kawlin PDF said so. The NUG's PDF agreed.")
    assert [(r.name, r.actor_id, r.unit) for r in refs] == [
        ("Kawlin PDF", "PDF", "Kawlin PDF"),
        ("NUG", "NUG", None),
        ("PDF", "PDF", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The AA attacked; aa guns fired.", ["AA"]),
        ("The KA advanced, ka-boom went the shell.", ["KA"]),
        ("The US said it would sanction them; let us see.", ["US"]),
        ("The UN envoy met the UK minister; un-named sources", ["UN", "UK"]),
        ("Pdf files and a pdf report", []),
    ],
)
def test_acronyms_match_only_in_capitals(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_names_match_on_word_boundaries_only() -> None:
    assert codes("The KIAs and AAA batteries; SACrifice; juntas") == []


def test_longest_name_wins_and_matches_do_not_overlap() -> None:
    text = "The Karenni Nationalities Defence Force and Karenni Army fought the army's Light Infantry Division 66."
    refs = get_registry().find_actors(text)
    assert [r.actor_id for r in refs] == ["KNDF", "KA", "MIL", "MIL"]
    assert [r.name for r in refs][-1] == "Light Infantry Division 66"
    spans = [(r.span.start, r.span.end) for r in refs if r.span]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_spans_point_at_the_text_and_shift_by_offset() -> None:
    text = "Later, Arakan Army fighters took the base."
    refs = get_registry().find_actors(text, offset=100)
    assert refs == [ActorRef(name="Arakan Army", actor_id="AA", unit=None, span=refs[0].span)]
    span = refs[0].span
    assert span is not None and (span.start, span.end) == (107, 118)
    assert text[span.start - 100 : span.end - 100] == span.text == "Arakan Army"


def test_find_actors_reads_a_realistic_paragraph() -> None:
    text = (
        "On 6 November 2023 a joint force of Kawlin PDF and the KIA captured Kawlin town in Sagaing Region "
        "after junta troops withdrew. Junta fighter jets then bombed the town, killing three villagers."
    )
    found = [(r.name, r.actor_id) for r in get_registry().find_actors(text)]
    assert found == [
        ("Kawlin PDF", "PDF"),
        ("KIA", "KIA"),
        ("junta troops", "MIL"),
        ("Junta fighter jets", "MIL"),
        ("villagers", "CIV"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trucks crossed at the China border.",
        "Fighting near the Thai-Myanmar Friendship Bridge.",
        "Fuel prices in US dollars rose.",
        "Parades marked Armed Forces Day.",
    ],
)
def test_phrases_that_name_no_actor_are_not_coded(text: str) -> None:
    assert codes(text) == []


def test_a_country_acting_is_still_coded_next_to_a_blocked_phrase() -> None:
    assert codes("China said the China border would stay closed.") == ["CHN"]


def test_military_aircraft_are_the_junta_but_drones_are_not_coded() -> None:
    assert codes("Fighter jets and Mi-35 helicopters struck the village.") == ["MIL", "MIL"]
    assert codes("Drones dropped bombs on the camp.") == []


def test_a_name_broken_across_lines_reads_as_one_line_but_its_span_is_exact() -> None:
    text = "Troops of the Kachin\nIndependence Army advanced."
    (ref,) = get_registry().find_actors(text)
    assert ref.name == "Kachin Independence Army"
    assert ref.span is not None and text[ref.span.start : ref.span.end] == ref.span.text == "Kachin\nIndependence Army"
