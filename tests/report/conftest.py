"""A small store for report tests, filled through the real pipeline (ingest, extract, deduplicate).

The articles are written for these tests, in our own words, about real events of November 2023.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "kawlin.txt": """title: Resistance fighters take Kawlin town
date: 2023-11-07
outlet: Test Wire
url: https://test-wire.example/kawlin

KAWLIN — People's Defence Force fighters captured the town of Kawlin in Sagaing Region on Monday,
6 November 2023, after several days of fighting, the National Unity Government said.
""",
    "loikaw.txt": """title: Jets bomb Loikaw <script>alert('x')</script>
date: 2023-11-15
outlet: Karenni Test News
url: https://karenni-test.example/loikaw

LOIKAW — Junta jets bombed wards in the north of Loikaw, the capital of Kayah State, on Tuesday,
14 November 2023, killing three civilians, residents said.
""",
    "statement.txt": """title: Statement on the bombing of civilians in Kayah State
date: 2023-11-16
outlet: Rights Test Group

We condemn the air strikes on Loikaw town on 14 November 2023, which killed civilians.
""",
}


def write_articles(folder: Path) -> list[Path]:
    """The test articles as text files with header blocks."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def report_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the articles above, processed by the real pipeline."""
    from mawgun.ingest import ingest_paths
    from mawgun.pipeline import process_store

    base = tmp_path_factory.mktemp("report_store")
    url = f"sqlite:///{base / 'store.db'}"
    ingest_paths(write_articles(base / "articles"), url, progress=False)
    process_store(url, progress=False)
    return url


@pytest.fixture
def article_files(tmp_path: Path) -> list[Path]:
    """The test articles written into this test's temporary folder."""
    return write_articles(tmp_path / "articles")
