"""Property-based API test over every operation: requests generated from the app's own OpenAPI
schema, valid and invalid (positive and negative generation), never cause a 5xx, invalid ones are
refused with a 4xx, valid ones are accepted, and every answer matches the status codes, content
types, headers and bodies the schema declares. `test_schemathesis_cli.py` runs every check and
phase of the schemathesis CLI over real HTTP; `bench/schemathesis_api.py` runs it at full size.

Each API operation gets a bounded number of generated requests (`EXAMPLES`), so the whole run
stays around a minute. Driven through Hypothesis directly (schemathesis's pytest loader does not
run under this pytest version).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import web.schemathesis_hooks  # noqa: F401  (puts generated since/until in order: the one rule OpenAPI cannot state)
from web.sample_store import fill_store
from web.signin import bearer

EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,  # invalid input (a date written `0`, a NUL in text) must be refused with a 4xx
    positive_data_acceptance,  # valid input (by the schema: state/region spellings, distinct group keys) is accepted
]
# Generated both ways: requests the schema allows (positive) and requests it forbids (negative).
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)


@pytest.fixture
def api_schema(tmp_path: Path):  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    url = f"sqlite:///{tmp_path / 'api.db'}"
    fill_store(url)
    app = create_app(url)
    return schemathesis.openapi.from_asgi("/openapi.json", signed_in(app, bearer(url)["Authorization"]))


def signed_in(app, authorization: str):  # type: ignore[no-untyped-def]
    """The app with an API token added to every request (the app is private: every call needs a user)."""

    async def call(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] == "http":
            scope = {**scope, "headers": [*scope["headers"], (b"authorization", authorization.encode())]}
        await app(scope, receive, send)

    return call


def check_operation(operation, mode) -> None:  # type: ignore[no-untyped-def]
    @given(case=operation.as_strategy(generation_mode=mode))
    # derandomize: the same requests on every run, so CI answers for the code, not for the draw (the CLI
    # test runs with a fixed seed too); bench/schemathesis_api.py draws afresh at full size.
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    def run(case) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(checks=CHECKS)

    try:
        run()
    except Exception as exc:
        if "Unable to satisfy assumptions" in str(exc):  # no parameter of this operation can be made invalid
            return
        raise


def test_generated_requests_never_cause_server_errors_and_match_the_schema(api_schema) -> None:  # type: ignore[no-untyped-def]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    failures = []
    for operation in operations:
        for mode in MODES:
            try:
                check_operation(operation, mode)
            except Exception as exc:  # collect every failing operation, then report them together
                failures.append(f"{operation.label} ({mode.name}): {exc}")
    assert not failures, "\n\n".join(failures)
