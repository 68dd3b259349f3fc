"""Which metric a number in a sentence counts, and whether the sentence reads as an aggregate.

The metric vocabulary (lang/en/statistics.yaml) names each metric by the words right before the number
("killed at least 182"), right after it ("149 airstrikes") or by a verb later in its clause ("410 people,
including ..., surrendered"). Around that vocabulary this module handles the wordings that hide a number from
its cue: a figure in parentheses ("(4,100) people"), a figure in a list that shares one verb ("lost 300 bases
and eight towns"), a part of a total ("25 out of the region's 37 townships"), a breakdown in parentheses
("N people (M civilians ...)"), and a count of times ("bombed the township 14 times")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from mawgun.extract.numbers import NUMBER
from mawgun.extract.vocab import compile_pattern, load_vocabulary

QUALIFIER_WORDS = (
    r"(?:at least|more than|over|nearly|almost|about|around|some|approximately|up to|an estimated|a peak of|"
    r"a total of|all)"
)
# a figure before in the same list: "300 military bases and", "four towns, "
SIBLING = re.compile(
    rf"(?:{QUALIFIER_WORDS}\s+)?(?:{NUMBER})\s+(?:[A-Za-z][\w’'-]*\s+){{0,5}}?[A-Za-z][\w’'-]*\s*"
    rf"(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:{QUALIFIER_WORDS}\s+)?$",
    re.I,
)
# an aside between dashes or in parentheses, skipped when looking back for a list's verb
ASIDE = re.compile(r"\s*(?:[—–]\s[^—–]{1,160}?\s[—–]|\([^()]{1,160}\))")
# "25 out of the region's 37 townships", "150 of the 200 airstrikes": the second number is the total
PART_OF = re.compile(
    rf"\)?\s+(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?(?:(?:the\s+)?(?:[\w-]+\s+){{0,2}}[\w-]+[’']s?\s+)?"
    rf"(?P<total>{NUMBER})\s",
    re.I,
)
# "the two towns of A and B": a reference to named places, not a count
NAMED_REFERENCE = re.compile(r"\bthe\s+$", re.I)
# "40 people (31 civilians": a breakdown of the figure just before
# "schools and " before the next figure of a list; the next figure and its noun, up to the list's verb
LIST_AHEAD = re.compile(r"(?:[A-Za-z][\w’'-]*\s+){1,3}(?:and|,)\s*$")
NEXT_FIGURE = re.compile(r"\s\(?\d[\d,.]*\)?\s+(?:[A-Za-z][\w’'-]*\s+){0,3}?(?=(?:were|are|have|had|was)\b)")
BREAKDOWN = re.compile(rf"(?:{NUMBER})\s+(?:[\w’'-]+\s+){{0,2}}\(\s*$", re.I)


@lru_cache(maxsize=1)
def metric_rules() -> list[dict[str, Any]]:
    return list(load_vocabulary("statistics")["metrics"])


def metric_rule(metric: str) -> dict[str, Any]:
    """The vocabulary entry of a metric (the first one that names it); {} for a metric inherited from text."""
    return next((r for r in metric_rules() if r["metric"] == metric), {})


def sentence_cues(text: str, one_day: bool = False) -> tuple[bool, bool]:
    """(strong, weak): whether the sentence carries aggregate cues. A "since" that only bounds a superlative
    ("the deadliest attack since the coup") tells one event's rank, not a period's total; a superlative in a
    sentence with a day of its own (`one_day`) ranks that day's event, and no cue makes it an aggregate."""
    vocab = load_vocabulary("statistics")
    if one_day and compile_pattern(vocab["superlative"]).search(text):
        return False, False
    plain = compile_pattern(vocab["superlative_since"]).sub(" ", text)
    strong = any(compile_pattern(p).search(plain) for p in vocab["strong_cues"])
    weak = any(compile_pattern(p).search(plain) for p in vocab["weak_cues"])
    return strong, weak


def before_without_qualifier(before: str) -> str:
    """Text before a number with a trailing qualifier ("at least", "a total of") or opening parenthesis removed."""
    before = re.sub(r"\(\s*$", "", before)
    return re.sub(rf"\s*\b{QUALIFIER_WORDS}\s*$", " ", before, flags=re.I)


