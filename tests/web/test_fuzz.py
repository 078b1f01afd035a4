"""Schemathesis against the OpenAPI schema, with all its checks.

Each operation gets a bounded number of generated requests (positive: inputs the schema allows;
negative: inputs it forbids), called in-process, and every schemathesis check applies: no server
error, documented status codes and content types, responses matching their schema, and a
request the schema allows is never refused (ST202) nor one it forbids accepted — the schema
states exactly what the server accepts. Failures of all operations are reported together.
Schemathesis' pytest integration needs pytest internals that pytest 9 no longer has, so the
test drives its Hypothesis strategies directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from sectorlens.web import Settings, create_app

EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 4}  # bounded: ~1 min on 2 cores


@pytest.fixture(scope="module")
def fuzz_app(web_store: Path, reference_text: Path) -> Iterator[FastAPI]:
    """The app, also serving schemathesis' ``testserver`` Host (as ``--allow-host`` would)."""
    app = create_app(
        web_store, Settings(reference_text=reference_text, allowed_hosts=("testserver",))
    )
    yield app
    app.state.site.close()


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_api_never_answers_5xx(fuzz_app: FastAPI, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30  # every metric three ways, plus the data routes
    failures: list[str] = []

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
            case.call_and_validate()  # every check: the schema says exactly what is accepted

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:
            failures.append(f"{operation.label}: {_first_lines(exc)}")
    assert not failures, "\n".join(failures)


def _first_lines(exc: BaseException) -> str:
    """What a failure says, in a few lines (an exception group: each of its failures)."""
    parts = getattr(exc, "exceptions", None) or [exc]
    return " | ".join(" ".join(str(e).split())[:300] for e in parts)
