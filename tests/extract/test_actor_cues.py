"""One home for actor names: the actor registry (`mawgun/actors/data/actors.yaml`). The extractor's
role cues (`mawgun/extract/lang/en/actors.yaml`) hold only wording for actors the registry cannot name
("troops", "villager", "masked gunmen"), so no name or alias of the registry may be matched by a cue,
and every cue code is a registry actor."""

from __future__ import annotations

import datetime as dt

import pytest

from mawgun.actors.loader import load_data
from mawgun.extract.actors import find_actors, get_registry
from mawgun.extract.vocab import compile_pattern, load_vocabulary

REGISTRY = load_data()
ROLES: dict[str, str] = load_vocabulary("actors")["roles"]


def registry_names() -> list[tuple[str, str]]:
    """(name, code) of every English alias and full name in the registry."""
    names = [(alias.name, alias.actor_id) for alias in REGISTRY.aliases]
    return names + [(actor.name, actor.id) for actor in REGISTRY.actors.values()]


@pytest.mark.parametrize("code", sorted(ROLES))
def test_no_registry_name_is_also_a_role_cue(code: str) -> None:
    cue = compile_pattern(ROLES[code])
    repeated = sorted({name for name, _ in registry_names() if cue.fullmatch(name)})
    assert not repeated, f"{code} cues repeat registry names {repeated}: keep them in the registry only"


def test_every_role_cue_codes_a_registry_actor() -> None:
    assert set(ROLES) <= set(REGISTRY.actors)


@pytest.mark.parametrize(
    ("sentence", "name", "code", "by_registry"),
    [
        ("Junta troops shelled the village.", "Junta", "MIL", True),  # a registry alias
        ("Soldiers shelled the village.", "Soldiers", "MIL", False),  # a cue
        ("Shopkeepers fled the shelling.", "Shopkeepers", "CIV", False),
        ("Unknown gunmen shot a shopkeeper.", "Unknown gunmen", "UNK", True),
        ("Police arrested a villager.", "Police", "POL", True),
    ],
)
def test_names_come_from_the_registry_and_wording_from_the_cues(
    sentence: str, name: str, code: str, by_registry: bool
) -> None:
    found = find_actors(sentence, 0, len(sentence), dt.date(2024, 3, 1))
    first = found[0]
    assert (first.name.split()[0], first.actor_id) == (name.split()[0], code)
    named = get_registry().find_actors(sentence, 0, dt.date(2024, 3, 1))
    assert any(a.span is not None and a.span.start == 0 for a in named) is by_registry
