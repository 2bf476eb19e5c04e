"""GET /api/v1/facts and /facts/{id} against the real app on SQLite (and PostgreSQL when one
answers): two Kanjuruhan articles that disagree on the dead (the disaster agency's 174, the
health office's 125) make a disputed fact; its values, statuses, findings and stable ids."""
from __future__ import annotations

import base64
from pathlib import Path

import pytest

from checker.api import create_app
from checker.usecases.facts import fact_id, parse_fact_id

from test_api import AUTH, TOKEN, assert_problem, database_url  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "corpus" / "stories" / "kanjuruhan" / "articles"
BPBD = STORY / "02_inanews_bpbd_174.txt"
DINKES = STORY / "03_kompas_dinkes_125.txt"
DEATHS = "quantity|crowd_disaster@indonesia|deaths"


@pytest.fixture(scope="module")
def app(database_url):  # noqa: F811
    app = create_app({"DATABASE_URL": database_url, "API_TOKEN": TOKEN, "TESTING": True})
    client = app.test_client()
    for path in (BPBD, DINKES):
        response = client.post("/api/v1/articles", data=path.read_text(encoding="utf-8").encode("utf-8"),
                               content_type="text/plain; charset=utf-8", headers=AUTH)
        assert response.status_code == 201, response.get_json()
    yield app
    app.extensions["checker"].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def deaths_fact(client) -> dict:
    facts = client.get("/api/v1/facts?subject=crowd_disaster@indonesia&measure=deaths").get_json()["items"]
    assert facts, "the two articles' dead make a disputed fact"
    return facts[0]


def test_the_disagreeing_toll_is_a_disputed_fact(client):
    body = client.get("/api/v1/facts").get_json()
    assert body["page"] == 1 and body["per_page"] == 50 and body["total"] == len(body["items"]) >= 1
    assert all(f["disputed"] for f in body["items"])
    fact = deaths_fact(client)
    assert fact["key"] == DEATHS and fact["kind"] == "quantity" and fact["behaviour"] == "cumulative"
    assert fact["report_id"].startswith("crowd_disaster@indonesia:deaths")
    figures = {v["value"]["low"] for v in fact["values"]}
    assert {174.0, 125.0} <= figures
    statuses = {v["status"] for v in fact["values"]}
    assert statuses & {"conflict", "discrepancy"}
    assert all(v["status"] in ("conflict", "reversal", "correction", "discrepancy", "update", "consistent")
               for v in fact["values"])
    # the findings behind the values are the store's
    stored = {f["id"] for f in client.get("/api/v1/findings?per_page=500").get_json()["items"]}
    assert set(fact["findings"]) <= stored
    assert {f for v in fact["values"] for f in v["findings"]} <= stored


def test_a_fact_by_its_id_is_the_listed_one(client):
    fact = deaths_fact(client)
    ident = fact["id"]
    assert all(ch.isalnum() or ch in "-_." for ch in ident)
    assert parse_fact_id(ident)[0] == DEATHS
    encoded = base64.urlsafe_b64encode(DEATHS.encode()).decode().rstrip("=")
    assert ident.startswith(encoded)
    response = client.get(f"/api/v1/facts/{ident}")
    assert response.status_code == 200
    assert response.get_json() == fact


def test_filters_and_all(client):
    assert client.get("/api/v1/facts?measure=no_such_measure").get_json() == {
        "items": [], "page": 1, "per_page": 50, "total": 0}
    disputed = client.get("/api/v1/facts?per_page=500").get_json()
    every = client.get("/api/v1/facts?all=1&per_page=500").get_json()
    assert every["total"] >= disputed["total"]
    assert {f["id"] for f in disputed["items"]} <= {f["id"] for f in every["items"]}
    assert any(not f["disputed"] for f in every["items"]), "undisputed facts only with all=1"
    calm = next(f for f in every["items"] if not f["disputed"])
    assert client.get(f"/api/v1/facts/{calm['id']}").get_json() == calm
    # disputed first
    flags = [f["disputed"] for f in every["items"]]
    assert flags == sorted(flags, reverse=True)
    one = client.get("/api/v1/facts?all=1&per_page=1&page=2").get_json()
    assert one["total"] == every["total"] and one["items"] == every["items"][1:2]
    assert client.get("/api/v1/facts?kind=stance").status_code == 200


def test_unknown_fact_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/facts/" + fact_id("quantity|nobody|nothing", None)), 404)
    assert_problem(client.get("/api/v1/facts/" + fact_id(DEATHS, "1999-01-01")), 404)
    assert_problem(client.get("/api/v1/facts/not%20an%20id"), 404)
    assert_problem(client.get("/api/v1/facts/%FF%FE"), 404)


def test_bad_query_parameters_are_problems(client):
    assert_problem(client.get("/api/v1/facts?all=maybe"), 422, field="all")
    assert_problem(client.get("/api/v1/facts?kind=rumour"), 422, field="kind")
    assert_problem(client.get("/api/v1/facts?per_page=0"), 422, field="per_page")


def test_the_openapi_document_describes_facts(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/facts", "/api/v1/facts/{fact_id}"} <= set(spec["paths"]) or \
        {"/facts", "/facts/{fact_id}"} <= {p.removeprefix("/api/v1") for p in spec["paths"]}
    listing = spec["paths"]["/api/v1/facts"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"subject", "measure", "all", "page", "per_page"}
    assert "404" in spec["paths"]["/api/v1/facts/{fact_id}"]["get"]["responses"]
    schemas = spec["components"]["schemas"]
    assert {"StoredFact", "FactPage", "FactValue"} <= set(schemas)
    assert {"key", "report_id", "disputed", "values"} <= set(schemas["StoredFact"]["properties"])
