"""Burmese text basics: syllable boundaries, sentences, digits and number words.

Burmese writes no spaces between words, so names are matched against dictionaries (the gazetteer, the
actor registry, the language pack) and a match must begin and end on a syllable boundary. The boundaries
come from the standard Burmese syllable-break rule (a consonant starts a syllable unless it is stacked
under a virama or killed by an asat; independent vowels, digits, punctuation and Latin characters stand
alone), as published by Ye Kyaw Thu's `sylbreak`; no maintained segmenter on PyPI installs without a
model download, and dictionary matching needs boundaries, not words.

Sentences end at ။ (and at line ends: Burmese news puts one paragraph a line); ၊ separates clauses and is
kept inside the sentence (`clauses` splits on it and on clause-final connectives).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mawgun.extract.sentences import Sentence, trim

CONSONANT = "\u1000-\u1021"
OTHER = "\u1023-\u1027\u1029\u102a\u103f\u104c-\u104f\u1040-\u104b"
SYLLABLE_START_RE = re.compile(rf"(?<!\u1039)[{CONSONANT}](?![\u103a\u1039])|[A-Za-z0-9{OTHER}]|[^\u1000-\u109f]")
BURMESE_RE = re.compile(r"[\u1000-\u109f]")
DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")
SENTENCE_END_RE = re.compile(r"။+|\n")
CLAUSE_RE = re.compile(r"၊|(?:ခဲ့)?(?:သလို|ပြီး(?:နောက်)?|သော်လည်း|ရာတွင်|စဉ်|ချိန်တွင်|တဲ့အပြင်)(?=\s|$)|\s+(?:ထို့ပြင်|ဒါ့အပြင်)")

WORD_NUMBERS = {
    "တစ်": 1,
    "တ": 1,
    "နှစ်": 2,
    "သုံး": 3,
    "လေး": 4,
    "ငါး": 5,
    "ခြောက်": 6,
    "ခုနစ်": 7,
    "ခုနှစ်": 7,
    "ရှစ်": 8,
    "ကိုး": 9,
}
MULTIPLIERS = {
    "ဆယ်": 10,
    "ဆယ့်": 10,
    "ရာ": 100,
    "ရာ့": 100,
    "ထောင်": 1000,
    "ထောင့်": 1000,
    "သောင်း": 10_000,
    "သိန်း": 100_000,
    "သန်း": 1_000_000,
}
COUNTERS = r"ဦး|ယောက်|ခု|ကြိမ်|လုံး|စင်း|ရွာ|ရက်|ပတ်|နေရာ|အိမ်|ကောင်|ဆောင်"
_UNIT = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_MULT = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
WORD_NUMBER_RE = re.compile(rf"(?:(?:{_UNIT})(?:{_MULT})?\s?)+(?=(?:{COUNTERS}))")
DIGIT_SCALE_RE = re.compile(r"\s?(ထောင်|သောင်း|သိန်း|သန်း)(?!\S*ရှင်)")
DIGIT_NUMBER_RE = re.compile(r"\(\s*([0-9၀-၉][0-9၀-၉,]*)\s*\)|([0-9၀-၉][0-9၀-၉,]*(?:\.[0-9၀-၉]+)?)")


def normalise_order(text: str) -> str:
    """The text with dot below written before asat ("န့်"), the order Unicode text and ICU's Zawgyi
    conversion use; some sources (the MIMU names among them) write "န့်" the other way round. Same length,
    so offsets hold."""
    return text.replace("\u103a\u1037", "\u1037\u103a")


def gazetteer_order(text: str) -> str:
    """The MIMU gazetteer's order of asat and dot below (asat first), for looking up a name found in text."""
    return text.replace("\u1037\u103a", "\u103a\u1037")


def is_burmese_text(text: str, share: float = 0.3) -> bool:
    """True when at least `share` of the letters are in Myanmar script."""
    letters = [c for c in text if c.isalpha() or BURMESE_RE.match(c)]
    return bool(letters) and sum(1 for c in letters if BURMESE_RE.match(c)) / len(letters) >= share


