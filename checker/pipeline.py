"""The flow of ARCHITECTURE.md as one call: article -> sentences -> mentions -> claims.

Pure: takes an ingested Article and the compiled rules, returns claims. Storage, HTTP and the
command line call this; nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker.frame import frame
from checker.model import Article, Claim, Sentence
from checker.rulebook import LanguageRules, Rules
from checker.segment import split_sentences


def infer_published(article: Article, sentences: list[Sentence], rules: LanguageRules,
                    today: date | None = None) -> Article:
    """An article without a date line is dated by the latest day its text gives (a report is
    written after the events it dates): its full dates, and weekday dates without a year
    ("Minggu (2/10)") with the year fitted to those, else the nearest past year (before `today`,
    default the clock's) whose weekday fits. Dates the text puts ahead of it (a deadline, a plan:
    "hingga 14 Oktober 2022", "will vote on Oct. 20, 2022") are left out, and so are captions
    (read by the body's lines; `sentences` are not needed). Nothing found: the article stays
    undated, and its relative dates unresolved."""
    if article.published is not None:
        return article
    from checker.dateline import date_from_text

    # the body's lines, not its sentences: a caption is known by its line ("... Foto: Anadolu")
    day = date_from_text(article.body.split("\n"), rules, today or date.today())
    return replace(article, published=day) if day else article


def analyse(article: Article, rules: Rules) -> tuple[Article, list[Claim]]:
    """The article (with its publication date inferred where it had none) and its claims."""
    language_rules = rules.for_language(article.language)
    sentences = split_sentences(article.body, language_rules)
    article = infer_published(article, sentences, language_rules)
    return article, frame(article, sentences, language_rules)


def extract_claims(article: Article, rules: Rules) -> list[Claim]:
    """Every claim in the article, in body order, with ids "<article>:<n>"."""
    return analyse(article, rules)[1]
