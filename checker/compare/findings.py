"""From judged pairs to findings: one finding per disagreement, with a fingerprint that is the
same whichever way the claims arrive.

A pair of claims that cannot both hold is judged (conflict, correction...), and the pair joins
the finding of its *disagreement*: the same dimension, type and fact, between the same two
authorities (sources), across articles; or, when one article quotes two bodies that disagree,
inside that article. Three sentences repeating a figure are one side of one finding, and the
finding lists every claim behind it.

The fingerprint is made of what names the disagreement (type, fact, the two authorities; for
one article, the evidence it quotes), never of article ids, claim numbers or the order claims
arrived in. A scan of a folder and the same articles posted one by one to the service give the
same ids, because a finding exists exactly when one pair of its claims exists.

What a finding lists is bounded (`bounded`): per distinct value the claims of its
ARTICLES_PER_VALUE first articles, at most CLAIMS_PER_ARTICLE of each, at most CLAIMS_KEPT in all
(every claim of a dispute among a dozen outlets stays listed), so a dispute a thousand articles repeat costs a post what a
dispute of ten does. The choice depends on the set of claims alone, never on the order they
arrived in: bounding the union of two bounded lists gives what bounding all the claims gives, so
a scan and posts one by one still list the same claims.
"""
from __future__ import annotations

import hashlib
import json
import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from checker.compare.context import ComparisonContext
from checker.model import UNTYPED_EVENT, Claim, Finding

# 1: per pair of claims, sha1 of their content (40 digits); 2: per disagreement; 3: a
# happening's fact named by its country alone (see happening_free); 4: this, figures'
# disagreements per pair of figures (Groups.add `values`)
FINGERPRINT_SCHEME = 5
FINGERPRINT_DIGITS = 16
ARTICLES_PER_VALUE = 12  # the first articles (by their first claim in `_kept_order`) of each value listed
CLAIMS_PER_ARTICLE = 3  # an article's first claims of a value listed
CLAIMS_KEPT = 72  # at most this many claims in all
RANK = {"conflict": 0, "reversal": 0, "correction": 2, "discrepancy": 3, "update": 4}


def claim_content(claim: Claim) -> list:
    """What identifies a claim wherever its article is read: where its evidence sits and what
    it says, never its article id, its position in a list or its running number."""
    value = claim.value
    return [claim.kind, claim.evidence.text, claim.evidence.start, claim.evidence.end,
            None if value is None else value.low, None if value is None else value.high,
            _untyped(claim.subject), claim.measure, claim.stance, _untyped(claim.proposition),
            claim.when.isoformat() if claim.when else None]


def _untyped(ident: str | None) -> str | None:
    """A happening's id without its type ("@indonesia"), see happening_free."""
    return "@" + ident.split("@", 1)[1] if ident and "@" in ident else ident


def content_text(claim: Claim) -> str:
    """claim_content as one string, the order every comparison sorts claims by: made once per
    claim object while it lives (a post sorts its ~2,000 candidates by it again and again)."""
    kept = _CONTENT_TEXTS.get(id(claim))
    if kept is not None and kept[0]() is claim:
        return kept[1]
    text = json.dumps(claim_content(claim), ensure_ascii=False)
    if len(_CONTENT_TEXTS) >= CONTENT_TEXTS_KEPT:
        _CONTENT_TEXTS.clear()
    _CONTENT_TEXTS[id(claim)] = (weakref.ref(claim), text)
    return text


# by the claim object's id, with a weak reference that tells a live claim from a later object
# given the same id; cleared whole when full (a post's comparison meets ~2,000 claims)
_CONTENT_TEXTS: dict[int, tuple[weakref.ref, str]] = {}
CONTENT_TEXTS_KEPT = 20_000


def fingerprint(*parts) -> str:
    payload = json.dumps([FINGERPRINT_SCHEME, *parts], ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:FINGERPRINT_DIGITS]


def _said(claim: Claim) -> tuple:
    """What a claim says, whoever says it: claims saying the same are one value of a finding."""
    value = claim.value
    return (claim.kind, None if value is None else value.low, None if value is None else value.high, claim.unit,
            claim.stance, _untyped(claim.proposition))


