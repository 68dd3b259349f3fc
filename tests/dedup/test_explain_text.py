"""`mawgun events explain` prints words, not Python dicts, and an unknown toll as unknown."""

from __future__ import annotations

from mawgun.dedup.commands import link_detail, toll_text


def test_a_decided_link_reads_as_text() -> None:
    text = link_detail({"a": "ev-1", "b": "ev-2", "score": 1.0, "decision": "merge", "decided_by": "analyst"})
    assert text == "decision: merge; decided by: analyst" and "{" not in text


def test_a_scored_link_names_its_features() -> None:
    link = {"a": "ev-1", "b": "ev-2", "features": {"place": 0.85}, "contributions": {"place": 1.52}}
    assert link_detail(link) == "place 0.85 (+1.52)"


def test_an_unknown_toll_is_not_printed_as_none() -> None:
    assert toll_text((None, None, None)) == "toll unknown"
    assert toll_text((3, 5, 7)) == "fatalities 5 (3-7)"
