"""Fixtures of the CLI tests: a small store of canonical events, and a MAWGUN_HOME of each test's own
(so kept count statements, `mawgun.cli.count_replay`, never land in the user's home)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mawgun.store.db import session_scope
from mawgun.store.schema import CanonicalEventRow

AIR = ("Explosions/Remote violence", "Air/drone strike")
CLASH = ("Battles", "Armed clash")
EVENTS = [
    ("2023-08-03", *AIR, ["MIL"], ["CIV"], 5, "Sagaing", "Kanbalu"),
    ("2023-08-09", *AIR, ["MIL"], ["CIV"], None, "Sagaing", "Kanbalu"),
    ("2023-11-06", *CLASH, ["PDF"], ["MIL"], 3, "Magway", "Pauk"),
    ("2024-01-20", *CLASH, ["KIA"], ["MIL"], 0, "Kachin", None),
]


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("MAWGUN_HOME", str(home))
    return home


def add_events(url: str, events: list[tuple], prefix: str = "ce-cli", refresh: bool = True) -> None:  # type: ignore[type-arg]
    """Canonical events (day, type, sub-type, actor1, actor2, toll, state/region, township); with
    `refresh`, their months recounted in the rollup as a writing command does (else left marked:
    a reader then refreshes them, unless another refresh holds the lock, as other tests' can on a
    shared PostgreSQL server)."""
    from mawgun.store.rollup import refresh_rollups

    with session_scope(url) as session:
        for i, (day, kind, sub, one, two, toll, state, township) in enumerate(events):
            session.add(
                CanonicalEventRow(
                    id=f"{prefix}-{i}",
                    event_type=kind,
                    sub_event_type=sub,
                    date=dt.date.fromisoformat(day),
                    actor1=one,
                    actor2=two,
                    fatalities_best=toll,
                    origin="mawgun",
                    admin1=state,
                    admin3=township,
                )  # fmt: skip
            )
        if refresh:
            session.flush()
            refresh_rollups(session)


@pytest.fixture
def db(store_url: str) -> str:
    """The four events above, on SQLite (and PostgreSQL when MAWGUN_TEST_POSTGRES_URL is set)."""
    add_events(store_url, EVENTS)
    return store_url
