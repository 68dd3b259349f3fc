"""Battle sites that MIMU's gazetteer lacks, named in many reports of one event, placed at their township by an
alias (`mawgun/geo/data/aliases.tsv`): the KIA's Alaw Bum base (Momauk) and the Thaw Le Hta outpost on the
Salween (Hpapun). Texts are our own, about real events: the KIA's capture of Alaw Bum (25 March 2021) and the
KNLA's capture of Thaw Le Hta (27 April 2021)."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document


def captures(text: str, published: str) -> list[tuple[str | None, str | None, str | None, str]]:
    doc = Document(doc_id="missing-sites", text=text, published=dt.date.fromisoformat(published))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    return [(e["admin1"], e["admin3"], e["location"], e["date"]) for e in found]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The KIA overran the army's base on Alaw Bum on 25 March after a night of fighting.",
            "2021-03-27",
            ("Kachin", "Momauk", "Alaw Bum", "2021-03-25"),
        ),
        (
            "Karen fighters captured the Thaw Le Hta outpost on the Salween early on Tuesday.",
            "2021-04-28",
            ("Kayin", "Hpapun", "Thaw Le Hta", "2021-04-27"),
        ),
    ],
)
def test_site_missing_from_the_gazetteer_is_placed_at_its_township(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert captures(text, published) == [expected]


@pytest.mark.parametrize("site", ["the mountain", "the hilltop", "the ridge", "the peak"])
def test_a_mountain_or_ridge_taken_is_a_capture(site: str) -> None:
    text = f"The KIA seized {site} at Alaw Bum on 25 March after a night of fighting."
    assert captures(text, "2021-04-27") == [("Kachin", "Momauk", "Alaw Bum", "2021-03-25")]
