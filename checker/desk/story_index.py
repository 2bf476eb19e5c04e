"""Stories over the store: each article's date and linking fact keys read in two queries, grouped
by checker.desk.stories, and kept per process until an article is added or deleted (the store's
article count and latest storing time are the cache's key), so pages do not regroup the store."""
from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checker.desk import labels
from checker.desk.stories import ArticleFacts, Story, StorySettings, group, story_name
from checker.model import Article, Finding
from checker.storage.codec import finding_from_dict
from checker.storage.models import ArticleRecord, ClaimRecord, FindingArticleLink, FindingRecord
from checker.storage.repository import articles_by_id

ID_CHUNK = 900
FLAGGED = ("conflict", "reversal", "correction", "discrepancy")
_cache: dict = {}
_lock = threading.Lock()


def settings() -> StorySettings:
    from checker.rulebook import default_rules

    return default_rules().for_language("en")["stories"]


def all_stories(session: Session) -> list[Story]:
    """Every story of the store, latest first."""
    count, latest = session.execute(select(func.count(), func.max(ArticleRecord.stored_at))).one()
    signature = (str(session.get_bind().url), count, latest)
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
    return stories


def find_story(session: Session, story_id: str) -> Story | None:
    return next((s for s in all_stories(session) if s.id == story_id), None)


def name_of(story: Story) -> str:
    return story_name(story, labels.fact)


def summary_json(story: Story, sources: int | None = None) -> dict:
    body = {"id": story.id, "name": name_of(story), "first": story.first.isoformat() if story.first else None,
            "last": story.last.isoformat() if story.last else None, "articles": len(story.articles),
            "facts": [{"key": k, "label": labels.fact(k)} for k in story.keys[:5]]}
    if sources is not None:
        body["sources"] = sources
    return body


@dataclass(frozen=True)
class StoryDetail:
    story: Story
    name: str
    articles: tuple[Article, ...]  # by date, undated last
    findings: tuple[Finding, ...]  # the most serious first
    disputed: tuple[tuple[str, int], ...]  # fact keys of its flagged findings, with how many


def story_detail(session: Session, story: Story) -> StoryDetail:
    found = articles_by_id(session, story.articles)
    linked: set[str] = set()
    for start in range(0, len(story.articles), ID_CHUNK):
        linked.update(session.scalars(select(FindingArticleLink.finding_id).where(
            FindingArticleLink.article_id.in_(story.articles[start:start + ID_CHUNK]))))
    findings: list[Finding] = []
    ordered = sorted(linked)
    for start in range(0, len(ordered), ID_CHUNK):
        findings += [finding_from_dict(data) for data in session.scalars(
            select(FindingRecord.data).where(FindingRecord.id.in_(ordered[start:start + ID_CHUNK])))]
    rank = {t: n for n, t in enumerate(("conflict", "reversal", "correction", "discrepancy", "update"))}
    findings.sort(key=lambda f: (rank.get(f.type, 9), f.id))
    first_claims = [f.claims[0] for f in findings if f.type in FLAGGED and f.claims]
    keys = dict(session.execute(select(ClaimRecord.id, ClaimRecord.key).where(ClaimRecord.id.in_(first_claims))).all()) \
        if first_claims else {}
    counts: dict[str, int] = {}
    for claim_id in first_claims:
        if claim_id in keys:
            counts[keys[claim_id]] = counts.get(keys[claim_id], 0) + 1
    disputed = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return StoryDetail(story, name_of(story), tuple(found[a] for a in story.articles if a in found),
                       tuple(findings), disputed)


def story_targets(detail: StoryDetail) -> list[str]:
    """What the record's entries about a story are about: its articles and its findings."""
    return [f"article:{a.id}" for a in detail.articles] + [f"finding:{f.id}" for f in detail.findings]
