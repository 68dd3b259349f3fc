"""Statistics: metric, value, qualifier, area, period and source of aggregate figures."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document, StatisticRecord


def figures(text: str, published: dt.date = dt.date(2023, 9, 15)) -> list[StatisticRecord]:
    records = extract_document(Document(doc_id="d", text=text, published=published))
    return [r for r in records if isinstance(r, StatisticRecord)]


def test_two_figures_in_one_sentence_with_period_and_source() -> None:
    text = (
        "Nyan Lynn Thit Analytica, a monitoring group, recorded at least 63 airstrikes during July alone, "
        "with a peak of 21 attacks within one week."
    )
    first, second = figures(text)
    assert (first.metric, first.value, first.qualifier) == ("airstrikes", 63, "at least")
    assert (first.period_start, first.period_end) == (dt.date(2023, 7, 1), dt.date(2023, 7, 31))
    assert first.source_org == "Nyan Lynn Thit Analytica"
    assert (second.metric, second.value, second.qualifier) == ("airstrikes", 21, "peak")


def test_millions_and_acronyms_expand() -> None:
    text = (
        "The UN Office for the Coordination of Humanitarian Affairs (OCHA) works in Myanmar. "
        "OCHA estimated 2.3 million IDPs in Myanmar."
    )
    (figure,) = figures(text)
    assert (figure.metric, figure.value, figure.area) == ("displaced", 2_300_000, ["Myanmar"])
    assert figure.source_org == "UN Office for the Coordination of Humanitarian Affairs"


def test_of_them_keeps_the_metric_of_the_figure_before() -> None:
    text = "The number of towns now held by resistance forces has risen to 47, with 19 of them in Sagaing Region."
    assert [(f.metric, f.value) for f in figures(text)] == [("towns captured", 47), ("towns captured", 19)]


def test_a_single_events_death_count_is_not_a_statistic() -> None:
    assert figures("Junta jets bombed Kanan village in Sagaing Region on 6 January, killing 17 civilians.") == []


def test_idmc_style_displacement_figures() -> None:
    text = (
        "Myanmar: 3,000 displacements, 03 June - 10 June. Conflict resulted in a total of 3,000 people being "
        "displaced in Magway Region on 3 June, according to UNHCR Myanmar."
    )
    found = {(f.metric, f.value) for f in figures(text, dt.date(2024, 6, 20))}
    assert ("displaced", 3000) in found
    assert any(f.source_org == "UNHCR Myanmar" and f.area == ["Magway"] for f in figures(text, dt.date(2024, 6, 20)))


def test_attributed_tolls_and_detentions_without_a_day_are_statistics() -> None:
    text = "AAPP says 4,512 people have been killed by regime forces, while 19,877 remain in detention."
    found = {(f.metric, f.value, f.source_org) for f in figures(text)}
    assert found == {("killed", 4512, "AAPP"), ("detained", 19877, "AAPP")}


def test_surrenders_and_strikes_since_a_start_are_counted() -> None:
    text = "The junta has carried out 1,652 airstrikes since the coup, killing 936 civilians, according to ISP-Myanmar."
    found = {(f.metric, f.value, f.source_org) for f in figures(text)}
    assert found == {("airstrikes", 1652, "ISP-Myanmar"), ("killed", 936, "ISP-Myanmar")}


def test_houses_destroyed_told_far_from_their_verb() -> None:
    text = "More than 200 homes and a monastery in Kyin, a village in Magway Region's Gangaw Township, were destroyed."
    assert [(f.metric, f.value, f.qualifier) for f in figures(text)] == [("houses destroyed", 200, "over")]


def test_clash_counts_and_agencies_named_with_lowercase_words() -> None:
    text = (
        "ISP-Myanmar recorded 1,286 clashes in the first half of 2024. "
        "The UN refugee agency says 3 million are displaced."
    )
    found = {(f.metric, f.value, f.source_org) for f in figures(text, dt.date(2024, 6, 30))}
    assert found == {("clashes", 1286, "ISP-Myanmar"), ("displaced", 3_000_000, "UN")}
