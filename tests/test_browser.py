"""The real dashboard in headless Chromium: the image's start command (docker/entrypoint.sh with
gunicorn.conf.py) serves a throwaway SQLite store with the seeds loaded on a loopback port, and
Playwright drives Debian's Chromium (never a downloaded browser) through the pages a reviewer
uses. Screenshots land in artifacts/screenshots/ for CI to keep."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "browser-test-token"
ARTICLE = ("Pentagon: 12.000 tentara Korea Utara di Kursk\n\n"
           "Pentagon menyebut sebanyak 12.000 tentara Korea Utara telah tiba di wilayah Kursk, Rusia, "
           "pada 4 November 2024.\n")
# a script and an event handler that would leave traces (a changed title, a dialog) if they ran
HOSTILE = ("Laporan <script>document.title = 'pwned'; alert('script')</script> dari Kursk\n\n"
           "Sebanyak 11.000 tentara Korea Utara dikirim ke Rusia pada 2 November 2024, kata pejabat "
           "<img src=x onerror=\"document.title = 'pwned'; alert('onerror')\"> Ukraina.\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data_dir: Path, port: int, extra_env: dict | None = None) -> subprocess.Popen:
    """The image's start command, run directly: what `docker run` would run."""
    env = {**os.environ, "CHECKER_PYTHON": sys.executable, "CHECKER_DATA_DIR": str(data_dir),
           "CHECKER_BIND": f"127.0.0.1:{port}", "CHECKER_WORKERS": "2", **(extra_env or {})}
    env.pop("CHECKER_DATABASE_URL", None)
    log = open(data_dir / "server.log", "w")
    return subprocess.Popen([str(ROOT / "docker" / "entrypoint.sh")], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(base: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited ({process.returncode}):\n{log.read_text()}")
        try:
            if requests.get(f"{base}/api/v1/health", timeout=10).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.3)
    raise AssertionError(f"no health answer within {seconds}s:\n{log.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)  # gunicorn's master and its workers, and nothing else
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("browser-store")
    port = free_port()
    process = start_server(data_dir, port, {"CHECKER_LOAD_SEEDS": "1", "CHECKER_API_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, process, data_dir / "server.log")
        yield base
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def playwright():
    assert Path(CHROMIUM).exists(), "install Debian's chromium package (apt-get install -y chromium)"
    with sync_playwright() as driver:
        yield driver


def launch(playwright, profile: Path, **options):
    """Debian's Chromium on a fresh user-data dir, kept off the network."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900}, **options)


@pytest.fixture(scope="module")
def browser_context(playwright, tmp_path_factory):
    context = launch(playwright, tmp_path_factory.mktemp("chromium-profile"))
    yield context
    context.close()


@pytest.fixture()
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 1000


def submit_through_form(page, base: str, text: str) -> None:
    page.goto(f"{base}/submit")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=api_token]", TOKEN)
    with page.expect_navigation():
        page.click("form.submit button[type=submit]")
    errors = page.locator("p.error")
    assert "/articles/" in page.url, errors.inner_text() if errors.count() else page.url


def claims_behind(server: str, finding_url: str) -> int:
    """How many claims the API says a finding shown at this dashboard address lists."""
    finding_id = finding_url.rstrip("/").rsplit("/", 1)[-1]
    found = requests.get(f"{server}/api/v1/findings", params={"per_page": 500}, timeout=10).json()["items"]
    return len(next(f for f in found if f["id"] == finding_id)["claims"])


def test_overview_then_a_finding_with_both_evidence_sentences(server, page):
    page.goto(f"{server}/")
    assert page.inner_text("#count-articles") == "5"
    assert int(page.inner_text("#count-findings")) > 0
    screenshot(page, "overview")
    page.click("nav >> text=Findings")
    page.click("a.finding-link >> nth=0")
    assert "/findings/" in page.url
    sentences = page.locator("blockquote.sentence")
    # one sentence per claim behind the finding: both sides, every sentence repeating a figure
    assert sentences.count() == claims_behind(server, page.url) >= 2
    for n in range(sentences.count()):
        assert sentences.nth(n).inner_text().strip()
        assert sentences.nth(n).locator("mark.hl").count() >= 1  # figures, dates or stance words
    assert page.locator("ul.reasons li").count() >= 1
    screenshot(page, "finding")


def test_a_quantity_finding_highlights_the_figures(server, page):
    findings = requests.get(f"{server}/api/v1/findings", params={"dimension": "quantity"}, timeout=10).json()
    assert findings["items"], "the seeds disagree on troop counts"
    page.goto(f"{server}/findings/{findings['items'][0]['id']}")
    assert page.locator("blockquote.sentence mark.hl-figure.own").count() == 2


def test_the_troops_timeline_has_one_mark_per_claim(server, page):
    claims = requests.get(f"{server}/api/v1/claims", timeout=10, params={
        "subject": "north_korea", "measure": "troops", "kind": "quantity", "per_page": 500}).json()
    page.goto(f"{server}/facts/north_korea/troops")
    marks = page.locator("figure.timeline-chart svg g.mark")
    assert marks.count() == claims["total"] >= 3
    drawn = sorted(marks.nth(n).get_attribute("data-claim") for n in range(marks.count()))
    assert drawn == sorted(c["id"] for c in claims["items"])
    assert page.locator("figure.timeline-chart svg > title").text_content().strip()  # the text alternative
    screenshot(page, "timeline")


def test_an_article_submitted_through_the_form_shows_its_findings(server, playwright, tmp_path):
    context = launch(playwright, tmp_path / "profile", java_script_enabled=False)  # pages must not need it
    page = context.new_page()
    try:
        submit_through_form(page, server, ARTICLE)
        assert "/articles/" in page.url
        assert "12.000" in page.inner_text("#article-body")
        assert page.locator(".claim-sentence").count() >= 1
        assert page.locator("a.finding-link").count() >= 1  # 12.000 against the seeds' 8.000 and 10.000
        page.click("a.finding-link >> nth=0")
        assert page.locator("blockquote.sentence").count() == claims_behind(server, page.url) >= 2
    finally:
        context.close()


def test_the_form_without_the_api_token_stores_nothing(server, page):
    before = requests.get(f"{server}/api/v1/articles", timeout=10).json()["total"]
    page.goto(f"{server}/submit")
    page.fill("textarea[name=text]", ARTICLE.replace("12.000", "13.000"))
    page.fill("input[name=api_token]", "not-the-token")
    with page.expect_navigation():
        page.click("form.submit button[type=submit]")
    assert "API token" in page.inner_text("p.error")
    assert requests.get(f"{server}/api/v1/articles", timeout=10).json()["total"] == before


def test_a_hostile_article_shows_as_text_and_runs_no_script(server, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    submit_through_form(page, server, HOSTILE)
    assert "/articles/" in page.url
    body = page.inner_text("#article-body")
    assert "<script>" in body and "onerror=" in body  # the markup, shown as text
    assert page.locator("#article-body script, #article-body img").count() == 0
    assert page.title().startswith("Laporan <script>")  # the headline as text, never set to 'pwned'
    assert not dialogs
    assert "script-src" not in (page.request.get(page.url).headers.get("content-security-policy") or "x")
    assert "default-src 'none'" in page.request.get(page.url).headers["content-security-policy"]


def test_the_start_command_loads_the_seeds_once(tmp_path):
    """A restart of the image is no first start: the seeds are not posted again, the token stays."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    tokens = []
    for _ in range(2):
        process = start_server(tmp_path, port, {"CHECKER_LOAD_SEEDS": "1"})
        try:
            wait_healthy(base, process, tmp_path / "server.log")
            assert requests.get(f"{base}/api/v1/articles", timeout=10).json()["total"] == 5
            tokens.append((tmp_path / "api-token").read_text().strip())
            log = (tmp_path / "server.log").read_text()
            assert f"API token (form field and 'Authorization: Bearer'): {tokens[-1]}" in log
        finally:
            stop_server(process)
    assert tokens[0] == tokens[1] and len(tokens[0]) >= 24
    assert "not loading" in log  # the second start saw the stored articles


def test_the_start_command_without_seeds_serves_an_empty_store(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(tmp_path, port, {"CHECKER_LOAD_SEEDS": "0", "CHECKER_API_TOKEN": TOKEN})
    try:
        wait_healthy(base, process, tmp_path / "server.log")
        assert requests.get(f"{base}/api/v1/health", timeout=10).json()["status"] == "ok"
        assert requests.get(f"{base}/api/v1/articles", timeout=10).json()["total"] == 0
        assert "No articles stored yet." in requests.get(f"{base}/", timeout=10).text
    finally:
        stop_server(process)
