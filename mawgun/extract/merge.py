"""One record per event per document: reports of the same event merge, keeping every evidence span and the
latest casualty figure (corrections come later in a text)."""

from __future__ import annotations

import re
from dataclasses import replace

from mawgun.model import EventRecord, Place

CORRECTION = re.compile(r"\b(?:rose|risen|climbed|revised|corrected|updated|now stands|later|actually)\b", re.I)


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
DATE_TOLERANCE = {"day": 0, "week": 3, "month": 15, "year": 183}


def same_event(kept: EventRecord, later: EventRecord) -> bool:
    """Two reports in one document of the same event: same event type, compatible day and place. The
    sub-types must agree unless the later report is vague (no township) and so retells one told before:
    "drones hit the air base in Nay Pyi Taw", then "explosions were heard", is one event with two evidence
    spans; a vague capture told first does not swallow a clash placed later."""
    if found_later(kept, later) or found_later(later, kept):
        return places_compatible(kept.place or Place(), later.place or Place())
    if not same_kind(kept, later) or not dates_compatible(kept, later):
        return False
    if kept.sub_event_type != later.sub_event_type and told_together(kept, later):
        return False  # two events of one sentence ("fired artillery and conducted airstrikes") stay two
    pa, pb = kept.place or Place(), later.place or Place()
    handover = is_handover(kept, later)
    if later.sub_event_type in TERRITORY and kept.sub_event_type not in TERRITORY:
        return False  # a clash and the capture told after it are two events, however vaguely the capture is placed
    if kept.sub_event_type != later.sub_event_type and not is_vague(pb) and not handover:
        return False
    return places_compatible(pa, pb)


DISCOVERY = re.compile(
    r"\bbod(?:y|ies)\b[^.;]{0,100}?\b(?:found|discovered|recovered|retrieved|dumped)\b|"
    r"\b(?:found|discovered|recovered|retrieved)\b[^.;]{0,40}?\bbod(?:y|ies)\b",
    re.I,
)


def found_later(killing: EventRecord, found: EventRecord) -> bool:
    """A record told only by bodies being found ("35 charred bodies were found near the village on Saturday"),
    dated one to three days after a killing of the same kind told in the same document: the discovery of that
    killing, not a second one."""
    if killing.sub_event_type != found.sub_event_type or killing.date is None or found.date is None:
        return False
    if not 0 < (found.date - killing.date).days <= 3 or is_discovery(killing):
        return False
    return is_discovery(found)


def is_discovery(event: EventRecord) -> bool:
    """Every sentence of the record tells bodies found."""
    return bool(event.evidence) and all(DISCOVERY.search(span.text) for span in event.evidence)


HANDOVER = {"Non-state actor overtakes territory", "Non-violent transfer of territory"}
TERRITORY = {*HANDOVER, "Government regains territory"}


def same_kind(a: EventRecord, b: EventRecord) -> bool:
    """Same event type; or a capture and, told apart, the troops who gave the same place up that day ("overran
    the camp on Monday ... the rest of the garrison withdrew from it"): one change of hands."""
    if a.event_type == b.event_type:
        return True
    return is_handover(a, b) and not told_together(a, b)


def is_handover(a: EventRecord, b: EventRecord) -> bool:
    """A capture and a giving-up of ground ("abandoned the base", "withdrew"); a unit that defects is an event of
    its own, even on the day of a capture."""
    rules = {a.provenance.rule, b.provenance.rule}
    return {a.sub_event_type, b.sub_event_type} == HANDOVER and "transfer.defection" not in rules


def told_together(a: EventRecord, b: EventRecord) -> bool:
    """Both records come from one sentence (their first evidence spans start together)."""
    return bool(a.evidence and b.evidence) and a.evidence[0].start == b.evidence[0].start


def dates_compatible(a: EventRecord, b: EventRecord) -> bool:
    """Same day, or within the looser of the two date precisions (a week's date covers its days)."""
    if a.date is None or b.date is None:
        return a.date == b.date
    tolerance = max(DATE_TOLERANCE.get(a.date_precision or "day", 0), DATE_TOLERANCE.get(b.date_precision or "day", 0))
    return abs((a.date - b.date).days) <= tolerance


def is_vague(place: Place) -> bool:
    """A place that names no township or location: nothing, or only a state/region."""
    return not place.admin3 and not place.location


