"""What the service asks of the store: save an analysed article in one transaction, find the
stored claims a new article must be compared with, list and delete.

Every function takes a Session (or a sessionmaker where it owns the transaction) and returns
the pipeline's frozen dataclasses, so callers never see rows.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Mapping

from sqlalchemy import Date, Text, and_, bindparam, cast, delete, func, insert, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, load_only, sessionmaker

from checker.model import Article, Claim, Finding
from checker.storage.codec import (claim_from_dict, claim_to_dict, fact_columns, finding_from_dict, finding_to_dict,
                                   key_text)
from checker.storage import appearances
from checker.storage.models import (AppearanceRecord, ArticleRecord, ClaimRecord, FactValueRecord, FindingArticleLink,
                                    FindingRecord, utc_now)

ID_HEX_DIGITS = 16


# --- identity ---------------------------------------------------------------------------------

def normalised_body(body: str) -> str:
    """The text two copies of one article share: NFC, whitespace runs collapsed, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", body)).strip()


def content_sha256(body: str) -> str:
    return hashlib.sha256(normalised_body(body).encode("utf-8")).hexdigest()


def content_id(body: str) -> str:
    """The article id of a posted body: stable across posts of the same content."""
    return content_sha256(body)[:ID_HEX_DIGITS]


# --- rows <-> dataclasses ---------------------------------------------------------------------

def article_from_record(record: ArticleRecord, with_body: bool = True) -> Article:
    return Article(id=record.id, body=record.body if with_body else "", language=record.language,
                   title=record.title or "", source=record.source or "", url=record.url or "",
                   published=record.published)


def _claim_from_record(record: ClaimRecord) -> Claim:
    return claim_from_dict(record.data)


def _finding_from_record(record: FindingRecord) -> Finding:
    return finding_from_dict(record.data)


# --- writing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoreOutcome:
    article_id: str
    created: bool  # False: the same content was stored already (maybe by a racing request)
    findings: tuple[Finding, ...] = ()  # as stored, merged with what the store held


def find_article_id_by_content(session: Session, body: str) -> str | None:
    return session.scalar(select(ArticleRecord.id).where(ArticleRecord.content_sha256 == content_sha256(body)))


def store_analysis(sessions: sessionmaker, article: Article, claims: list[Claim], findings: list[Finding], *,
                   facts: Iterable[tuple] = (), against_store: Callable[[Session], list[Finding]] | None = None,
                   merge: Callable[..., Finding] | None = None, known: Callable[[], Mapping[str, Claim]] | None = None,
                   attempts: int = 3) -> StoreOutcome:
    """Store the article, its claims and its findings in one transaction: all or nothing.

    `against_store(session)`, when given, makes the findings inside the transaction, once the
    article's claims are written and the locks of its `facts` (comparison keys) are held: posts
    touching one fact are serialised there, so of two contradicting articles racing in, the
    later sees the earlier and the finding between them is never lost. A finding the store
    holds already is kept, or with `merge(stored, fresh, claims)` grows by the new claims
    (`claims`: the stored Claim of each id the two list; `known()`, when given, the claims the
    caller holds decoded already, the article's own among them, so only the others are read).

    Two identical articles racing here meet the unique content hash: the loser's transaction
    rolls back whole and it answers with the stored one. Any other clash (an article deleted
    meanwhile, a finding written by a post outside the locks) rolls back and is tried again."""
    digest = content_sha256(article.body)
    for attempt in range(attempts):
        try:
            with _one_writer(sessions), sessions.begin() as session:
                lock_facts(session, facts)
                # The article row first: on SQLite the first write takes the lock, so the reads
                # below happen inside the writer's snapshot.
                session.execute(insert(ArticleRecord), [dict(
                    id=article.id, content_sha256=digest, source=article.source, url=article.url,
                    published=article.published, language=article.language, title=article.title,
                    body=article.body, claim_count=len(claims), stored_at=utc_now())])
                session.execute(insert(AppearanceRecord), [appearances.first_row(article)])
                if against_store is not None:  # before the article's own claims become its facts' latest values
                    findings = against_store(session)
                insert_claims(session, claim_rows(article, claims))
                held = {c.id: c for c in claims} | dict(known() if known is not None else {})
                stored = _store_findings(session, article.id, findings, merge, held)
            return StoreOutcome(article.id, created=True, findings=tuple(stored))
        except IntegrityError:
            with sessions() as session:
                existing = session.scalar(select(ArticleRecord.id).where(ArticleRecord.content_sha256 == digest))
            if existing is not None:
                return StoreOutcome(existing, created=False)
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def claim_rows(article: Article, claims: list[Claim]) -> list[dict]:
    """The claims table's rows of an article's claims."""
    rows = []
    for n, claim in enumerate(claims):
        data = claim_to_dict(claim)
        rows.append(dict(id=claim.id, article_id=article.id, position=n, kind=claim.kind, key=key_text(claim.key()),
                         published=article.published, subject=claim.subject, measure=claim.measure, data=data,
                         **fact_columns(data)))
    return rows


