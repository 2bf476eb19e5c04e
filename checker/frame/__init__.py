"""Frame: from the mentions of an article's sentences to claims.

The recognisers say what words are there; framing decides how they hang together: which fact
a figure is about (an actor's or an incident's), where, as of when, in which modality, said by
whom, and what a denial is about. Its steps live in their own modules: `events` (the incident
a toll is about), `happening_days` (the days a sentence gives a happening), `speakers`, `times`
(reference days), `propositions`, `syntax` (clauses, owners, measures), `places` (where a figure
counts) and `claims`, which composes them. Windows, prepositions and cue words are language
knowledge, kept in the `framing` rule files (their schema in `schema`, compiled in `settings`).
"""
from __future__ import annotations

from datetime import date

from checker.frame.claims import frame_article
from checker.frame.schema import FramingSchema
from checker.frame.settings import compile_framing
from checker.model import Article, Claim, Sentence
from checker.recognise import SentenceMentions, recognise
from checker.rulebook import LanguageRules

__all__ = ["frame", "frame_mentions", "recognise", "SentenceMentions"]


def sentence_mentions(article: Article, sentences: list[Sentence], rules: LanguageRules) -> list[SentenceMentions]:
    """Every sentence recognised once; a sentence repeated on the page (headline and lead
    again) is read once."""
    seen, out = set(), []
    for sentence in sentences:
        key = " ".join(sentence.text.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(recognise(sentence, rules, article.published))
    return out


def frame_mentions(article: Article, mentions: list[SentenceMentions], rules: LanguageRules) -> list[Claim]:
    return frame_article(article, mentions, rules)


def frame(article: Article, sentences: list[Sentence], rules: LanguageRules) -> list[Claim]:
    """All claims of an article, its sentences in order."""
    return frame_article(article, sentence_mentions(article, sentences, rules), rules)


def run_framing_example(example: dict, rules: LanguageRules):
    """A framing example: one sentence (or a few, as one article), the claims expected from it
    (only the fields named are checked)."""
    published = example.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    text = example["text"]
    article = Article(id="example", body=text, language=rules.language, published=published)
    from checker.segment import split_sentences
    sentences = split_sentences(text, rules) if example.get("article") else [Sentence(text, 0, len(text))]
    claims = frame(article, sentences, rules)
    expected = example["expect"]
    actual = []
    for claim, want in zip(claims, expected):
        got = {}
        for key in want:
            if key in ("low", "high"):
                value = getattr(claim.value, key) if claim.value else None
            elif key == "phase":  # the wave of the happening the claim is about
                value = claim.event.phase if claim.event is not None else None
            elif key == "event_day":  # the day of the happening the claim is about
                value = claim.event.day if claim.event is not None else None
            elif key == "event_place":  # ...and its place
                value = claim.event.place if claim.event is not None else None
            elif hasattr(claim, key):
                value = getattr(claim, key)
            else:  # a kind's detail ("earlier", "role")
                value = dict(claim.extra).get(key)
            got[key] = value.isoformat() if isinstance(value, date) else value
        actual.append(got)
    if len(claims) > len(expected):
        actual += [{"unexpected": c.kind, "evidence": c.evidence.text} for c in claims[len(expected):]]
    return expected, actual
