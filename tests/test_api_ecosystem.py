"""The API as its ecosystem expects it, against SQLite and PostgreSQL: a valid OpenAPI document
(openapi-spec-validator) whose errors are problem documents, problem types that resolve to a
page, items by id, Link headers, unknown fields and filters refused, 406, ETag and 304, a 204
without a body type, an open but rate-limited /check, and /parse answering as Duckling does."""
from __future__ import annotations

import ast
import json
import re
import uuid
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from checker.api import create_app
from checker.api.problems import PROBLEM_TYPES, problem_description
from checker.storage import database

from conftest import require_postgres
from test_storage import POSTGRES_SERVER

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "ecosystem-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('ecosystem') / 'store.sqlite3'}"
        return
    require_postgres(POSTGRES_SERVER)
    name = f"checker_ecosystem_{uuid.uuid4().hex[:12]}"
    url = database.create_database(POSTGRES_SERVER, name)
    yield url
    database.drop_database(POSTGRES_SERVER, name)


@pytest.fixture(scope="module")
def app(database_url):
    """The seeds posted once: five articles of one story, with claims and findings."""
    app = create_app({"DATABASE_URL": database_url, "API_TOKEN": TOKEN, "TESTING": True,
                      "CHECK_RATE_PER_MINUTE": 0})
    client = app.test_client()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        response = client.post("/api/v1/articles", data=path.read_bytes(), content_type="text/plain",
                               headers=AUTH, query_string={"source": path.stem})
        assert response.status_code == 201, response.get_json()
    yield app
    app.extensions["checker"].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


# --- the OpenAPI document -------------------------------------------------------------------------

