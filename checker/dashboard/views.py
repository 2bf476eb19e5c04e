"""The reviewers' dashboard: server-rendered pages over the store, mounted at `/`.

Pages work without JavaScript (the CSP forbids every script); charts are inline SVG drawn by
checker.dashboard.charts; article text is only ever printed through Jinja's autoescape.
"""
from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from urllib.parse import quote

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from checker.dashboard import queries
from checker.dashboard.app_services import api_token, rules, sessions, submit_article, SubmitError
from checker.dashboard.charts import (Bar, StancePoint, TimelinePoint, bars_svg, legend, source_colours, stance_svg,
                                      timeline_svg)
from checker.dashboard.marks import body_parts, evidence_segments
from checker.dashboard.security import (CSRF_COOKIE, CSRF_FIELD, SECURITY_HEADERS, csrf_token_valid,
                                        new_csrf_token, safe_href, same_origin)
from checker.compare.wording import day_text, default_wording, interval_text, number_text
from checker.desk import decisions as desk_decisions
from checker.desk import labels, reader, story_index
from checker.desk.accounts import authenticate
from checker.storage import desk
from checker.report import _value_cell, value_text
from checker.storage import appearances

HERE = Path(__file__).resolve().parent
PER_PAGE = 50
OVERVIEW_STORIES = 8


def reason_words(language: str | None = None) -> dict[str, str]:
    """Plain words for the compare stage's reason codes, in `language` (default: the default
    report language's; `reasons` in rules/<lang>/wording.yaml)."""
    return dict(reader.wording(language).reasons if language else default_wording().reasons)


LANG_COOKIE = "lang"

dashboard = Blueprint("dashboard", __name__, url_prefix="/", template_folder=str(HERE / "templates"),
                      static_folder=str(HERE / "static"), static_url_path="/dashboard/static")


@dashboard.before_request
def _reader_language():
    """The page's language: ?lang= (then remembered in a cookie), the cookie, Accept-Language."""
    g.lang = reader.choose(request.args.get("lang"), request.cookies.get(LANG_COOKIE), request.accept_languages)
    g.words = reader.wording(g.lang)


@dashboard.after_request
def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if "lang" in g:
        response.headers["Content-Language"] = g.lang
        response.vary.update(("Accept-Language", "Cookie"))
        if request.args.get("lang") == g.lang:
            response.set_cookie(LANG_COOKIE, g.lang, max_age=365 * 24 * 3600, samesite="Lax",
                                secure=request.is_secure, httponly=True, path="/")
    return response


# Labels are pure functions of the language and the id (the rules are loaded once a process), and
# a page asks for the same few hundreds times over (a fact page: 150 rows, each naming its place,
# speaker, modality and value), so each is worked out once per process and language: bounded.
LABELS_KEPT = 8192


@functools.lru_cache(maxsize=LABELS_KEPT)
def _label(language: str, key: str) -> str:
    return reader.label(language, key)


def t(key: str, **values) -> str:
    """A dashboard label in the reader's language (rules/<lang>/wording.yaml, names ui.*)."""
    return reader.label(g.lang, key, **values) if values else _label(g.lang, key)


@functools.lru_cache(maxsize=LABELS_KEPT)
def _word(language: str, key: str) -> str:
    return (reader.wording(language).get(key) or reader.label(language, key, missing=None)
            or key.rpartition(".")[2].replace("_", " "))


def word(key: str) -> str:
    """An engine id's word in the reader's language ('reason.scope', 'modality.estimate'): the
    wording's names, then the dashboard's labels, else the id's last part."""
    return _word(g.lang, key)


@functools.lru_cache(maxsize=LABELS_KEPT)
def _id_label(kind: str, language: str, ident) -> str:
    return {"name": labels.name, "measure": labels.measure, "proposition": labels.proposition,
            "fact": labels.fact}[kind](ident, reader.wording(language))


@functools.lru_cache(maxsize=LABELS_KEPT)
def _interval_label(language: str, value) -> str:
    return interval_text(value, names=reader.wording(language))


