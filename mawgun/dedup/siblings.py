"""Documents that report two events of one kind tell them apart for every other outlet.

A document reporting strikes on one camp on the 10th and again on the 11th says that they are two
events; another outlet's report of the 10th belongs with that document's 10th, not its 11th, even
when its wording happens to match the 11th better. Clustering drops a candidate pair when a sibling
(same document, same ACLED event type: reports one document never joins) of one report fits the other
report's date better and its place no worse.

A document that reports a town's capture and, beside it, the fighting for the town on the same days
(a clash and a recapture, both *Battles*) tells the same: the capture is the event that other outlets
report, the clash is the fighting this document adds around it. Another outlet's report that fits
both equally (its own clash there, or a capture it codes as fighting) goes with the capture; two
documents' clashes told each beside its capture are not linked to one another. (One sentence that
the extractor codes as both a clash and a capture is no such telling.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mawgun.dedup.eventtypes import types_compatible
from mawgun.dedup.features import (
    Profile,
    place_scores,
    score_date,
    score_place,
    score_type,
    townships_conflict,
)

CLASH = "Battles: Armed clash"
# A change of hands of a place: what a document's clash on those days was the fighting for.
TERRITORIAL = frozenset({"Battles: Non-state actor overtakes territory", "Battles: Government regains territory"})


def sibling_key(profile: Profile) -> str:
    """What a document's reports share when the document tells them apart: their ACLED event type
    (one document's two reports of one type are never one event, `pairs.same_document_allowed`)."""
    return profile.event_type


def document_siblings(profiles: Sequence[Profile]) -> dict[int, list[int]]:
    """Index -> the other reports of its document with the same event type (documents that tell two
    events of one kind apart, such as strikes on one camp on two days, or a town's capture and the
    clash before it); most reports have none."""
    by_doc: dict[tuple[str, str], list[int]] = {}
    for index, prof in enumerate(profiles):
        by_doc.setdefault((prof.doc_id, sibling_key(prof)), []).append(index)
    return {i: [j for j in group if j != i] for group in by_doc.values() if len(group) > 1 for i in group}


def sibling_fits_better(profiles: Sequence[Profile], siblings: Mapping[int, list[int]], a: int, b: int) -> bool:
    """`one_sibling_fits_better` either way round."""
    return one_sibling_fits_better(profiles, siblings, a, b) or one_sibling_fits_better(profiles, siblings, b, a)


def one_sibling_fits_better(profiles: Sequence[Profile], siblings: Mapping[int, list[int]], a: int, b: int) -> bool:
    """A document that reports two events of one kind tells them apart for other outlets too: `a`
    is not linked to `b` when a sibling of `b` (same document and event type, a type `a` may carry)
    fits `a`'s date better and its place no worse (a strike of the 10th goes with that document's
    strike of the 10th, not the 11th); nor when the sibling fits it exactly as well and either is
    the capture of a place while `b` is the clash the document tells beside it
    (`capture_beside_clash`), or lies in another township while `a` names no township and its type
    fits `a` no worse (martial law in two townships of one city, and a report naming only the city:
    it may be either, so it is linked to neither; the wording does not decide, as it would for two
    villages of the township a report names; an air strike told beside shelling elsewhere still
    takes the city-only report of an air strike)."""
    others = siblings.get(b)
    if not others:
        return False
    first, second = profiles[a], profiles[b]
    date, place = score_date(first, second), score_place(first, second)
    for index in others:
        sibling = profiles[index]
        if sibling.doc_id == first.doc_id or not types_compatible(first.type_key, sibling.type_key):
            continue
        better = score_date(first, sibling)
        if better is None or date is None or better < date:
            continue
        near = score_place(first, sibling)
        if near is None or (place is not None and near < place):
            continue
        if better > date or capture_beside_clash(sibling, second):
            return True
        city_only = near == place and not first.admin3 and townships_conflict(second, sibling)
        if city_only and score_type(first, sibling) >= score_type(first, second):
            return True
    return False


def capture_beside_clash(sibling: Profile, report: Profile) -> bool:
    """`report` is a document's clash and `sibling` the same document's capture or recapture of the
    clash's township or place on its days, told in other words: of the two, another outlet's report
    that fits both equally goes with the capture. One sentence coded under both (an offensive's launch
    "to capture" a town) tells nothing apart."""
    if report.type_key != CLASH or sibling.type_key not in TERRITORIAL or sibling.text == report.text:
        return False
    if score_date(sibling, report) is None:
        return False
    place = score_place(sibling, report)
    return place is not None and place >= place_scores()["admin3"]
