"""Every supported format becomes a document with its text and metadata.

The fixture texts are short reports written for these tests about real events of the war.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mawgun.ingest import ingest_paths
from mawgun.ingest.text_reader import split_header

from .conftest import stored_documents

KYAUKTAW = (
    "The Arakan Army said it captured a junta battalion base near Kyauktaw in Rakhine State on "
    "3 February 2024 after several days of fighting."
)
HPAKANT = (
    "The Kachin Independence Army attacked a junta outpost near Hpakant on 1 March 2024, local "
    "residents said. Fighting went on for several hours."
)
LOIKAW = (
    "Karenni resistance forces entered Loikaw in November 2023, and thousands of residents left the "
    "town for camps further south."
)


def ingest_one(path: Path, url: str) -> list:
    report = ingest_paths([path], url, progress=False)
    assert report.failed == 0, report.failures
    return stored_documents(url)


def test_text_file_with_header_block_gives_metadata_and_body(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "kyauktaw.txt"
    header = (
        "title: AA takes base near Kyauktaw\ndate: 5 February 2024\noutlet: Test Wire\n"
        "url: https://example.org/a\nkind: news\n\n"
    )
    path.write_text(header + KYAUKTAW, encoding="utf-8")
    [doc] = ingest_one(path, sqlite_url)
    assert doc.text == KYAUKTAW
    assert (doc.title, doc.outlet, doc.url, doc.kind) == (
        "AA takes base near Kyauktaw",
        "Test Wire",
        "https://example.org/a",
        "news",
    )
    assert (doc.published, doc.published_precision) == (dt.date(2024, 2, 5), "day")
    assert doc.language == "en"
    assert doc.origin == str(path)


def test_header_date_keeps_its_precision() -> None:
    fields, body = split_header("title: Loikaw\ndate: 2023-11\n\n" + LOIKAW)
    assert fields["date"] == "2023-11" and body == LOIKAW
    from mawgun.ingest.dates import parse_date

    assert parse_date("2023-11") == (dt.date(2023, 11, 1), "month")
    assert parse_date("2023") == (dt.date(2023, 1, 1), "year")
    assert parse_date("November 2023") == (dt.date(2023, 11, 1), "month")
    assert parse_date("Wednesday, January 19, 2022") == (dt.date(2022, 1, 19), "day")
    assert parse_date("no date here") == (None, None)
    assert parse_date("yesterday") == (None, None)  # relative dates mean nothing in metadata


def test_text_without_header_keeps_everything_and_takes_the_first_line_as_title() -> None:
    text = "Loikaw residents flee\n\n" + LOIKAW
    assert split_header(text) == ({}, text)
    colon_prose = "Note: this is not a header\n\n" + LOIKAW
    assert split_header(colon_prose) == ({}, colon_prose)


def test_markdown_front_matter_is_read(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "loikaw.md"
    path.write_text("---\ntitle: Loikaw\ndate: 2023-11\n---\n# Fighting in Loikaw\n\n" + LOIKAW, encoding="utf-8")
    [doc] = ingest_one(path, sqlite_url)
    assert doc.title == "Loikaw" and doc.published_precision == "month"
    assert doc.text.startswith("# Fighting in Loikaw")


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "hpakant.html"
    path.write_text(
        "<html><head><title>Clashes near Hpakant</title>"
        '<meta property="og:site_name" content="Test Wire"><meta name="date" content="2024-03-02">'
        '<link rel="canonical" href="https://example.org/hpakant"></head><body>'
        "<nav>Home | News | Contact</nav><article><h1>Clashes near Hpakant</h1>"
        f"<p>{HPAKANT}</p><p>Families from two nearby villages moved to monasteries in the town for safety.</p>"
        "</article><footer>All rights reserved</footer></body></html>",
        encoding="utf-8",
    )
    [doc] = ingest_one(path, sqlite_url)
    assert HPAKANT in doc.text and "All rights reserved" not in doc.text
    assert (doc.title, doc.outlet, doc.url) == ("Clashes near Hpakant", "Test Wire", "https://example.org/hpakant")
    assert doc.published == dt.date(2024, 3, 2)


def test_pdf_text_layer_is_read(tmp_path: Path, sqlite_url: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, KYAUKTAW)
    pdf.set_title("Kyauktaw report")
    pdf.set_author("Rakhine Test Desk")
    pdf.set_creation_date(dt.datetime(2024, 2, 6, 9, 0, tzinfo=dt.UTC))
    path = tmp_path / "kyauktaw.pdf"
    pdf.output(str(path))
    [doc] = ingest_one(path, sqlite_url)
    assert " ".join(doc.text.split()) == KYAUKTAW
    assert (doc.title, doc.outlet, doc.published) == ("Kyauktaw report", "Rakhine Test Desk", dt.date(2024, 2, 6))


def test_docx_paragraphs_and_tables_are_read(tmp_path: Path, sqlite_url: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Hpakant brief"
    document.add_paragraph(HPAKANT)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Township"
    table.rows[0].cells[1].text = "Hpakant"
    path = tmp_path / "hpakant.docx"
    document.save(str(path))
    [doc] = ingest_one(path, sqlite_url)
    assert doc.text.startswith(HPAKANT) and "Township\tHpakant" in doc.text
    assert doc.title == "Hpakant brief"


def test_rss_feed_gives_one_document_per_item_with_html_stripped(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>https://example.org</link>'
        "<item><title>Kyauktaw base falls</title><link>https://example.org/1</link>"
        "<pubDate>Mon, 05 Feb 2024 08:00:00 +0000</pubDate>"
        f"<description>&lt;p&gt;{KYAUKTAW}&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</description></item>"
        "<item><title>Hpakant clashes</title><link>https://example.org/2</link>"
        f"<pubDate>Sat, 02 Mar 2024 08:00:00 +0000</pubDate><description>{HPAKANT}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    docs = sorted(ingest_one(path, sqlite_url), key=lambda d: d.url)
    assert [d.text for d in docs] == [KYAUKTAW, HPAKANT]
    assert [d.outlet for d in docs] == ["Test Wire", "Test Wire"]
    assert docs[0].published == dt.date(2024, 2, 5) and docs[0].title == "Kyauktaw base falls"
    assert docs[1].origin == f"{path}#item-2"


def test_atom_feed_is_read(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>'
        "<id>urn:x</id><updated>2023-11-20T00:00:00Z</updated>"
        '<entry><title>Loikaw</title><id>urn:1</id><link href="https://example.org/loikaw"/>'
        f'<updated>2023-11-20T00:00:00Z</updated><content type="html">&lt;p&gt;{LOIKAW}&lt;/p&gt;</content></entry>'
        "</feed>",
        encoding="utf-8",
    )
    [doc] = ingest_one(path, sqlite_url)
    assert (doc.text, doc.outlet, doc.published) == (LOIKAW, "Atom Desk", dt.date(2023, 11, 20))


def test_jsonl_keeps_given_ids_and_reports_bad_lines(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps(
            {"doc_id": "wire-001", "text": KYAUKTAW, "published": "2024-02-05", "title": "AA", "outlet": "Wire"}
        ),
        "",
        "{not json",
        json.dumps({"text": HPAKANT, "published": "March 2024", "url": "https://example.org/2"}),
        json.dumps({"title": "no text"}),
        json.dumps({"doc_id": "x" * 65, "text": LOIKAW}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest_paths([path], sqlite_url, progress=False)
    assert (report.read, report.failed) == (2, 3)
    assert {e.path for e in report.failures} == {f"{path}#line-3", f"{path}#line-5", f"{path}#line-6"}
    docs = {d.doc_id: d for d in stored_documents(sqlite_url)}
    assert docs["wire-001"].published == dt.date(2024, 2, 5) and docs["wire-001"].outlet == "Wire"
    [other] = [d for key, d in docs.items() if key != "wire-001"]
    assert other.doc_id.startswith("doc-") and other.published_precision == "month"


def test_burmese_text_is_marked_as_burmese(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "my.txt"
    path.write_text("ရခိုင်ပြည်နယ် ကျောက်တော်မြို့နယ်တွင် တိုက်ပွဲများ ဖြစ်ပွားခဲ့သည်။", encoding="utf-8")
    [doc] = ingest_one(path, sqlite_url)
    assert doc.language == "my"


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path, sqlite_url: str) -> None:
    tmp_path = tmp_path / "docs"
    tmp_path.mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(KYAUKTAW, encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text(HPAKANT, encoding="utf-8")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text(LOIKAW, encoding="utf-8")
    report = ingest_paths([tmp_path], sqlite_url, progress=False)
    assert [Path(e.path).name for e in report.entries] == ["a.txt", "c.md", "photo.png"]
    assert [e.status for e in report.entries] == ["read", "read", "skipped"]
    assert "unsupported file type" in (report.entries[2].reason or "")


def test_a_dateline_under_the_headline_gives_the_publication_date(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "dateline.txt"
    path.write_text(
        "Resistance gains in Karenni State\n\nNovember 20th, 2023  •  Author:  Test Desk  •  5 minute read\n\n"
        "Fighting that began on 11 November 2023 spread across Loikaw, residents said.",
        encoding="utf-8",
    )
    [doc] = ingest_one(path, sqlite_url)
    assert (doc.published, doc.published_precision) == (dt.date(2023, 11, 20), "day")


def test_dates_in_the_story_are_not_taken_for_the_publication_date(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Loikaw\n\n" + LOIKAW + "\n\nOn 11 November 2023 the first clashes began.", encoding="utf-8")
    [doc] = ingest_one(path, sqlite_url)
    assert doc.published is None


def test_burmese_digits_and_given_precision_are_understood(tmp_path: Path, sqlite_url: str) -> None:
    from mawgun.ingest.dates import parse_date

    assert parse_date("၂၀၂၄-၀၁-၀၅") == (dt.date(2024, 1, 5), "day")
    path = tmp_path / "docs.jsonl"
    line = {"text": LOIKAW, "published": "2023-11-30", "published_precision": "month"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [doc] = ingest_one(path, sqlite_url)
    assert (doc.published, doc.published_precision) == (dt.date(2023, 11, 30), "month")


def test_html_in_a_declared_legacy_charset_is_decoded_by_its_declaration(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "legacy.htm"
    body = f"<p>{HPAKANT}</p><p>Jade traders from Lonkin said the fighting stopped work at the mines for the week.</p>"
    page = f'<html><head><meta charset="iso-8859-15"><title>Hpakant – clashes</title></head><body><article>{body}'
    page += "<p>Prices rose by 20 € per bag of rice, shop owners said.</p></article></body></html>"
    path.write_bytes(page.replace("–", "-").encode("iso-8859-15"))
    [doc] = ingest_one(path, sqlite_url)
    assert "20 € per bag" in doc.text
