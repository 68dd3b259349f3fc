"""Build the PDF documents of the demo corpus (`mawgun/demo/corpus/*.pdf`) from source texts kept here.

Why PDFs are generated: monitoring groups receive briefs and situation reports as PDF, so the demo
must exercise the PDF reader; generating them from text written for Mawgun keeps their content
reviewable in the repository. The PDFs are committed; rerun this script after editing a source:

    .venv/bin/python -m mawgun.demo.build_corpus

Needs fpdf2 (in the `test` extra). Output is deterministic (fixed creation dates), so rebuilding an
unchanged source gives the same text layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class PdfSource:
    """One PDF to build: file name, metadata and paragraphs (Latin-1 text: core PDF fonts)."""

    filename: str
    title: str
    outlet: str
    published: dt.date
    paragraphs: tuple[str, ...]


SANCTIONS_BRIEF = PdfSource(
    filename="2023-11-02_sanctions-brief-moge.pdf",
    title="Sanctions brief: coordinated measures of 31 October 2023",
    outlet="Sanctions Monitor Myanmar",
    published=dt.date(2023, 11, 2),
    paragraphs=(
        "Published 2 November 2023 by Sanctions Monitor Myanmar.",
        "On 31 October 2023 the United States, the United Kingdom and Canada announced new sanctions against "
        "the Myanmar military regime in a coordinated move.",
        "The US Treasury Department barred US persons from offering some financial services to Myanma Oil "
        "and Gas Enterprise (MOGE): lending, insurance and investment. The state-owned company handles the "
        "country's gas revenues, which earn the junta more foreign currency than anything else. "
        "The measure does not block MOGE outright, and US companies may continue existing business with it.",
        "On the same day Canada imposed sanctions on Shwe Byain Phyu Group and its chairman Thein Win Zaw. "
        "Canada became the first country to target the conglomerate, which is active in fuel imports and which "
        "bought the Myanmar operations of the mobile operator Telenor in 2022. The United Kingdom announced "
        "further designations of suppliers of the military.",
        "The European Union went further earlier: on 21 February 2022 the Council of the European Union added "
        "MOGE to its list of entities subject to an asset freeze, and prohibited making funds available to it.",
        "Campaigners welcomed the new measures but said that only a full block on MOGE and on the sale of "
        "aviation fuel would reduce the regime's ability to carry out airstrikes on civilians.",
    ),
)

DISPLACEMENT_SNAPSHOT = PdfSource(
    filename="2024-01-10_displacement-snapshot.pdf",
    title="Humanitarian snapshot: displacement in Myanmar, January 2024",
    outlet="Relief Desk Myanmar",
    published=dt.date(2024, 1, 10),
    paragraphs=(
        "Published 10 January 2024 by Relief Desk Myanmar, summarising figures released by UN agencies.",
        "About 2.6 million people were internally displaced across Myanmar at the start of January 2024, "
        "according to UNHCR and OCHA, the great majority of them since the military coup of February 2021.",
        "The escalation that began with Operation 1027 in northern Shan State on 27 October 2023, and spread "
        "to Sagaing Region, Karenni (Kayah) State, Chin State and Rakhine State, displaced more than half a "
        "million people in its first ten weeks, OCHA said. Many fled more than once.",
        "In Karenni State, the fighting for Loikaw since mid-November emptied much of the state capital. In "
        "Rakhine State, the end of the informal truce between the Arakan Army and the military in November "
        "2023 cut roads and waterways, and prices of rice and fuel rose sharply.",
        "Aid groups said access remained severely restricted. Blocked roads, airstrikes on villages and "
        "limits on travel permits kept supplies from reaching displacement sites, while funding for the "
        "2023 humanitarian plan covered only about a third of the needs.",
    ),
)

SOURCES = (SANCTIONS_BRIEF, DISPLACEMENT_SNAPSHOT)


def write_pdf(source: PdfSource, folder: Path = CORPUS) -> Path:
    """Render one source as an A4 PDF with a title, the outlet line and the paragraphs; the path written."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(source.title)
    pdf.set_author(source.outlet)
    pdf.set_creator("mawgun.demo.build_corpus")
    pdf.set_creation_date(dt.datetime.combine(source.published, dt.time(9, 0), tzinfo=dt.UTC))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, source.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 6, f"{source.outlet} - {source.published:%d %B %Y}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in source.paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    path = folder / source.filename
    pdf.output(str(path))
    return path


def main() -> None:
    """Build every PDF of the demo corpus."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    for source in SOURCES:
        print(f"wrote {write_pdf(source)}")


if __name__ == "__main__":
    main()
