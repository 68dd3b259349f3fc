"""Numbers tied to what they count in Burmese: "ဗုံးသီး ၁၀၀ နီးပါး" (nearly 100 bombs), "(၄၀) ဝန်းကျင်
သေဆုံး" (about 40 killed), "သေဆုံးသူ (၁၂၈၁) ဦး" (1,281 dead).

Burmese puts a noun before its number ("bombs 100") and a verb after it ("40 about died"); the cues of
`lang/my/statistics.yaml` say which words stand where. A number followed by a day, month, year, hour, mile
or calibre word is no count. Used by statistics (aggregate sentences) and by events (fatalities, injuries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mawgun.extract.burmese.text import find_numbers
from mawgun.extract.vocab import load_vocabulary


@dataclass(frozen=True)
class Figure:
    """A counted number: metric, value, qualifier and the offsets of the whole phrase."""

    metric: str
    value: int | float
    qualifier: str | None
    start: int
    end: int


@cache
def vocabulary() -> dict:
    return load_vocabulary("statistics", "my")


@cache
def qualifier_re() -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<q{i}>{p})" for i, p in enumerate(vocabulary()["qualifiers"].values()))
    return re.compile(alternatives)


@cache
def before_res() -> list[tuple[str, re.Pattern[str]]]:
    joiners = vocabulary()["joiners"]
    return [
        (metric, re.compile(rf"(?:{cues['before']})\s*{joiners}?\s*(?:{joiners})?\s*\(?\s*$"))
        for metric, cues in vocabulary()["metrics"].items()
        if cues.get("before")
    ]


@cache
def after_res() -> list[tuple[str, re.Pattern[str]]]:
    counters = vocabulary()["counters"]
    qualifiers = "|".join(vocabulary()["qualifiers"].values())
    agent = r"(?:\S{1,24}(?:၏|ရဲ့)\s?)?"  # "၃ ဦး စစ်ကောင်စီတပ်၏ ပစ်သတ်ခံရ": who did it, between count and verb
    lead = rf"^\s*\)?\s*(?:{counters})?\s*(?:(?:{qualifiers})\s*)*(?:မှာ)?(?:လည်း)?\s*{agent}"
    return [
        (metric, re.compile(lead + rf"(?:{cues['after']})"))
        for metric, cues in vocabulary()["metrics"].items()
        if cues.get("after")
    ]


def qualifier_near(text: str) -> str | None:
    """The qualifier written right after a number ("ကျော်" = over), if any."""
    names = list(vocabulary()["qualifiers"])
    match = qualifier_re().search(text)
    if match is None:
        return None
    for i, name in enumerate(names):
        if match.group(f"q{i}"):
            return name
    return None


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Every counted number in text[start:end]."""
    figures = []
    not_counts = re.compile(vocabulary()["not_counts"])
    for n_start, n_end, value in find_numbers(text, start, end):
        after = text[n_end : min(end, n_end + 40)]
        if not_counts.match(after) or is_calendar(value, text, n_end):
            continue
        before = text[max(start, n_start - 40) : n_start]
        figure = figure_at(before, after, value, n_start, n_end)
        if figure is not None:
            figures.append(figure)
    return figures


def is_calendar(value: float, text: str, end: int) -> bool:
    """A year ("၂၀၂၂ခုနှစ်") is never a count."""
    return 1900 <= value <= 2100 and bool(re.match(r"\s*(?:ခု\s?နှစ်|ပြည့်နှစ်|နှစ်|[–\-၊,)]|$)", text[end:]))


def figure_at(before: str, after: str, value: float, n_start: int, n_end: int) -> Figure | None:
    """The metric whose noun stands right before the number, else whose verb follows it."""
    head = re.split(r"ပြီး|၊|။|နှင့်|နဲ့", before)[-1]
    for metric, pattern in before_res():
        match = pattern.search(head)
        if match:
            qualifier = qualifier_near(after[:16])
            return Figure(metric, value, qualifier, n_start - len(head) + match.start(), n_end)
    for metric, pattern in after_res():
        match = pattern.match(after)
        if match:
            return Figure(metric, value, qualifier_near(after[: match.end()]), n_start, n_end + match.end())
    return None
