"""Death tolls in counts: unknown is not zero.

A count row carries `events`, `toll_known` (events whose toll is known), `toll_unknown` and the
sums `fatalities`, `fatalities_low`, `fatalities_high` over the known tolls only. When no event of
a row has a known toll the sums are None, never 0: "0 deaths" would claim what no source said.
Every face (dashboard, reports, `mawgun stats`, the API) totals and prints tolls through here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SUMS = ("fatalities", "fatalities_low", "fatalities_high")
RAW = ("events", "toll_known", *SUMS)


def finish_tolls(row: dict[str, Any]) -> dict[str, Any]:
    """Make a raw count row honest: ints, `toll_unknown`, and None sums where no toll is known."""
    for name in RAW:
        row[name] = int(row.get(name) or 0)
    row["toll_unknown"] = row["events"] - row["toll_known"]
    if not row["toll_known"]:
        for name in SUMS:
            row[name] = None
    return row


def sum_tolls(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Totals over count rows: events, known/unknown tolls and the sums of known tolls (None if none)."""
    total = dict.fromkeys(RAW, 0)
    for row in rows:
        for name in RAW:
            total[name] += int(row.get(name) or 0)
    return finish_tolls(total)


def toll_change(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Change in the best-estimate toll. No difference is computed when either side has an event whose
    toll is unknown: sums over different shares of known tolls are not comparable (a month with one
    known toll of 0 and nine unknown ones is not "-100%" against a month whose tolls were all told)."""
    b, a = before.get("fatalities"), after.get("fatalities")
    if b is None or a is None or before.get("toll_unknown") or after.get("toll_unknown"):
        return {"before": b, "after": a, "change": None, "change_pct": None}
    return {"before": b, "after": a, "change": a - b, "change_pct": round(100.0 * (a - b) / b, 1) if b else None}


def describe_toll(row: dict[str, Any]) -> str:
    """'12 deaths (toll unknown for 3 events)', 'toll unknown for 5 events' or '0 deaths'."""
    unknown = int(row.get("toll_unknown") or 0)
    note = f"toll unknown for {unknown} event{'' if unknown == 1 else 's'}"
    if row.get("fatalities") is None:
        return note if unknown else "no events"
    deaths = f"{row['fatalities']:,} death{'' if row['fatalities'] == 1 else 's'}"
    return f"{deaths} ({note})" if unknown else deaths
