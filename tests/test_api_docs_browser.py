"""The API reference page in Debian's headless Chromium: Swagger UI, served by the server itself
from the swagger-ui-bundle package, renders every operation of the OpenAPI document under the
page's Content-Security-Policy, without a request leaving the server and without an error."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from checker.api import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.sqlite3'}",
                      "API_TOKEN": "docs-token"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    app.extensions["checker"].engine.dispose()


def test_the_docs_page_renders_every_operation_from_local_files(base, tmp_path):
    assert Path(CHROMIUM).exists(), "install Debian's chromium package (apt-get install -y chromium)"
    import requests

    spec = requests.get(base + "/api/v1/openapi.json", timeout=10).json()
    operations = sum(1 for ops in spec["paths"].values() for method in ops if method != "parameters")
    elsewhere, errors, violations = [], [], []
    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()

            def route(r):
                if r.request.url.startswith(base):
                    r.continue_()
                else:
                    elsewhere.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                                 "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
            page.goto(base + "/api/v1/docs")
            page.wait_for_selector(".opblock", timeout=30_000)
            rendered = page.locator(".opblock").count()
            title = page.locator(".info .title").inner_text()
            page.locator(".opblock-summary-path[data-path='/api/v1/parse']").first.click()
            page.wait_for_selector(".opblock.is-open .opblock-description-wrapper", timeout=10_000)
            described = page.locator(".opblock.is-open").inner_text()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))
        finally:
            context.close()
    assert rendered == operations, (rendered, operations)
    assert title.startswith("checker")
    assert "Duckling" in described, described[:500]
    assert not elsewhere, elsewhere  # nothing from a CDN or anywhere else
    violations = [e for e in errors if "CSP violation" in e or "Content Security Policy" in e]
    assert not violations, violations
    assert not errors, errors