def places_compatible(pa: Place, pb: Place) -> bool:
    """Same state (or one unknown), no conflicting townships and agreeing names; a report with no
    place or only a state merges into the one with the township. Two different names stay two events
    even when the gazetteer placed one of them nowhere (two villages bombed on one day)."""
    if pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1:
        return False
    if is_vague(pa) or is_vague(pb):
        return True
    if pa.admin3 and pb.admin3 and pa.admin3 != pb.admin3:
        return False
    if (pa.geo_precision or 3) != (pb.geo_precision or 3):  # a village within the township told before
        return True
    if pa.admin3 and (is_township_itself(pa) or is_township_itself(pb)):  # a base in the town, and the town
        return True
    na, nb = place_names(pa), place_names(pb)
    return not na or not nb or bool(na & nb)


def is_township_itself(place: Place) -> bool:
    """A place that is its township's own town ("Lashio" in Lashio township): it holds any place inside."""
    names = place_names(place)
    return bool(place.admin3) and re.sub(r"[^a-z0-9]", "", (place.admin3 or "").lower()) in names


def place_names(place: Place) -> set[str]:
    """A place's most specific name, as the gazetteer spells it and as the text wrote it (compared loosely)."""
    if place.location is None:
        return set()
    names = {place.location, place.span.text if place.span else ""}
    return {re.sub(r"[^a-z0-9]", "", n.lower()) for n in names if n}


def merge_into(kept: EventRecord, later: EventRecord) -> None:
    """Fold a later report of the same event into the kept one: evidence added, gaps filled, a later
    casualty figure replacing an earlier one (corrections come later in a text)."""
    if found_later(later, kept):  # the discovery was told first: the event keeps the killing's day
        kept.date, kept.date_end, kept.date_precision = later.date, later.date_end, later.date_precision
        kept.provenance.fields["date"] = "merge.found_later"
    kept.evidence.extend(later.evidence)
    if is_handover(kept, later):  # the capture names the change of hands
        kept.event_type, kept.sub_event_type = "Battles", "Non-state actor overtakes territory"
        kept.provenance = later.provenance if later.event_type == "Battles" else kept.provenance
        kept.provenance.fields.update(event_type="merge.handover", sub_event_type="merge.handover")
    if later.date and PRECISION_RANK.get(later.date_precision or "day", 0) < PRECISION_RANK.get(
        kept.date_precision or "day", 0
    ):  # "arrests in Mandalay this month", then "15 were arrested there on Sunday": the day is known
        kept.date, kept.date_end, kept.date_precision = later.date, later.date_end, later.date_precision
        kept.provenance.fields["date"] = "merge.day_refines"
    if later.fatalities is not None and corrects(kept.fatalities, later):
        kept.fatalities, kept.fatalities_qualifier = later.fatalities, later.fatalities_qualifier
        kept.provenance.fields["fatalities"] = "merge.corrects"
    if later.injuries is not None:
        kept.injuries = later.injuries
    place = finer_place(kept.place, later.place)
    if place is not kept.place:
        kept.provenance.fields["place"] = "merge.finer_place"
    kept.place = place
    kept.actor1 = kept.actor1 or later.actor1
    kept.actor2 = kept.actor2 or later.actor2
    kept.tags = sorted(set(kept.tags) | set(later.tags))


def corrects(known: int | None, later: EventRecord) -> bool:
    """Whether a later casualty figure replaces the known one: none known, a higher toll, or a correction
    ("the death toll later rose to 18"); a smaller figure in a detail ("shot dead five of them") does not."""
    if known is None or (later.fatalities or 0) > known:
        return True
    text = " ".join(span.text for span in later.evidence)
    return bool(later.fatalities) and bool(CORRECTION.search(text))


def finer_place(a: Place | None, b: Place | None) -> Place | None:
    """The more specific of two places of one event, its gaps (township, state) filled from the other."""
    if a is None or b is None:
        return a or b
    fine, coarse = (b, a) if fineness(b) < fineness(a) else (a, b)
    return replace(
        fine,
        admin1=fine.admin1 or coarse.admin1,
        admin3=fine.admin3 or coarse.admin3,
        admin3_pcode=fine.admin3_pcode or coarse.admin3_pcode,
    )


def fineness(place: Place) -> float:
    """A place's geo precision, a city spread over townships (placed in none, "Yangon") counting as coarser
    than any township: "in Yangon", then "in Yangon's Hlaing Tharyar township", places the event in the township."""
    if place.admin1 and not place.admin3 and place.level in ("town", "locality"):
        return 2.5
    return place.geo_precision or 3


def merge_duplicates(events: list[EventRecord]) -> list[EventRecord]:
    """One record per event in a document, in order of first mention."""
    kept: list[EventRecord] = []
    for event in events:
        match = next((k for k in kept if same_event(k, event)), None)
        if match is None:
            kept.append(event)
        else:
            merge_into(match, event)
    return kept
