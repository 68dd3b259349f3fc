"""Specification of `mawgun actors resolve` and `mawgun actors list`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mawgun.cli.main import app

runner = CliRunner()


def test_resolve_prints_each_actor_with_code_side_parent_and_unit() -> None:
    result = runner.invoke(app, ["actors", "resolve", "--json", "Kawlin PDF fought the Arakan Army"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["code"], r["unit"], r["parent"], r["side"]) for r in rows] == [
        ("PDF", "Kawlin PDF", "NUG", "resistance"),
        ("AA", None, "ULA", "resistance"),
    ]
    assert "3BHA" in rows[1]["alliances"]


def test_resolve_as_a_table_shows_the_code() -> None:
    result = runner.invoke(app, ["actors", "resolve", "the Tatmadaw"])
    assert result.exit_code == 0 and "MIL" in result.output


def test_resolve_uses_the_date_for_alliances() -> None:
    result = runner.invoke(app, ["actors", "resolve", "--json", "--date", "2018-01-01", "TNLA"])
    assert "3BHA" not in json.loads(result.output)[0]["alliances"]


def test_resolve_with_nothing_found_exits_non_zero() -> None:
    result = runner.invoke(app, ["actors", "resolve", "the weather today"])
    assert result.exit_code == 1


def test_resolve_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["actors", "resolve", "--date", "yesterday", "KIA"])
    assert result.exit_code != 0 and "ISO date" in result.output


def test_list_filters_by_side() -> None:
    result = runner.invoke(app, ["actors", "list", "--side", "junta"])
    assert result.exit_code == 0
    assert "MIL" in result.output and "KIA" not in result.output