@functools.lru_cache(maxsize=LABELS_KEPT)
def _day_label(language: str, day) -> str:
    return day_text(day, reader.wording(language))


def _day(day) -> str:
    """A date in the reader's words ('3 Nov 2024', '3 Nov 2024' in Indonesian), or 'undated'."""
    return _day_label(g.lang, day) if day else t("undated")


def _switch_url(code: str) -> str:
    args = request.args.to_dict()
    args["lang"] = code
    return url_for(request.endpoint, **(request.view_args or {}), **args) if request.endpoint else f"/?lang={code}"


@dashboard.app_context_processor
def _language():
    if "lang" not in g:
        return {}
    lang = g.lang  # bound here once: a page calls these hundreds of times, each a lookup of g

    def t_(key: str, **values) -> str:
        return reader.label(lang, key, **values) if values else _label(lang, key)

    return {"t": t_, "word": lambda key: _word(lang, key), "lang": lang, "languages": reader.languages(),
            "switch_url": _switch_url, "day": lambda d: _day_label(lang, d) if d else _label(lang, "undated")}


@dashboard.errorhandler(HTTPException)
def _error_page(error: HTTPException):
    """Reviewers get a page, not the API's problem document, for a dashboard URL gone wrong."""
    return render_template("dashboard/error.html", code=error.code, name=error.name,
                           description=error.description), error.code


@dashboard.app_template_filter("href")
def _href(url):
    return safe_href(url)


@dashboard.app_template_filter("value")
def _value(claim):
    """A figure with the reader's digit grouping (10.000 in Indonesian, 10,000 in English)."""
    if claim.value is None or claim.kind == "duration" or "words" not in g:
        return value_text(claim)
    return _interval_label(g.lang, claim.value)


def fact_label(key: str) -> str:
    """'quantity|north_korea|troops' -> 'Troops of North Korea' (checker.desk.labels), in the
    reader's language."""
    return _id_label("fact", g.lang, key) if "words" in g else labels.fact(key)


def outlet_label(article) -> str:
    """An article's outlet, else its title, else "unknown outlet": never its id, a digest."""
    if article is not None and article.source:
        return article.source
    title = " ".join((article.title or "").split()) if article is not None else ""
    return (title[:60].rsplit(" ", 1)[0] + "…" if len(title) > 60 else title) or t("unknown_outlet")


def fact_url(key: str) -> str:
    kind, _, rest = key.partition("|")
    parts = rest.split("|")
    if kind == "quantity" and len(parts) == 2 and all(parts):
        return url_for("dashboard.fact_timeline", subject=parts[0], measure=parts[1])
    if kind == "stance" and rest:
        return url_for("dashboard.stance_timeline", proposition=rest)
    return ""


PATH_SAFE = "!$&'()*+,/:;=@"  # what the router's string converter leaves unquoted


def _prefix(endpoint: str, argument: str) -> str:
    prefixes = g.setdefault("dashboard_url_prefixes", {})
    if endpoint not in prefixes:
        prefixes[endpoint] = url_for(endpoint, **{argument: "~"})[:-1]
    return prefixes[endpoint]


def article_url(article_id: str, claim_id: str | None = None) -> str:
    """url_for('dashboard.article') without the router for each of the hundreds of links a story
    or fact page holds: the prefix is built once a request (the router's ~50 us a link was a
    tenth of a story page's time)."""
    return (_prefix("dashboard.article", "article_id") + quote(article_id, safe=PATH_SAFE)
            + (f"#claim-{quote(claim_id, safe=':@')}" if claim_id else ""))


def finding_url(finding_id: str) -> str:
    return _prefix("dashboard.finding", "finding_id") + quote(finding_id, safe=PATH_SAFE)


def summary(finding) -> str:
    """A finding's summary in the reader's language (the view words its findings beforehand)."""
    return g.get("summaries", {}).get(finding.id) or finding.summary


def counted(line: queries.Timeline) -> str:
    """How many claims a timeline's window holds: '2,140', or 'more than 1,000' past what is
    counted (queries.COUNT_CAP)."""
    if line.more_than_counted:
        return g.words.phrase("more_than", n=number_text(queries.COUNT_CAP, g.words))
    return number_text(line.total, g.words)


