"""Readable labels for the ids the engine works in (actors, events, places, measures, facts),
spelt the way the compare stage's summaries spell them: from the `names` of rules/compare.yaml
and the reader's language's wording (`w`, default: the default report language's), title case
otherwise. Reviewers never see `north_korea / troops`."""
from __future__ import annotations

import functools

from checker.compare import wording


@functools.lru_cache(maxsize=1)
def names() -> dict:
    from checker.compare.disputes import default_settings

    return dict(default_settings().names)


def _words(w):
    """`w`, or the default report language's wording with the compare settings' names."""
    return w if w is not None else wording.wording_of(names())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def name(ident: str | None, w=None) -> str:
    """An actor, a place or an event subject: 'North Korea', 'the crowd disaster in Indonesia'."""
    return wording.display_name(ident, _words(w)) if ident else ""


def measure(ident: str | None, w=None) -> str:
    return (_words(w).get(f"measure.{ident}") or ident or "").replace("_", " ")


def proposition(ident: str | None, w=None) -> str:
    return wording.proposition_text(ident, _words(w)).strip("\u201c\u201d")


def fact(key: str | None, w=None) -> str:
    """A fact key as the store writes it: 'Troops of North Korea', 'North Korea deployment in
    Russia', 'Date of the crowd disaster in Indonesia' (in `w`'s language)."""
    if not key:
        return ""
    w = _words(w)
    kind, _, rest = key.partition("|")
    if kind == "stance":
        return _capital(proposition(rest, w))
    subject, _, what = rest.partition("|")
    if kind == "event_date" and "@" in subject:
        return _capital(_ui(w, "fact_date_of_incident", subject=wording.subject_text(subject, w)))
    if kind == "event_date":
        return _capital(_ui(w, "fact_date_of_event", event=measure(what, w) or w.phrase("event"),
                            subject=name(subject, w) or w.phrase("unnamed_party")))
    if kind == "duration":
        return _capital(_ui(w, "fact_length", measure=measure(what, w)) + (f" ({name(subject, w)})" if subject else ""))
    return _capital(wording.fact_text(subject or None, what or None, w))


def _ui(w, key: str, **values) -> str:
    """A dashboard label of `w`'s language (checker.desk.reader), filled in."""
    from checker.desk import reader

    template = w.get(reader.UI + key) or reader.wording(None).names[reader.UI + key]
    return reader.FIELD.sub(lambda m: str(values[m.group(1)]), template)
