"""The compare stage: claims -> findings, only ever within one fact.

`compare(new, stored, ...)` checks freshly extracted claims against the store: the work grows
with the claims that share the new claims' facts (and the facts that contain them or that they
contain), never with the whole store. `compare_all` is a scan: every claim is new.

A finding is one disagreement: one fact, one pair of authorities (or one article quoting two
bodies), one type, with every claim behind it (see findings.py). The measure's behaviour
(rules/common/facts.yaml) decides what differing figures mean (quantities.py); the tolerances
are in rules/compare.yaml, whose claim-pair examples are the specification.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from typing import Callable, Iterable, Mapping

from checker.compare.context import ComparisonContext, figure_fact, is_share
from checker.compare.findings import FINGERPRINT_SCHEME, Groups, make_finding, rank
from checker.compare.happenings import typed_happenings, untyped_keys
from checker.compare.near_duplicates import near_duplicate_findings
from checker.compare.quantities import judge_containment_keys, judge_key
from checker.compare.semantics import Semantics, default_semantics
from checker.compare.settings import FINDING_TYPES, FLAG_TYPES, CompareSettings
from checker.compare.stances import compare_stances, figure_turns
from checker.compare.summaries import summarise
from checker.compare.timing import check_duration, compare_event_dates
from checker.compare.wording import report_wording, wording_of
from checker.model import Article, Claim, Finding

__all__ = ["as_compared", "compare", "compare_all", "related_keys", "CompareSettings", "FINDING_TYPES", "FLAG_TYPES",
           "FINGERPRINT_SCHEME"]


def _language_rules(rules):
    """Accept the whole rule book, one language's rules, or bare settings."""
    if hasattr(rules, "for_language"):
        return rules.shared()  # compare rules and the hierarchies apply to every language
    return rules


def _semantics(rules) -> Semantics:
    if isinstance(rules, Semantics):
        return rules
    language_rules = _language_rules(rules)
    if isinstance(language_rules, CompareSettings):
        return default_semantics()
    return language_rules.get("facts") or default_semantics()


def _regions_abroad(government_of: Callable[[str], str], places) -> Callable[[str], str]:
    """A regional body's government is its region's country: Tokyo's governor and Hatay's speak
    for Japan and Turkey (a body kind alone, "provincial_government", is Indonesia's; an
    unplaced "regional_government" was no state at all)."""
    def of(actor: str) -> str:
        _, at, region = actor.partition("@")
        if at and region in places.parents:
            return places.country(region)
        return government_of(actor)
    return of


def make_context(rules, articles, within=None, government_of=None) -> ComparisonContext:
    language_rules = _language_rules(rules)
    if isinstance(language_rules, CompareSettings):
        settings, places, actors = language_rules, None, None
    else:
        settings = language_rules["compare"]
        places, actors = language_rules.get("places"), language_rules.get("actors")
    if within is None:
        within = places.within if places is not None else (lambda inner, outer: inner == outer)
    within = functools.lru_cache(maxsize=65536)(within)  # a pure lookup, asked again and again
    if government_of is None:
        government_of = actors.government if actors is not None else (lambda actor: actor)
        if places is not None:
            government_of = _regions_abroad(government_of, places)
    if not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    country_of = places.country if places is not None else None
    return ComparisonContext(settings, _semantics(rules), articles, within, government_of, country_of=country_of)


def comparable(claim: Claim) -> bool:
    """Claims that can take part at all: a share of a figure is no value of the whole,
    and a figure or event without a subject cannot be matched to anyone else's."""
    if is_share(claim):
        return False
    if claim.kind in ("quantity", "event_date"):
        return bool(claim.subject and claim.measure)
    if claim.kind == "stance":
        return bool(claim.proposition)
    return claim.kind == "duration"


def _incident_types(rules) -> tuple[str, ...]:
    if isinstance(rules, (Semantics, CompareSettings)):
        return ()
    incidents = _language_rules(rules).get("incidents")
    return incidents.order if incidents is not None else ()


def related_keys(keys: Iterable[tuple], rules) -> set[tuple]:
    """The keys a claim of each key must meet: its own, for a figure the facts that contain it
    or that it contains (deaths meets casualties), and for a happening's figures those of the
    same country's untyped or typed happenings (see happenings). The store loads these for a
    new article."""
    semantics, types = _semantics(rules), _incident_types(rules)
    found = _related_keys(keys, semantics)
    # one step across typing only: a typed happening's keys meet the untyped, an untyped one's
    # every type; never typed -> untyped -> every type (that made a post read four times the keys)
    return found | _related_keys({k for key in found for k in untyped_keys(key, types)}, semantics)


def _related_keys(keys: Iterable[tuple], semantics: Semantics) -> set[tuple]:
    found = set()
    for key in keys:
        found.add(key)
        if key[0] == "quantity":
            found.update(("quantity", key[1], other) for other in semantics.related(key[2]))
            if _turns(key[2], semantics):
                found.add(("stance", f"{key[1]}.{key[2]}.figure"))  # a body's stance on the figure
        elif key[0] == "stance" and (fact := figure_fact(key[1])) is not None and _turns(fact[1], semantics):
            found.add(("quantity", *fact))
    return found


def _turns(measure: str | None, semantics: Semantics) -> bool:
    """Whether a later figure can reverse a denial of it: not for a stock or a count of the
    moment, which move ("no more than 3,000 there" and, a month on, 4,000 can both be true)."""
    return semantics.behaviour_of(measure) not in ("stock", "current")


