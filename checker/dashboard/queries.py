"""The dashboard's reads of the store: bounded queries that return plain frozen dataclasses.

Every list is paginated or capped, and every query goes through an index (articles by source
and date, claims by (key, published), findings by type/severity/dimension, finding_articles by
article), so a page costs the same at ten articles and at ten thousand. Writing goes through
checker.storage's repository, never through here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, load_only

from checker.model import Article, Claim, Finding
from checker.storage.codec import claim_from_dict, finding_from_dict
from checker.storage.models import ArticleRecord, ClaimRecord, FindingArticleLink, FindingRecord
from checker.storage.repository import article_from_record, articles_by_id, claims_by_id, decision_condition

TYPES = ("conflict", "reversal", "correction", "discrepancy", "update")
SEVERITIES = ("high", "medium", "low", "info")
DIMENSIONS = ("quantity", "stance", "date", "duration")
DISPUTED_TYPES = ("conflict", "reversal", "correction", "discrepancy")
# The overview ranks disputed facts among the findings of this many latest published articles.
DISPUTED_WINDOW = 50
DISPUTED_CAP = 300  # findings of that window read at most
FACTS_WINDOW = 200  # the facts page lists what the latest this-many articles claim
FILTER_ARTICLES = 50  # an outlet or date filter lists the findings of this many latest matching articles
ID_CHUNK = 900  # ids per IN (...) list, under every database's parameter limit
TIMELINE_CAP = 150  # marks on one chart; older claims are reached by narrowing the dates
# claims of a fact counted for "the latest 150 of N": past this a page says "more than 1,000"
# rather than count a long story's every claim (25,000 index entries took 2-17 ms a page)
COUNT_CAP = 1000


@dataclass(frozen=True)
class Page:
    items: tuple
    total: int
    page: int
    per_page: int
    window: int = 0  # > 0: only the latest `window` matching articles were looked at

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class FactCount:
    key: str  # "quantity|north_korea|troops" or "stance|<proposition>"
    findings: int


@dataclass(frozen=True)
class Overview:
    articles: int
    sources: int
    claims: int
    findings: int
    by_type: tuple[tuple[str, int], ...]
    by_severity: tuple[tuple[str, int], ...]
    disputed: tuple[FactCount, ...]
    latest: tuple[Article, ...]


@dataclass(frozen=True)
class FindingFilter:
    type: str | None = None
    dimension: str | None = None
    severity: str | None = None
    source: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    decision: str | None = None  # open | confirmed | dismissed


@dataclass(frozen=True)
class FindingDetail:
    finding: Finding
    claims: tuple[Claim, ...]
    articles: dict  # id -> Article


@dataclass(frozen=True)
class Timeline:
    key: str
    claims: tuple[Claim, ...]
    articles: dict
    total: int  # claims of the key inside the date window (at most COUNT_CAP + 1), of which `claims` are the latest

    @property
    def more_than_counted(self) -> bool:
        return self.total > COUNT_CAP


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _grouped(session: Session, column, order: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Rows per value, one index range count each: much cheaper than GROUP BY over the index."""
    return tuple((name, session.scalar(select(func.count()).select_from(column.table).where(column == name)) or 0)
                 for name in order)


def fact_keys_of(session: Session, claim_ids: list[str]) -> dict[str, str]:
    if not claim_ids:
        return {}
    rows = session.execute(select(ClaimRecord.id, ClaimRecord.key).where(ClaimRecord.id.in_(claim_ids)))
    return dict(rows.all())


def overview(session: Session, latest: int = 10) -> Overview:
    """Totals, findings by type and severity, the facts most disputed among the findings of the
    latest published articles, and those articles: every part bounded or index-backed."""
    # step by step through the indexes (articles by date, links by article, findings by id), so no
    # planner can choose to scan every finding instead
    window = session.scalars(select(ArticleRecord.id).order_by(ArticleRecord.published.desc(), ArticleRecord.id.desc())
                             .limit(DISPUTED_WINDOW)).all()
    linked = set(session.scalars(select(FindingArticleLink.finding_id)
                                 .where(FindingArticleLink.article_id.in_(window)))) if window else set()
    # the type is tested here, not in SQL: with it there, a planner may walk the type index
    # through every finding of those types instead of looking up these few ids
    recent = [data for data in session.scalars(
        select(FindingRecord.data).where(FindingRecord.id.in_(sorted(linked)[:DISPUTED_CAP])))
        if data.get("type") in DISPUTED_TYPES] if linked else []
    first_claims = [data["claims"][0] for data in recent if data.get("claims")]
    keys = fact_keys_of(session, first_claims)
    disputed = Counter(keys[c] for c in first_claims if c in keys)
    newest = session.scalars(select(ArticleRecord).options(load_only(
        ArticleRecord.id, ArticleRecord.source, ArticleRecord.url, ArticleRecord.published,
        ArticleRecord.language, ArticleRecord.title))
        .order_by(ArticleRecord.published.desc(), ArticleRecord.id.desc()).limit(latest))
    by_type = _grouped(session, FindingRecord.type, TYPES)
    return Overview(
        articles=_count(session, ArticleRecord),
        sources=session.scalar(select(func.count(distinct(ArticleRecord.source))).where(ArticleRecord.source != "")) or 0,
        claims=_count(session, ClaimRecord),
        findings=sum(n for _, n in by_type),
        by_type=by_type,
        by_severity=_grouped(session, FindingRecord.severity, SEVERITIES),
        disputed=tuple(FactCount(k, n) for k, n in disputed.most_common(10)),
        latest=tuple(article_from_record(r, with_body=False) for r in newest),
    )


