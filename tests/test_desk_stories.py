"""Stories and exports through the API, on SQLite and (when reachable) PostgreSQL: the seeds
make one story with a readable name, an unrelated article a story of its own; a story's page
lists its articles, disputed facts, findings with decisions and history; CSV and ClaimReview."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checker.api import create_app

from test_api import assert_problem, database_url  # noqa: F401  (fixture)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TOKEN = "stories-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STADIUM = ("---\nsource: Antara\npublished: 2022-10-02\ntitle: Tragedi Kanjuruhan\n---\n"
           "Malang - Sebanyak 125 orang tewas dalam tragedi di Stadion Kanjuruhan, Malang, Jawa Timur, "
           "pada 1 Oktober 2022, kata polisi.\n")
SEED_STORY = "North Korea deployment in Russia, 28 Oct 2024 \u2013 29 Apr 2025"


@pytest.fixture(scope="module")
def client(database_url):  # noqa: F811
    app = create_app({"DATABASE_URL": database_url, "API_TOKEN": TOKEN, "TESTING": True})
    client = app.test_client()
    for text in [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [STADIUM]:
        assert client.post("/api/v1/articles", data=text.encode(), content_type="text/plain",
                           headers=AUTH).status_code == 201
    yield client
    app.extensions["checker"].engine.dispose()


def seed_story(client) -> dict:
    items = client.get("/api/v1/stories").get_json()["items"]
    return next(s for s in items if s["articles"] == 5)


def test_the_seeds_are_one_story_with_a_readable_name_and_the_stadium_another(client):
    body = client.get("/api/v1/stories").get_json()
    assert body["total"] == 2
    names = [s["name"] for s in body["items"]]
    assert names[0] == SEED_STORY  # the latest first
    # "tragedi di Stadion Kanjuruhan" is a crowd disaster (a stadium named): a typed happening's date
    # names its story before any figure of it (desk/stories._kind_rank)
    assert names[1] == "Date of the crowd disaster in Indonesia, 2 Oct 2022"
    assert not any("_" in name or "|" in name for name in names)
    assert all("_" not in f["label"] for s in body["items"] for f in s["facts"])


def test_a_story_lists_its_articles_disputed_facts_and_findings(client):
    story = client.get(f"/api/v1/stories/{seed_story(client)['id']}").get_json()
    assert story["name"] == SEED_STORY and len(story["articles"]) == 5
    published = [a["published"] for a in story["articles"]]
    dated = [p for p in published if p]
    assert dated == sorted(dated) and published[-1] is None  # by date, the undated one last
    assert [d["label"] for d in story["disputed"]][:2] == ["North Korea deployment in Russia", "Troops of North Korea"]
    assert story["findings"] and all(f["decision"]["state"] == "open" for f in story["findings"])
    assert {a for f in story["findings"] for a in f["articles"]} <= {a["id"] for a in story["articles"]}
    assert_problem(client.get("/api/v1/stories/000000000000"), 404)


def test_a_decision_shows_in_the_story_its_history_and_its_exports(client):
    story_id = seed_story(client)["id"]
    findings = client.get(f"/api/v1/stories/{story_id}").get_json()["findings"]
    confirmed, dismissed = findings[0]["id"], findings[1]["id"]
    assert_problem(client.get(f"/api/v1/findings/{confirmed}/claimreview"), 409)
    assert client.patch(f"/api/v1/findings/{confirmed}", json={"state": "confirmed", "note": "checked with both outlets"},
                        headers=AUTH).status_code == 200
    assert client.patch(f"/api/v1/findings/{dismissed}", json={"state": "dismissed", "reason": "update"},
                        headers=AUTH).status_code == 200
    story = client.get(f"/api/v1/stories/{story_id}").get_json()
    states = {f["id"]: f["decision"]["state"] for f in story["findings"]}
    assert states[confirmed] == "confirmed" and states[dismissed] == "dismissed"
    actions = [(e["actor"], e["action"], e["target"]) for e in story["history"]]
    assert ("admin", "decide", f"finding:{confirmed}") in actions
    assert sum(1 for _, action, _ in actions if action == "post") == 5

    export = client.get(f"/api/v1/stories/{story_id}/export.csv")
    assert export.status_code == 200 and export.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert {r["finding"] for r in rows} == {f["id"] for f in story["findings"]}
    assert {r["decision"] for r in rows if r["finding"] == confirmed} == {"confirmed"}
    assert {r["reason"] for r in rows if r["finding"] == dismissed} == {"update"}
    assert all(r["evidence"] and r["fact"] and "_" not in r["fact"] for r in rows)
    one = list(csv.DictReader(io.StringIO(client.get(f"/api/v1/findings/{confirmed}/export.csv").get_data(as_text=True))))
    assert {r["finding"] for r in one} == {confirmed} and len(one) == len(findings[0]["claims"])

    review = client.get(f"/api/v1/findings/{confirmed}/claimreview")
    assert review.status_code == 200 and review.mimetype == "application/ld+json"
    body = review.get_json()
    assert body["@context"] == "https://schema.org" and body["@type"] == "ClaimReview"
    assert body["author"]["name"] == "admin" and body["reviewRating"]["ratingExplanation"] == findings[0]["summary"]
    claims = client.get(f"/api/v1/claims?per_page=500").get_json()["items"]
    evidence = {c["id"]: c["evidence"]["text"] for c in claims}
    assert body["claimReviewed"] == evidence[findings[0]["claims"][0]]
    assert body["itemReviewed"]["@type"] == "Claim" and body["itemReviewed"]["appearance"][0]["@type"] == "NewsArticle"
    assert [c["text"] for c in body["citation"]] == [evidence[c] for c in findings[0]["claims"][1:]]


def test_a_fact_exports_its_values_as_csv(client):
    facts = client.get("/api/v1/facts?kind=quantity").get_json()["items"]
    fact = facts[0]
    export = client.get(f"/api/v1/facts/{fact['id']}/export.csv")
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert len(rows) == len(fact["values"]) and {r["status"] for r in rows} == {v["status"] for v in fact["values"]}
    assert_problem(client.get("/api/v1/facts/bm9wZQ/export.csv"), 404)


def test_csv_cells_never_start_a_formula():
    from checker.desk.exports import to_csv

    text = to_csv([{"a": "=1+1", "b": "-3", "c": "plain", "d": ""}], ("a", "b", "c", "d"))
    assert text.splitlines()[1] == "'=1+1,'-3,plain,"


def test_the_dashboard_story_page_and_its_printable_report(client):
    story_id = seed_story(client)["id"]
    overview = client.get("/").get_data(as_text=True)
    assert f"/stories/{story_id}" in overview and "North Korea deployment in Russia, 28 Oct 2024" in overview
    page = client.get(f"/stories/{story_id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h1 class=\"story-name\">North Korea deployment in Russia" in html
    assert "north_korea" not in html.replace("north_korea.deployment", "").replace("/facts/north_korea", "")
    assert 'class="fact-value' in html and "Troops of North Korea" in html
    printed = client.get(f"/stories/{story_id}/print")
    assert printed.status_code == 200 and "print.css" in printed.get_data(as_text=True)
    assert "<svg" in printed.get_data(as_text=True)
    assert client.get("/stories/000000000000").status_code == 404
