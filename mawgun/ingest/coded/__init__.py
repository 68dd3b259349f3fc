"""Imports of coded event data (UCDP GED, ACLED) into Mawgun's store.

Each imported row becomes one event report (`events`, origin "ucdp"/"acled", `origin_id` the
dataset's own id) and one canonical event (`canonical_events`, same origin): coded datasets are
already deduplicated. Ids derive from origin ids, so importing the same file twice changes nothing.
"""

from mawgun.ingest.coded.acled import import_acled
from mawgun.ingest.coded.common import ImportReport
from mawgun.ingest.coded.ucdp import import_ucdp

__all__ = ["ImportReport", "import_acled", "import_ucdp"]
