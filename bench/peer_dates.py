"""Peer conformance of the date and duration recognisers against other projects' test cases.

`score()` returns one row per suite and dimension:
    {"suite", "lang", "dimension", "cases" (in scope), "correct", "accuracy", "out_of_scope",
     "out_of_scope_by_reason"}

How a case is judged
- Dates: the mention that overlaps the expected span (Recognizers-Text) or the whole text
  (Duckling) most is compared with the expected value at the expected grain: same day; same
  Monday-based week (our week grain keeps P's weekday, Duckling gives the Monday); same month;
  same year. Recognizers-Text cases with two resolutions are compared with `value_past`: news
  refers to the past. A negative case (no value, or "not resolved") is correct when nothing
  overlapping is found.
- Durations: the mention's nominal seconds (a point value; for a hedged interval the finite
  bound, or the upper bound of "almost N") within 2.5 % of the expected seconds: peers count
  a month as 30 days and a year as 365, pint as a twelfth of a Julian year and 365.25 days.

Out of scope (counted per reason, never dropped silently); the news checker does not need them:
- date_range: spans with two ends ("July 13-15", "early March", "last 2 weeks", "from Feb 1st to
  March 2019", "jan-feb 2017", also when the peer resolves them to one month); DateValue is one
  date at a grain.
- bare_year: a year alone ("1998", "=2019"); a year counts only when introduced ("in 1998"),
  since a bare four-digit number is as often a count.
- anaphoric: "the week", "the month", "my week", "same year": the period named elsewhere in the
  text, not the publication's.
- week_number: "week 10", "week 3 of 2027": in news mostly a season's or schedule's week, not the
  ISO calendar week.
- future_bias: peers resolve a year-less date or bare weekday forward (Duckling tags
  bare_weekday_future_bias, or gives a date after the reference with no future word); news
  reads them as the most recent past one.
- near_future: a year-less date whose future reading falls within the forward window of
  rules/en/dates.yaml (yearless_future_days: "14 nov" in an article of Nov 7 is the coming one,
  an upcoming event); Recognizers-Text's past reading is a year earlier.
- same_weekday: a bare weekday equal to the reference's weekday; our convention is the
  reference day itself, Recognizers-Text's past reading is a week earlier.
- latent: Duckling's latent readings (a bare "1974", "May", "the week").
- day_of_month_only: a day number without a month ("the 27th", "on the first", "15", "the week
  of the 18th").
- weekday_with_day_of_month: "Thursday the 21st", "mon 13th" (needs a calendar search).
- ordinal_within_period: "first Monday of March", "last day of October", "third last week",
  "the third week next year", "the third month of 2021".
- anchored_arithmetic: offsets from another date or event ("3 days after january 12th",
  "two days from tomorrow", "3 fridays from now", "monday two weeks from now", "in two weeks
  since 2011", "after next").
- compound_offset: "1 month 21 days ago".
- holiday: named holidays and seasons (christmas, easter, juneteenth, eid, ...).
- quarter: quarters of a year ("third quarter", "18q4").
- spelled_year: years in words ("nineteen seventy eight").
- era: "B.C." / "A.D." years.
- vague: "a few days ago", "few months ago", "the day", "my day" (no checkable date).
- dateparser (Indonesian; its cases carry no reference date, so P = 2024-10-29 unless given;
  the expected day comes from dateparser's English normalisation, "3 week ago" = P - 21 days):
  sub_day_offset ("baru saja", "dalam 43 menit": a time of day), not_a_date_value_test
  (tokenisation, language applicability and detection tests), duration_case ("5 minggu", a
  length, not a date), no_expected_value / unparsed_expectation (none at present).
- duration forms: prime marks (2', 1"), an implied second unit ("1 hour thirty"), numeral
  quarters after "and" ("one and two quarter hour" = 1.5 h), "m" for minutes (metres in news),
  "2 less minutes" / "2 fewer minutes" (no length), business days, "twenty and four".
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from checker.recognise.dates import find_dates, find_durations, seconds_per, shift
from checker.rulebook import default_rules

PEER = Path(__file__).resolve().parent.parent / "tests" / "peer"

_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
_HOLIDAY = re.compile(r"christmas|easter|juneteenth|eid|earth day|black friday|freedom day|jubilee|"
                      r"new year|workers' day|patrick|thanksgiving|halloween|valentine|ides|otd|"
                      r"martin luther|memorial day|labor day|independence|season|spring|summer|"
                      r"autumn|fall\b|winter", re.I)
_ORDINAL_WITHIN = re.compile(
    rf"\b(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\s+(?:{_WEEKDAYS}|day|week)\s+"
    rf"(?:of|in|next|last|this)\b|\b(?:first|second|third|\d+(?:st|nd|rd|th))\s+month\s+of\b|closest|\blast\s+(?:last\s+)?week\s+of\b|\b(?:second|third|fifth)\s+last\b|"
    rf"\b(?:first|second|third|fourth|fifth)\s+{_WEEKDAYS}\b|\b\d+(?:st|nd|rd|th)\s+week\b|"
    rf"\b(?:third|fifth)\s+day\b", re.I)
_ANCHORED = re.compile(
    r"\bfrom\s+(?:tomorrow|tmrw|yesterday|today|\w+day\b|january|\d)|\bafter\s+(?:today|next|"
    r"january|easter|christmas|\w+day)|\bbefore\s+(?:yesterday|may|christmas|new)|\bsince\b|"
    r"\b\d+\s+\w+days?\s+(?:from|ago|back)|\b(?:two|three|four|\d)\s+\w*days?\s+(?:from|ago|back|later)|"
    r"\bin\s+\d+\s+\w+\s+on\b|\bfrom\s+now\s+on\b|\bafter\s+next\b|\bin\s+(?:1|a)\s+year\b|"
    r"\b\w+days?\s+\d+\s+\w+\s+from|\blater\s+on\b|two monday later|, two year from now|"
    r"business|\b\w+\s+\d+\s+weeks?\s+after|" + _WEEKDAYS + r"\s+\w+\s+weeks?\s+from", re.I)
_COMPOUND = re.compile(r"\d+\s+(?:years?|months?|weeks?)\s*(?:,|and)?\s*\d+\s+\w+\s+(?:ago|later)", re.I)
_SPELLED_YEAR = re.compile(r"nineteen|two thousand|seventeen hundred|hundred", re.I)
_VAGUE = re.compile(r"\bfew\b|\bcouple\b|\bseveral\b|^(?:the|my|this|past|last|the last)\s+day$", re.I)
_QUARTER = re.compile(r"quarter|qtr|\bq\d|\dq\d", re.I)
_ERA = re.compile(r"\b(?:a\.?d\.?|b\.?c\.?)$", re.I)
_DAY_ONLY = re.compile(r"^(?:on\s+|the\s+week\s+of\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|first|second|"
                       r"twenty\s+second|thirty)$", re.I)
_WEEKDAY_DAY = re.compile(rf"^(?:{_WEEKDAYS})\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+\s*[a-z]*)$",
                          re.I)
_FUTURE_WORD = re.compile(r"\b(?:next|tomorrow|tmrw|from now|hence|upcoming|coming|following|in\s+"
                          r"(?:\d+|a|an|one|two|three|four|seven)\b|later|this\s+\d)", re.I)
_YEAR_IN_TEXT = re.compile(r"\b(?:1[5-9]|20)\d\d\b|'\d\d|/\d\d\b|-\d\d\b|\b\d\d$")
_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|"
           r"ober|ember)?")
_TWO_ENDED = re.compile(rf"\bbetween\b.+\band\b|\bfrom\b.+\b(?:to|till|until)\b|"
                        rf"\b{_MONTHS}\s*-\s*{_MONTHS}\b", re.I)
_BARE_YEAR = re.compile(r"^\W*\d{4}$")
_ANAPHORIC = re.compile(r"^(?:the|my|same|the same)\s+(?:week|month|year)$", re.I)
_WEEK_NUMBER = re.compile(r"\bweek\s+\d+\b", re.I)
_BARE_WEEKDAY = re.compile(rf"^(?:this\s+)?{_WEEKDAYS}\.?$", re.I)
_DURATION_OUT = {
    "prime_marks": re.compile(r"\d['\"]"),
    "implied_unit": re.compile(r"(?:hours?|hour and)\s+(?:thirty|fifteen|ten|\d+)$|hour and 10$", re.I),
    "fraction_words": re.compile(r"\band\s+(?:one|two)\s+quarters?\b", re.I),
    "m_for_minutes": re.compile(r"^\d+\s*m$"),
    "word_between": re.compile(r"\d+\s+(?:less|fewer)\s", re.I),
    "business_days": re.compile(r"business", re.I),
    "spelled_compound": re.compile(r"twenty and four", re.I),
}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _parse_expected(value: str) -> tuple[date, str]:
    """'2013-02-15' -> day, '2013-02' -> month, '2013' -> year."""
    parts = value.split("-")
    if len(parts) == 3:
        return date.fromisoformat(value), "day"
    if len(parts) == 2:
        return date(int(parts[0]), int(parts[1]), 1), "month"
    return date(int(parts[0]), 1, 1), "year"


def _calendar_period(value: dict, end_inclusive: bool) -> tuple[date, str] | None:
    """A range that is exactly one calendar month, year or Monday-based week, as (start, grain)."""
    try:
        start, end = date.fromisoformat(value["start"]), date.fromisoformat(value["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if end_inclusive:
        end += timedelta(days=1)
    if start.day == 1 and end == (date(start.year + 1, 1, 1) if start.month == 12
                                  else date(start.year, start.month + 1, 1)):
        return start, "month"
    if (start.month, start.day) == (1, 1) and end == date(start.year + 1, 1, 1):
        return start, "year"
    if start.weekday() == 0 and end - start == timedelta(days=7):
        return start, "week"
    return None


def _same(found, expected: date, grain: str) -> bool:
    day, ours = found.day, found.grain
    if grain == "day":
        return ours == "day" and day == expected
    if grain == "week":
        monday = day - timedelta(days=day.weekday())
        return ours in ("week", "day") and monday == expected - timedelta(days=expected.weekday())
    if grain == "month":
        return ours in ("month", "day") and (day.year, day.month) == (expected.year, expected.month)
    if grain == "year":
        return day.year == expected.year
    return False


def _best(mentions, start: int, end: int):
    best, overlap = None, 0
    for m in mentions:
        shared = min(end, m.end) - max(start, m.start)
        if shared > overlap:
            best, overlap = m, shared
    return best


def _date_reason(text: str, dim: str, tags: list, ref: date, expected: date | None, grain) -> str | None:
    if dim == "date_range" or _TWO_ENDED.search(text):
        return "date_range"
    if "bare_weekday_future_bias" in tags:
        return "future_bias"
    if "latent" in tags:
        return "latent"
    for reason, pattern in (("bare_year", _BARE_YEAR), ("anaphoric", _ANAPHORIC),
                            ("week_number", _WEEK_NUMBER), ("holiday", _HOLIDAY), ("quarter", _QUARTER), ("era", _ERA),
                            ("spelled_year", _SPELLED_YEAR), ("compound_offset", _COMPOUND),
                            ("ordinal_within_period", _ORDINAL_WITHIN), ("anchored_arithmetic", _ANCHORED),
                            ("vague", _VAGUE), ("day_of_month_only", _DAY_ONLY),
                            ("weekday_with_day_of_month", _WEEKDAY_DAY)):
        if pattern.search(text.strip()):
            return reason
    if grain == "quarter":
        return "quarter"
    if re.search(r"\bupcoming\b", text, re.I):
        return "future_bias"  # Duckling's "upcoming two weeks": the week two weeks on
    if expected is not None and expected > ref and not _FUTURE_WORD.search(text) \
            and not _YEAR_IN_TEXT.search(text):
        return "future_bias"
    return None


def _score_duckling_dates(rules) -> dict:
    rows = _jsonl(PEER / "duckling" / "date_en.jsonl")
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        ref = date.fromisoformat(r["ref"])
        value = r["value"]
        expected, grain = (None, None)
        if isinstance(value, str) and value.startswith("-"):
            value = {"era": value}  # a B.C. year: counted under era below
            r = dict(r, tags=r["tags"] + ["era"])
        if isinstance(value, str):
            expected, grain = _parse_expected(value)
            grain = r.get("grain") or grain
        dim = "date" if isinstance(value, dict) and _calendar_period(value, True) else r["dim"]
        reason = None if "negative" in r["tags"] else _date_reason(r["text"], dim, r["tags"], ref,
                                                                  expected, grain)
        if reason is None and isinstance(value, dict) and "era" not in r["tags"]:
            period = _calendar_period(value, end_inclusive=True)
            if period and _date_reason(r["text"], "date", r["tags"], ref, None, None) is None:
                expected, grain = period
            else:
                reason = "date_range"
        elif reason is None and value is not None and not isinstance(value, str):
            reason = "era" if "era" in r["tags"] else "date_range"
        if reason:
            result["out"][reason] = result["out"].get(reason, 0) + 1
            continue
        result["cases"] += 1
        found = find_dates(r["text"], rules, ref)
        if value is None:
            result["correct"] += not found
            if found:
                result.setdefault("misses", []).append((r["text"], r["ref"], value, found[0].value))
            continue
        best = _best(found, 0, len(r["text"]))
        ok = bool(best and _same(best.value, expected, grain))
        result["correct"] += ok
        if not ok:
            result.setdefault("misses", []).append((r["text"], r["ref"], value, best and best.value))
    return result


def _near_future(value, ref: date, window: int) -> bool:
    """The peer's future reading falls within our forward window for year-less dates."""
    start = value.get("start") if isinstance(value, dict) else value
    try:
        day = date.fromisoformat(start) if start and len(start) == 10 else None
    except ValueError:
        return False
    return day is not None and ref < day <= ref + timedelta(days=window)


