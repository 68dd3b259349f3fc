"""Fatalities: digits and words, qualifiers, ranges (lowest), sums of listed victims, injuries apart, zero."""

import pytest

from mawgun.extract.fatalities import read_casualties


@pytest.mark.parametrize(
    "text, dead, qualifier",
    [
        ("jets bombed two camps, killing two boys and one woman.", 3, None),
        ("mortar rounds hit the village, killing a nine-year-old boy and his father.", 2, None),
        ("troops murdered at least 28 men from the hamlet", 28, "at least"),
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


@pytest.mark.parametrize(
    "text, dead",
    [
        # victims listed before the verb are summed, not read as the last item alone
        ("Also on Sunday, two monks and three novices were killed when shells hit the monastery.", 5),
        ("Some 20 junta soldiers and four resistance fighters were killed in the battle.", 24),
        ("Seven men, a woman and a boy were killed by the strike.", 9),
        # a kinship pair without a second article
        ("Jets hit the ward before dawn, killing a mother and daughter.", 2),
        ("the shell killed a grandfather and grandson sleeping in the hut", 2),
        # verbs of mass killing and "killed and burned"
        ("Troops gunned down at least 25 residents in the market on Friday.", 25),
        ("Police mowed down 11 demonstrators near the bridge.", 11),
        ("Soldiers killed and burned 12 villagers, including two teenagers, in the monastery.", 12),
        # the dead as a noun
        ("The ambush reportedly inflicted 14 military fatalities, the group said.", 14),
        ("The clash caused nine deaths on both sides.", 9),
        # a clause between the count and the verb, an adverb before it, a place after the people
        ("Four fighters including a company commander from the local defence force have been killed.", 4),
        ("Two farmers sadly lost their lives in the blast.", 2),
        ("Jets bombed the ward at 3 pm and 7 residents of the ward were killed.", 7),
    ],
)
def test_counts_written_around_the_verb(text: str, dead: int) -> None:
    assert read_casualties(text).fatalities == dead


def test_a_clock_time_is_no_count_of_the_dead() -> None:
    assert read_casualties("The shell landed at 11 pm and four people were killed.").fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        "Troops fired mortars at 10 pm, resulting in two injuries, including a child.",
        "The artillery barrage caused three injuries among the displaced.",
    ],
)
def test_injuries_told_as_a_noun_with_no_death_mean_zero(text: str) -> None:
    casualties = read_casualties(text)
    assert casualties.fatalities == 0 and casualties.injuries is not None


def test_a_headline_toll_that_rises_is_read() -> None:
    assert read_casualties("Death Toll From Market Shelling Rises to 21").fatalities == 21


def test_a_day_of_the_month_is_no_count_of_the_dead() -> None:
    text = "a jet bombed the camp at dawn on 4 June that killed 11 IDPs and wounded 20 more"
    assert read_casualties(text).fatalities == 11


@pytest.mark.parametrize(
    "text, dead",
    [
        ("Eight junta soldiers were killed and several wounded in the raid.", 8),  # "junta" is no month
        ("the worst since the 2021 coup after 65 people were killed in one village", 65),  # a year is no count
        ("the blast killed a police captain, his deputy and a corporal", 3),
    ],
)
def test_words_near_a_count_that_are_no_count(text: str, dead: int) -> None:
    assert read_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        ("jets bombed the village, killing 2 civilians, a farmer and his wife", 2),
        ("the shell killed three people, a mother and her two sons, in the camp", 3),
        ("the strike killed three villagers, a teacher and a farmer", 5),  # the list does not add up: more people
    ],
)
def test_a_list_that_explains_a_count_is_not_added_to_it(text: str, dead: int) -> None:
    assert read_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        ("A police officer and at least six soldiers, including a major from the unit, were killed in the ambush.", 7),
        ("A civilian truck driver was reportedly killed by the blast.", 1),
        ("The monastery's abbot was shot dead at the gate.", 1),
    ],
)
def test_victims_with_a_clause_between_them_and_the_verb(text: str, dead: int) -> None:
    assert read_casualties(text).fatalities == dead


def test_the_with_a_plural_is_no_count_of_one() -> None:
    assert read_casualties("The villagers were killed by troops.").fatalities is None


@pytest.mark.parametrize(
    "text, dead",
    [
        ("The NUG said 40 people were killed, however, residents claim that 46 people died.", 40),
        ("Rescuers said 12 people were killed, but villagers said 15 people died.", 12),
        ("Three people were killed on Monday, but the death toll later rose to seven.", 7),  # a correction
    ],
)
def test_conflicting_claims_in_one_sentence_give_the_lower_figure(text: str, dead: int) -> None:
    assert read_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        ("A man hit by shrapnel succumbed to his wounds in hospital the next day.", 1),
        ("One later died in hospital.", 1),
        ("A man whose son died last year was arrested.", None),
    ],
)
def test_one_person_who_died_later(text: str, dead: int | None) -> None:
    assert read_casualties(text).fatalities == dead


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("A farmer was shot in the leg by soldiers at the checkpoint.", 0, 1),
        ("A student was shot in the thigh as troops cleared the road.", 0, 1),
        ("A nurse was shot in the head by soldiers at the checkpoint.", None, None),
        ("A teenager was shot in the chest as troops cleared the road.", None, None),
    ],
)
def test_a_shot_to_a_limb_wounds_but_to_the_head_or_chest_leaves_the_toll_open(
    text: str, dead: int | None, hurt: int | None
) -> None:
    casualties = read_casualties(text)
    assert (casualties.fatalities, casualties.injuries) == (dead, hurt)
