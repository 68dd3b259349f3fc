"""Stored XSS (issue 15): markup stored in any field a user or a source can set is shown as text.

A hostile feed or import can put markup in a document's title, outlet, url and text; the extractor
copies words of the text into place and actor names, metrics, areas, organisations and sanction
targets; an editor writes the reasons of dedup decisions; whoever adds a source names it. This
test stores one payload in every one of those fields, requests every HTML page of the dashboard
and both written reports, and checks that no page carries a live script, event handler or
`javascript:` link: the payload must come out escaped (HTML) or defused (Markdown).

Stored but shown on no page (so covered only by the "nothing runs" check): the names of a report's
actors (pages show actor ids), a report's notes and tags, a canonical event's explanation, and the
who/why of dedup decisions.

The JSON API returns the payload as data (the exact string, in `application/json`, never `text/html`,
even to a browser asking for HTML), and every CSV export (the API's lists, `exports/events.csv`,
ACLED and HXL) is `text/csv` with no cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`).
Every test runs on SQLite and, with MAWGUN_TEST_POSTGRES_URL, on PostgreSQL (values longer than
their column are cut to it, as the store does: the script part of the payload always fits).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mawgun.dedup.decisions import merge_canonical
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, SanctionRecord, Span, StatisticRecord
from mawgun.safety import FORMULA_STARTS, is_number
from mawgun.sources.catalog import SourceSpec, add_source
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventRow, SourceRow
from web.signin import bearer

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{JS_LINK}"
DAY = dt.date(2024, 8, 3)

TEXT = (
    f"Hostile text {SCRIPT} then {BREAKOUT} and {JS_LINK}. Rebels said they captured the town after a "
    "week of fighting; at least four people died."
)


def tagged(label: str) -> str:
    """The payload with a label, so each field's value differs (and a failure names the field)."""
    return f"{label} {PAYLOAD}"


def whole_text_span() -> Span:
    return Span(0, len(TEXT), TEXT)


def hostile_records(doc_id: str) -> list[object]:
    prov = Provenance(component="test-fixture", version="1", confidence=0.9, rule="xss")
    place = Place(admin1=tagged("admin1"), admin3=tagged("admin3"), location=tagged("location"),
                  latitude=22.9, longitude=97.7, geo_precision=1)  # fmt: skip
    return [
        EventRecord(
            record_id="ev-xss", doc_id=doc_id, event_type="Battles",
            sub_event_type="Non-state actor overtakes territory", date=DAY, provenance=prov, place=place,
            actor1=[ActorRef(tagged("actor1"), tagged("actor1-id"))], actor2=[ActorRef(tagged("actor2"), None)],
            fatalities=4, tags=[tagged("tag")], notes=tagged("notes"), evidence=[whole_text_span()],
        ),
        StatisticRecord(
            record_id="st-xss", doc_id=doc_id, metric=tagged("metric"), value=40_000, provenance=prov,
            qualifier=tagged("q"), area=[tagged("area")], source_org=tagged("source_org"),
            period_start=DAY, period_end=DAY, evidence=[whole_text_span()],
        ),
        SanctionRecord(
            record_id="sa-xss", doc_id=doc_id, authority=tagged("authority"), target=tagged("target"),
            measure=tagged("measure"), date=DAY, provenance=prov, evidence=[whole_text_span()],
        ),
    ]  # fmt: skip


def fitted(row: Any) -> Any:
    """The row with each text cut to its column's length (PostgreSQL refuses longer ones)."""
    for column in row.__table__.columns:
        value, length = getattr(row, column.name), getattr(column.type, "length", None)
        if isinstance(value, str) and length:
            setattr(row, column.name, value[:length])
    return row


FORMULAS = {"location": '=HYPERLINK("http://example.org","x")', "admin1": "@SUM(1+1)*cmd", "admin3": "+1+cmd"}


def formula_event() -> CanonicalEventRow:
    """An event whose text fields a spreadsheet would run as formulas."""
    return CanonicalEventRow(
        id="ce-formula", event_type="Battles", sub_event_type="Armed clash", date=DAY, date_precision="day",
        actor1=["-2+3+cmd"], actor2=[], n_reports=1, n_sources=1, n_outlets=1, origin="mawgun", tags=["=1+1"],
        explanation={}, **FORMULAS,
    )  # fmt: skip


