"""Specification of the bundled demo corpus: enough documents, in every form users receive, all readable."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from mawgun.demo import corpus_dir

HEADER_KEYS = ("title", "date", "outlet", "url")
HEADER_LINE = re.compile(r"^([a-z]+):\s*(\S.*)$")
FORMS = {".txt": "text", ".md": "text", ".html": "html", ".pdf": "pdf", ".xml": "feed"}


def article_files() -> list[Path]:
    """Every corpus file except the corpus README."""
    return sorted(p for p in corpus_dir().iterdir() if p.is_file() and p.name != "README.md")


def read_header(path: Path) -> dict[str, str]:
    """The `key: value` lines before the first blank line of a text article."""
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    fields = {}
    for line in head.splitlines():
        match = HEADER_LINE.match(line)
        assert match, f"{path.name}: header line {line!r} is not `key: value`"
        fields[match.group(1)] = match.group(2)
    return fields


def read_documents(path: Path) -> list:
    """The documents the project's own reader takes from a file."""
    from mawgun.ingest.registry import reader_for

    reader = reader_for(path)
    assert reader is not None, f"{path.name}: no reader for {path.suffix}"
    return list(reader(path))


def test_the_corpus_has_a_readme_saying_the_texts_were_written_for_mawgun() -> None:
    readme = (corpus_dir() / "README.md").read_text(encoding="utf-8")
    assert "written for Mawgun" in readme


def test_every_file_is_in_a_form_users_receive() -> None:
    assert {p.suffix for p in article_files()} <= set(FORMS)


def test_the_corpus_has_15_to_25_documents_across_text_html_pdf_and_feed_forms() -> None:
    counts: Counter[str] = Counter()
    for path in article_files():
        counts[FORMS[path.suffix]] += len(read_documents(path))
    assert set(counts) == {"text", "html", "pdf", "feed"}
    assert 15 <= sum(counts.values()) <= 25
    assert counts["html"] >= 3 and counts["pdf"] >= 1 and counts["feed"] >= 3


@pytest.mark.parametrize("path", [p for p in article_files() if p.suffix in {".txt", ".md"}], ids=lambda p: p.name)
def test_every_text_article_has_a_header_with_title_date_outlet_and_url(path: Path) -> None:
    header = read_header(path)
    assert tuple(header) == HEADER_KEYS
    dt.date.fromisoformat(header["date"])
    assert header["url"].startswith("https://") and ".example/" in header["url"]


@pytest.mark.parametrize("path", article_files(), ids=lambda p: p.name)
def test_every_document_reads_with_a_title_and_a_short_body(path: Path) -> None:
    documents = read_documents(path)
    assert documents, f"{path.name} gave no document"
    for doc in documents:
        assert doc.title, f"{path.name}: a document without a title"
        words = len(doc.text.split())
        assert 100 <= words <= 320, f"{path.name}: {words} words"


@pytest.mark.parametrize("path", article_files(), ids=lambda p: p.name)
def test_every_document_gives_its_outlet_and_a_publication_date_between_2021_and_2024(path: Path) -> None:
    for doc in read_documents(path):
        assert doc.outlet, f"{path.name}: no outlet"
        assert doc.published is not None and dt.date(2021, 1, 1) <= doc.published <= dt.date(2024, 12, 31)


def test_some_events_are_reported_by_several_outlets() -> None:
    outlets_by_place: dict[str, set[str]] = {}
    for path in article_files():
        for doc in read_documents(path):
            for place in ("Mo So", "Pazigyi", "Pa Zi Gyi", "Laukkaing"):
                if place in doc.text:
                    outlets_by_place.setdefault(place.replace(" ", "").lower(), set()).add(doc.outlet or "")
    assert sum(len(outlets) >= 2 for outlets in outlets_by_place.values()) >= 3


def test_the_pdfs_are_built_from_sources_in_build_corpus(tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    from mawgun.demo.build_corpus import SOURCES, write_pdf

    for source in SOURCES:
        rebuilt = read_documents(write_pdf(source, tmp_path))[0].text
        committed = read_documents(corpus_dir() / source.filename)[0].text
        assert rebuilt == committed, f"{source.filename} is stale: rerun python -m mawgun.demo.build_corpus"