@dashboard.app_context_processor
def _helpers():
    articles, findings = _prefix("dashboard.article", "article_id"), _prefix("dashboard.finding", "finding_id")
    said = g.get("summaries", {})

    def article_url_(article_id: str, claim_id: str | None = None) -> str:
        return (articles + quote(article_id, safe=PATH_SAFE)
                + (f"#claim-{quote(claim_id, safe=':@')}" if claim_id else ""))

    return {"fact_label": fact_label, "fact_url": fact_url, "article_url": article_url_, "summary":
            lambda finding: said.get(finding.id) or finding.summary, "counted": counted,
            "finding_url": lambda finding_id: findings + quote(finding_id, safe=PATH_SAFE)}


def _in_reader_language(kind: str):
    label = getattr(labels, kind)
    return lambda ident: _id_label(kind, g.lang, ident) if "words" in g else label(ident)


for _kind in ("name", "measure", "proposition"):
    dashboard.add_app_template_filter(_in_reader_language(_kind), _kind)


def _int_arg(name: str, default: int = 1) -> int:
    try:
        value = max(1, int(request.args.get(name, default)))
    except ValueError:
        abort(400, f"{name} must be a whole number")
    if value > 1_000_000:  # past any store's last page, and past what a database's OFFSET holds
        abort(400, f"{name} must be at most 1000000")
    return value


def _date_arg(name: str) -> date | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, f"{name} must be a date YYYY-MM-DD")


def _choice_arg(name: str, allowed) -> str | None:
    raw = (request.args.get(name) or "").strip()
    if raw and raw not in allowed:
        abort(400, f"{name} must be one of {', '.join(allowed)}")
    return raw or None


def _page_url(page: int) -> str:
    args = request.args.to_dict()
    args["page"] = page
    return url_for(request.endpoint, **(request.view_args or {}), **args)


@dashboard.app_context_processor
def _pagination():
    return {"page_url": _page_url}


@dashboard.get("/")
def overview():
    with sessions()() as session:
        summary = queries.overview(session)
        stories = story_index.all_stories(session)[:OVERVIEW_STORIES]
    type_chart = bars_svg([Bar(t("type." + k), n, k, url_for(".findings", type=k)) for k, n in summary.by_type],
                          t("findings_by_type"))
    severity_chart = bars_svg([Bar(t("severity." + k), n, k, url_for(".findings", severity=k))
                               for k, n in summary.by_severity], t("findings_by_severity"))
    return render_template("dashboard/overview.html", summary=summary, type_chart=type_chart,
                           severity_chart=severity_chart,
                           stories=[story_index.summary_json(s, w=g.words) for s in stories])


@dashboard.get("/findings")
def findings():
    chosen = queries.FindingFilter(
        type=_choice_arg("type", queries.TYPES), dimension=_choice_arg("dimension", queries.DIMENSIONS),
        severity=_choice_arg("severity", queries.SEVERITIES), source=request.args.get("source") or None,
        published_from=_date_arg("from"), published_to=_date_arg("to"),
        decision=_choice_arg("decision", desk_decisions.STATES))
    with sessions()() as session:
        page = queries.findings_page(session, chosen, _int_arg("page"), PER_PAGE)
        outlets = queries.sources(session)
        decided = desk.decisions_of(session, [f.id for f in page.items])
        g.summaries = reader.summaries(session, page.items, g.lang)
    return render_template("dashboard/findings.html", page=page, chosen=chosen, outlets=outlets,
                           types=queries.TYPES, dimensions=queries.DIMENSIONS, severities=queries.SEVERITIES,
                           states=desk_decisions.STATES, decided=decided)


@dashboard.get("/findings/<finding_id>")
def finding(finding_id: str):
    return _finding_page(finding_id)


