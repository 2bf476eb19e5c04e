"""The dashboard through Flask's test client against a real SQLite store holding the seeds,
plus its pure parts (charts, highlights, security helpers) on hand-made input."""
from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from conftest import stored_app

from checker.dashboard import queries
from checker.dashboard.charts import Bar, StancePoint, TimelinePoint, bars_svg, stance_svg, timeline_svg
from checker.dashboard.marks import body_parts, cut
from checker.dashboard.security import CSRF_COOKIE, csrf_token_valid, safe_href, same_origin
from checker.model import Claim, Evidence
from checker.storage import repository

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TOKEN = "test-token-for-the-dashboard"
HOSTILE = ("Serangan <script>document.title='pwned'</script> di Kursk\n\n"
           "Sebanyak 10.000 tentara Korea Utara dikirim ke Rusia pada 1 November 2024, "
           "kata pejabat <img src=x onerror=\"document.title='pwned'\"> Ukraina.\n")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = stored_app(tmp_path_factory.mktemp("dashboard-store"), TOKEN,
                     [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))])
    yield app
    app.extensions["checker"].engine.dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


def sessions(app):
    return app.extensions["checker"].sessions


def all_findings(app):
    with sessions(app)() as session:
        return repository.list_findings(session, per_page=1000).items


def csrf_of(client) -> tuple[str, str]:
    page = client.get("/submit")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    return token, page.headers["Set-Cookie"]


# --- pages ---------------------------------------------------------------------------------

