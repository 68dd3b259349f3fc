"""Fixtures of the sources tests: the local test site and fetch limits small enough for tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sources.testsite import Site, running_site

FAST_FETCH = {"MAWGUN_FETCH_TIMEOUT": "0.5", "MAWGUN_FETCH_RETRIES": "1", "MAWGUN_FETCH_BACKOFF": "0.05"}


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The test site on 127.0.0.1, with short timeouts and back-off for the fetcher."""
    for key, value in FAST_FETCH.items():
        monkeypatch.setenv(key, value)
    with running_site() as running:
        yield running