def before_without_siblings(before: str) -> str:
    """Text before a number with the figures listed before it under the same verb removed ("seized 250 outposts
    and about twelve towns" -> "seized "), asides in dashes or parentheses dropped first."""
    before = ASIDE.sub(" ", before)
    for _ in range(4):
        match = SIBLING.search(before)
        if not match:
            break
        before = before[: match.start()]
    return before


def find_metric(text: str, start: int, end: int, previous: str | None, local: str | None = None) -> str | None:
    """The metric a number at text[start:end] counts, from the words around it; a figure listed after another
    under one verb takes that verb's metric, and one told by place after a figure of the same sentence (`local`)
    takes that figure's metric."""
    before, after = text[:start], text[end : end + 220]
    after = re.sub(r"^\)", "", after)
    if re.match(r"^\s+of them\b", after) or (previous and BREAKDOWN.search(before[-60:])):
        return previous
    if local and re.search(r"(?:,|\band)\s*$", before) and re.match(r"\s+(?:in|from)\s+[A-Z]", after):
        return local  # "three towns in Rakhine State and two in Chin State"
    after = after.lstrip()
    cleaned = before_without_qualifier(before)
    metric = metric_from_rules(cleaned, after, previous)
    if metric is None:
        stripped = before_without_qualifier(before_without_siblings(cleaned))
        if stripped != cleaned:
            metric = metric_from_rules(stripped, after, previous, only_before=True)
    if metric is None and LIST_AHEAD.match(up_to_next_figure(after)):
        # "31 schools and 12 hospitals were targeted": the verb after the list counts for its first figure too
        metric = metric_from_rules(cleaned, NEXT_FIGURE.sub(" ", after, count=1), previous)
    return metric


def up_to_next_figure(after: str) -> str:
    """The words after a number up to the next figure ("86 buildings damaged and 300 houses destroyed": the
    first figure's words stop before "300")."""
    match = re.search(r"\s\(?\d", after)
    return after[: match.start()] if match else after


def metric_from_rules(before: str, after: str, previous: str | None, only_before: bool = False) -> str | None:
    """The first metric rule whose cue matches before or after the number (`only_before`: rules that need a
    cue before it, for a figure whose verb is shared with the list before it). Cues after the number are read
    up to the next figure; a verb later in the clause is read over the whole clause."""
    people = load_vocabulary("statistics")["people"]
    own = up_to_next_figure(after)
    for rule in metric_rules():
        if rule.get("both"):
            if compile_pattern(rule["before"]).search(before) and compile_pattern(rule["after"]).search(own):
                return str(rule["metric"])
            continue
        if rule.get("before") and compile_pattern(rule["before"]).search(before):
            return str(rule["metric"])
        if only_before:
            continue
        if rule.get("after") and compile_pattern(rule["after"]).search(own):
            return (previous or str(rule["metric"])) if rule.get("inherit") else str(rule["metric"])
        if rule.get("verb") and compile_pattern(
            rf"^(?:(?:\w+\s+){{0,2}}{people}\b|(?:were|are|have been|had been)\b)"
        ).search(after):
            clause = re.split(r"[;:]|\s(?:but|while|whereas)\s", after)[0]
            if compile_pattern(rule["verb"]).search(clause):
                return str(rule["metric"])
    return None


def part_of_total(text: str, end: int) -> re.Match[str] | None:
    """For a number ending at `end`, the total it is a part of ("90 out of 330 townships" -> "330")."""
    return PART_OF.match(text, end)


def is_named_reference(text: str, start: int) -> bool:
    """ "the two towns of A and B": a number after "the" that counts places named right after it."""
    after = text[start : start + 80]
    return bool(NAMED_REFERENCE.search(text[max(0, start - 10) : start])) and bool(
        re.match(r"^[\w-]+\s+(?:[a-z]+\s+){0,2}(?:towns|cities|bases|camps|outposts|villages)\s+of\s+[A-Z]", after)
    )


def percent_metric(text: str, end: int) -> str | None:
    """The metric of a share ("70 percent of the country's territory"), from `percent_metrics`; None for any other
    number or percentage."""
    after = text[end : end + 120]
    if not re.match(r"\s*(?:%|percent\b|per cent\b)", after, re.I):
        return None
    for rule in load_vocabulary("statistics").get("percent_metrics", []):
        if compile_pattern(rule["after"]).match(after):
            return str(rule["metric"])
    return None
