"""Full-text queries that fold word forms and spellings, and snippets with the hit marked.

The index stems (migration 0006: FTS5's porter tokenizer on SQLite, the `english` configuration on
PostgreSQL), so "airstrike" finds "airstrikes". Romanised Burmese place names are written both run
together and in syllables ("Pazigyi", "Pa Zi Gyi"): a word of one script is also searched as every
phrase of two or three of its syllable-sized parts, and words typed apart also as one run-together
word. User words are quoted, so `"`, `*` or `NEAR` are searched as text, never as syntax.
"""

from __future__ import annotations

import itertools
import re

from markupsafe import Markup, escape

CONFIG = "english"  # PostgreSQL text search configuration of the documents index (migration 0006)
HIT_START, HIT_END = "\ue000", "\ue001"  # private-use marks around a hit in a snippet
LATIN_WORD = re.compile(r"^[A-Za-z]{5,14}$")
TOKEN = re.compile(r"\w+", re.UNICODE)
MIN_PART = 2
ADJACENT_HITS = re.compile(HIT_END + r"(\s+)" + HIT_START)


def syllable_splits(word: str) -> list[list[str]]:
    """ "pazigyi" -> [["pa", "zigyi"], ..., ["pa", "zi", "gyi"], ...]: splits into 2 or 3 parts of 2+ letters."""
    if not LATIN_WORD.match(word):
        return []
    cuts = range(MIN_PART, len(word) - MIN_PART + 1)
    splits: list[list[str]] = []
    for count in (1, 2):
        for points in itertools.combinations(cuts, count):
            bounds = [0, *points, len(word)]
            parts = [word[a:b] for a, b in itertools.pairwise(bounds)]
            if all(len(part) >= MIN_PART for part in parts):
                splits.append(parts)
    return splits


def word_forms(word: str) -> list[list[str]]:
    """The phrases (lists of tokens) one query word may be written as: itself, then its syllable splits."""
    tokens = TOKEN.findall(word)
    return [tokens, *syllable_splits(word)] if tokens else []


def joined_form(words: list[str]) -> str | None:
    """Short words typed apart ("Pa Zi Gyi") as one run-together word ("PaZiGyi"), else None."""
    if 2 <= len(words) <= 4 and all(w.isalpha() and len(w) <= 5 for w in words):
        return "".join(words)
    return None


def fts5_query(raw: str) -> str | None:
    """An FTS5 MATCH expression: every word in one of its forms (or the words run together)."""
    words = [w for w in raw.split() if TOKEN.search(w)]
    groups = []
    for word in words:
        phrases = ['"' + " ".join(tokens).replace('"', '""') + '"' for tokens in word_forms(word)]
        groups.append("(" + " OR ".join(phrases) + ")")
    if not groups:
        return None
    query = " AND ".join(groups)
    joined = joined_form(words)
    return f'({query}) OR "{joined}"' if joined else query


def pg_tsquery(raw: str) -> str | None:
    """The same query as a PostgreSQL tsquery text (`to_tsquery`): forms with `|`, phrases with `<->`."""
    words = [w for w in raw.split() if TOKEN.search(w)]
    groups = []
    for word in words:
        phrases = [" <-> ".join(tokens) for tokens in word_forms(word)]
        groups.append("(" + " | ".join(f"({p})" for p in phrases) + ")")
    if not groups:
        return None
    query = " & ".join(groups)
    joined = joined_form(words)
    return f"({query}) | {joined}" if joined else query


def snippet_html(snippet: str | None) -> Markup:
    """A snippet as safe HTML: its text escaped, each hit in <mark>."""
    if not snippet:
        return Markup("")
    joined = ADJACENT_HITS.sub(r"\1", snippet)  # PostgreSQL marks each word of a phrase: one mark for the phrase
    text = str(escape(joined))
    return Markup(text.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))
