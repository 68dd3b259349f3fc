"""Paragraph and sentence splitting with exact character offsets into the document text.

Every sentence keeps `start`/`end` such that `text[start:end] == sentence.text`, so evidence spans
built from sentences always point at the right characters. Rules: paragraphs break at blank lines;
a single line break inside a paragraph is read as a space (hard-wrapped plain text, e-mails, PDF text), so a
sentence may run over several lines and keeps its original characters, newlines included; a line break
still ends a sentence after a heading-like line (no final punctuation and clearly shorter than the
paragraph's other lines), before a list bullet, or after a line that ends with a colon; a period ends a
sentence unless it closes a known abbreviation ("Gen.", "U.S.", "Jan."), an initial, or a decimal; a period
between a lower-case word and a capitalised one with no space between ("said.“At", "surrender.The": pages that
lost a space when stored) still ends a sentence.
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
END_RE = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]*$"
    r"|(?<=[a-z]{3})[.!?][”’\"]?(?=[“‘\"]?[A-Z][a-z])"  # "said.“At noon", "surrender.The AA": a lost space
)
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


BULLET_RE = re.compile(r"\s*(?:[-*•–—▪◦]\s|\d{1,2}[.)]\s|\([a-z0-9]\)\s)")
HEADING_MAX_SHARE = 0.6
UNWRAPPED_WIDTH = 120  # wider lines than any hard wrap: each line is a paragraph or a heading
LONG_TOKEN_RE = re.compile(r"\S{30,}")


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of `text`, paragraph by paragraph, with exact offsets."""
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        for b_start, b_end in split_blocks(text, p_start, p_end):
            sentences.extend(split_line(text, b_start, b_end, index))
    return sentences


def split_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the runs of lines of a paragraph that read as continuous text.

    A single newline is a soft wrap unless the line before it is heading-like or ends with a colon, or the
    line after it opens with a list bullet; those line breaks end a block (and so a sentence). An indented
    line continues the one before it (a wrapped list item)."""
    lines, pos = [], start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    widest = max(len(LONG_TOKEN_RE.sub("", text[s:e]).strip()) for s, e in lines)  # a URL does not set the width
    blocks, block_start = [], start
    for (l_start, l_end), (n_start, n_end) in zip(lines, lines[1:], strict=False):
        if breaks_after(text[l_start:l_end].strip(), text[n_start:n_end], widest):
            blocks.append((block_start, l_end))
            block_start = n_start
    blocks.append((block_start, end))
    return blocks


def breaks_after(line: str, following: str, widest: int) -> bool:
    """True when the line break after `line` ends a sentence rather than wrapping one."""
    if not line or BULLET_RE.match(following) or line.endswith(":"):
        return True
    if line[-1] in ".!?\"'”’)],;" or following[:1] in (" ", "\t"):
        return False
    if widest > UNWRAPPED_WIDTH and following[:1].isupper():
        return True  # a standfirst or a credit line above the next paragraph in text that is not hard-wrapped
    return len(line) < HEADING_MAX_SHARE * widest


def split_line(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """Sentences of one block of continuous text (its newlines are soft wraps)."""
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
