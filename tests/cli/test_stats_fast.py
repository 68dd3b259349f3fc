"""`mawgun stats` (the counts) answers without Typer (`mawgun.cli.stats_fast`, issue 18): it reads the
same options as the Typer command, prints what the Typer command prints, loads none of what a count
does not need, and leaves every other call (subcommands, help, usage errors) to the Typer app."""

from __future__ import annotations

import json
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from mawgun.cli import main
from mawgun.cli.app import app
from mawgun.cli.stats_fast import OPTIONS, answer, parse
from tests.cli.test_count_replay import count_in_new_process

# What a count needs none of: the CLI framework, the actor registry and its YAML and fuzzy matching,
# the extraction pipeline, migrations.
NOT_NEEDED = (
    "typer", "click", "rich", "pydantic", "yaml", "rapidfuzz", "alembic", "mawgun.actors.registry",
    "mawgun.extract.pipeline", "mawgun.pipeline",
)  # fmt: skip


def stats_command():
    return get_command(app).commands["stats"]  # type: ignore[attr-defined]


def test_the_fast_path_reads_exactly_the_typer_commands_options() -> None:
    declared = {
        name: (param.name, not param.is_flag)
        for param in stats_command().params
        for name in [*param.opts, *param.secondary_opts]
        if name != "--help"
    }
    assert declared == OPTIONS


@pytest.mark.parametrize(
    "args",
    [
        ["--by", "month,admin1", "--format", "json"],
        ["--by=event_type,sub_event_type", "-f", "csv"],
        ["--by", "month", "--since", "2023-08-01", "--until", "2023-12-31", "--format", "json"],
        ["--by", "admin1", "--admin1", "sagaing region,Magway", "-f", "json"],
        ["--by", "actor", "--side", "resistance", "-f", "json"],
        ["--by", "admin3", "--review", "reviewed", "-f", "csv"],
        ["--by", "year", "--per-report", "-f", "json"],
        ["--by", "month,admin1"],
    ],
)
def test_the_fast_path_prints_what_the_typer_command_prints(db, args, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    typer_result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["stats", *args, "--db", db])
    assert typer_result.exit_code == 0, typer_result.output
    assert answer([*args, "--db", db]) is True
    assert capsys.readouterr().out == typer_result.output
    assert answer([*args, "--db", db]) is True  # again: replayed when the rollup answered (test_count_replay)
    assert capsys.readouterr().out == typer_result.output


def test_the_count_is_the_librarys(db, capsys) -> None:
    assert answer(["--by", "month,admin1", "--format", "json", "--db", db])
    rows = json.loads(capsys.readouterr().out)
    assert [(r["month"], r["admin1"], r["events"], r["fatalities"], r["toll_unknown"]) for r in rows] == [
        ("2023-08", "Sagaing", 2, 5, 1),
        ("2023-11", "Magway", 1, 3, 0),
        ("2024-01", "Kachin", 1, 0, 0),
    ]


def test_the_store_comes_from_the_environment_when_no_db_is_given(db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MAWGUN_DATABASE_URL", db)
    assert answer(["--by", "admin1", "-f", "json"])
    assert {row["admin1"] for row in json.loads(capsys.readouterr().out)} == {"Sagaing", "Magway", "Kachin"}


@pytest.mark.parametrize(
    "args",
    [
        ["peak", "--unit", "month"],  # a subcommand
        ["--help"],
        ["--by", "month", "--by", "year"],  # given twice
        ["--since", "-1"],  # a value that looks like an option
        ["--per-report=yes"],
        ["--no-such-option", "x"],
        ["--by"],  # no value
        ["-fjson"],
    ],
)
def test_anything_else_is_left_to_typer(args) -> None:
    assert parse(args) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "colour"], "cannot group by colour"),
        (["--since", "2023-13-01"], "is not a date"),
        (["--format", "xml"], "choose one of table, csv, json"),
        (["--admin1", "Shann"], "no state/region is called 'Shann'"),
        (["--review", "maybe"], "choose one of"),
    ],
)
def test_a_usage_error_prints_nothing_and_typer_reports_it(db, args, message, capsys, monkeypatch) -> None:
    assert answer([*args, "--db", db]) is False
    assert capsys.readouterr().out == ""
    monkeypatch.setattr(sys, "argv", ["mawgun", "stats", *args, "--db", db])
    with pytest.raises(SystemExit) as stop:
        main.run()
    assert stop.value.code == 2
    assert message in " ".join(capsys.readouterr().err.split())


def test_a_missing_sqlite_file_is_not_created(tmp_path, capsys) -> None:
    missing = tmp_path / "nowhere.db"
    assert answer(["--db", f"sqlite:///{missing}"]) is False
    assert not missing.exists() and capsys.readouterr().out == ""


def test_a_count_loads_no_cli_framework_registry_yaml_or_pipeline(db) -> None:
    rows, loaded = count_in_new_process(db, f"m.startswith({NOT_NEEDED!r})")
    assert len(rows) == 3
    assert loaded == "[]"