def _kept_order(claim: Claim) -> tuple:
    """Which claims a bounded finding keeps first: the earliest reference date, then content
    (the same in a scan and in the service), the id only between identical copies."""
    return (claim.when is None, claim.when or date.min, content_text(claim), claim.id)


def bounded(claims) -> list[Claim]:
    """The claims a finding lists: of each distinct value (`_said`) the ARTICLES_PER_VALUE
    articles whose first claim comes first in `_kept_order`, of each the CLAIMS_PER_ARTICLE first
    claims, then the CLAIMS_KEPT first of all. Each step keeps the first n of a set in one fixed
    order, so bounded(bounded(a) + bounded(b)) == bounded(a + b): merging bounded findings gives
    the bounded finding of all their claims (tests/test_bounded_findings.py)."""
    per_value: dict[tuple, dict[str, list[Claim]]] = {}
    for claim in sorted({c.id: c for c in claims}.values(), key=_kept_order):
        articles = per_value.setdefault(_said(claim), {})
        if claim.article not in articles:
            if len(articles) >= ARTICLES_PER_VALUE:
                continue
            articles[claim.article] = []
        if len(articles[claim.article]) < CLAIMS_PER_ARTICLE:
            articles[claim.article].append(claim)
    return sorted((c for articles in per_value.values() for kept in articles.values() for c in kept),
                  key=_kept_order)[:CLAIMS_KEPT]


def chronological(claims, context: ComparisonContext) -> list[Claim]:
    return sorted(claims, key=lambda c: (context.order_key(c), c.article, c.evidence.start, c.id))


@dataclass(frozen=True)
class Verdict:
    """What one pair of claims is: `first` is the earlier figure (or statement)."""

    type: str
    reasons: tuple[str, ...]
    first: Claim
    second: Claim
    gap: int = 0  # days between the two; the closest pair speaks for the finding


@dataclass
class Group:
    """The pairs of one disagreement, gathered."""

    dimension: str
    type: str
    fact: tuple
    sides: tuple  # the two authorities (or sides), sorted; one twice for a revision
    internal: bool
    between: tuple | None = None  # the two figures judged, for a finding per pair of figures
    claims: dict = field(default_factory=dict)  # id -> Claim
    reasons: set = field(default_factory=set)
    best: tuple | None = None  # (sort key, verdict)

    def add(self, verdict: Verdict, *claims: Claim) -> None:
        for claim in claims or (verdict.first, verdict.second):
            self.claims.setdefault(claim.id, claim)
        self.reasons.update(verdict.reasons)
        # the closest pair speaks for the finding; content, never arrival order, breaks ties
        if self.best is not None and verdict.gap > self.best[0][0]:
            return
        key = (verdict.gap, content_text(verdict.first), content_text(verdict.second))
        if self.best is None or key < self.best[0]:
            self.best = (key, verdict)

    @property
    def verdict(self) -> Verdict:
        return self.best[1]


class Groups:
    """Judged pairs collected into disagreements."""

    def __init__(self):
        self.groups: dict[tuple, Group] = {}

    def add(self, dimension: str, fact: tuple, sides: tuple, verdict: Verdict, *claims: Claim,
            across: bool = False, values: tuple | None = None) -> None:
        """Add a judged pair (and the claims standing with it); `across` keeps a pair of one
        article in the sources' finding (a side's own turn is the side's, wherever told).
        `values`, the two figures judged, makes a finding one per pair of figures of the two
        sides: the police's 125 against the agency's 174 is one finding, its 131 against 174
        another, so one side's own revision (125, then 131) never stands inside one finding as
        if it were the disagreement; repeats of a figure stay one side of one finding."""
        first, second = verdict.first, verdict.second
        internal = first.article == second.article and not across
        # a disagreement inside one article is that article's; across articles, the sources'
        article = first.article if internal else None
        between = None if internal or values is None else tuple(sorted(values))
        key = (dimension, verdict.type, happening_free(fact), tuple(sorted(sides)), article, between)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = Group(dimension, verdict.type, fact, tuple(sorted(sides)), internal,
                                             between=between)
        elif str(group.fact[0]).startswith(UNTYPED_EVENT + "@") and fact != group.fact:
            group.fact = fact  # the typed happening names the fact better than "the tragedy"
        group.add(verdict, *claims)

    def __iter__(self):
        return iter(self.groups.values())


