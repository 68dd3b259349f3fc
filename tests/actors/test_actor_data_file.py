"""Specification of the data file: bad entries fail loudly, naming the entry at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from mawgun.actors import RegistryError, load_registry
from mawgun.actors.loader import load_data

MINIMAL = """
version: "test-1"
types: [state force, resistance force, alliance]
sides: [junta, resistance]
actors:
  - {id: MIL, name: Military, type: state force, side: junta, aliases: [junta, {name: SSPC, from: 2025-07-31}]}
  - {id: PDF, name: People's Defence Force, type: resistance force, side: resistance, aliases: [PDF]}
  - {id: ALL, name: An Alliance, type: alliance, side: resistance}
alliances:
  - id: ALL
    members: [{id: PDF, from: 2021-05-05, to: 2022-01-01}]
patterns:
  - rule: unit
    regex: '(?P<unit>[A-Z][a-z]+\\s+)(?P<org>PDF)'
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_data_file_loads(tmp_path: Path) -> None:
    reg = load_registry(write(tmp_path, MINIMAL))
    assert reg.version == "test-1"
    assert [a.id for a in reg.all()] == ["MIL", "PDF", "ALL"]
    assert [(r.actor_id, r.unit) for r in reg.find_actors("Kalay PDF and the junta")] == [
        ("PDF", "Kalay PDF"),
        ("MIL", None),
    ]


def test_the_bundled_data_file_has_a_version_and_every_section() -> None:
    data = load_data()
    assert data.version and data.actors and data.memberships and data.patterns


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (MINIMAL.replace("side: junta, aliases", "side: neither, aliases"), "side 'neither'"),
        (MINIMAL.replace("type: alliance", "type: club"), "type 'club'"),
        (MINIMAL.replace("[PDF]}", "[PDF, junta]}"), "names several actors"),
        (MINIMAL.replace("members: [{id: PDF", "members: [{id: XYZ"), "unknown actor id"),
        (MINIMAL.replace("from: 2021-05-05", "from: someday"), "not an ISO date"),
        (MINIMAL.replace("(?P<org>PDF)'", "(?P<org>PDF'"), "bad or missing regex"),
        (MINIMAL.replace("(?P<org>PDF)", "PDF"), "needs a 'default'"),
        (MINIMAL.replace("side: resistance, aliases: [PDF]}", "side: resistance, parent: NUG}"), "unknown actor"),
        (
            MINIMAL.replace("alliances:", "  - {id: MIL, name: Again, type: state force, side: junta}\nalliances:"),
            "appears twice",
        ),
        ("just text", "expected a mapping"),
        (MINIMAL.replace("alliances:", "not_actors: [Junta]\nalliances:"), "not_actors phrases equal"),
    ],
)
def test_a_malformed_data_file_fails_with_a_clear_message(tmp_path: Path, broken: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        load_registry(write(tmp_path, broken))


def test_a_pattern_is_only_tried_when_one_of_its_required_words_occurs(tmp_path: Path) -> None:
    gated = MINIMAL.replace("  - rule: unit\n", "  - rule: unit\n    requires: [Battalion]\n")
    reg = load_registry(write(tmp_path, gated))
    assert [r.unit for r in reg.find_actors("Kalay PDF held the road")] == [None]
    assert [r.unit for r in reg.find_actors("Kalay PDF held the road with Battalion 3")] == ["Kalay PDF"]
