"""Fatalities: digits and words, qualifiers, ranges (lowest), sums of listed victims, injuries apart, zero."""

import pytest

from mawgun.extract.fatalities import read_casualties


@pytest.mark.parametrize(
    "text, dead, qualifier",
    [
        ("jets bombed two camps, killing two children and one man.", 3, None),
        ("mortar rounds hit the village, killing a seven-year-old girl and her mother.", 2, None),
        ("the army murdered at least 35 villagers from the village", 35, "at least"),
        ("an airstrike which killed 155 villagers", 155, None),
        ("between 10 and 15 people were killed", 10, None),
        ("troops shot dead 3-5 farmers", 3, None),
        ("Four civilians were killed in the raid", 4, None),
        ("the death toll rose to 12", 12, None),
    ],
)
def test_death_counts(text: str, dead: int, qualifier: str | None) -> None:
    casualties = read_casualties(text)
    assert (casualties.fatalities, casualties.qualifier) == (dead, qualifier)


def test_injuries_are_kept_apart_from_deaths() -> None:
    casualties = read_casualties("Five villagers were killed and 12 injured when shells hit the market.")
    assert (casualties.fatalities, casualties.injuries) == (5, 12)


def test_nobody_killed_or_only_damage_means_zero() -> None:
    assert read_casualties("No one was hurt in the attack.").fatalities == 0
    assert read_casualties("the jet bombed the village, damaging a school and several houses").fatalities == 0
    assert read_casualties("a landmine wounded one villager").fatalities == 0


def test_unstated_deaths_stay_unknown() -> None:
    assert read_casualties("Fighting broke out near the town.").fatalities is None
    assert read_casualties("killing innocent civilians").fatalities is None


def test_a_later_figure_in_the_sentence_wins() -> None:
    text = "Three people were killed on Monday, and the death toll later rose to seven."
    assert read_casualties(text).fatalities == 7


def test_a_victim_list_ends_at_a_relative_clause() -> None:
    assert read_casualties("troops shot dead five men who had stayed behind, a resident said").fatalities == 5


@pytest.mark.parametrize(
    "text, dead, hurt",
    [
        ("the shell hit the market, killing two and injuring five.", 2, 5),
        ("jets struck the camp, killing at least 12, including children", 12, None),
        ("troops killed nine, most of them women", 9, None),
        ("the blast left three dead and several injured", 3, None),
    ],
)
def test_bare_counts_after_the_verb(text: str, dead: int, hurt: int | None) -> None:
    casualties = read_casualties(text)
    assert (casualties.fatalities, casualties.injuries) == (dead, hurt)