def happening_free(fact: tuple) -> tuple:
    """A fact as its fingerprint names it: a happening's subject by its country alone
    ("crowd_disaster@indonesia" and the untyped "incident@indonesia" are one), because
    whether an untyped report has met its typed happening yet depends on arrival order."""
    if not fact or not isinstance(fact[0], str):
        return tuple(fact)
    return (_untyped(fact[0]), *fact[1:])


def group_id(group: Group) -> str:
    parts = [group.dimension, group.type, list(happening_free(group.fact)), list(group.sides)]
    if group.internal:  # the article is named by what it says, which every reading shares
        parts.append(sorted(content_text(c) for c in group.claims.values()))
    elif group.between is not None:
        parts.append(list(group.between))
    return fingerprint(*parts)


def make_finding(context: ComparisonContext, group: Group, summary: str,
                 reasons: tuple[str, ...] | None = None) -> Finding:
    ordered = chronological(bounded(group.claims.values()), context)
    articles = tuple(dict.fromkeys(c.article for c in ordered))
    softer = context.softer(*group.claims.values())  # every figure behind it hedged (estimated, alleged)
    return Finding(id=group_id(group), type=group.type, dimension=group.dimension,
                   severity=context.settings.severity_of(group.type, softer),
                   claims=tuple(c.id for c in ordered), articles=articles, summary=summary,
                   reasons=tuple(sorted(reasons if reasons is not None else group.reasons)))


def single_finding(context: ComparisonContext, finding_type: str, dimension: str, claims: list[Claim],
                   reasons: tuple[str, ...], summary: str, identity: list) -> Finding:
    """A finding about one claim on its own (a duration against its anchor)."""
    ordered = chronological(claims, context)
    return Finding(id=fingerprint(dimension, finding_type, identity), type=finding_type,
                   dimension=dimension, severity=context.settings.severity_of(finding_type),
                   claims=tuple(c.id for c in ordered), articles=tuple(dict.fromkeys(c.article for c in ordered)),
                   summary=summary, reasons=reasons)


def merge(stored: Finding, fresh: Finding, claims: Mapping[str, Claim] | None = None) -> Finding:
    """One disagreement found again with more claims behind it (a new article joins a dispute
    the store holds): the claims of both, bounded (`bounded`, which needs `claims`, the Claim of
    each id; without it every claim is kept), every reason, the graver severity, the first
    summary. A finding's claims, reasons and severity are what all its pairs make, so merging
    what each post found gives what a scan of all the articles finds."""
    if stored.id != fresh.id:
        raise ValueError(f"cannot merge findings {stored.id} and {fresh.id}")
    order = ("high", "medium", "low", "info")
    severity = min(stored.severity, fresh.severity, key=lambda s: order.index(s) if s in order else 9)
    ids = tuple(dict.fromkeys(stored.claims + fresh.claims))
    articles = tuple(dict.fromkeys(stored.articles + fresh.articles))
    if claims is not None and all(i in claims for i in ids):
        kept = bounded(claims[i] for i in ids)
        ids, articles = tuple(c.id for c in kept), tuple(dict.fromkeys(c.article for c in kept))
    return Finding(id=stored.id, type=stored.type, dimension=stored.dimension, severity=severity,
                   claims=ids, articles=articles, summary=stored.summary,
                   reasons=tuple(sorted(set(stored.reasons) | set(fresh.reasons))))


def rank(finding: Finding) -> tuple:
    """Conflicts between independent voices and reversals first, then conflicts inside one
    voice, corrections, discrepancies; updates last (information only)."""
    order = RANK.get(finding.type, 9)
    if finding.type == "conflict" and "attribution" not in finding.reasons:
        order = 1
    return (order, {"high": 0, "medium": 1, "low": 2, "info": 3}.get(finding.severity, 9),
            finding.dimension, finding.id)


def first_day(claims, context: ComparisonContext) -> date | None:
    days = [d for c in claims if (d := context.reference_date(c))]
    return min(days) if days else None
