"""Fighting named by a bare noun beside a capture, with no place and no day of its own in its clause, is the
battle the capture belongs to: one record, the capture, not a capture and a clash with the same evidence (issue
16, the dedup fixture's Hsenwi split). Fighting with its own place or its own later day is still a clash. Texts
are our own, about real events: Operation 1027's first day (27 October 2023) in northern Shan, the TNLA's capture
of Namhsan (December 2023) and the Arakan Army's advance on Ann (2024)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mawgun.extract import extract_document
from mawgun.model import Document


def kinds(text: str, published: str) -> list[tuple[str, str | None]]:
    doc = Document(doc_id="fighting-beside-capture", text=text, published=dt.date.fromisoformat(published))
    found: list[dict[str, Any]] = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    return [(e["sub_event_type"], e["location"]) for e in found]


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        (
            "The MNDAA said its fighters overran two junta outposts near Hsenwi on 27 October, and that the "
            "fighting had not ended.",
            "2023-10-29",
            "Hsenwi",
        ),
        (
            "The TNLA said it seized the army base in Namhsan on Friday and that fighting went on into the night.",
            "2023-12-17",
            "Namhsan",
        ),
        (
            "The Arakan Army overran a junta outpost in Ann township on Sunday, and clashes were still going on, "
            "a resident said.",
            "2024-06-25",
            "Ann",
        ),
    ],
)
def test_fighting_beside_a_capture_is_the_capture(text: str, published: str, place: str) -> None:
    assert kinds(text, published) == [("Non-state actor overtakes territory", place)]


@pytest.mark.parametrize(
    ("text", "published", "clash_at"),
    [
        ("The MNDAA captured Hsenwi on Friday, while fighting continued in Lashio.", "2024-01-08", "Lashio"),
        (
            "The TNLA captured the army base in Namhsan on Monday and fighting continued on Wednesday.",
            "2023-12-20",
            "Namhsan",
        ),
    ],
)
def test_fighting_with_its_own_place_or_day_is_still_a_clash(text: str, published: str, clash_at: str) -> None:
    found = kinds(text, published)
    assert ("Armed clash", clash_at) in found, found
    assert any(kind == "Non-state actor overtakes territory" for kind, _ in found), found
