"""What a monitor drops into `mawgun ingest` keeps its metadata, and nothing else is read as an article.

A .docx keeps its Title-styled paragraph as title and its "Published ..." line as publication date;
a folder's README.md is not an article; the run's summary is one line, not a table whose caption
wraps into a stray "run / run-..." table. Texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.ingest.docx_reader import read_docx
from mawgun.ingest.runner import collect_files


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Shelling reaches the outskirts of Hpakant", level=0)  # Word's Title style
    document.add_paragraph("Published 14 March 2024")
    document.add_paragraph("Jade miners left two villages near Hpakant after artillery fire on Tuesday.")
    document.save(str(path))
    return path


def test_a_docx_keeps_its_title_and_date(tmp_path: Path) -> None:
    (doc,) = read_docx(write_docx(tmp_path / "hpakant.docx"))
    assert doc.title == "Shelling reaches the outskirts of Hpakant"
    assert doc.published == dt.date(2024, 3, 14) and doc.published_precision == "day"


def test_a_folder_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Field notes\nThese files were collected in March.\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("Troops burned houses in a village of Kani township.\n", encoding="utf-8")
    names = [candidate.path.name for candidate in collect_files([tmp_path]) if candidate.decided is None]
    assert names == ["report.txt"]


def test_ingest_prints_one_summary_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Troops burned houses in a village of Kani township.\n", encoding="utf-8")
    (folder / "README.md").write_text("# About these files\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "80"}).invoke(
        app, ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}"]
    )
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines() if line.strip()]
    assert "run" not in lines and not any(line.startswith("run-") for line in lines)
    assert any(line.startswith("1 read, 0 skipped, 0 failed (run run-") for line in lines)
