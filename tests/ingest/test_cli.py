"""`mawgun ingest`, `mawgun documents`, `mawgun events` and `mawgun db upgrade` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from .conftest import stage_app

REPORT = "title: Mindat shelled\noutlet: Test Wire\ndate: 2021-05-15\n\nJunta artillery shelled Mindat in Chin State."


def test_ingest_exits_0_when_every_file_was_read(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(stage_app(), ["ingest", str(tmp_path), "--db", sqlite_url, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "read" in result.output


def test_ingest_exits_1_and_names_each_failure(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(stage_app(), ["ingest", str(tmp_path), "--db", sqlite_url])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "empty file" in result.output


def test_documents_lists_filters_and_exports(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(stage_app(), ["ingest", str(tmp_path), "--db", sqlite_url, "--quiet"])
    as_csv = runner.invoke(stage_app(), ["documents", "--db", sqlite_url, "--search", "artillery", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [(r["title"], r["outlet"], r["published"]) for r in rows] == [("Mindat shelled", "Test Wire", "2021-05-15")]
    as_json = runner.invoke(stage_app(), ["documents", "--db", sqlite_url, "--since", "2022-01-01", "--format", "json"])
    assert json.loads(as_json.output) == []
    table = runner.invoke(stage_app(), ["documents", "--db", sqlite_url])
    assert table.exit_code == 0 and "Mindat shelled" in table.output
    bad = runner.invoke(stage_app(), ["documents", "--db", sqlite_url, "--format", "xml"])
    assert bad.exit_code != 0


def test_events_lists_canonical_events_or_reports(sqlite_url: str) -> None:
    runner = CliRunner()
    assert runner.invoke(stage_app(), ["init", "--db", sqlite_url]).exit_code == 0  # only init/ingest create a store
    result = runner.invoke(stage_app(), ["events", "--db", sqlite_url, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    result = runner.invoke(stage_app(), ["events", "--db", sqlite_url, "--per-report", "--type", "Battles"])
    assert result.exit_code == 0 and "event reports" in result.output


def test_db_upgrade_migrates_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    result = CliRunner().invoke(stage_app(), ["db", "upgrade", "--db", url])
    assert result.exit_code == 0 and "up to date" in result.output
    assert (tmp_path / "new.db").exists()


def test_ingest_json_lists_every_entry(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(stage_app(), ["ingest", str(tmp_path), "--db", sqlite_url, "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert (report["read"], report["failed"]) == (1, 1)
    assert [(Path(e["path"]).name, e["status"]) for e in report["entries"]] == [
        ("a.txt", "read"),
        ("empty.txt", "failed"),
    ]


def test_a_malformed_date_is_a_clear_usage_error(sqlite_url: str) -> None:
    assert CliRunner().invoke(stage_app(), ["init", "--db", sqlite_url]).exit_code == 0
    for command in (["documents"], ["events"]):
        result = CliRunner().invoke(stage_app(), [*command, "--db", sqlite_url, "--since", "2024-13-45"])
        assert result.exit_code == 2 and "not a date" in result.output


def test_an_unreachable_database_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    bad = "postgresql://nobody@127.0.0.1:1/none"
    for args in (["ingest", str(tmp_path)], ["documents"], ["events"], ["db", "upgrade"]):
        result = CliRunner().invoke(stage_app(), [*args, "--db", bad])
        assert result.exit_code == 2, (args, result.output)
        assert "cannot use the database" in result.output
