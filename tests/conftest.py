"""Fixtures shared by the whole suite.

- `store_url`: a fresh, migrated database for each test, on SQLite and, when
  MAWGUN_TEST_POSTGRES_URL is set, on PostgreSQL too (each test in its own schema, so runs
  in parallel never see each other's rows).
- `sqlite_url`: a fresh SQLite database only (for tests that are about SQLite itself).
- `shared_dir`: the project's ../shared folder (benchmarks, seeds, geography); tests that use it
  are skipped cleanly when it is absent, as on a fresh clone.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ENV = "MAWGUN_TEST_POSTGRES_URL"


def find_shared() -> Path | None:
    """../shared beside the checkout, or MAWGUN_SHARED; None when absent."""
    candidate = Path(os.environ.get("MAWGUN_SHARED", REPO_ROOT.parent / "shared"))
    return candidate if (candidate / "bench").is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = find_shared()
    if path is None:
        pytest.skip("../shared is absent (fresh clone): benchmark data not available")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mawgun-test.db'}"


def _postgres_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    from sqlalchemy import create_engine, text

    from mawgun.store.db import resolve_url

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(resolve_url(base))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _postgres_schema_url(base, schema)
    finally:
        from mawgun.store import db

        db.get_engine.cache_clear()
        db._ensured.cache_clear()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL: SQLite always, PostgreSQL when MAWGUN_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'mawgun-test.db'}"
    return request.getfixturevalue("postgres_url")
