"""`mawgun demo`: ingests the bundled corpus, runs the pipeline and summarises the store."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from mawgun.demo import corpus_dir

REPORT = "title: Mindat shelled\noutlet: Test Wire\nkind: news\ndate: 2021-05-15\n\nJunta artillery shelled Mindat."


def demo_app() -> typer.Typer:
    from mawgun.demo import commands

    app = typer.Typer()
    commands.register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps `demo` a named subcommand
        """Nothing."""

    return app


def pipeline_ready() -> str | None:
    """Why the full demo cannot run, or None when it can (the corpus ships with the package)."""
    if not corpus_dir().is_dir() or not any(corpus_dir().iterdir()):
        return "the demo corpus (mawgun/demo/corpus/) is missing"
    return None


def test_demo_ingests_a_corpus_and_summarises_it_without_a_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mindat.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr("mawgun.demo.run.corpus_dir", lambda: corpus)
    monkeypatch.setattr("mawgun.demo.run.run_pipeline", lambda url, console: None)
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(demo_app(), ["demo", "--db", url])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "news" in result.output and "mawgun serve" in result.output
    again = CliRunner().invoke(demo_app(), ["demo", "--db", url, "--fresh"])
    assert again.exit_code == 0 and "ingested 1 new" in again.output  # --fresh started from nothing


def test_fresh_refuses_to_drop_a_postgresql_database() -> None:
    result = CliRunner().invoke(demo_app(), ["demo", "--db", "postgresql://u@localhost/x", "--fresh"])
    assert result.exit_code == 2 and "SQLite" in result.output


def test_demo_runs_end_to_end_on_the_bundled_corpus_and_again_adds_nothing(tmp_path: Path) -> None:
    reason = pipeline_ready()
    if reason:
        pytest.skip(reason)
    from mawgun.demo.run import corpus_files
    from mawgun.store.db import session_scope
    from mawgun.store.summary import summarise_store

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(demo_app(), ["demo", "--db", url, "--fresh"])
    assert result.exit_code == 0, result.output
    with session_scope(url) as session:
        first = summarise_store(session)
    assert first["documents"] >= len(corpus_files()) >= 5  # feeds hold several documents
    assert first["event_reports"] > 0 and first["canonical_events"] > 0
    assert "Next steps" in result.output and "mawgun serve" in result.output
    again = CliRunner().invoke(demo_app(), ["demo", "--db", url])
    assert again.exit_code == 0 and "ingested 0 new" in again.output
    with session_scope(url) as session:
        second = summarise_store(session)
    assert (second["documents"], second["event_reports"]) == (first["documents"], first["event_reports"])
