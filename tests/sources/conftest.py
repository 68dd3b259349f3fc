"""Fixtures of the sources tests: the local test site and fetch limits small enough for tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sources.testsite import Site, running_site

FAST_FETCH = {"MAWGUN_FETCH_TIMEOUT": "0.5", "MAWGUN_FETCH_RETRIES": "1", "MAWGUN_FETCH_BACKOFF": "0.05"}
# Crash tests compare a killed-then-rerun round with a clean one, so every answer must come in time
# whatever the machine's load (at load 12-15 a 0.5 s read timeout sometimes failed the 0.3 s slow
# article, or robots.txt, in one run and not the other); /timeout then sleeps past this timeout.
CRASH_FETCH = {**FAST_FETCH, "MAWGUN_FETCH_TIMEOUT": "2"}
CRASH_SITE_TIMEOUT_S = 5.0


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The test site on 127.0.0.1, with short timeouts and back-off for the fetcher."""
    for key, value in FAST_FETCH.items():
        monkeypatch.setenv(key, value)
    with running_site() as running:
        yield running
