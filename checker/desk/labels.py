"""Readable labels for the ids the engine works in (actors, events, places, measures, facts),
spelt the way the compare stage's summaries spell them: from the `names` of rules/compare.yaml,
title case otherwise. Reviewers never see `north_korea / troops`."""
from __future__ import annotations

import functools

from checker.compare import wording


@functools.lru_cache(maxsize=1)
def names() -> dict:
    from checker.compare.disputes import default_settings

    return dict(default_settings().names)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def name(ident: str | None) -> str:
    """An actor, a place or an event subject: 'North Korea', 'the crowd disaster in Indonesia'."""
    return wording.display_name(ident, names()) if ident else ""


def measure(ident: str | None) -> str:
    return (names().get(f"measure.{ident}") or ident or "").replace("_", " ")


def proposition(ident: str | None) -> str:
    return wording.proposition_text(ident, names()).strip("\u201c\u201d")


def fact(key: str | None) -> str:
    """A fact key as the store writes it: 'Troops of North Korea', 'North Korea deployment in
    Russia', 'Date of the crowd disaster in Indonesia'."""
    if not key:
        return ""
    kind, _, rest = key.partition("|")
    if kind == "stance":
        return _capital(proposition(rest))
    subject, _, what = rest.partition("|")
    if kind == "event_date" and "@" in subject:
        return _capital(f"date of {wording.subject_text(subject, names())}")
    if kind == "event_date":
        return _capital(f"date of the {measure(what) or 'event'} of {name(subject) or 'an unnamed party'}")
    if kind == "duration":
        return _capital(f"length of the {measure(what)}" + (f" ({name(subject)})" if subject else ""))
    return _capital(wording.fact_text(subject or None, what or None, names()))
