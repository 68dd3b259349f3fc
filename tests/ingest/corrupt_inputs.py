"""A generated corpus of good and corrupt inputs in every format Mawgun reads (no committed binaries).

`generate(folder, n, seed)` writes `n` files and returns what each should give: good files (one
per format and shape of a valid document, each with its own text) must be read; corrupt ones may be
read or fail, but must fail with a reason, within the time limit, never as a reader bug. Used by
tests/ingest/test_fuzz_corpus.py at a small size and by bench/fuzz_ingest.py at full size.

Corruptions: truncation, bit flips, random bytes spliced in, NUL runs, zero-length files, invalid
UTF-8, UTF-16 without BOM, and the hostile shapes of issue 15: a tag with many attributes, deeply
nested HTML, XML entity bombs, DOCX decompression bombs, JSONL lines with wrong types and huge
numbers, bit-flipped PDFs.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PLACES = ["Mindat", "Kawlin", "Loikaw", "Hpakant", "Laukkai", "Myawaddy", "Kyauktaw", "Demoso", "Tamu", "Falam"]
REGIONS = ["Chin State", "Sagaing Region", "Kayah State", "Kachin State", "Shan State", "Kayin State"]


@dataclass
class Generated:
    """One generated file: its name, whether it is a good document, and the marker its text holds."""

    name: str
    good: bool
    marker: str | None = None


def sentence(rng: random.Random, marker: str) -> str:
    """A short report sentence in our own words, carrying a unique marker word."""
    place, region = rng.choice(PLACES), rng.choice(REGIONS)
    return (
        f"Residents of {place} in {region} said fighting continued for a third day ({marker}). "
        f"Several families left their homes, a local aid group reported."
    )


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def html_bytes(text: str) -> bytes:
    body = "".join(f"<p>{part}</p>" for part in (text, text.replace("said", "told reporters"), text.upper()))
    return f"<html><head><title>Report</title></head><body><article>{body}</article></body></html>".encode()


def feed_bytes(text: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<item><title>Report</title><description>{text}</description></item></channel></rss>"
    ).encode()


def jsonl_bytes(text: str) -> bytes:
    return (json.dumps({"text": text, "title": "Report"}) + "\n").encode()


GOOD_WRITERS: dict[str, Callable[[str], bytes]] = {
    ".txt": lambda text: text.encode(),
    ".md": lambda text: f"# Report\n\n{text}\n".encode(),
    ".html": html_bytes,
    ".pdf": pdf_bytes,
    ".docx": docx_bytes,
    ".xml": feed_bytes,
    ".jsonl": jsonl_bytes,
}


def bit_flips(data: bytes, rng: random.Random, flips: int) -> bytes:
    out = bytearray(data)
    for _ in range(flips):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def splice(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randrange(1, 256)) + data[at:]


def nul_run(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + b"\x00" * rng.randrange(1, 64) + data[at:]


def many_attributes(scale: int) -> bytes:
    attributes = " ".join(f'a{i}="v"' for i in range(scale))
    return f"<html><body><p>Some text.</p><div {attributes}>x</div></body></html>".encode()


def deep_nesting(scale: int) -> bytes:
    return ("<html><body>" + "<div>" * scale + "deep" + "</div>" * scale + "</body></html>").encode()


def entity_bomb() -> bytes:
    levels = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9)]
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(levels) + ']><rss version="2.0"><channel>'
        "<title>Wire</title><item><title>t</title><description>&l8;</description></item></channel></rss>"
    ).encode()


def docx_bomb(megabytes: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_bytes("Report."))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    filler = b"A" * (megabytes * 1024 * 1024)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b"<w:p><w:r><w:t>" + filler + b"</w:t></w:r></w:p></w:body>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def hostile_jsonl(rng: random.Random) -> bytes:
    lines = [
        b'{"text": 12}',
        b'{"text": "x", "title": {"a": 1}}',
        b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
        b"[" * 100_000,
        b'{"text": "caf\xe9 \xff"}',
        b"\xef\xbb\xbfnot json",
    ]
    rng.shuffle(lines)
    return b"\n".join(lines) + b"\n"


def hostile_shapes(rng: random.Random, scale: float) -> list[tuple[str, bytes]]:
    """The special shapes of issue 15 (sizes scaled down for the CI-sized run)."""
    return [
        (".html", many_attributes(int(100_000 * scale))),
        (".html", deep_nesting(int(100_000 * scale))),
        (".xml", entity_bomb()),
        (".docx", docx_bomb(max(25, int(100 * scale)))),
        (".jsonl", hostile_jsonl(rng)),
        (".txt", "Reports from Tamu in Sagaing Region.".encode("utf-16-le")),
        (".txt", b"Reports from Falam \xff\xfe\xfa in Chin State."),
        (".txt", b""),
        (".pdf", b"%PDF-1.4\n" + rng.randbytes(2000) + b"\n%%EOF"),
        (".docx", b"PK\x03\x04" + rng.randbytes(500)),
    ]


def corrupt(data: bytes, rng: random.Random) -> bytes:
    """One random corruption of a good file's bytes."""
    how = rng.choice(("flip", "flip", "truncate", "splice", "nul", "random"))
    if how == "flip":
        return bit_flips(data, rng, rng.choice((1, 2, 8, 64)))
    if how == "truncate":
        return truncate(data, rng)
    if how == "splice":
        return splice(data, rng)
    if how == "nul":
        return nul_run(data, rng)
    return rng.randbytes(rng.randrange(1, 4096))


def generate(folder: Path, n: int, seed: int = 0, good_share: float = 0.3, scale: float = 1.0) -> list[Generated]:
    """Write `n` files into `folder` (a quarter to a third good, the rest corrupt); what each is."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    formats = list(GOOD_WRITERS)
    made: list[Generated] = []
    templates = {ext: GOOD_WRITERS[ext](sentence(rng, "template")) for ext in formats}
    shapes = hostile_shapes(rng, scale)
    for index in range(n):
        ext = formats[index % len(formats)]
        if index % 50 == 7:  # the hostile shapes in turn, one file in 50
            ext, data = shapes[(index // 50) % len(shapes)]
            name = f"{index:05}-hostile{ext}"
            (folder / name).write_bytes(data)
            made.append(Generated(name, good=False))
            continue
        if rng.random() < good_share:
            marker = f"mark{seed}x{index}"
            name = f"{index:05}-good{ext}"
            (folder / name).write_bytes(GOOD_WRITERS[ext](sentence(rng, marker)))
            made.append(Generated(name, good=True, marker=marker))
            continue
        name = f"{index:05}-bad{ext}"
        (folder / name).write_bytes(corrupt(templates[ext], rng))
        made.append(Generated(name, good=False))
    return made
