"""The rule files' `examples:` for dates and durations, run as tests/test_rule_examples.py runs
every kind's."""
from __future__ import annotations

from datetime import date

from checker.recognise.dates.durations import find_durations
from checker.recognise.dates.scan import find_dateline, find_dates
from checker.rulebook import LanguageRules
from checker.units import seconds_per


def _expected_dates(example: dict) -> list:
    """(text, first day, grain, last day): `last` only when the example gives it."""
    return [(e.get("text"), _iso(e["day"]), e.get("grain", "day"), _iso(e["last"]) if "last" in e else None)
            for e in example.get("expect", [])]


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _ref(example: dict) -> date | None:
    ref = example.get("ref")
    if ref is None or isinstance(ref, date):
        return ref
    return date.fromisoformat(str(ref))


def run_dates_example(example: dict, rules: LanguageRules):
    if "dateline" in example:  # a date-line example: the publication date it yields
        found = find_dateline(example["text"], rules)
        expected = example["dateline"]
        return (_iso(expected) if expected else None), (found.isoformat() if found else None)
    expected = _expected_dates(example)
    found = find_dates(example["text"], rules, _ref(example))
    actual = [((m.text if e[0] is not None else None), m.value.day.isoformat(), m.value.grain,
               m.value.end.isoformat() if e[3] is not None else None)
              for m, e in zip(found, expected + [(None, None, None, None)] * len(found))]
    return expected, actual


def run_durations_example(example: dict, rules: LanguageRules):
    expected = []
    for e in example.get("expect", []):
        expected.append({"text": e.get("text"), "low": e.get("low"), "high": e.get("high"),
                         "since": _iso(e["since"]) if e.get("since") else None})
    actual = []
    for m, e in zip(find_durations(example["text"], rules), expected + [{"text": None}] * 50):
        v = m.value
        actual.append({"text": m.text if e.get("text") is not None else None,
                       "low": _in_unit(v.seconds.low, example), "high": _in_unit(v.seconds.high, example),
                       "since": v.since.isoformat() if v.since else None})
    return expected, actual


def _in_unit(seconds: float | None, example: dict) -> float | None:
    """Example values are written in the example's `unit` (default seconds), rounded."""
    if seconds is None:
        return None
    return round(seconds / seconds_per(example.get("unit", "second")), 4)
