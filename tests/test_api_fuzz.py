"""Property-based fuzzing of the API from its own OpenAPI document (schemathesis), bounded in
examples and time: no request may get a 500, and every error answer is a problem document."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from checker.api import create_app

TOKEN = "fuzz-token"


def fuzz_app():
    # Built at import: schemathesis parametrizes from the document when the module is collected.
    db = Path(tempfile.mkdtemp(prefix="checker-fuzz-")) / "fuzz.sqlite3"
    return create_app({"DATABASE_URL": f"sqlite:///{db}", "API_TOKEN": TOKEN,
                       "MAX_CONTENT_LENGTH": 64 * 1024, "FETCH_MAX_BYTES": 64 * 1024,
                       "FETCH_CONNECT_TIMEOUT": 0.5, "FETCH_READ_TIMEOUT": 1.0})


APP = fuzz_app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


def assert_problem_document(response) -> None:
    if response.status_code < 400:
        return
    headers = {name.lower(): value for name, value in response.headers.items()}
    kind = headers.get("content-type", [""])
    kind = kind[0] if isinstance(kind, list) else kind
    assert kind.startswith("application/problem+json"), (response.status_code, kind, response.request.method, response.request.url)
    body = json.loads(response.content)
    assert body["status"] == response.status_code and body["title"] and body["detail"], body


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_problem_documents(case):
    authorised = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(authorised, checks=[not_a_server_error])
    assert authorised.status_code < 500, authorised.text
    assert_problem_document(authorised)
