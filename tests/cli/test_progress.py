"""Import, export, report and dedup show a progress bar to a person at a terminal, and stay quiet with
`--quiet` or when their output is not a terminal (piped, or a test's captured output)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.report.acled import acled_columns

TERMINAL = {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "COLUMNS": "120"}  # Rich's forced terminal
ROWS = 1200


def acled_file(path: Path) -> Path:
    """An ACLED export of ROWS clashes in Sagaing, one a day from January 2022 (made up, numbered)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, acled_columns())
        writer.writeheader()
        for n in range(ROWS):
            day = f"2022-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}"
            writer.writerow(
                {
                    "event_id_cnty": f"MMRP{n:05d}",
                    "event_date": day,
                    "year": 2022,
                    "time_precision": 1,
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "actor1": "Military Forces of Myanmar (2021-)",
                    "actor2": "PDF: People's Defense Force",
                    "admin1": "Sagaing",
                    "admin3": "Kale",
                    "fatalities": n % 4,
                }
            )
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    base = tmp_path_factory.mktemp("progress")
    url = f"sqlite:///{base / 'store.db'}"
    result = CliRunner(env=TERMINAL).invoke(app, ["import", "acled", str(acled_file(base / "a.csv")), "--db", url])
    assert result.exit_code == 0, result.output
    assert "Importing acled" in result.output and f"{ROWS}/{ROWS}" in result.output  # the bar, to its end
    return url, base


def invoke(args: list[str], env: dict[str, str] | None) -> str:
    result = CliRunner(env=env).invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_import_shows_progress_only_at_a_terminal(store: tuple[str, Path]) -> None:
    url, base = store
    path = str(base / "a.csv")
    assert "Importing acled" not in invoke(["import", "acled", path, "--db", url, "--quiet"], TERMINAL)
    assert "Importing acled" not in invoke(["import", "acled", path, "--db", url], None)  # not a terminal


def test_export_shows_progress_over_every_row(store: tuple[str, Path]) -> None:
    url, base = store
    args = ["export", "--format", "acled-csv", "--out", str(base / "out.csv"), "--db", url]
    shown = invoke(args, TERMINAL)
    assert "Exporting acled-csv" in shown and f"{ROWS}/{ROWS}" in shown
    assert "Exporting" not in invoke([*args, "--quiet"], TERMINAL)
    assert "Exporting" not in invoke(args, None)


def test_report_shows_progress_over_its_parts(store: tuple[str, Path]) -> None:
    url, base = store
    args = ["report", "monthly", "--month", "2022-03", "--out", str(base / "reports"), "--db", url]
    assert "Report for" in invoke(args, TERMINAL)
    assert "Report for" not in invoke([*args, "-q"], TERMINAL)


def test_dedup_is_quiet_when_asked(store: tuple[str, Path]) -> None:
    url, _ = store
    assert "deduplicating" in invoke(["dedup", "--db", url, "--full"], TERMINAL)
    assert "deduplicating" not in invoke(["dedup", "--db", url, "--full", "--quiet"], TERMINAL)
    assert "deduplicating" not in invoke(["dedup", "--db", url, "--full"], None)