def _score_recognizers_dates(rules) -> dict:
    rows = _jsonl(PEER / "recognizers-text" / "date_en.jsonl")
    window = rules["dates"].yearless_future_days
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        ref = date.fromisoformat(r["ref"]) if r.get("ref") else None
        span = r["span"]
        raw = r.get("value_past", r.get("value"))
        period = _calendar_period(raw, end_inclusive=False) if isinstance(raw, dict) else None
        negative = raw in (None, "not resolved") or "invalid_date" in r.get("tags", [])
        expected, grain = (None, None)
        if isinstance(raw, str) and not negative:
            expected, grain = _parse_expected(raw)
        reason = None
        if period and ref is not None:
            expected, grain = period
            reason = _date_reason(span, "date", [], ref, None, grain)
        elif period:
            expected, grain = period
        elif r["dim"] == "date_range" or (raw is not None and not isinstance(raw, str)):
            reason = "date_range"
        elif not negative:
            reason = _date_reason(span, r["dim"], [], ref, None, grain)
            if reason is None and _BARE_WEEKDAY.match(span.strip()) and r.get("value_future") == r["ref"]:
                reason = "same_weekday"
        if reason is None and ref is not None and re.match(r"XXXX-\d\d", r.get("timex", "")) \
                and _near_future(r.get("value_future"), ref, window):
            reason = "near_future"
        if reason:
            result["out"][reason] = result["out"].get(reason, 0) + 1
            continue
        result["cases"] += 1
        start = r["text"].lower().find(span.lower())
        end = start + len(span)
        found = find_dates(r["text"], rules, ref)
        best = _best(found, start, end) if start >= 0 else None
        if negative:
            result["correct"] += best is None
            if best is not None:
                result.setdefault("misses", []).append((span, r["ref"], raw, best.value))
        else:
            ok = bool(best and _same(best.value, expected, grain))
            result["correct"] += ok
            if not ok:
                result.setdefault("misses", []).append((span, r["ref"], raw, best and best.value))
    return result


