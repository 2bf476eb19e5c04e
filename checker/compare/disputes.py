"""Disputed facts: every fact with a disagreement, with its values by source and reference time.

A reviewer reads a fact first (the dead of one stadium disaster; North Korea's troops in Russia),
then who said what when: which values conflict, which are corrections, which are only the toll's
timeline. The report's `facts` section is made here from the report's own claims and findings,
so a stored or partial report shows the facts of what it holds.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Mapping

from checker.compare.context import ComparisonContext, extra, is_share
from checker.compare.findings import RANK
from checker.compare.semantics import default_semantics
from checker.compare.settings import FINDING_TYPES, FLAG_TYPES, CompareSettings
from checker.compare.wording import day_text, display_name, fact_text, outlet_text, proposition_text, wording_of
from checker.model import Article, Claim, Finding

TYPE_STRENGTH = {t: i for i, t in enumerate(FINDING_TYPES)}


@functools.lru_cache(maxsize=1)
def default_settings() -> CompareSettings:
    from pathlib import Path

    from checker.compare.settings import compile_settings
    from checker.rulebook import load_rule_file

    path = Path(__file__).resolve().parent.parent.parent / "rules" / "compare.yaml"
    return compile_settings([load_rule_file(path).data])


def fact_key(claim: Claim) -> tuple | None:
    if claim.kind == "quantity" and claim.subject and claim.measure:
        return ("quantity", claim.subject, claim.measure)
    if claim.kind == "stance" and claim.proposition:
        return ("stance", claim.proposition)
    if claim.kind == "event_date" and claim.subject and claim.measure:
        return ("event_date", claim.subject, claim.measure)
    return None


def _happenings(claims: list[Claim], window: int) -> list[list[Claim]]:
    """One key's claims split into happenings: by wave (EventRef.phase), then event days chained
    within `window` days; claims without an event day go with the happening nearest in time (one
    when there is one only)."""
    phases: dict = defaultdict(list)
    for claim in claims:
        phases[claim.event.phase if claim.event is not None else None].append(claim)
    if len(phases) > 1:
        return [cluster for phase in sorted(phases, key=str) for cluster in _happenings(phases[phase], window)]
    dated = sorted((c for c in claims if c.event is not None and c.event.day is not None),
                   key=lambda c: (c.event.day, c.id))
    clusters: list[list[Claim]] = []
    for claim in dated:
        if clusters and (claim.event.day - clusters[-1][-1].event.day).days <= window:
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    rest = [c for c in claims if c.event is None or c.event.day is None]
    if not clusters:
        return [rest] if rest else []
    if len(clusters) == 1:
        clusters[0] += rest
        return clusters
    for claim in rest:  # the happening whose days lie nearest the figure's date
        day = claim.when or date.min
        nearest = min(clusters, key=lambda cl: (abs((cl[0].event.day - day).days), cl[0].event.day))
        nearest.append(claim)
    return clusters


def _value(claim: Claim) -> object:
    if claim.kind == "stance":
        return claim.stance
    if claim.kind == "event_date":
        if claim.when is None:
            return None
        until = extra(claim, "until")  # a run of days, as an ISO 8601 interval: "2024-09-17/2024-09-18"
        return claim.when.isoformat() + (f"/{until.isoformat()}" if until is not None and until > claim.when else "")
    v = claim.value
    if v is None:
        return None
    return {"low": v.low, "high": v.high, "unit": claim.unit, "low_open": v.low_open, "high_open": v.high_open}


def _grew(entry: dict, values: list[dict]) -> bool:
    value = entry["value"]
    if not isinstance(value, dict) or value.get("low") is None or entry["when"] is None:
        return False
    return any(isinstance(other["value"], dict) and other["value"].get("high") is not None
               and other["when"] is not None and other["when"] < entry["when"]
               and other["value"]["high"] < value["low"] for other in values)


def _label(key: tuple, cluster: list[Claim], names) -> str:
    w = wording_of(names)
    if key[0] == "stance":
        return w.phrase("stances_on", proposition=proposition_text(key[1], w))
    if key[0] == "event_date":
        what = w.get("event." + key[2]) or key[2].replace("_", " ")
        if "@" in key[1]:  # the date the crowd disaster in Indonesia occurred
            return w.phrase("date_of_incident", subject=display_name(key[1], w), event=what)
        return w.phrase("date_of_actor_event", subject=display_name(key[1], w), event=what)
    label = fact_text(key[1], key[2], w)
    days = sorted(c.event.day for c in cluster if c.event is not None and c.event.day is not None)
    return w.phrase("fact_on_day", fact=label, day=day_text(days[0], w)) if days else label


def _fact_id(key: tuple, cluster: list[Claim]) -> str:
    if key[0] == "stance":
        return "stance:" + key[1]
    days = sorted(c.event.day for c in cluster if c.event is not None and c.event.day is not None)
    parts = [key[1], key[2]] + ([days[0].isoformat()] if days else [])
    return ("date:" if key[0] == "event_date" else "") + ":".join(parts)


def disputed_facts(articles: Mapping[str, Article] | Iterable[Article], claims: Iterable[Claim],
                   findings: Iterable[Finding], settings: CompareSettings | None = None,
                   names=None) -> list[dict]:
    """The report's `facts` section: each fact a flagged finding touches, with all its values,
    labelled in the wording `names` gives (default: the default report language)."""
    settings = settings or default_settings()
    if not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    context = ComparisonContext(settings, default_semantics(), articles, lambda a, b: a == b, lambda a: a)
    names = names if names is not None else dict(settings.names)
    claims = [c for c in claims if not is_share(c)]
    findings = list(findings)
    by_claim: dict = defaultdict(list)
    for finding in findings:
        for claim_id in finding.claims:
            by_claim[claim_id].append(finding)
    disputed_keys = {fact_key(c) for c in claims
                     if any(f.type in FLAG_TYPES and f.dimension != "duration" for f in by_claim.get(c.id, []))}
    disputed_keys.discard(None)
    by_key: dict = defaultdict(list)
    for claim in claims:
        key = fact_key(claim)
        if key in disputed_keys:
            by_key[key].append(claim)
    facts = []
    for key, key_claims in by_key.items():
        for cluster in _happenings(key_claims, settings.same_happening_days):
            touching = {f.id: f for c in cluster for f in by_claim.get(c.id, [])}
            if not any(f.type in FLAG_TYPES for f in touching.values()):
                continue
            facts.append(_fact(key, cluster, touching, by_claim, context, names))
    facts.sort(key=lambda f: (f.pop("rank"), f["label"], f["id"]))
    return facts


def _fact(key: tuple, cluster: list[Claim], touching: dict, by_claim: dict, context: ComparisonContext,
          names: dict) -> dict:
    groups: dict = {}
    for claim in sorted(cluster, key=lambda c: (context.order_key(c), c.article, c.evidence.start, c.id)):
        when = context.reference_date(claim)
        value = _value(claim)
        part = extra(claim, "day_part")  # "Selasa pagi": one body's morning and night values are two
        # a stance held over a period ("In April, ..."): its last day
        until = extra(claim, "until") if claim.kind == "stance" and claim.when == when else None
        group_key = (context.authority(claim), when, until, part, repr(value))
        entry = groups.get(group_key)
        if entry is None:
            entry = groups[group_key] = {
                "value": value, "when": when.isoformat() if when else None,
                "until": until.isoformat() if until else None, "day_part": part,
                "source": display_name(claim.speaker, names) if claim.speaker else outlet_text(claim, context, names),
                "speaker": claim.speaker, "outlets": [], "claims": [], "articles": [], "findings": []}
        entry["claims"].append(claim.id)
        if claim.article not in entry["articles"]:
            entry["articles"].append(claim.article)
        outlet = outlet_text(claim, context, names)
        if outlet not in entry["outlets"]:
            entry["outlets"].append(outlet)
        for finding in by_claim.get(claim.id, []):
            if finding.id not in entry["findings"]:
                entry["findings"].append(finding.id)
    values = list(groups.values())
    behaviour = context.behaviour(cluster[0])
    for entry in values:
        types = [touching[f].type for f in entry["findings"] if f in touching]
        if types:
            entry["status"] = min(types, key=lambda t: TYPE_STRENGTH.get(t, 9))
        elif behaviour != "fixed" and _grew(entry, values):
            entry["status"] = "update"  # a later, higher figure than one given before: the timeline
        else:
            entry["status"] = "consistent"
    wheres = Counter(c.where for c in cluster if c.where)
    found = sorted(touching.values(), key=lambda f: (RANK.get(f.type, 9), f.id))
    return {"id": _fact_id(key, cluster), "kind": key[0], "subject": key[1] if key[0] != "stance" else None,
            "measure": key[2] if len(key) > 2 else None,
            "proposition": key[1] if key[0] == "stance" else None,
            "where": wheres.most_common(1)[0][0] if wheres else None,
            "label": _label(key, cluster, names),
            "behaviour": behaviour,
            "values": values,
            "findings": [f.id for f in found],
            "rank": min((RANK.get(f.type, 9) for f in found if f.type in FLAG_TYPES), default=9)}
