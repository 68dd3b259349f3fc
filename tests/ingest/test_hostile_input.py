"""Hostile and damaged files: each fails alone, with its reason, in bounded time and memory, and the
good files of the same batch are stored (issue 15, points 2, 3 and 13)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from mawgun.ingest import ingest_paths

from .conftest import stored_documents

GOOD = "Junta troops shelled villages around Mindat in Chin State in May 2021, residents reported."
OTHER = "The National Unity Government announced the People's Defence Force on 5 May 2021."
MAWGUN = str(Path(sys.executable).parent / "mawgun")


def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def many_attributes_html(n: int = 100_000) -> str:
    """A page whose one tag carries `n` attributes (libxml2's HTML parser is quadratic in them)."""
    attributes = " ".join(f'a{i}="v{i}"' for i in range(n))
    return f"<html><head><title>t</title></head><body><p>{OTHER}</p><div {attributes}>x</div></body></html>"


def test_a_file_that_hangs_its_parser_is_stopped_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = folder(tmp_path)
    (files / "1-good.txt").write_text(GOOD, encoding="utf-8")
    (files / "2-hostile.html").write_text(many_attributes_html(), encoding="utf-8")
    (files / "3-other.txt").write_text(OTHER, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    started = time.monotonic()
    run = subprocess.run([MAWGUN, "ingest", str(files), "--db", url, "--json"], capture_output=True, text=True,
                         timeout=120, env={**__import__("os").environ, "MAWGUN_INGEST_TIMEOUT_S": "3"})  # fmt: skip
    assert time.monotonic() - started < 60
    assert run.returncode == 1, run.stderr
    entries = {Path(e["path"]).name: e for e in json.loads(run.stdout)["entries"]}
    assert entries["2-hostile.html"]["status"] == "failed"
    assert "longer than 3 s" in entries["2-hostile.html"]["reason"]
    assert entries["1-good.txt"]["status"] == entries["3-other.txt"]["status"] == "read"
    assert len(stored_documents(url)) == 2


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb(unpacked_mb: int) -> bytes:
    """A valid DOCX whose document.xml holds `unpacked_mb` MB of text (it compresses about 1000:1)."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(GOOD))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    filler = b"A" * (unpacked_mb * 1024 * 1024)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b"<w:p><w:r><w:t>" + filler + b"</w:t></w:r></w:p></w:body>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def test_a_docx_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    bomb = docx_bomb(60)
    assert len(bomb) < 1024 * 1024
    (files / "bomb.docx").write_bytes(bomb)
    (files / "good.docx").write_bytes(docx_bytes(OTHER))
    started = time.monotonic()
    report = ingest_paths([files], sqlite_url, progress=False)
    assert time.monotonic() - started < 20
    reasons = {Path(e.path).name: e.reason for e in report.failures}
    assert "unpacks to" in reasons["bomb.docx"]
    assert [d.text for d in stored_documents(sqlite_url)] == [OTHER]


def test_text_over_the_limit_after_unpacking_is_refused(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = folder(tmp_path)
    (files / "big.docx").write_bytes(docx_bytes(GOOD * 400))  # 36 kB of text in a small file
    monkeypatch.setenv("MAWGUN_INGEST_MAX_MB", "0.02")
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.failed == 1 and "text too large" in (report.failures[0].reason or "")
    assert stored_documents(sqlite_url) == []


def test_utf16_without_a_bom_is_decoded(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    (files / "le.txt").write_bytes(GOOD.encode("utf-16-le"))
    (files / "be.txt").write_bytes(OTHER.encode("utf-16-be"))
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.read == 2, report.failures
    assert sorted(d.text for d in stored_documents(sqlite_url)) == sorted([GOOD, OTHER])


def test_jsonl_fields_of_the_wrong_type_fail_that_line(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    lines = [
        {"doc_id": "ok-1", "text": GOOD, "title": "A title"},
        {"doc_id": "bad-title", "text": OTHER, "title": {"nested": 1}},
        {"doc_id": ["a", "list"], "text": OTHER + " (2)"},
        {"doc_id": "bad-published", "text": OTHER + " (3)", "published": 20240101},
        {"doc_id": "bad-url", "text": OTHER + " (4)", "url": 12},
    ]
    (files / "docs.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.read == 1
    reasons = [e.reason or "" for e in report.failures]
    assert len(reasons) == 4 and all("must be a string" in r for r in reasons), reasons
    assert [d.doc_id for d in stored_documents(sqlite_url)] == ["ok-1"]


def test_a_jsonl_line_with_a_huge_number_fails_alone(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    huge = "9" * 5000  # over Python's int-string limit: json.loads raises ValueError, not JSONDecodeError
    (files / "docs.jsonl").write_text(f'{{"text": "x", "n": {huge}}}\n{json.dumps({"text": GOOD})}\n')
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.read == 1 and report.failed == 1
    assert [d.text for d in stored_documents(sqlite_url)] == [GOOD]


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>t</title><description>&lol3;</description></item>
</channel></rss>
"""


def test_a_feed_declaring_entities_is_refused_not_stored_as_junk(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    (files / "bomb.xml").write_text(ENTITY_BOMB, encoding="utf-8")
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.failed == 1 and "entities" in (report.failures[0].reason or "")
    assert stored_documents(sqlite_url) == []


def test_text_that_is_mostly_unreadable_characters_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    files = folder(tmp_path)
    junk = "".join(chr(0xE000 + (i * 7919) % 6000) for i in range(3000))  # private-use code points
    (files / "junk.jsonl").write_text(json.dumps({"text": junk}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    report = ingest_paths([files], sqlite_url, progress=False)
    assert report.read == 1 and "unreadable" in (report.failures[0].reason or "")
