"""The reviewer's desk in headless Chromium over the image's start command (gunicorn, SQLite,
the seeds loaded): open the seeds' story, read its disputed fact, confirm one finding and dismiss
another with a reason through the finding page's form with a reviewer's token, see both decisions
survive a re-post of the same articles (and a delete and re-post of one) and a restart of the
server, export the story as CSV and a confirmed finding as ClaimReview, and check that the
reviewer's token cannot delete. Screenshots of the story page and a decided finding."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from test_browser import ROOT, free_port, launch, screenshot, start_server, stop_server, wait_healthy

ADMIN = "desk-browser-admin-token"
SEEDS = ROOT / "seeds"


class Server:
    def __init__(self, data_dir: Path):
        self.data_dir, self.port = data_dir, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> None:
        self.process = start_server(self.data_dir, self.port, {"CHECKER_LOAD_SEEDS": "1", "CHECKER_API_TOKEN": ADMIN})
        wait_healthy(self.base, self.process, self.data_dir / "server.log")

    def stop(self) -> None:
        if self.process is not None:
            stop_server(self.process)
            self.process = None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("desk-store"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def reviewer(server) -> str:
    """A reviewer's token, made the way an admin makes one: `checker tokens add`."""
    made = subprocess.run([sys.executable, "-m", "checker.cli", "tokens", "add", "rita", "--role", "reviewer",
                           "--database", f"sqlite:///{server.data_dir / 'checker.sqlite3'}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory):
    context = launch(playwright, tmp_path_factory.mktemp("desk-chromium"))
    yield context
    context.close()


@pytest.fixture(scope="module")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def decide_through_the_form(page, state: str, token: str, reason: str = "", note: str = "") -> None:
    page.check(f"form.decide input[name=state][value={state}]")
    if reason:
        page.select_option("form.decide select[name=reason]", reason)
    page.fill("form.decide textarea[name=note]", note)
    page.fill("form.decide input[name=api_token]", token)
    with page.expect_navigation():
        page.click("form.decide button[type=submit]")
    errors = page.locator("#decision p.error")
    assert not errors.count(), errors.inner_text()


def decision_shown(page, base: str, finding_id: str) -> str:
    page.goto(f"{base}/findings/{finding_id}")
    return page.inner_text("#decision p.decided")


def test_a_reviewer_decides_in_a_story_and_the_decisions_last(server, reviewer, browser):
    page = browser.new_page()
    base = server.base
    page.goto(f"{base}/")
    page.click("a.story-link >> nth=0")
    assert "/stories/" in page.url
    story_url = page.url
    assert page.inner_text("h1.story-name").startswith("North Korea deployment in Russia, 28 Oct 2024")
    disputed = page.locator("section.disputed-fact").first
    assert disputed.locator("h3").inner_text().startswith("North Korea deployment in Russia")
    assert disputed.locator("tr.fact-value").count() >= 2  # its values by source
    assert page.locator("table.story-articles tbody tr").count() == 5
    screenshot(page, "story")

    links = page.locator("table.findings a.finding-link")
    assert links.count() >= 2
    first, second = (links.nth(n).get_attribute("href").rsplit("/", 1)[-1] for n in range(2))
    page.goto(f"{base}/findings/{first}")
    decide_through_the_form(page, "confirmed", reviewer, note="Both sources checked: they contradict.")
    shown = page.inner_text("#decision p.decided")
    assert "confirmed" in shown and "rita" in shown
    screenshot(page, "decided-finding")
    page.goto(f"{base}/findings/{second}")
    decide_through_the_form(page, "dismissed", reviewer, reason="different_scope")
    assert "different scope" in page.inner_text("#decision p.decided")

    # the reviewer's token posts but cannot delete
    articles = requests.get(f"{base}/api/v1/findings/{first}", timeout=10).json()["articles"]
    refused = requests.delete(f"{base}/api/v1/articles/{articles[0]}", headers={"Authorization": f"Bearer {reviewer}"},
                              timeout=10)
    assert refused.status_code == 403 and refused.headers["Content-Type"] == "application/problem+json"
    assert requests.get(f"{base}/api/v1/articles/{articles[0]}", timeout=10).status_code == 200

    # a re-post of the same articles, and a delete (an admin's) and re-post of one of them
    for path in sorted(SEEDS.glob("*.txt")):
        again = requests.post(f"{base}/api/v1/articles", data=path.read_bytes(), timeout=60,
                              headers={"Authorization": f"Bearer {reviewer}", "Content-Type": "text/plain"})
        assert again.status_code == 200  # known already
    text = next(p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))
                if requests.post(f"{base}/api/v1/articles", data=p.read_bytes(), timeout=60, headers={
                    "Authorization": f"Bearer {ADMIN}", "Content-Type": "text/plain"}).json()["articles"][0]["id"] == articles[0])
    assert requests.delete(f"{base}/api/v1/articles/{articles[0]}", headers={"Authorization": f"Bearer {ADMIN}"},
                           timeout=10).status_code == 204
    assert requests.post(f"{base}/api/v1/articles", data=text, timeout=60, headers={
        "Authorization": f"Bearer {ADMIN}", "Content-Type": "text/plain"}).status_code == 201
    assert "confirmed" in decision_shown(page, base, first)

    server.stop()
    server.start()
    assert "confirmed" in decision_shown(page, base, first) and "rita" in decision_shown(page, base, first)
    assert "different scope" in decision_shown(page, base, second)

    page.goto(story_url)
    rows = page.locator("table.findings tbody tr")
    states = {rows.nth(n).locator("a.finding-link").get_attribute("href").rsplit("/", 1)[-1]:
              rows.nth(n).locator("span[class*=decision-]").inner_text() for n in range(rows.count())}
    assert states[first] == "confirmed" and states[second] == "dismissed"
    history = page.inner_text("ul.history")
    assert "rita: decide" in history and "admin: delete" in history

    exported = page.request.get(base + page.get_attribute("a[href$='export.csv']", "href"))
    assert exported.ok and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text())))
    assert {r["decision"] for r in rows if r["finding"] == first} == {"confirmed"}
    assert {r["reason"] for r in rows if r["finding"] == second} == {"different_scope"}
    review = page.request.get(base + page.get_attribute("a.claimreview", "href"))
    assert review.ok and review.headers["content-type"].startswith("application/ld+json")
    body = review.json()
    assert body["@type"] == "ClaimReview" and body["author"]["name"] == "rita"
    assert body["reviewRating"]["ratingExplanation"] and body["citation"]
    page.close()


