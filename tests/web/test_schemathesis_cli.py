"""Schemathesis over the whole API as its CLI runs it: every check (`--checks all`: server errors,
status codes, content types, headers and bodies against the schema, invalid requests refused, valid
requests accepted, missing headers, unsupported methods, ...) and every phase (the schema's examples,
coverage of each parameter's boundaries, fuzzing, stateful sequences following the API's links),
against `mawgun serve` over real HTTP. A CI-sized run: 5 examples per operation, without the coverage
phase (which tries every value of every enum: each of the 658 townships); `bench/schemathesis_api.py`
runs every phase at full size. 0 failures."""

from __future__ import annotations

from pathlib import Path

from web.sample_store import fill_store
from web.schemathesis_run import run_schemathesis
from web.test_sources_health import fill_sources


def fill(url: str) -> None:
    """The web tests' events and documents, and watched sources with their timestamps."""
    fill_store(url)
    fill_sources(url)


def test_schemathesis_with_every_check_and_phase_finds_no_failure(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    outcome = run_schemathesis(url, fill, max_examples=5, phases="examples,fuzzing,stateful")
    assert outcome.operations >= 17, outcome.output[-3000:]
    assert outcome.generated > 100, outcome.output[-3000:]
    assert (outcome.returncode, outcome.failures) == (0, 0), outcome.output[-6000:]
