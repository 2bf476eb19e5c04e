"""The age of a child an article tells of among the dead ("an eight-year-old girl", "anak
perempuan ... berusia 10 tahun"): one victim each outlet describes, whose age outlets can tell
differently. Any other age (a suspect's, a survivor's, one of several children's) stays an
attribute, never compared (facts.yaml)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from checker.frame.syntax import clause_of
from checker.frame.wordspans import words
from checker.model import Claim, EventRef
from checker.recognise import SentenceMentions

AGE = "age"
DEATHS = "deaths"


def child_victim_ages(claims: list[Claim], mentions: list[SentenceMentions], framing, outcomes,
                      main: EventRef | None) -> list[Claim]:
    """The claims, each age of a child told among the happening's dead measured as that child's
    (`age_girl`, `age_boy`: a fixed fact of the happening), when the article tells one age for it."""
    table = framing.child_victims
    if table is None or main is None:
        return claims
    at = {sm.sentence.start: n for n, sm in enumerate(mentions)}
    told: dict[int, str] = {}
    for i, claim in enumerate(claims):
        if claim.kind != "quantity" or claim.measure != AGE or claim.evidence.start not in at:
            continue
        n = at[claim.evidence.start]
        figure = next((m for m in claim.marks if m.kind == "figure"), None)
        child = described_child(mentions[n], figure, table, framing) if figure is not None else None
        if child is not None and told_dead(mentions, n, figure, outcomes):
            told[i] = child
    ages = defaultdict(set)
    for i, child in told.items():
        ages[child].add((claims[i].value.low, claims[i].value.high))
    # two ages of one description ("girls aged 8 and 10") tell of two children: neither is the one
    out = []
    for i, claim in enumerate(claims):
        if i in told and len(ages[told[i]]) == 1:
            happening = claim.event or _toll_happening(claims, claim) or main
            claim = replace(claim, measure=f"{AGE}_{told[i]}", subject=claim.subject or happening.id, event=happening)
        out.append(claim)
    return out


def _toll_happening(claims: list[Claim], age: Claim) -> EventRef | None:
    """The happening of the toll its sentence gives ("Tuesday's pager explosions killed 12 people,
    among them an eight-year-old girl"): the child died in it, not in a later wave the article is about."""
    tolls = [c for c in claims if c.kind == "quantity" and c.measure == DEATHS and c.event is not None
             and c.evidence.start == age.evidence.start]
    return tolls[0].event if tolls else None


def described_child(sm: SentenceMentions, figure, table, framing) -> str | None:
    """The child the age describes: a child's noun right after it ("an eight-year-old girl"), else
    one before it in its clause with no figure between ("a girl of eight", "anak perempuan seorang
    anggota Hizbullah yang baru berusia 10 tahun")."""
    text = sm.text
    start, end = clause_of(framing, text, figure.start)
    found = [(s, e, child) for s, e, child, _ in table.find(text[start:end])]
    found = [(s + start, e + start, child) for s, e, child in found]
    after = [f for f in found if f[0] >= figure.end and words(text, figure.end, f[0]) <= 1]
    if after:
        return after[0][2]
    figures = [q for q in sm.quantities if q.end <= figure.start]
    before = [f for f in found if f[1] <= figure.start and not any(f[1] <= q.start for q in figures)
              and words(text, f[1], figure.start) <= framing.window("child_age")]
    if not before or any(q.end <= before[-1][0] and words(text, q.end, before[-1][0]) <= 1 for q in figures):
        return None  # counted children ("dua bocah laki-laki berusia tiga dan tujuh tahun"): no one child
    return before[-1][2]


def told_dead(mentions: list[SentenceMentions], n: int, figure, outcomes) -> bool:
    """Whether the child is told among the dead: the outcome named nearest before the age in its
    sentence ("killed 12 people, among them an eight-year-old girl ... and wounded 2,800"), else the
    first after it there or in the next sentence ("... berusia 10 tahun. Bocah itu meninggal ...")."""
    sm = mentions[n]
    named = [m for m in sm.measures if m.value in outcomes]
    before = [m for m in named if m.end <= figure.start]
    if before:
        return before[-1].value == DEATHS
    after = [m for m in named if m.start >= figure.end]
    if not after and n + 1 < len(mentions):
        after = [m for m in mentions[n + 1].measures if m.value in outcomes]
    return bool(after) and after[0].value == DEATHS
