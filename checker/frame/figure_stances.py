"""Stances on a figure ('rejected the claim that the floods killed 11,300', 'killed 125, not
174'): the fact the figure counts, the disputed value, and the figures that confirm it.
"""
from __future__ import annotations


from checker.frame.stance_topic import Reading, Topic, remember
from checker.model import Claim, EventRef, Interval, Mention, Proposition
from checker.recognise import SentenceMentions
from checker.recognise.stances import StanceCue


def _claims_of(sm: SentenceMentions, claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "quantity" and c.evidence.start == sm.sentence.start]


def _claim_for(figure: Mention, claims: list[Claim]) -> Claim | None:
    for c in claims:
        if any(m.kind == "figure" and m.start == figure.start and m.end == figure.end for m in c.marks):
            return c
    for c in claims:
        if dict(c.extra).get("figure") == figure.text:
            return c
    return None


def read_figure(sm: SentenceMentions, cue: Mention, scope: tuple[int, int], rules, topic: Topic,
                claims: list[Claim], main: EventRef | None = None, holder: str | None = None) -> Reading | None:
    """A stance about a figure: a toll in the cue's scope, the figure after "not", or a toll
    named without a number ("the higher death toll")."""
    incidents = rules.get("incidents")
    tolls = incidents.measures if incidents is not None else ()
    value: StanceCue = cue.value
    start, end = scope
    if value.role == "contrast":
        start, end = cue.end, len(sm.text)
    here = _claims_of(sm, claims)
    figures = sorted((q for q in sm.quantities if q.kind == "quantity" and start <= q.start < end),
                     key=lambda q: q.start)
    for figure in figures[:1] if value.role == "contrast" else figures:
        claim = _claim_for(figure, here)
        if claim is None and value.role == "contrast":
            # "killed 125, not 174": the fact of the figure before
            before = [c for c in here if c.subject and c.measure]
            claim = before[0] if before else None
            if claim is not None:
                return _figure_reading(claim.subject, claim.measure, figure.value, claim, figure, topic, main, tolls)
        if claim is None:
            earlier = [c for c in claims if c.kind == "quantity" and c.subject and c.measure
                       and fits(c.value, figure.value)]
            # "could not validate the figure of 174", "tidak benar jumlahnya 174 orang": a figure
            # given before in the article
            if earlier and (rules["measures"].find(sm.text[start:end]) or _names_figure(sm, rules, start, end)):
                claim = earlier[-1]
                return _figure_reading(claim.subject, claim.measure, figure.value, claim, figure, topic, main, tolls)
            continue
        if value.label == "deny" and holder is not None and figure.end <= cue.start and claim.speaker \
                and rules["actors"].government(claim.speaker) == holder and _joined_before(sm, rules, cue):
            # "said the toll remained 56 and dismissed the coalition's figure as false": the denier's own
            # count in a clause joined before the cue is what it holds to, never what it denies
            continue
        if claim.subject and claim.measure and (claim.measure in tolls or value.role == "contrast"):
            return _figure_reading(claim.subject, claim.measure, claim.value, claim, figure, topic, main, tolls)
    if figures or value.label not in ("deny", "non_confirm", "neutral"):
        return None
    # "never provided the UN with the higher death toll", "belum dapat memastikan jumlah korban
    # meninggal": the article's figure for that measure
    lex = rules["stances"]
    named = [m for m in sm.measures if start <= m.start < end and m.value in tolls
             and any(s <= m.start and m.start - e <= 12 or m.start <= s < m.end
                     for s, e, _, _ in lex.figure_nouns.find(sm.text))]
    if not named:
        return _figure_pointed_back(sm, rules, start, end, claims, topic, main, tolls)
    same = [c for c in claims if c.kind == "quantity" and c.measure == named[0].value and c.subject
            and c.value is not None]
    if not same:
        return None
    if rules["stances"].higher.find(sm.text[start:end]):
        pick = max(same, key=lambda c: (c.value.high if c.value.high is not None else float("inf"),
                                        c.value.low or 0))
    else:
        pick = same[-1]
    return _figure_reading(pick.subject, pick.measure, pick.value, pick, named[0], topic, main, tolls)


