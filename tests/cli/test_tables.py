"""Tables fit an 80-column terminal without cutting a word across lines or dropping a column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.cli.tables import make_table

CODEBOOK = Path(__file__).resolve().parents[1] / "report" / "fixtures" / "acled-codebook.csv"
RULE = re.compile(r"^[\s─━]*$")


def words_of(texts: list[str]) -> set[str]:
    return {word for text in texts for word in text.split()}


def check_words_whole(rendered: str, data: list[str], width: int = 80) -> None:
    """Every line fits; every word shown is a word of the data, or its start ending in an ellipsis."""
    words = words_of(data)
    for line in rendered.splitlines():
        assert len(line) <= width, line
        if RULE.match(line):
            continue
        for token in line.split():
            if token.endswith("…"):
                assert any(word.startswith(token[:-1]) for word in words), (token, line)
            else:
                assert token in words, (token, line)


def render(table: object, width: int = 80) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(table)
    return console.export_text()


ROWS = [
    ["cev-38af64647640bad5", "2024-08-03", "Non-violent transfer of territory", "Rakhine (state/region only)", "2"],
    ["cev-c0001dcb46713f5c", "week of 2024-01-15", "Explosions/Remote violence", "Hpa-an, Kayin", ""],
    ["cev-130ec97c1aaa7755", "Jan 2024", "Looting/property destruction", "Laukkaing, Shan", "165"],
]
COLUMNS = ["id", "date", "event", "place", "deaths"]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_cells_wrap_between_words_and_ids_stay_whole(width: int) -> None:
    rendered = render(make_table(COLUMNS, ROWS, width=width), width)
    check_words_whole(rendered, [*COLUMNS, *(cell for row in ROWS for cell in row)], width)
    for row in ROWS:
        assert row[0] in rendered and (row[1].split()[-1] in rendered)  # ids and dates whole


def test_a_crowded_table_shortens_words_but_keeps_every_column() -> None:
    columns = [f"column_{n}" for n in range(12)]
    rows = [[f"value{n}-{'x' * n}" for n in range(12)]]
    rendered = render(make_table(columns, rows, width=80))
    check_words_whole(rendered, [*(c.replace("_", " ") for c in columns), *rows[0]])
    header = rendered.splitlines()[:3]
    assert sum(token.startswith("co") for line in header for token in line.split()) == 12  # none cropped


@pytest.fixture(scope="module")
def acled_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('tables') / 'store.db'}"
    assert CliRunner().invoke(app, ["import", "acled", str(CODEBOOK), "--db", url]).exit_code == 0
    return url


@pytest.mark.parametrize(
    ("args", "headings"),
    [
        (["events", "--per-report"], ["id", "date", "event", "place", "actors"]),
        (["events"], ["id", "date", "event", "place", "actors"]),
        (["stats", "--by", "month,admin1"], ["month", "admin1", "events", "toll"]),
        (["stats", "--by", "month,admin1,event_type"], ["month", "admin1", "event", "toll"]),
    ],
)
def test_commands_print_tables_that_fit_80_columns(acled_store: str, args: list[str], headings: list[str]) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, [*args, "--db", acled_store])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for heading in headings:
        assert heading in result.output
    for broken in ("gion", "itory", "ction"):  # ends of words cut across lines before
        assert not any(token == broken for line in lines for token in line.split())
