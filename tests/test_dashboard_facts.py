"""The dashboard's fact page through Flask's test client against a real SQLite store holding
two Kanjuruhan articles that disagree on the dead: the values table above the timeline, its
statuses, its links to the findings and the sentences, and the overview's link to it."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from conftest import stored_app


STORY = Path(__file__).resolve().parent.parent / "corpus" / "stories" / "kanjuruhan" / "articles"
ARTICLES = ("02_inanews_bpbd_174.txt", "03_kompas_dinkes_125.txt")
PAGE = "/facts/crowd_disaster@indonesia/deaths"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = stored_app(tmp_path_factory.mktemp("dashboard-facts-store"), "test-token-for-the-fact-page",
                     [(STORY / name).read_text(encoding="utf-8") for name in ARTICLES])
    yield app
    app.extensions["checker"].engine.dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


def fact_page(client) -> str:
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy and "unsafe-inline" not in policy
    html = response.get_data(as_text=True)
    assert "<script" not in html
    return html


def test_the_fact_page_shows_the_values_above_the_timeline(client):
    html = fact_page(client)
    assert html.index('class="fact-values"') < html.index('class="timeline-chart"')
    rows = re.findall(r'<tr class="fact-value status-(\w+)"><td>([^<]*)</td><td>([^<]*)</td>', html)
    assert rows, "a table of the fact's values"
    figures = {value for _, _, value in rows}
    assert {"174", "125"} <= figures
    statuses = {status for status, _, _ in rows}
    assert statuses & {"conflict", "discrepancy"}
    assert statuses <= {"conflict", "reversal", "correction", "discrepancy", "update", "consistent"}
    assert "disputed</span>" in html
    assert html.count('class="claim-row"') >= len(rows)  # the timeline's table stays below


def test_the_values_link_to_their_findings_and_sentences(client):
    html = fact_page(client)
    findings = set(re.findall(r'class="finding-link" href="([^"]+)"', html))
    assert findings
    for href in findings:
        assert client.get(unescape(href)).status_code == 200
    table = html[html.index('class="fact-values"'):html.index('class="timeline-chart"')]
    articles = set(re.findall(r'href="(/articles/[^"#]+)#claim-[^"]+"', table))
    assert articles and all(client.get(unescape(a)).status_code == 200 for a in articles)
    api = re.search(r'href="(/api/v1/facts/[^"]+)"', html).group(1)
    fact = client.get(unescape(api)).get_json()
    assert fact["key"] == "quantity|crowd_disaster@indonesia|deaths" and fact["disputed"]


def test_the_overview_links_the_disputed_fact_to_its_page(client):
    html = client.get("/").get_data(as_text=True)
    links = {unescape(href).replace("%40", "@") for href in re.findall(r'class="fact-link" href="([^"]+)"', html)}
    assert PAGE in links


def test_a_fact_without_claims_says_so(client):
    html = client.get("/facts/nobody/nothing").get_data(as_text=True)
    assert "No values of this fact are stored." in html and 'class="fact-values"' not in html
