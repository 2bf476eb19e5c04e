"""Stories over the store: each article's date and linking fact keys read in two queries, grouped
by checker.desk.stories, and kept per process until an article is added or deleted, so pages do
not regroup the store. The cache's key is read through primary keys only: the article count, the
latest appearance (every stored article adds one, with a growing id) and the latest audit entry
(every delete records one); the latest storing time had no index and cost a scan of every
article's row, body included, on each page (22 ms at 10,000 articles)."""
from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checker.desk import labels
from checker.desk.stories import ArticleFacts, Story, StorySettings, group, story_name
from checker.model import Article, Finding
from checker.storage.codec import finding_from_dict
from checker.storage.desk import AuditRecord
from checker.storage.models import AppearanceRecord, ArticleRecord, ClaimRecord, FindingArticleLink, FindingRecord
from checker.storage.repository import articles_by_id

ID_CHUNK = 900
FLAGGED = ("conflict", "reversal", "correction", "discrepancy")
_cache: dict = {}
_ranked: dict = {}  # story id -> its finding ids, the most serious first (valid with _cache)
_lock = threading.Lock()


def settings() -> StorySettings:
    from checker.rulebook import default_rules

    return default_rules().for_language("en")["stories"]


def all_stories(session: Session) -> list[Story]:
    """Every story of the store, latest first."""
    signature = (str(session.get_bind().url), session.scalar(select(func.count()).select_from(ArticleRecord)),
                 session.scalar(select(func.max(AppearanceRecord.id))), session.scalar(select(func.max(AuditRecord.id))))
    with _lock:
        if signature in _cache:
            return _cache[signature]
    chosen = settings()
    keys: dict[str, set[str]] = {}
    for article_id, key in session.execute(select(ClaimRecord.article_id, ClaimRecord.key)
                                           .where(ClaimRecord.kind.in_(chosen.link_kinds)).distinct()):
        keys.setdefault(article_id, set()).add(key)
    articles = [ArticleFacts(article_id, published, frozenset(keys.get(article_id, ())))
                for article_id, published in session.execute(select(ArticleRecord.id, ArticleRecord.published))]
    stories = group(articles, chosen)
    with _lock:
        _cache.clear()  # one store per process, usually: keep only the latest grouping
        _cache[signature] = stories
        _ranked.clear()
    return stories


def find_story(session: Session, story_id: str) -> Story | None:
    return next((s for s in all_stories(session) if s.id == story_id), None)


def name_of(story: Story, w=None) -> str:
    """The story's readable name, in `w`'s language (a Wording; default the report language's)."""
    return story_name(story, lambda key: labels.fact(key, w), labels._ui(labels._words(w), "untitled_story"), w)


def summary_json(story: Story, sources: int | None = None, w=None) -> dict:
    body = {"id": story.id, "name": name_of(story, w), "first": story.first.isoformat() if story.first else None,
            "last": story.last.isoformat() if story.last else None, "articles": len(story.articles),
            "facts": [{"key": k, "label": labels.fact(k, w)} for k in story.keys[:5]]}
    if sources is not None:
        body["sources"] = sources
    return body


# A story's page is bounded however long the story runs: its latest articles, its most serious
# findings, and the disputed facts and values those findings cite (a fact's own page has them all).
STORY_ARTICLES = 200
STORY_FINDINGS = 100
DISPUTE_FINDINGS = 40  # the flagged findings whose claims make the disputed facts' tables


@dataclass(frozen=True)
class DisputedFact:
    key: str
    label: str
    findings: int  # flagged findings about it among the story's shown ones
    values: tuple[dict, ...]  # one per claim behind them: value, source, speaker, when, finding


@dataclass(frozen=True)
class StoryDetail:
    story: Story
    name: str
    articles: tuple[Article, ...]  # by date, undated last: the latest STORY_ARTICLES
    findings: tuple[Finding, ...]  # the most serious first: at most STORY_FINDINGS
    finding_total: int
    disputed: tuple[DisputedFact, ...]  # the facts its most serious flagged findings are about

    @property
    def article_total(self) -> int:
        return len(self.story.articles)


RANK = {t: n for n, t in enumerate(("conflict", "reversal", "correction", "discrepancy", "update"))}


