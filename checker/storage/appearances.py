"""Appearances of an article: the same text posted by several outlets, under several URLs and
dates (wire copy spreading). The article is one text, analysed once; each post of it from a
source, URL and date is an appearance, stored once (a repeat is idempotent) and listed with the
article, oldest first, so a reader sees which outlets carry the text and since when."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from checker.model import Article
from checker.storage.models import AppearanceRecord, ArticleRecord, utc_now


@dataclass(frozen=True)
class Appearance:
    id: int
    article: str
    source: str
    url: str
    published: date | None
    stored_at: datetime


def fingerprint(article_id: str, source: str | None, url: str | None, published: date | None) -> str:
    parts = (article_id, source or "", url or "", published.isoformat() if published else "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def first_row(article: Article) -> dict:
    """The insert values of the appearance an article is first stored under."""
    return dict(article_id=article.id, fingerprint=fingerprint(article.id, article.source, article.url, article.published),
                source=article.source or "", url=article.url or "", published=article.published, stored_at=utc_now())


def add(sessions: sessionmaker, article_id: str, posted: Article) -> tuple[Appearance | None, bool]:
    """Record that the stored article `article_id` appeared again with `posted`'s outlet, URL and
    date: (the appearance, True) when new, (the stored one, False) when it is a repeat, (None,
    False) when the article is gone."""
    row = dict(first_row(posted), article_id=article_id,
               fingerprint=fingerprint(article_id, posted.source, posted.url, posted.published))
    try:
        with sessions.begin() as session:
            if session.get(ArticleRecord, article_id) is None:
                return None, False
            new_id = session.execute(insert(AppearanceRecord).returning(AppearanceRecord.id), [row]).scalar_one()
            return Appearance(new_id, article_id, row["source"], row["url"], row["published"], row["stored_at"]), True
    except IntegrityError:  # the same appearance, stored before or by a racing post
        with sessions() as session:
            record = session.scalar(select(AppearanceRecord).where(AppearanceRecord.fingerprint == row["fingerprint"]))
        return (_from_record(record) if record is not None else None), False


_COLUMNS = (AppearanceRecord.id, AppearanceRecord.article_id, AppearanceRecord.source, AppearanceRecord.url,
            AppearanceRecord.published, AppearanceRecord.stored_at)  # in Appearance's order


def _from_record(record: AppearanceRecord) -> Appearance:
    return Appearance(record.id, record.article_id, record.source, record.url, record.published, record.stored_at)


def of_articles(session: Session, article_ids: Iterable[str]) -> dict[str, list[Appearance]]:
    """Each article's appearances, oldest publication first (undated last), then as stored."""
    ids = sorted(set(article_ids))
    found: dict[str, list[Appearance]] = {a: [] for a in ids}
    for start in range(0, len(ids), 900):  # under every database's parameter limit
        # plain rows, not ORM objects: a post's report names a few hundred articles
        for row in session.execute(select(*_COLUMNS).where(
                AppearanceRecord.article_id.in_(ids[start:start + 900])).order_by(AppearanceRecord.id)):
            found[row.article_id].append(Appearance(*row))
    for items in found.values():
        items.sort(key=lambda a: (a.published is None, a.published or date.min, a.id))
    return found


class FirstAppearance(Exception):
    """The appearance an article was analysed under goes only with the article."""


def remove(sessions: sessionmaker, article_id: str, appearance_id: int) -> bool:
    """Delete one appearance, keeping the others; False when unknown. The article's first
    appearance (its claims were read under that outlet and date) raises FirstAppearance."""
    with sessions.begin() as session:
        ids = list(session.scalars(select(AppearanceRecord.id).where(AppearanceRecord.article_id == article_id)
                                   .order_by(AppearanceRecord.id)))
        if appearance_id not in ids:
            return False
        if appearance_id == ids[0]:
            raise FirstAppearance(article_id)
        session.execute(delete(AppearanceRecord).where(AppearanceRecord.id == appearance_id))
    return True


def appearance_json(appearance: Appearance) -> dict:
    return {"id": appearance.id, "source": appearance.source or None, "url": appearance.url or None,
            "published": appearance.published.isoformat() if appearance.published else None}