def _nominal_seconds(interval) -> float | None:
    if interval.low is not None and interval.high is not None:
        if interval.low == interval.high or interval.high_open:
            return interval.high
        return (interval.low + interval.high) / 2
    return interval.low if interval.low is not None else interval.high


def _duration_reason(text: str) -> str | None:
    for reason, pattern in _DURATION_OUT.items():
        if pattern.search(text):
            return reason
    return None


def _close(found: float | None, expected: float) -> bool:
    return found is not None and abs(found - expected) <= 0.025 * expected


def _score_durations(rules, suite: str) -> dict:
    result = {"cases": 0, "correct": 0, "out": {}}
    path = PEER / suite / "duration_en.jsonl"
    for r in _jsonl(path):
        if suite == "duckling":
            text, start, end = r["text"], 0, len(r["text"])
            per = {"month": 30 * 86400, "quarter": 90 * 86400, "year": 365 * 86400}  # peers' calendar
            expected = None if r["value"] is None else r["value"] * per.get(r["unit"]) \
                if r["unit"] in per else r["value"] * seconds_per(r["unit"]) if r["value"] is not None else None
        else:
            text, span = r["text"], r["span"]
            start = text.lower().find(span.lower())
            end = start + len(span)
            expected = r["seconds"]
        reason = _duration_reason(text[start:end] if start >= 0 else text)
        if reason:
            result["out"][reason] = result["out"].get(reason, 0) + 1
            continue
        result["cases"] += 1
        found = find_durations(text, rules)
        best = _best(found, start, end)
        if expected is None:
            result["correct"] += best is None
            if best is not None:
                result.setdefault("misses", []).append((text, expected, best.value))
        else:
            ok = bool(best and _close(_nominal_seconds(best.value.seconds), expected))
            result["correct"] += ok
            if not ok:
                result.setdefault("misses", []).append((text, expected, best and best.value))
    return result