def _finding_page(finding_id: str, status: int = 200, error: str = "", values: dict | None = None):
    """A finding's evidence side by side, its review decision and the form to record one."""
    with sessions()() as session:
        detail = queries.finding_detail(session, finding_id)
        if detail is None:
            abort(404)
        keys = queries.fact_keys_of(session, [c.id for c in detail.claims])
        decision = desk.decisions_of(session, [finding_id]).get(finding_id)
        history = desk.entries_about(session, [f"finding:{finding_id}"], limit=20)
        g.summaries = reader.summaries(session, [detail.finding], g.lang)
    sides = []
    for claim in detail.claims:
        article = detail.articles.get(claim.article)
        language = article.language if article and article.language in rules().languages else rules().codes[0]
        published = article.published if article else None
        sides.append({"claim": claim, "article": article,
                      "segments": evidence_segments(claim, rules().for_language(language), published)})
    reasons = [(code, reason_words(g.lang).get(code, "")) for code in detail.finding.reasons]
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    response = current_app.make_response((render_template(
        "dashboard/finding.html", finding=detail.finding, sides=sides, facts=sorted(set(keys.values())),
        reasons=reasons, decision=decision, history=history, states=desk_decisions.STATES,
        dismiss_reasons={code: t("dismiss." + code) for code in desk_decisions.REASONS}, csrf_token=token, csrf_field=CSRF_FIELD, error=error,
        values=values or {}), status))
    _set_csrf_cookie(response, token)
    return response


def _set_csrf_cookie(response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="Strict", secure=request.is_secure, path="/")


def _form_account(form):
    """The account of a form's API token after the CSRF checks: (account, None) or (None, why)."""
    if not same_origin(request.headers.get("Origin"), request.host_url) or not csrf_token_valid(
            request.cookies.get(CSRF_COOKIE), form.get(CSRF_FIELD)):
        return None, "The form expired or came from another site: please submit it again."
    account = authenticate(sessions(), api_token(), form.get("api_token"))
    if account is None:
        return None, "The API token is missing or wrong."
    return account, None


@dashboard.post("/findings/<finding_id>/decision")
def decide(finding_id: str):
    form = request.form
    values = {k: form.get(k, "") for k in ("state", "reason", "note")}
    account, refused = _form_account(form)
    if account is None:
        return _finding_page(finding_id, 403, refused, values)
    if not account.may("decide"):
        return _finding_page(finding_id, 403, f"The role {account.role} may not record decisions.", values)
    try:
        decision = desk_decisions.validated(values["state"], values["reason"] or None, values["note"])
    except desk_decisions.DecisionError as exc:
        return _finding_page(finding_id, 400, f"{exc.field.capitalize()}: {exc}", values)
    if desk_decisions.decide(sessions(), finding_id, decision, account.name) is None:
        abort(404)
    return redirect(url_for(".finding", finding_id=finding_id, _anchor="decision"), code=303)


def _timeline_args():
    return _date_arg("from"), _date_arg("to")


@dashboard.get("/facts")
def facts():
    kind = _choice_arg("kind", ("quantity", "stance", "duration", "event_date"))
    with sessions()() as session:
        page = queries.facts_page(session, kind, _int_arg("page"), PER_PAGE)
    return render_template("dashboard/facts.html", page=page, kind=kind)


def _row_order(row: dict) -> tuple:
    """A chart's table in the chart's order: undated first (their lane is on the left), then by
    the claim's date, not the article's."""
    return (row["day"] is not None, row["day"] or date.min, row["claim"].id)


def _claim_day(claim, articles) -> date | None:
    article = articles.get(claim.article)
    return claim.when or (article.published if article else None)


