"""Which language pipeline reads which part of a document.

A document is read by the English pipeline (`rules`) and, when it has lines written mostly in Myanmar
script, by the Burmese one (`rules-my`). In a mixed document each pipeline reads its own lines: the other
lines are blanked out (same length, so offsets hold) and every evidence span is re-read from the real text.
Zawgyi text is converted to Unicode first (`mawgun.ingest.zawgyi`), so spans point into the Unicode text.
"""

from __future__ import annotations

import dataclasses
import re

from mawgun.extract.burmese.text import is_burmese_text, normalise_order
from mawgun.ingest.zawgyi import has_burmese, try_normalise
from mawgun.model import Document

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


def plan(doc: Document, component: str) -> list[tuple[str, Document]]:
    """(pipeline name, document view) pairs to run for `component` ("rules" routes by language)."""
    if component != "rules" or not has_burmese(doc.text):
        return [(component, doc)]
    flags = burmese_lines(doc.text)
    if not any(flags):
        return [(component, doc)]
    runs = [("rules-my", masked(doc, flags, keep_burmese=True))]
    english = masked(doc, flags, keep_burmese=False)
    if len(LATIN_WORD_RE.findall(english.text)) >= MIN_ENGLISH_WORDS and not all(flags):
        runs.insert(0, ("rules", english))
    return runs


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
