"""Paragraph and sentence splitting with exact character offsets into the document text.

Every sentence keeps `start`/`end` such that `text[start:end] == sentence.text`, so evidence spans
built from sentences always point at the right characters. Rules: paragraphs break at blank lines;
a line break inside a paragraph also ends a sentence (headlines, datelines, list items); a period ends a
sentence unless it closes a known abbreviation ("Gen.", "U.S.", "Jan."), an initial, or a decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cpt",
    "brig",
    "sgt",
    "cpl",
    "pvt",
    "adm",
    "gov",
    "sen",
    "rep",
    "st",
    "no",
    "nos",
    "vol",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "est",
    "approx",
    "vs",
    "etc",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "daw",
    "sr",
    "jr",
    "mt",
    "prof",
    "hon",
}
END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]*$")
PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into the document, its text, and the index of its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, in order."""
    spans, pos = [], 0
    for match in PARAGRAPH_RE.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in (trim(text, s, e) for s, e in spans) if e > s]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets narrowed so that the span has no leading or trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation, an initial or a number, not a sentence."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and text[word_start].isupper()):
        return True
    following = text[dot + 1 : dot + 3].lstrip()
    return bool(following) and following[0].islower()


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of `text`, paragraph by paragraph, with exact offsets."""
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        line_start = p_start
        for line in text[p_start:p_end].split("\n"):
            line_end = line_start + len(line)
            sentences.extend(split_line(text, line_start, line_end, index))
            line_start = line_end + 1
    return sentences


def split_line(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """Sentences of one line (the line holds no newline)."""
    out: list[Sentence] = []
    cursor = start
    for match in END_RE.finditer(text, start, end):
        if is_abbreviation(text, match.start()) and match.end() - match.start() == 1:
            continue
        add_sentence(out, text, cursor, match.end(), paragraph)
        cursor = match.end()
    add_sentence(out, text, cursor, end, paragraph)
    return out


def add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Append the trimmed span as a sentence unless it is empty."""
    start, end = trim(text, start, end)
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Offsets (within the sentence) of quoted speech; a sentence opening with a quote mark is quoted up to its
    next quote mark, since reporters often use the same mark (”) to open and close."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", sentence)]
    opening = sentence[:1]
    if opening in "\"“”'‘":
        closers = r"['’]" if opening in "'‘" else r"[\"“”]"
        close = re.search(closers, sentence[1:])
        spans.append((0, close.end() + 1 if close else len(sentence)))
    return spans
