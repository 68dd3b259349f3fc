"""Which language pipeline reads which part of a document.

A document is read by the English pipeline (`rules`) and, when it has lines written mostly in Myanmar
script, by the Burmese one (`rules-my`). In a mixed document each pipeline reads its own lines: the other
lines are blanked out (same length, so offsets hold) and every evidence span is re-read from the real text.
Zawgyi text is converted to Unicode first (`mawgun.ingest.zawgyi`), so spans point into the Unicode text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar, cast

from mawgun.extract.burmese.text import is_burmese_text, normalise_order
from mawgun.ingest.zawgyi import has_burmese, try_normalise
from mawgun.model import Document, Span

T = TypeVar("T")

LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")
MIN_ENGLISH_WORDS = 8


def prepare_document(doc: Document) -> Document:
    """The document with Zawgyi converted to Unicode and its language set, when it holds Burmese."""
    if not has_burmese(doc.text):
        return doc
    conversion = try_normalise(doc.text)
    title = try_normalise(doc.title).text if doc.title and conversion.converted else doc.title
    language = doc.language or ("my" if is_burmese_text(conversion.text) else "en")
    return dataclasses.replace(doc, text=conversion.text, title=title, language=language)


def burmese_lines(text: str) -> list[bool]:
    """For each line: True when it is written mostly in Myanmar script."""
    return [is_burmese_text(line) for line in text.split("\n")]


def plan(doc: Document, component: str) -> list[tuple[str, Document, list[int] | None]]:
    """(pipeline name, document view, offsets) to run for `component` ("rules" routes by language). `offsets`
    maps each character of a view that dropped invisible characters to its place in the document (None when
    the view keeps the document's offsets)."""
    if component != "rules" or not has_burmese(doc.text):
        return [(component, doc, None)]
    flags = burmese_lines(doc.text)
    if not any(flags):
        return [(component, doc, None)]
    burmese, offsets = without_invisibles(masked(doc, flags, keep_burmese=True))
    runs: list[tuple[str, Document, list[int] | None]] = [("rules-my", burmese, offsets)]
    english = masked(doc, flags, keep_burmese=False)
    if len(LATIN_WORD_RE.findall(english.text)) >= MIN_ENGLISH_WORDS and not all(flags):
        runs.insert(0, ("rules", english, None))
    return runs


INVISIBLE_RE = re.compile("[\u200b\u200c\u00ad\ufeff]")


def without_invisibles(doc: Document) -> tuple[Document, list[int] | None]:
    """The view without zero-width spaces and soft hyphens (Burmese web text puts them between words, where
    they would split names and wordings), with the map of its offsets back to the document's."""
    if not INVISIBLE_RE.search(doc.text):
        return doc, None
    offsets = [i for i, char in enumerate(doc.text) if not INVISIBLE_RE.match(char)]
    offsets.append(len(doc.text))
    return dataclasses.replace(doc, text=INVISIBLE_RE.sub("", doc.text)), offsets


def shift_spans(value: T, offsets: list[int]) -> T:
    """`value` (a record, place, actor, list of them) with every Span's offsets mapped back to the document."""
    if isinstance(value, Span):
        start = offsets[value.start]
        end = offsets[value.end - 1] + 1 if value.end > 0 else offsets[0]
        return cast(T, Span(start, max(start, end), value.text))
    if isinstance(value, list):
        return cast(T, [shift_spans(item, offsets) for item in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: shift_spans(getattr(value, f.name), offsets)
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), (Span, list)) or dataclasses.is_dataclass(getattr(value, f.name))
        }
        return cast(T, dataclasses.replace(value, **changes)) if changes else value
    return value


def masked(doc: Document, flags: list[bool], keep_burmese: bool) -> Document:
    """A view of the document in which the other language's lines are spaces."""
    lines = doc.text.split("\n")
    kept = [line if flag == keep_burmese else " " * len(line) for line, flag in zip(lines, flags, strict=True)]
    text = "\n".join(kept)
    return dataclasses.replace(doc, text=normalise_order(text) if keep_burmese else text)


def silent_burmese(documents: list[Document], records: list) -> list[str]:
    """Ids of the Burmese documents that yielded no record (the extract summary names them, so no Burmese
    text is skipped without a word)."""
    productive = {record.doc_id for record in records}
    return [
        doc.doc_id
        for doc in documents
        if doc.doc_id not in productive and has_burmese(doc.text) and any(burmese_lines(doc.text))
    ]
