"""Dates of one event across sources, and stated durations against their anchors."""
from __future__ import annotations

from checker.compare.context import ComparisonContext, days_between, extra, in_related_link
from checker.compare.findings import make_finding
from checker.compare.wording import day_text, display_name, interval_text, number_text, seconds_per, source_text
from checker.model import Claim, Finding

DAY = 86400.0


def compare_event_dates(a: Claim, b: Claim, context: ComparisonContext, names: dict) -> Finding | None:
    """The same event dated differently by two articles, beyond the time-zone tolerance; dates
    further apart than `same_event_days` are taken to be two events of one kind."""
    settings = context.settings
    if a.article == b.article or a.when is None or b.when is None:
        return None
    gap = days_between(a.when, b.when)
    if gap <= settings.date_tolerance_days or gap > settings.same_event_days:
        return None
    first, second = sorted((a, b), key=lambda c: (c.when, c.article, c.evidence.start))
    reasons = ("date",) + (("attribution",) if context.voice(a) != context.voice(b) else ())
    event = first.measure or "event"
    summary = (f"{source_text(first, context)} dates the {display_name(first.subject, names)} {event} "
               f"to {day_text(first.when)}, while {source_text(second, context)} dates it to "
               f"{day_text(second.when)}.")
    return make_finding(context, "conflict", "date", [first, second], reasons, summary)


def anchor_of(claim: Claim, group: list[Claim]):
    """(since date, the claim that gave it): the claim's own "since", else the nearest "since"
    stated for the same key in the same article."""
    own = extra(claim, "since")
    if own is not None:
        return own, None
    same_article = [c for c in group if c.article == claim.article and c is not claim
                    and extra(c, "since") is not None]
    if not same_article:
        return None, None
    nearest = min(same_article, key=lambda c: (abs(c.evidence.start - claim.evidence.start), c.id))
    return extra(nearest, "since"), nearest


def check_duration(claim: Claim, group: list[Claim], context: ComparisonContext,
                   names: dict) -> Finding | None:
    """A stated length against the time elapsed from its anchor to publication."""
    settings = context.settings
    published = context.published(claim)
    if claim.value is None or published is None or in_related_link(claim):
        return None
    if claim.value.low is None and claim.value.high is None:
        return None
    since, anchor_claim = anchor_of(claim, group)
    if since is None or since > published:
        return None
    elapsed = (published - since).days * DAY
    slack = settings.duration_tolerance_days * DAY
    low = claim.value.low * (1 - settings.duration_tolerance_ratio) - slack if claim.value.low is not None else None
    high = claim.value.high * (1 + settings.duration_tolerance_ratio) + slack if claim.value.high is not None else None
    if (low is None or elapsed >= low) and (high is None or elapsed <= high):
        return None
    unit = claim.unit or "day"
    claims = [claim] + ([anchor_claim] if anchor_claim is not None else [])
    summary = (f"{source_text(claim, context)} gives {figure_text_in(claim, unit)} of "
               f"{claim.measure or 'time'} since {day_text(since)}, "
               f"but {number_text(round(elapsed / seconds_per(unit), 1))} {unit}s had passed by "
               f"{day_text(published)}.")
    return make_finding(context, "conflict", "duration", claims, ("elapsed",), summary)


def figure_text_in(claim: Claim, unit: str) -> str:
    written = extra(claim, "figure")
    stated = f"{interval_text(claim.value, seconds_per(unit))} {unit}s"
    return f"{stated} (\u201c{written}\u201d)" if written else stated
