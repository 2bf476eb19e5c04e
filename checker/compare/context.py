"""What every comparison needs to know besides the two claims: the settings, the articles
(outlets and publication dates) and the place and actor hierarchies."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping

from checker.compare.settings import CompareSettings
from checker.model import Article, Claim


def extra(claim: Claim, key: str, default: object = None) -> object:
    for name, value in claim.extra:
        if name == key:
            return value
    return default


def in_related_link(claim: Claim) -> bool:
    """A figure in a "Baca juga" / "Read also" headline belongs to another article."""
    return bool(extra(claim, "in_related_link", False))


@dataclass(frozen=True)
class ComparisonContext:
    settings: CompareSettings
    articles: Mapping[str, Article]
    within: Callable[[str, str], bool]  # within(inner, outer): kursk within russia
    government_of: Callable[[str], str]  # peskov -> russia; a state is its own

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

    def outlet(self, claim: Claim) -> str:
        article = self.article(claim)
        source = (article.source if article else "") or extra(claim, "source") or ""
        return str(source) or claim.article

    def authority(self, claim: Claim) -> str:
        """Who stands behind a figure: the named speaker's government, else the outlet."""
        if claim.speaker:
            return "actor:" + self.government_of(claim.speaker)
        return "outlet:" + self.outlet(claim)

    def voice(self, claim: Claim) -> str | None:
        """Whose word a claim is: a named speaker's government, or None for the press's own."""
        return self.government_of(claim.speaker) if claim.speaker else None

    def side(self, claim: Claim) -> str:
        """The government a stance speaks for (kremlin, peskov, nebenzia -> russia)."""
        return self.government_of(claim.subject or claim.speaker or "")


def days_between(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)
