"""One happening, one subject: a report that names its incident only as "the tragedy" or "the
disaster" (an untyped incident) is about the typed happening other reports of the same country
name ("the stadium crush"), when exactly one such happening fits its days and places.

This is read over the claims being compared (a scan's, or a new article's with the stored
claims it meets), so whichever arrives first, the figures meet under one subject and a finding
has the same fact and id."""
from __future__ import annotations

from dataclasses import replace

from checker.compare.context import ComparisonContext
from checker.model import UNTYPED_EVENT, Claim, EventRef


def untyped_keys(key: tuple, types: tuple[str, ...]) -> set[tuple]:
    """The keys a claim of `key` must also meet: an untyped happening's figures meet every typed
    happening of its country, and a typed one's meet the untyped."""
    kind, subject = key[0], key[1]
    if kind not in ("quantity", "event_date", "stance") or not isinstance(subject, str) or "@" not in subject:
        return set()
    if kind == "stance" and not subject.endswith(".figure"):
        return set()  # a stance meets others through its proposition; only a figure's names a happening
    kind_of, rest = subject.split("@", 1)  # rest: the country, and for a stance ".<measure>.figure"
    if kind_of == UNTYPED_EVENT:
        return {(kind, f"{t}@{rest}", *key[2:]) for t in types}
    return {(kind, f"{UNTYPED_EVENT}@{rest}", *key[2:])}


def typed_happenings(claims: list[Claim], context: ComparisonContext) -> list[Claim]:
    """Each untyped happening's claims retyped to the one typed happening of its country whose
    days and places fit it; left as they are when none or several fit."""
    typed = {}
    for claim in claims:
        event = claim.event
        if event is not None and event.typed:
            typed.setdefault((event.type, event.country, event.place, event.day, event.phase), claim)
    if not typed:
        return claims
    out = []
    for claim in claims:
        event = claim.event or _figure_event(claim)
        if event is None or event.typed:
            out.append(claim)
            continue
        fits = {t.event.type for t in typed.values()
                if t.event.country == event.country and context.same_happening(claim, t)}
        out.append(_retyped(claim, event, fits.pop()) if len(fits) == 1 else claim)
    return out


def _figure_event(claim: Claim) -> EventRef | None:
    """The untyped happening a stance on a figure is about ("incident@indonesia.deaths.figure")."""
    prefix = f"{UNTYPED_EVENT}@"
    if claim.kind != "stance" or not (claim.proposition or "").startswith(prefix):
        return None
    return EventRef(UNTYPED_EVENT, claim.proposition[len(prefix):].split(".", 1)[0])


def _retyped(claim: Claim, old: EventRef, kind: str) -> Claim:
    event = EventRef(kind, old.country, old.place, old.day, old.phase)
    subject = event.id if claim.subject == old.id else claim.subject
    proposition = claim.proposition
    if proposition and proposition.startswith(old.id + "."):
        proposition = event.id + proposition[len(old.id):]
    return replace(claim, event=event if claim.event is not None else None, subject=subject,
                   proposition=proposition)
