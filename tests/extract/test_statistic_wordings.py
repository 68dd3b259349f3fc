"""Statistics: the wordings that hide a figure from its metric, and the ones that look like a figure but tell
one event. Each class is written in two or three variants (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document, EventRecord, StatisticRecord

PUBLISHED = dt.date(2024, 5, 30)


def records(text: str, published: dt.date = PUBLISHED) -> list[object]:
    return list(extract_document(Document(doc_id="w", text=text, published=published)))


def found(text: str, published: dt.date = PUBLISHED) -> set[tuple[str, float]]:
    return {(r.metric, r.value) for r in records(text, published) if isinstance(r, StatisticRecord)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rights group counts (4,100) people killed by the regime since the coup.",
            {("killed", 4100)},
        ),
        (
            "As of 1 March, (26,000) people had been arrested across the country and (19,900) remain under detention.",
            {("arrests", 26000), ("detained", 19900)},
        ),
        (
            "The women's group has documented (310) deaths among locals and (45) others wounded in the "
            "township since the offensive.",
            {("killed", 310), ("injured", 45)},
        ),
    ],
)
def test_figures_in_parentheses_are_read_like_plain_numbers(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By the end of the year the alliance had overrun some 250 outposts and about twelve towns in Shan State.",
            {("positions captured", 250), ("towns captured", 12)},
        ),
        (
            "The junta lost more than 300 bases and eight towns to the resistance in the first half of the year.",
            {("positions captured", 300), ("towns captured", 8)},
        ),
        (
            "Since October the KIA has taken four towns — Sumprabum, Mansi, Momauk and Shwegu — as well as "
            "three border gates with China.",
            {("towns captured", 4), ("border crossings captured", 3)},
        ),
    ],
)
def test_a_figure_listed_after_another_shares_its_verb(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Resistance forces now control about 90 of Myanmar's 330 townships, a research group estimates.",
            {("townships controlled", 90)},
        ),
        (
            "Villages were the target in 150 of the 200 air raids logged since January, the ministry said.",
            {("airstrikes", 150)},
        ),
    ],
)
def test_a_part_of_a_total_counts_and_the_total_is_not_a_second_figure(
    text: str, expected: set[tuple[str, float]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Since the ceasefire was announced, the military has carried out airstrikes on the area nine times, "
            "a local monitor said.",
            {("airstrikes", 9)},
        ),
        ("So far this month, jets have bombed the township 14 times.", {("airstrikes", 14)}),
        ("Troops have shelled the village 12 times in the past three weeks.", {("artillery attacks", 12)}),
    ],
)
def test_counts_of_times_an_attack_was_repeated(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some 95 air attack incidents were logged by researchers in the first quarter of the year.",
            {("airstrikes", 95)},
        ),
        (
            "The UN counted 40 artillery barrages and 65 airstrikes across the country in April.",
            {
                ("artillery attacks", 40),
                ("airstrikes", 65),
            },
        ),
        ("Researchers recorded 61 violent incidents in Sagaing Region in June.", {("clashes", 61)}),
    ],
)
def test_incidents_and_barrages_are_counted(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text, dt.date(2024, 7, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since the coup, the junta has committed at least 110 massacres, the group said.", {("massacres", 110)}),
        (
            "More than 14,000 police and soldiers have defected since 2021, a defector network says.",
            {("defected", 14000)},
        ),
        (
            "The strikes this year left 75 buildings damaged and 300 houses destroyed.",
            {
                ("buildings damaged", 75),
                ("houses destroyed", 300),
            },
        ),
        (
            "Since the offensive began, 35 police stations have been abandoned across the state.",
            {("positions abandoned", 35)},
        ),
        (
            "The fighting has caused 520 casualties since January, according to the local health committee.",
            {
                ("casualties", 520),
            },
        ),
    ],
)
def test_metrics_beyond_tolls(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The displacement of 1,200,000 people since the coup is the worst in decades, OCHA said.", 1_200_000),
        ("Displacement in the south-east has now passed 400,000 people, aid groups say.", 400_000),
        ("The number of IDPs in Kayah State rose to 180,000 by the end of March, aid groups said.", 180_000),
    ],
)
def test_displacement_wordings(text: str, expected: float) -> None:
    assert ("displaced", expected) in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From 1 January to 31 March, 210 civilians were killed in the region, according to the group.",
            {("killed", 210)},
        ),
        (
            "Between 10 and 25 April, 31 people were killed and 54 were injured by shelling in the town.",
            {("killed", 31), ("injured", 54)},
        ),
    ],
)
def test_figures_over_a_span_of_dates_are_aggregates(text: str, expected: set[tuple[str, float]]) -> None:
    assert found(text) == expected


def test_a_sentence_without_a_date_goes_on_with_the_aggregate_before_it() -> None:
    text = "Since the coup, 27,000 people have been arrested. 20,000 are still in detention."
    assert found(text) == {("arrests", 27000), ("detained", 20000)}


@pytest.mark.parametrize(
    "text",
    [
        "Jets bombed a school in Sagaing Region's Depayin Township on Monday, killing 11 people, the deadliest "
        "attack on a school since the coup last year.",
        "The 11 April bombing of a ceremony in Pazigyi village, Kanbalu Township, which killed more than 160 "
        "people, remains the deadliest air attack of the year.",
    ],
)
def test_a_superlative_ranks_one_event_and_is_no_statistic(text: str) -> None:
    out = records(text)
    assert not [r for r in out if isinstance(r, StatisticRecord)]
    assert [r for r in out if isinstance(r, EventRecord)]


def test_the_named_towns_left_are_no_count() -> None:
    text = "The army now holds just the two towns of Hpakant and Bhamo in the area, the KIA said on Friday."
    assert found(text) == set()


def test_a_headline_line_restates_no_statistic() -> None:
    text = "Arakan Army takes two more towns\nThe AA took Minbya and Mrauk-U in Rakhine State on 15 January."
    assert found(text, dt.date(2024, 1, 9)) == set()


def test_a_figure_told_twice_is_one_statistic_with_both_spans() -> None:
    text = (
        "At least 9,500 homes have been burned nationwide since the coup, a monitor said. "
        "The group said the 9,500 homes burned since the coup were mostly in Sagaing Region."
    )
    (figure,) = [r for r in records(text) if isinstance(r, StatisticRecord)]
    assert (figure.metric, figure.value, len(figure.evidence)) == ("houses destroyed", 9500, 2)


@pytest.mark.parametrize(
    "text",
    [
        "In the last half year the MNDAA has lost four towns that it used to control in northern Shan State.",
        "Since October the army has lost 11 towns in Rakhine State, the Arakan Army said.",
    ],
)
def test_a_count_of_towns_is_a_statistic_not_a_capture_event(text: str) -> None:
    out = records(text)
    assert [r for r in out if isinstance(r, StatisticRecord) and r.metric == "towns captured"]
    assert not [r for r in out if isinstance(r, EventRecord)]


@pytest.mark.parametrize(
    "text",
    [
        "Chin State was hit by at least 85 airstrikes in the two years after the coup, a rights group said.",
        "The KNU said on Tuesday its forces fought 130 clashes with the army in Mutraw District during October.",
        "The army carried out 45 artillery attacks on villages in Sagaing Region last month.",
    ],
)
def test_a_count_of_many_events_is_a_statistic_and_no_single_event(text: str) -> None:
    out = records(text, dt.date(2023, 11, 20))
    assert [r for r in out if isinstance(r, StatisticRecord)]
    assert not [r for r in out if isinstance(r, EventRecord)]


def test_an_event_told_after_an_aggregate_stays_an_event() -> None:
    text = (
        "Of this year's airstrikes, 80 of 120 hit civilian targets, the ministry said. On Monday at least 9 people "
        "were killed when an airstrike hit a clinic in Kyauk Kyi village, Depayin Township, Sagaing Region."
    )
    out = records(text, dt.date(2022, 11, 16))
    assert ("killed", 9) not in {(r.metric, r.value) for r in out if isinstance(r, StatisticRecord)}
    assert [r for r in out if isinstance(r, EventRecord) and r.fatalities == 9]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The resistance now controls more than 60 percent of the country's territory, a think tank said.", 60),
        ("The junta holds less than 20% of Myanmar's land area, according to the NUG.", 20),
    ],
)
def test_a_share_of_territory_is_a_statistic_other_percentages_are_not(text: str, expected: float) -> None:
    assert found(text) == {("territory controlled (percent)", expected)}
    assert found("Fuel prices rose 30 percent last year, traders said.") == set()


def test_a_count_told_per_state_gives_one_figure_per_state() -> None:
    text = "The alliance said on Sunday it had seized three towns in Rakhine State and two in Chin State."
    assert found(text) == {("towns captured", 3), ("towns captured", 2)}


@pytest.mark.parametrize(
    "text",
    [
        "The TNLA said on Monday it has captured four towns in northern Shan State.",
        "Resistance forces have overrun six bases in Sagaing Region, the NUG said on Friday.",
    ],
)
def test_a_count_of_captures_naming_fewer_places_is_no_capture_event(text: str) -> None:
    out = records(text)
    assert [r for r in out if isinstance(r, StatisticRecord)]
    assert not [r for r in out if isinstance(r, EventRecord)]


def test_captures_each_named_on_one_day_are_events_not_a_statistic() -> None:
    out = records("The Arakan Army captured two towns, Minbya and Mrauk-U, on 15 January.", dt.date(2024, 1, 18))
    assert not [r for r in out if isinstance(r, StatisticRecord)]
    assert [r for r in out if isinstance(r, EventRecord)]


@pytest.mark.parametrize(
    ("text", "expected", "start"),
    [
        ("The death toll from the clashes has risen to 3,600, the group said.", ("killed", 3600), None),
        ("More than 40,000 refugees have crossed into India since 2021.", ("displaced", 40000), dt.date(2021, 1, 1)),
        (
            "Troops have torched 60 villages in Sagaing Region since May, a monitor said.",
            ("villages burned", 60),
            dt.date(2024, 5, 1),
        ),
    ],
)
def test_tolls_refugees_and_villages_with_the_period_they_open(
    text: str, expected: tuple[str, float], start: dt.date | None
) -> None:
    (figure,) = [r for r in records(text) if isinstance(r, StatisticRecord)]
    assert (figure.metric, figure.value) == expected
    if start:
        assert (figure.period_start, figure.period_end) == (start, PUBLISHED)


def test_a_list_of_figures_before_one_verb() -> None:
    text = "Thirty-one schools and 12 hospitals were targeted by jets over the year."
    assert found(text) == {("buildings damaged", 31), ("buildings damaged", 12)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ACLED recorded more than 1,200 political violence events in Sagaing Region in the spring.",
            {("conflict events", 1200)},
        ),
        ("Landmines killed or injured 1,052 people in 2023, UNICEF said.", {("casualties", 1052)}),
        ("The Kachin Independence Army holds 12 of Kachin State's 18 townships.", {("townships controlled", 12)}),
    ],
)
def test_conflict_events_casualties_and_a_total_named_with_a_possessive(
    text: str, expected: set[tuple[str, float]]
) -> None:
    assert found(text) == expected


def test_a_period_opened_by_a_month_starts_on_its_first_day_and_sources_keep_the() -> None:
    text = "Some 80,000 houses have been torched since February 2021, Save the Children said."
    (figure,) = [r for r in records(text) if isinstance(r, StatisticRecord)]
    assert (figure.period_start, figure.period_end) == (dt.date(2021, 2, 1), PUBLISHED)
    assert figure.source_org == "Save the Children"
