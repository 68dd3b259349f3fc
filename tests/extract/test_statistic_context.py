"""Context of aggregate figures: who reports them, where and since when ("since the coup" opens the period on
1 February 2021 and publication closes it). Sentences are our own, in the styles monitors and outlets use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document


def only_statistic(text: str, published: str = "2024-02-10") -> dict[str, Any]:
    doc = Document(doc_id="stat", text=text, published=dt.date.fromisoformat(published))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "statistic"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "coup",
    [
        "since the coup",
        "since the 2021 coup",
        "since the February 2021 military coup",
        "since the military seized power in February 2021",
        "since the army took power",
    ],
)
def test_since_the_coup_opens_the_period_on_the_first_of_february_2021(coup: str) -> None:
    stat = only_statistic(f"More than 2,000 civilians have been killed by junta forces {coup}, the group said.")
    assert (stat["period_start"], stat["period_end"]) == ("2021-02-01", "2024-02-10")


def test_a_source_named_with_according_to_and_a_nationwide_figure_has_area_myanmar() -> None:
    stat = only_statistic(
        "According to the Assistance Association for Political Prisoners, over 1,600 people have been killed "
        "by regime troops since the coup."
    )
    assert stat["source_org"] == "Assistance Association for Political Prisoners"
    assert stat["area"] == ["Myanmar"]
    assert stat["qualifier"] == "over"


def test_a_possessive_source_loses_its_apostrophe() -> None:
    stat = only_statistic("According to AAPP's data, over 20,000 people remain in detention nationwide.")
    assert stat["source_org"] == "AAPP"


def test_a_source_that_documented_figures_in_named_regions_gives_those_regions() -> None:
    stat = only_statistic(
        "Data for Myanmar documented more than 70,000 houses burned across Sagaing and Magway regions since the coup."
    )
    assert stat["source_org"] == "Data for Myanmar"
    assert stat["area"] == ["Sagaing", "Magway"]


def test_a_source_named_after_the_figure_is_kept() -> None:
    stat = only_statistic(
        "In Sagaing Region alone, more than 1,000 civilians have been killed by troops since the takeover, the "
        "Nyan Lynn Thit Analytica group said."
    )
    assert stat["source_org"] == "Nyan Lynn Thit Analytica"
    assert stat["area"] == ["Sagaing"]
