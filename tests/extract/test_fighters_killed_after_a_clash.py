"""A sentence one or two after a clash's that only counts fighters killed ("The group said three of its
members died."), with no day and no place of its own, is that clash told again, not a second clash
dated by whatever day was told last; its count is the clash's toll only when the clash had none. Texts are our
own, about a real event: fighting near Taneelarle village, Demoso township (May 2023)."""

from __future__ import annotations

import datetime as dt

from mawgun.extract import extract_document
from mawgun.model import Document


def clashes(text: str) -> list[tuple[str, int | None]]:
    doc = Document(doc_id="fighters-killed", text=text, published=dt.date(2023, 5, 24))
    found = [r.to_json() for r in extract_document(doc) if r.kind == "event"]
    return [(e["date"], e["fatalities"]) for e in found if e["sub_event_type"] == "Armed clash"]


def test_fighters_killed_told_after_the_clash_are_its_toll() -> None:
    text = (
        "Clashes began on 14 May near Taneelarle, a village of Demoso township in Kayah State. "
        "They had not stopped by 22 May, when this report was filed.\n\n"
        "The KNDF put its own dead at four: four members killed. The last of them died on 15 May.\n"
    )
    assert clashes(text) == [("2023-05-14", 4)]


def test_a_toll_already_told_is_kept() -> None:
    text = (
        "Five KNDF fighters died in clashes near Taneelarle, a village of Demoso township in Kayah State, on "
        "14 May.\nThe KNDF put its own dead at four: four members killed."
    )
    assert clashes(text) == [("2023-05-14", 5)]
