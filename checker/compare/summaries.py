"""One-sentence English summaries of a disagreement, from the pair that speaks for it (the
closest in time), with how many claims and articles stand behind the whole finding."""
from __future__ import annotations

from checker.compare.context import ComparisonContext, figure_fact
from checker.compare.findings import Group
from checker.compare.quantities import can_be_at_most
from checker.compare.wording import (count_text, day_text, display_name, fact_text, interval_text, listing,
                                     proposition_text, quantity_text, source_inline, source_text,
                                     stance_verb, who_text)


def _behind(group: Group) -> str:
    claims = len(group.claims)
    if claims <= 2:
        return ""
    articles = len({c.article for c in group.claims.values()})
    return f" Behind it: {count_text(claims, 'claim')} in {count_text(articles, 'article')}."


def quantity_summary(group: Group, context: ComparisonContext, names: dict) -> str:
    verdict = group.verdict
    a, b = verdict.first, verdict.second
    kind, reasons = group.type, verdict.reasons
    fact = fact_text(a.subject, a.measure, names)
    if "containment" in reasons:
        text = (f"{source_text(a, context)} reports {quantity_text(a, context, names)}, more than the "
                f"{(b.measure or 'whole').replace('_', ' ')} {source_text(b, context)} reports "
                f"({quantity_text(b, context, names)}) for the same time; a part cannot exceed its whole.")
    elif kind == "update" and context.order_key(a) == context.order_key(b):
        text = (f"{who_text(a, context, names)} gave two figures for {fact} the same day, "
                f"{interval_text(a.value)} ({source_inline(a, context)}) and {interval_text(b.value)} "
                f"({source_inline(b, context)}): a toll moving within the day.")
    elif kind == "update":
        text = (f"{who_text(a, context, names)} revised its figure for {fact} from {interval_text(a.value)} "
                f"({source_inline(a, context)}) to {interval_text(b.value)} ({source_inline(b, context)}).")
    elif kind == "correction":
        lowered = not can_be_at_most(a.value, b.value)
        verb = "lowered its figure for" if lowered and context.behaviour(a) == "cumulative" else "replaced its figure for"
        text = (f"{who_text(a, context, names)} {verb} {fact} from {interval_text(a.value)} "
                f"({source_inline(a, context)}) to {interval_text(b.value)} ({source_inline(b, context)}): "
                f"a correction of its own figure, worth a look.")
    else:
        head = (f"{source_text(a, context)} reports {quantity_text(a, context, names)}, while "
                f"{source_text(b, context)} reports {quantity_text(b, context, names)}")
        if kind == "conflict":
            when = " for the same day" if context.behaviour(a) == "cumulative" else ""
            text = head + f"{when}; both cannot hold."
        elif "time" in reasons and context.behaviour(a) == "cumulative" and len(reasons) <= 2:
            text = head + " later; a toll does not fall, so check which holds."
        else:
            dims = [r for r in reasons if r not in ("attribution", "value")]
            text = head + f"; they differ in {listing(dims)}, so check whether both can hold."
    return text + _behind(group)


def _who(claim, side: str, names: dict) -> str:
    speaker = display_name(claim.speaker or side, names)
    government = display_name(side, names)
    return speaker if speaker == government else f"{speaker} ({government})"


def _what(claim, names: dict) -> str:
    """What a stance is about: its proposition, or for a stance on a figure the figure itself."""
    fact = figure_fact(claim.proposition)
    if fact is None:
        return proposition_text(claim.proposition, names)
    return f"{fact_text(*fact, names)} at {interval_text(claim.value)}"


def stance_summary(group: Group, context: ComparisonContext, names: dict) -> str:
    verdict = group.verdict
    a, b = verdict.first, verdict.second
    if group.type == "conflict":
        text = (f"{_who(a, context.side(a), names)} confirms {_what(a, names)} "
                f"({source_inline(a, context)}) while {_who(b, context.side(b), names)} denies "
                f"{'it' if a.value == b.value else _what(b, names)} ({source_inline(b, context)}).")
    elif b.kind == "quantity":  # a body denied a figure, then gave one inside what it denied
        text = (f"{display_name(a.speaker, names)} denied {_what(a, names)} ({source_inline(a, context)}) "
                f"but later gave {interval_text(b.value)} {(b.measure or '').replace('_', ' ')} itself "
                f"({source_inline(b, context)}).")
    else:
        side = context.side(a)
        text = (f"{display_name(side, names)} {stance_verb(a.stance, past=True)} "
                f"{_what(b, names)} "
                f"({display_name(a.speaker or side, names)}, {source_inline(a, context)}) "
                f"but later {stance_verb(b.stance, past=True)} it "
                f"({display_name(b.speaker or side, names)}, {source_inline(b, context)}).")
    return text + _behind(group)


def date_summary(group: Group, context: ComparisonContext, names: dict) -> str:
    a, b = group.verdict.first, group.verdict.second
    event = (a.measure or "event").replace("_", " ")
    if a.subject and "@" in a.subject:
        what = f"{event} of {display_name(a.subject, names)}"
    else:
        what = f"{display_name(a.subject, names)} {event}"
    if group.type == "correction":
        text = (f"{who_text(a, context, names)} dated the {what} to "
                f"{day_text(a.when)} ({source_inline(a, context)}) and later to {day_text(b.when)} "
                f"({source_inline(b, context)}).")
    else:
        text = (f"{source_text(a, context)} dates the {what} "
                f"to {day_text(a.when)}, while {source_text(b, context)} dates it to {day_text(b.when)}.")
    return text + _behind(group)


SUMMARIES = {"quantity": quantity_summary, "stance": stance_summary, "date": date_summary}


def summarise(group: Group, context: ComparisonContext, names: dict) -> str:
    return SUMMARIES[group.dimension](group, context, names)
