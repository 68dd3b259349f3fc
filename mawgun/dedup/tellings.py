"""One event told twice by one document: the same toll, the same kind, the same place, a day apart.

Two records of one type from one document are two events as a rule (`siblings.py`: strikes on one
camp on the 10th and the 11th), because extraction already merges a document's retellings. One
retelling escapes it: the killing and the finding of the bodies the next morning, or the strike and
the day the outlet was told of it, read as two events of one kind a day apart. A document does not
give two different events of one kind at one place on consecutive days the same death toll of
several people, so such a pair is one event told twice: clustering joins it before any pair is
scored, and other outlets' reports then meet it as one event whichever of the two days they give.

Two records are one event told twice when they come from one document, have the same type key, the
same toll of at least `MIN_TOLL` dead, days at most `MAX_DAYS` apart (both dated to the day) and places
that agree (same place, same township or one inside the other). A toll of one or two is too common to
tell anything (two clashes of one village three days apart, each killing one fighter, are two events).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mawgun.dedup.features import Profile, place_scores, score_place

MIN_TOLL = 3  # a toll of one or two dead is too common to show that two records are one event
MAX_DAYS = 1  # the event and the day it was found or reported


def told_twice(a: Profile, b: Profile) -> bool:
    """`a` and `b` are one document's one event told as two of one kind: same toll of several dead,
    days at most a day apart, places that agree."""
    if a.doc_id != b.doc_id or a.type_key != b.type_key:
        return False
    if a.fatalities is None or a.fatalities < MIN_TOLL or a.fatalities != b.fatalities:
        return False
    if a.day is None or b.day is None or abs(a.day - b.day) > MAX_DAYS:
        return False
    place = score_place(a, b)
    return place is not None and place >= place_scores()["admin3"]


def retold_pairs(profiles: Sequence[Profile], siblings: Mapping[int, list[int]]) -> list[tuple[int, int]]:
    """Index pairs (a < b) of reports that are one event told twice, in index order (deterministic:
    profiles are sorted by record id). Only `siblings` (`siblings.document_siblings`: index -> the
    other reports of its document with its type key; most reports have none) are looked at."""
    pairs = [
        (first, second)
        for first, others in siblings.items()
        for second in others
        if first < second and told_twice(profiles[first], profiles[second])
    ]
    pairs.sort()
    return pairs
