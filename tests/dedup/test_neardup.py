"""Specification of near-duplicate document detection (syndicated and republished copies)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mawgun.dedup.evaluate import load_fixture
from mawgun.dedup.neardup import find_near_duplicates

FIXTURES = Path(__file__).parent / "fixtures"
STORY = (
    "Kokang fighters took over the North Eastern Command base in Lashio on August 3, the group announced, in one "
    "of the biggest defeats the military has suffered. Several senior officers were reported captured. The junta "
    "said communications with the command had been cut, and China urged both sides to halt fighting."
)


def test_a_republished_copy_links_to_the_earlier_original() -> None:
    copy = "Republished from Myanmar Now.   " + STORY.replace("\n", " ") + " All rights reserved."
    texts = {"doc-orig": STORY, "doc-copy": copy, "doc-other": "A different story about floods in Bago and Yangon."}
    published = {"doc-orig": dt.date(2024, 8, 5), "doc-copy": dt.date(2024, 8, 6), "doc-other": dt.date(2024, 8, 5)}
    (link,) = find_near_duplicates(texts, published)
    assert (link.document_id, link.duplicate_of) == ("doc-copy", "doc-orig") and link.similarity > 0.8


def test_different_reports_of_the_same_event_are_not_near_duplicates() -> None:
    other = (
        "The MNDAA said on Saturday that it had captured the junta's North Eastern Command headquarters in Lashio "
        "after weeks of fighting. The military has not confirmed the loss, and residents said the fighting stopped."
    )
    assert find_near_duplicates({"doc-a": STORY, "doc-b": other}) == []


def test_fixture_copies_are_found_and_nothing_else() -> None:
    articles = load_fixture(FIXTURES)
    key = {a.document.doc_id: a.key for a in articles}
    links = find_near_duplicates(
        {a.document.doc_id: a.document.text for a in articles},
        {a.document.doc_id: a.document.published for a in articles},
    )
    found = {(key[link.document_id], key[link.duplicate_of]) for link in links}
    assert found == {(a.key, a.copy_of) for a in articles if a.copy_of}