def insert_claims(session: Session, rows: list[dict]) -> None:
    """Insert claim rows, and note each distinct value they give a fact (fact_values): a value
    seen before now names its latest claim."""
    if not rows:
        return
    session.execute(insert(ClaimRecord), rows)
    latest: dict[tuple, dict] = {}
    for row in rows:
        value = (row["key"], row["speaker"], row["stance"], row["value"])
        if value not in latest or _order(row["published"], row["id"]) > _order(latest[value]["published"],
                                                                             latest[value]["id"]):
            latest[value] = row
    values = [dict(key=k, speaker=sp, stance=st, value=v, claim_id=row["id"], published=row["published"])
              for (k, sp, st, v), row in sorted(latest.items())]
    upsert = _upsert_of(session)
    for start in range(0, len(values), 500):
        statement = upsert(FactValueRecord).values(values[start:start + 500])
        new = statement.excluded
        held = FactValueRecord.__table__.c
        later = or_(and_(held.published.is_(None), new.published.is_not(None)),
                    new.published > held.published,
                    and_(or_(new.published == held.published, and_(held.published.is_(None), new.published.is_(None))),
                         new.claim_id > held.claim_id))
        session.execute(statement.on_conflict_do_update(
            index_elements=["key", "speaker", "stance", "value"],
            set_={"claim_id": new.claim_id, "published": new.published}, where=later))


def _order(published: date | None, claim_id: str) -> tuple:
    return (published or date.min, claim_id)