def ranked_findings(session: Session, story: Story) -> list[str]:
    """The ids of the findings involving the story's articles, the most serious first; kept
    with the grouping (findings change only when articles come or go)."""
    with _lock:
        if story.id in _ranked:
            return _ranked[story.id]
    linked: set[str] = set()
    for start in range(0, len(story.articles), ID_CHUNK):
        linked.update(session.scalars(select(FindingArticleLink.finding_id).where(
            FindingArticleLink.article_id.in_(story.articles[start:start + ID_CHUNK]))))
    typed = []
    ordered = sorted(linked)
    for start in range(0, len(ordered), ID_CHUNK):  # the type only; the data of the chosen few later
        typed += session.execute(select(FindingRecord.id, FindingRecord.type)
                                 .where(FindingRecord.id.in_(ordered[start:start + ID_CHUNK]))).all()
    ranked = [i for i, _ in sorted(typed, key=lambda row: (RANK.get(row[1], 9), row[0]))]
    with _lock:
        _ranked[story.id] = ranked
    return ranked


def story_detail(session: Session, story: Story, w=None) -> StoryDetail:
    """The story's page, its labels in `w`'s language (a Wording; default the report language's)."""
    from checker.desk.exports import claims_by_id
    from checker.storage.codec import key_text

    shown = story.articles if len(story.articles) <= STORY_ARTICLES else story.articles[-STORY_ARTICLES:]
    found = articles_by_id(session, shown)
    ranked = ranked_findings(session, story)
    chosen = ranked[:STORY_FINDINGS]
    findings = sorted((finding_from_dict(data) for data in session.scalars(
        select(FindingRecord.data).where(FindingRecord.id.in_(chosen)))) if chosen else [],
        key=lambda f: (RANK.get(f.type, 9), f.id))
    flagged = [f for f in findings if f.type in FLAGGED][:DISPUTE_FINDINGS]
    claims = claims_by_id(session, [c for f in flagged for c in f.claims])
    sources = articles_by_id(session, {c.article for c in claims.values()})
    by_key: dict[str, dict] = {}
    for finding in flagged:
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            if claim is None:
                continue
            fact = by_key.setdefault(key_text(claim.key()), {"findings": set(), "values": {}})
            fact["findings"].add(finding.id)
            article = sources.get(claim.article)
            fact["values"].setdefault(claim.id, {
                "value": _value_words(claim, w),
                "source": (article.source if article else "") or labels._ui(labels._words(w), "unknown_outlet"),
                "speaker": labels.name(claim.speaker, w) if claim.speaker else labels._ui(labels._words(w), "outlet_itself"),
                "when": claim.when, "article": claim.article, "claim": claim.id, "findings": []})
            fact["values"][claim.id]["findings"].append((finding.id, finding.type))
    disputed = tuple(DisputedFact(key, labels.fact(key, w), len(fact["findings"]),
                                  tuple(sorted(fact["values"].values(), key=lambda v: (
                                      v["when"] is None, v["when"] or story.first, v["source"], v["claim"]))))
                     for key, fact in sorted(by_key.items(), key=lambda kv: (-len(kv[1]["findings"]), kv[0])))
    return StoryDetail(story, name_of(story, w), tuple(found[a] for a in shown if a in found),
                       tuple(findings), len(ranked), disputed)


def _value_words(claim, w) -> str:
    """A value as the reader reads it: a figure with the language's digit grouping (10.000 in
    Indonesian), a stance by its verb; the plain form without a wording."""
    from checker.compare.wording import interval_text
    from checker.report import value_text

    if claim.value is not None:
        return value_text(claim) if w is None or claim.kind == "duration" else interval_text(claim.value, names=w)
    if claim.stance and w is not None:
        return labels._ui(w, "stance." + claim.stance)
    return claim.stance or ""


def story_targets(detail: StoryDetail) -> list[str]:
    """What the record's entries about a story are about: its articles and its findings."""
    return [f"article:{a.id}" for a in detail.articles] + [f"finding:{f.id}" for f in detail.findings]


def story_document(session: Session, story: Story) -> dict:
    """A story as GET /api/v1/stories/{id} answers it: its articles, facts, disputed facts,
    findings with their decisions, and the history of writes about it."""
    from checker.desk.decisions import stored_finding_json
    from checker.report import article_json
    from checker.storage import desk

    detail = story_detail(session, story)
    decided = desk.decisions_of(session, [f.id for f in detail.findings])
    history = desk.entries_about(session, story_targets(detail), limit=100)
    return {**summary_json(story), "articles": [article_json(a) for a in detail.articles],
            "facts": [{"key": k, "label": labels.fact(k)} for k in story.keys],
            "disputed": [{"key": d.key, "label": d.label, "findings": d.findings} for d in detail.disputed],
            "findings": [stored_finding_json(f, decided.get(f.id)) for f in detail.findings],
            "history": [{"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "target": e.target,
                         "detail": e.detail} for e in history]}
