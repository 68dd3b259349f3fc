"""The quicker ways ingest reads and prepares a file give exactly what the plain ways gave (issue 18):
the whitespace-collapsed hash, the unreadable-character share, the Burmese and UTF-16 checks, the
folder walk's order, the single-open read, and a prepared document sent from the reader worker."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from mawgun.ids import document_id, hash_text
from mawgun.ingest.batch import IngestEntry, Prepared
from mawgun.ingest.decode import utf16_without_bom
from mawgun.ingest.limits import ASCII_CONTROL, NON_ASCII, UNREADABLE_CATEGORIES, read_limited, unreadable_share
from mawgun.ingest.runner import walk_files
from mawgun.ingest.source import RawDocument, ReadError, collapsed_hash, to_document
from mawgun.ingest.zawgyi import has_burmese
from mawgun.model import Document

# every ASCII whitespace str.split() knows, Unicode spaces, Burmese, controls, a replacement character
ALPHABET = list(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1fab.,\x00\x07\u00a0\u2003\u3000\u1000\u103a\ufffd\ue000é")


def random_texts(count: int, seed: int, ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    letters = [c for c in ALPHABET if c.isascii()] if ascii_only else ALPHABET
    return ["".join(rng.choices(letters, k=rng.randint(0, 60))) for _ in range(count)]


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_collapsed_hash_is_the_hash_of_the_text_with_whitespace_runs_made_one_space(ascii_only: bool) -> None:
    texts = random_texts(3000, 18, ascii_only) + ["", "   ", "\x1c\x1f", " a  b\t\tc\n\n\nd ", "a" + " " * 1000 + "b"]
    for text in texts:
        assert collapsed_hash(text) == hash_text(" ".join(text.split())), repr(text)


def test_a_document_keeps_the_id_its_text_always_had() -> None:
    text = "Troops  shelled\tvillages\r\nnear Kawlin on 6 May 2024.\n\n Residents fled."
    document = to_document(RawDocument(text=text, location="a.txt"))
    assert document.doc_id == document_id(text.replace("\r\n", "\n"))
    assert document.content_hash == hash_text(" ".join(text.split()))


def reference_unreadable_share(text: str, sample: int = 20000) -> float:
    """The share as counted before issue 18's shortcut (readable characters always counted first)."""
    head = text[:sample]
    readable_total = len("".join(head.split()))
    if readable_total <= 0:
        return 0.0
    bad = len(ASCII_CONTROL.findall(head))
    for char, count in Counter(NON_ASCII.findall(head)).items():
        if char == "\ufffd" or (unicodedata.category(char) in UNREADABLE_CATEGORIES and not char.isspace()):
            bad += count
    return bad / readable_total


def test_the_unreadable_share_is_unchanged_by_counting_only_when_something_is_unreadable() -> None:
    for text in random_texts(3000, 7) + random_texts(1000, 8, ascii_only=True) + ["", "\x00\x00", "plain words"]:
        assert unreadable_share(text) == reference_unreadable_share(text), repr(text)


def test_ascii_text_has_no_burmese_and_burmese_is_still_found() -> None:
    assert not has_burmese("Fighting near Hpakant, 2024.")
    assert has_burmese("Fighting near ဖားကန့် (Hpakant).")


def test_bytes_without_a_nul_are_never_utf16_and_utf16_is_still_recognised() -> None:
    rng = random.Random(3)
    for _ in range(500):
        data = bytes(rng.randrange(1, 256) for _ in range(rng.randint(8, 200)))
        assert utf16_without_bom(data) is None
    text = "Fighting was reported near Kawlin in Sagaing Region."
    assert utf16_without_bom(text.encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom(text.encode("utf-16-be")) == "utf-16-be"


def test_the_walk_gives_the_files_in_the_order_of_the_sorted_recursive_glob(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in ["b.txt", "a-b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "B/x.md", "é.txt", "a b/c.txt", "0.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, encoding="utf-8")
    for hidden in [".hidden.txt", ".git/config.txt", "a/.cache/x.txt"]:
        (root / hidden).parent.mkdir(parents=True, exist_ok=True)
        (root / hidden).write_text("hidden", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.txt").write_text("linked", encoding="utf-8")
    os.symlink(outside, root / "link-to-folder")  # not followed, as rglob does not
    os.symlink(outside / "linked.txt", root / "link-to-file.txt")  # taken
    expected = [
        path
        for path in sorted(root.rglob("*"), key=lambda p: p.parts)
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    assert list(walk_files(root)) == expected
    assert root / "link-to-file.txt" in expected and len(expected) == 10


def test_a_file_read_once_is_still_refused_when_empty_or_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"x" * 3_000_000)
    (tmp_path / "ok.txt").write_bytes(b"Fighting near Kawlin.")
    with pytest.raises(ReadError, match="empty file"):
        read_limited(tmp_path / "empty.txt")
    monkeypatch.setenv("MAWGUN_INGEST_MAX_MB", "2")
    with pytest.raises(ReadError, match="file too large: 2.9 MB over the 2 MB limit"):
        read_limited(tmp_path / "big.txt")
    assert read_limited(tmp_path / "ok.txt") == b"Fighting near Kawlin."
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "published", [dt.date(2024, 2, 5), None, dt.datetime(2024, 2, 5, 9, 30)], ids=["date", "none", "datetime"]
)
def test_a_prepared_document_crosses_from_the_worker_unchanged(published: dt.date | None) -> None:
    document = Document(
        doc_id="doc-1",
        text="ဖားကန့် text",
        title="T",
        outlet="Mizzima",
        url="https://example.org/a",
        published=published,
        published_precision="day",
        language="my",
        kind="news",
        origin="a.txt",
        content_hash="f" * 64,
        source_encoding="zawgyi",
        original_text="original",
    )
    for prepared in (
        Prepared("a.txt", document=document),
        Prepared("b.txt", decided=IngestEntry("b.txt", "failed", "empty file (0 bytes)")),
        Prepared("c.txt", decided=IngestEntry("c.txt", "skipped", "already stored", "doc-2")),
    ):
        copy = pickle.loads(pickle.dumps(prepared))
        assert copy == prepared
        if copy.document is not None:
            assert type(copy.document.published) is type(published)
