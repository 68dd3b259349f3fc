"""Soft line breaks: the rules read a hard-wrapped sentence as one line, evidence keeps the original text.

Plain-text files, e-mails and PDF text wrap sentences with single newlines ("in Nay Pyi\nTaw"). The
sentence splitter already reads such a newline as a space; `flatten_wraps` gives the rules a copy of the
text of the same length in which the newlines inside sentences are spaces, so that word patterns, place
and actor names match across a wrap and every offset stays valid. `restore_spans` then puts the original
characters back into every span of the records, so that `text[start:end] == span.text` on the real text.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, cast

from mawgun.extract.sentences import Sentence


def flatten_wraps(text: str, sentences: list[Sentence]) -> str:
    """`text` with each line break inside a sentence replaced by a space (same length, same offsets)."""
    if not any("\n" in s.text for s in sentences):
        return text
    chars = list(text)
    for sentence in sentences:
        for offset, char in enumerate(sentence.text):
            if char in "\r\n":
                chars[sentence.start + offset] = " "
    return "".join(chars)


T = TypeVar("T")


def restore_spans(value: T, original: str) -> T:
    """`value` (a record, place, actor, list of them) with every Span's text re-read from `original`."""
    from mawgun.model import Span

    if isinstance(value, Span):
        return cast(T, dataclasses.replace(value, text=original[value.start : value.end]))
    if isinstance(value, list):
        return cast(T, [restore_spans(item, original) for item in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for item in dataclasses.fields(value):
            current = getattr(value, item.name)
            if isinstance(current, (Span, list)) or dataclasses.is_dataclass(current):
                changes[item.name] = restore_spans(current, original)
        return cast(T, dataclasses.replace(value, **changes)) if changes else value
    return value
