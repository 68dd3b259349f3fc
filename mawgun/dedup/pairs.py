"""Comparing two event reports: the hard rules that forbid a link, and the pair model's probability.

`compare_profiles` returns None when a hard rule forbids a link (incompatible types, dates apart,
conflicting places, one document) and otherwise the probability with each feature's agreement (what
explanations show). `pair_probability` is the same score without the features (what clustering
computes for every candidate pair: a million reports give millions of them), summed in the same order,
so both give the same probability.
"""

from __future__ import annotations

import math
from functools import lru_cache

from mawgun.dedup.eventtypes import types_compatible
from mawgun.dedup.features import (
    UNKNOWN,
    Profile,
    actor_agreement,
    place_scores,
    score_actors,
    score_date,
    score_fatalities,
    score_place,
    score_text,
    score_type,
    toll_agreement,
)
from mawgun.dedup.scoring import coefficient_items, probability, text_weight


def hard_compatible(a: Profile, b: Profile) -> bool:
    """The rule no score overrides: compatible types (a capture and a recapture never are). Which side
    gains is not checked: extraction swaps actor roles too often for it to forbid a link."""
    return types_compatible(a.type_key, b.type_key)


def same_document_allowed(a: Profile, b: Profile, date: float, place: float) -> bool:
    """Two reports of one document are one event only when the document codes one happening under two
    compatible event types (a battle and the handover it ended in) on one day, at places that agree.
    Two reports of one type are two events: extraction already merges a document's retellings."""
    return a.event_type != b.event_type and date >= 1.0 and place >= place_scores()["mentioned"]


def compare_profiles(a: Profile, b: Profile, need: float | None = None) -> tuple[float, dict[str, float]] | None:
    """The pair's probability of being one event and the per-feature agreement behind it, or None when
    a hard rule forbids a link (incompatible types, dates apart, different places). With `need`, also
    None as soon as the pair cannot reach that probability even with identical wording (the costly
    text comparison is then skipped)."""
    if a.type_key != b.type_key and not types_compatible(a.type_key, b.type_key):
        return None
    date = score_date(a, b)
    if date is None:
        return None
    place = score_place(a, b)
    if place is None:
        return None
    if a.doc_id == b.doc_id and not same_document_allowed(a, b, date, place):
        return None
    features = {
        "date": date,
        "place": place,
        "actors": score_actors(a, b),
        "fatalities": score_fatalities(a, b),
        "type": score_type(a, b),
        "text": 0.0,
    }
    partial = partial_log_odds(date, place, features["actors"], features["fatalities"], features["type"])
    weight = text_weight()
    if need is not None and partial + max(weight, 0.0) < logit(need):
        return None
    features["text"] = text = score_text(a, b)
    return probability(partial + weight * text), features


@lru_cache(maxsize=16)
def logit(probability: float) -> float:
    """The log-odds of a probability."""
    return math.log(probability / (1.0 - probability))


@lru_cache(maxsize=1)
def ordered_coefficients() -> tuple[float, float, float, float, float, float]:
    """(intercept, date, place, actors, fatalities, type): the model without its text coefficient."""
    intercept, items = coefficient_items()
    weights = dict(items)
    return intercept, weights["date"], weights["place"], weights["actors"], weights["fatalities"], weights["type"]


def partial_log_odds(date: float, place: float, actors: float, fatalities: float, kind: float) -> float:
    """The log-odds before the wording is compared (`pair_probability` adds the same terms in the
    same order)."""
    intercept, c_date, c_place, c_actors, c_fatalities, c_type = ordered_coefficients()
    return intercept + c_date * date + c_place * place + c_actors * actors + c_fatalities * fatalities + c_type * kind


@lru_cache(maxsize=64)
def pair_constants(need: float) -> tuple[float, float, float, float, float, float, float, float]:
    """The model's coefficients (intercept, date, place, actors, fatalities, type, text) and the
    log-odds the pair must reach before its wording is compared (`need` less the largest the text can
    add), looked up once for every pair that needs them."""
    weight = text_weight()
    return (*ordered_coefficients(), weight, logit(need) - (weight if weight > 0.0 else 0.0))


def pair_probability(a: Profile, b: Profile, need: float) -> float | None:
    """The pair's probability when it may reach `need`, else None: `compare_profiles` without the
    features dict (the same terms summed in the same order, so the same probability; tested). The
    date, actor, toll and type agreements are those of `features.score_*`, written out here: this
    runs for every candidate pair (millions at a million reports) and the calls cost a fifth of it."""
    key_a, key_b = a.type_key, b.type_key
    if key_a != key_b and not types_compatible(key_a, key_b):
        return None
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        date = UNKNOWN
    elif a.lo > b.hi or b.lo > a.hi:
        return None
    elif not a.dated or not b.dated:
        date = UNKNOWN
    elif a.day is not None and b.day is not None:
        date = 1.0 - 0.2 * abs(a.day - b.day)
        if date <= 0.4:
            date = 0.4
    else:
        date = 0.7
    place = score_place(a, b)
    if place is None:
        return None
    if a.doc_id == b.doc_id and not same_document_allowed(a, b, date, place):
        return None
    intercept, c_date, c_place, c_actors, c_fatalities, c_type, c_text, floor = pair_constants(need)
    named_a, named_b = a.named_actors, b.named_actors
    actors = actor_agreement(named_a, a.actors, named_b, b.actors) if named_a and named_b else UNKNOWN
    toll_a, toll_b = a.fatalities, b.fatalities
    fatalities = UNKNOWN if toll_a is None or toll_b is None else toll_agreement(toll_a, toll_b)
    kind = 1.0 if key_a == key_b else (UNKNOWN if not a.sub_event_type or not b.sub_event_type else 0.0)
    partial = (
        intercept + c_date * date + c_place * place + c_actors * actors + c_fatalities * fatalities + c_type * kind
    )
    if partial < floor:
        return None
    value = partial + c_text * score_text(a, b)
    return round(1.0 / (1.0 + math.exp(-value)), 4)  # `scoring.probability`, written out: one call less a pair
