"""One-sentence summaries of a disagreement, from the pair that speaks for it (the closest in
time), with how many claims and articles stand behind the whole finding. The sentences are the
templates of rules/<lang>/wording.yaml (`summaries`); this module chooses one and fills it in."""
from __future__ import annotations

from checker.compare.context import ComparisonContext, extra, figure_fact
from checker.compare.findings import Group
from checker.compare.quantities import can_be_at_most
from checker.compare.wording import (count_text, days_text, display_name, fact_text, interval_text, listing,
                                     measure_text, proposition_text, quantity_text, source_inline, source_text,
                                     stance_verb, who_text, wording_of)


def _behind(group: Group, w) -> str:
    claims = len(group.claims)
    if claims <= 2:
        return ""
    articles = len({c.article for c in group.claims.values()})
    return w.summary("behind", claims=count_text(claims, "claim", w), articles=count_text(articles, "article", w))


def _pair(a, b, context: ComparisonContext, w) -> dict:
    return {"a_value": interval_text(a.value, names=w), "a_at": source_inline(a, context, w),
            "b_value": interval_text(b.value, names=w), "b_at": source_inline(b, context, w)}


def quantity_summary(group: Group, context: ComparisonContext, names) -> str:
    w = wording_of(names)
    verdict = group.verdict
    a, b = verdict.first, verdict.second
    kind, reasons = group.type, verdict.reasons
    fact = fact_text(a.subject, a.measure, w)
    sides = {"a_source": source_text(a, context, w), "a_quantity": quantity_text(a, context, w),
             "b_source": source_text(b, context, w), "b_quantity": quantity_text(b, context, w)}
    if "containment" in reasons:
        whole = measure_text(b.measure, w) if b.measure else w.phrase("whole")
        text = w.summary("quantity_containment", b_whole=whole, **sides)
    elif kind == "update" and context.order_key(a) == context.order_key(b):
        text = w.summary("quantity_same_day", who=who_text(a, context, w), fact=fact, **_pair(a, b, context, w))
    elif kind == "update":
        text = w.summary("quantity_update", who=who_text(a, context, w), fact=fact, **_pair(a, b, context, w))
    elif kind == "correction":
        lowered = not can_be_at_most(a.value, b.value) and context.behaviour(a) == "cumulative"
        text = w.summary("quantity_lowered" if lowered else "quantity_replaced", who=who_text(a, context, w),
                         fact=fact, **_pair(a, b, context, w))
    elif kind == "conflict":
        same_day = context.behaviour(a) in ("cumulative", "current")
        text = w.summary("quantity_conflict_same_day" if same_day else "quantity_conflict", **sides)
    elif "contrast" in reasons:
        text = w.summary("quantity_contrasted", **sides)
    elif "time" in reasons and context.behaviour(a) == "cumulative" and len(reasons) <= 2:
        text = w.summary("quantity_falling_toll", **sides)
    else:
        dims = [w.get("reason." + r, r) for r in reasons if r not in ("attribution", "value")]
        text = w.summary("quantity_discrepancy", dimensions=listing(dims, w), **sides)
    return text + _behind(group, w)


def _who(claim, side: str, w) -> str:
    speaker = display_name(claim.speaker or side, w)
    government = display_name(side, w)
    return speaker if speaker == government else w.phrase("speaker_for", speaker=speaker, side=government)


def _what(claim, w) -> str:
    """What a stance is about: its proposition, or for a stance on a figure the figure itself."""
    fact = figure_fact(claim.proposition)
    if fact is None:
        return proposition_text(claim.proposition, w)
    return w.phrase("figure_at", fact=fact_text(*fact, w), value=interval_text(claim.value, names=w))


def stance_summary(group: Group, context: ComparisonContext, names) -> str:
    w = wording_of(names)
    verdict = group.verdict
    a, b = verdict.first, verdict.second
    if group.type == "conflict":
        text = w.summary("stance_conflict", a_who=_who(a, context.side(a), w), a_what=_what(a, w),
                         a_at=source_inline(a, context, w), b_who=_who(b, context.side(b), w),
                         b_what=w.phrase("it") if a.value == b.value else _what(b, w),
                         b_at=source_inline(b, context, w))
    elif b.kind == "quantity":  # a body denied a figure, then gave one inside what it denied
        text = w.summary("stance_figure_turn", who=display_name(a.speaker, w), what=_what(a, w),
                         a_at=source_inline(a, context, w), value=interval_text(b.value, names=w),
                         measure=(measure_text(b.measure, w) if b.measure else ""), b_at=source_inline(b, context, w))
    else:
        side = context.side(a)
        text = w.summary("stance_reversal", side=display_name(side, w), a_verb=stance_verb(a.stance, True, w),
                         what=_what(b, w), a_who=display_name(a.speaker or side, w), a_at=source_inline(a, context, w),
                         b_verb=stance_verb(b.stance, True, w), b_who=display_name(b.speaker or side, w),
                         b_at=source_inline(b, context, w))
    return text + _behind(group, w)


def _days(claim, w) -> str:
    """The day a claim dates its event on, or its run of days ("17-18 September")."""
    return days_text(claim.when, extra(claim, "until"), w)


def date_summary(group: Group, context: ComparisonContext, names) -> str:
    w = wording_of(names)
    a, b = group.verdict.first, group.verdict.second
    event = w.get("event." + (a.measure or "")) or (a.measure or w.phrase("event")).replace("_", " ")
    if a.subject and "@" in a.subject:
        what = w.phrase("event_of", event=event, subject=display_name(a.subject, w))
    else:
        what = w.phrase("actor_event", subject=display_name(a.subject, w), event=event)
    if group.type == "correction":
        text = w.summary("date_correction", who=who_text(a, context, w), what=what, a_day=_days(a, w),
                         a_at=source_inline(a, context, w), b_day=_days(b, w), b_at=source_inline(b, context, w))
    else:
        text = w.summary("date_conflict", a_source=source_text(a, context, w), what=what, a_day=_days(a, w),
                         b_source=source_text(b, context, w), b_day=_days(b, w))
    return text + _behind(group, w)


SUMMARIES = {"quantity": quantity_summary, "stance": stance_summary, "date": date_summary}


def summarise(group: Group, context: ComparisonContext, names) -> str:
    return SUMMARIES[group.dimension](group, context, names)
