"""The reviewer's desk in the dashboard (Flask's test client over a real SQLite store with the
seeds): recording a decision through the finding page's form, CSRF and role checks, the
findings list's decision filter."""
from __future__ import annotations

import re

from checker.desk.accounts import add_token
from checker.storage import desk, repository

# the dashboard tests' store with the seeds (a store of this module's own: module-scoped)
from test_dashboard import TOKEN, app, client  # noqa: F401


def finding_ids(app) -> list[str]:
    with app.extensions["checker"].sessions() as session:
        return [f.id for f in repository.list_findings(session, per_page=100).items]


def form_of(client, finding_id: str) -> str:
    page = client.get(f"/findings/{finding_id}")
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)


def test_the_form_records_a_dismissal_with_its_reason_and_who(app, client):
    finding_id = finding_ids(app)[0]
    reviewer = add_token(app.extensions["checker"].sessions, "dina", "reviewer")
    csrf = form_of(client, finding_id)
    response = client.post(f"/findings/{finding_id}/decision", data={
        "csrf_token": csrf, "api_token": reviewer, "state": "dismissed", "reason": "extraction_error",
        "note": "the speaker was misread"})
    assert response.status_code == 303
    html = client.get(f"/findings/{finding_id}").get_data(as_text=True)
    assert 'class="badge decision-dismissed">dismissed' in html and "extraction error" in html
    assert "dina" in html and "the speaker was misread" in html
    listed = client.get("/findings?decision=dismissed").get_data(as_text=True)
    assert listed.count('class="finding-link"') == 1 and f"/findings/{finding_id}" in listed
    assert f"/findings/{finding_id}" not in client.get("/findings?decision=open").get_data(as_text=True)


def test_the_form_refuses_without_csrf_a_wrong_token_or_a_missing_reason(app, client):
    finding_id = finding_ids(app)[1]
    assert client.post(f"/findings/{finding_id}/decision", data={
        "api_token": TOKEN, "state": "confirmed"}).status_code == 403
    csrf = form_of(client, finding_id)
    assert client.post(f"/findings/{finding_id}/decision", data={
        "csrf_token": csrf, "api_token": TOKEN, "state": "confirmed"},
        headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.post(f"/findings/{finding_id}/decision", data={
        "csrf_token": csrf, "api_token": "guess", "state": "confirmed"}).status_code == 403
    missing = client.post(f"/findings/{finding_id}/decision", data={
        "csrf_token": csrf, "api_token": TOKEN, "state": "dismissed", "note": "kept"})
    assert missing.status_code == 400 and "needs a reason" in missing.get_data(as_text=True)
    assert "kept" in missing.get_data(as_text=True)  # what was typed is not lost
    with app.extensions["checker"].sessions() as session:
        assert finding_id not in desk.decisions_of(session, [finding_id])


def test_the_findings_filter_refuses_an_unknown_decision(client):
    assert client.get("/findings?decision=maybe").status_code == 400


def test_a_finding_and_a_fact_page_link_their_exports(app, client):
    with app.extensions["checker"].sessions() as session:
        finding_id = [f.id for f in repository.list_findings(session, per_page=100).items
                      if f.dimension == "quantity"][-1]  # a figure's: its fact has a timeline page
    links = re.findall(r'href="([^"]+)"', client.get(f"/findings/{finding_id}").get_data(as_text=True))
    assert f"/api/v1/findings/{finding_id}/export.csv" in links and f"/api/v1/findings/{finding_id}" in links
    assert f"/api/v1/findings/{finding_id}/claimreview" not in links  # open: nothing confirmed to review
    reviewer = add_token(app.extensions["checker"].sessions, "eko", "reviewer")
    client.post(f"/findings/{finding_id}/decision", data={
        "csrf_token": form_of(client, finding_id), "api_token": reviewer, "state": "confirmed"})
    links = re.findall(r'href="([^"]+)"', client.get(f"/findings/{finding_id}").get_data(as_text=True))
    assert f"/api/v1/findings/{finding_id}/claimreview" in links
    for link in links:
        if "/export.csv" in link or link.endswith("/claimreview"):
            assert client.get(link).status_code == 200, link
    timeline = next(link for link in links if link.startswith("/facts/"))
    fact_links = re.findall(r'href="([^"]+)"', client.get(timeline).get_data(as_text=True))
    csvs = [link for link in fact_links if link.startswith("/api/v1/facts/") and link.endswith("/export.csv")]
    assert csvs and all(client.get(link).status_code == 200 for link in csvs)
