"""Vocabularies read through libyaml (`mawgun.safe_yaml`, issue 18) read exactly as with PyYAML's
pure-Python safe loader, for every YAML file the package ships."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import mawgun
from mawgun.safe_yaml import safe_load

SHIPPED = sorted(Path(mawgun.__file__).parent.rglob("*.yaml"))


def test_the_package_ships_vocabularies() -> None:
    assert len(SHIPPED) > 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(Path(mawgun.__file__).parent)))
def test_every_shipped_yaml_reads_as_with_the_pure_python_safe_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506


def test_it_stays_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")
