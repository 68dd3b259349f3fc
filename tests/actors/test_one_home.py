"""The actor registry is the one home of actors (issue 11): no other data file in the package declares an
actor or an alliance, or spells a registry actor's full name; the coded-data import maps (ACLED, UCDP)
only translate other datasets' names into registry codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

import mawgun
from mawgun.actors import load_registry

PACKAGE = Path(mawgun.__file__).parent
REGISTRY_FILE = PACKAGE / "actors" / "data" / "actors.yaml"
IMPORT_MAPS = [PACKAGE / "ingest" / "coded" / "data" / name for name in ("acled.yaml", "ucdp.yaml")]
# the sanctioning authorities' wording, keyed by their registry names
SANCTION_WORDING = PACKAGE / "extract" / "lang" / "en" / "sanctions.yaml"


def data_files() -> list[Path]:
    """Every YAML and JSON data file shipped in the package, but the registry and the gazetteer's tables."""
    found = [*PACKAGE.rglob("*.yaml"), *PACKAGE.rglob("*.json")]
    return sorted(p for p in found if p != REGISTRY_FILE and "geo/data" not in p.as_posix())


def declares_actors(data: Any) -> bool:
    """True for a document shaped like the registry: a list of entries with an id and a name or aliases."""
    if not isinstance(data, dict):
        return False
    if "alliances" in data:
        return True
    entries = data.get("actors")
    return isinstance(entries, list) and any(isinstance(e, dict) and "id" in e for e in entries)


def test_only_the_registry_declares_actors_and_alliances() -> None:
    assert data_files(), "no data files found: the test would prove nothing"
    for path in data_files():
        if path.suffix == ".yaml":
            assert not declares_actors(yaml.safe_load(path.read_text(encoding="utf-8"))), path


def scalars(data: Any) -> set[str]:
    """Every string a YAML document holds, keys included."""
    if isinstance(data, dict):
        return {str(k) for k in data} | {s for v in data.values() for s in scalars(v)}
    if isinstance(data, list):
        return {s for v in data for s in scalars(v)}
    return {data} if isinstance(data, str) else set()


def test_no_other_data_file_names_a_registry_actor() -> None:
    names = {actor.name for actor in load_registry().all() if len(actor.name) >= 12}
    assert len(names) > 20
    for path in data_files():
        if path in (*IMPORT_MAPS, SANCTION_WORDING) or path.suffix != ".yaml":
            continue
        assert not names & scalars(yaml.safe_load(path.read_text(encoding="utf-8"))), path


def test_the_import_maps_translate_only_into_registry_codes() -> None:
    codes = {actor.id for actor in load_registry().all()}
    for path in IMPORT_MAPS:
        mapping = yaml.safe_load(path.read_text(encoding="utf-8")).get("actors", {})
        assert mapping, path
        assert set(mapping.values()) <= codes, (path, set(mapping.values()) - codes)


def test_sanctioning_authorities_are_registry_actors_with_only_their_wording_beside_them() -> None:
    names = {actor.name for actor in load_registry().all()}
    authorities = yaml.safe_load(SANCTION_WORDING.read_text(encoding="utf-8"))["authorities"]
    assert len(authorities) >= 5
    assert set(authorities) <= names, set(authorities) - names
