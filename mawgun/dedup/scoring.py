"""The pair model: a logistic regression over the per-feature agreements of two reports.

`weights.json` beside this module holds its intercept and one coefficient per feature, fitted by
`bench/dedup_fit.py` on labelled pairs generated from the project's own fixture
(`tests/dedup/fixtures`), never set by hand. A pair's score is the model's probability that the two
reports describe one event; pairs at or above `threshold` may be linked. Each feature's contribution
to the log-odds is kept in explanations, so every merge says which features carried it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The fitted model: {"intercept", "coefficients": {feature: weight}, "threshold", "fitted"}."""
    with WEIGHTS_PATH.open(encoding="utf-8") as handle:
        model: dict[str, Any] = json.load(handle)
    return model


@lru_cache(maxsize=1)
def coefficient_items() -> tuple[float, tuple[tuple[str, float], ...]]:
    """(intercept, ((feature, coefficient), ...)): the model in the form every pair score reads."""
    model = load_model()
    return float(model["intercept"]), tuple((k, float(v)) for k, v in model["coefficients"].items())


def log_odds(features: Mapping[str, float]) -> float:
    """Intercept plus each feature's agreement times its coefficient."""
    intercept, items = coefficient_items()
    total = intercept
    for name, weight in items:
        total += weight * features[name]
    return total


def score_features(features: Mapping[str, float]) -> float:
    """The probability (0..1, 4 decimals) that a pair with these agreements is one event."""
    return probability(log_odds(features))


def probability(value: float) -> float:
    """The probability (4 decimals) of a log-odds value."""
    return round(1.0 / (1.0 + math.exp(-value)), 4)


@lru_cache(maxsize=1)
def text_weight() -> float:
    """The coefficient of wording similarity (compared last: it is the costliest feature)."""
    return float(load_model()["coefficients"]["text"])


def threshold() -> float:
    """The probability at which a pair may be linked."""
    return float(load_model()["threshold"])


def contributions(features: Mapping[str, float]) -> dict[str, float]:
    """Each feature's share of the log-odds (coefficient x agreement), for explanations."""
    coefficients: Mapping[str, float] = load_model()["coefficients"]
    return {name: round(weight * features[name], 3) for name, weight in coefficients.items()}
