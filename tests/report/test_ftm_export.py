"""`mawgun export --format ftm`: sanctions as FollowTheMoney entities, checked with the library's own model.

The article is written for these tests, in our own words, about sanctions really imposed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mawgun.cli.main import app
from mawgun.report.ftm import target_schema

ftm = pytest.importorskip("followthemoney")

ARTICLE = """title: Washington, Brussels and London add junta suppliers to sanctions lists
date: 2023-11-01
outlet: Test Wire
url: https://test-wire.example/sanctions

The United States Treasury on 31 October 2023 imposed sanctions on Myanma Oil and Gas Enterprise, banning
US persons from providing financial services to the state firm.

The European Union imposed sanctions on Myanma Oil and Gas Enterprise on 21 February 2022.

On 24 March 2023 the United Kingdom imposed an asset freeze on Asia Sun Trading Co. Ltd, which supplies aviation
fuel to the air force.

The United States sanctioned Commander-in-Chief Min Aung Hlaing on 11 February 2021.
"""


@pytest.fixture(scope="module")
def sanction_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store whose sanctions come from the article through the real pipeline."""
    from mawgun.ingest import ingest_paths
    from mawgun.pipeline import process_store

    base = tmp_path_factory.mktemp("ftm")
    (base / "sanctions.txt").write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{base / 'store.db'}"
    ingest_paths([base / "sanctions.txt"], url, progress=False)
    process_store(url, progress=False)
    return url


def export(url: str, out: Path, *options: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["export", "--format", "ftm", "--out", str(out), "--db", url, *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_line_is_a_valid_followthemoney_entity(sanction_store: str, tmp_path: Path) -> None:
    from followthemoney import model

    entities = export(sanction_store, tmp_path / "sanctions.ftm.json")
    by_id = {}
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert set(data["properties"]) <= set(proxy.schema.properties)
        assert all(proxy.get(name) for name in proxy.schema.required), data
        by_id[proxy.id] = proxy
    assert len(by_id) == len(entities)  # each entity once
    sanctions = [p for p in by_id.values() if p.schema.name == "Sanction"]
    targets = {p.first("name"): p for p in by_id.values() if p.schema.is_a(model.get("LegalEntity"))}
    assert len(sanctions) == 4 and len(targets) == 3  # MOGE, sanctioned twice, is one entity
    assert {name: p.schema.name for name, p in targets.items()} == {
        "Myanma Oil and Gas Enterprise": "Company",
        "Asia Sun Trading Co. Ltd": "Company",
        "Min Aung Hlaing": "Person",
    }
    for sanction in sanctions:
        [target_id] = sanction.get("entity")
        target = by_id[target_id]
        assert target.first("name") in sanction.first("summary")  # the evidence names the target
        assert sanction.first("sourceUrl") == "https://test-wire.example/sanctions"
        assert sanction.first("publisher") == "Test Wire" and sanction.first("recordId").startswith("sanc-")
    freeze = next(s for s in sanctions if s.first("authority") == "United Kingdom")
    assert (freeze.first("startDate"), freeze.first("provisions")) == ("2023-03-24", "asset freeze")
    assert {s.first("authority") for s in sanctions} == {"United States", "European Union", "United Kingdom"}


def test_since_and_until_select_sanctions_by_date(sanction_store: str, tmp_path: Path) -> None:
    entities = export(sanction_store, tmp_path / "s.json", "--since", "2023-01-01", "--until", "2023-12-31")
    assert sorted(e["properties"]["startDate"][0] for e in entities if e["schema"] == "Sanction") == [
        "2023-03-24",
        "2023-10-31",
    ]


def test_event_filters_are_refused_for_sanctions(sanction_store: str, tmp_path: Path) -> None:
    args = ["export", "--format", "ftm", "--out", str(tmp_path / "s.json"), "--admin1", "Shan", "--db", sanction_store]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, args)
    assert result.exit_code == 2 and "--since/--until only" in result.output


def test_a_missing_extra_names_it_and_writes_nothing(
    sanction_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # as if the library were not installed
    out = tmp_path / "s.json"
    args = ["export", "--format", "ftm", "--out", str(out), "--db", sanction_store]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, args)
    assert result.exit_code == 2 and "mawgun[ftm]" in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("Myanmar Economic Holdings Public Company Limited", "Company"),
        ("77th Light Infantry Division", "Organization"),
        ("Myanmar Police Force", "Organization"),
        ("U Tay Za", "Person"),
        ("Thein Win Zaw", "Person"),
        ("Shwe Byain Phyu", "LegalEntity"),  # a company by another name: the name alone does not say
        ("Zayar", "LegalEntity"),
    ],
)
def test_the_target_schema_is_what_the_name_says_or_legal_entity(name: str, schema: str) -> None:
    assert target_schema(name) == schema
