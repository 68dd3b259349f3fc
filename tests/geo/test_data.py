"""Specifications of the packaged geography data (built by `python -m mawgun.geo.build`)."""

from __future__ import annotations

import json
import re

import pytest

from mawgun.geo import boundaries_path, get_geocoder
from mawgun.geo.gazetteer import read_vocabulary

FIFTEEN = {
    "Kachin", "Kayah", "Kayin", "Chin", "Sagaing", "Tanintharyi", "Bago", "Magway", "Mandalay", "Mon",
    "Rakhine", "Yangon", "Shan", "Ayeyarwady", "Nay Pyi Taw",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz():
    return get_geocoder().gaz


def test_every_state_pcode_maps_to_one_of_the_fifteen_names(gaz):
    assert set(gaz.admin1_of.values()) == FIFTEEN
    assert gaz.admin1_of["MMR015"] == "Shan" and gaz.admin1_of["MMR008"] == "Bago"


def test_every_township_has_a_point_a_state_and_a_legacy_district(gaz):
    townships = [e for e in gaz.by_pcode.values() if e.level == "township"]
    assert len(townships) == 358
    for township in townships:
        assert township.lat is not None and 9 < township.lat < 29 and 92 < township.lon < 102, township.pcode
        assert gaz.admin1(township) in FIFTEEN
        assert township.legacy_district, township.pcode


def test_kokang_and_wa_sub_townships_are_in_the_gazetteer(gaz):
    chinshwehaw = gaz.get("MMR015203")
    assert chinshwehaw is not None and chinshwehaw.lat is not None
    assert gaz.get("MMR015301").name == "Nam Tit"


def test_villages_are_all_present_and_lazily_parsed(gaz):
    assert len(gaz._position) > 72_569  # villages plus wards and village tracts
    village = gaz.get("178937")
    assert village.name == "Pyin Yae Gyi" and village.level == "village" and village.township == "MMR007005"


def test_every_alias_resolves_to_a_gazetteer_unit(gaz):
    missing = [row["alias"] for row in read_vocabulary("aliases.tsv") if not gaz.targets_of(row["target"])]
    assert missing == []


@pytest.mark.parametrize(("level", "count"), [("admin1", 18), ("admin2", 80), ("admin3", 330)])
def test_boundary_layers_have_one_feature_per_unit_with_rounded_coordinates(level, count):
    text = boundaries_path(level).read_text(encoding="utf-8")
    data = json.loads(text)
    assert len(data["features"]) == count
    props = data["features"][0]["properties"]
    assert {"pcode", "name", "state"} <= set(props)
    assert not re.search(r"\d\.\d{5,}", text)


def test_boundary_layers_stay_small():
    total = sum(boundaries_path(level).stat().st_size for level in ("admin1", "admin2", "admin3"))
    assert total < 3_000_000