_DATEPARSER_REF = date(2024, 10, 29)  # a Tuesday; dateparser's cases carry no reference date
_EN_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"], 1)}
_DATEPARSER_OUT = {"tokenisation": "not_a_date_value_test", "language_applicability": "not_a_date_value_test",
                   "language_detection": "not_a_date_value_test", "duration": "duration_case"}


def _dateparser_expected(case: dict, absolutes: dict, ref: date) -> tuple[date | None, str | None]:
    """(expected day, out-of-scope reason) from dateparser's English normalisation."""
    kind, expected = case["kind"], case.get("expected")
    if kind in _DATEPARSER_OUT:
        return None, _DATEPARSER_OUT[kind]
    if kind == "search_in_sentence":
        return date.fromisoformat(expected[0][1]), None
    if kind == "search":
        expected = absolutes.get(case["text"])
        if expected is None:
            return None, "no_expected_value"
    m = re.search(r"(\d{1,2}) ([a-z]+) (\d{4})", expected)
    if m:
        return date(int(m.group(3)), _EN_MONTHS[m.group(2)], int(m.group(1))), None
    m = re.fullmatch(r"(?:in )?(\d+) (second|minute|hour|day|week|month|year)(?: ago)?", expected)
    if m is None:
        return None, "unparsed_expectation"
    if m.group(2) in ("second", "minute", "hour"):
        return None, "sub_day_offset"  # "baru saja", "dalam 43 menit": a time of day, not a date
    return shift(ref, m.group(2), int(m.group(1)) * (1 if expected.startswith("in ") else -1)), None


