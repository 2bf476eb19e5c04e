"""Posting and checking articles, the same for the API, the dashboard and the command line:
ingest a submitted article, compare it with the store (only the claims that share its keys),
store it in one transaction, and build the report. Errors come out as problems (problems.py)
each edge answers in its own way."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, replace

from sqlalchemy.orm import sessionmaker

from checker.usecases.problems import Problem
from checker.model import Article, Claim
from checker.storage import repository
from checker.storage.desk import record

PENDING_ID = "pending"  # the id an article has between ingest and its content hash

# Analysing is CPU work under one interpreter lock: a worker's threads hold slow clients and
# answer reads, but analyse one article at a time (more at once only contend, and the posts
# per second fall by a third); CHECKER_ANALYSES_PER_WORKER raises it.
ANALYSING = threading.BoundedSemaphore(max(1, int(os.environ.get("CHECKER_ANALYSES_PER_WORKER", "1"))))


@dataclass(frozen=True)
class Submission:
    """One article as posted: the raw text or HTML (or a URL to fetch) and its metadata."""

    raw: str | None
    html: bool
    fetch_url: str | None
    meta: dict


def submission_from_fields(data: dict) -> Submission:
    meta = {k: data[k] for k in ("source", "url", "title", "language") if data.get(k)}
    if data.get("published"):
        meta["published"] = data["published"].isoformat()
    if "text" in data:
        return Submission(data["text"], False, None, meta)
    if "html" in data:
        return Submission(data["html"], True, None, meta)
    return Submission(None, True, data["url"], meta)


def ingest(submission: Submission, rules, fetch_settings) -> Article:
    """The submitted article, ingested and named by its content hash; a URL is fetched with
    `fetch_settings` (checker.usecases.fetch.FetchSettings)."""
    from checker.ingest import IngestError, parse_article

    raw, html = submission.raw, submission.html
    if submission.fetch_url is not None:
        from checker.usecases.fetch import fetch_article  # the guarded HTTP client; only for URLs

        page = fetch_article(submission.fetch_url, fetch_settings)
        raw, html = page.text, page.html
    field = "html" if submission.html and submission.fetch_url is None else "text"
    if raw is None or not raw.strip():
        raise Problem(422, "Empty article", "the article text is empty", field=field, slug="empty-article")
    if "\x00" in raw:
        raise Problem(422, "Binary content", "the article holds NUL bytes: binary data, not text",
                      field=field, slug="binary-content")
    try:
        article = parse_article(raw, article_id=PENDING_ID, rules=rules, meta=submission.meta, html=html)
    except IngestError as exc:
        named = getattr(exc, "field", None) or field
        raise Problem(422, "Article not readable", str(exc), field=named, slug="article-not-readable")
    if not article.body.strip():
        raise Problem(422, "Empty article", "nothing of the article is left once page noise is removed",
                      field=field, slug="empty-article")
    return replace(article, id=repository.content_id(article.body))


def analyse(article: Article, rules) -> tuple[Article, list[Claim]]:
    from checker.pipeline import analyse as run_pipeline

    article, claims = run_pipeline(article, rules)
    if not claims:
        raise Problem(422, "No checkable claims",
                      "the article holds no claim the checker can compare (figures, dates, durations, "
                      "confirmations or denials); nothing was stored", field="text", slug="no-claims")
    return article, claims


def report_of_view(view: repository.ArticleView) -> dict:
    from checker.report import build_report

    return build_report(view.articles, view.claims, view.findings)


@dataclass(frozen=True)
class PostResult:
    created: bool
    article_id: str
    report: dict


def post_article(sessions: sessionmaker, submission: Submission, rules, fetch_settings,
                 actor: str | None = None) -> PostResult:
    """Store a new article and answer its findings against the store; the stored one if its
    content is known already. A stored article is recorded in the desk's history as `actor`'s post
    (every edge that posts names who asked: the API's token, the dashboard's form, the seeds).

    The comparison runs inside the storing transaction, under the locks of the article's facts
    (see repository.store_analysis): two contradicting articles posted at the same moment are
    compared one after the other, never both against a store without the other. A disagreement
    the store holds already (a third outlet quoting the police's 127 against the agency's 174)
    keeps its id and gains the new claims behind it, so the store ends up with what a scan of the
    same articles reports, whatever order they came in."""
    article = ingest(submission, rules, fetch_settings)  # a fetch waits outside: it holds no CPU
    with ANALYSING:
        result = _post_article(sessions, article, rules)
    if result.created and actor is not None:
        record(sessions, actor, "post", f"article:{result.article_id}")
    return result


def _post_article(sessions: sessionmaker, article: Article, rules) -> PostResult:
    from checker.compare import compare, related_keys
    from checker.compare.findings import merge
    from checker.report import build_report

    with sessions() as session:
        stored = repository.find_article_id_by_content(session, article.body)
    if stored is not None:
        return known_text_again(sessions, stored, article, rules)
    article, claims = analyse(article, rules)
    # the facts of the new claims, and the facts that contain them or that they contain
    keys = related_keys({c.key() for c in claims}, rules)
    own = {c.id for c in claims}
    seen: dict = {}

    def against_store(session) -> list:
        if not seen:  # the first comparison: the candidates read with their stored texts at once
            stored = {i: c for i, c in repository.candidate_claims_by_id(session, keys, article.published).items()
                      if i not in own}
        else:
            ids = repository.candidate_claim_ids(session, keys, article.published) - own
            if ids == set(seen["claims"]):
                return seen["findings"]  # nothing stored meanwhile: the comparison made before holds
            known = seen["claims"]
            stored = {i: known[i] for i in ids if i in known}
            stored.update(repository.claims_by_id(session, ids - set(known)))
        stored_claims = [stored[i] for i in sorted(stored)]
        held = seen.get("articles", {})  # an article row never changes; a deleted one takes its claims along
        wanted = {c.article for c in stored_claims}
        articles = {a: held[a] for a in wanted if a in held}
        articles.update(repository.articles_by_id(session, wanted - set(held)))
        articles[article.id] = article
        seen.update(claims=stored, articles=articles)
        seen["findings"] = compare(claims, stored_claims, articles, rules)
        return seen["findings"]

    with sessions() as session:  # compared once outside the locks, so they are mostly held briefly
        against_store(session)
        # the claims the stored findings it will merge with list: read now, not under the lock
        cited = repository.claims_of_findings(session, [f.id for f in seen["findings"]], seen["claims"])
    outcome = repository.store_analysis(sessions, article, claims, [], facts=keys, against_store=against_store,
                                        merge=merge, known=lambda: {**cited, **seen.get("claims", {})})
    if not outcome.created:  # an identical post won the race
        return known_text_again(sessions, outcome.article_id, article, rules)
    findings = list(outcome.findings)
    cited = {c for f in findings for c in f.claims}
    others = [seen["claims"][i] for i in sorted(cited & set(seen["claims"]))]  # one order, whatever was cached
    involved = {a for f in findings for a in f.articles} | {article.id}
    articles = seen["articles"]
    missing = involved - set(articles)
    if missing:  # a merged finding names articles this post was not compared with
        with sessions() as session:
            articles.update(repository.articles_by_id(session, missing))
    report = build_report({k: v for k, v in articles.items() if k in involved}, claims + others, findings)
    with sessions() as session:
        return PostResult(True, article.id, with_appearances(session, report))


def known_text_again(sessions: sessionmaker, stored_id: str, posted: Article, rules) -> PostResult:
    """A text the store holds: a new outlet, URL or date is a new appearance of it (created);
    the same appearance again changes nothing. Answers with the stored article's report."""
    from checker.pipeline import infer_published, split_sentences
    from checker.storage import appearances

    if posted.published is None:  # dated as the first post of the text was, from its dateline
        language_rules = rules.for_language(posted.language)
        posted = infer_published(posted, split_sentences(posted.body, language_rules), language_rules)
    _, created = appearances.add(sessions, stored_id, posted)
    with sessions() as session:
        view = repository.article_view(session, stored_id)
        if view is None:
            raise Problem(409, "Conflict", "the stored article with this text was deleted meanwhile; post it again",
                          slug="deleted-meanwhile")
        return PostResult(created, stored_id, with_appearances(session, report_of_view(view)))


