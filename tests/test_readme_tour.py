"""The README's tour runs: on a fresh database, after `mawgun demo`, every command of the tour table (and
the file contract's `mawgun extract --in ... --out ...`) runs as written and does what its row says.

Inputs the tour assumes the reader has (a folder of articles, place descriptions, a UCDP file) are written
into the working folder first; placeholders (CAN1 CAN2) become real canonical ids. Commands that reach the
web are run against a local site by tests/sources/test_readme_tour.py; `mawgun serve` is the web tests'.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow, ClusterDecisionRow

ROOT = Path(__file__).resolve().parents[1]
ELSEWHERE = ("mawgun ingest https://", "mawgun sources add", "mawgun watch", "mawgun serve")
ARTICLE = """title: Resistance forces take a police station near Kalay
date: 2023-11-20
outlet: Tour Test Wire

KALAY — Chinland Defence Force fighters captured a police station in Kalay Township, Sagaing Region, on
19 November 2023 after a two-day siege, local sources said.
"""


def tour_commands() -> list[str]:
    """The commands of the README's tour table, with the file contract's extract command (which writes the
    records `mawgun eval` scores) before `mawgun eval`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = text.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    table = [line for line in tour.splitlines() if line.startswith("| ")]
    commands = [c for line in table for c in re.findall(r"`(mawgun [^`]+)`", line)]
    contract = re.findall(r"`(mawgun extract --in [^`]+)`", text)
    scoring = [c for c in commands if c.startswith("mawgun eval")]
    return [c for c in commands if c not in scoring] + contract + scoring


def prepare_inputs(folder: Path, home: Path) -> None:
    """The files the tour's commands read, as a reader would have them."""
    articles = home / "articles"
    articles.mkdir(parents=True)
    (articles / "kalay.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "cases.jsonl").write_text(
        json.dumps({"id": "c1", "text": "a village in Kalay Township, Sagaing Region"}) + "\n", encoding="utf-8"
    )
    shutil.copy(ROOT / "tests" / "ingest" / "coded" / "fixtures" / "ged-sample.csv", folder / "ged.csv")
    doc = {"doc_id": "tour-1", "text": ARTICLE.split("\n\n", 1)[1], "published": "2023-11-20", "outlet": "Tour"}
    (folder / "docs.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")


def as_run(command: str, url: str, home: Path) -> list[str]:
    """The command's arguments, with the reader's paths and placeholders made real."""
    args = shlex.split(command.replace("~/", f"{home}/"))[1:]
    if "CAN1" in args:
        with session_scope(url) as session:
            ids = session.scalars(select(CanonicalEventRow.id).order_by(CanonicalEventRow.id).limit(2)).all()
        args = [{"CAN1": ids[0], "CAN2": ids[1]}.get(a, a) for a in args]
    return args


def test_the_tour_names_the_new_exports() -> None:
    commands = tour_commands()
    assert "mawgun export --format acled-csv --out events.csv" in commands
    assert "mawgun export --format ftm --out sanctions.ftm.json" in commands
    assert "mawgun import acled export.csv" in commands
    assert "mawgun release publish --name 2023-q4 --who amina" in commands


def test_the_readme_tour_runs_on_a_fresh_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, url = tmp_path / "home", f"sqlite:///{tmp_path / 'tour.db'}"
    prepare_inputs(tmp_path, home)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"MAWGUN_DATABASE_URL": url, "MAWGUN_HOME": str(home), "COLUMNS": "120"})
    demo = runner.invoke(app, ["demo", "--fresh"])
    assert demo.exit_code == 0, demo.output
    ran = []
    for command in tour_commands():
        if command.startswith(ELSEWHERE):
            continue
        if command == "mawgun import acled export.csv":
            shutil.copy(tmp_path / "events.csv", tmp_path / "export.csv")  # what the export row wrote
        if command.startswith("mawgun eval"):
            shutil.copy(tmp_path / "records.jsonl", tmp_path / "gold.jsonl")
        password = "a long tour password\n" * 2 if command.startswith("mawgun users add") else None
        result = runner.invoke(app, as_run(command, url, home), input=password)
        assert result.exit_code == 0, f"{command}\n{result.output}"
        ran.append(command)
    assert len(ran) >= 16
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type")
    entities = [json.loads(line) for line in (tmp_path / "sanctions.ftm.json").read_text().splitlines()]
    assert any(e["schema"] == "Sanction" for e in entities)  # the demo corpus reports sanctions
    assert list((tmp_path / "reports").glob("monthly-2023-11.*"))
    assert json.loads((tmp_path / "preds.jsonl").read_text().splitlines()[0])["admin1"] == "Sagaing"
    with session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(ClusterDecisionRow)) == 1  # the merge
        origins = set(session.scalars(select(CanonicalEventRow.origin).distinct()))
    assert {"mawgun", "ucdp", "acled"} <= origins
    released = [json.loads(line) for line in (tmp_path / "release.jsonl").read_text().splitlines()]
    assert len(released) == 1  # the one event accepted before the release was published
