"""The API through Flask's test client, against SQLite and (when reachable) PostgreSQL:
status codes, problem documents, auth, dedupe, listing filters, deletes, URL fetching."""
from __future__ import annotations

import http.server
import threading
import uuid
from pathlib import Path

import pytest

from checker.api import create_app
from checker.storage import database

from test_storage import POSTGRES_SERVER
from conftest import require_postgres

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TROOPS_ID = ("Jakarta - Pentagon mengatakan sekitar 10.000 tentara Korea Utara telah dikirim ke Rusia "
             "pada 1 November 2024.")
TROOPS_OTHER = ("Seoul - Badan intelijen Korea Selatan menyebut 3.000 tentara Korea Utara telah tiba di "
                "Rusia pada 1 November 2024.")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.sqlite3'}"
        return
    require_postgres(POSTGRES_SERVER)
    name = f"checker_api_test_{uuid.uuid4().hex[:12]}"
    url = database.create_database(POSTGRES_SERVER, name)
    yield url
    database.drop_database(POSTGRES_SERVER, name)


@pytest.fixture
def app(database_url):
    app = create_app({"DATABASE_URL": database_url, "API_TOKEN": TOKEN, "MAX_CONTENT_LENGTH": 64 * 1024, "FETCH_MAX_BYTES": 64 * 1024,
                      "FETCH_ALLOW_HOSTS": frozenset({"localhost"}), "TESTING": True})
    yield app
    from checker.storage.models import Base

    with app.extensions["checker"].engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    app.extensions["checker"].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


def seed_text(n: int) -> str:
    return sorted((ROOT / "seeds").glob("*.txt"))[n].read_text(encoding="utf-8")