def with_appearances(session, report: dict) -> dict:
    """The report with each stored article's appearances (outlet, URL, date; oldest first)."""
    from checker.storage import appearances

    found = appearances.of_articles(session, [a["id"] for a in report.get("articles", [])])
    for entry in report.get("articles", []):
        entry["appearances"] = [appearances.appearance_json(a) for a in found.get(entry["id"], [])]
    return report


def check_articles(submissions: list[Submission], rules, fetch_settings,
                   report_language: str | None = None) -> dict:
    """A report over the given articles only, its summaries and labels in `report_language`
    (default: the rules' default report language); nothing is read from or written to the store."""
    with ANALYSING:
        return _check_articles(submissions, rules, fetch_settings, report_language)


def _check_articles(submissions: list[Submission], rules, fetch_settings,
                    report_language: str | None) -> dict:
    from checker.compare import compare_all
    from checker.compare.wording import report_wording
    from checker.pipeline import analyse as run_pipeline
    from checker.report import build_report

    articles: dict[str, Article] = {}
    claims: list[Claim] = []
    for n, submission in enumerate(submissions):
        try:
            article = ingest(submission, rules, fetch_settings)
        except Problem as problem:
            if problem.field:
                problem.field = f"articles.{n}.{problem.field}"
            raise
        if article.id in articles:
            continue
        article, found = run_pipeline(article, rules)
        articles[article.id] = article
        claims += found
    findings = compare_all(claims, articles, rules, report_language=report_language)
    return build_report(articles, claims, findings, names=report_wording(rules, report_language))
