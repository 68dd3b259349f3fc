"""The build script reproduces the packaged data exactly (when ../shared and the geo-build extra exist)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mawgun.geo.buildutil import DATA_DIR

FILES = ("gazetteer.tsv.gz", "geonames_aliases.tsv.gz", "admin1.geojson", "admin2.geojson", "admin3.geojson")


@pytest.mark.shared
def test_build_reproduces_the_committed_data_byte_for_byte(shared_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("shapely")
    pytest.importorskip("shapefile")
    from mawgun.geo.build import build

    counts = build(shared_dir, tmp_path)
    assert counts["village"] == 72_569 and counts["township"] == 358
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
