"""Text from documents and imports is hostile until written safely (issue 15, points 5 and 7).

Links: only http(s) URLs become links in the HTML and Markdown reports (a document's `javascript:`
or `data:` URL is shown at most as text), and no title or quote can open a Markdown link or raw
HTML. Spreadsheets: every CSV-like export (acled-csv, csv, hxl; CLI and API) defuses formula cells.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from web.signin import bearer

from mawgun.safety import safe_link, spreadsheet_cell

HOSTILE_ARTICLES = {
    "bad-link.txt": """title: Jets bomb Loikaw x](javascript:alert(1)) [y
date: 2023-11-15
outlet: Karenni Test News
url: javascript:alert(document.cookie)

LOIKAW — Junta jets bombed wards in the north of Loikaw, the capital of Kayah State, on Tuesday,
14 November 2023, killing three civilians, residents said.
""",
    "data-link.txt": """title: <script>alert(2)</script> Statement on Kayah
date: 2023-11-16
outlet: Rights <b>Test</b> Group
url: data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==

We condemn the air strikes on Loikaw town on 14 November 2023, which killed civilians.
""",
    "quote-break.txt": """title: Kawlin taken
date: 2023-11-07
outlet: Test Wire
url: https://test-wire.example/kawlin?a=1&b=<script>")onmouseover=alert(4)

KAWLIN — People's Defence Force fighters captured the town of Kawlin in Sagaing Region on Monday,
6 November 2023, after several days of fighting, the National Unity Government said.
""",
}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from mawgun.ingest import ingest_paths
    from mawgun.pipeline import process_store

    base = tmp_path_factory.mktemp("hostile")
    paths = []
    for name, text in HOSTILE_ARTICLES.items():
        (base / name).write_text(text, encoding="utf-8")
        paths.append(base / name)
    url = f"sqlite:///{base / 'store.db'}"
    ingest_paths(paths, url, progress=False)
    process_store(url, progress=False)
    return url


@pytest.fixture(scope="module")
def written_reports(hostile_store: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from mawgun.report.build import build_report
    from mawgun.report.periods import parse_month
    from mawgun.report.render import write_report
    from mawgun.store.db import session_scope

    out = tmp_path_factory.mktemp("reports")
    period = parse_month("2023-11")
    with session_scope(hostile_store) as session:
        data = build_report(session, period)
    paths = write_report(data, period, out, "both")
    return {p.suffix: p.read_text(encoding="utf-8") for p in paths}


def test_only_http_links_are_links() -> None:
    assert safe_link("https://example.org/a b") == "https://example.org/a%20b"
    assert safe_link("HTTP://example.org/x") == "HTTP://example.org/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.example/x", "http:/no-host", "", None, 12):  # fmt: skip
        assert safe_link(bad) is None, bad
    assert "<" not in (safe_link('https://e.org/"><script>') or "")
    assert "(" not in (safe_link("https://e.org/a)(b") or "")


def test_html_report_links_no_script_url(written_reports: dict[str, str]) -> None:
    html = written_reports[".html"]
    hrefs = re.findall(r"""href\s*=\s*["']?([^"'\s>]*)""", html)
    assert hrefs, "the test store must give the report some links"
    assert all(h.startswith(("http://", "https://", "#")) for h in hrefs), hrefs
    assert "<script>alert" not in html
    assert not re.search(r"""["'\s]onmouseover=""", html)


def test_markdown_report_rendered_by_commonmark_runs_nothing(written_reports: dict[str, str]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark", {"html": True})
    renderer.validateLink = lambda url: True  # a renderer that trusts every link, as some do
    html = renderer.render(written_reports[".md"])
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert "<script" not in html and "<b>" not in html


def test_formula_cells_are_defused() -> None:
    assert spreadsheet_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_cell("+1+2") == "'+1+2"
    assert spreadsheet_cell("-3") == "-3" and spreadsheet_cell("-2.5e3") == "-2.5e3"
    assert spreadsheet_cell("Kawlin") == "Kawlin"


FORMULA_ROW = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,notes,fatalities,tags\n"
    'MMRX1,2023-11-05,2023,1,Battles,Armed clash,"=HYPERLINK(""http://evil.example"",""x"")",@SUM(1+1),'
    '+cmd|calc,Sagaing,=A1,-A2,"=1+1",22.1,95.1,1,"@notes",3,=tag\n'
)


@pytest.fixture(scope="module")
def formula_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from mawgun.ingest.coded import import_acled
    from mawgun.store.db import session_scope

    base = tmp_path_factory.mktemp("formula")
    (base / "acled.csv").write_text(FORMULA_ROW, encoding="utf-8")
    url = f"sqlite:///{base / 'store.db'}"
    with session_scope(url) as session:
        assert import_acled(session, base / "acled.csv").imported == 1
    return url


def formula_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if cell[:1] in ("=", "+", "-", "@")
            and not re.fullmatch(r"-?[0-9.]+", cell)]  # fmt: skip


@pytest.mark.parametrize("fmt", ["acled-csv", "csv", "hxl"])
def test_cli_exports_write_no_formula_cells(formula_store: str, tmp_path: Path, fmt: str) -> None:
    from mawgun.report.export import export_events
    from mawgun.store.db import session_scope

    out = tmp_path / f"events.{fmt}"
    with session_scope(formula_store) as session:
        assert export_events(session, fmt, out) == 1
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert formula_cells(text) == []


@pytest.mark.parametrize("fmt", ["acled.csv", "hxl.csv", "csv"])
def test_api_exports_write_no_formula_cells(formula_store: str, fmt: str) -> None:
    from fastapi.testclient import TestClient

    from mawgun.web.app import create_app

    with TestClient(create_app(formula_store), headers=bearer(formula_store)) as client:
        response = client.get(f"/api/v1/exports/events.{fmt}")
    assert response.status_code == 200, response.text
    assert formula_cells(response.text) == []
