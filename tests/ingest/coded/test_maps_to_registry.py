"""The coded-data import maps hold only what is truly theirs: each dataset's actor names mapped TO
actor-registry codes. Every code they name must be a registry actor (facts about actors — names,
sides, alliances — live in the registry alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mawgun.actors import get_registry

DATA = Path(__file__).resolve().parents[3] / "mawgun" / "ingest" / "coded" / "data"


@pytest.mark.parametrize("name", ["acled.yaml", "ucdp.yaml"])
def test_every_actor_code_an_import_map_names_is_in_the_registry(name: str) -> None:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert set(data) <= {"version", "actors", "time_precision", "type_of_violence", "date_prec", "where_prec"}
    registry = get_registry()
    unknown = sorted({code for code in data["actors"].values() if registry.get(code) is None})
    assert unknown == []