def test_the_dashboard_speaks_indonesian(server, browser, tmp_path_factory, playwright):
    """The language switch turns the chrome, the story's name and facts, and the findings'
    summaries and reasons Indonesian (from rules/id/wording.yaml); the choice is remembered, and a
    browser asking for Indonesian gets it without switching. English stays the default."""
    base = server.base
    page = browser.new_page()
    page.goto(f"{base}/")
    assert page.inner_text("section.stories h2") == "Active stories"
    page.click("nav.languages a[hreflang=id]")
    assert page.get_attribute("html", "lang") == "id"
    assert page.inner_text("section.stories h2") == "Topik terkini"
    assert "Temuan menurut jenis" in page.inner_text("section.charts")
    assert page.inner_text("nav.languages strong") == "Bahasa Indonesia"

    page.click("a.story-link >> nth=0")  # the choice is remembered: no lang in this link
    assert "lang=" not in page.url
    name = page.inner_text("h1.story-name")
    assert name.startswith("Pengerahan pasukan Korea Utara di Rusia, 28 Okt 2024"), name
    assert "Fakta yang dipersoalkan" in page.inner_text("main")
    summaries = page.locator("table.findings a.finding-link").all_inner_texts()
    assert any("membantah" in s and "sedangkan" in s for s in summaries), summaries
    assert page.locator("table.findings span.badge.type-conflict").first.inner_text() == "pertentangan"
    screenshot(page, "dashboard-id")

    page.click("table.findings a.finding-link >> nth=0")
    heading = page.inner_text("h1")
    assert "membenarkan" in heading or "membantah" in heading, heading
    assert page.inner_text("#decision h2") == "Keputusan pemeriksa"
    reasons = page.inner_text("ul.reasons")
    assert "pernyataan" in reasons or "angka" in reasons, reasons  # the reason in the rules' Indonesian
    page.click("nav.languages a[hreflang=en]")
    assert page.inner_text("#decision h2") == "Review decision"
    page.close()

    asking = launch(playwright, tmp_path_factory.mktemp("chromium-id"), locale="id-ID")
    try:
        page = asking.new_page()
        page.goto(f"{base}/")
        assert page.inner_text("section.stories h2") == "Topik terkini"
    finally:
        asking.close()
