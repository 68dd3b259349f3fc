"""Imports of coded event data (UCDP GED, ACLED) into Mawgun's store.

Each imported row becomes one event report (`events`, origin "ucdp"/"acled", `origin_id` the
dataset's own id) and one canonical event (`canonical_events`, same origin): coded datasets are
already deduplicated. Ids derive from origin ids, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mawgun.ingest.coded.acled import import_acled
    from mawgun.ingest.coded.common import ImportReport
    from mawgun.ingest.coded.ucdp import import_ucdp

__all__ = ["ImportReport", "import_acled", "import_ucdp"]
HOMES = {"ImportReport": "common", "import_acled": "acled", "import_ucdp": "ucdp"}


def __getattr__(name: str) -> Any:
    """The names above, imported on first use (PEP 562): the CLI imports `mawgun.ingest.coded.commands`
    without loading SQLAlchemy and the readers, so `mawgun --help` stays fast."""
    if name in HOMES:
        return getattr(importlib.import_module(f"mawgun.ingest.coded.{HOMES[name]}"), name)
    raise AttributeError(f"module 'mawgun.ingest.coded' has no attribute {name!r}")