def _upsert_of(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    return upsert


def bulk_store(sessions: sessionmaker, articles: list[tuple[Article, list[Claim]]], findings: list[Finding]) -> None:
    """Store analysed articles (distinct texts) and findings in one transaction, with bulk
    inserts and without comparing: a benchmark's fill, whose findings are made beforehand."""
    with _one_writer(sessions), sessions.begin() as session:
        if articles:
            session.execute(insert(ArticleRecord), [dict(
                id=a.id, content_sha256=content_sha256(a.body), source=a.source,
                url=a.url, published=a.published, language=a.language, title=a.title, body=a.body,
                claim_count=len(claims), stored_at=utc_now()) for a, claims in articles])
            session.execute(insert(AppearanceRecord), [appearances.first_row(a) for a, _ in articles])
            insert_claims(session, [row for a, claims in articles for row in claim_rows(a, claims)])
        if findings:
            session.execute(insert(FindingRecord), [dict(
                id=f.id, type=f.type, dimension=f.dimension, severity=f.severity, data=finding_to_dict(f),
                stored_at=utc_now()) for f in findings])
            session.execute(insert(FindingArticleLink), [dict(finding_id=f.id, article_id=a) for f in findings
                                                         for a in dict.fromkeys(f.articles)])


_SQLITE_WRITER = threading.Lock()


def _one_writer(sessions: sessionmaker):
    """On SQLite, the threads of one process queue here for the database's one writer lock
    rather than all polling it under the busy timeout (which serves them in no order, leaving
    some waiting many seconds); PostgreSQL needs no such queue."""
    bind = sessions.kw.get("bind")
    return _SQLITE_WRITER if bind is not None and bind.dialect.name == "sqlite" else contextlib.nullcontext()


# a function scan of unnest yields the array's elements in order: the locks are taken sorted
_ADVISORY_LOCKS = text("SELECT count(pg_advisory_xact_lock(id)) FROM unnest(CAST(:ids AS bigint[])) AS t(id)")


def lock_facts(session: Session, keys: Iterable[tuple]) -> None:
    """Hold, until the transaction ends, the lock of each comparison key: on PostgreSQL one
    advisory lock per key, taken in one order so that two posts never wait on each other.
    SQLite has one writer at a time: the transaction's first write is the lock."""
    if session.get_bind().dialect.name != "postgresql":
        return
    ids = sorted({int.from_bytes(hashlib.sha256(key_text(k).encode("utf-8")).digest()[:8], "big", signed=True)
                  for k in keys})
    if ids:  # one round trip: taken in the array's (sorted) order
        session.execute(_ADVISORY_LOCKS, {"ids": ids})


def _store_findings(session: Session, article_id: str, findings: list[Finding],
                    merge: Callable[..., Finding] | None, known: Mapping[str, Claim] | None = None) -> list[Finding]:
    """Write the new findings and their links; a finding stored before is kept, or merged with
    the fresh one and linked to the articles it gained. Returns the findings as stored.

    A few queries whatever the number of findings: the stored ones (locked), the articles they
    name, the claims the merges need that `known` (the claims the post holds decoded) lacks,
    the links the merged findings have already; then the inserts."""
    if not findings:
        return []
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.id, finding)  # a finding named twice: the first
    findings = list(first.values())
    records = {r.id: r for r in session.scalars(select(FindingRecord).where(
        FindingRecord.id.in_([f.id for f in findings])).order_by(FindingRecord.id).with_for_update())}
    stored_of = {i: _finding_from_record(r) for i, r in records.items()}
    present = _present_articles(session, {a for f in findings for a in f.articles} - {article_id}) | {article_id}
    claims: dict[str, Claim] = dict(known or {})
    if merge is not None and stored_of:
        # the merge bounds what a finding lists by what its claims say: it is given them
        wanted = {c for f in findings if f.id in stored_of for c in stored_of[f.id].claims + f.claims}
        claims.update(claims_by_id(session, wanted - set(claims)))
    out: dict[str, Finding] = {}
    rows, links, grown = [], [], {}
    for finding in findings:
        stored = stored_of.get(finding.id)
        if stored is not None:
            combined = merge(stored, finding, claims) if merge is not None else stored
            if combined != stored:
                record = records[finding.id]
                record.data, record.severity = finding_to_dict(combined), combined.severity
            # linked to every article it involves, listed or not (an article's findings)
            if (new := (set(combined.articles) | set(finding.articles) | {article_id}) - set(stored.articles)):
                grown[finding.id] = new
            out[finding.id] = combined
            continue
        if not set(finding.articles) <= present:
            continue  # about an article deleted meanwhile
        rows.append(dict(id=finding.id, type=finding.type, dimension=finding.dimension,
                         severity=finding.severity, data=finding_to_dict(finding), stored_at=utc_now()))
        # the posted article too: its finding may list only the first claims of a busy dispute
        links += [dict(finding_id=finding.id, article_id=a) for a in dict.fromkeys((*finding.articles, article_id))]
        out[finding.id] = finding
    if grown:  # link the merged findings to the articles they now involve
        linked = set(session.execute(select(FindingArticleLink.finding_id, FindingArticleLink.article_id)
                                     .where(FindingArticleLink.finding_id.in_(list(grown)),
                                            FindingArticleLink.article_id.in_(set().union(*grown.values())))).all())
        links += [dict(finding_id=f, article_id=a) for f, articles in grown.items()
                  for a in sorted(articles & present) if (f, a) not in linked]
    if rows:
        session.execute(insert(FindingRecord), rows)
    if links:
        session.execute(insert(FindingArticleLink), links)
    return list(out.values())


