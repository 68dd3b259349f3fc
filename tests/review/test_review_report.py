"""Reports count the review states asked for, or a release as it was published, and say which."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.query.filter import EventFilter
from mawgun.report.build import build_report
from mawgun.report.periods import parse_month
from mawgun.review.releases import publish_release
from mawgun.review.states import accept_event, edit_event
from mawgun.store.db import session_scope
from review.review_store import build_store
from review.test_review_library import canonical_ids


def test_a_report_pinned_to_a_release_reproduces_its_figures(sqlite_url: str, tmp_path: Path) -> None:
    build_store(sqlite_url)
    pazigyi = canonical_ids(sqlite_url)["Pazigyi"]
    april = parse_month("2023-04")
    with session_scope(sqlite_url) as session:
        assert build_report(session, april, scope=EventFilter(review="reviewed"))["headline"]["current"]["events"] == 0
        accept_event(session, pazigyi, "rev")
        publish_release(session, "2023-04-final", "rev")
        edit_event(session, pazigyi, {"fatalities_best": "150", "fatalities_low": "100"}, "rev", "recount")
    with session_scope(sqlite_url) as session:
        pinned = build_report(session, april, scope=EventFilter(release="2023-04-final"))
        live = build_report(session, april, scope=EventFilter(review="reviewed"))
    assert pinned["headline"]["current"]["fatalities"] == 165 and pinned["notable"][0]["fatalities"] == 165
    assert live["headline"]["current"]["fatalities"] == 150
    assert pinned["counting"].startswith("release 2023-04-final") and live["counting"] == "reviewed events only"

    result = CliRunner().invoke(app, ["report", "monthly", "--month", "2023-04", "--format", "md", "--out",
                                      str(tmp_path), "--release", "2023-04-final", "--db", sqlite_url])  # fmt: skip
    assert result.exit_code == 0, result.output
    (markdown,) = tmp_path.glob("*.md")
    assert "counting release 2023-04-final" in markdown.read_text()
    unknown = CliRunner().invoke(
        app, ["report", "monthly", "--month", "2023-04", "--release", "nope", "--db", sqlite_url]
    )
    assert unknown.exit_code == 2 and "2023-04-final" in unknown.output
