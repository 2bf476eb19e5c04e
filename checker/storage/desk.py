"""The reviewer's desk in the store: decisions on findings, API tokens, and the record of who
wrote what (tables of their own beside articles, claims and findings).

A decision is keyed by the finding's fingerprint and has no foreign key to the finding: when an
article is deleted and posted again, or a rescan finds the same disagreement, the finding comes
back with the same id and its decision with it. Tokens are stored as SHA-256 digests only (they
are long random strings, so a digest cannot be guessed back). The record is append-only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from checker.storage.models import Base, utc_now


class DecisionRecord(Base):
    __tablename__ = "decisions"

    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class TokenRecord(Base):
    __tablename__ = "api_tokens"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditRecord(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(100), index=True)  # "article:<id>", "finding:<id>", "token:<name>"
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


# --- decisions --------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredDecision:
    finding: str
    state: str
    reason: str | None
    note: str
    decided_by: str
    decided_at: datetime

    def as_json(self) -> dict:
        return {"finding": self.finding, "state": self.state, "reason": self.reason, "note": self.note,
                "decided_by": self.decided_by, "decided_at": self.decided_at.isoformat()}


def _decision(record: DecisionRecord) -> StoredDecision:
    at = record.decided_at
    if at.tzinfo is None:  # SQLite gives back naive datetimes; they were written in UTC
        from datetime import timezone

        at = at.replace(tzinfo=timezone.utc)
    return StoredDecision(record.finding_id, record.state, record.reason, record.note or "",
                          record.decided_by, at)


def save_decision(sessions: sessionmaker, finding_id: str, state: str, reason: str | None, note: str,
                  actor: str) -> StoredDecision:
    """Record a decision (replacing the finding's earlier one) and its entry in the record, in
    one transaction."""
    from sqlalchemy.exc import IntegrityError

    now = utc_now()
    for attempt in range(2):  # two first decisions racing: the loser updates the winner's row
        try:
            with sessions.begin() as session:
                record = session.get(DecisionRecord, finding_id, with_for_update=True)
                if record is None:
                    record = DecisionRecord(finding_id=finding_id)
                    session.add(record)
                record.state, record.reason, record.note, record.decided_by, record.decided_at = (
                    state, reason, note, actor, now)
                session.flush()
                session.add(AuditRecord(at=now, actor=actor, action="decide", target=f"finding:{finding_id}",
                                        detail={"state": state, "reason": reason, "note": note}))
            break
        except IntegrityError:
            if attempt:
                raise
    return StoredDecision(finding_id, state, reason, note, actor, now)


def decisions_of(session: Session, finding_ids) -> dict[str, StoredDecision]:
    ids = sorted(set(finding_ids))
    found: dict[str, StoredDecision] = {}
    for start in range(0, len(ids), 900):  # under every database's parameter limit
        for record in session.scalars(select(DecisionRecord).where(DecisionRecord.finding_id.in_(ids[start:start + 900]))):
            found[record.finding_id] = _decision(record)
    return found


def all_decisions(session: Session, state: str | None = None) -> list[StoredDecision]:
    query = select(DecisionRecord).order_by(DecisionRecord.finding_id)
    if state is not None:
        query = query.where(DecisionRecord.state == state)
    return [_decision(r) for r in session.scalars(query)]


# --- tokens -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredToken:
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None


def _token(record: TokenRecord) -> StoredToken:
    return StoredToken(record.name, record.role, record.created_at, record.revoked_at)


def add_token(sessions: sessionmaker, name: str, role: str, digest: str, actor: str) -> bool:
    """False when a token of that name exists (revoked ones included: names are never reused,
    so the record keeps meaning one person)."""
    from sqlalchemy.exc import IntegrityError

    now = utc_now()
    try:
        with sessions.begin() as session:
            session.add(TokenRecord(name=name, role=role, token_sha256=digest, created_at=now))
            session.flush()
            session.add(AuditRecord(at=now, actor=actor, action="token_add", target=f"token:{name}",
                                    detail={"role": role}))
    except IntegrityError:
        return False
    return True


def revoke_token(sessions: sessionmaker, name: str, actor: str) -> bool:
    now = utc_now()
    with sessions.begin() as session:
        record = session.get(TokenRecord, name)
        if record is None or record.revoked_at is not None:
            return False
        record.revoked_at = now
        session.add(AuditRecord(at=now, actor=actor, action="token_revoke", target=f"token:{name}", detail={}))
    return True


def token_by_digest(session: Session, digest: str) -> StoredToken | None:
    record = session.scalar(select(TokenRecord).where(TokenRecord.token_sha256 == digest))
    return _token(record) if record is not None else None


def list_tokens(session: Session) -> list[StoredToken]:
    return [_token(r) for r in session.scalars(select(TokenRecord).order_by(TokenRecord.name))]


# --- the record -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: str
    action: str
    target: str
    detail: dict


def record(sessions: sessionmaker, actor: str, action: str, target: str, detail: dict | None = None) -> None:
    with sessions.begin() as session:
        session.add(AuditRecord(at=utc_now(), actor=actor, action=action, target=target, detail=detail or {}))


def entries_about(session: Session, targets, limit: int = 200) -> list[Entry]:
    """The latest entries about any of `targets` ("article:<id>", "finding:<id>"), newest first."""
    targets = sorted(set(targets))
    found: list[Entry] = []
    for start in range(0, len(targets), 900):
        found += [Entry(r.at, r.actor, r.action, r.target, r.detail or {}) for r in session.scalars(
            select(AuditRecord).where(AuditRecord.target.in_(targets[start:start + 900]))
            .order_by(AuditRecord.id.desc()).limit(limit))]
    return sorted(found, key=lambda e: e.at, reverse=True)[:limit]
