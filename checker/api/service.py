"""What a request asks of the checker, without HTTP: ingest a submitted article, compare it
with the store (only the claims that share its keys), store it in one transaction, and build
the report. Errors come out as problems the routes answer as they are."""
from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import sessionmaker

from checker.api.fetch import FetchSettings, fetch_article
from checker.api.problems import Problem
from checker.model import Article, Claim
from checker.storage import repository

PENDING_ID = "pending"  # the id an article has between ingest and its content hash


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


def ingest(submission: Submission, rules, fetch_settings: FetchSettings) -> Article:
    """The submitted article, ingested and named by its content hash."""
    from checker.ingest import IngestError, parse_article

    raw, html = submission.raw, submission.html
    if submission.fetch_url is not None:
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


def post_article(sessions: sessionmaker, submission: Submission, rules, fetch_settings: FetchSettings,
                 neighbours_per_side: int) -> PostResult:
    """Store a new article and answer its findings against the store; the stored one if its
    content is known already."""
    from checker.compare import compare, related_keys
    from checker.report import build_report

    article = ingest(submission, rules, fetch_settings)
    with sessions() as session:
        stored = repository.find_article_id_by_content(session, article.body)
        if stored is not None:
            return PostResult(False, stored, report_of_view(repository.article_view(session, stored)))
        article, claims = analyse(article, rules)
        # the facts of the new claims, and the facts that contain them or that they contain
        keys = related_keys({c.key() for c in claims}, rules)
        stored_claims = repository.candidate_claims(session, keys, article.published, neighbours_per_side)
        articles = repository.articles_by_id(session, {c.article for c in stored_claims})
    articles[article.id] = article
    findings = compare(claims, stored_claims, articles, rules)
    outcome = repository.store_analysis(sessions, article, claims, findings)
    if not outcome.created:  # an identical post won the race
        with sessions() as session:
            return PostResult(False, outcome.article_id,
                              report_of_view(repository.article_view(session, outcome.article_id)))
    findings = merge_known_findings(sessions, findings)
    cited = {c for f in findings for c in f.claims}
    own = {c.id for c in claims}
    others = [c for c in stored_claims if c.id in cited and c.id not in own]
    involved = {a for f in findings for a in f.articles} | {article.id}
    report = build_report({k: v for k, v in articles.items() if k in involved}, claims + others, findings)
    return PostResult(True, article.id, report)


def merge_known_findings(sessions: sessionmaker, findings: list) -> list:
    """A disagreement the store holds already, found again by a new article (a third outlet
    quoting the police's 127 against the agency's 174), keeps its id and gains the new claims
    behind it, so the store ends up with what a scan of the same articles reports, whatever order
    they came in. Returns the findings as stored."""
    from sqlalchemy import select

    from checker.compare.findings import merge
    from checker.storage.codec import finding_from_dict, finding_to_dict
    from checker.storage.models import ArticleRecord, FindingArticleLink, FindingRecord

    if not findings:
        return findings
    fresh = {f.id: f for f in findings}
    merged = dict(fresh)
    with sessions.begin() as session:
        grown = {}
        for row in session.scalars(select(FindingRecord).where(FindingRecord.id.in_(list(fresh)))):
            stored = finding_from_dict(row.data)
            merged[row.id] = combined = merge(stored, fresh[row.id])
            if combined != stored:
                row.data, row.severity = finding_to_dict(combined), combined.severity
                grown[row.id] = set(combined.articles) - set(stored.articles)
        wanted = set().union(*grown.values()) if grown else set()
        if wanted:  # link the findings to the articles they now involve (one query each way)
            present = set(session.scalars(select(ArticleRecord.id).where(ArticleRecord.id.in_(list(wanted)))))
            linked = {(f, a) for f, a in session.execute(
                select(FindingArticleLink.finding_id, FindingArticleLink.article_id)
                .where(FindingArticleLink.finding_id.in_(list(grown))))}
            session.add_all(FindingArticleLink(finding_id=f, article_id=a) for f, articles in grown.items()
                            for a in sorted(articles & present) if (f, a) not in linked)
    return [merged[f.id] for f in findings]


def check_articles(submissions: list[Submission], rules, fetch_settings: FetchSettings) -> dict:
    """A report over the given articles only; nothing is read from or written to the store."""
    from checker.compare import compare_all
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
    return build_report(articles, claims, compare_all(claims, articles, rules))
