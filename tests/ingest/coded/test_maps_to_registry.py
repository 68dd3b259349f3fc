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
    reading = {"version", "actors", "time_precision", "type_of_violence", "date_prec", "where_prec"}
    writing = {"columns", "date_format", "country", "names", "armed_types", "inter", "disorder"}
    writing |= {"disorder_by_sub_type", "unknown_fatalities_tag"}  # ACLED's vocabulary, for acled-csv exports
    assert set(data) <= reading | writing
    registry = get_registry()
    codes = {*data["actors"].values(), *data.get("names", {})}
    unknown = sorted({code for code in codes if registry.get(code) is None})
    assert unknown == []
