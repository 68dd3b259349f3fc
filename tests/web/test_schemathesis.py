"""Property-based API test: requests generated from the app's own OpenAPI schema never cause a 5xx,
and every answer (200, 404, 422) matches the status codes, content types and bodies the schema
declares.

Each API operation gets a bounded number of generated requests (`EXAMPLES`), so the whole run
stays around a minute. Driven through Hypothesis directly (schemathesis's pytest loader does not
run under this pytest version).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from web.sample_store import fill_store

EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def api_schema(tmp_path: Path):  # type: ignore[no-untyped-def]
    from mawgun.web.app import create_app

    url = f"sqlite:///{tmp_path / 'api.db'}"
    fill_store(url)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(url))


def check_operation(operation) -> None:  # type: ignore[no-untyped-def]
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(checks=CHECKS)

    run()


def test_generated_requests_never_cause_server_errors_and_match_the_schema(api_schema) -> None:  # type: ignore[no-untyped-def]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    failures = []
    for operation in operations:
        try:
            check_operation(operation)
        except Exception as exc:  # collect every failing operation, then report them together
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