def assert_problem(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    if field is not None:
        assert body["field"] == field, body
    return body


def test_post_json_creates_and_reposting_returns_the_stored(client):
    first = client.post("/api/v1/articles", json={"text": TROOPS_ID, "source": "Outlet A"}, headers=AUTH)
    assert first.status_code == 201, first.get_json()
    report = first.get_json()
    assert report["version"] == 1
    [article] = report["articles"]
    assert len(article["id"]) == 16 and article["source"] == "Outlet A" and article["language"] == "id"
    assert first.headers["Location"].endswith(f"/api/v1/articles/{article['id']}")
    assert any(c["kind"] == "quantity" and c["value"]["low"] <= 10000 <= c["value"]["high"]
               for c in report["claims"])
    assert all(c["article"] == article["id"] for c in report["claims"])
    again = client.post("/api/v1/articles", json={"text": TROOPS_ID + "\n\n", "source": "Outlet A"}, headers=AUTH)
    assert again.status_code == 200  # the same text from the same outlet: nothing new
    assert again.get_json()["articles"][0] == article
    assert client.get("/api/v1/articles").get_json()["total"] == 1


def test_syndicated_copy_is_a_new_appearance_of_the_same_text(client):
    first = client.post("/api/v1/articles", json={"text": TROOPS_ID, "source": "Wire", "published": "2024-11-01",
                                                  "url": "https://wire.example/a"}, headers=AUTH)
    assert first.status_code == 201
    article_id = first.get_json()["articles"][0]["id"]
    copy = {"text": TROOPS_ID + "\n", "source": "Harian Lain", "published": "2024-11-02",
            "url": "https://lain.example/b"}
    second = client.post("/api/v1/articles", json=copy, headers=AUTH)
    assert second.status_code == 201, second.get_json()
    assert second.headers["Location"].endswith(f"/api/v1/articles/{article_id}")
    [entry] = second.get_json()["articles"]
    assert entry["source"] == "Wire"  # the article is the text as first stored
    assert [(a["source"], a["url"], a["published"]) for a in entry["appearances"]] == [
        ("Wire", "https://wire.example/a", "2024-11-01"), ("Harian Lain", "https://lain.example/b", "2024-11-02")]
    assert client.post("/api/v1/articles", json=copy, headers=AUTH).status_code == 200  # a repeat: idempotent
    listed = client.get("/api/v1/articles").get_json()
    assert listed["total"] == 1 and len(listed["items"][0]["appearances"]) == 2
    assert client.get("/api/v1/claims").get_json()["total"] == len(first.get_json()["claims"])  # analysed once
    shown = client.get(f"/api/v1/articles/{article_id}").get_json()["articles"][0]["appearances"]
    assert len(shown) == 2
    first_id, copy_id = shown[0]["id"], shown[1]["id"]
    assert client.delete(f"/api/v1/articles/{article_id}/appearances/{first_id}", headers=AUTH).status_code == 409
    assert client.delete(f"/api/v1/articles/{article_id}/appearances/{copy_id}").status_code == 401
    assert client.delete(f"/api/v1/articles/{article_id}/appearances/{copy_id}", headers=AUTH).status_code == 204
    assert client.delete(f"/api/v1/articles/{article_id}/appearances/{copy_id}", headers=AUTH).status_code == 404
    after = client.get(f"/api/v1/articles/{article_id}").get_json()["articles"][0]["appearances"]
    assert [a["source"] for a in after] == ["Wire"]  # the others stay
    assert client.delete(f"/api/v1/articles/{article_id}", headers=AUTH).status_code == 204
    from checker.storage.models import AppearanceRecord
    with client.application.extensions["checker"].sessions() as session:
        assert session.query(AppearanceRecord).count() == 0  # they go with the article


def test_raw_text_with_query_metadata_and_findings_against_the_store(client):
    client.post("/api/v1/articles", json={"text": TROOPS_ID, "source": "Outlet A"}, headers=AUTH)
    second = client.post("/api/v1/articles?source=Outlet+B&published=2024-11-02&language=id",
                         data=TROOPS_OTHER.encode(), content_type="text/plain; charset=utf-8", headers=AUTH)
    assert second.status_code == 201, second.get_json()
    report = second.get_json()
    new_id = next(a["id"] for a in report["articles"] if a["source"] == "Outlet B")
    assert next(a for a in report["articles"] if a["id"] == new_id)["published"] == "2024-11-02"
    quantity = [f for f in report["findings"] if f["dimension"] == "quantity"]
    assert quantity, report["findings"]
    assert all(len(set(f["articles"])) == 2 for f in quantity)
    cited = {c for f in report["findings"] for c in f["claims"]}
    assert cited <= {c["id"] for c in report["claims"]}  # the evidence of both sides is in the report
    listed = client.get(f"/api/v1/findings?article={new_id}&dimension=quantity").get_json()
    assert {f["id"] for f in listed["items"]} == {f["id"] for f in quantity}


def test_a_posted_report_is_what_its_schema_makes_of_it(client):
    """A post's report goes out as built, not dumped through ReportSchema: it must already be
    in the schema's shape, field for field (every article, claim, finding and fact)."""
    from checker.api.schemas import ReportSchema

    reports = [client.post("/api/v1/articles", data=seed_text(n).encode(), content_type="text/plain; charset=utf-8",
                           headers=AUTH) for n in range(4)]
    assert [r.status_code for r in reports] == [201] * 4
    for response in reports:
        report = response.get_json()
        assert report["claims"] and ReportSchema().dump(report) == report
    assert any(r.get_json()["findings"] for r in reports)


def test_html_body(client):
    html = f"<html><head><title>Pasukan</title></head><body><article><p>{TROOPS_ID}</p></article></body></html>"
    response = client.post("/api/v1/articles", data=html, content_type="text/html", headers=AUTH)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["claims"]


def test_get_and_delete(client):
    created = client.post("/api/v1/articles", json={"text": TROOPS_ID}, headers=AUTH).get_json()
    second = client.post("/api/v1/articles", json={"text": TROOPS_OTHER}, headers=AUTH).get_json()
    first_id = created["articles"][0]["id"]
    second_id = next(a["id"] for a in second["articles"] if a["id"] != first_id)
    shown = client.get(f"/api/v1/articles/{first_id}").get_json()
    assert {c["article"] for c in shown["claims"]} >= {first_id}
    assert shown["findings"], "the second article's findings involve the first"
    assert client.delete(f"/api/v1/articles/{second_id}").status_code == 401
    assert client.delete(f"/api/v1/articles/{second_id}", headers=AUTH).status_code == 204
    assert client.get(f"/api/v1/articles/{first_id}").get_json()["findings"] == []
    assert client.get(f"/api/v1/findings?article={first_id}").get_json()["total"] == 0
    assert client.get(f"/api/v1/claims?article={second_id}").get_json()["total"] == 0
    assert_problem(client.get(f"/api/v1/articles/{second_id}"), 404)
    assert_problem(client.delete(f"/api/v1/articles/{second_id}", headers=AUTH), 404)


def test_list_filters(client):
    client.post("/api/v1/articles", json={"text": TROOPS_ID, "source": "A", "published": "2024-11-01"}, headers=AUTH)
    client.post("/api/v1/articles", json={"text": TROOPS_OTHER, "source": "B", "published": "2024-12-01"},
                headers=AUTH)
    get = lambda q: client.get("/api/v1/articles" + q).get_json()
    assert get("?source=A")["total"] == 1
    assert get("?from=2024-11-15")["total"] == 1 and get("?to=2024-11-15")["items"][0]["source"] == "A"
    assert get("?language=en")["total"] == 0
    page = get("?per_page=1&page=2")
    assert page["total"] == 2 and len(page["items"]) == 1 and page["page"] == 2
    claims = client.get("/api/v1/claims?subject=north_korea&kind=quantity").get_json()
    assert claims["total"] >= 2 and all(c["subject"] == "north_korea" for c in claims["items"])
    assert client.get("/api/v1/claims?measure=nothing_like_this").get_json()["total"] == 0
    assert_problem(client.get("/api/v1/findings?type=rumour"), 422, field="type")
    assert_problem(client.get("/api/v1/articles?from=yesterday"), 422, field="from")


def test_check_stores_nothing(client):
    response = client.post("/api/v1/check", json={"articles": [{"text": TROOPS_ID, "source": "A"},
                                                               {"text": TROOPS_OTHER, "source": "B"}]},
                           headers=AUTH)
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert len(report["articles"]) == 2 and any(f["dimension"] == "quantity" for f in report["findings"])
    assert client.get("/api/v1/articles").get_json()["total"] == 0
    assert_problem(client.post("/api/v1/check", json={"articles": []}, headers=AUTH), 422, field="articles")
    body = assert_problem(client.post("/api/v1/check", json={"articles": [{"text": TROOPS_ID}, {"text": " "}]},
                                      headers=AUTH), 422)
    assert body["field"] == "articles.1.text"


def test_check_speaks_the_accepted_language(client):
    """Accept-Language chooses among the rules' languages; the findings stay the same ones."""
    body = {"articles": [{"text": TROOPS_ID, "source": "A"}, {"text": TROOPS_OTHER, "source": "B"}]}
    english = client.post("/api/v1/check", json=body, headers=AUTH).get_json()
    malay = client.post("/api/v1/check", json=body, headers={**AUTH, "Accept-Language": "ms-MY,ms;q=0.9,en;q=0.5"}).get_json()
    indonesian = client.post("/api/v1/check", json=body, headers={**AUTH, "Accept-Language": "id"}).get_json()
    unknown = client.post("/api/v1/check", json=body, headers={**AUTH, "Accept-Language": "fr"}).get_json()
    assert [f["id"] for f in malay["findings"]] == [f["id"] for f in english["findings"]]
    quantity = [f for f in english["findings"] if f["dimension"] == "quantity"][0]["id"]
    summary = {name: next(f["summary"] for f in report["findings"] if f["id"] == quantity)
               for name, report in (("en", english), ("ms", malay), ("id", indonesian), ("fr", unknown))}
    assert " reports " in summary["en"] and summary["fr"] == summary["en"]
    assert " melaporkan " in summary["ms"] and " manakala " in summary["ms"]
    assert " melaporkan " in summary["id"] and " sedangkan " in summary["id"]


def test_errors_are_problem_documents(client):
    post = lambda **kw: client.post("/api/v1/articles", **kw)
    assert_problem(post(json={"text": TROOPS_ID}), 401)
    assert_problem(post(json={"text": TROOPS_ID}, headers={"Authorization": "Bearer wrong"}), 401)
    assert_problem(post(data="{not json", content_type="application/json", headers=AUTH), 400)
    assert_problem(post(data=b"\xc3\x28 rusak", content_type="text/plain", headers=AUTH), 400)
    assert_problem(post(data=b"\x89PNG\r\n\x1a\n", content_type="image/png", headers=AUTH), 415)
    assert_problem(post(data=b"GIF89a\x00\x00\x01", content_type="text/plain", headers=AUTH), 422, field="text")
    assert_problem(post(json={"text": ""}, headers=AUTH), 422, field="text")
    assert_problem(post(json={"text": "  \n "}, headers=AUTH), 422, field="text")
    assert_problem(post(json={"source": "A"}, headers=AUTH), 422, field="text")
    assert_problem(post(json={"text": TROOPS_ID, "language": "fr"}, headers=AUTH), 422, field="language")
    assert_problem(post(json={"text": TROOPS_ID, "published": "kemarin"}, headers=AUTH), 422, field="published")
    assert_problem(post(json=["a list"], headers=AUTH), 422)
    no_claims = assert_problem(post(json={"text": "Cuaca cerah dan orang-orang berjalan di taman."},
                                    headers=AUTH), 422)
    assert "claim" in no_claims["detail"]
    too_big = assert_problem(post(data="x" * (65 * 1024), content_type="text/plain", headers=AUTH), 413)
    assert "larger" in too_big["detail"]
    wrong_method = assert_problem(client.put("/api/v1/articles"), 405)
    assert wrong_method["status"] == 405
    assert_problem(client.get("/api/v1/nowhere"), 404)
    assert client.get("/api/v1/articles").status_code == 200  # reads stay open


def test_health_and_openapi(client):
    assert client.get("/api/v1/health").get_json()["status"] == "ok"
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/check", "/api/v1/claims",
            "/api/v1/findings", "/api/v1/health"} <= set(spec["paths"])
    post = spec["paths"]["/api/v1/articles"]["post"]
    assert {"application/json", "text/plain", "text/html"} <= set(post["requestBody"]["content"])
    assert post["security"] == [{"bearerAuth": []}]
    assert "Report" in spec["components"]["schemas"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and b"/api/v1/articles" in docs.data


def test_health_fails_when_the_database_does(tmp_path):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'gone' / 'x.sqlite3'}", "API_TOKEN": TOKEN,
                      "AUTO_MIGRATE": False})
    assert_problem(app.test_client().get("/api/v1/health"), 503)