@lru_cache(maxsize=4096)
def syllable_starts(text: str) -> frozenset[int]:
    """Offsets in `text` where a syllable (or a non-Burmese character) begins; len(text) counts as one."""
    starts = {m.start() for m in SYLLABLE_START_RE.finditer(text)}
    starts.add(len(text))
    return frozenset(starts)


def syllables(text: str) -> list[str]:
    """The text cut into syllables (spaces dropped)."""
    bounds = sorted(syllable_starts(text))
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if p.strip()]


def on_boundaries(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins and ends on syllable boundaries."""
    starts = syllable_starts(text)
    return start in starts and end in starts


def to_ascii_digits(text: str) -> str:
    """Burmese digits ၀-၉ as ASCII digits (same length, so offsets hold)."""
    return text.translate(DIGITS)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a Burmese text with exact offsets: a ။ or a line end closes one; a blank line or a line
    end starts a new paragraph (Burmese news writes one paragraph a line)."""
    sentences: list[Sentence] = []
    cursor, paragraph = 0, 0
    for match in SENTENCE_END_RE.finditer(text):
        add(sentences, text, cursor, match.end() if match.group(0) != "\n" else match.start(), paragraph)
        cursor = match.end()
        if match.group(0) == "\n":
            paragraph += 1
    add(sentences, text, cursor, len(text), paragraph)
    return sentences


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: a Burmese paragraph."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append(trim(text, pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    start, end = trim(text, start, end)
    text_part = text[start:end].lstrip("•·*-– ")
    start = end - len(text_part)
    if end > start and text_part.strip():
        out.append(Sentence(start, end, text[start:end], paragraph))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of text[start:end], split at ၊ and clause-final connectives."""
    spans, cursor = [], start
    for match in CLAUSE_RE.finditer(text, start, end):
        if match.end() - cursor > 0:
            spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def parse_digits(raw: str) -> int | float | None:
    """A number written in Burmese or ASCII digits ("၁၀,၃၄၀" = 10340), or None."""
    digits = to_ascii_digits(raw).replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def parse_word_number(words: str) -> int | None:
    """A number in Burmese words ("နှစ်", "သုံးဆယ်", "နှစ်ဆယ့်ငါး" = 25), or None."""
    total, current = 0, 0
    pattern = re.compile(rf"({_UNIT})|({_MULT})")
    pos, text = 0, words.replace(" ", "")
    while pos < len(text):
        match = pattern.match(text, pos)
        if match is None:
            return None
        if match.group(1):
            current = WORD_NUMBERS[match.group(1)]
        else:
            mult = MULTIPLIERS[match.group(2)]
            total += (current or 1) * mult
            current = 0
        pos = match.end()
    return total + current or None


def find_numbers(text: str, start: int, end: int) -> list[tuple[int, int, int | float]]:
    """(start, end, value) of every number in text[start:end]: digits (bracketed or not) and number words
    that stand before a counter ("နှစ်ဦး" = two people)."""
    found: list[tuple[int, int, int | float]] = []
    for match in DIGIT_NUMBER_RE.finditer(text, start, end):
        value = parse_digits(match.group(1) or match.group(2))
        if value is None:
            continue
        scale = DIGIT_SCALE_RE.match(text, match.end(), end)  # "၁.၃ သန်း" = 1,300,000
        if scale:
            value = round(value * MULTIPLIERS[scale.group(1)])
            found.append((match.start(), scale.end(), value))
        else:
            found.append((match.start(), match.end(), value))
    for match in WORD_NUMBER_RE.finditer(text, start, end):
        if match.start() not in syllable_starts(text[: match.end()] + " "):
            continue
        value = parse_word_number(match.group(0))
        if value is not None and not any(s <= match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), value))
    return sorted(found)