def _figures(by_key_new: dict, by_key_old: dict, new_ids: set, context: ComparisonContext, groups: Groups) -> None:
    """Stances on figures against the figures their bodies give later (figure_turns)."""
    facts = {fact for key in by_key_new if key[0] == "stance" and (fact := figure_fact(key[1])) is not None}
    facts |= {(key[1], key[2]) for key in by_key_new if key[0] == "quantity"
              and ("stance", f"{key[1]}.{key[2]}.figure") in by_key_old}
    for subject, measure in sorted(facts):
        if not _turns(measure, context.semantics):
            continue
        stance_key, figure_key = ("stance", f"{subject}.{measure}.figure"), ("quantity", subject, measure)
        stances = by_key_new.get(stance_key, []) + by_key_old.get(stance_key, [])
        figures = by_key_new.get(figure_key, []) + by_key_old.get(figure_key, [])
        if stances and figures:
            figure_turns(stances, figures, new_ids, context, groups)


def _containment(by_key_new: dict, by_key_old: dict, context: ComparisonContext, groups: Groups) -> None:
    semantics = context.semantics
    subjects = {key[1] for key in by_key_new if key[0] == "quantity"}
    for subject in sorted(subjects, key=str):
        for whole, parts, _ in semantics.wholes:
            whole_key = ("quantity", subject, whole)
            wholes = [(c, True) for c in by_key_new.get(whole_key, [])] + \
                     [(c, False) for c in by_key_old.get(whole_key, [])]
            if not wholes:
                continue
            for part in parts:
                part_key = ("quantity", subject, part)
                items = [(c, True) for c in by_key_new.get(part_key, [])] + \
                        [(c, False) for c in by_key_old.get(part_key, [])]
                if items and (whole_key in by_key_new or part_key in by_key_new):
                    judge_containment_keys(items, wholes, context, groups)


def compare(new: Iterable[Claim], stored: Iterable[Claim], articles: Mapping[str, Article] | Iterable[Article],
            rules, *, within: Callable[[str, str], bool] | None = None,
            government_of: Callable[[str], str] | None = None, report_language: str | None = None,
            fresh_articles: Iterable[str] | None = None, lines: Mapping[str, list] | None = None) -> list[Finding]:
    """Findings that involve at least one new claim (or, near-duplicates, an article of
    `fresh_articles`, default the new claims' articles), the real disagreements first, their
    summaries in `report_language` (default: the rules' default report language). `lines`: the
    articles' sentences as the near-duplicate check reads them, where already read (a scan reads
    them on its extraction processes), by article id."""
    new = list(new)
    context = make_context(rules, articles, within, government_of)
    if hasattr(rules, "for_language"):
        names = report_wording(rules, report_language, context.settings.names)
    else:
        names = wording_of(dict(context.settings.names))
    # a forecast ("could exceed 10,000") meets no rival, nor stands nearest to one in its place
    unread = context.settings.uncompared_modalities
    fresh = [c for c in new if comparable(c) and c.modality not in unread]
    new_ids = {c.id for c in fresh}
    wanted = related_keys({c.key() for c in fresh}, rules) if fresh else set()
    old = [c for c in stored if c.id not in new_ids and c.key() in wanted and comparable(c)
           and c.modality not in unread]
    both = typed_happenings(fresh + old, context)
    by_key_new: dict = defaultdict(list)
    for claim in both[:len(fresh)]:
        by_key_new[claim.key()].append(claim)
    wanted = _related_keys(by_key_new, context.semantics)
    by_key_old: dict = defaultdict(list)
    for claim in both[len(fresh):]:
        if claim.key() in wanted:
            by_key_old[claim.key()].append(claim)
    groups = Groups()
    singles: list[Finding] = []
    for key in sorted(by_key_new, key=lambda k: tuple(str(p) for p in k)):
        fresh_here, old_here = by_key_new[key], by_key_old.get(key, [])
        kind = key[0]
        if kind == "quantity":
            judge_key(fresh_here, old_here, context, groups)
        elif kind == "stance":
            compare_stances(fresh_here + old_here, new_ids, context, groups)
        elif kind == "duration":
            singles += [f for c in fresh_here if (f := check_duration(c, fresh_here + old_here, context, names))]
        else:
            compare_event_dates(fresh_here, old_here, context, groups)
    _containment(by_key_new, by_key_old, context, groups)
    _figures(by_key_new, by_key_old, new_ids, context, groups)
    findings = {f.id: f for f in singles}
    for group in groups:
        finding = make_finding(context, group, summarise(group, context, names))
        findings.setdefault(finding.id, finding)
    fresh_articles = {c.article for c in new} if fresh_articles is None else fresh_articles
    for finding in near_duplicate_findings(context, rules, fresh_articles, new + old, names, lines):
        findings.setdefault(finding.id, finding)
    return sorted(findings.values(), key=rank)


def as_compared(claims: Iterable[Claim], articles, rules) -> list[Claim]:
    """The claims as compare reads them together: an untyped happening's claims under the typed
    happening they meet (see happenings)."""
    return typed_happenings(list(claims), make_context(rules, articles))


def compare_all(claims: Iterable[Claim], articles, rules, **options) -> list[Finding]:
    """A scan: every claim against every other claim of its fact, every article's sentences
    against every other's (near-duplicates)."""
    if not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    return compare(list(claims), [], articles, rules, fresh_articles=tuple(articles), **options)