def _present_articles(session: Session, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    return set(session.scalars(select(ArticleRecord.id).where(ArticleRecord.id.in_(ids))))


def delete_article(sessions: sessionmaker, article_id: str) -> bool:
    """Remove an article with its claims and every finding that involves it. False if unknown."""
    with sessions.begin() as session:
        if session.get(ArticleRecord, article_id) is None:
            return False
        finding_ids = select(FindingArticleLink.finding_id).where(FindingArticleLink.article_id == article_id)
        doomed = list(session.scalars(finding_ids))
        if doomed:
            session.execute(delete(FindingArticleLink).where(FindingArticleLink.finding_id.in_(doomed)))
            session.execute(delete(FindingRecord).where(FindingRecord.id.in_(doomed)))
        own = select(ClaimRecord.id).where(ClaimRecord.article_id == article_id)
        values = list(session.execute(select(FactValueRecord.key, FactValueRecord.speaker, FactValueRecord.stance,
                                             FactValueRecord.value).where(FactValueRecord.claim_id.in_(own))))
        session.execute(delete(FactValueRecord).where(FactValueRecord.claim_id.in_(own)))
        session.execute(delete(ClaimRecord).where(ClaimRecord.article_id == article_id))
        session.execute(delete(ArticleRecord).where(ArticleRecord.id == article_id))
        _renote_values(session, values)
    return True


def _renote_values(session: Session, values) -> None:
    """The fact values whose latest claim went: named again by their latest remaining claim."""
    rows = []
    for key, speaker, stance, value in values:
        latest = session.execute(
            select(ClaimRecord.id, ClaimRecord.published)
            .where(ClaimRecord.key == key, ClaimRecord.speaker == speaker, ClaimRecord.stance == stance,
                   ClaimRecord.value == value)
            .order_by(ClaimRecord.published.is_(None), ClaimRecord.published.desc(), ClaimRecord.id.desc())
            .limit(1)).first()
        if latest is not None:
            rows.append(dict(key=key, speaker=speaker, stance=stance, value=value, claim_id=latest.id,
                             published=latest.published))
    if rows:
        session.execute(insert(FactValueRecord), rows)


# --- what a new article is compared with ------------------------------------------------------

NEIGHBOURHOOD = 50  # per key and side of the article's date: the claims compared whole (see below)
_SIDES = (("published <= :pivot", "published DESC, id DESC"), ("published > :pivot", "published, id"),
          ("published IS NULL AND :pivot IS NOT NULL", "id"))


def _nearest(keys: int, with_data: bool = False):
    """One statement for the neighbourhoods of `keys` keys (bound as :k0, :k1...): for each key
    and side of :pivot, the :n nearest claims' ids, each read from the (key, published, id) index;
    `with_data`, with each claim's stored text too, read through the same index (the rows a key's
    neighbourhood names lie together, stored in the order they came; the id index would be a
    random probe per claim, over an index as large as the store)."""
    columns = "id, CAST(data AS TEXT) AS data" if with_data else "id"
    parts = [f"SELECT {columns} FROM (SELECT {columns} FROM claims WHERE key = :k{n} AND {condition} "
             f"ORDER BY {order} LIMIT :n) AS s{n}_{side}" for n in range(keys) for side, (condition, order) in enumerate(_SIDES)]
    return text(" UNION ALL ".join(parts)).bindparams(bindparam("pivot", type_=Date))


def candidate_claim_ids(session: Session, keys: Iterable[tuple], around: date | None) -> set[str]:
    """The ids of the stored claims a new article with claims of `keys`, dated `around`, is
    compared with, read from indexes alone: for each key that holds claims, the NEIGHBOURHOOD
    nearest in time on each side of `around` (and as many undated), whose every claim joins a
    finding they make, so the findings near in time list all their claims as a scan's do; and
    for a stance, the latest statement of every distinct (speaker, stance) the fact holds
    (fact_values), however old or busy the fact: a denial is reversed by a confirmation of any
    later date, while figures and dates are compared only within the compare stage's windows.
    The work grows with the article's facts and their speakers, not with the store."""
    return set(_candidates(session, keys, around, with_data=False))


def candidate_claims_by_id(session: Session, keys: Iterable[tuple], around: date | None) -> dict[str, Claim]:
    """The claims of candidate_claim_ids, by id: the neighbourhoods read whole (ids and stored
    texts) in the statement that finds them, through the (key, published, id) index; only the
    stances' latest statements outside them are then read by id. Decoded as claims_by_id does."""
    found = _candidates(session, keys, around, with_data=True)
    raw = [(claim_id, stored) for claim_id, stored in found.items() if stored is not None]
    out = _decoded(raw)
    out.update(claims_by_id(session, [claim_id for claim_id, stored in found.items() if stored is None]))
    return out


def _candidates(session: Session, keys: Iterable[tuple], around: date | None, with_data: bool) -> dict[str, str | None]:
    """candidate_claim_ids' ids, each with its stored text when `with_data` and the
    neighbourhood statement read it (None for a stance's latest statement read from fact_values)."""
    texts = sorted({key_text(k) for k in keys})
    found: dict[str, str | None] = {}
    present: set[str] = set()
    for start in range(0, len(texts), 400):
        chunk = texts[start:start + 400]
        for key, claim_id in session.execute(select(FactValueRecord.key, FactValueRecord.claim_id)
                                             .where(FactValueRecord.key.in_(chunk))):
            present.add(key)
            if key.startswith("stance|"):
                found[claim_id] = None
    pivot = around or date.today()
    present_keys = sorted(present)
    for start in range(0, len(present_keys), 100):  # 300 selects a statement at most
        chunk = present_keys[start:start + 100]
        for row in session.execute(_nearest(len(chunk), with_data), {
                "pivot": pivot, "n": NEIGHBOURHOOD, **{f"k{n}": key for n, key in enumerate(chunk)}}):
            found[row[0]] = row[1] if with_data else None
    return found


_DECODED: OrderedDict[tuple, Claim] = OrderedDict()  # (claim id, hash of its stored text) -> claim
_DECODED_LOCK = threading.Lock()
# The claims a worker keeps decoded: the facts it met lately. A decoded claim holds ~3 KB, so
# 20,000 were 60 MB a worker, filling for as long as the store grew (the soak's 31 MB of growth);
# 5,000 hold a story's working set (a post reads ~100 candidates a fact) for a sixth of that, and
# cost a post 6% more CPU than 20,000 did (80 posts into the 10,000-article store: 254 vs 240 ms).
DECODED_CLAIMS = int(os.environ.get("CHECKER_DECODED_CLAIMS", "5000"))


def claims_by_id(session: Session, ids: Iterable[str]) -> dict[str, Claim]:
    """Stored claims by id, read in one query per 900 ids as the stored JSON text and decoded
    only when this process has not decoded that very text before (kept per process under the
    id and the text's hash: a claim stored again under its id after a delete, with other data,
    is decoded afresh). No join: the claim row alone says what it holds."""
    ids = sorted(set(ids))
    raw: list[tuple[str, str]] = []
    data = cast(ClaimRecord.data, Text)
    for start in range(0, len(ids), 900):  # under every database's parameter limit
        raw += session.execute(select(ClaimRecord.id, data).where(ClaimRecord.id.in_(ids[start:start + 900]))).all()
    return _decoded(raw)


def _decoded(raw: Iterable[tuple[str, str]]) -> dict[str, Claim]:
    """Claims from (id, stored JSON text) pairs, each text decoded once per process while kept."""
    out: dict[str, Claim] = {}
    missing = []
    with _DECODED_LOCK:
        for claim_id, stored in raw:
            key = (claim_id, hash(stored))
            claim = _DECODED.get(key)
            if claim is None:
                missing.append((key, stored))
            else:
                _DECODED.move_to_end(key)
                out[claim_id] = claim
    fresh = {key: claim_from_dict(json.loads(stored)) for key, stored in missing}
    with _DECODED_LOCK:
        for key, claim in fresh.items():
            _DECODED[key] = claim
            out[key[0]] = claim
        while len(_DECODED) > DECODED_CLAIMS:
            _DECODED.popitem(last=False)
    return out


def claims_of_findings(session: Session, finding_ids: Iterable[str], held: Mapping[str, Claim]) -> dict[str, Claim]:
    """The claims the stored findings of `finding_ids` list, but those `held` already, decoded.
    A post reads them before it takes the writer's lock, so that merging its findings with the
    stored ones inside the lock reads only the claims stored meanwhile (store_analysis `known`)."""
    ids = sorted(set(finding_ids))
    wanted: set[str] = set()
    for start in range(0, len(ids), 900):  # under every database's parameter limit
        for data in session.scalars(select(FindingRecord.data).where(FindingRecord.id.in_(ids[start:start + 900]))):
            wanted.update(data.get("claims") or ())
    return claims_by_id(session, wanted - set(held))


def candidate_claims(session: Session, keys: Iterable[tuple], around: date | None) -> list[Claim]:
    """The claims of candidate_claim_ids, in the order of their ids."""
    found = candidate_claims_by_id(session, keys, around)
    return [found[i] for i in sorted(found)]


def articles_by_id(session: Session, ids: Iterable[str], with_body: bool = False) -> dict[str, Article]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    if not with_body:  # the comparison needs outlets and dates, not 3 KB of text per article;
        # plain rows, not ORM objects: half the time for a page's 200 articles
        found = {}
        for start in range(0, len(ids), 900):  # under every database's parameter limit
            for r in session.execute(select(ArticleRecord.id, ArticleRecord.source, ArticleRecord.url,
                                            ArticleRecord.published, ArticleRecord.language, ArticleRecord.title)
                                     .where(ArticleRecord.id.in_(ids[start:start + 900]))):
                found[r.id] = Article(id=r.id, body="", language=r.language, title=r.title or "",
                                      source=r.source or "", url=r.url or "", published=r.published)
        return found
    query = select(ArticleRecord).where(ArticleRecord.id.in_(ids))
    return {r.id: article_from_record(r, with_body) for r in session.scalars(query)}


# --- reading ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleView:
    """One stored article with everything its report shows: its claims, the findings that
    involve it, and the other articles and claims those findings cite."""

    article: Article
    articles: dict[str, Article]
    claims: list[Claim]
    findings: list[Finding]


def get_article(session: Session, article_id: str) -> Article | None:
    record = session.get(ArticleRecord, article_id)
    return article_from_record(record) if record is not None else None


def article_view(session: Session, article_id: str) -> ArticleView | None:
    article = get_article(session, article_id)
    if article is None:
        return None
    own = [_claim_from_record(r) for r in session.scalars(
        select(ClaimRecord).where(ClaimRecord.article_id == article_id).order_by(ClaimRecord.position))]
    findings = [_finding_from_record(r) for r in session.scalars(
        select(FindingRecord).join(FindingArticleLink, FindingArticleLink.finding_id == FindingRecord.id)
        .where(FindingArticleLink.article_id == article_id).order_by(FindingRecord.stored_at, FindingRecord.id))]
    own_ids = {c.id for c in own}
    cited = [c for f in findings for c in f.claims if c not in own_ids]
    others = [_claim_from_record(r) for r in session.scalars(
        select(ClaimRecord).where(ClaimRecord.id.in_(cited)))] if cited else []
    articles = articles_by_id(session, {a for f in findings for a in f.articles} - {article_id})
    articles[article_id] = article
    return ArticleView(article, articles, own + others, findings)


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    page: int
    per_page: int


def _page(session: Session, query, page: int, per_page: int, convert) -> Page:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.limit(per_page).offset((page - 1) * per_page))
    return Page([convert(r) for r in rows], total or 0, page, per_page)


