"""Cutting text into plain and evidence segments."""

from __future__ import annotations

from mawgun.web.highlight import merge_spans, split_text


def test_overlapping_spans_merge_and_keep_their_records() -> None:
    assert merge_spans([(5, 10, "a"), (8, 12, "b"), (20, 25, "a")], 30) == [(5, 12, ("a", "b")), (20, 25, ("a",))]


def test_spans_outside_the_text_are_clipped_or_dropped() -> None:
    assert merge_spans([(-3, 2, "a"), (8, 99, "b"), (50, 60, "c"), (4, 4, "d")], 10) == [
        (0, 2, ("a",)),
        (8, 10, ("b",)),
    ]


def test_split_text_alternates_plain_and_marked_segments_that_rebuild_the_text() -> None:
    text = "The army shelled the village. Two people died."
    segments = split_text(text, [{"start": 4, "end": 28, "record_id": "ev-1"}])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.marked) for s in segments] == [
        ("The ", False),
        ("army shelled the village", True),
        (". Two people died.", False),
    ]
    assert segments[1].records == ("ev-1",) and segments[1].start == 4


def test_a_span_whose_offsets_no_longer_fit_its_quote_is_found_by_the_quote() -> None:
    text = "Intro line.  The army shelled the village."
    segments = split_text(text, [{"start": 0, "end": 5, "quote": "shelled the village", "record_id": "ev-1"}])
    assert [s.text for s in segments if s.marked] == ["shelled the village"]


def test_a_span_whose_quote_is_not_in_the_text_is_not_highlighted() -> None:
    segments = split_text("Nothing of the sort here.", [{"start": 0, "end": 7, "quote": "airstrike"}])
    assert not any(s.marked for s in segments)
