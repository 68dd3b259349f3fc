"""Schemathesis hook for the one rule of the API that OpenAPI cannot state: `until` may not come
before `since` (both are query parameters; the schema says it in `until`'s description). Generated
requests that break it are put in order, so a request the schema calls valid really is valid and
the check that valid requests are accepted (`positive_data_acceptance`) holds the API to the rest.
Requests with `until` before `since` are tested on their own (tests/web/test_api.py: a 422).

Loaded by tests/web/test_schemathesis.py (import) and by bench/schemathesis_api.py
(`SCHEMATHESIS_HOOKS=web.schemathesis_hooks`, with tests/ on PYTHONPATH).
"""

from __future__ import annotations

import re
from typing import Any

import schemathesis

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@schemathesis.hook
def map_query(context: Any, query: dict[str, Any] | None) -> dict[str, Any] | None:
    """Swap `since` and `until` when both are dates written YYYY-MM-DD and `until` comes first."""
    if not query:
        return query
    since, until = query.get("since"), query.get("until")
    dates = [value for value in (since, until) if isinstance(value, str) and ISO_DAY.fullmatch(value)]
    if len(dates) == 2 and dates[1] < dates[0]:
        return {**query, "since": until, "until": since}
    return query
