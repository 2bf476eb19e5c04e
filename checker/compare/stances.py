"""Stances on one proposition, grouped by the government each speaker speaks for.

Two sides that confirm and deny within the period conflict; one side that turns from denial to
confirmation (or back) has reversed. Non-denials and non-confirmations carry no polarity, so they
are never either. One finding per proposition and pair of sides (per article when one article
quotes both), and one reversal per side, each listing every statement behind it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import combinations

from checker.compare.context import ComparisonContext, figure_fact, is_share
from checker.compare.findings import Groups, Verdict, content_text
from checker.compare.quantities import overlap
from checker.model import Claim


def _dated(claims: list[Claim], context: ComparisonContext) -> list[tuple[int, Claim]]:
    return sorted(((d.toordinal(), c) for c in claims if (d := context.reference_date(c))),
                  key=lambda t: (t[0], content_text(t[1])))


def conflicts(by_side: dict, new_ids: set, context: ComparisonContext, groups: Groups,
              proposition: str, window: int | None = None) -> None:
    """Opposite stances of two sides inside the period, cross-article and inside one article;
    on a past act ("tear gas caused the deaths") the settled period."""
    settings = context.settings
    parts = proposition.split(".")
    settled = len(parts) == 3 and parts[1] in settings.settled_predicates
    if window is None:
        window = max(settings.stance_period_days, settings.settled_period_days) if settled else settings.stance_period_days
    polarity = context.settings.polarity_of
    by_polarity = {}
    for side, claims in by_side.items():
        for sign in (1, -1):
            items = _dated([c for c in claims if polarity(c.stance) == sign], context)
            by_polarity[side, sign] = ([day for day, _ in items], items)
    for side_a, side_b in combinations(sorted(by_side), 2):
        for day, a in _dated(by_side[side_a], context):
            days, items = by_polarity[side_b, -polarity(a.stance)]
            for other_day, b in items[bisect_left(days, day - window):bisect_right(days, day + window)]:
                if a.id not in new_ids and b.id not in new_ids:
                    continue
                if a.value is not None and b.value is not None and not overlap(a.value, b.value):
                    continue  # stances on two different figures ("not 174" and "125") agree
                confirm, deny = (a, b) if polarity(a.stance) > 0 else (b, a)
                verdict = Verdict("conflict", ("polarity",), confirm, deny, abs(other_day - day))
                groups.add("stance", (proposition,), (side_a, side_b), verdict)


def reversals(by_side: dict, new_ids: set, context: ComparisonContext, groups: Groups,
              proposition: str) -> None:
    """A side that denied and later confirmed (or the reverse), at least `reversal_min_days`
    apart: every statement of the side that has such an opposite one stands behind it. An article
    that itself tells of both, each on its own day ("confirmed on Saturday that ... The army had
    denied using them on Friday"), tells of the turn: a day apart is enough there."""
    settings = context.settings
    polarity = settings.polarity_of
    gap_min = settings.reversal_min_days

    def apart(a: Claim, b: Claim) -> int:
        return min(gap_min, 1) if a.article == b.article else gap_min

    for side in sorted(by_side):
        held = _dated(by_side[side], context)
        if not any(polarity(c.stance) == 1 for _, c in held) or not any(polarity(c.stance) == -1 for _, c in held):
            continue
        behind = [(day, claim) for day, claim in held
                  if any(polarity(c.stance) == -polarity(claim.stance) and abs(day - d) >= apart(claim, c)
                         for d, c in held)]
        if not any(c.id in new_ids for _, c in behind):
            continue
        # the first turn speaks for the finding: the earliest statement that has an opposite
        # one at least gap_min days before it, and the last such opposite statement
        for day, later in behind:
            earlier = [(d, c) for d, c in behind
                       if polarity(c.stance) == -polarity(later.stance) and d <= day - apart(later, c)]
            if earlier:
                before_day, before = earlier[-1]
                verdict = Verdict("reversal", ("polarity", "time"), before, later, day - before_day)
                groups.add("stance", (proposition,), (side, side), verdict, *[c for _, c in behind],
                           across=True)
                break


def figure_turns(stances: list[Claim], figures: list[Claim], new_ids: set, context: ComparisonContext,
                 groups: Groups) -> None:
    """A body that denied a figure ("the toll has not risen above 125") and later gives a
    figure inside what it denied (131) has reversed itself, and so has one that gave a figure
    and later denies having given it (the Red Crescent's 11,300): the dispute about the figure
    made explicit. Its stance and its figures stand behind one reversal."""
    settings = context.settings
    for stance in stances:
        if settings.polarity_of(stance.stance) >= 0 or stance.value is None or not stance.speaker:
            continue
        denied_on = context.reference_date(stance)
        if denied_on is None or is_share(stance):
            continue
        for figure in figures:
            day = context.reference_date(figure)
            if figure.speaker != stance.speaker or figure.value is None or day is None:
                continue
            gap = abs((day - denied_on).days)
            if not settings.figure_turn_min_days <= gap <= settings.update_max_days:
                continue
            if not (stance.id in new_ids or figure.id in new_ids) or not _inside(figure.value, stance.value):
                continue
            first, second = (stance, figure) if denied_on < day else (figure, stance)
            verdict = Verdict("reversal", ("polarity", "time"), first, second, gap)
            groups.add("stance", (stance.proposition,), (stance.speaker, stance.speaker), verdict, across=True)


def _inside(value, denied) -> bool:
    """Every value of `value` lies in the denied interval (so giving it asserts what was denied)."""
    low_ok = denied.low is None or (value.low is not None and
                                    (value.low > denied.low if denied.low_open else value.low >= denied.low))
    high_ok = denied.high is None or (value.high is not None and
                                      (value.high < denied.high if denied.high_open else value.high <= denied.high))
    return low_ok and high_ok


def _magnitude(claim: Claim) -> bool:
    """Whether a stance is on an order of magnitude ("hundreds", "ratusan": a range at least as wide
    as its lower bound) rather than a figure ("145", "nearly 3,000", "at least 11,300"): a count
    inside the one is no figure the other denied or confirmed."""
    v = claim.value
    return v.low is not None and v.high is not None and v.low > 0 and v.high >= 2 * v.low


def compare_stances(group: list[Claim], new_ids: set, context: ComparisonContext, groups: Groups) -> None:
    if figure_fact(group[0].proposition) is not None:
        spans = sorted({_magnitude(c) for c in group if c.value is not None})
        if len(spans) > 1:
            # a stance on an order of magnitude and one on a figure inside it are on two things: the
            # junta calling reports of "hundreds" dead exaggerated and later holding to its 145 has not turned
            for span in spans:
                compare_stances([c for c in group if c.value is None or _magnitude(c) == span], new_ids, context, groups)
            return
    by_side: dict = defaultdict(list)
    for claim in group:
        if context.settings.polarity_of(claim.stance) and not is_share(claim):
            by_side[context.side(claim)].append(claim)
    if len(by_side) > 1:
        conflicts(by_side, new_ids, context, groups, group[0].proposition)
    reversals(by_side, new_ids, context, groups, group[0].proposition)
    if figure_fact(group[0].proposition) is None:
        # two bodies of one government at odds within days (the ministry denies a leak the cyber
        # agency admits): too close for a reversal, yet no misreading of one voice
        for side, claims in by_side.items():
            by_body: dict = defaultdict(list)
            for claim in claims:
                by_body[dict(claim.extra).get("body") or claim.speaker or side].append(claim)
            if len(by_body) > 1:
                conflicts(by_body, new_ids, context, groups, group[0].proposition,
                          window=context.settings.reversal_min_days - 1)
