"""Weekly and monthly reports: Markdown and self-contained HTML built from a store filled by the pipeline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mawgun.report.build import build_report, guess_kind
from mawgun.report.periods import parse_month, parse_week
from mawgun.report.render import render_html, render_markdown, write_report
from mawgun.store.db import session_scope


def build(url: str, month: str) -> dict[str, Any]:
    with session_scope(url) as session:
        return build_report(session, parse_month(month))


@pytest.fixture(scope="module")
def november(report_store: str) -> dict[str, Any]:
    return build(report_store, "2023-11")


def test_headline_counts_canonical_events_and_fatalities(november: dict[str, Any]) -> None:
    head = november["headline"]
    assert head["current"]["events"] == 2  # the Loikaw strike told by two sources counts once
    assert head["current"]["fatalities"] == 3
    assert head["previous"]["events"] == 0
    assert head["events_change"]["change"] == 2 and head["events_change"]["change_pct"] is None


def test_notable_events_carry_sources_and_quotes(november: dict[str, Any]) -> None:
    strike = november["notable"][0]
    assert strike["event_type"] == "Explosions/Remote violence" and strike["fatalities"] == 3
    outlets = {source["outlet"] for source in strike["sources"]}
    assert outlets == {"Karenni Test News", "Rights Test Group"}
    assert any("Loikaw" in quote for source in strike["sources"] for quote in source["quotes"])


def test_territorial_change_is_listed(november: dict[str, Any]) -> None:
    assert any(change["date"] == "2023-11-06" for change in november["control"])


def test_documents_are_grouped_by_kind_and_outlet(november: dict[str, Any]) -> None:
    kinds = {group["kind"]: len(group["documents"]) for group in november["documents"]["kinds"]}
    assert kinds == {"statement": 1, "news": 2}
    assert dict(november["documents"]["outlets"])["Test Wire"] == 1


def test_kind_is_guessed_from_title_words_when_unknown() -> None:
    assert guess_kind(None, "Press release: NUG condemns air strike") == "statement"
    assert guess_kind(None, "Humanitarian situation report No. 14") == "report"
    assert guess_kind(None, "Fighting spreads to Lashio") == "news"
    assert guess_kind("Report", "Anything") == "report"


def test_html_is_self_contained_with_chart_map_and_credit(november: dict[str, Any]) -> None:
    html = render_html(november, parse_month("2023-11"))
    assert html.count("<svg") == 2
    assert "class='mawgun-chart'" in html and "class='mawgun-map'" in html
    assert "Boundaries: MIMU" in html
    assert "Events per day by event type" in html and "Canonical events" in html  # title and axis label
    assert "Explosions/Remote violence" in html  # legend
    assert not re.search(r"<(link|script|img)\b", html)  # nothing fetched, no script at all
    assert not re.search(r"(src|href)=['\"]?(?!https?://[a-z-]+\.example)[a-z]+://", html)


def test_article_markup_appears_as_text(november: dict[str, Any]) -> None:
    html = render_html(november, parse_month("2023-11"))
    assert "<script>" not in html
    assert "Jets bomb Loikaw &lt;script&gt;" in html
    markdown = render_markdown(november)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_markdown_has_every_section(november: dict[str, Any]) -> None:
    markdown = render_markdown(november)
    for heading in ("Headline figures", "Notable events", "Territorial changes", "Documents of the period"):
        assert f"## {heading}" in markdown
    assert "Karenni Test News" in markdown and "https://karenni-test.example/loikaw" in markdown
    assert "| Loikaw | Kayah | 1 | 3 |" in markdown  # townships with most events
    assert "+2 vs October 2023: 0" in markdown  # no percentage of nothing


def test_empty_month_renders_gracefully(report_store: str, tmp_path: Path) -> None:
    data = build(report_store, "2022-03")
    paths = write_report(data, parse_month("2022-03"), tmp_path)
    assert [p.name for p in paths] == ["monthly-2022-03.md", "monthly-2022-03.html"]
    html = paths[1].read_text(encoding="utf-8")
    assert "No events recorded" in html and "<svg" in html
    assert "No events recorded" in paths[0].read_text(encoding="utf-8")


def test_weekly_command_writes_both_formats(report_store: str, tmp_path: Path) -> None:
    from mawgun.cli.main import app

    out = tmp_path / "rep"
    result = CliRunner().invoke(
        app, ["report", "weekly", "--week", "2023-W46", "--out", str(out), "--db", report_store]
    )
    assert result.exit_code == 0, result.output
    html = (out / "weekly-2023-W46.html").read_text(encoding="utf-8")
    assert "Week 46, 2023" in html and "Loikaw" in html
    assert (out / "weekly-2023-W46.md").exists()


def test_bad_period_is_a_usage_error(report_store: str, tmp_path: Path) -> None:
    from mawgun.cli.main import app

    result = CliRunner().invoke(
        app, ["report", "monthly", "--month", "Nov 2023", "--db", report_store, "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "not a month" in result.output
    assert parse_week("2023-W46").contains(parse_month("2023-11").start.replace(day=14))


def test_reported_figures_are_those_of_the_period(sqlite_url: str) -> None:
    import datetime as dt

    from mawgun.report.build import claims_in_period
    from mawgun.store.schema import DocumentRow, StatisticRow

    with session_scope(sqlite_url) as session:
        session.add(DocumentRow(id="doc-a", content_hash="a", outlet="Desk", text="Figures.", title="Figures"))
        session.flush()
        common = {"document_id": "doc-a", "metric": "airstrikes", "area": ["Myanmar"]}
        session.add(StatisticRow(id="st-old", value=80, period_end=dt.date(2022, 10, 31), **common))
        session.add(
            StatisticRow(
                id="st-nov", value=40, period_start=dt.date(2023, 11, 1), period_end=dt.date(2023, 11, 30), **common
            )
        )
    with session_scope(sqlite_url) as session:
        november = [c["statistic_id"] for c in claims_in_period(session, parse_month("2023-11"))]
        may = [c["statistic_id"] for c in claims_in_period(session, parse_month("2020-05"))]
        october = [c["statistic_id"] for c in claims_in_period(session, parse_month("2022-10"))]
    assert (november, may, october) == (["st-nov"], [], ["st-old"])
