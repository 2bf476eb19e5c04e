"""Highlights: pure functions that cut a text into segments, each plain or marked with what the
recognisers found there (a figure, a date, a duration, a stance word). The templates print each
segment through Jinja's autoescape, so marking never lets article markup through."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.recognise import recognise
from checker.model import Claim, Mention, Sentence
from checker.rulebook import LanguageRules

# Mention kinds a reviewer needs to see in evidence, and the class each is marked with.
MARKED_KINDS = {"quantity": "figure", "date": "date", "duration": "duration", "stance": "stance"}
# The claim's own words, as the frame stage recorded them in Claim.extra.
OWN_WORDS = ("figure", "cue", "date_text")


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "" plain | figure | date | duration | stance
    own: bool = False  # the very words the claim was made from


@dataclass(frozen=True)
class BodyPart:
    """A stretch of an article body: plain text, or a claim's sentence (with its claims' ids
    and its own marked segments)."""

    segments: tuple[Segment, ...]
    claims: tuple[str, ...] = ()
    start: int = 0


def cut(text: str, spans: list[tuple[int, int, str, bool]]) -> tuple[Segment, ...]:
    """Segments of `text` with the given (start, end, kind, own) spans marked; where spans
    overlap the earlier (then the longer) one wins."""
    chosen, taken_until = [], 0
    for start, end, kind, own in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < taken_until or start >= end or end > len(text) or start < 0:
            continue
        chosen.append((start, end, kind, own))
        taken_until = end
    out, pos = [], 0
    for start, end, kind, own in chosen:
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, own))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def own_words(claim: Claim) -> list[str]:
    return [str(value) for name, value in claim.extra if name in OWN_WORDS and value]


def _own_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        at = text.find(word)
        if at >= 0:
            spans.append((at, at + len(word)))
    return spans


def sentence_spans(text: str, rules: LanguageRules, published: date | None,
                   own: list[str]) -> list[tuple[int, int, str, bool]]:
    mentions: list[Mention] = recognise(Sentence(text, 0, len(text)), rules, published).all()
    owned = _own_spans(text, own)
    spans = [(m.start, m.end, MARKED_KINDS[m.kind], any(a < m.end and m.start < b for a, b in owned))
             for m in mentions if m.kind in MARKED_KINDS]
    covered = [(s, e) for s, e, _, _ in spans]
    # an own word no recogniser marks again (a stance cue found by a wider pattern) still shows
    spans += [(a, b, "figure", True) for a, b in owned if not any(s < b and a < e for s, e in covered)]
    return spans


def evidence_segments(claim: Claim, rules: LanguageRules, published: date | None) -> tuple[Segment, ...]:
    """The claim's evidence sentence with figures, dates, durations and stance words marked."""
    text = claim.evidence.text
    return cut(text, sentence_spans(text, rules, published, own_words(claim)))


def body_parts(body: str, claims: tuple[Claim, ...] | list[Claim]) -> tuple[BodyPart, ...]:
    """The body cut at its claims' evidence sentences; inside each, the claims' own words marked.
    Evidence offsets that do not fit the body (an older analysis) are left unmarked."""
    by_span: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        start, end = claim.evidence.start, claim.evidence.end
        if 0 <= start < end <= len(body):
            by_span.setdefault((start, end), []).append(claim)
    parts, pos = [], 0
    for (start, end), held in sorted(by_span.items()):
        if start < pos:
            continue  # overlapping sentence spans: the first one keeps the text
        if start > pos:
            parts.append(BodyPart((Segment(body[pos:start]),), start=pos))
        text = body[start:end]
        spans = [(a, b, "figure", True) for c in held for a, b in _own_spans(text, own_words(c))]
        parts.append(BodyPart(cut(text, spans), tuple(c.id for c in held), start))
        pos = end
    if pos < len(body):
        parts.append(BodyPart((Segment(body[pos:]),), start=pos))
    return tuple(parts)