def list_articles(session: Session, *, source: str | None = None, language: str | None = None,
                  published_from: date | None = None, published_to: date | None = None,
                  page: int = 1, per_page: int = 50) -> Page:
    query = select(ArticleRecord).options(load_only(
        ArticleRecord.id, ArticleRecord.source, ArticleRecord.url, ArticleRecord.published,
        ArticleRecord.language, ArticleRecord.title, ArticleRecord.claim_count))
    if source is not None:
        query = query.where(ArticleRecord.source == source)
    if language is not None:
        query = query.where(ArticleRecord.language == language)
    if published_from is not None:
        query = query.where(ArticleRecord.published >= published_from)
    if published_to is not None:
        query = query.where(ArticleRecord.published <= published_to)
    query = query.order_by(ArticleRecord.published.desc(), ArticleRecord.id)
    return _page(session, query, page, per_page, lambda r: article_from_record(r, with_body=False))


def list_claims(session: Session, *, subject: str | None = None, measure: str | None = None,
                kind: str | None = None, article: str | None = None, page: int = 1,
                per_page: int = 50) -> Page:
    query = select(ClaimRecord)
    for column, value in ((ClaimRecord.subject, subject), (ClaimRecord.measure, measure),
                          (ClaimRecord.kind, kind), (ClaimRecord.article_id, article)):
        if value is not None:
            query = query.where(column == value)
    query = query.order_by(ClaimRecord.article_id, ClaimRecord.position)
    return _page(session, query, page, per_page, _claim_from_record)


