"""Hostile requests end in a clear 4xx problem document, never a 500, on SQLite and PostgreSQL:
deep JSON, lone surrogates, huge integers, unknown charsets, impossible or aliased front matter,
NUL characters, over-long fields, huge page numbers. And nothing of them is stored."""
from __future__ import annotations

import json

import pytest

from test_api import AUTH, TROOPS_ID, app, client, database_url  # noqa: F401  (fixtures)

PROBLEM = "application/problem+json"


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def post_raw(client, body: bytes, content_type: str = "application/json", query: str = ""):
    return client.post("/api/v1/articles" + query, data=body, content_type=content_type, headers=AUTH)


def front(published: str, **fields) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\npublished: {published}\n{extra}---\n{TROOPS_ID}\n"


def test_json_nested_too_deep_is_a_400(client):
    body = ("[" * 20_000 + "]" * 20_000).encode()
    problem(post_raw(client, body), 400)
    body = ('{"text": ' + "[" * 1000 + "]" * 1000 + "}").encode()
    assert post_raw(client, body).status_code in (400, 422)


def test_lone_surrogates_are_refused_by_field(client):
    for field in ("text", "source", "title", "url"):
        data = {"text": TROOPS_ID, field: "Jakarta \\ud800 x" if field != "url" else "https://a.example/\\udfff"}
        raw = json.dumps(data).replace("\\\\u", "\\u").encode()
        body = problem(post_raw(client, raw), 400)
        assert "surrogate" in body["detail"] or "Unicode" in body["detail"], body


def test_huge_integers_are_a_400(client):
    problem(post_raw(client, b'{"text": "x", "n": ' + b"9" * 5000 + b"}"), 400)


def test_unknown_charset_is_a_415(client):
    problem(post_raw(client, TROOPS_ID.encode(), "text/plain; charset=no-such-charset"), 415)
    problem(post_raw(client, json.dumps({"text": TROOPS_ID}).encode(), "application/json; charset=no-such"), 415)


@pytest.mark.parametrize("published", ["2024-13-45", "0000-01-01", "2024-02-30", "99999-01-01"])
def test_impossible_front_matter_dates_are_a_422_naming_the_field(client, published):
    body = problem(post_raw(client, front(published).encode(), "text/plain; charset=utf-8"), 422)
    assert body.get("field") == "published", body


def test_front_matter_aliases_are_refused(client):
    bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for n in "bcdefghi":
        prev = chr(ord(n) - 1)
        bomb += f"{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    bomb += "title: *i\n---\n" + TROOPS_ID
    body = problem(post_raw(client, bomb.encode(), "text/plain; charset=utf-8"), 422)
    assert "alias" in body["detail"]
    assert client.get("/api/v1/articles").get_json()["total"] == 0


def test_over_long_front_matter_fields_are_a_422(client):
    body = problem(post_raw(client, front("2024-11-01", source="S" * 500).encode(), "text/plain"), 422)
    assert body.get("field") == "source"
    body = problem(post_raw(client, front("2024-11-01", title="T" * 5000).encode(), "text/plain"), 422)
    assert body.get("field") == "title"


def test_nul_characters_anywhere_are_refused(client):
    problem(post_raw(client, json.dumps({"text": TROOPS_ID, "source": "a\u0000b"}).encode()), 422)
    problem(client.get("/api/v1/articles", query_string={"source": "a\x00b"}), 400)
    problem(client.get("/api/v1/claims", query_string={"subject": "a\x00"}), 400)
    assert client.get("/api/v1/articles/ab%00cd").status_code in (400, 404)
    assert client.get("/api/v1/facts/ab%00cd").status_code in (400, 404)
    assert client.get("/articles/ab%00cd").status_code in (400, 404)


def test_huge_page_numbers_are_a_422(client):
    for path in ("/api/v1/articles", "/api/v1/claims", "/api/v1/findings", "/api/v1/facts"):
        problem(client.get(path, query_string={"page": str(10 ** 18)}), 422)
    assert client.get("/articles", query_string={"page": str(10 ** 18)}).status_code in (200, 400, 404)


