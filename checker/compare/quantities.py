"""Two figures for one subject and measure: can both hold, and if not, why not?

Order of questions: do the intervals overlap (then nothing); how do the scopes relate through
the place hierarchy; do modalities differ; how far apart are the reference dates; is it the
same authority revising itself (an update) or two sources disagreeing (conflict/discrepancy).
"""
from __future__ import annotations

import math
from datetime import date

from checker.compare.context import ComparisonContext, days_between
from checker.compare.findings import make_finding
from checker.compare.wording import (display_name, interval_text, listing, quantity_text, source_inline,
                                     source_text)
from checker.model import Claim, Finding, Interval


def _low(v: Interval) -> float:
    return -math.inf if v.low is None else v.low


def _high(v: Interval) -> float:
    return math.inf if v.high is None else v.high


def can_be_at_most(a: Interval, b: Interval) -> bool:
    """Some value of `a` is <= some value of `b` (strict where either bound is open)."""
    if a.low_open or b.high_open:
        return _low(a) < _high(b)
    return _low(a) <= _high(b)


def overlap(a: Interval, b: Interval) -> bool:
    """Both intervals can hold at once: they share at least one value."""
    return can_be_at_most(a, b) and can_be_at_most(b, a)


def scope_relation(a: Claim, b: Claim, context: ComparisonContext) -> str:
    """same | a_inside (a's place within b's) | b_inside | unspecified | unrelated."""
    if a.where == b.where:
        return "same"
    if a.where is None or b.where is None:
        return "unspecified"
    if context.within(a.where, b.where):
        return "a_inside"
    if context.within(b.where, a.where):
        return "b_inside"
    return "unrelated"


def judge(a: Claim, b: Claim, context: ComparisonContext) -> tuple[str, tuple[str, ...]] | None:
    """(finding type, reasons) for two figures, or None when they are compatible or unrelated."""
    settings = context.settings
    if a.value is None or b.value is None or overlap(a.value, b.value):
        return None
    scope = scope_relation(a, b, context)
    if scope == "unrelated":
        return None  # figures for different places are different facts
    same_modality = settings.modality_group(a.modality) == settings.modality_group(b.modality)
    differing: list[str] = []
    if scope in ("a_inside", "b_inside"):
        inner, outer = (a, b) if scope == "a_inside" else (b, a)
        if same_modality and can_be_at_most(inner.value, outer.value):
            return None  # a part no larger than the whole: both hold
        differing.append("scope")
    elif scope == "unspecified":
        differing.append("scope")
    if not same_modality:
        differing.append("modality")
    gap = days_between(context.reference_date(a), context.reference_date(b))
    same_authority = context.authority(a) == context.authority(b)
    if same_authority and gap and not differing and gap <= settings.update_max_days:
        return "update", ("time",)
    if gap is None:
        differing.append("time")  # an undated figure cannot be placed in the other's period
    elif gap > settings.same_period_days:
        if gap > settings.time_discrepancy_days:
            return None  # different periods: figures move over months
        differing.append("time")
    attribution = ("attribution",) if context.voice(a) != context.voice(b) else ()
    if not differing:
        return "conflict", ("value",) + attribution
    return "discrepancy", tuple(sorted(differing)) + attribution


def summarise(kind: str, reasons: tuple[str, ...], a: Claim, b: Claim,
              context: ComparisonContext, names: dict) -> str:
    if kind == "update":
        who = display_name(a.speaker, names) if a.speaker else context.outlet(a)
        return (f"{who} revised its figure for {a.measure or 'units'} of "
                f"{display_name(a.subject, names)} from {interval_text(a.value)} "
                f"({source_inline(a, context)}) to {interval_text(b.value)} ({source_inline(b, context)}).")
    head = (f"{source_text(a, context)} reports {quantity_text(a, context, names)}, while "
            f"{source_text(b, context)} reports {quantity_text(b, context, names)}")
    if kind == "conflict":
        return head + "; both cannot hold."
    dims = [r for r in reasons if r != "attribution"]
    return head + f"; they differ in {listing(dims)}, so check whether both can hold."


def compare_pair(a: Claim, b: Claim, context: ComparisonContext, names: dict) -> Finding | None:
    if a.article == b.article and not context.settings.quantities_within_article:
        return None
    first, second = sorted((a, b), key=lambda c: (context.reference_date(c) or date.min, c.article,
                                                  c.evidence.start))
    verdict = judge(first, second, context)
    if verdict is None:
        return None
    kind, reasons = verdict
    return make_finding(context, kind, "quantity", [first, second], reasons,
                        summarise(kind, reasons, first, second, context, names))

