"""What every comparison needs to know besides the two claims: the settings, the measures'
semantics, the articles (outlets and publication dates) and the place and actor hierarchies.

Claims' `extra` details are read here only, through `extra()`: the rest of the stage asks the
context (published, outlet, authority...) and never looks inside a claim's details itself."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Mapping

from checker.compare.semantics import Semantics
from checker.compare.settings import CompareSettings
from checker.model import Article, Claim


def extra(claim: Claim, key: str, default: object = None) -> object:
    for name, value in claim.extra:
        if name == key:
            return value
    return default


def is_share(claim: Claim) -> bool:
    """A share of a figure the article gives ("Dari jumlah itu, 34 ...", "two of its members",
    "of them, 12 died in hospital") is no value of the fact the whole is. One that names its
    group ("including nine civilians": measure deaths/civilians) is the value of a fact of its own."""
    return extra(claim, "role") == "part" and "/" not in (claim.measure or "")


def figure_written(claim: Claim) -> str | None:
    """The figure as the article wrote it ("sekitar 10.000"), when the frame kept it."""
    written = extra(claim, "figure")
    return str(written) if written else None


def since_of(claim: Claim) -> date | None:
    value = extra(claim, "since")
    return value if isinstance(value, date) else None


# the store names an article by the first 16 hex digits of its text's SHA-256: no name to show
STORE_ID = re.compile(r"[0-9a-f]{16}")


def file_name(article_id: str) -> str:
    """An article's id when it is a name to show (a file's), else "" (a store's digest)."""
    return "" if STORE_ID.fullmatch(article_id) else article_id


@functools.lru_cache(maxsize=256)  # keyed by whole texts (up to the body limit each): few
def body_digest(body: str) -> str:
    """The identity of an article's text wherever it is read (the command line names articles
    by file, the store by this same digest): NFC, whitespace collapsed, SHA-256, 16 digits."""
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFC", body)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ComparisonContext:
    settings: CompareSettings
    semantics: Semantics
    articles: Mapping[str, Article]
    within: Callable[[str, str], bool]  # within(inner, outer): kursk within russia
    government_of: Callable[[str], str]  # peskov -> russia; a state is its own
    _authorities: dict = field(default_factory=dict, compare=False, repr=False)
    country_of: Callable[[str], str] | None = None  # kursk -> russia; a country is its own

    def article(self, claim: Claim) -> Article | None:
        return self.articles.get(claim.article)

    def published(self, claim: Claim) -> date | None:
        article = self.article(claim)
        if article is not None and article.published is not None:
            return article.published
        value = extra(claim, "published")
        return value if isinstance(value, date) else None

    def reference_date(self, claim: Claim) -> date | None:
        """The date a claim speaks of: its own reference date, else its article's date."""
        return claim.when or self.published(claim)

    def order_key(self, claim: Claim) -> tuple:
        """When a figure was given: its reference date, then its article's date."""
        return (self.reference_date(claim) or date.min, self.published(claim) or date.min)

    def _source(self, claim: Claim) -> str:
        article = self.article(claim)
        return str((article.source if article else "") or extra(claim, "source") or "")

    def outlet(self, claim: Claim) -> str:
        """The outlet as a reader names it: its source, else the article's own id when that is
        a name (a file's, on the command line), else "" (checker.compare.wording then names the
        article by its title or as an unnamed outlet): a store's id is a digest of the text."""
        return self._source(claim) or file_name(claim.article)

    def outlet_of(self, article_id: str) -> str:
        """outlet() for an article rather than a claim."""
        article = self.articles.get(article_id)
        return (article.source if article is not None else "") or file_name(article_id)

    def title_of(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return " ".join((article.title or "").split()) if article is not None else ""

    def authority(self, claim: Claim) -> str:
        """Who stands behind a figure: the body the speaker speaks for (the police and a
        provincial disaster agency are two authorities even of one state), else the outlet."""
        if claim.speaker:
            return "body:" + claim.speaker
        key = claim.article
        found = self._authorities.get(key)
        if found is None:
            source = self._source(claim)
            if not source:
                # an outlet nobody named: the article's own text names it, the same on the
                # command line (articles named by file) and in the store (named by this digest)
                article = self.article(claim)
                source = "#" + (body_digest(article.body) if article is not None and article.body
                                else claim.article)
            found = self._authorities[key] = "outlet:" + source
        return found

    def voice(self, claim: Claim) -> str | None:
        """Whose word a claim is: a named speaker's government, or None for the press's own."""
        return self.government_of(claim.speaker) if claim.speaker else None

    def side(self, claim: Claim) -> str:
        """The government a stance speaks for (kremlin, peskov, nebenzia -> russia): its
        subject's, or its speaker's when the subject is an event. A stance on a figure ("the
        toll has not risen above 125") is the body's that counts it, like the figure itself."""
        if figure_fact(claim.proposition) is not None and claim.speaker:
            return claim.speaker
        subject = claim.subject if claim.subject and "@" not in claim.subject else None
        return self.government_of(subject or claim.speaker or claim.subject or "")

    def behaviour(self, claim: Claim) -> str:
        return self.semantics.behaviour_of(claim.measure, claim.kind, claim.event.type if claim.event else None)

    def softer(self, *claims: Claim) -> bool:
        """Every figure hedged (estimated, alleged): a finding on them is one severity lower."""
        return bool(claims) and all(c.modality in self.settings.softer_modalities for c in claims)

    def before_happening(self, a: Claim, b: Claim) -> bool:
        """Whether `a`'s report was out before the day `b` gives its happening (beyond the time-zone
        tolerance): a report of Thursday's clash cannot tell of Monday's riot, however close the days."""
        return b.event is not None and self.out_before(a, b, b.event.day)

    def out_before(self, a: Claim, b: Claim, day: date | None) -> bool:
        """Whether `a`'s report was out before `day`, a day `b` gives (beyond the time-zone tolerance),
        that `b`'s own report could tell of (a day ahead of its own publication says nothing of
        what `a` knew)."""
        published, own = self.published(a), self.published(b)
        tolerance = self.settings.date_tolerance_days
        return published is not None and day is not None and (day - published).days > tolerance \
            and (own is None or (day - own).days <= tolerance)

    def same_happening(self, a: Claim, b: Claim) -> bool:
        """Two figures of one event subject (type@country) are about the same happening when
        its days are close and its places lie in one hierarchy; an undated happening is the same
        when the figures are close in time; its waves (EventRef.phase) are apart. Actors'
        figures are always one subject."""
        if a.event is None or b.event is None:
            return True
        if a.event.phase != b.event.phase:
            return False  # a second wave, or all the waves together, counts apart from the first
        if a.event.day is not None and b.event.day is not None:
            if abs((a.event.day - b.event.day).days) > self.settings.same_happening_days:
                return False
            if any(self.before_happening(x, y) for x, y in ((a, b), (b, a))):
                return False  # a report out before the other's day tells of an earlier happening
        else:
            gap = days_between(self.reference_date(a), self.reference_date(b))
            if gap is not None and gap > self.settings.undated_window_days:
                return False
        pa, pb = a.event.place, b.event.place
        return pa is None or pb is None or pa == pb or self.within(pa, pb) or self.within(pb, pa)


def figure_fact(proposition: str | None) -> tuple[str, str] | None:
    """(subject, measure) of a stance on a figure ("<subject>.<measure>.figure"), else None."""
    if not proposition or not proposition.endswith(".figure"):
        return None
    parts = proposition.rsplit(".", 2)
    return (parts[0], parts[1]) if len(parts) == 3 else None


def days_between(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)