def canonical(event_id: str) -> CanonicalEventRow:
    return CanonicalEventRow(
        id=event_id, event_type="Battles", sub_event_type="Non-state actor overtakes territory", date=DAY,
        date_precision="day", admin1=tagged("c-admin1"), admin3=tagged("c-admin3"), location=tagged("c-location"),
        latitude=22.9, longitude=97.7, geo_precision=1, actor1=[tagged("actor1-id")], actor2=[tagged("c-actor2")],
        fatalities_best=4, fatalities_low=4, fatalities_high=4, n_reports=1, n_sources=1, n_outlets=1,
        origin="mawgun", tags=[tagged("c-tag")], explanation={"why": tagged("explanation")},
    )  # fmt: skip


def fill_hostile_store(url: str) -> None:
    """Two hostile documents (one with a `javascript:` url, one with a url that breaks out of `href`),
    their records, canonical events, a merge decision with a hostile reason, and a hostile source."""
    with session_scope(url) as session:
        for n, doc_url in enumerate((JS_LINK, f"https://example.org/a{BREAKOUT}")):
            doc = Document(doc_id=f"doc-xss-{n}", text=TEXT, title=tagged(f"title{n}"), outlet=tagged(f"outlet{n}"),
                           url=doc_url, published=DAY + dt.timedelta(days=1), language="en",
                           kind=tagged("kind"))  # fmt: skip
            repository.save_document(session, doc)
            records = hostile_records(doc.doc_id)
            for record in records:
                record.record_id += f"-{n}"  # type: ignore[attr-defined]
            repository.save_records(session, doc.doc_id, records, "test-1")  # type: ignore[arg-type]
            session.add(fitted(canonical(f"ce-xss-{n}")))
            session.flush()
            session.get(EventRow, f"ev-xss-{n}").canonical_id = f"ce-xss-{n}"  # type: ignore[union-attr]
        session.flush()
        merge_canonical(session, ["ce-xss-0", "ce-xss-1"], who=tagged("who"), why=tagged("why"))
        source = add_source(session, SourceSpec(tagged("source"), "feed", "https://example.org/feed.xml",
                                                outlet=tagged("source-outlet")))  # fmt: skip
        source.last_error = tagged("last_error")
        source.last_error_at = dt.datetime(2024, 8, 4, 6, 0)
        source.failures = 1
        session.add(SourceRow(name="plain", kind="feed", url=JS_LINK, failures=0, enabled=True))
        session.add(formula_event())


LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")
RUNNABLE_SCHEMES = ("javascript:", "data:text/html", "vbscript:")