def sources(session: Session) -> list[str]:
    return [s for s in session.scalars(select(ArticleRecord.source).distinct().order_by(ArticleRecord.source)) if s]


def _finding_conditions(chosen: FindingFilter) -> list:
    conditions = [column == value for column, value in ((FindingRecord.type, chosen.type),
                                                        (FindingRecord.severity, chosen.severity),
                                                        (FindingRecord.dimension, chosen.dimension)) if value]
    if chosen.decision:
        conditions.append(decision_condition(FindingRecord.id, chosen.decision))
    return conditions


def findings_page(session: Session, chosen: FindingFilter, page: int = 1, per_page: int = 50) -> Page:
    """One page of findings, in the order of their fingerprints: the primary key's index gives
    that order without sorting, so a page costs the same however many findings are stored
    (the store keeps no index on when a finding was made, so "newest first" would sort them all).
    With an outlet or dates the walk starts from the matching articles (their indexes) and
    follows their links, rather than testing every finding."""
    conditions = _finding_conditions(chosen)
    article_conditions = []
    if chosen.source:
        article_conditions.append(ArticleRecord.source == chosen.source)
    if chosen.published_from:
        article_conditions.append(ArticleRecord.published >= chosen.published_from)
    if chosen.published_to:
        article_conditions.append(ArticleRecord.published <= chosen.published_to)
    if article_conditions:
        # step by step, each through an index: the matching articles (newest first, at most
        # FILTER_ARTICLES), their links, then the findings' own columns by primary key; a
        # planner left to itself walks the type index through every finding instead
        article_ids = session.scalars(select(ArticleRecord.id).where(*article_conditions)
                                      .order_by(ArticleRecord.published.desc(), ArticleRecord.id.desc())
                                      .limit(FILTER_ARTICLES)).all()
        linked = sorted(set(session.scalars(select(FindingArticleLink.finding_id)
                                            .where(FindingArticleLink.article_id.in_(article_ids))))) if article_ids else []
        wanted = {name: value for name, value in (("type", chosen.type), ("severity", chosen.severity),
                                                  ("dimension", chosen.dimension)) if value}
        matching = []
        for start in range(0, len(linked), ID_CHUNK):
            rows = session.execute(select(FindingRecord.id, FindingRecord.type, FindingRecord.severity,
                                          FindingRecord.dimension)
                                   .where(FindingRecord.id.in_(linked[start:start + ID_CHUNK]),
                                          *([decision_condition(FindingRecord.id, chosen.decision)]
                                            if chosen.decision else []))).all()
            matching += [row.id for row in rows if all(getattr(row, k) == v for k, v in wanted.items())]
        matching.sort()
        total = len(matching)
        chosen_ids = matching[(page - 1) * per_page: page * per_page]
        query = select(FindingRecord).where(FindingRecord.id.in_(chosen_ids)) if chosen_ids else None
        window = FILTER_ARTICLES if len(article_ids) == FILTER_ARTICLES else 0
    else:
        total = session.scalar(select(func.count()).select_from(FindingRecord).where(*conditions)) or 0
        query = (select(FindingRecord).where(*conditions).order_by(FindingRecord.id)
                 .limit(per_page).offset((page - 1) * per_page))
        window = 0
    rows = session.scalars(query.order_by(None).order_by(FindingRecord.id)) if query is not None else []
    return Page(tuple(finding_from_dict(r.data) for r in rows), total, page, per_page, window)


def finding_detail(session: Session, finding_id: str) -> FindingDetail | None:
    record = session.get(FindingRecord, finding_id)
    if record is None:
        return None
    finding = finding_from_dict(record.data)
    rows = {r.id: claim_from_dict(r.data) for r in session.scalars(
        select(ClaimRecord).where(ClaimRecord.id.in_(finding.claims)))}
    claims = tuple(rows[c] for c in finding.claims if c in rows)
    return FindingDetail(finding, claims, articles_by_id(session, finding.articles))


def article_page(session: Session, article_id: str) -> tuple[Article, tuple[Claim, ...], dict] | None:
    """The article with its body, its claims in body order, and for each claim the findings it
    takes part in."""
    record = session.get(ArticleRecord, article_id)
    if record is None:
        return None
    claims = tuple(claim_from_dict(r.data) for r in session.scalars(
        select(ClaimRecord).where(ClaimRecord.article_id == article_id).order_by(ClaimRecord.position)))
    findings = [finding_from_dict(r.data) for r in session.scalars(
        select(FindingRecord).join(FindingArticleLink, FindingArticleLink.finding_id == FindingRecord.id)
        .where(FindingArticleLink.article_id == article_id))]
    by_claim: dict[str, list[Finding]] = {}
    for finding in findings:
        for claim_id in finding.claims:
            by_claim.setdefault(claim_id, []).append(finding)
    return article_from_record(record), claims, by_claim


