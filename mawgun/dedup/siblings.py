"""Documents that report two events of one kind tell them apart for every other outlet.

A document reporting strikes on one camp on the 10th and again on the 11th says that they are two
events; another outlet's report of the 10th belongs with that document's 10th, not its 11th, even
when its wording happens to match the 11th better. Clustering drops a candidate pair when a sibling
(same document, same type) of one report fits the other report's date better and its place no worse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mawgun.dedup.features import Profile, score_date, score_place, townships_conflict


def document_siblings(profiles: Sequence[Profile]) -> dict[int, list[int]]:
    """Index -> the other reports of its document with the same type key (documents that tell two
    events of one kind apart, such as strikes on one camp on two days); most reports have none."""
    by_doc: dict[tuple[str, str], list[int]] = {}
    for index, prof in enumerate(profiles):
        by_doc.setdefault((prof.doc_id, prof.type_key), []).append(index)
    return {i: [j for j in group if j != i] for group in by_doc.values() if len(group) > 1 for i in group}


def sibling_fits_better(profiles: Sequence[Profile], siblings: Mapping[int, list[int]], a: int, b: int) -> bool:
    """`one_sibling_fits_better` either way round."""
    return one_sibling_fits_better(profiles, siblings, a, b) or one_sibling_fits_better(profiles, siblings, b, a)


def one_sibling_fits_better(profiles: Sequence[Profile], siblings: Mapping[int, list[int]], a: int, b: int) -> bool:
    """A document that reports two events of one kind tells them apart for other outlets too: `a`
    is not linked to `b` when a sibling of `b` (same document and type) fits `a`'s date better and its
    place no worse (a strike of the 10th goes with that document's strike of the 10th, not the 11th),
    nor when the sibling fits it exactly as well in another township while `a` names no township
    (martial law in two townships of one city, and a report naming only the city: it may be either,
    so it is linked to neither; the wording does not decide, as it would for two villages of the
    township a report names)."""
    others = siblings.get(b)
    if not others:
        return False
    first, second = profiles[a], profiles[b]
    date, place = score_date(first, second), score_place(first, second)
    for index in others:
        sibling = profiles[index]
        if sibling.doc_id == first.doc_id:
            continue
        better = score_date(first, sibling)
        if better is None or date is None or better < date:
            continue
        near = score_place(first, sibling)
        if near is None or (place is not None and near < place):
            continue
        if better > date or (near == place and not first.admin3 and townships_conflict(second, sibling)):
            return True
    return False
