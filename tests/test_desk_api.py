"""The reviewer's desk through the API, on SQLite and (when reachable) PostgreSQL: review
decisions (recorded, shown, filtered, lasting across a delete and re-post), per-user tokens with
roles, and the record of who wrote what."""
from __future__ import annotations

import threading

import pytest

from checker.desk.accounts import add_token
from checker.storage import desk

# the API tests' app on each database (the server's token is an admin's), emptied after each test
from test_api import TOKEN as ADMIN, TROOPS_ID, TROOPS_OTHER, app, assert_problem, client, database_url  # noqa: F401


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def reviewer(app) -> str:
    return add_token(app.extensions["checker"].sessions, "rita", "reviewer")


def post(client, text: str, token: str = ADMIN, source: str = "Outlet") -> dict:
    response = client.post(f"/api/v1/articles?source={source}", data=text.encode(), content_type="text/plain",
                           headers=bearer(token))
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.get_json()


@pytest.fixture
def finding_id(client) -> str:
    post(client, TROOPS_ID, source="Antara")
    report = post(client, TROOPS_OTHER, source="Kompas")
    assert report["findings"], report
    return report["findings"][0]["id"]


def decide(client, finding_id: str, body, token: str = ADMIN, **kwargs):
    return client.patch(f"/api/v1/findings/{finding_id}", json=body, headers=bearer(token), **kwargs)


def test_a_finding_is_open_until_decided(client, finding_id):
    body = client.get(f"/api/v1/findings/{finding_id}").get_json()
    assert body["id"] == finding_id and body["decision"] == {"state": "open"}


def test_a_reviewer_confirms_and_the_finding_says_who_and_when(client, finding_id, reviewer):
    response = decide(client, finding_id, {"state": "confirmed", "note": "both figures checked"}, reviewer)
    assert response.status_code == 200, response.get_data(as_text=True)
    decision = client.get(f"/api/v1/findings/{finding_id}").get_json()["decision"]
    assert decision["state"] == "confirmed" and decision["note"] == "both figures checked"
    assert decision["decided_by"] == "rita" and decision["decided_at"]
    listed = client.get("/api/v1/findings?decision=confirmed").get_json()
    assert [f["id"] for f in listed["items"]] == [finding_id]
    assert listed["items"][0]["decision"]["decided_by"] == "rita"
    assert finding_id not in {f["id"] for f in client.get("/api/v1/findings?decision=open").get_json()["items"]}


def test_a_dismissal_needs_a_reason_from_the_list(client, finding_id):
    assert_problem(decide(client, finding_id, {"state": "dismissed"}), 422, "reason")
    assert_problem(decide(client, finding_id, {"state": "dismissed", "reason": "boring"}), 422, "reason")
    assert_problem(decide(client, finding_id, {"state": "confirmed", "reason": "update"}), 422, "reason")
    assert_problem(decide(client, finding_id, {"state": "maybe"}), 422, "state")
    assert_problem(decide(client, finding_id, {"state": "open", "colour": "red"}), 422, "colour")
    assert_problem(decide(client, finding_id, ["confirmed"]), 422)
    assert client.get(f"/api/v1/findings/{finding_id}").get_json()["decision"] == {"state": "open"}
    ok = decide(client, finding_id, {"state": "dismissed", "reason": "different_scope"})
    assert ok.get_json()["decision"]["reason"] == "different_scope"
    assert [f["id"] for f in client.get("/api/v1/findings?decision=dismissed").get_json()["items"]] == [finding_id]


def test_decision_requests_gone_wrong_are_problems(client, finding_id):
    assert_problem(client.patch(f"/api/v1/findings/{finding_id}", json={"state": "confirmed"}), 401)
    assert_problem(decide(client, finding_id, {"state": "confirmed"}, "not-a-token"), 401)
    assert_problem(decide(client, "0" * 16, {"state": "confirmed"}), 404)
    assert_problem(client.patch(f"/api/v1/findings/{finding_id}", data="state=confirmed",
                                content_type="application/x-www-form-urlencoded", headers=bearer(ADMIN)), 415)
    assert_problem(client.patch(f"/api/v1/findings/{finding_id}", data="{", content_type="application/json",
                                headers=bearer(ADMIN)), 400)
    assert_problem(client.get("/api/v1/findings?decision=later"), 422)
    assert_problem(client.get("/api/v1/findings/" + "f" * 16), 404)


def test_a_decision_survives_a_delete_and_a_repost(client, finding_id):
    decide(client, finding_id, {"state": "dismissed", "reason": "update", "note": "later count"})
    article = client.get("/api/v1/articles?source=Kompas").get_json()["items"][0]["id"]
    assert article in client.get(f"/api/v1/findings/{finding_id}").get_json()["articles"]
    assert client.delete(f"/api/v1/articles/{article}", headers=bearer(ADMIN)).status_code == 204
    assert client.get(f"/api/v1/findings/{finding_id}").status_code == 404
    body = client.get("/api/v1/decisions").get_json()
    assert [d["finding"] for d in body["decisions"]] == [finding_id]  # kept while the finding is gone
    reposted = post(client, TROOPS_OTHER, source="Kompas")
    assert finding_id in {f["id"] for f in reposted["findings"]}
    decision = client.get(f"/api/v1/findings/{finding_id}").get_json()["decision"]
    assert (decision["state"], decision["reason"], decision["note"]) == ("dismissed", "update", "later count")