def _score_dateparser(rules) -> dict:
    rows = _jsonl(PEER / "dateparser" / "id_cases.jsonl")
    absolutes = {r["text"]: r["expected"] for r in rows if r["kind"].startswith("absolute")}
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        ref = date.fromisoformat(r["ref"]) if r.get("ref") else _DATEPARSER_REF
        expected, reason = _dateparser_expected(r, absolutes, ref)
        if reason:
            result["out"][reason] = result["out"].get(reason, 0) + 1
            continue
        result["cases"] += 1
        found = find_dates(r["text"], rules, ref)
        best = _best(found, 0, len(r["text"]))
        ok = bool(best and _same(best.value, expected, "day"))
        result["correct"] += ok
        if not ok:
            result.setdefault("misses", []).append((r["text"], ref.isoformat(), expected, best and best.value))
    return result


def _row(suite: str, lang: str, dimension: str, result: dict) -> dict:
    cases = result["cases"]
    return {"suite": suite, "lang": lang, "dimension": dimension, "cases": cases,
            "correct": result["correct"], "accuracy": round(result["correct"] / cases, 4) if cases else None,
            "out_of_scope": sum(result["out"].values()),
            "out_of_scope_by_reason": dict(sorted(result["out"].items()))}


def score() -> list[dict]:
    en = default_rules().for_language("en")
    indonesian = default_rules().for_language("id")
    return [
        _row("duckling", "en", "date", _score_duckling_dates(en)),
        _row("recognizers-text", "en", "date", _score_recognizers_dates(en)),
        _row("duckling", "en", "duration", _score_durations(en, "duckling")),
        _row("recognizers-text", "en", "duration", _score_durations(en, "recognizers-text")),
        _row("dateparser", "id", "date", _score_dateparser(indonesian)),
    ]


if __name__ == "__main__":
    for row in score():
        print(json.dumps(row))