def test_the_openapi_document_is_valid_and_every_reference_is_defined(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    validate(spec)  # raises on an invalid document
    text = json.dumps(spec)
    for kind in ("schemas", "responses", "parameters", "headers"):
        used = set(re.findall(rf'"#/components/{kind}/([^"]+)"', text))
        missing = used - set(spec["components"].get(kind, {}))
        assert not missing, f"dangling {kind}: {missing}"
    assert {"ArticleIn", "CheckIn", "ParseIn", "DecisionIn", "TokenIn", "Problem"} <= set(spec["components"]["schemas"])
    assert "Error" not in spec["components"]["schemas"]  # flask-smorest's {code, status, message}, never sent


def test_every_error_response_in_the_document_is_a_problem_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    resolved = spec["components"]["responses"]
    checked = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            for code, response in operation["responses"].items():
                if "$ref" in response:
                    response = resolved[response["$ref"].rsplit("/", 1)[-1]]
                if code == "default" or int(code) >= 400:
                    assert set(response.get("content", {})) == {PROBLEM}, (method, path, code, response)
                    assert response["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}
                    checked += 1
    assert checked > 40
    problem_schema = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance"} <= set(problem_schema["properties"])
    assert problem_schema["properties"]["type"]["format"] == "uri"


def test_post_bodies_are_described_by_their_schemas(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    article_in = spec["components"]["schemas"]["ArticleIn"]
    assert {"text", "html", "url", "source", "published", "language", "title"} <= set(article_in["properties"])
    assert article_in.get("additionalProperties") is False  # unknown fields are refused
    check = spec["paths"]["/api/v1/check"]["post"]
    assert "security" not in check  # stores nothing: no token
    assert "429" in check["responses"]
    assert spec["paths"]["/api/v1/parse"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ParseIn"}


# --- problem documents ----------------------------------------------------------------------------

def test_a_problem_has_an_absolute_type_that_resolves_to_a_page_and_its_instance(client):
    body = problem(client.get("/api/v1/claims/no-such-claim"), 404)
    assert body["type"] == "http://localhost/api/v1/problems/not-found"
    assert body["instance"] == "/api/v1/claims/no-such-claim"
    page = client.get(body["type"].removeprefix("http://localhost"))
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "Nothing is stored under this id" in page.get_data(as_text=True)
    problem(client.get("/api/v1/problems/no-such-problem"), 404)


def test_every_problem_the_code_raises_has_a_page():
    """Each slug written in the API's code or the use cases it answers for (and the titles it
    derives slugs from) has a page."""
    slugs = set()
    for path in [p for part in ("api", "usecases", "desk") for p in (ROOT / "checker" / part).glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Problem", "problem_response"):
                given = {k.arg: k.value for k in node.keywords}
                if isinstance(given.get("slug"), ast.Constant):
                    slugs.add(given["slug"].value)
                elif "slug" not in given and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                    slugs.add(node.args[1].value.lower().replace(" ", "-"))
    assert len(slugs) > 20
    missing = sorted(s for s in slugs if problem_description(s) is None)
    assert not missing, missing
    assert problem_description("method-not-allowed")  # werkzeug's errors by their names too
    assert all(text.endswith(".") for text in PROBLEM_TYPES.values())


# --- reads ----------------------------------------------------------------------------------------

def test_findings_claims_and_stories_by_id(client):
    finding = client.get("/api/v1/findings", query_string={"per_page": 1}).get_json()["items"][0]
    assert client.get(f"/api/v1/findings/{finding['id']}").get_json()["id"] == finding["id"]
    claim_id = finding["claims"][0]
    claim = client.get(f"/api/v1/claims/{claim_id}")
    assert claim.status_code == 200 and claim.get_json()["id"] == claim_id
    assert claim.get_json()["evidence"]["text"]
    story = client.get("/api/v1/stories").get_json()["items"][0]
    assert client.get(f"/api/v1/stories/{story['id']}").get_json()["id"] == story["id"]
    problem(client.get("/api/v1/stories/no-such-story"), 404)


def links(response) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers.get("Link", ""))}


def test_pages_carry_link_headers_that_keep_the_query(client):
    total = client.get("/api/v1/claims").get_json()["total"]
    assert total > 5
    first = client.get("/api/v1/claims", query_string={"per_page": 2, "kind": "quantity"})
    found = links(first)
    assert set(found) == {"first", "next", "last"}, found
    assert "kind=quantity" in found["next"] and "per_page=2" in found["next"] and "page=2" in found["next"]
    second = client.get(found["next"].removeprefix("http://localhost"))
    assert second.get_json()["page"] == 2
    assert set(links(second)) == {"first", "prev", "next", "last"} or second.get_json()["total"] <= 4
    last = client.get(found["last"].removeprefix("http://localhost")).get_json()
    assert last["page"] * 2 >= last["total"] > (last["page"] - 1) * 2
    assert "next" not in links(client.get(found["last"].removeprefix("http://localhost")))
    for path in ("/api/v1/articles", "/api/v1/findings", "/api/v1/facts", "/api/v1/stories"):
        assert {"first", "last"} <= set(links(client.get(path))), path


@pytest.mark.parametrize("path", ["/api/v1/articles?colour=red", "/api/v1/claims?subjet=north_korea",
                                  "/api/v1/findings?severity=high&sort=asc", "/api/v1/stories?q=x",
                                  "/api/v1/facts?nope=1", "/api/v1/decisions?who=me"])
def test_unknown_filters_are_refused(client, path):
    body = problem(client.get(path), 422)
    unknown = path.split("?")[1].split("&")[-1].split("=")[0]
    assert body["errors"] == {unknown: ["Unknown field."]}, body


def test_unknown_fields_in_bodies_are_refused(client):
    body = problem(client.post("/api/v1/articles", json={"text": "8.000 tentara", "auther": "x"}, headers=AUTH), 422)
    assert body["field"] == "auther"
    body = problem(client.post("/api/v1/check", json={"articles": [{"text": "x", "lang": "id"}]}), 422)
    assert body["field"] == "articles.0.lang"
    problem(client.post("/api/v1/parse", json={"text": "x", "locale": "en_GB"}), 422)
    problem(client.post("/api/v1/articles", data=b"8.000 tentara", content_type="text/plain", headers=AUTH,
                        query_string={"sorce": "x"}), 422)


@pytest.mark.parametrize("path,accept", [("/api/v1/articles", "text/html"), ("/api/v1/health", "application/xml"),
                                         ("/api/v1/docs", "application/json")])
def test_an_accept_the_operation_cannot_serve_is_406(client, path, accept):
    body = problem(client.get(path, headers={"Accept": accept}), 406)
    assert body["type"].endswith("/problems/not-acceptable")


@pytest.mark.parametrize("accept", ["application/json", "application/*", "*/*", "text/html;q=0.9, */*;q=0.1"])
def test_an_accept_that_allows_json_is_served(client, accept):
    assert client.get("/api/v1/articles", headers={"Accept": accept}).status_code == 200


def test_a_csv_export_is_served_as_csv_only(client):
    story = client.get("/api/v1/stories").get_json()["items"][0]["id"]
    path = f"/api/v1/stories/{story}/export.csv"
    assert client.get(path, headers={"Accept": "text/csv"}).mimetype == "text/csv"
    problem(client.get(path, headers={"Accept": "application/json"}), 406)


def test_reads_carry_an_etag_and_if_none_match_answers_304(client):
    first = client.get("/api/v1/findings")
    tag = first.headers["ETag"]
    assert tag and first.headers["Cache-Control"] == "no-cache"
    again = client.get("/api/v1/findings", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    other = client.get("/api/v1/findings", query_string={"per_page": 1}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["ETag"] != tag


def test_a_post_changes_the_etag_of_the_list(client):
    before = client.get("/api/v1/articles").headers["ETag"]
    text = ("Jakarta - Pentagon mengatakan sekitar 9.000 tentara Korea Utara telah dikirim ke Rusia pada "
            f"2 November 2024. ({uuid.uuid4().hex})")
    posted = client.post("/api/v1/articles", json={"text": text, "source": "ETag"}, headers=AUTH)
    assert posted.status_code == 201
    after = client.get("/api/v1/articles", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["ETag"] != before
    deleted = client.delete(posted.headers["Location"], headers=AUTH)
    assert deleted.status_code == 204 and deleted.data == b""
    assert "Content-Type" not in deleted.headers  # a 204 has no body, so no body type


def test_check_needs_no_token(client):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    response = client.post("/api/v1/check", json={"articles": [{"text": p.read_text()} for p in seeds]})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["claims"]


def test_check_and_parse_are_rate_limited_per_address(database_url):
    app = create_app({"DATABASE_URL": database_url, "API_TOKEN": TOKEN, "TESTING": True, "AUTO_MIGRATE": False,
                      "CHECK_RATE_PER_MINUTE": 6})  # a burst of one, then one each ten seconds
    try:
        client = app.test_client()
        assert client.post("/api/v1/parse", json={"text": "8.000 tentara"}).status_code == 200
        body = problem(client.post("/api/v1/check", json={"articles": [{"text": "8.000 tentara"}]}), 429)
        assert body["type"].endswith("/problems/too-many-requests")
        assert 1 <= int(client.post("/api/v1/parse", json={"text": "x"}).headers["Retry-After"]) <= 10
        other = client.post("/api/v1/parse", json={"text": "8.000 tentara"}, environ_base={"REMOTE_ADDR": "10.0.0.7"})
        assert other.status_code == 200  # another address has its own bucket
    finally:
        app.extensions["checker"].engine.dispose()


# --- /parse ----------------------------------------------------------------------------------------

PARSE_TEXT = ("Pentagon mengatakan lebih dari 600 orang tewas pada 3 Januari 2025. Sekitar 8.000 tentara "
              "Korea Utara dikirim selama dua minggu pada Maret 2024.")


def test_parse_answers_mentions_with_offsets_intervals_and_grains(client):
    response = client.post("/api/v1/parse", json={"text": PARSE_TEXT, "language": "id", "reftime": "2025-01-10"})
    assert response.status_code == 200, response.get_json()
    entities = response.get_json()
    for e in entities:
        assert PARSE_TEXT[e["start"]:e["end"]] == e["body"], e
        assert e["latent"] is False and e["rule"]
    by_body = {(e["dim"], e["body"].strip(" .")): e["value"] for e in entities}
    assert by_body[("quantity", "lebih dari 600")] == {"type": "interval", "from": {"value": 600, "open": True}}
    assert by_body[("quantity", "Sekitar 8.000")] == {"type": "interval", "from": {"value": 7200},
                                                      "to": {"value": 8800}}
    days = [v for (dim, body), v in by_body.items() if dim == "time" and "Januari" in body]
    assert days == [{"type": "value", "value": "2025-01-03", "grain": "day"}]
    months = [v for (dim, body), v in by_body.items() if dim == "time" and "Maret" in body]
    assert months == [{"type": "value", "value": "2024-03-01", "grain": "month"}]
    weeks = [v for (dim, body), v in by_body.items() if dim == "duration"]
    assert {"type": "value", "unit": "week", "normalized": {"unit": "second", "value": 1209600}} in weeks
    assert any(e["dim"] == "actor" and e["value"] == {"type": "value", "value": "north_korea"} for e in entities)
    assert [e["start"] for e in entities] == sorted(e["start"] for e in entities)


def test_parse_resolves_relative_dates_against_the_reference_time_and_filters_dims(client):
    text = "Kemarin 300 orang tewas."
    answer = client.post("/api/v1/parse", json={"text": text, "language": "id", "reftime": "2025-01-10T08:00:00+07:00",
                                                "dims": ["time"]}).get_json()
    assert answer and all(e["dim"] == "time" for e in answer)
    assert answer[0]["value"] == {"type": "value", "value": "2025-01-09", "grain": "day", "relative": True}
    unresolved = client.post("/api/v1/parse", json={"text": text, "language": "id", "dims": ["time"]}).get_json()
    assert all(e["value"].get("value") != "2025-01-09" for e in unresolved)


def test_parse_takes_a_form_as_duckling_does_and_finds_the_language(client):
    response = client.post("/api/v1/parse", data={"text": "About 300 people died on 3 March 2024.",
                                                  "dims": '["quantity"]'})
    assert response.status_code == 200
    assert [e["value"] for e in response.get_json()] == [{"type": "interval", "from": {"value": 270},
                                                          "to": {"value": 330}}]


@pytest.mark.parametrize("body,field", [({"text": ""}, "text"), ({"text": "x" * 20_001}, "text"),
                                        ({"text": "x", "language": "xx"}, "language"),
                                        ({"text": "x", "reftime": "yesterday"}, "reftime"),
                                        ({"text": "x", "dims": ["colour"]}, "dims.0"), ({}, "text")])
def test_parse_refuses_bad_fields_with_a_problem(client, body, field):
    assert problem(client.post("/api/v1/parse", json=body), 422)["field"] == field