def list_findings(session: Session, *, type: str | None = None, severity: str | None = None,
                  dimension: str | None = None, article: str | None = None, decision: str | None = None,
                  page: int = 1, per_page: int = 50) -> Page:
    query = select(FindingRecord)
    if decision is not None:
        query = query.where(decision_condition(FindingRecord.id, decision))
    for column, value in ((FindingRecord.type, type), (FindingRecord.severity, severity),
                          (FindingRecord.dimension, dimension)):
        if value is not None:
            query = query.where(column == value)
    if article is not None:
        query = query.where(FindingRecord.id.in_(
            select(FindingArticleLink.finding_id).where(FindingArticleLink.article_id == article)))
    query = query.order_by(FindingRecord.stored_at.desc(), FindingRecord.id)
    return _page(session, query, page, per_page, _finding_from_record)


def decision_condition(column, state: str):
    """Findings a reviewer decided `state`; `open` is every finding not decided otherwise."""
    from checker.storage.desk import DecisionRecord

    if state == "open":
        return column.not_in(select(DecisionRecord.finding_id).where(DecisionRecord.state != "open"))
    return column.in_(select(DecisionRecord.finding_id).where(DecisionRecord.state == state))


def incomplete_articles(session: Session) -> list[str]:
    """Articles whose stored claims do not number what was written with them: must be none,
    whatever happened to the server (the transaction is all or nothing)."""
    counts = (select(ClaimRecord.article_id, func.count().label("n")).group_by(ClaimRecord.article_id)
              .subquery())
    query = (select(ArticleRecord.id).outerjoin(counts, counts.c.article_id == ArticleRecord.id)
             .where(func.coalesce(counts.c.n, 0) != ArticleRecord.claim_count))
    return list(session.scalars(query))


