"""The stored form of articles, claims and findings (SQLAlchemy 2.0 declarative models).

A claim row keeps the columns the API filters on and the comparison key (indexed together with
the article's publication date and the id, so a new article reads the ids of its keys' claims
nearest in time from the index alone); `data` holds the whole claim so the compare stage gets
back the dataclass it made. A fact value row is the compact form of what a fact holds: one row
per distinct (key, speaker, stance, value), naming its latest claim, so a post meets every value
a fact was ever given, however many claims repeat the common ones.
A finding links to every article it involves, so deleting an article takes its findings along.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints so Alembic migrations (and SQLite batch mode) can refer to them.
NAMING = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"}


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRecord(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # content hash prefix
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # the dedupe guard
    source: Mapped[str] = mapped_column(String(200), default="", index=True)
    url: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    language: Mapped[str] = mapped_column(String(8), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    claim_count: Mapped[int] = mapped_column(Integer)  # lets a check see an article is whole
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ClaimRecord(Base):
    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_key_published_id", "key", "published", "id"),
                      # a fact value's claims, to name its latest again when an article goes
                      Index("ix_claims_fact_value", "key", "speaker", "stance", "value", "published"))

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    key: Mapped[str] = mapped_column(String(400))
    published: Mapped[date | None] = mapped_column(Date, nullable=True)  # the article's, for nearness
    subject: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    measure: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    speaker: Mapped[str] = mapped_column(String(100), default="")  # "" for the outlet's own voice
    stance: Mapped[str] = mapped_column(String(16), default="")
    value: Mapped[str] = mapped_column(String(100), default="")  # the interval as text (value_text)
    data: Mapped[dict] = mapped_column(JSON)


class FactValueRecord(Base):
    """One distinct value of a fact: a comparison key, who gave it (the speaker, "" for an
    outlet's own voice), the stance and the interval, with the latest claim that gives it.
    Kept in the transaction that stores the claims; rebuilt for the values of a deleted article."""

    __tablename__ = "fact_values"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    speaker: Mapped[str] = mapped_column(String(100), primary_key=True)
    stance: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(100), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64))  # the latest claim giving it (published, then id)
    published: Mapped[date | None] = mapped_column(Date, nullable=True)


class FindingRecord(Base):
    __tablename__ = "findings"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the stable fingerprint
    type: Mapped[str] = mapped_column(String(16), index=True)
    dimension: Mapped[str] = mapped_column(String(16), index=True)
    severity: Mapped[str] = mapped_column(String(8), index=True)
    data: Mapped[dict] = mapped_column(JSON)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class FindingArticleLink(Base):
    __tablename__ = "finding_articles"

    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)


class AppearanceRecord(Base):
    """One post of an article's text: the outlet, URL and date it appeared under. The article
    row keeps its first; wire copy republished elsewhere adds one row per outlet, URL and date."""

    __tablename__ = "appearances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # a repeat of one appearance is a no-op
    source: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[date | None] = mapped_column(Date, nullable=True)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


from checker.storage import desk as _desk  # noqa: E402,F401  the desk's tables join the metadata