@dashboard.get("/facts/<subject>/<measure>")
def fact_timeline(subject: str, measure: str):
    start, end = _timeline_args()
    key = f"quantity|{subject}|{measure}"
    with sessions()() as session:
        line = queries.timeline(session, key, start, end)
        sheet = queries.fact_sheet(session, key, line.claims, line.articles)
    rows, points = [], []
    for claim in line.claims:
        article = line.articles.get(claim.article)
        day = _claim_day(claim, line.articles)
        source = (article.source if article else "") or t("unknown_outlet")
        href = article_url(claim.article, claim.id)
        rows.append({"claim": claim, "article": article, "day": day, "source": source, "href": href})
        if claim.value is not None:
            points.append(TimelinePoint(claim.id, day, claim.value.low, claim.value.high, claim.modality,
                                        source, f"{_value(claim)} {_id_label('measure', g.lang, measure)} ({source}, "
                                                f"{_day(day)}, "
                                                f"{word('modality.' + claim.modality)})", href))
    rows.sort(key=_row_order)
    chart = timeline_svg(points, t("over_time", fact=labels.fact(key, g.words)), months=g.words.months,
                         undated_label=t("undated"))
    return render_template("dashboard/timeline.html", subject=subject, measure=measure, line=line,
                           rows=rows, chart=chart, marks=len(points), start=start, end=end,
                           legend=legend(source_colours([p.source for p in points])), facts=_fact_tables(sheet))


def _fact_tables(sheet: queries.FactSheet) -> list[dict]:
    """The fact page's tables: per happening of the fact, its values by source and reference
    time with their status, the findings behind each and links to the claims' sentences."""
    tables = []
    for fact in sheet.facts:
        values = []
        for value in fact["values"]:
            evidence, seen = [], set()
            for claim_id in value["claims"]:
                article_id = sheet.claim_articles.get(claim_id)
                if article_id is None or article_id in seen:
                    continue  # one link per article: its first claim of this value
                seen.add(article_id)
                article = sheet.articles.get(article_id)
                evidence.append({"label": outlet_label(article),
                                 "href": article_url(article_id, claim_id)})
            values.append({
                "when": _day(date.fromisoformat(value["when"]) if value.get("when") else None),
                "value": _value_cell(value["value"], g.words), "source": value["source"],
                "outlets": value["outlets"], "status": value["status"], "evidence": evidence,
                "findings": [{"id": f, "type": sheet.finding_types.get(f, ""), "href": finding_url(f)}
                             for f in value["findings"]]})
        label = fact["label"]
        tables.append({"id": fact["id"], "label": label[:1].upper() + label[1:], "disputed": fact["disputed"],
                       "behaviour": fact["behaviour"], "values": values,
                       "api": url_for("api_v1.fact", fact_id=fact["id"]),
                       "csv": url_for("desk_v1.fact_csv", fact_id=fact["id"])})
    return tables


@dashboard.get("/stances/<path:proposition>")
def stance_timeline(proposition: str):
    start, end = _timeline_args()
    with sessions()() as session:
        line = queries.timeline(session, f"stance|{proposition}", start, end)
    rows, points = [], []
    for claim in line.claims:
        article = line.articles.get(claim.article)
        day = _claim_day(claim, line.articles)
        actor = _id_label("name", g.lang, claim.subject or claim.speaker) or (article.source if article else "") or t("outlet_itself")
        href = article_url(claim.article, claim.id)
        rows.append({"claim": claim, "article": article, "day": day, "actor": actor, "href": href})
        if claim.stance:
            speaker = (f" ({_id_label('name', g.lang, claim.speaker)})"
                       if claim.speaker and _id_label("name", g.lang, claim.speaker) != actor else "")
            points.append(StancePoint(claim.id, day, actor, claim.stance, f"{actor}{speaker}: {t('stance.' + claim.stance)}, "
                                      f"{_day(day)}", href))
    rows.sort(key=_row_order)
    chart = stance_svg(points, t("stances_on", proposition=labels.proposition(proposition, g.words)),
                       months=g.words.months, undated_label=t("undated"))
    return render_template("dashboard/stances.html", proposition=proposition, line=line, rows=rows,
                           chart=chart, marks=len(points), start=start, end=end)


@dashboard.get("/articles")
def articles():
    with sessions()() as session:
        page = queries.articles_page(session, request.args.get("source") or None, _int_arg("page"), PER_PAGE)
    return render_template("dashboard/articles.html", page=page)


@dashboard.get("/articles/<article_id>")
def article(article_id: str):
    with sessions()() as session:
        found = queries.article_page(session, article_id)
        carried = appearances.of_articles(session, [article_id])[article_id]
    if found is None:
        abort(404)
    record, claims, findings_by_claim = found
    with sessions()() as session:
        g.summaries = reader.summaries(session, list({f.id: f for fs in findings_by_claim.values() for f in fs}.values()),
                                       g.lang)
    return render_template("dashboard/article.html", article=record, claims=claims, appearances=carried,
                           parts=body_parts(record.body, claims), findings_by_claim=findings_by_claim)