def counts(session: Session) -> dict[str, int]:
    return {name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in (("articles", ArticleRecord), ("claims", ClaimRecord),
                                ("findings", FindingRecord))}


# --- facts ------------------------------------------------------------------------------------

FACT_KINDS = ("quantity", "stance", "event_date")  # the kinds of claim a disputed fact is made of
FLAGGED_TYPES = ("conflict", "reversal", "correction", "discrepancy")  # updates are information only


def fact_key_texts(session: Session, *, subject: str | None = None, measure: str | None = None,
                   kind: str | None = None, proposition: str | None = None,
                   disputed_only: bool = True) -> list[str]:
    """The claim keys (`key_text`) of the facts the store holds, sorted: every key of a fact
    kind, or with `disputed_only` only the keys of claims some flagged finding cites (read from
    the flagged findings, then the claims' key column by primary key)."""
    conditions = [ClaimRecord.kind.in_([kind] if kind else FACT_KINDS)]
    for column, value in ((ClaimRecord.subject, subject), (ClaimRecord.measure, measure)):
        if value is not None:
            conditions.append(column == value)
    if proposition is not None:
        conditions.append(ClaimRecord.key == key_text(("stance", proposition)))
    if not disputed_only:
        return sorted(session.scalars(select(ClaimRecord.key).where(*conditions).distinct()))
    cited = sorted({claim_id for data in session.scalars(
        select(FindingRecord.data).where(FindingRecord.type.in_(FLAGGED_TYPES)))
        if data.get("dimension") != "duration" for claim_id in data.get("claims") or ()})
    keys: set[str] = set()
    for start in range(0, len(cited), 900):  # under every database's parameter limit
        keys.update(session.scalars(select(ClaimRecord.key).where(
            ClaimRecord.id.in_(cited[start:start + 900]), *conditions).distinct()))
    return sorted(keys)


def claims_of_key(session: Session, key: str) -> list[Claim]:
    """Every stored claim of one comparison key (`key_text`), through the (key, published) index."""
    return [claim_from_dict(data) for data in session.scalars(
        select(ClaimRecord.data).where(ClaimRecord.key == key).order_by(ClaimRecord.published, ClaimRecord.id))]


def findings_citing(session: Session, claims: list[Claim]) -> list[Finding]:
    """The stored findings that cite any of `claims`: those linked to the claims' articles
    (the finding_articles index), kept when they name one of the claims."""
    ids = {c.id for c in claims}
    articles = sorted({c.article for c in claims})
    found: dict[str, Finding] = {}
    for start in range(0, len(articles), 900):
        query = (select(FindingRecord.data).join(FindingArticleLink, FindingArticleLink.finding_id == FindingRecord.id)
                 .where(FindingArticleLink.article_id.in_(articles[start:start + 900])))
        for data in session.scalars(query):
            if data["id"] not in found and ids.intersection(data.get("claims") or ()):
                found[data["id"]] = finding_from_dict(data)
    return sorted(found.values(), key=lambda f: f.id)
