"""Schemathesis against the OpenAPI schema: no input, valid or not, gets a 5xx.

Each operation gets a bounded number of generated requests (positive: inputs the schema allows;
negative: inputs it forbids), called in-process; the default schemathesis checks apply (no
server error, documented status codes and content types, responses matching their schema),
except that a schema-valid request may be refused with a 4xx.
Schemathesis' pytest integration needs pytest internals that pytest 9 no longer has, so the
test drives its Hypothesis strategies directly.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 6}


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_api_never_answers_5xx(web_app: FastAPI, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", web_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30  # every metric three ways, plus the data routes

    for operation in operations:
        if (
            mode is GenerationMode.NEGATIVE
            and not operation.query
            and not operation.path_parameters
        ):
            continue  # nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES[mode],
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            # A request the schema allows may still be refused with a 4xx (an unknown value for
            # a filter, a period that does not parse): only server errors and schema
            # violations count here.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as exc:
            raise AssertionError(f"{operation.label}: {exc}") from exc