class LiveMarkup(HTMLParser):
    """Collects what a browser would run: script bodies, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in LINK_ATTRIBUTES and "".join((value or "").split()).lower().startswith(RUNNABLE_SCHEMES):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(1)" in data:
            self.found.append(f"<script>{data[:60]}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.fixture
def hostile_client(store_url: str):  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    fill_hostile_store(store_url)
    with TestClient(create_app(store_url), headers=bearer(store_url)) as client:
        yield client


PAGES = [
    "/",
    "/events",
    "/events/ce-xss-0",
    "/events/ce-xss-1",
    "/documents",
    "/documents/doc-xss-0",
    "/documents/doc-xss-1",
    "/documents?q=alert",
    "/figures",
    "/control",
    "/control?as_of=2024-08-31",
    "/sources",
    "/reports?period=monthly&date=2024-08-10",
    "/reports?date=2024-08-04",
    "/reports/full.html?period=monthly&date=2024-08-10",
    "/reports/full.html?date=2024-08-04",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_stored_markup_runs_in_any_page(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    html = response.text
    assert SCRIPT not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html.lower()
    assert live_markup(html) == []


SHOWN = {  # the fields each page shows: the payload must be there, escaped, not dropped
    "/": ["c-location", "c-admin1", "actor1-id"],
    "/events/ce-xss-0": ["c-location", "c-tag", "location", "title0", "outlet1", "text"],
    "/documents": ["title0", "outlet1"],
    "/documents/doc-xss-0": ["title0", "outlet0", "text", "metric", "source_org", "authority", "target", "location"],
    "/figures": ["metric", "area", "source_org", "q", "authority", "target", "measure"],
    "/control": ["c-location", "actor1-id"],
    "/sources": ["source", "source-outlet", "last_error"],
    "/reports?period=monthly&date=2024-08-10": ["c-location", "c-actor2"],
    "/reports/full.html?period=monthly&date=2024-08-10": ["title0", "outlet1", "metric", "area", "source_org", "text"],
}


@pytest.mark.parametrize("path", sorted(SHOWN))
def test_the_payload_is_shown_escaped_not_dropped(hostile_client: TestClient, path: str) -> None:
    html = hostile_client.get(path).text
    for label in SHOWN[path]:
        assert f"{label} &lt;script&gt;alert(1)&lt;/script&gt;" in html, label


def test_the_check_sees_live_markup() -> None:
    page = f'<p>{SCRIPT}</p><a href="{JS_LINK}">x</a><p title=""{BREAKOUT[1:]}</p>'
    assert len(live_markup(page)) == 4


@pytest.mark.parametrize("query", ["period=monthly&date=2024-08-10", "date=2024-08-04"])
def test_the_markdown_report_defuses_the_payload(hostile_client: TestClient, query: str) -> None:
    response = hostile_client.get(f"/reports/full.md?{query}")
    assert response.status_code == 200
    markdown = response.text
    assert "title0" in markdown and "outlet1" in markdown
    assert "<script" not in markdown and "<img" not in markdown
    assert "](javascript:" not in markdown.lower() and "<javascript:" not in markdown.lower()
    assert "&lt;script&gt;" in markdown


def test_the_markdown_report_renders_to_inert_html(hostile_client: TestClient) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    markdown = hostile_client.get("/reports/full.md?period=monthly&date=2024-08-10").text
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert live_markup(html) == []


JSON_ANSWERS = [  # every API answer that carries stored text
    "/api/v1/events",
    "/api/v1/events?per_report=true",
    "/api/v1/events/ce-xss-0",
    "/api/v1/documents",
    "/api/v1/documents/doc-xss-0",
    "/api/v1/statistics",
    "/api/v1/sanctions",
    "/api/v1/sources",
    "/api/v1/control?as_of=2024-08-31",
    "/api/v1/stats?by=admin1,admin3",
    "/api/v1/map",
    "/api/v1/exports/events.jsonl",
    "/api/v1/exports/events.geojson",
]


def strings_in(value: Any) -> list[str]:
    """Every string in a decoded JSON value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [*value.keys(), *(s for v in value.values() for s in strings_in(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


@pytest.mark.parametrize("path", JSON_ANSWERS)
def test_the_json_api_returns_the_payload_as_data_never_as_html(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path, headers={"Accept": "text/html,application/xhtml+xml"})  # as a browser asks
    assert response.status_code == 200, response.text[:300]
    media = response.headers["content-type"].split(";")[0]
    assert media in ("application/json", "application/x-ndjson", "application/geo+json"), media
    assert response.headers["x-content-type-options"] == "nosniff"
    lines = response.text.splitlines() if media == "application/x-ndjson" else [response.text]
    values = [s for line in lines for s in strings_in(json.loads(line))]
    assert any(SCRIPT in value and BREAKOUT in value for value in values), path  # the exact text, as data


CSV_ANSWERS = [
    "/api/v1/events?format=csv",
    "/api/v1/events?format=csv&per_report=true",
    "/api/v1/documents?format=csv",
    "/api/v1/statistics?format=csv",
    "/api/v1/sanctions?format=csv",
    "/api/v1/stats?by=admin1,admin3&format=csv",
    "/api/v1/control?as_of=2024-08-31&format=csv",
    "/api/v1/exports/events.csv",
    "/api/v1/exports/events.acled.csv",
    "/api/v1/exports/events.hxl.csv",
]


@pytest.mark.parametrize("path", CSV_ANSWERS)
def test_csv_exports_are_csv_with_no_formula_cell(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].split(";")[0] == "text/csv"
    assert response.headers["x-content-type-options"] == "nosniff"
    cells = [cell for row in csv.reader(io.StringIO(response.text)) for cell in row]
    formulas = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not is_number(cell)]
    assert formulas == [], path
    assert any(SCRIPT in cell for cell in cells), path  # the payload is there, as text


@pytest.mark.parametrize("path", [p for p in CSV_ANSWERS if "events" in p and "per_report" not in p])
def test_formula_cells_of_events_are_kept_as_quoted_text(hostile_client: TestClient, path: str) -> None:
    cells = {cell for row in csv.reader(io.StringIO(hostile_client.get(path).text)) for cell in row}
    assert "'" + FORMULAS["location"] in cells, path
