"""One-sentence English summaries a reviewer can act on: figures, outlets, dates."""
from __future__ import annotations

import functools
from datetime import date

from checker.compare.context import ComparisonContext, figure_written
from checker.model import Claim, Interval

PREPOSITIONS = {"in", "to", "at", "from", "of", "on", "into"}


def display_name(ident: str | None, names: dict) -> str:
    if not ident:
        return "an unnamed party"
    if ident in names:
        return names[ident]
    if "@" in ident:  # an event subject: crowd_disaster@indonesia
        return subject_text(ident, names)
    return " ".join(w.capitalize() for w in ident.split("_"))


def subject_text(subject: str | None, names: dict) -> str:
    """North Korea | the crowd disaster in Indonesia"""
    if not subject:
        return "an unnamed party"
    kind, at, country = subject.partition("@")
    if not at:
        return display_name(subject, names)
    place = display_name(country, names) if country and country != "unknown" else ""
    what = names.get(kind) or kind.replace("_", " ")
    if not (what.startswith("the ") or what[:1].isupper()):
        what = "the " + what  # a kind of event, or a kind of body of a region (bpbd@east_java)
    return f"{what} in {place}" if place else what


def fact_text(subject: str | None, measure: str | None, names: dict) -> str:
    """deaths in the crowd disaster in Indonesia | troops of North Korea"""
    measure_text = (names.get("measure." + (measure or "")) or (measure or "units")).replace("_", " ")
    if subject and "@" in subject:
        return f"{measure_text} in {subject_text(subject, names)}"
    return f"{measure_text} of {display_name(subject, names)}"


def day_text(day: date | None) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}" if day else "undated"


def number_text(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def interval_text(value: Interval | None, scale: float = 1.0) -> str:
    """8,000 | 9,000-11,000 | more than 600,000 | up to 50 (values divided by `scale`)."""
    if value is None:
        return "an unstated figure"
    low = None if value.low is None else value.low / scale
    high = None if value.high is None else value.high / scale
    if low is not None and high is not None:
        if low == high:
            return number_text(low)
        return f"{number_text(low)}\u2013{number_text(high)}"
    if low is not None:
        return f"{'more than' if value.low_open else 'at least'} {number_text(low)}"
    if high is not None:
        return f"{'fewer than' if value.high_open else 'up to'} {number_text(high)}"
    return "an unbounded figure"


@functools.lru_cache(maxsize=64)
def seconds_per(unit: str) -> float:
    """Seconds in one `unit` through pint, as the duration recogniser counts them."""
    return float(_units().Quantity(1, unit).to("second").magnitude) if unit else 1.0


@functools.lru_cache(maxsize=1)
def _units():
    import pint

    return pint.UnitRegistry()


def source_text(claim: Claim, context: ComparisonContext) -> str:
    """Tribunnews (3 Nov 2024)"""
    return f"{context.outlet(claim)} ({day_text(context.published(claim))})"


def source_inline(claim: Claim, context: ComparisonContext) -> str:
    """Tribunnews, 3 Nov 2024 (for use inside parentheses)"""
    return f"{context.outlet(claim)}, {day_text(context.published(claim))}"


def figure_text(claim: Claim) -> str:
    written = figure_written(claim)
    stated = interval_text(claim.value)
    return f"{stated} (\u201c{written}\u201d)" if written and str(written) != stated else stated


def quantity_text(claim: Claim, context: ComparisonContext, names: dict) -> str:
    parts = [figure_text(claim), (claim.measure or "units").replace("_", " ")]
    if claim.subject and "@" in claim.subject:
        parts.append(f"in {subject_text(claim.subject, names)}")
    elif claim.subject:
        parts.append(f"of {display_name(claim.subject, names)}")
    if claim.where:
        parts.append(f"in {display_name(claim.where, names)}")
    if claim.modality != "actual":
        parts.append(f"({names.get('modality.' + claim.modality, claim.modality)})")
    if claim.speaker:
        parts.append(f"according to {display_name(claim.speaker, names)}")
    return " ".join(parts)


def proposition_text(proposition: str | None, names: dict) -> str:
    if not proposition:
        return "an unstated proposition"
    subject, _, rest = proposition.partition(".")
    topic, _, place = rest.partition(".")
    words = [display_name(subject, names)] + topic.split("_")
    if place and place != "unknown":
        if words[-1] not in PREPOSITIONS:
            words.append("in")
        words.append(display_name(place, names))
    return "\u201c" + " ".join(words) + "\u201d"


def stance_verb(stance: str | None, past: bool = False) -> str:
    verbs = {"confirm": ("confirms", "confirmed"), "deny": ("denies", "denied")}
    present, past_form = verbs.get(stance or "", (stance or "states", stance or "stated"))
    return past_form if past else present


def speaker_text(claim: Claim, names: dict) -> str:
    return display_name(claim.speaker or claim.subject, names)


def who_text(claim: Claim, context: ComparisonContext, names: dict) -> str:
    """Whose figure it is: the body that gave it, else the outlet in its own voice."""
    return display_name(claim.speaker, names) if claim.speaker else context.outlet(claim)


def count_text(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def listing(words: tuple[str, ...] | list[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