def timeline(session: Session, key: str, published_from: date | None = None,
             published_to: date | None = None, cap: int = TIMELINE_CAP) -> Timeline:
    """The latest `cap` claims of one fact key inside the date window, through the
    (key, published, id) index: their ids from the index alone, counted up to COUNT_CAP + 1,
    and the claims decoded once per worker (repository.claims_by_id keeps them)."""
    query = select(ClaimRecord.id).where(ClaimRecord.key == key)
    if published_from:
        query = query.where(ClaimRecord.published >= published_from)
    if published_to:
        query = query.where(ClaimRecord.published <= published_to)
    total = session.scalar(select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())) or 0
    ids = session.scalars(query.order_by(ClaimRecord.published.desc(), ClaimRecord.id).limit(cap)).all()
    found = claims_by_id(session, ids)
    claims = tuple(found[i] for i in reversed(ids) if i in found)
    return Timeline(key, claims, articles_by_id(session, {c.article for c in claims}), total)


def facts_page(session: Session, kind: str | None = None, page: int = 1, per_page: int = 50) -> Page:
    """The facts claimed in the latest FACTS_WINDOW published articles, most claimed first, with
    how many of those articles' claims each has. A window, not the whole store: counting every
    claim's key would grow with the store; a fact's own timeline reaches all of its claims."""
    window = session.scalars(select(ArticleRecord.id).order_by(ArticleRecord.published.desc(), ArticleRecord.id.desc())
                             .limit(FACTS_WINDOW)).all()
    if not window:
        return Page((), 0, page, per_page)
    query = (select(ClaimRecord.key, func.count().label("n")).where(ClaimRecord.article_id.in_(window))
             .group_by(ClaimRecord.key))
    if kind:
        query = query.where(ClaimRecord.kind == kind)
    counted = session.execute(query).all()
    ranked = sorted(counted, key=lambda row: (-row[1], row[0]))
    chosen = ranked[(page - 1) * per_page: page * per_page]
    return Page(tuple(FactCount(k, n) for k, n in chosen), len(ranked), page, per_page)


def articles_page(session: Session, source: str | None = None, page: int = 1, per_page: int = 50) -> Page:
    query = select(ArticleRecord).options(load_only(
        ArticleRecord.id, ArticleRecord.source, ArticleRecord.url, ArticleRecord.published,
        ArticleRecord.language, ArticleRecord.title))
    if source:
        query = query.where(ArticleRecord.source == source)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(ArticleRecord.published.desc(), ArticleRecord.id)
                           .limit(per_page).offset((page - 1) * per_page))
    return Page(tuple(article_from_record(r, with_body=False) for r in rows), total, page, per_page)


@dataclass(frozen=True)
class FactSheet:
    """A fact page's tables: the facts of one key (one per happening, disputed first) as the
    compare stage's disputes code makes them over the claims the page's timeline shows, the type
    of each finding they cite, and where each claim behind a value stands (article id)."""

    facts: tuple[dict, ...]
    finding_types: dict  # finding id -> type
    claim_articles: dict  # claim id -> article id
    articles: dict  # article id -> Article (no body)


def _facts_of_claims(session: Session, key: str, claims: tuple[Claim, ...], articles: dict) -> list[dict]:
    """The facts (disputed and not) that `claims` of one key make, with the findings citing
    them: the API's facts_of_key over a bounded set of claims instead of every stored one (a
    key of a long story holds thousands of claims, and comparing them all took seconds)."""
    from checker.usecases.facts import facts_of_key

    return facts_of_key(session, key, include_undisputed=True, claims=claims, articles=articles)


def fact_sheet(session: Session, key: str, claims: tuple[Claim, ...], articles: dict | None = None) -> FactSheet:
    """The fact tables of `claims` (the page's timeline: the latest TIMELINE_CAP claims of the
    key inside its date window, with `articles`, theirs, when the caller has them), so the page
    costs the same however many claims the key holds."""
    places = {c.id: c.article for c in claims}
    articles = dict(articles) if articles is not None else {}
    articles.update(articles_by_id(session, set(places.values()) - set(articles)))
    facts = sorted(_facts_of_claims(session, key, claims, articles),
                   key=lambda f: (not f["disputed"], f["rank"], f["label"], f["id"]))
    finding_ids = sorted({f for fact in facts for f in fact["findings"]}
                         | {f for fact in facts for v in fact["values"] for f in v["findings"]})
    types = {}
    for start in range(0, len(finding_ids), ID_CHUNK):
        types.update(session.execute(select(FindingRecord.id, FindingRecord.type)
                                     .where(FindingRecord.id.in_(finding_ids[start:start + ID_CHUNK]))).all())
    return FactSheet(tuple(facts), types, places, {a: articles[a] for a in set(places.values()) if a in articles})