def test_a_reviewer_posts_and_decides_but_cannot_delete(client, app, reviewer):
    report = post(client, TROOPS_ID, reviewer, source="Antara")
    article = report["articles"][0]["id"]
    assert_problem(client.delete(f"/api/v1/articles/{article}", headers=bearer(reviewer)), 403)
    assert client.get(f"/api/v1/articles/{article}").status_code == 200
    sessions = app.extensions["checker"].sessions
    assert desk.revoke_token(sessions, "rita", "test")
    assert_problem(client.post("/api/v1/articles", json={"text": TROOPS_OTHER}, headers=bearer(reviewer)), 401)
    boss = add_token(sessions, "ade", "admin")
    assert client.delete(f"/api/v1/articles/{article}", headers=bearer(boss)).status_code == 204


def test_only_an_admin_deletes_an_outlets_copy_and_it_is_recorded(client, app, reviewer):
    article = post(client, TROOPS_ID, reviewer, source="Antara")["articles"][0]["id"]
    post(client, TROOPS_ID, reviewer, source="Harian Lain")  # the same text: a second appearance
    first, copy = [a["id"] for a in client.get(f"/api/v1/articles/{article}").get_json()["articles"][0]["appearances"]]
    target = f"/api/v1/articles/{article}/appearances/{copy}"
    assert_problem(client.delete(target, headers=bearer(reviewer)), 403)
    assert client.delete(target, headers=bearer(ADMIN)).status_code == 204
    with app.extensions["checker"].sessions() as session:
        entries = desk.entries_about(session, [f"article:{article}"])
    assert [(e.actor, e.action, e.detail) for e in entries if e.action == "delete"] == [
        ("admin", "delete", {"appearance": copy})]
    assert [e.actor for e in entries if e.action == "post"] == ["rita", "rita"]  # the text, then its copy


def test_every_write_is_recorded_with_who(client, app, finding_id, reviewer):
    decide(client, finding_id, {"state": "confirmed"}, reviewer)
    articles = client.get(f"/api/v1/findings/{finding_id}").get_json()["articles"]
    client.delete(f"/api/v1/articles/{articles[0]}", headers=bearer(ADMIN))
    with app.extensions["checker"].sessions() as session:
        entries = desk.entries_about(session, [f"finding:{finding_id}"] + [f"article:{a}" for a in articles])
    seen = {(e.actor, e.action, e.target) for e in entries}
    assert ("rita", "decide", f"finding:{finding_id}") in seen
    assert ("admin", "delete", f"article:{articles[0]}") in seen
    assert {("admin", "post", f"article:{a}") for a in articles} <= seen


def test_tokens_are_stored_as_digests_only(app, reviewer):
    from sqlalchemy import select

    with app.extensions["checker"].sessions() as session:
        stored = session.scalars(select(desk.TokenRecord.token_sha256)).all()
    assert stored and reviewer not in stored and all(len(d) == 64 for d in stored)


def test_racing_decisions_on_one_finding_both_answer(app, finding_id):
    answers = []

    def run(state):
        with app.test_client() as own:
            body = {"state": state} if state != "dismissed" else {"state": state, "reason": "other"}
            answers.append(decide(own, finding_id, body).status_code)

    threads = [threading.Thread(target=run, args=(s,)) for s in ("confirmed", "dismissed") * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 6
    with app.extensions["checker"].sessions() as session:
        assert len(desk.all_decisions(session)) == 1
        assert len(desk.entries_about(session, [f"finding:{finding_id}"])) == 6


def test_an_admin_manages_tokens_through_the_api_and_a_reviewer_cannot(client, reviewer):
    assert_problem(client.get("/api/v1/tokens", headers=bearer(reviewer)), 403)
    assert_problem(client.post("/api/v1/tokens", json={"name": "x"}, headers=bearer(reviewer)), 403)
    made = client.post("/api/v1/tokens", json={"name": "nur", "role": "reviewer"}, headers=bearer(ADMIN))
    assert made.status_code == 201, made.get_data(as_text=True)
    token = made.get_json()["token"]
    assert client.post("/api/v1/articles", json={"text": TROOPS_ID}, headers=bearer(token)).status_code == 201
    listed = client.get("/api/v1/tokens", headers=bearer(ADMIN)).get_json()["items"]
    assert {t["name"]: t["role"] for t in listed} == {"rita": "reviewer", "nur": "reviewer"}
    assert all("token" not in t for t in listed)
    assert_problem(client.post("/api/v1/tokens", json={"name": "nur"}, headers=bearer(ADMIN)), 409)
    assert_problem(client.post("/api/v1/tokens", json={"name": "a b"}, headers=bearer(ADMIN)), 422, "name")
    assert_problem(client.post("/api/v1/tokens", json={"name": "z", "role": "god"}, headers=bearer(ADMIN)), 422, "role")
    assert client.delete("/api/v1/tokens/nur", headers=bearer(ADMIN)).status_code == 204
    assert_problem(client.post("/api/v1/articles", json={"text": TROOPS_OTHER}, headers=bearer(token)), 401)
    assert_problem(client.delete("/api/v1/tokens/nur", headers=bearer(ADMIN)), 404)
