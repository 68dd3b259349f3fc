"""Fixtures of the web tests: a filled store and a client on the web app over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from web.sample_store import fill_store
from web.signin import bearer


@pytest.fixture
def filled_url(store_url: str) -> str:
    fill_store(store_url)
    return store_url


@pytest.fixture
def client(filled_url: str) -> Iterator[TestClient]:
    from mawgun.web.app import create_app

    with TestClient(create_app(filled_url), headers=bearer(filled_url)) as test_client:
        yield test_client
