"""The flow of DESIGN.md as one call: article -> sentences -> mentions -> claims.

Pure: takes an ingested Article and the compiled rules, returns claims. Storage, HTTP and the
command line call this; nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import replace

from checker.frame import frame
from checker.model import Article, Claim, Sentence
from checker.recognise.dates import find_dates
from checker.rulebook import LanguageRules, Rules
from checker.segment import split_sentences


def infer_published(article: Article, sentences: list[Sentence], rules: LanguageRules) -> Article:
    """An article without a date line is dated by the latest full date its text gives
    (a report is written after the events it dates). Absolute dates only."""
    if article.published is not None:
        return article
    days = [m.value.day for s in sentences for m in find_dates(s.text, rules, None)
            if m.value.grain == "day" and not m.value.relative]
    return replace(article, published=max(days)) if days else article


def analyse(article: Article, rules: Rules) -> tuple[Article, list[Claim]]:
    """The article (with its publication date inferred where it had none) and its claims."""
    language_rules = rules.for_language(article.language)
    sentences = split_sentences(article.body, language_rules)
    article = infer_published(article, sentences, language_rules)
    return article, frame(article, sentences, language_rules)


def extract_claims(article: Article, rules: Rules) -> list[Claim]:
    """Every claim in the article, in body order, with ids "<article>:<n>"."""
    return analyse(article, rules)[1]
