"""What leaves the desk: findings and their evidence as CSV rows (a story, a fact or one finding),
and a confirmed contradiction as schema.org ClaimReview JSON-LD, the form fact-checking sites
publish: the claim, who made it, where it appeared, the reviewer's verdict and the evidence."""
from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from checker.desk import labels
from checker.model import Article, Claim, Finding
from checker.storage import desk
from checker.storage.codec import claim_from_dict
from checker.storage.models import ClaimRecord
from checker.storage.repository import articles_by_id

FINDING_COLUMNS = ("finding", "type", "severity", "decision", "reason", "decided_by", "summary", "fact",
                   "claim", "source", "published", "url", "title", "speaker", "value", "when", "stance",
                   "evidence")
ID_CHUNK = 900


def claims_by_id(session: Session, ids) -> dict[str, Claim]:
    ids = sorted(set(ids))
    found: dict[str, Claim] = {}
    for start in range(0, len(ids), ID_CHUNK):
        for data in session.scalars(select(ClaimRecord.data).where(ClaimRecord.id.in_(ids[start:start + ID_CHUNK]))):
            claim = claim_from_dict(data)
            found[claim.id] = claim
    return found


def finding_rows(session: Session, findings: list[Finding]) -> list[dict]:
    """One row per claim behind each finding, with the finding's decision and the claim's outlet."""
    from checker.report import value_text

    claims = claims_by_id(session, [c for f in findings for c in f.claims])
    articles = articles_by_id(session, {c.article for c in claims.values()})
    decided = desk.decisions_of(session, [f.id for f in findings])
    rows = []
    for finding in findings:
        decision = decided.get(finding.id)
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            if claim is None:
                continue
            article = articles.get(claim.article) or Article(claim.article, "", "id")
            rows.append({
                "finding": finding.id, "type": finding.type, "severity": finding.severity,
                "decision": decision.state if decision else "open", "reason": (decision.reason if decision else "") or "",
                "decided_by": decision.decided_by if decision else "", "summary": finding.summary,
                "fact": labels.fact(_key(claim)), "claim": claim.id, "source": article.source,
                "published": article.published.isoformat() if article.published else "", "url": article.url,
                "title": article.title or "untitled", "speaker": labels.name(claim.speaker) if claim.speaker else "",
                "value": value_text(claim) if claim.value is not None else "", "when": claim.when.isoformat() if claim.when else "",
                "stance": claim.stance or "", "evidence": claim.evidence.text})
    return rows


def _key(claim: Claim) -> str:
    from checker.storage.codec import key_text

    return key_text(claim.key())


def to_csv(rows: list[dict], columns) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        # a cell starting with = + - @ is a formula to a spreadsheet: quoted as text
        writer.writerow({k: ("'" + v if isinstance(v, str) and v and v[0] in "=+-@" else v) for k, v in row.items()})
    return out.getvalue()


FACT_COLUMNS = ("fact", "when", "source", "speaker", "value", "status", "outlets", "findings", "claims")


def fact_rows(fact: dict) -> list[dict]:
    from checker.report import _value_cell

    return [{"fact": fact.get("label", ""), "when": value.get("when") or "", "source": value.get("source", ""),
             "speaker": value.get("speaker") or "", "value": _value_cell(value["value"]),
             "status": value.get("status", ""), "outlets": "; ".join(value.get("outlets", ())),
             "findings": "; ".join(value.get("findings", ())), "claims": "; ".join(value.get("claims", ()))}
            for value in fact.get("values", ())]


def claim_review(session: Session, finding: Finding, decision, page_url: str) -> dict:
    """A confirmed finding as schema.org ClaimReview: the first claim is the one reviewed, the
    others (from other sources) are the evidence that contradicts it."""
    claims = claims_by_id(session, finding.claims)
    ordered = [claims[c] for c in finding.claims if c in claims]
    articles = articles_by_id(session, {c.article for c in ordered})
    reviewed, evidence = ordered[0], ordered[1:]

    def appearance(claim: Claim) -> dict:
        article = articles.get(claim.article)
        work = {"@type": "NewsArticle", "headline": (article.title if article else "") or "untitled"}
        if article is not None and article.url:
            work["url"] = article.url
        if article is not None and article.published:
            work["datePublished"] = article.published.isoformat()
        if article is not None and article.source:
            work["publisher"] = {"@type": "Organization", "name": article.source}
        return work

    def author(claim: Claim) -> dict:
        article = articles.get(claim.article)
        who = labels.name(claim.speaker) if claim.speaker else ((article.source if article else "") or "the outlet")
        return {"@type": "Organization", "name": who}

    first = appearance(reviewed)
    return {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": page_url,
        "datePublished": decision.decided_at.date().isoformat(),
        "author": {"@type": "Person", "name": decision.decided_by},
        "claimReviewed": reviewed.evidence.text,
        "itemReviewed": {"@type": "Claim", "author": author(reviewed), "appearance": [first],
                         **({"datePublished": first["datePublished"]} if "datePublished" in first else {})},
        "reviewRating": {"@type": "Rating", "alternateName": "Contradicted by other sources",
                         "ratingExplanation": finding.summary},
        "reviewBody": finding.summary + (f" {decision.note}" if decision.note else ""),
        "citation": [{"@type": "Quotation", "text": c.evidence.text, "creator": author(c),
                      "isPartOf": appearance(c)} for c in evidence],
    }
