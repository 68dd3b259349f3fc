"""Every face counts the same events for the same filter: the dashboard, the API, `mawgun stats`,
`mawgun events`, `mawgun export` and the reports all read through `mawgun.query`.

The store holds clashes of K3C members in March 2024, each named by a unit (KNLA, KIA, Karenni Army)
whose parent organisation (KNU, KIO, KNPP) is the alliance member, or by a member itself (CNF), or
by the alliance's own code; an MNDAA clash (not K3C) and a later KNLA attack fall outside the filter.
A face that expanded the alliance to its direct members only, or ignored the dates, would count
differently. The text is written for this test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web.signin import bearer

from mawgun.cli.main import app
from mawgun.model import ActorRef, Document, EventRecord, Place, Provenance, Span
from mawgun.query.counts import count_events
from mawgun.query.filter import EventFilter
from mawgun.report.build import build_report
from mawgun.report.periods import month_of
from mawgun.store import repository
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, EventRow

TEXT = (
    "March 2024 brought fighting on several fronts. "
    "KNLA fighters attacked an army post near Myawaddy on 10 March. "
    "KIA troops overran an army camp near Lweje on 12 March. "
    "CNF forces fought soldiers near Matupi on 15 March. "
    "Karenni Army fighters clashed with troops in Loikaw on 20 March. "
    "MNDAA forces fought the military near Kutkai on 14 March. "
    "The K3C announced joint operations on 18 March. "
    "KNLA fighters attacked again near Kawkareik on 2 May."
)
# (id, words the event rests on, actor1 code, date, state/region)
EVENTS = [
    ("knla", "KNLA fighters attacked an army post near Myawaddy", "KNLA", dt.date(2024, 3, 10), "Kayin"),
    ("kia", "KIA troops overran an army camp near Lweje", "KIA", dt.date(2024, 3, 12), "Kachin"),
    ("cnf", "CNF forces fought soldiers near Matupi", "CNF", dt.date(2024, 3, 15), "Chin"),
    ("ka", "Karenni Army fighters clashed with troops in Loikaw", "KA", dt.date(2024, 3, 20), "Kayah"),
    ("mndaa", "MNDAA forces fought the military near Kutkai", "MNDAA", dt.date(2024, 3, 14), "Shan"),
    ("k3c", "The K3C announced joint operations", "K3C", dt.date(2024, 3, 18), "Kayah"),
    ("knla-may", "KNLA fighters attacked again near Kawkareik", "KNLA", dt.date(2024, 5, 2), "Kayin"),
]
WINDOWS = {  # (since, until) -> K3C events in it
    ("2024-03-01", "2024-03-31"): 5,  # KNLA via KNU, KIA via KIO, CNF, KA via KNPP, K3C itself
    ("2024-03-12", "2024-03-12"): 1,  # KIA on that day
}


def record(event_id: str, words: str, actor: str, day: dt.date, admin1: str) -> EventRecord:
    start = TEXT.index(words)
    return EventRecord(
        record_id=f"ev-{event_id}", doc_id="doc-k3c", event_type="Battles", sub_event_type="Armed clash",
        date=day, provenance=Provenance("test-fixture", "1", 0.9, "clash"), place=Place(admin1=admin1),
        actor1=[ActorRef(actor, actor)], actor2=[ActorRef("army", "MIL")], fatalities=None,
        evidence=[Span(start, start + len(words), words)],
    )  # fmt: skip


def canonical(rec: EventRecord) -> CanonicalEventRow:
    return CanonicalEventRow(
        id=f"ce-{rec.record_id[3:]}", event_type=rec.event_type, sub_event_type=rec.sub_event_type, date=rec.date,
        date_precision="day", admin1=rec.place.admin1 if rec.place else None, actor1=[rec.actor1[0].actor_id],
        actor2=["MIL"], n_reports=1, n_sources=1, n_outlets=1, origin="mawgun", tags=[], explanation={},
    )  # fmt: skip


@pytest.fixture
def k3c_url(store_url: str) -> str:
    records = [record(*row) for row in EVENTS]
    doc = Document(doc_id="doc-k3c", text=TEXT, title="Fronts in March", outlet="Test Wire",
                   published=dt.date(2024, 5, 3), language="en")  # fmt: skip
    with session_scope(store_url) as session:
        repository.save_document(session, doc)
        repository.save_records(session, doc.doc_id, records, "test-1")
        session.add_all([canonical(rec) for rec in records])
        session.flush()
        for rec in records:
            session.get(EventRow, rec.record_id).canonical_id = f"ce-{rec.record_id[3:]}"  # type: ignore[union-attr]
    return store_url


def cli_json(args: list[str]) -> Any:
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts_by_face(url: str, since: str, until: str, per_report: bool, tmp_path: Path) -> dict[str, int]:
    """The number of K3C events between the dates, as each face gives it."""
    from mawgun.web.app import create_app

    params = {"alliance": "K3C", "since": since, "until": until, "per_report": str(per_report).lower()}
    options = ["--alliance", "K3C", "--since", since, "--until", until, "--db", url]
    options += ["--per-report"] if per_report else []
    out = tmp_path / f"export-{per_report}.csv"
    exported = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(out), *options])
    assert exported.exit_code == 0, exported.output
    with TestClient(create_app(url), headers=bearer(url)) as client:
        page = client.get("/events", params={**params, "per_report": "true"} if per_report else params).text
        faces = {
            "api events": client.get("/api/v1/events", params=params).json()["total"],
            "api stats": sum(r["events"] for r in client.get("/api/v1/stats", params=params).json()["rows"]),
            "api map": client.get("/api/v1/map", params=params).json()["total"],
            "api export": len(list(csv.DictReader(io.StringIO(client.get("/api/v1/exports/events.csv",
                                                                          params=params).text)))),
            "events page": int(re.search(r"<h1>([\d,]+) ", page).group(1).replace(",", "")),  # type: ignore[union-attr]
        }  # fmt: skip
        if not per_report:  # the dashboard shows canonical events once deduplication has run
            dashboard = client.get("/", params=params).text
            faces["dashboard"] = int(re.search(r'id="total-events">([\d,]+)<', dashboard).group(1))  # type: ignore[union-attr]
    faces["mawgun stats"] = sum(
        row["events"] for row in cli_json(["stats", "--by", "month", "--format", "json", *options])
    )
    faces["mawgun events"] = len(cli_json(["events", "--format", "json", "--limit", "1000", *options]))
    with out.open(encoding="utf-8") as handle:
        faces["mawgun export"] = len(list(csv.DictReader(handle)))
    return faces


@pytest.mark.parametrize("per_report", [False, True], ids=["canonical", "reports"])
@pytest.mark.parametrize(("since", "until"), list(WINDOWS))
def test_every_face_counts_the_alliance_alike(
    k3c_url: str, since: str, until: str, per_report: bool, tmp_path: Path
) -> None:
    faces = counts_by_face(k3c_url, since, until, per_report, tmp_path)
    assert faces == dict.fromkeys(faces, WINDOWS[(since, until)])


def test_the_monthly_report_counts_what_stats_and_the_api_count(k3c_url: str) -> None:
    from mawgun.web.app import create_app

    with session_scope(k3c_url) as session:
        report = build_report(session, month_of(dt.date(2024, 3, 1)))
        stats = count_events(session, ["month"], EventFilter(since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 31)))
    with TestClient(create_app(k3c_url), headers=bearer(k3c_url)) as client:
        rows = client.get("/api/v1/stats", params={"since": "2024-03-01", "until": "2024-03-31"}).json()["rows"]
        page = client.get("/reports", params={"period": "monthly", "date": "2024-03-10"}).text
    assert report["headline"]["current"]["events"] == sum(r["events"] for r in stats) == 6
    assert sum(r["events"] for r in rows) == 6 and "<b>6</b><span>events (previous" in page
