"""Figures of one fact (subject, measure): can two both hold, and if not, what is it?

Order of questions for a pair: do the intervals share a value (then nothing); is it one
happening; how do the scopes relate through the place hierarchy; do modalities differ; then the
measure's behaviour (rules/common/facts.yaml) and who gives the figures decide:

- fixed: different values conflict whoever gives them and whenever; the same authority giving
  another value later corrects itself (`correction`);
- cumulative (a toll): different figures for the same day from different authorities conflict;
  a later, higher figure is an update (from another authority it is the toll's timeline, never
  flagged); a later, lower figure is a correction from the same authority and a discrepancy from
  another;
- stock (troops present): figures within the short period from different sources conflict;
  across weeks they are a timeline; the same authority changing its figure is an update.

Inside one article only two named bodies that disagree are a finding: an article that reports
one body's revision ("rose from 125 to 131") or quotes the outlet's own figure beside a body's
is telling a story, not contradicting itself. Two bodies' figures the article itself sets against
each other ("higher than the one given by ...") disagree whatever the days between them.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from checker.compare.context import ComparisonContext, days_between, extra
from checker.compare.findings import Groups, Verdict, content_text
from checker.model import Claim, Interval


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
    """same | a_inside (a's place within b's) | b_inside | unspecified | unrelated. A place the
    sentence does not give (the happening's, taken for its figure) narrows no scope."""
    if a.where == b.where:
        return "same"
    if a.where is None or b.where is None:
        return "unspecified"
    # a figure of places counted together holds every figure of one of them, even one whose
    # place is only the happening's ("the toll rose to 3,381" beside "7,800 in Turkey and Syria")
    if _parts_apart(a.where, b.where):
        return "unrelated"  # the government-held areas' toll and the rebel-held areas'
    if context.within(a.where, b.where):
        return "unspecified" if _inherited(a, b, context) else "a_inside"
    if context.within(b.where, a.where):
        return "unspecified" if _inherited(b, a, context) else "b_inside"
    return "unrelated"


def _inherited(inner: Claim, outer: Claim, context: ComparisonContext) -> bool:
    """Whether a figure's place inside another's tells nothing: the inner one's is only its
    happening's (unless the outer figure names places counted together), or, for a fixed fact
    of the happening (a magnitude), either one's is."""
    if context.behaviour(inner) == "fixed" and (extra(inner, "place_of_event") or extra(outer, "place_of_event")):
        return True
    return bool(extra(inner, "place_of_event")) and "+" not in outer.where


def _own_place(claim: Claim, context: ComparisonContext) -> bool:
    """Whether a figure names a place of its own narrower than a country, not only its happening's."""
    if claim.where is None or extra(claim, "place_of_event"):
        return False
    return context.country_of is None or context.country_of(claim.where) != claim.where


def _parts_apart(a: str, b: str) -> bool:
    """Two different parts ("syria/government_held", "aleppo/opposition_held")."""
    return "/" in a and "/" in b and a.rsplit("/", 1)[1] != b.rsplit("/", 1)[1]


def ordered(a: Claim, b: Claim, context: ComparisonContext) -> tuple[Claim, Claim, bool]:
    """(earlier, later, whether one is later at all): by reference date, then the parts of that
    day both name ("Selasa pagi", "Tuesday night"), then publication."""
    ka, kb = context.order_key(a), context.order_key(b)
    parts = extra(a, "day_part"), extra(b, "day_part")
    if ka[0] == kb[0] and None not in parts:
        ka, kb = (ka[0], parts[0], *ka[1:]), (kb[0], parts[1], *kb[1:])
    if ka == kb:
        first, second = sorted((a, b), key=content_text)
        return first, second, False
    return (a, b, True) if ka < kb else (b, a, True)


def _told_rising_within_day(a: Claim, b: Claim, gap: int | None) -> bool:
    """Whether one article tells a count its source gave earlier that day, at a part of the day it
    names ("had put the toll at 10 earlier on Tuesday morning"), below another body's count told as of
    the report (no part named, nothing called earlier): the toll moved during the day, no rival counts.
    (An earlier count with no part of the day named still meets the other: "Earlier in the day
    Hezbollah had spoken of three dead" against the ministry's eight.)"""
    if a.article != b.article or gap != 0:
        return False
    for early, late in ((a, b), (b, a)):
        if extra(early, "earlier") and extra(early, "day_part") is not None \
                and not extra(late, "earlier") and extra(late, "day_part") is None \
                and can_be_at_most(early.value, late.value):
            return True
    return False


def _same_part_of_day(a: Claim, b: Claim) -> bool:
    """Whether both figures hold as of the same named part of their (same) day."""
    part = extra(a, "day_part")
    return part is not None and part == extra(b, "day_part")


def _differences(a: Claim, b: Claim, context: ComparisonContext) -> list[str] | None:
    """The dimensions two disjoint figures differ in besides value and time; None when they
    are figures of different things or can both hold (a part no larger than its whole)."""
    scope = scope_relation(a, b, context)
    if scope == "unrelated":
        return None  # figures for different places are different facts
    if a.unit != b.unit:
        return None  # sums in two currencies ("Rp 300 triliun", "$18.5 billion"), a share and a count
    if a.unit == "percent" == b.unit and a.where != b.where and (_own_place(a, context) or _own_place(b, context)):
        return None  # a share or a rate in a province says nothing of the nation's, nor of another's
    settings = context.settings
    same_modality = settings.modality_group(a.modality) == settings.modality_group(b.modality)
    differing: list[str] = []
    if scope in ("a_inside", "b_inside"):
        inner, outer = (a, b) if scope == "a_inside" else (b, a)
        # a part's floor far above the whole's ("at least 11,300 in Derna", then "at least
        # 3,958 across Libya") is no reading of the whole: worth a look
        floor_above = inner.value.high is None and outer.value.high is None and bool(outer.value.low) \
            and (inner.value.low or 0) >= context.settings.bound_factor * outer.value.low
        if same_modality and can_be_at_most(inner.value, outer.value) and not floor_above:
            return None
        differing.append("scope")
    elif scope == "unspecified" and a.event is None and b.event is None:
        differing.append("scope")  # an actor's figure without a place may count elsewhere
    if not same_modality:
        differing.append("modality")
    return differing


def _estimate_before_finding(a: Claim, b: Claim, context: ComparisonContext) -> bool:
    """A fixed fact estimated before it was established ("believed to be at a depth of 850
    metres" on Saturday, "lay at 838 metres" on Sunday; "an estimated 200 on board", then the
    manifest's 181), or estimated again later ("600-700 metres" on Wednesday, "850" on
    Saturday): the guess made way for what was said after it, whoever gave either."""
    if context.behaviour(a) != "fixed" or "estimate" not in (a.modality, b.modality) \
            or not {a.modality, b.modality} <= {"estimate", "actual"}:
        return False

    def said(c: Claim) -> date | None:
        day = extra(c, "stated") or context.published(c)
        return day if isinstance(day, date) else None

    da, db = said(a), said(b)
    if da is None or db is None or da == db:
        return False
    guess = a if da < db else b
    return guess.modality == "estimate"


def judge(a: Claim, b: Claim, context: ComparisonContext) -> Verdict | None:
    """What two figures of one fact are, or None when both can hold or they are not comparable."""
    if a.value is None or b.value is None or context.behaviour(a) == "attribute":
        return None
    if a.modality in context.settings.uncompared_modalities or b.modality in context.settings.uncompared_modalities:
        return None  # "the toll could exceed 10,000": a forecast, no reading of the toll
    loose = overlap(a.value, b.value)
    if not values_apart(a, b, context):
        return None
    if not context.same_happening(a, b):
        return judge_wave(a, b, context)
    same_authority = context.authority(a) == context.authority(b)
    if a.article == b.article and not (a.speaker and b.speaker):
        return None  # an article's own figure beside a body's, or its own breakdown
    if a.article != b.article and (extra(a, "earlier") or extra(b, "earlier")):
        return None  # a figure its own article calls since replaced ("initially", "in its first report"): history
    differing = _differences(a, b, context)
    if differing is None:
        return None
    if _estimate_before_finding(a, b, context):
        return None
    first, second, is_ordered = ordered(a, b, context)
    gap = days_between(context.reference_date(a), context.reference_date(b))
    if a.article == b.article and same_authority:
        # an article telling one body's revision ("rose from 125 to 131"): its timeline
        return Verdict("update", ("time",), first, second, gap or 0)
    behaviour = context.behaviour(a)
    settings = context.settings
    # disjoint: the later one is higher; two floors ("at least 11,300", then "at least 3,958"):
    # the later floor is higher
    rises = (second.value.low >= first.value.low if loose and first.value.high is None
             and second.value.high is None else can_be_at_most(first.value, second.value))

    def verdict(kind: str, *reasons: str) -> Verdict:
        return Verdict(kind, tuple(sorted(set(reasons))), first, second, gap or 0)

    if same_authority and not differing:
        if gap is None:
            return None
        if behaviour == "fixed":
            if a.event is None and gap > settings.fixed_max_days:
                return None
            return verdict("correction", "value", "time") if is_ordered else verdict("conflict", "value")
        if gap > settings.update_max_days:
            return None  # another period
        if behaviour == "cumulative":
            if not is_ordered and _same_part_of_day(a, b):
                # "hingga Selasa pagi" 16, "as of Tuesday morning" 22: one body's count at one
                # time, relayed two ways
                return verdict("conflict", "value")
            if not is_ordered or rises:
                return verdict("update", "time")  # a toll moving within a day, or growing
            if _fraction(second.value, first.value, settings.group_at_most):
                return None  # 3,000 dead, then three: a group within the toll, no revision of it
            return verdict("correction", "value", "time")
        return verdict("update", "time") if is_ordered else verdict("conflict", "value")

    attribution = ("attribution",) if context.voice(a) != context.voice(b) else ()
    # two bodies' figures the article itself sets against each other ("higher than the one given
    # by the president, who said 19"): a disagreement it reports, whatever the days between them
    contrasted = a.article == b.article and bool(extra(a, "contrasted") or extra(b, "contrasted"))
    if gap is None:
        if behaviour != "fixed":
            differing.append("time")  # an undated figure cannot be placed in the other's period
    elif behaviour == "fixed":
        if a.event is None and gap > settings.fixed_max_days:
            return None
    elif contrasted and gap:
        differing += ["contrast", "time"]
    elif behaviour == "cumulative" and _told_rising_within_day(a, b, gap):
        return None  # "had put the toll at 10 earlier on Tuesday morning" beside the minister's 66: the day's timeline
    elif behaviour == "cumulative":
        if loose and is_ordered and rises and gap:
            return None  # a floor one day, a count above it a later day: both hold, the toll grew
        small, big = (a, b) if can_be_at_most(a.value, b.value) else (b, a)
        if _fraction(small.value, big.value, settings.group_at_most) and not contrasted:
            return None  # five aid workers beside thousands dead: a group within the toll (but not a
            # figure the article sets against the other: "a far higher figure than any official had given")
        if is_ordered and rises and context.published(first) != context.published(second) \
                and None in (first.speaker, second.speaker):
            return None  # the press relaying a toll that grew by the time it wrote: its timeline
        if gap > settings.same_day_days:
            floors = first.value.high is None and second.value.high is None
            if floors and "scope" not in differing:
                return None  # "at least 300", later "at least 100": both hold on other days
            if rises or gap > settings.lower_later_days:
                return None  # the toll grew: its timeline, not a disagreement
            differing.append("time")  # another body's lower toll, later: which holds?
    elif gap > period_days(behaviour, settings):
        return None  # a stock weeks apart, the missing on another day: a timeline
    if loose:  # both can hold: worth a look, never a conflict
        return verdict("discrepancy", "bound", *differing, *attribution)
    if not differing:
        return verdict("conflict", "value", *attribution)
    return verdict("discrepancy", *differing, *attribution)


def _whole_of_waves(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(one wave's figure, all the waves' figure) when exactly one of two figures of a happening
    counts every wave together ("both waves killed 37") and the other one wave."""
    if a.event is None or b.event is None or (a.event.phase == "all") == (b.event.phase == "all"):
        return None
    return (b, a) if a.event.phase == "all" else (a, b)


def judge_wave(a: Claim, b: Claim, context: ComparisonContext) -> Verdict | None:
    """One wave's toll above all the waves' toll, given as late or later, cannot hold: the
    pager wave's 300 critically injured against 30 for both waves two days on."""
    pair = _whole_of_waves(a, b)
    if pair is None or context.behaviour(a) != "cumulative":
        return None
    wave, whole = pair
    if can_be_at_most(wave.value, whole.value):
        return None
    if not context.same_happening(wave, replace(whole, event=replace(whole.event, phase=wave.event.phase))):
        return None
    if wave.article == whole.article and not (wave.speaker and whole.speaker):
        return None
    gap = days_between(context.reference_date(wave), context.reference_date(whole))
    later = context.order_key(whole) >= context.order_key(wave)
    if gap is None or not (later or gap == 0) or gap > context.settings.lower_later_days:
        return None
    attribution = ("attribution",) if context.voice(wave) != context.voice(whole) else ()
    kind = "conflict" if gap == 0 else "discrepancy"
    reasons = ("containment", "value", *attribution, *(("time",) if gap else ()))
    return Verdict(kind, tuple(sorted(set(reasons))), wave, whole, gap)


def far_past_bound(a: Interval, b: Interval, factor: float) -> bool:
    """One figure an open lower bound ("more than 2,300") and the other a bounded figure
    `factor` times past it; or the reverse for upper bounds ("up to 100"). Two open bounds
    ("more than 10,000", "more than 50,000") are left alone."""
    if not factor:
        return False
    for x, y in ((a, b), (b, a)):
        if x.high is None and x.low and y.low is not None and y.high is not None and y.low >= factor * x.low:
            return True
        if x.low is None and x.high and y.high is not None and y.low is not None and y.high * factor <= x.high:
            return True
    return False


# a written decimal: one or two digits after a mark, no third (three are a thousands group in
# "96.214.691"), then the end, a percent or a scale word ("58.6%", "58,59 persen", "96.2 million")
_DECIMAL = re.compile(r"(\d+)[.,](\d{1,2})(?![\d.,])")


def _half_unit(claim: Claim, weighed: bool = False) -> float:
    """Half the unit of a figure's last written decimal ("58.6%": 0.05, "96.2 million": 50,000);
    for a weighed measure, of its last written digit too ("2 ton": 500 kg, "2,115 kg": 0.5 kg);
    0 for a counted figure written without decimals, a range or a bound."""
    value, text = claim.value, str(extra(claim, "figure") or "")
    if value is None or value.low is None or value.high is None or value.low != value.high:
        return 0.0
    m = _DECIMAL.search(text)
    if m is None:
        digits = re.search(r"\d[\d.,]*", text) if weighed else None
        written = float(re.sub(r"\D", "", digits.group())) if digits else 0.0
        return abs(value.low / written) / 2 if written else 0.0
    written = float(f"{m.group(1)}.{m.group(2)}")
    return abs(value.low / written) * 10 ** -len(m.group(2)) / 2 if written else 0.0


def rounded(claim: Claim, other: Claim, weighed: bool = False) -> Interval:
    """A figure as the interval its written precision stands for when the other figure is written
    more precisely: "58.6%" beside "58,59 persen" is 58.55 to 58.65, "96.2 million" beside
    "96.214.691" 96.15 to 96.25 million, so a rounded report of a precise figure is a reading of
    it. Two figures of one precision ("7.5", "7.6") stay as they are. A weighed measure's whole
    figure is a rounding too ("2 ton" beside "2.115.130 gram"), a counted one's is exact."""
    half = _half_unit(claim, weighed)
    if not half or (_half_unit(other, weighed) or 0.0) >= half:
        return claim.value
    return replace(claim.value, low=claim.value.low - half, high=claim.value.high + half)


def values_apart(a: Claim, b: Claim, context: ComparisonContext) -> bool:
    """Whether two figures can disagree at all: disjoint (each as precise as it is written: see
    rounded), or a bound that is no reading of the other figure (see far_past_bound,
    lower_bounds_apart); a fixed fact's bound is a description that the figure inside it meets
    ("a depth of more than 5 metres" beside 10 metres)."""
    factor = context.settings.bound_factor
    fixed = context.behaviour(a) == "fixed"
    weighed = context.semantics.is_weighed(a.measure)
    return not overlap(rounded(a, b, weighed), rounded(b, a, weighed)) or (far_past_bound(a.value, b.value, factor) and not fixed) or (
        lower_bounds_apart(a.value, b.value, factor) and context.behaviour(a) in ("cumulative", "current"))


def lower_bounds_apart(a: Interval, b: Interval, factor: float) -> bool:
    """Two tolls given as lower bounds `factor` apart ("at least 150" beside "more than
    2,000"): each a count someone made, and one is no reading of the other. So are two counts of
    the moment (the missing, the displaced) given so the same day: "more than 670" under the mud
    beside "more than 2,000" buried alive are two estimates, not one read twice."""
    return bool(factor) and a.high is None and b.high is None and bool(a.low) and bool(b.low) \
        and max(a.low, b.low) >= factor * min(a.low, b.low)


def judge_containment(part: Claim, whole: Claim, context: ComparisonContext) -> Verdict | None:
    """A part's figure (deaths) above its whole's (casualties) for the same time cannot hold."""
    if part.value is None or whole.value is None or can_be_at_most(part.value, whole.value):
        return None
    if not context.same_happening(part, whole):
        return None
    if part.article == whole.article and (context.authority(part) == context.authority(whole)
                                          or not (part.speaker and whole.speaker)):
        return None  # one article's own figures: the frame's reading of them, not a dispute
    differing = _differences(part, whole, context)
    if differing is None:
        return None
    gap = days_between(context.reference_date(part), context.reference_date(whole))
    behaviour = context.behaviour(whole)
    settings = context.settings
    window = None if behaviour == "fixed" else period_days(behaviour, settings)
    if gap is None or (window is not None and gap > window):
        return None
    attribution = ("attribution",) if context.voice(part) != context.voice(whole) else ()
    kind = "discrepancy" if differing else "conflict"
    return Verdict(kind, tuple(sorted({"containment", *differing, *attribution})), part, whole, gap)


# --- which pairs are judged -------------------------------------------------------------------

@dataclass
class Node:
    """The claims of one article that give one authority's same figure for the same time: a
    figure repeated in three sentences is judged once and stands as one side."""

    rep: Claim
    claims: list
    new: bool
    day: int | None
    authority: str
    part: bool = False  # a smaller figure beside the article's own total: a share of it


def nodes_of(fresh: list[Claim], old: list[Claim], context: ComparisonContext) -> list[Node]:
    found: dict = {}
    for claim, new in [(c, True) for c in fresh] + [(c, False) for c in old]:
        value = claim.value
        event = claim.event
        key = (claim.article, context.authority(claim), context.order_key(claim), claim.measure,
               None if value is None else (value.low, value.high, value.low_open, value.high_open),
               claim.where, claim.modality, None if event is None else (event.day, event.place, event.phase),
               bool(extra(claim, "recovered")))
        node = found.get(key)
        if node is None:
            day = context.reference_date(claim)
            found[key] = Node(claim, [claim], new, day.toordinal() if day else None,
                              context.authority(claim))
        else:
            node.claims.append(claim)
            node.new = node.new or new
    order = {}
    for node in found.values():
        if len(node.claims) > 1:
            node.claims.sort(key=content_text)
            node.rep = node.claims[0]
        order[id(node)] = (node.day or 0, content_text(node.rep))
    return sorted(found.values(), key=lambda n: order[id(n)])


def mark_parts(nodes: list[Node], context: ComparisonContext) -> None:
    """An article's smaller figures for one fact and time, beside a larger one it gives for the
    same place or a place containing it, are its breakdown (13 of the 125 dead at one hospital,
    34 of them inside the stadium, "the dead include three volunteers"): shares of a total, not
    rival totals. A figure is a share of its own authority's larger one, or, told in the
    outlet's own voice, of any larger one the article gives; two named bodies' figures stay
    rivals (an article quoting both is a finding), and so does the outlet's own figure of the
    same order as a body's (125 beside the health office's earlier 130 is the recount)."""
    fixed = bool(nodes) and context.behaviour(nodes[0].rep) == "fixed"
    together: dict = defaultdict(list)
    for node in nodes:
        claim = node.rep
        if claim.value is not None:
            together[(claim.article, context.order_key(claim), claim.measure)].append(node)
    for items in together.values():
        if len(items) < 2:
            continue
        for node in items:
            small = node.rep
            for other in items:
                big = other.rep
                if other is node or overlap(small.value, big.value) or not can_be_at_most(small.value, big.value):
                    continue
                if _standing(node) > _standing(other):
                    continue  # "cut to 125" after 174, 125 after the "initial" 130: a recount
                if _recovered_below(node, other):
                    continue  # the 41 bodies recovered beside all 67 killed: the recovery's tally, no share of the toll
                if other.authority != node.authority and (
                        small.speaker or not _fraction(small.value, big.value, context.settings.share_at_most)):
                    continue  # a named body's figure, or one of the same order: a rival total
                if fixed and big.modality == "estimate" and small.modality != "estimate" \
                        and not _fraction(small.value, big.value, context.settings.share_at_most):
                    continue  # what a body established is no share of its own estimate: 838 metres beside its "believed" 850
                # a figure for a place of its own inside the larger one's ("166 in North Sumatra"
                # of 303 across Sumatra) is that place's total: it meets that place's figures
                relation = scope_relation(small, big, context)
                if relation in ("same", "unspecified") or relation == "a_inside" and "/" in (small.where or ""):
                    node.part = True
                    break


def _value_key(claim: Claim) -> float:
    """A figure as a finding's identity names it: the number a reader would say ("about 3,000"
    and "3,000" are 3,000; "at least 90" and "90" are 90), so a body repeating its figure with
    or without a hedge stays one side of one finding."""
    v = claim.value
    if v.low is not None and v.high is not None:
        return round((v.low + v.high) / 2, 6)
    return v.low if v.low is not None else v.high


def _recovered_below(a: Node, b: Node) -> bool:
    """Whether one of the two figures counts the bodies recovered so far and the other the toll of
    the dead, the recovered no more than the toll ("recovered 41 bodies" beside "killing all 67"):
    a recovery's tally stays below the toll while the search goes on, and meets only other recovery
    counts and tolls it exceeds."""
    ra, rb = bool(extra(a.rep, "recovered")), bool(extra(b.rep, "recovered"))
    if ra == rb:
        return False
    small, big = (a, b) if ra else (b, a)
    return can_be_at_most(small.rep.value, big.rep.value)


def _same_part(a: Node, b: Node) -> bool:
    """Two figures of the same part of a venue ("ke tribun utara") are rivals even where each is
    its article's share of a total: 1 shot at the north stand against 10 there."""
    return a.rep.where is not None and a.rep.where == b.rep.where and "/" in a.rep.where


def _fraction(small: Interval, big: Interval, share: float) -> bool:
    """`small` is at most `share` of `big` (13 of 125, three of 2,300; not 125 beside 130). None
    at all is no group within a count ("no one died" beside three dead)."""
    return small.high is not None and big.low is not None and 0 < small.high <= share * big.low


def _class(node: Node) -> tuple:
    """What a judgement depends on besides time: who, what value, where, how, which happening."""
    claim, value, event = node.rep, node.rep.value, node.rep.event
    return (node.authority, node.part, claim.measure,
            None if value is None else (value.low, value.high, value.low_open, value.high_open),
            claim.where, claim.modality, None if event is None else (event.day, event.place, event.phase),
            bool(extra(claim, "recovered")))


def _nearest(nodes: list[Node], window: int, skip_same: bool, seen: set, possible=None):
    """Pairs of dated nodes (sorted by day) at most `window` days apart, one of them new. Of
    the nodes giving one value of one authority, only those nearest in time before and after a
    node (and those of its own day) are paired with it: what two figures are depends on which
    comes first and on their distance only through "at most so many days", so the nearest
    decides it, and a body repeating its figure daily costs one judgement, not one a day."""
    days = [node.day for node in nodes]
    ids: dict = {}
    value_ids: dict = {}
    classes, values = [], []
    for node in nodes:
        full = _class(node)
        classes.append(ids.setdefault(full, len(ids)))
        values.append(value_ids.setdefault(full[1:], len(value_ids)))  # the class but its authority
    authorities = [node.authority for node in nodes]
    new = [node.new for node in nodes]
    fresh = [i for i, is_new in enumerate(new) if is_new]
    centres = range(len(nodes)) if len(fresh) * 4 >= len(nodes) else fresh
    known: dict = {}
    for i in centres:
        day, authority, is_new, value = days[i], authorities[i], new[i], values[i]
        nearest: dict = {}
        for j in range(bisect_left(days, day - window), bisect_right(days, day + window)):
            if j == i or not (is_new or new[j]) or (skip_same and authorities[j] == authority):
                continue
            if possible is not None:
                pair = (value, values[j])
                ok = known.get(pair)
                if ok is None:
                    ok = known[pair] = possible(nodes[i], nodes[j])
                if not ok:
                    continue
            gap = days[j] - day
            key = (classes[j], (gap > 0) - (gap < 0))
            found = nearest.get(key)
            distance = gap if gap >= 0 else -gap
            if found is None or distance < found[0]:
                nearest[key] = (distance, [j])
            elif distance == found[0]:
                found[1].append(j)
        for _, near in nearest.values():
            for j in near:
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield nodes[pair[0]], nodes[pair[1]]


def _possible(context: ComparisonContext):
    """Whether two values can disagree at all, whoever gives them and whenever: disjoint, about
    places in one hierarchy, of one happening, a share no larger than the other's figure.
    `_nearest` asks it once per pair of kinds of figure, not per pair of figures."""
    return lambda a, b: _may_disagree(a, b, context)


def _may_disagree(a: Node, b: Node, context: ComparisonContext) -> bool:
    x, y = a.rep, b.rep
    if x.value is None or y.value is None:
        return False
    if not values_apart(x, y, context):
        return False
    if _recovered_below(a, b):
        return False
    if (a.part or b.part) and not _same_part(a, b):
        part, other = (a, b) if a.part else (b, a)
        if (a.part and b.part) or can_be_at_most(part.rep.value, other.rep.value):
            return False  # a share no larger than another source's figure can hold beside it
    if scope_relation(x, y, context) == "unrelated":
        return False
    if x.event is not None and y.event is not None and x.event.phase != y.event.phase:
        return _whole_of_waves(x, y) is not None  # one wave's figure against all the waves'
    if x.event is not None and y.event is not None and x.event.day is not None and y.event.day is not None:
        return context.same_happening(x, y)
    return True


def candidate_pairs(nodes: list[Node], near: int, same_authority: int, context: ComparisonContext | None = None):
    """The pairs that can yield a finding at all: authorities further apart than `near` days
    speak of other periods; one authority revising itself is looked at up to `same_authority`."""
    dated = [n for n in nodes if n.day is not None]
    undated = [n for n in nodes if n.day is None]
    possible = _possible(context) if context is not None else None
    yield from _nearest(dated, near, True, set(), possible)
    by_authority: dict = defaultdict(list)
    for node in dated:
        by_authority[node.authority].append(node)
    for items in by_authority.values():
        yield from _nearest(items, same_authority, False, set(), possible)
    for i, node in enumerate(undated):  # an undated figure is compared with every other
        for other in undated[i + 1:] + dated:
            if node.new or other.new:
                yield node, other


def windows(behaviour: str, context: ComparisonContext) -> tuple[int, int]:
    """(days between different authorities, days for one authority) worth judging."""
    s = context.settings
    if behaviour == "fixed":
        return s.fixed_max_days, s.fixed_max_days
    if behaviour == "cumulative":
        near = max(s.same_day_days, s.lower_later_days)
    else:
        near = period_days(behaviour, s)
    return near, max(near, s.update_max_days)


def period_days(behaviour: str, settings) -> int:
    """Days within which two sources' figures of a moving count are one reading: a toll's or a
    count of the moment's day, a stock's short period."""
    return settings.same_day_days if behaviour in ("cumulative", "current") else settings.same_period_days


ANY_SIDE = "*"  # the sides of a fixed fact's finding: every source of either value


def judge_key(fresh: list[Claim], old: list[Claim], context: ComparisonContext, groups: Groups) -> None:
    """Every disagreement among one fact's figures that involves a new figure."""
    nodes = nodes_of(fresh, old, context)
    if len(nodes) < 2:
        return
    near, same = windows(context.behaviour(nodes[0].rep), context)
    fact = (nodes[0].rep.subject, nodes[0].rep.measure)
    if context.settings.parts_within_article:
        mark_parts(nodes, context)
    fixed = context.behaviour(nodes[0].rep) == "fixed"
    replaced = superseded(nodes) if not fixed else (lambda a, b: False)
    rise = told_rise(nodes) if context.behaviour(nodes[0].rep) == "cumulative" else (lambda a, b: False)
    for a, b in candidate_pairs(nodes, near, same, context):
        if replaced(a, b) or rise(a, b) or _recovered_below(a, b):
            continue
        if (a.part or b.part) and not _same_part(a, b):
            part, other = (a, b) if a.part else (b, a)
            if (a.part and b.part) or can_be_at_most(part.rep.value, other.rep.value):
                continue  # a share no larger than another source's figure can hold beside it
        verdict = judge(a.rep, b.rep, context)
        if verdict is not None:
            # a fixed fact has one true value: 7.8 against 7.7 is one disagreement, whoever
            # says each; a toll's is between the bodies that count it
            sides = (a.authority, b.authority) if not fixed or a.authority == b.authority else (ANY_SIDE,)
            groups.add("quantity", fact, sides, verdict, *a.claims, *b.claims,
                       values=(_value_key(a.rep), _value_key(b.rep)))


def told_rise(nodes: list[Node]):
    """Whether an article tells one source's toll rising the same day from one figure of the
    pair to the other ("rose to 179 by Sunday evening, up from 85 in the afternoon"): another
    outlet's 85 of that day is then the earlier reading of one count, not a rival of the 179.
    The earlier figure's own article is no witness for it: there it stands as it was given."""
    told: dict = defaultdict(lambda: ([], []))  # (article, day) -> (earlier figures, later ones), with their speakers
    for node in nodes:
        if node.day is None:
            continue
        for claim in node.claims:
            if claim.value is not None:
                told[(claim.article, node.day)][0 if extra(claim, "earlier") else 1].append((claim.speaker, claim.value))
    # one source's rise: the earlier figure its own or unattributed ("up from 85" beside the fire
    # service's 179 that an echo of it names)
    rises = [(article, day, [v for s, v in earlier if s is None or s == speaker], [value])
             for (article, day), (earlier, later) in told.items() for speaker, value in later]
    rises = [r for r in rises if r[2]]

    def rose(low: Node, high: Node) -> bool:
        return any(day == low.day and low.rep.article != article
                   and any(overlap(e, low.rep.value) for e in earlier) and any(overlap(v, high.rep.value) for v in later)
                   for article, day, earlier, later in rises)

    def rise(a: Node, b: Node) -> bool:
        if not rises or a.day is None or a.day != b.day or a.authority == b.authority:
            return False
        return rose(a, b) or rose(b, a)
    return rise


def superseded(nodes: list[Node]):
    """Whether the earlier of two authorities' figures was revised by its own authority, in the
    same article, before the later one was given: "laporan awal dinasnya menyebut 130 ... turun
    menjadi 125" leaves the office saying 125, not 130, and "the toll was 62 on Monday; on
    Tuesday the agency cut it to 54" leaves the agency at 54 from Tuesday on. A toll or a stock
    is compared with what each body says at the time, not with what it has withdrawn; the same
    figure repeated later (or a floor it meets) withdraws nothing. A revision told in another
    article withdraws nothing here: whether it had arrived would then decide a finding, and
    articles posted in any order must give what a scan gives."""
    said: dict = defaultdict(list)  # (authority, article) -> its figures by day
    for node in nodes:
        if node.day is not None and node.rep.value is not None:
            said[(node.authority, node.rep.article)].append((node.day, node.rep.value, _standing(node)))
    for found in said.values():
        found.sort(key=lambda t: t[0])
    days = {key: [t[0] for t in found] for key, found in said.items()}

    def replaced(a: Node, b: Node) -> bool:
        if a.authority == b.authority or a.day is None or b.day is None:
            return False
        if a.day == b.day:
            return any(_withdrawn(n, n.day, said, days) for n in (a, b))
        early, late = (a, b) if a.day < b.day else (b, a)
        return _withdrawn(early, late.day, said, days)
    return replaced


def _standing(node: Node) -> int:
    """Where a figure stands among its source's figures of one day: -1 a count the article calls
    earlier ("laporan awal"), 1 a new total ("turun menjadi 125", "cut to 125"), else 0."""
    if any(extra(c, "earlier") for c in node.claims):
        return -1
    return 1 if any(extra(c, "revised") for c in node.claims) else 0


def _withdrawn(node: Node, until: int, said: dict, days: dict) -> bool:
    """Whether the node's authority gave another figure after it, up to `until`: a later day,
    or the same day one that stands after it (a new total beside a plain figure, a plain one
    beside a count called earlier). Read from the authority's figures sorted by day, between
    the two days only: the pairs judged lie within the comparison windows."""
    if node.rep.value is None:
        return False
    rank = _standing(node)
    key = (node.authority, node.rep.article)
    found, on = said[key], days[key]
    for i in range(bisect_left(on, node.day), bisect_right(on, until)):
        day, value, standing = found[i]
        if (day > node.day or standing > rank) and not overlap(value, node.rep.value):
            return True
    return False


def judge_containment_keys(parts: list[tuple[Claim, bool]], wholes: list[tuple[Claim, bool]],
                           context: ComparisonContext, groups: Groups) -> None:
    """Parts' figures against their whole's, for pairs close enough in time to be one count."""
    part_nodes = nodes_of([c for c, new in parts if new], [c for c, new in parts if not new], context)
    whole_nodes = nodes_of([c for c, new in wholes if new], [c for c, new in wholes if not new], context)
    if not part_nodes or not whole_nodes:
        return
    if context.settings.parts_within_article:  # an article's share of its total is no whole
        mark_parts(whole_nodes, context)
        whole_nodes = [w for w in whole_nodes if not w.part]
        if not whole_nodes:
            return
    behaviour = context.behaviour(whole_nodes[0].rep)
    settings = context.settings
    window = windows(behaviour, context)[0] if behaviour == "fixed" else \
        settings.same_day_days if behaviour == "current" else settings.same_period_days
    dated = [w for w in whole_nodes if w.day is not None]
    days = [w.day for w in dated]
    undated = [w for w in whole_nodes if w.day is None]
    for part in part_nodes:
        if part.day is None:
            near = whole_nodes
        else:
            near = dated[bisect_left(days, part.day - window):bisect_right(days, part.day + window)] + undated
        for whole in near:
            if not (part.new or whole.new):
                continue
            verdict = judge_containment(part.rep, whole.rep, context)
            if verdict is not None:
                fact = (whole.rep.subject, f"{part.rep.measure}<{whole.rep.measure}")
                groups.add("quantity", fact, (part.authority, whole.authority), verdict,
                           *part.claims, *whole.claims, values=(_value_key(part.rep), _value_key(whole.rep)))
