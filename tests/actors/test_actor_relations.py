"""Specification of the registry's lookups: resolve, parents, sides, alliances over time."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.actors import get_registry
from mawgun.actors.loader import Actor

GOLD_CODES = [
    *("MIL", "POL", "PSH", "BGF", "CIV", "PDF", "LDF", "NUG", "KIA", "KIO", "KNU", "KNLA", "KNDO", "KNDF", "KA"),
    *("KNPP", "AA", "ULA", "TNLA", "MNDAA", "3BHA", "CNF", "CNA", "CDF", "BPLA", "ABSDF", "DKBA", "RCSS", "SSPP"),
    *("UWSA", "PNLO", "MNLA", "ERO", "UNK", "PROT", "K3C", "NA-B", "FPNCC"),
]


def test_get_registry_is_cached() -> None:
    assert get_registry() is get_registry()


def test_the_registry_is_versioned() -> None:
    assert get_registry().version


@pytest.mark.parametrize("code", GOLD_CODES)
def test_every_code_of_the_gold_data_is_in_the_registry(code: str) -> None:
    actor = get_registry().get(code)
    assert isinstance(actor, Actor) and actor.id == code and actor.name


@pytest.mark.parametrize(
    ("child", "parent"),
    [("KA", "KNPP"), ("KIA", "KIO"), ("KNLA", "KNU"), ("KNDO", "KNU"), ("CNA", "CNF"), ("AA", "ULA"), ("PDF", "NUG")],
)
def test_armed_wings_have_their_parent(child: str, parent: str) -> None:
    assert get_registry().parent(child) == parent


def test_parent_of_an_independent_or_unknown_actor_is_none() -> None:
    assert get_registry().parent("KNPP") is None
    assert get_registry().parent("NOPE") is None


@pytest.mark.parametrize(
    ("code", "side"),
    [("MIL", "junta"), ("PSH", "junta"), ("PDF", "resistance"), ("CIV", "civilian"), ("US", "foreign"),
     ("UWSA", "neutral"), ("UNK", "unknown"), ("NOPE", "unknown")],
)  # fmt: skip
def test_side_of_each_actor(code: str, side: str) -> None:
    assert get_registry().side(code) == side


def test_foreign_governments_and_bodies_carry_their_full_names() -> None:
    reg = get_registry()
    assert [reg.get(c).name for c in ("US", "UK", "EU", "CAN", "AUS", "TLS")] == [  # type: ignore[union-attr]
        "United States",
        "United Kingdom",
        "European Union",
        "Canada",
        "Australia",
        "Timor-Leste",
    ]


def test_label_is_the_code_for_coded_actors_and_the_name_otherwise() -> None:
    reg = get_registry()
    assert reg.label("MIL") == "MIL"
    assert reg.label("ULA") == "AA"
    assert reg.label("US") == "United States"
    assert reg.label("KSIEC") == "Karenni State Interim Executive Council"


def test_three_brotherhood_members_from_june_2019() -> None:
    reg = get_registry()
    assert sorted(reg.members("3BHA")) == ["AA", "MNDAA", "TNLA"]
    assert sorted(reg.members("3BHA", on_date=dt.date(2023, 10, 27))) == ["AA", "MNDAA", "TNLA"]
    assert reg.members("3BHA", on_date=dt.date(2019, 5, 31)) == []


def test_k3c_members() -> None:
    assert sorted(get_registry().members("K3C")) == ["CNF", "KIO", "KNPP", "KNU"]


def test_alliances_of_a_member_depend_on_the_date() -> None:
    reg = get_registry()
    assert reg.alliances_of("AA", on_date=dt.date(2023, 11, 1)) == ["3BHA", "NA-B", "FPNCC"]
    assert reg.alliances_of("AA", on_date=dt.date(2018, 1, 1)) == ["NA-B", "FPNCC"]
    assert reg.alliances_of("AA", on_date=dt.date(2015, 1, 1)) == []


def test_alliances_of_an_armed_wing_include_its_parents_alliances() -> None:
    assert "K3C" in get_registry().alliances_of("KNLA")
    assert "K3C" in get_registry().alliances_of("KA")


def test_all_lists_every_actor_once() -> None:
    ids = [a.id for a in get_registry().all()]
    assert len(ids) == len(set(ids)) and set(GOLD_CODES) <= set(ids)


@pytest.mark.parametrize(
    ("name", "code", "unit"),
    [
        ("the army", "MIL", None),
        ("Burma Army", "MIL", None),
        ("MIL", "MIL", None),
        ("kachin independence army", "KIA", None),
        ("Kawlin PDF", "PDF", "Kawlin PDF"),
        ("  Karenni   Army ", "KA", None),
        ("Karenni Nationalitie Defence Force", "KNDF", None),
        ("Timor-Leste", "TLS", None),
    ],
)
def test_resolve_names_one_actor(name: str, code: str, unit: str | None) -> None:
    ref = get_registry().resolve(name)
    assert ref is not None and (ref.actor_id, ref.unit) == (code, unit)
    assert ref.name == " ".join(name.split())


@pytest.mark.parametrize("name", ["", "   ", "the weather", "Kyaukme market"])
def test_resolve_returns_none_for_names_it_does_not_know(name: str) -> None:
    assert get_registry().resolve(name) is None


def test_resolve_respects_dates_of_use() -> None:
    reg = get_registry()
    assert reg.resolve("State Security and Peace Commission", on_date=dt.date(2022, 1, 1)) is None
    ref = reg.resolve("State Security and Peace Commission", on_date=dt.date(2025, 8, 1))
    assert ref is not None and ref.actor_id == "MIL"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Government of Myanmar (Burma)", "MIL"),
        ("Military Forces of Myanmar (2021-)", "MIL"),
        ("Police Forces of Myanmar (2021-)", "POL"),
        ("Civilians (Myanmar)", "CIV"),
        ("Protesters (Myanmar)", "PROT"),
        ("PDF: People's Defense Force", "PDF"),
        ("KIA: Kachin Independence Army", "KIA"),
        ("DKBA 5", "DKBA"),
        ("ULA", "ULA"),
    ],
)
def test_resolve_reads_the_actor_names_of_ucdp_and_acled(name: str, code: str) -> None:
    ref = get_registry().resolve(name)
    assert ref is not None and ref.actor_id == code