def _form_page(status: int = 200, error: str = "", values: dict | None = None):
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    response = current_app.make_response((render_template(
        "dashboard/submit.html", csrf_token=token, csrf_field=CSRF_FIELD, error=error,
        values=values or {}, languages=[(code, lr.manifest.name if lr.manifest else code)
                                         for code, lr in sorted(rules().languages.items())]), status))
    _set_csrf_cookie(response, token)
    return response


@dashboard.get("/submit")
def submit_form():
    return _form_page()


@dashboard.post("/submit")
def submit():
    form = request.form
    values = {k: form.get(k, "") for k in ("text", "url", "source", "published", "language", "title")}
    account, refused = _form_account(form)
    if account is None:
        return _form_page(403, refused, values)
    if not values["text"].strip() and not values["url"].strip():
        return _form_page(400, "Paste the article's text or give its URL.", values)
    try:
        article_id, _ = submit_article(values, account.name)
    except SubmitError as exc:
        return _form_page(400, str(exc), values)
    return redirect(url_for(".article", article_id=article_id), code=303)


# --- stories -------------------------------------------------------------------------------------

@dashboard.get("/stories")
def stories():
    with sessions()() as session:
        found = story_index.all_stories(session)
    page_number = _int_arg("page")
    chosen = found[(page_number - 1) * PER_PAGE: page_number * PER_PAGE]
    page = queries.Page(tuple(story_index.summary_json(s, w=g.words) for s in chosen), len(found), page_number, PER_PAGE)
    return render_template("dashboard/stories.html", page=page)


def _story_view(story_id: str) -> dict:
    """What a story's page and its printable report show."""
    with sessions()() as session:
        story = story_index.find_story(session, story_id)
        if story is None:
            abort(404)
        detail = story_index.story_detail(session, story, g.words)
        decided = desk.decisions_of(session, [f.id for f in detail.findings])
        g.summaries = reader.summaries(session, detail.findings, g.lang)
        history = desk.entries_about(session, story_index.story_targets(detail), limit=50)
    by_outlet: dict[str, list] = {}
    for article in detail.articles:
        by_outlet.setdefault(article.source or t("unknown_outlet"), []).append(article)
    return {"story": story, "detail": detail, "decided": decided, "history": history,
            "by_outlet": sorted(by_outlet.items(), key=lambda kv: kv[0].lower()),
            "confirmed": [f for f in detail.findings if (d := decided.get(f.id)) and d.state == "confirmed"]}


@dashboard.get("/stories/<story_id>")
def story(story_id: str):
    return render_template("dashboard/story.html", **_story_view(story_id))


PRINTED_CHARTS = 6  # timelines in a printed story report


@dashboard.get("/stories/<story_id>/print")
def story_print(story_id: str):
    """The story as a report that prints cleanly: disputed facts with their timelines, then every
    finding with its evidence sentences and decision."""
    view = _story_view(story_id)
    charts = []
    for fact in view["detail"].disputed[:PRINTED_CHARTS]:
        if fact.key.startswith("quantity|"):
            with sessions()() as session:
                line = queries.timeline(session, fact.key)
            points = [TimelinePoint(c.id, _claim_day(c, line.articles), c.value.low, c.value.high, c.modality,
                                    (line.articles[c.article].source if c.article in line.articles else "")
                                    or t("unknown_outlet"), _value(c), "") for c in line.claims if c.value is not None]
            charts.append((fact.label, timeline_svg(points, t("over_time", fact=fact.label), months=g.words.months,
                                                    undated_label=t("undated"))))
    with sessions()() as session:
        from checker.desk.exports import claims_by_id

        claims = claims_by_id(session, [c for f in view["detail"].findings for c in f.claims])
    return render_template("dashboard/story_print.html", charts=charts, claims=claims, **view)
