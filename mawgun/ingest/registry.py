"""Which reader handles which file: a registry keyed by file extension.

A reader takes a path and yields `RawDocument`s (and `ItemFailure`s for bad items inside a
readable file); it raises `ReadError` when the whole file cannot be read. Other code can add a
format with `register_reader(".ext", reader)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from mawgun.ingest.source import ItemFailure, RawDocument

Reader = Callable[[Path], Iterator[RawDocument | ItemFailure]]

READERS: dict[str, Reader] = {}


def register_reader(extension: str, reader: Reader) -> None:
    """Make `reader` handle files ending in `extension` (".txt"); later registrations win."""
    READERS[extension.lower()] = reader


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, by its (lower-cased) extension; None when the format is not supported."""
    return READERS.get(path.suffix.lower())


def supported_extensions() -> list[str]:
    """Extensions with a reader, sorted."""
    return sorted(READERS)


def register_builtin_readers() -> None:
    """The formats Mawgun reads out of the box."""
    from mawgun.ingest.chat_reader import read_telegram, read_text_or_chat
    from mawgun.ingest.docx_reader import read_docx
    from mawgun.ingest.feed_reader import read_feed
    from mawgun.ingest.html_reader import read_html
    from mawgun.ingest.jsonl_reader import read_jsonl
    from mawgun.ingest.pdf_reader import read_pdf
    from mawgun.ingest.text_reader import read_text

    for extension, reader in (
        (".txt", read_text_or_chat),  # WhatsApp/Signal exports are .txt; plain text otherwise
        (".text", read_text),
        (".md", read_text),
        (".markdown", read_text),
        (".html", read_html),
        (".htm", read_html),
        (".pdf", read_pdf),
        (".docx", read_docx),
        (".xml", read_feed),
        (".rss", read_feed),
        (".atom", read_feed),
        (".jsonl", read_jsonl),
        (".json", read_telegram),  # Telegram Desktop's result.json
    ):
        register_reader(extension, reader)


register_builtin_readers()
