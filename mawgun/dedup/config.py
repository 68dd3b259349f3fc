"""Deduplication settings: `settings.yaml` beside this module (weights, thresholds, vocabularies)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SETTINGS_PATH = Path(__file__).with_name("settings.yaml")


@lru_cache(maxsize=1)
def load_settings() -> dict[str, Any]:
    """The deduplication settings (weights, thresholds, vocabularies) from settings.yaml."""
    with SETTINGS_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
