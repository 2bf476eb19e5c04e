"""Property-based fuzzing of the API from its own OpenAPI document (schemathesis), bounded in
examples and time, over every operation (request bodies included, now that their schemas are
defined): no request may get a 500, every answer's status and content type are the document's,
and every error answer is a problem document whose `type` resolves to a page."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance

from checker.api import create_app

TOKEN = "fuzz-token"


def fuzz_app():
    # Built at import: schemathesis parametrizes from the document when the module is collected.
    db = Path(tempfile.mkdtemp(prefix="checker-fuzz-")) / "fuzz.sqlite3"
    return create_app({"DATABASE_URL": f"sqlite:///{db}", "API_TOKEN": TOKEN,
                       "MAX_CONTENT_LENGTH": 64 * 1024, "FETCH_MAX_BYTES": 64 * 1024,
                       "FETCH_CONNECT_TIMEOUT": 0.5, "FETCH_READ_TIMEOUT": 1.0,
                       "WRITE_RATE_PER_MINUTE": 0, "CHECK_RATE_PER_MINUTE": 0})


APP = fuzz_app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


RESOLVED_TYPES: set[str] = set()


def assert_problem_document(response) -> None:
    if response.status_code < 400:
        return
    headers = {name.lower(): value for name, value in response.headers.items()}
    kind = headers.get("content-type", [""])
    kind = kind[0] if isinstance(kind, list) else kind
    assert kind.startswith("application/problem+json"), (response.status_code, kind, response.request.method, response.request.url)
    body = json.loads(response.content)
    assert body["status"] == response.status_code and body["title"] and body["detail"], body
    assert body["type"].startswith("http") and body["instance"].startswith("/"), body
    if body["type"] not in RESOLVED_TYPES:
        path = "/" + body["type"].split("/", 3)[3]
        assert APP.test_client().get(path).status_code == 200, body["type"]
        RESOLVED_TYPES.add(body["type"])


def test_the_fuzzing_covers_every_operation():
    spec = APP.test_client().get("/api/v1/openapi.json").get_json()
    documented = sum(1 for ops in spec["paths"].values() for method in ops if method != "parameters")
    assert documented == len(list(schema.get_all_operations())) >= 25


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_problem_documents(case):
    authorised = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(authorised, checks=[not_a_server_error, status_code_conformance, content_type_conformance])
    assert authorised.status_code < 500, authorised.text
    assert_problem_document(authorised)
