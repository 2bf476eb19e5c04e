"""Building a Finding: chronological claim order and a fingerprint that survives rescans."""
from __future__ import annotations

import hashlib
import json
from datetime import date

from checker.compare.context import ComparisonContext
from checker.model import Claim, Finding


def claim_content(claim: Claim) -> list:
    """What identifies a claim across scans: where its evidence sits and what it says,
    never its position in a list or its running number."""
    value = claim.value
    return [claim.article, claim.kind, claim.evidence.start, claim.evidence.end,
            None if value is None else value.low, None if value is None else value.high,
            claim.subject, claim.measure, claim.stance, claim.proposition,
            claim.when.isoformat() if claim.when else None]


def fingerprint(finding_type: str, dimension: str, claims: list[Claim]) -> str:
    content = sorted(json.dumps(claim_content(c), ensure_ascii=False) for c in claims)
    payload = json.dumps([finding_type, dimension, content], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def chronological(claims: list[Claim], context: ComparisonContext) -> list[Claim]:
    return sorted(claims, key=lambda c: (context.reference_date(c) or date.min, c.article,
                                         c.evidence.start, c.id))


def make_finding(context: ComparisonContext, finding_type: str, dimension: str,
                 claims: list[Claim], reasons: tuple[str, ...], summary: str) -> Finding:
    ordered = chronological(claims, context)
    articles = tuple(dict.fromkeys(c.article for c in ordered))
    return Finding(id=fingerprint(finding_type, dimension, ordered), type=finding_type,
                   dimension=dimension, severity=context.settings.severity_of(finding_type),
                   claims=tuple(c.id for c in ordered), articles=articles, summary=summary,
                   reasons=reasons)