def _figure_pointed_back(sm: SentenceMentions, rules, start: int, end: int, claims: list[Claim], topic: Topic,
                         main: EventRef | None, tolls) -> Reading | None:
    """A denial of a figure named only by a word pointing back ("membantah angka tersebut", "denied the
    figure"): the last toll the article gave before it."""
    pointing = rules["framing"].figure_anaphora.find(sm.text[start:end])
    if not pointing:
        return None
    before = [c for c in claims if c.kind == "quantity" and c.measure in tolls and c.subject and c.value is not None
              and c.evidence.start < sm.sentence.start]
    if not before:
        return None
    s, e = pointing[0][0] + start, pointing[0][1] + start
    pick = before[-1]
    return _figure_reading(pick.subject, pick.measure, pick.value, pick, Mention("figure", sm.text[s:e], s, e, None),
                           topic, main, tolls)


def _joined_before(sm: SentenceMentions, rules, cue: Mention) -> bool:
    """Whether the cue opens a clause joined to the one before it ("... remained 56 and dismissed"):
    a coordinator right before the cue."""
    return any(m.end() == cue.start and m.start() < m.end()
               for m in rules["stances"].coordination.finditer(sm.text, 0, cue.start))


def _names_figure(sm: SentenceMentions, rules, start: int, end: int) -> bool:
    return bool(rules["framing"].figure_anaphora.find(sm.text[start:end]))


def _figure_reading(subject: str, measure: str, value: Interval, claim: Claim, words: Mention,
                    topic: Topic, main: EventRef | None = None, tolls=()) -> Reading:
    if main is not None and claim.event is None and measure in tolls:
        subject = main.id  # "a toll the United Nations had put out": the incident's toll, not the UN's
    prop = Proposition(subject, measure, place=claim.where, figure=True)
    reading = Reading(prop, value=value, words=words)
    remember(topic, reading)
    return reading


def same_figure(a: Interval | None, b: Interval | None) -> bool:
    """Whether a figure given is the one disputed: its stated bounds are the disputed ones
    ("at least 11,300" is 11,300; "at least 3,958" is not)."""
    if a is None or b is None:
        return False

    def near(x, y):
        return x is None or y is None or abs(x - y) <= max(1.0, abs(y) * 0.01)
    if not fits(a, b):
        return False
    return near(a.low, b.low) and near(a.high, b.high) and (a.low is not None or a.high is not None)


def fits(a: Interval | None, b: Interval | None) -> bool:
    """Whether two intervals share a value (open bounds excluded)."""
    if a is None or b is None:
        return False

    def below(x_high, x_open, y_low, y_open):  # x lies wholly below y
        if x_high is None or y_low is None:
            return False
        return x_high < y_low or (x_high == y_low and (x_open or y_open))
    return not below(a.high, a.high_open, b.low, b.low_open) and not below(b.high, b.high_open, a.low, a.low_open)


def confirmations(topic: Topic, claims: list[Claim], actors) -> list[tuple[Claim, Reading]]:
    """Figures given in the article for a disputed fact, by others than the one who disputes
    them, that fit the disputed value: each is its speaker's confirmation of that figure."""
    out = []
    body = getattr(actors, "body", actors.government)
    for claim in claims:
        if claim.kind != "quantity" or claim.id in topic.confirmed or not claim.speaker:
            continue
        for prop, value, disputer in topic.disputed:
            if claim.measure == prop.predicate and (claim.subject == prop.agent or claim.event is not None
                                                    and claim.event.id == prop.agent) \
                    and body(claim.speaker) != disputer and same_figure(claim.value, value):
                topic.confirmed.add(claim.id)
                out.append((claim, Reading(prop, value=claim.value)))
                break
    return out
