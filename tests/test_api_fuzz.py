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


# --- the operations on one stored item, fuzzed against real items ---------------------------------
# On the empty store above, every finding, story, claim and fact id is unknown: PATCH of a
# decision, a story's page and a ClaimReview only ever answered 404. Here the seeds are stored and
# each generated case's path names a real item (a DELETE keeps its generated id, so the items
# stay for the other cases); bodies, query strings and headers are still generated.

def _stored_fuzz_app():
    from conftest import stored_app

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    app = stored_app(Path(tempfile.mkdtemp(prefix="checker-fuzz-stored-")), TOKEN,
                     [path.read_text(encoding="utf-8") for path in seeds])
    app.config.update(WRITE_RATE_PER_MINUTE=0, CHECK_RATE_PER_MINUTE=0)
    return app


STORED = _stored_fuzz_app()
stored_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", STORED).include(path_regex=r"\{")


def _real_ids() -> dict[str, str]:
    client = STORED.test_client()

    def first(path: str, field: str = "id") -> str:
        return client.get(f"/api/v1/{path}", query_string={"per_page": 1}).get_json()["items"][0][field]

    article = first("articles")
    return {"article_id": article, "claim_id": first("claims"), "finding_id": first("findings"),
            "story_id": first("stories"), "fact_id": first("facts"),
            "appearance_id": str(client.get(f"/api/v1/articles/{article}").get_json()["articles"][0]
                                 ["appearances"][0]["id"])}


REAL_IDS = _real_ids()


def test_the_stored_items_fuzzed_are_real():
    client = STORED.test_client()
    for path in ("articles/{article_id}", "claims/{claim_id}", "findings/{finding_id}", "stories/{story_id}",
                 "facts/{fact_id}", "stories/{story_id}/export.csv", "findings/{finding_id}/export.csv"):
        assert client.get("/api/v1/" + path.format(**REAL_IDS)).status_code == 200, path


@stored_schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_on_stored_items(case):
    if case.method.upper() != "DELETE":
        for name in list(case.path_parameters or {}):
            if name in REAL_IDS:
                case.path_parameters[name] = REAL_IDS[name]
    authorised = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(authorised, checks=[not_a_server_error, status_code_conformance, content_type_conformance])
    assert authorised.status_code < 500, authorised.text
    assert_problem_document(authorised)
