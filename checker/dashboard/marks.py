"""Highlights: pure functions that cut a text into segments, each plain or marked with what a
claim was read from (a figure, a date, a duration, a stance word), as the frame stage stored it. The templates print each
segment through Jinja's autoescape, so marking never lets article markup through."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.model import Claim
from checker.rulebook import LanguageRules

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


# How each kind of mark is shown; measures, speakers and incidents stay plain text.
MARK_CLASSES = {"figure": "figure", "date": "date", "duration": "duration", "stance": "stance"}


def claim_spans(claim: Claim) -> list[tuple[int, int, str, bool]]:
    """The claim's own marks (stored with it by the frame stage); a claim stored before marks
    existed falls back to finding its own words in the sentence."""
    spans = [(m.start, m.end, MARK_CLASSES[m.kind], True) for m in claim.marks if m.kind in MARK_CLASSES]
    if not spans:
        spans = [(a, b, "figure", True) for a, b in _own_spans(claim.evidence.text, own_words(claim))]
    return spans


def evidence_segments(claim: Claim, rules: LanguageRules | None = None,
                      published: date | None = None) -> tuple[Segment, ...]:
    """The claim's evidence sentence with its figure, date, duration or stance word marked,
    from the spans stored with the claim: no recogniser runs on a page view."""
    return cut(claim.evidence.text, claim_spans(claim))


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
        spans = [span for c in held for span in claim_spans(c)]
        parts.append(BodyPart(cut(text, spans), tuple(c.id for c in held), start))
        pos = end
    if pos < len(body):
        parts.append(BodyPart((Segment(body[pos:]),), start=pos))
    return tuple(parts)
