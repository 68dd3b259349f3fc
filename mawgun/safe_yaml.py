"""YAML vocabularies read with libyaml's C parser when PyYAML has it (issue 18).

`yaml.safe_load` parses in pure Python: the actor registry's 31 kB `actors.yaml` took 71 ms, 9 ms with
`yaml.CSafeLoader` (the same safe constructor over libyaml's parser). Every shipped vocabulary reads
the same either way (`tests/test_safe_yaml.py`); without libyaml the pure-Python loader is used.
"""

from __future__ import annotations

from typing import IO, Any


def safe_load(stream: str | IO[str]) -> Any:
    """`yaml.safe_load(stream)`, through libyaml when it is installed."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(stream, Loader=loader)  # noqa: S506  (a safe loader: SafeLoader or its C twin)
