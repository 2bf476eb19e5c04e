"""Dates of one event across sources, and stated durations against their anchors.

An event's date is a fixed fact: two sources dating one event differently (beyond the time-zone
tolerance) conflict, and the same authority giving a new date later corrects itself. A date is
an interval of days (a claim's `when` is its first day, an `until` detail its last: "17-18
September", "awal Maret"): two dates conflict only when their intervals cannot both hold, that
is when the days between them exceed the tolerance. Dates further apart than `same_event_days`
are two events of one kind. Two dates inside one article are usually two events (a briefing
and the incident), never a finding.
"""
from __future__ import annotations

from checker.compare.context import ComparisonContext, extra, figure_written, is_share, since_of
from checker.compare.findings import Groups, Verdict, content_text, single_finding
from checker.compare.wording import day_text, interval_text, number_text, seconds_per, source_text, wording_of
from checker.model import Claim, Finding

DAY = 86400.0


def days_of(claim: Claim):
    """The claim's date as (first day, last day): a day, or a span with its `until` detail."""
    until = extra(claim, "until")
    return claim.when, until if until is not None and until >= claim.when else claim.when


def days_apart(a: Claim, b: Claim) -> int:
    """Days between two claims' date intervals; 0 when they overlap (both can hold)."""
    (a_first, a_last), (b_first, b_last) = days_of(a), days_of(b)
    return max((b_first - a_last).days, (a_first - b_last).days, 0)


def judge_dates(a: Claim, b: Claim, context: ComparisonContext, apart: bool | None = None) -> Verdict | None:
    """Two dates of one kind of event; `apart` says whether they come from different articles
    (when a and b stand for several claims each)."""
    settings = context.settings
    if (a.article == b.article if apart is None else not apart) or a.when is None or b.when is None:
        return None
    if not context.same_happening(a, b):
        return None
    if a.measure in settings.speech_events and a.speaker and b.speaker:
        return None  # two named bodies' statements, or one body's on two days, are two statements
    gap = days_apart(a, b)
    if gap <= settings.date_tolerance_days or gap > settings.same_event_days:
        return None
    first, second = sorted((a, b), key=lambda c: (context.order_key(c), content_text(c)))
    if context.authority(a) == context.authority(b):
        published = (context.published(first), context.published(second))
        if None not in published and published[0] != published[1]:
            later, earlier = sorted((a, b), key=lambda c: context.published(c), reverse=True)
            return Verdict("correction", ("date", "time"), earlier, later, gap)
        return Verdict("conflict", ("date",), first, second, gap)
    if any(told_after(x, y, context) for x, y in ((a, b), (b, a))):
        return None  # a day after the other report was out: a later day of its kind it could not tell of
    reasons = ("date",) + (("attribution",) if context.voice(a) != context.voice(b) else ())
    return Verdict("conflict", reasons, first, second, gap)


def told_after(a: Claim, b: Claim, context: ComparisonContext) -> bool:
    """Whether `a` dates its happening after `b`'s report was published (beyond the time-zone tolerance):
    `b` could not have told of that day ("bentrokan pecah pada Kamis" in Thursday's report, "the riot on
    Monday" in Tuesday's), so the two give two days of the kind of event, not one day disputed."""
    return context.out_before(b, a, a.when)


def compare_event_dates(fresh: list[Claim], old: list[Claim], context: ComparisonContext,
                        groups: Groups) -> None:
    """Every pair of dates of one kind of event, one of them new: claims giving one authority's
    same date in one report are judged together, once."""
    window, tolerance = context.settings.same_event_days, context.settings.date_tolerance_days
    nodes: dict = {}
    for claim, new in [(c, True) for c in fresh] + [(c, False) for c in old]:
        if claim.when is None:
            continue
        event = claim.event
        key = (context.authority(claim), days_of(claim), context.published(claim),
               None if event is None else (event.day, event.place, event.phase))
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = [claim.when.toordinal(), new, [], set(), days_of(claim)[1].toordinal()]
        node[1] = node[1] or new
        node[2].append(claim)
        node[3].add(claim.article)
    # the days each article gives this kind of event: an article naming both days of a pair
    # (a wave of protests that "began on 18 June" and "peaked on 25 June") tells of two days of it
    told: dict = {}
    for claim in fresh + old:
        if claim.when is not None:
            told.setdefault(claim.article, set()).add(claim.when.toordinal())
    items = sorted(nodes.values(), key=lambda n: (n[0], min(content_text(c) for c in n[2])))
    for i, (day, new, claims, articles, last) in enumerate(items):
        for other_day, other_new, others, other_articles, _ in items[i + 1:]:
            if other_day - day > window:
                break
            if not (new or other_new) or other_day - last <= tolerance:
                continue  # within the tolerance of, or inside, the first one's days
            if len(articles | other_articles) == 1:
                continue  # two dates inside one article: two events (a briefing and the incident)
            if all({day, other_day} <= told.get(a, set()) for a in articles | other_articles):
                continue  # every source gives both days: they agree on two days of one happening
            a, b = claims[0], others[0]
            verdict = judge_dates(a, b, context, apart=True)
            if verdict is not None:
                groups.add("date", (a.subject, a.measure), (context.authority(a), context.authority(b)),
                           verdict, *claims, *others, across=True)


def anchor_of(claim: Claim, group: list[Claim]):
    """(since date, the claim that gave it): the claim's own "since", else the nearest "since"
    stated for the same key in the same article. A length of nothing named (no subject, no
    measure: "paid 86 billion roubles in a single year", "dalam setahun") shares no key with a
    "since" elsewhere ("has led Wagner since 2014"): it borrows none."""
    own = since_of(claim)
    if own is not None:
        return own, None
    if claim.subject is None and claim.measure is None:
        return None, None
    same_article = [c for c in group if c.article == claim.article and c is not claim
                    and since_of(c) is not None]
    if not same_article:
        return None, None
    nearest = min(same_article, key=lambda c: (abs(c.evidence.start - claim.evidence.start), c.id))
    return since_of(nearest), nearest


def check_duration(claim: Claim, group: list[Claim], context: ComparisonContext,
                   names: dict) -> Finding | None:
    """A stated length against the time elapsed from its anchor to publication."""
    settings = context.settings
    published = context.published(claim)
    if claim.value is None or published is None or is_share(claim):
        return None
    if claim.modality in settings.uncompared_modalities:
        return None  # a length still ahead ("could take up to a year") has elapsed from nothing
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
    w = wording_of(names)
    summary = w.summary("duration_elapsed", source=source_text(claim, context, w),
                        figure=figure_text_in(claim, unit, w), measure=w.get("event." + (claim.measure or ""))
                        or claim.measure or w.phrase("time"), since=day_text(since, w),
                        elapsed=number_text(round(elapsed / seconds_per(unit), 1), w),
                        unit=unit_text(unit, w), published=day_text(published, w))
    identity = [content_text(c) for c in claims] + [since.isoformat(), published.isoformat()]
    return single_finding(context, "conflict", "duration", claims, ("elapsed",), summary, identity)


def unit_text(unit: str, w) -> str:
    """days | hari: a unit's plural in the report's language."""
    return w.plurals.get(unit, (unit, unit + "s"))[1]


def figure_text_in(claim: Claim, unit: str, names=None) -> str:
    w = wording_of(names)
    written = figure_written(claim)
    stated = f"{interval_text(claim.value, seconds_per(unit), w)} {unit_text(unit, w)}"
    return w.phrase("written", stated=stated, written=written) if written else stated