def test_unset_token_is_random_and_printed(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CHECKER_API_TOKEN", raising=False)
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 't.sqlite3'}", "API_TOKEN": None})
    token = app.extensions["checker"].token
    assert len(token) >= 24 and token in capsys.readouterr().err
    client = app.test_client()
    assert_problem(client.post("/api/v1/articles", json={"text": TROOPS_ID}), 401)
    assert client.post("/api/v1/articles", json={"text": TROOPS_ID},
                       headers={"Authorization": f"Bearer {token}"}).status_code == 201


# --- URL fetching -------------------------------------------------------------------------------

class _Pages(http.server.BaseHTTPRequestHandler):
    pages = {
        "/article.html": ("text/html; charset=utf-8", f"<html><body><p>{TROOPS_ID}</p></body></html>".encode()),
        "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/big.txt": ("text/plain", b"a " * 40000),
    }

    def do_GET(self):
        if self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/article.html" if left == 0 else f"/hop/{left - 1}")
            self.end_headers()
            return
        if self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/article.html")
            self.end_headers()
            return
        if self.path not in self.pages:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def page_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_fetch_url_from_an_allowed_host(client, page_server):
    url = f"{page_server}/article.html"
    response = client.post("/api/v1/articles", json={"url": url, "source": "Local"}, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["claims"]
    assert client.post("/api/v1/articles", json={"url": url, "source": "Local"}, headers=AUTH).status_code == 200
    # the same page through redirects, under another URL and no outlet: a new appearance of its text
    hop = client.post("/api/v1/articles", json={"url": f"{page_server}/hop/2"}, headers=AUTH)
    assert hop.status_code == 201
    assert [a["url"] for a in hop.get_json()["articles"][0]["appearances"]] == [url, f"{page_server}/hop/2"]


def test_fetch_refusals(client, page_server):
    post = lambda url: client.post("/api/v1/articles", json={"url": url}, headers=AUTH)
    port = page_server.rsplit(":", 1)[1]
    assert "non-public" in assert_problem(post(f"http://127.0.0.1:{port}/article.html"), 422, field="url")["detail"]
    assert_problem(post("http://169.254.169.254/latest/meta-data/"), 422, field="url")
    assert_problem(post("http://10.0.0.1/"), 422, field="url")
    assert_problem(post("http://[::1]/"), 422, field="url")
    assert_problem(post(f"{page_server}/to-private"), 422, field="url")  # a redirect is checked too
    assert_problem(post(f"{page_server}/image.png"), 422, field="url")
    assert "larger" in assert_problem(post(f"{page_server}/big.txt"), 422, field="url")["detail"]
    assert_problem(post(f"{page_server}/hop/9"), 502)
    assert_problem(post(f"{page_server}/missing"), 502)
    assert_problem(post("ftp://localhost/x"), 422, field="url")
