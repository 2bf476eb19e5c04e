"""The compare stage: claims -> findings, only ever within one comparison key.

`compare(new, stored, ...)` checks freshly extracted claims against the store: the work grows
with the claims that share the new claims' keys, never with the whole store. `compare_all`
is a scan: every claim is new.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Mapping

from checker.compare.context import ComparisonContext, in_related_link
from checker.compare.quantities import compare_pair
from checker.compare.settings import CompareSchema, CompareSettings, compile_settings
from checker.compare.stances import compare_stances
from checker.compare.timing import check_duration, compare_event_dates
from checker.model import Article, Claim, Finding
from checker.rulebook import RuleKind, register_kind

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}

__all__ = ["compare", "compare_all", "CompareSettings"]


def _language_rules(rules):
    """Accept the whole rule book, one language's rules, or bare settings."""
    if hasattr(rules, "for_language"):
        return rules.for_language("id")  # compare rules and the hierarchies apply to every language
    return rules


def make_context(rules, articles, within=None, government_of=None) -> ComparisonContext:
    language_rules = _language_rules(rules)
    if isinstance(language_rules, CompareSettings):
        settings, places, actors = language_rules, None, None
    else:
        settings = language_rules["compare"]
        places, actors = language_rules.get("places"), language_rules.get("actors")
    if within is None:
        within = places.within if places is not None else (lambda inner, outer: inner == outer)
    if government_of is None:
        government_of = actors.government if actors is not None else (lambda actor: actor)
    if not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    return ComparisonContext(settings, articles, within, government_of)


def comparable(claim: Claim) -> bool:
    """Claims that can take part at all: a related-link headline belongs to another article,
    and a figure or event without a subject cannot be matched to anyone else's."""
    if in_related_link(claim):
        return False
    if claim.kind in ("quantity", "event_date"):
        return bool(claim.subject and claim.measure)
    if claim.kind == "stance":
        return bool(claim.proposition)
    return claim.kind == "duration"


def _compare_key(kind: str, fresh: list[Claim], old: list[Claim], new_ids: set,
                 context: ComparisonContext, names: dict) -> list[Finding]:
    if kind == "stance":
        return compare_stances(fresh + old, new_ids, context, names)
    if kind == "duration":
        return [f for c in fresh if (f := check_duration(c, fresh + old, context, names))]
    pairwise = compare_pair if kind == "quantity" else compare_event_dates
    return [f for a, b in candidate_pairs(kind, fresh, old, context)
            if (f := pairwise(a, b, context, names))]


def _sweep(items: list, window: int):
    """Pairs of (day, is_new, claim) items at most `window` days apart, one of them new;
    items sorted by day, so the cost grows with the claims inside the window only."""
    for i, (day, new, claim) in enumerate(items):
        for other_day, other_new, other in items[i + 1:]:
            if other_day - day > window:
                break
            if new or other_new:
                yield claim, other, other_day - day


def candidate_pairs(kind: str, fresh: list[Claim], old: list[Claim], context: ComparisonContext):
    """The pairs of one key that can yield a finding at all: figures further apart than the
    time windows are other periods, unless one authority revises itself (an update)."""
    settings = context.settings
    if kind == "quantity":
        near, same_authority = settings.time_discrepancy_days, settings.update_max_days
    else:
        near, same_authority = settings.same_event_days, 0
    dated, undated = [], []
    for claim, new in [(c, True) for c in fresh] + [(c, False) for c in old]:
        day = context.reference_date(claim)
        (dated if day else undated).append((day.toordinal() if day else 0, new, claim))
    dated.sort(key=lambda item: item[0])
    for a, b, _ in _sweep(dated, near):
        yield a, b
    if same_authority > near:
        by_authority: dict = defaultdict(list)
        for item in dated:
            by_authority[context.authority(item[2])].append(item)
        for items in by_authority.values():
            for a, b, gap in _sweep(items, same_authority):
                if gap > near:
                    yield a, b
    # an undated claim cannot be placed in time: it is compared with every other
    for i, (_, new, claim) in enumerate(undated):
        for _, other_new, other in undated[i + 1:] + dated:
            if new or other_new:
                yield claim, other


def compare(new: Iterable[Claim], stored: Iterable[Claim], articles: Mapping[str, Article] | Iterable[Article],
            rules, *, within: Callable[[str, str], bool] | None = None,
            government_of: Callable[[str], str] | None = None) -> list[Finding]:
    """Findings that involve at least one new claim, most severe first."""
    context = make_context(rules, articles, within, government_of)
    names = dict(context.settings.names)
    fresh = [c for c in new if comparable(c)]
    new_ids = {c.id for c in fresh}
    by_key_new: dict = defaultdict(list)
    for claim in fresh:
        by_key_new[claim.key()].append(claim)
    by_key_old: dict = defaultdict(list)
    for claim in stored:
        if claim.id not in new_ids and claim.key() in by_key_new and comparable(claim):
            by_key_old[claim.key()].append(claim)
    findings: dict[str, Finding] = {}
    for key, claims in by_key_new.items():
        for finding in _compare_key(key[0], claims, by_key_old.get(key, []), new_ids, context, names):
            findings.setdefault(finding.id, finding)
    return sorted(findings.values(), key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.type,
                                                    f.articles, f.id))


def compare_all(claims: Iterable[Claim], articles, rules, **hierarchy) -> list[Finding]:
    """A scan: every claim against every other claim of its key."""
    return compare(list(claims), [], articles, rules, **hierarchy)


def _run_example(example: dict, language_rules):
    from checker.compare.examples import run_example

    return run_example(example, language_rules)


register_kind(RuleKind("compare", CompareSchema, compile_settings, _run_example))