def test_a_check_of_more_articles_than_the_cap_is_a_422_naming_the_field(client):
    from checker.api.schemas import MAX_ARTICLES_PER_CHECK

    many = {"articles": [{"text": f"{TROOPS_ID} ({n})"} for n in range(MAX_ARTICLES_PER_CHECK + 1)]}
    body = problem(client.post("/api/v1/check", json=many), 422)
    assert "articles" in json.dumps(body)


def test_the_500_handler_answers_a_problem_even_when_logging_fails(app):
    @app.get("/__boom")
    def boom():
        raise RuntimeError("boom")

    logger = app.logger
    original = logger.exception
    logger.exception = lambda *a, **k: (_ for _ in ()).throw(OSError("disk full"))
    try:
        response = app.test_client().get("/__boom")
    finally:
        logger.exception = original
    problem(response, 500)


@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/articles", "/api/v1/openapi.json", "/api/v1/docs",
                                  "/api/v1/articles/unknown", "/", "/articles", "/no-such-page"])
def test_every_answer_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src" not in policy or "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "default-src 'none'" in policy  # so no script source at all


def test_a_write_refused_by_its_token_carries_them_too(client):
    response = client.post("/api/v1/articles", json={"text": TROOPS_ID})
    problem(response, 401)
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_claims_at_the_ends_of_the_calendar_leave_every_page_standing(client):
    for published, figure in (("0001-01-01", "8.000"), ("9999-12-31", "12.000"), ("2024-11-04", "10.000")):
        text = f"Pentagon mengatakan {figure} tentara Korea Utara telah tiba di Kursk."
        answer = client.post("/api/v1/articles", json={"text": text, "published": published, "source": published},
                             headers=AUTH)
        assert answer.status_code == 201, answer.get_json()
    findings = client.get("/api/v1/findings").get_json()["items"]
    pages = ["/facts/north_korea/troops", "/facts", "/", "/findings", "/articles"]
    pages += [f"/findings/{f['id']}" for f in findings]
    for page in pages:
        assert client.get(page).status_code == 200, page
    for fact in client.get("/api/v1/facts", query_string={"all": 1}).get_json()["items"]:
        assert client.get(f"/api/v1/facts/{fact['id']}").status_code == 200


def test_a_store_that_refuses_writes_answers_503_and_keeps_what_it_had(tmp_path):
    """SQLite opened read-only (as on a read-only disk): a post is a 503 problem with Retry-After,
    reads go on, and the store holds exactly what it held."""
    from checker.api import create_app

    path = tmp_path / "store.sqlite3"
    writable = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{path}", "API_TOKEN": "t"})
    first = writable.test_client().post("/api/v1/articles", json={"text": TROOPS_ID}, headers={"Authorization": "Bearer t"})
    assert first.status_code == 201
    writable.extensions["checker"].engine.dispose()
    readonly = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///file:{path}?mode=ro&uri=true",
                           "API_TOKEN": "t", "AUTO_MIGRATE": False})
    client = readonly.test_client()
    answer = client.post("/api/v1/articles", json={"text": TROOPS_ID.replace("10.000", "12.000")},
                         headers={"Authorization": "Bearer t"})
    body = problem(answer, 503)
    assert answer.headers["Retry-After"] and "nothing" in body["detail"]
    assert client.get("/api/v1/articles").get_json()["total"] == 1
    readonly.extensions["checker"].engine.dispose()


def test_writes_over_the_tokens_rate_are_a_429_with_retry_after(tmp_path):
    from checker.api import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'rate.sqlite3'}", "API_TOKEN": "t",
                      "WRITE_RATE_PER_MINUTE": 12})  # two at once, then one each five seconds
    client = app.test_client()
    auth = {"Authorization": "Bearer t"}
    answers = [client.post("/api/v1/articles", json={"text": TROOPS_ID}, headers=auth) for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 200, 429]
    body = problem(answers[2], 429)
    assert 1 <= int(answers[2].headers["Retry-After"]) <= 5 and "a minute" in body["detail"]
    assert client.get("/api/v1/articles").status_code == 200  # reads are not counted
    assert client.post("/api/v1/articles", json={"text": TROOPS_ID}).status_code == 401  # nor others' tries
    app.extensions["checker"].engine.dispose()
