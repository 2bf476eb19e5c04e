"""Stances on one proposition, grouped by the government each speaker speaks for.

Two sides that confirm and deny in the same period conflict; one side that turns from denial to
confirmation (or back) has reversed. Non-denials and non-confirmations carry no polarity.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from bisect import bisect_left, bisect_right
from itertools import combinations

from checker.compare.context import ComparisonContext, days_between, in_related_link
from checker.compare.findings import claim_content, make_finding
from checker.compare.wording import display_name, proposition_text, source_inline, stance_verb
from checker.model import Claim, Finding


def _who(claim: Claim, side: str, names: dict) -> str:
    speaker = display_name(claim.speaker or side, names)
    government = display_name(side, names)
    return speaker if speaker == government else f"{speaker} ({government})"


def _order(claim: Claim, context: ComparisonContext) -> tuple:
    return (context.reference_date(claim) or date.min, claim.article, claim.evidence.start, claim.id)


def conflicts(by_side: dict, new_ids: set, context: ComparisonContext, names: dict) -> list[Finding]:
    window = context.settings.stance_period_days
    found = []
    polarity = context.settings.polarity_of
    dated = {side: sorted(((d.toordinal(), c) for c in claims if (d := context.reference_date(c))),
                          key=lambda t: t[0]) for side, claims in by_side.items()}
    for side_a, side_b in combinations(sorted(by_side), 2):
        # the closest pair of opposite stances stands for the dispute; only pairs inside the
        # window are looked at (bisect on sorted days), and content breaks ties, not list order
        days_b = [day for day, _ in dated[side_b]]
        best, candidates = None, []
        for day, a in dated[side_a]:
            lo, hi = bisect_left(days_b, day - window), bisect_right(days_b, day + window)
            for other_day, b in dated[side_b][lo:hi]:
                if polarity(a.stance) == polarity(b.stance):
                    continue
                if a.id not in new_ids and b.id not in new_ids:
                    continue
                gap = abs(other_day - day)
                if best is None or gap < best:
                    best, candidates = gap, [(a, b)]
                elif gap == best:
                    candidates.append((a, b))
        if not candidates:
            continue
        candidates = [(best, sorted([str(claim_content(a)), str(claim_content(b))]), a, b)
                      for a, b in candidates]
        _, _, a, b = min(candidates, key=lambda t: (t[0], t[1]))
        confirm, deny = (a, b) if context.settings.polarity_of(a.stance) > 0 else (b, a)
        summary = (f"{_who(confirm, context.side(confirm), names)} confirms "
                   f"{proposition_text(confirm.proposition, names)} ({source_inline(confirm, context)}) "
                   f"while {_who(deny, context.side(deny), names)} denies it ({source_inline(deny, context)}).")
        found.append(make_finding(context, "conflict", "stance", [confirm, deny], ("polarity",), summary))
    return found


def reversals(by_side: dict, new_ids: set, context: ComparisonContext, names: dict) -> list[Finding]:
    settings = context.settings
    found = []
    for side in sorted(by_side):
        held = sorted(by_side[side], key=lambda c: _order(c, context))
        current = held[0]
        for claim in held[1:]:
            if settings.polarity_of(claim.stance) == settings.polarity_of(current.stance):
                current = claim  # the latest statement of the position held
                continue
            gap = days_between(context.reference_date(current), context.reference_date(claim))
            if gap is None or gap < settings.reversal_min_days:
                continue  # a same-day contradiction is more likely a misreading than a turn
            if current.id in new_ids or claim.id in new_ids:
                summary = (f"{display_name(side, names)} {stance_verb(current.stance, past=True)} "
                           f"{proposition_text(claim.proposition, names)} "
                           f"({display_name(current.speaker or side, names)}, {source_inline(current, context)}) "
                           f"but later {stance_verb(claim.stance, past=True)} it "
                           f"({display_name(claim.speaker or side, names)}, {source_inline(claim, context)}).")
                found.append(make_finding(context, "reversal", "stance", [current, claim],
                                          ("polarity", "time"), summary))
            current = claim
    return found


def compare_stances(group: list[Claim], new_ids: set, context: ComparisonContext,
                    names: dict) -> list[Finding]:
    by_side: dict = defaultdict(list)
    for claim in group:
        if context.settings.polarity_of(claim.stance) and not in_related_link(claim):
            by_side[context.side(claim)].append(claim)
    return conflicts(by_side, new_ids, context, names) + reversals(by_side, new_ids, context, names)