PAGES = ["/", "/findings", "/facts", "/articles", "/facts/north_korea/troops",
         "/stances/north_korea.deployment.russia", "/submit"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_html_with_a_policy_that_forbids_scripts(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy and "unsafe-inline" not in policy
    assert "<script" not in response.get_data(as_text=True)
    assert "http://" not in response.get_data(as_text=True).split("<main>")[0]  # nothing from elsewhere


def test_stylesheet_is_served_by_the_app(client):
    response = client.get("/dashboard/static/dashboard.css")
    assert response.status_code == 200 and b"mark.hl-figure" in response.data


def test_overview_counts_what_the_store_holds(app, client):
    with sessions(app)() as session:
        held = repository.counts(session)
    html = client.get("/").get_data(as_text=True)
    for name in ("articles", "claims", "findings"):
        assert re.search(rf'id="count-{name}">{held[name]}<', html), name
    assert held["articles"] == 5 and held["findings"] > 0
    assert "north_korea / troops" in html or "north_korea.deployment.russia" in html  # a disputed fact
    assert html.count('class="bar ') == 9  # five types (correction among them), four severities


def test_findings_filter_by_type_and_refuse_unknown_values(app, client):
    kinds = {f.type for f in all_findings(app)}
    for kind in kinds:
        html = client.get(f"/findings?type={kind}").get_data(as_text=True)
        badges = re.findall(r'<td><span class="badge type-(\w+)">', html)
        assert badges and set(badges) == {kind}
        assert len(badges) == sum(1 for f in all_findings(app) if f.type == kind)
    assert client.get("/findings?type=rumour").status_code == 400
    assert client.get("/findings?from=yesterday").status_code == 400


def test_findings_filter_by_publication_window(app, client):
    everything = len(all_findings(app))
    html = client.get("/findings?from=2030-01-01").get_data(as_text=True)
    assert "No finding matches." in html
    html = client.get("/findings?from=2024-01-01&to=2025-12-31").get_data(as_text=True)
    assert html.count('class="finding-link"') == everything


def test_findings_are_paginated(app):
    with sessions(app)() as session:
        whole = queries.findings_page(session, queries.FindingFilter(), 1, 1000)
        first = queries.findings_page(session, queries.FindingFilter(), 1, 2)
        second = queries.findings_page(session, queries.FindingFilter(), 2, 2)
    assert first.total == whole.total and first.pages == -(-whole.total // 2)
    assert len(first.items) == 2 and not {f.id for f in first.items} & {f.id for f in second.items}
    assert [f.id for f in first.items + second.items] == [f.id for f in whole.items[:4]]


def test_a_finding_shows_both_evidence_sentences_highlighted(app, client):
    finding = next(f for f in all_findings(app) if f.dimension == "quantity")
    with sessions(app)() as session:
        detail = queries.finding_detail(session, finding.id)
    html = client.get(f"/findings/{finding.id}").get_data(as_text=True)
    quotes = re.findall(r'<blockquote class="sentence">(.*?)</blockquote>', html, re.S)
    assert len(quotes) == len(detail.claims) == 2
    for quote, claim in zip(quotes, detail.claims):
        assert unescape(re.sub(r"<[^>]+>", "", quote)) == claim.evidence.text
        assert 'class="hl hl-figure own"' in quote  # the very figure compared
    for reason in finding.reasons:
        assert unescape(reason) in unescape(html)
    assert client.get("/findings/no-such-finding").status_code == 404


def test_the_troops_timeline_has_one_mark_per_claim(app, client):
    with sessions(app)() as session:
        claims = repository.list_claims(session, subject="north_korea", measure="troops", kind="quantity",
                                        per_page=1000).items
    assert len(claims) >= 3
    html = client.get("/facts/north_korea/troops").get_data(as_text=True)
    marks = re.findall(r'<g class="mark" data-claim="([^"]+)"', html)
    assert sorted(marks) == sorted(c.id for c in claims)
    assert html.count('class="claim-row"') == len(claims)  # the table alternative


def test_a_timeline_window_narrows_the_marks(client):
    html = client.get("/facts/north_korea/troops?to=2024-10-31").get_data(as_text=True)
    narrowed = len(re.findall(r'<g class="mark"', html))
    full = len(re.findall(r'<g class="mark"', client.get("/facts/north_korea/troops").get_data(as_text=True)))
    assert narrowed < full


def test_a_fact_pages_tables_cover_the_claims_its_timeline_shows(client):
    """The value tables are made from the timeline's claims (bounded), not every stored claim of
    the key: narrowing the dates drops the values said outside them from the tables too."""
    def evidence(html):
        tables = html.split("<h2>Timeline</h2>")[0]
        return set(re.findall(r'<a href="/articles/[^"#]+#claim-([^"]+)"', tables))

    def marked(html):
        return set(re.findall(r'<g class="mark" data-claim="([^"]+)"', html))

    full = client.get("/facts/north_korea/troops").get_data(as_text=True)
    narrowed = client.get("/facts/north_korea/troops?to=2024-10-31").get_data(as_text=True)
    assert evidence(full) and evidence(narrowed)
    assert evidence(narrowed) < evidence(full)
    assert evidence(narrowed) <= marked(narrowed)


def test_fast_links_match_the_router(app):
    from flask import url_for

    from checker.dashboard.views import article_url, finding_url

    with app.test_request_context("/"):
        assert article_url("ab12") == url_for("dashboard.article", article_id="ab12")
        assert article_url("ab12", "ab12:3") == url_for("dashboard.article", article_id="ab12", _anchor="claim-ab12:3")
        assert finding_url("f00d") == url_for("dashboard.finding", finding_id="f00d")
        assert finding_url("a/b c") == url_for("dashboard.finding", finding_id="a/b c")


def test_the_legend_gives_each_source_the_colour_of_its_marks(client):
    """Sources differing in case ('TRIBUNNEWS.COM', 'sp-globalindo.co.id') are ordered alike by
    the chart and its legend, so a swatch is the colour its source's marks are drawn in."""
    from checker.dashboard.charts import PALETTE

    html = client.get("/facts/north_korea/troops").get_data(as_text=True)
    legend = re.findall(r'<span class="swatch swatch-(\d)">([^<]+)</span>', html)
    assert len(legend) >= 3 and any(name != name.lower() for _, name in legend)
    for swatch, name in legend:
        strokes = set(re.findall(rf'data-source="{re.escape(name)}">(?:<a [^>]*>)?<title>[^<]*</title><line [^>]*'
                                 r'stroke="(#[0-9A-Fa-f]{6})"', html))
        assert strokes == {PALETTE[int(swatch)]}, name


def test_a_short_timeline_still_has_dated_ticks(client):
    html = client.get("/facts/north_korea/troops").get_data(as_text=True)
    ticks = [t for t in re.findall(r'<text class="tick"[^>]*text-anchor="middle">([^<]+)</text>', html) if t != "undated"]
    assert len(ticks) >= 3 and len(set(ticks)) == len(ticks)


def test_time_ticks_read_as_dates_at_every_span():
    from checker.dashboard.charts import time_ticks

    for days in (14, 19, 40, 70, 400, 4000):
        first = date(2024, 10, 22)
        last = date.fromordinal(first.toordinal() + days)
        ticks = time_ticks(first, last)
        assert 3 <= len(ticks) <= 9, (days, ticks)
        assert all(first <= d <= last for d, _ in ticks) and [d for d, _ in ticks] == sorted(d for d, _ in ticks)


def test_the_stance_table_is_in_date_order(client):
    html = client.get("/stances/north_korea.deployment.russia").get_data(as_text=True)
    days = re.findall(r'<tr class="claim-row"><td>([^<]+)</td>', html)
    dated = [d for d in days if d != "undated"]
    assert len(dated) >= 3 and dated == sorted(dated)
    assert days == ["undated"] * (len(days) - len(dated)) + dated  # undated first, as their lane on the chart


def test_the_stance_timeline_shows_denial_then_confirmation(client):
    html = client.get("/stances/north_korea.deployment.russia").get_data(as_text=True)
    stances = re.findall(r'<g class="mark" data-claim="[^"]+" data-stance="(\w+)"', html)
    assert "deny" in stances and "confirm" in stances


def test_an_article_page_marks_every_claim_inline(app, client):
    with sessions(app)() as session:
        article = repository.list_articles(session, per_page=10).items[0]
        claims = repository.list_claims(session, article=article.id, per_page=1000).items
    html = client.get(f"/articles/{article.id}").get_data(as_text=True)
    for claim in claims:
        assert f'href="#c-{claim.id}"' in html  # the inline reference to the claim in the list
        assert f'id="c-{claim.id}"' in html
    assert client.get("/articles/unknown").status_code == 404


# --- the form ------------------------------------------------------------------------------

def test_the_form_refuses_a_post_without_its_csrf_token(client):
    response = client.post("/submit", data={"text": HOSTILE, "api_token": TOKEN})
    assert response.status_code == 403


def test_the_form_refuses_a_foreign_origin(client):
    token, _ = csrf_of(client)
    response = client.post("/submit", data={"text": HOSTILE, "api_token": TOKEN, "csrf_token": token},
                           headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_the_form_refuses_a_wrong_api_token(client):
    token, _ = csrf_of(client)
    response = client.post("/submit", data={"text": HOSTILE, "api_token": "guess", "csrf_token": token})
    assert response.status_code == 403 and "API token" in response.get_data(as_text=True)


def test_the_csrf_cookie_is_strict_and_http_only(client):
    _, cookie = csrf_of(client)
    assert cookie.startswith(CSRF_COOKIE + "=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_submitted_hostile_article_is_stored_and_shown_as_text(app, client):
    token, _ = csrf_of(client)
    response = client.post("/submit", data={"text": HOSTILE, "api_token": TOKEN, "csrf_token": token,
                                            "source": "<b>evil</b>", "url": "javascript:alert(1)"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<script" not in html and "<img" not in html and "<b>evil" not in html
    assert "&lt;script&gt;" in html and "onerror=" in html  # shown, as text
    assert 'href="javascript:' not in html
    assert 'class="finding-link"' in html  # 10.000 troops against the seeds' figures


def test_an_empty_form_says_what_is_missing(client):
    token, _ = csrf_of(client)
    response = client.post("/submit", data={"api_token": TOKEN, "csrf_token": token})
    assert response.status_code == 400 and "Paste the article" in response.get_data(as_text=True)


# --- pure parts ----------------------------------------------------------------------------

def point(claim_id, day, low, high, source="kompas", modality="actual"):
    return TimelinePoint(claim_id, day, low, high, modality, source, f"{claim_id} label")


def test_timeline_svg_draws_one_mark_per_point_and_escapes_labels():
    points = [point("a:1", date(2024, 10, 28), 8000, 8000),
              point("b:1", date(2024, 10, 28), 10000, 12000, "<script>", "estimate"),
              point("c:1", date(2025, 1, 3), 600000, None, modality="alleged")]
    svg = str(timeline_svg(points, "north_korea / troops"))
    assert svg.count('<g class="mark"') == 3
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'stroke-dasharray="6 3"' in svg  # the estimate's dashes
    assert "<path" in svg  # the unbounded figure's arrow head
    assert "<title" in svg and "<desc" in svg


def test_timeline_svg_on_nothing_says_so():
    assert "No dated claims" in str(timeline_svg([], "empty"))


def test_stance_svg_one_row_per_actor():
    points = [StancePoint("a:1", date(2024, 10, 28), "russia", "deny", "russia denies"),
              StancePoint("b:1", date(2025, 4, 28), "russia", "confirm", "russia confirms"),
              StancePoint("c:1", date(2024, 11, 1), "nato", "confirm", "nato confirms")]
    svg = str(stance_svg(points, "deployment"))
    assert svg.count('<g class="mark"') == 3
    assert svg.count(">russia</text>") == 1 and svg.count(">nato</text>") == 1


def test_bars_svg_writes_every_count():
    svg = str(bars_svg([Bar("conflict", 3), Bar("update", 0)], "Findings by type"))
    assert ">3</text>" in svg and ">0</text>" in svg


def test_cut_keeps_the_earlier_of_overlapping_spans():
    segments = cut("sekitar 10.000 tentara", [(8, 14, "figure", True), (0, 14, "figure", False),
                                              (15, 40, "date", False)])
    assert [(s.text, s.kind) for s in segments] == [("sekitar 10.000", "figure"), (" tentara", "")]


def test_body_parts_cover_the_whole_body_once():
    body = "Satu. Sebanyak 8.000 tentara tiba. Tiga."
    claim = Claim("x:1", "x", "quantity", Evidence("Sebanyak 8.000 tentara tiba.", 6, 34),
                  extra=(("figure", "8.000"),))
    parts = body_parts(body, [claim])
    assert "".join(s.text for p in parts for s in p.segments) == body
    marked = [p for p in parts if p.claims]
    assert marked[0].claims == ("x:1",) and any(s.kind == "figure" and s.text == "8.000" for s in marked[0].segments)


def test_security_helpers():
    assert safe_href("javascript:alert(1)") == "" and safe_href(" JAVASCRIPT:x") == ""
    assert safe_href("https://example.org/a") == "https://example.org/a"
    assert not csrf_token_valid(None, "x") and not csrf_token_valid("a", "b") and csrf_token_valid("a", "a")
    assert same_origin(None, "http://127.0.0.1:5000/") and same_origin("http://127.0.0.1:5000", "http://127.0.0.1:5000/")
    assert not same_origin("http://evil.example", "http://127.0.0.1:5000/")


def test_undated_claims_stand_in_their_own_lane():
    svg = str(timeline_svg([point("a:1", None, 5, 5), point("b:1", date(2024, 1, 1), 7, 7)], "lane"))
    assert svg.count('<g class="mark"') == 2 and ">undated</text>" in svg
    svg = str(timeline_svg([point("b:1", date(2024, 1, 1), 7, 7)], "no lane"))
    assert ">undated</text>" not in svg


def test_a_finding_explains_its_reasons_in_plain_words(app, client):
    from checker.dashboard.views import reason_words

    finding = next(f for f in all_findings(app) if f.reasons)
    html = unescape(client.get(f"/findings/{finding.id}").get_data(as_text=True))
    for code in finding.reasons:
        assert f"<strong>{code}</strong>" in html
        if code in reason_words():
            assert reason_words()[code] in html
    assert all(isinstance(v, str) and v.endswith(".") for v in reason_words().values())


def test_dashboard_errors_are_pages_for_people(client):
    response = client.get("/findings/unknown-finding")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Back to the overview" in response.get_data(as_text=True)
    response = client.get("/findings?severity=<script>")
    assert response.status_code == 400 and "<script>" not in response.get_data(as_text=True)
    assert client.get("/api/v1/no-such-route").mimetype == "application/problem+json"  # the API keeps its own


def test_exact_figures_show_their_modality_in_the_symbol():
    actual = str(timeline_svg([point("a:1", date(2024, 1, 1), 5, 5)], "x"))
    alleged = str(timeline_svg([point("a:1", date(2024, 1, 1), 5, 5, modality="alleged")], "x"))
    planned = str(timeline_svg([point("a:1", date(2024, 1, 1), 5, 5, modality="planned")], "x"))
    assert 'r="5" fill="#' in actual and "Z\"" in alleged and "<rect" in planned


def test_an_article_page_lists_the_outlets_carrying_the_same_text(app, client):
    from checker.usecases.posting import Submission, post_article

    state = app.extensions["checker"]
    text = sorted(SEEDS.glob("*.txt"))[3].read_text(encoding="utf-8")
    copy = post_article(state.sessions, Submission(text, False, None, {"source": "Koran Salinan",
                                                                        "url": "https://salinan.example/x"}),
                        state.rules, state.fetch)
    assert copy.created
    html = unescape(client.get(f"/articles/{copy.article_id}").get_data(as_text=True))
    assert "The same text in 2 places" in html
    assert "Koran Salinan" in html and 'href="https://salinan.example/x"' in html


# --- the reader's language -----------------------------------------------------------------

def test_every_language_labels_the_whole_dashboard():
    """Each language of the rules with a wording has every dashboard label English has, with the
    same {fields}: a missing one would show English in the middle of an Indonesian page."""
    from checker.desk import reader
    from checker.rulebook import default_rules

    codes = [code for code, _ in reader.languages()]
    assert codes == list(default_rules().codes)  # discovered from rules/, none left out
    for code in codes:
        assert reader.missing_labels(code) == [], code


def test_the_language_follows_accept_language_then_the_switch_and_remembers_it(app):
    from checker.desk import reader

    client = app.test_client()
    english = client.get("/", headers={"Accept-Language": "fr, en;q=0.5"})
    assert english.headers["Content-Language"] == reader.default_language() == "en"
    assert "Active stories" in english.get_data(as_text=True)
    assert "Accept-Language" in english.headers["Vary"]
    asked = client.get("/", headers={"Accept-Language": "id-ID,id;q=0.9,en;q=0.5"})
    assert asked.headers["Content-Language"] == "id" and "Topik terkini" in asked.get_data(as_text=True)
    switched = client.get("/?lang=ms")  # the switch wins over the header, and is remembered
    assert switched.headers["Content-Language"] == "ms" and "lang=ms" in switched.headers["Set-Cookie"]
    later = client.get("/findings", headers={"Accept-Language": "id"})
    assert later.headers["Content-Language"] == "ms" and "Dapatan" in later.get_data(as_text=True)
    assert client.get("/?lang=xx").headers["Content-Language"] == "ms"  # not a language of the rules


def test_a_findings_summary_reads_in_the_readers_language(app):
    client = app.test_client()
    finding = all_findings(app)[0]
    english = client.get(f"/findings/{finding.id}?lang=en").get_data(as_text=True)
    assert unescape(finding.summary) in unescape(english)
    indonesian = unescape(client.get(f"/findings/{finding.id}?lang=id").get_data(as_text=True))
    assert unescape(finding.summary) not in indonesian
    assert re.search(r"\b(Okt|Des|Agu|Mei) 20\d\d\b", indonesian)  # its dates in Indonesian
    assert "Keputusan pemeriksa" in indonesian


def test_an_article_without_outlet_or_title_is_named_in_words_not_by_its_digest(app):
    """Seed 003 names no outlet, title or date: the store knows it only by its digest id, which
    no summary, fact table or evidence link may show in its place."""
    client = app.test_client()
    ids = [a["id"] for a in client.get("/api/v1/articles?per_page=100").get_json()["items"]]
    summaries = [f["summary"] for f in client.get("/api/v1/findings?per_page=100").get_json()["items"]]
    assert any(s.startswith("An unnamed outlet (undated) reports") for s in summaries), summaries
    pages = {(lang, path): unescape(client.get(f"/{path}?lang={lang}").get_data(as_text=True))
             for lang in ("en", "id") for path in ("findings", "facts/north_korea/troops")}
    for text in summaries + list(pages.values()):
        shown = re.sub(r'(href|id|value|data-claim)="[^"]*"', "", text)  # ids in links are addresses, not names
        assert not [i for i in ids if i in shown], shown[:400]
    assert "An unnamed outlet (undated)" in pages["en", "findings"]
    assert "an unnamed outlet" in pages["en", "facts/north_korea/troops"]
    assert "Media tanpa nama (tanpa tanggal)" in pages["id", "findings"]
