"""Peer conformance of the date and duration recognisers against other projects' test cases.

`score()` returns one row per suite and dimension:
    {"suite", "lang", "dimension", "cases" (in scope), "correct", "accuracy", "out_of_scope",
     "out_of_scope_by_reason"}

How a case is judged
- Dates are intervals of days. The mention that overlaps the expected span (Recognizers-Text)
  or the whole text (Duckling, dateparser, our news corpus) most must have the expected first
  and last day: a day is itself, a week its Monday-based seven days, a month, quarter or year
  its calendar days, a range its two ends (Duckling's ends are inclusive, Recognizers-Text's
  exclusive). A negative case (no value) is right when nothing overlapping is found.
- Each peer resolves dates without a year or week by its own convention, which our rules set
  too (`direction`, `weekday_today`, `yearless_future_days`, `whole_periods` in
  rules/<lang>/dates.yaml); each suite runs under its peer's convention: Duckling points forward
  (a bare "tuesday" on a Tuesday is next week's) and counts "the last two weeks" as whole
  calendar weeks; Recognizers-Text's `value_past` points back, never to P's own weekday or a
  coming date, and counts days back from P. Our news corpus runs under the rules as they are.
- Durations: the mention's nominal seconds (a point value; for a hedged interval the finite
  bound, or the upper bound of "almost N") within 2.5 % of the expected seconds: peers count
  a month as 30 days and a year as 365, pint as a twelfth of a Julian year and 365.25 days.

Out of scope, counted per reason, only what a news editor would accept as not news:
- era: "B.C." years.
- spelled_year: years in words ("nineteen seventy eight"): news writes years in figures.
- season: "this summer", "next spring": no calendar days (hemispheres differ); the peer gives
  none either (no_peer_value). An empty range the peer gives ("rest of my week" said on a
  Sunday: P0D, its exclusive end on its start) names no days either (no_peer_value).
- vague: "a few days ago", "the day", "my day": no checkable day.
- anaphoric: "the week", "the fortnight", "same year", "the month": the period is named elsewhere in the text.
- week_number: "week 10", "week 3 of 2027": a season's or a schedule's week.
- math_symbols: "> = 2019", "=2019": a query language's comparison, not prose (the number
  suites leave out "< 5" likewise).
- chat_abbreviation: "otd" (on this day): a chat form no report writes.
- business_days: "in four business days": a count of working days needs a country's holiday
  calendar (the duration suites leave them out too).
- anaphoric also covers "that weekend": the weekend is named elsewhere in the text.
- dateparser (its cases carry no reference date, so P = 2024-10-29 unless given; the expected
  day comes from dateparser's English normalisation, "3 week ago" = P - 21 days):
  duration_case ("5 minggu", a length, not a date). A shift of seconds or minutes ("baru saja",
  "dalam 43 menit") is P's own day at the day grain; the tokenisation and language-applicability
  tests' date strings are read against dateparser's own parse of them, and its language-detection
  test scores the language identification of ingest (a row of its own).
- duration forms: prime marks (2', 1"), an implied second unit ("1 hour thirty"), numeral
  quarters after "and" ("one and two quarter hour" = 1.5 h), "m" for minutes (metres in news),
  "2 less minutes" / "2 fewer minutes" (no length), business days, "twenty and four".
"""
from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, timedelta
from pathlib import Path

from checker.model import DateValue
from checker.recognise.dates import find_dates, find_durations, shift
from checker.rulebook import LanguageRules, default_rules
from checker.units import seconds_per

PEER = Path(__file__).resolve().parent.parent / "tests" / "peer"

_OUT_OF_SCOPE = (
    ("era", re.compile(r"\b(?:a\.?d\.?|b\.?c\.?)$", re.I)),
    ("spelled_year", re.compile(r"nineteen|two thousand|seventeen hundred|hundred", re.I)),
    ("season", re.compile(r"summer|spring|autumn|\bfall\b|winter|\bseasons?\b", re.I)),
    ("vague", re.compile(r"\bfew\b|\bcouple\b|\bseveral\b|^(?:the|my|this|past|last|the last)\s+day$", re.I)),
    ("anaphoric", re.compile(r"^(?:(?:the|my|same|the same)\s+(?:week|fortnight|month|year)|that\s+weekend)$", re.I)),
    ("week_number", re.compile(r"\bweek\s+\d+\b", re.I)),
    ("math_symbols", re.compile(r"[<>=]")),
    ("chat_abbreviation", re.compile(r"^otd$", re.I)),
    ("business_days", re.compile(r"\bbusiness\s+days?\b", re.I)),
)
_DURATION_OUT = {
    "prime_marks": re.compile(r"\d['\"]"),
    "implied_unit": re.compile(r"(?:hours?|hour and)\s+(?:thirty|fifteen|ten|\d+)$|hour and 10$", re.I),
    "fraction_words": re.compile(r"\band\s+(?:one|two)\s+quarters?\b", re.I),
    "m_for_minutes": re.compile(r"^\d+\s*m$"),
    "word_between": re.compile(r"\d+\s+(?:less|fewer)\s", re.I),
    "business_days": re.compile(r"business", re.I),
    "spelled_compound": re.compile(r"twenty and four", re.I),
}


# Recognizers-Text halves a period named relative to P where our rules take thirds: "early next
# year" is January to June, "late this month" the 16th on, "end of the week" Thursday to Sunday,
# "mid-November" the 10th to the 20th, "later this year" said in May July to December; a numbered
# year it parts in thirds, as our rules do ("end of 2000" is September to December).
# (start, stop, weekdays, side) as DateRules.parts.
_RECOGNIZERS_PARTS = {
    **{word: (0, 0.5, (0, 2), None) for word in ("early", "beginning", "start")},
    **{word: (0.5, 1, (3, 6), None) for word in ("late", "end")},
    **{word: (0.3, 0.667, (1, 4), None) for word in ("mid", "middle")},
    # and "earlier"/"later" are the first/second half's days before P/from P on
    "earlier": (0, 0.5, (0, 2), "before"), "later": (0.5, 1, (3, 6), "after"),
}


def convention(rules: LanguageRules, **settings) -> LanguageRules:
    """The language's rules with a peer's convention for dates without a year or week."""
    dates = dataclasses.replace(rules["dates"], **settings)
    return LanguageRules(rules.language, {**rules.compiled, "dates": dates})


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


def _grain_interval(day: date, grain: str) -> tuple[date, date]:
    """A peer's value at its grain as (first day, last day); weeks are Monday-based."""
    if grain == "week":
        day -= timedelta(days=day.weekday())
    elif grain == "quarter":
        day = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day, DateValue(day, grain).end


_TIMEX_DAYS = re.compile(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),P(\d+)D\)")


def _range_interval(value: dict, end_inclusive: bool, timex: str | None = None) -> tuple | None:
    """A peer's {start, end} as (first day, last day); an open side is None.
    Recognizers-Text's ends are exclusive, except where its timex counts the end day in
    ("(2016-11-07,2016-11-30,P24D)": 24 days from the 7th to the 30th, both in); its "after" a
    day ("after January 1, 2007", timex 2007-01-01) starts at that day's first instant,
    exclusive, so the first whole day after it is the next one."""
    try:
        start = date.fromisoformat(value["start"]) if value.get("start") else None
        end = date.fromisoformat(value["end"]) if value.get("end") else None
    except (TypeError, ValueError):
        return None
    counted = _TIMEX_DAYS.fullmatch(timex or "")
    if counted and (date.fromisoformat(counted.group(2)) - date.fromisoformat(counted.group(1))).days + 1 \
            == int(counted.group(3)):
        end_inclusive = True
    if end is not None and not end_inclusive:
        end -= timedelta(days=1)
    if start is not None and value.get("mod") == "after" and re.fullmatch(r"[\dX]{4}-[\dX]{2}-\d\d", timex or ""):
        start += timedelta(days=1)
    return start, end


def _found_interval(found) -> tuple:
    """(first day, last day), None for an open side."""
    return (None if found.day == date.min else found.day), (None if found.end == date.max else found.end)


def _best(mentions, start: int, end: int):
    best, overlap = None, 0
    for m in mentions:
        shared = min(end, m.end) - max(start, m.start)
        if shared > overlap:
            best, overlap = m, shared
    return best


def _date_reason(text: str) -> str | None:
    for reason, pattern in _OUT_OF_SCOPE:
        if pattern.search(text.strip()):
            return reason
    return None


_TWO_ENDS = re.compile(r"\b(?:to|till|until|through|thru|and)\b|[-~–]")


def _written_end(found, expected: tuple) -> bool:
    """Recognizers-Text ends a two-ended range ("Oct. 2 to October 22", "2014-2018") at the
    start of its written end, exclusive: our interval must run to the end of the period that
    starts there (the day, the month, the quarter, the year)."""
    first, last = _found_interval(found)
    end = expected[1] + timedelta(days=1)
    ends = {end, DateValue(end, "month").end if end.day == 1 else None,
            DateValue(end, "quarter").end if end.day == 1 and end.month % 3 == 1 else None,
            DateValue(end, "year").end if (end.month, end.day) == (1, 1) else None}
    return first == expected[0] and last in ends


def _judge(result: dict, found, start: int, end: int, expected: tuple | None, case,
           written_end: bool = False) -> None:
    """One in-scope case: the mention overlapping the expected span most must have the expected
    interval; a negative case (expected None) is right when nothing overlaps it."""
    result["cases"] += 1
    best = _best(found, start, end)
    ok = best is None if expected is None else bool(best and (
        _found_interval(best.value) == expected or (written_end and _written_end(best.value, expected))))
    result["correct"] += ok
    if not ok:
        result.setdefault("misses", []).append((*case, expected, best and best.value))


def _out(result: dict, reason: str) -> None:
    result["out"][reason] = result["out"].get(reason, 0) + 1


def _score_duckling_dates(rules) -> dict:
    rows = _jsonl(PEER / "duckling" / "date_en.jsonl")
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        value = r["value"]
        if isinstance(value, str) and value.startswith("-"):
            _out(result, "era")  # a B.C. year
            continue
        reason = None if "negative" in r["tags"] else _date_reason(r["text"])
        if reason:
            _out(result, reason)
            continue
        if value is None:
            expected = None
        elif isinstance(value, str):
            expected = _grain_interval(_parse_expected(value)[0], r.get("grain") or _parse_expected(value)[1])
        else:
            expected = _range_interval(value, end_inclusive=True)
        ref = date.fromisoformat(r["ref"])
        _judge(result, find_dates(r["text"], rules, ref), 0, len(r["text"]), expected, (r["text"], r["ref"]))
    return result


def _score_recognizers_dates(rules) -> dict:
    rows = _jsonl(PEER / "recognizers-text" / "date_en.jsonl")
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        ref = date.fromisoformat(r["ref"]) if r.get("ref") else None
        span = r["span"]
        raw = r.get("value_past", r.get("value"))
        negative = raw in (None, "not resolved") or "invalid_date" in r.get("tags", [])
        reason = None if negative else _date_reason(span)
        if reason is None and isinstance(raw, dict) and raw.get("start") is None and raw.get("end") is None:
            reason = "no_peer_value"  # seasons: the peer names no days to compare with
        if reason:
            _out(result, reason)
            continue
        if negative:
            expected = None
        elif isinstance(raw, str):
            expected = _grain_interval(*_parse_expected(raw))
        else:
            expected = _range_interval(raw, end_inclusive=False, timex=r.get("timex"))
            if expected and None not in expected and expected[1] < expected[0]:
                _out(result, "no_peer_value")  # an empty range ("rest of my week" on a Sunday, P0D): no days
                continue
        start = r["text"].lower().find(span.lower())
        found = find_dates(r["text"], rules, ref)
        if start < 0:
            start, found = 0, []
        two_ended = isinstance(raw, dict) and None not in expected and bool(_TWO_ENDS.search(span))
        _judge(result, found, start, start + len(span), expected, (span, r["ref"]), two_ended)
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
_DATEPARSER_OUT = {"duration": "duration_case"}
# tests of something other than the value (splitting a date string into tokens, whether Indonesian
# applies to it): their texts are date strings all the same, read against dateparser's own parse
_DATEPARSER_OWN_PARSE = ("tokenisation", "language_applicability")


def _dateparser_expected(case: dict, absolutes: dict, ref: date) -> tuple[date | None, str | None]:
    """(expected day, out-of-scope reason) from dateparser's English normalisation."""
    kind, expected = case["kind"], case.get("expected")
    if kind in _DATEPARSER_OUT:
        return None, _DATEPARSER_OUT[kind]
    if kind in _DATEPARSER_OWN_PARSE:
        import dateparser

        return dateparser.parse(case["text"], languages=["id"]).date(), None
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
        return ref, None  # "baru saja", "dalam 43 menit": at the day grain, P's own day
    return shift(ref, m.group(2), int(m.group(1)) * (1 if expected.startswith("in ") else -1)), None


def _score_dateparser(rules) -> dict:
    rows = _jsonl(PEER / "dateparser" / "id_cases.jsonl")
    absolutes = {r["text"]: r["expected"] for r in rows if r["kind"].startswith("absolute")}
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in rows:
        if r["kind"] == "language_detection":
            continue  # scored by _score_dateparser_language
        ref = date.fromisoformat(r["ref"]) if r.get("ref") else _DATEPARSER_REF
        expected, reason = _dateparser_expected(r, absolutes, ref)
        if reason:
            result["out"][reason] = result["out"].get(reason, 0) + 1
            continue
        result["cases"] += 1
        found = find_dates(r["text"], rules, ref)
        best = _best(found, 0, len(r["text"]))
        ok = bool(best and _found_interval(best.value) == (expected, expected))
        result["correct"] += ok
        if not ok:
            result.setdefault("misses", []).append((r["text"], ref.isoformat(), expected, best and best.value))
    return result


def _score_dateparser_language() -> dict:
    """dateparser's language detection cases, by the language identification of ingest."""
    from checker.ingest import identify_language

    result = {"cases": 0, "correct": 0, "out": {}}
    for r in _jsonl(PEER / "dateparser" / "id_cases.jsonl"):
        if r["kind"] == "language_detection":
            result["cases"] += 1
            result["correct"] += identify_language(r["text"], default_rules()) == r["expected"]
    return result


def _score_news_id(rules) -> dict:
    """Our own Indonesian news date expressions (tests/peer/news-id), under the rules as they are."""
    result = {"cases": 0, "correct": 0, "out": {}}
    for r in _jsonl(PEER / "news-id" / "dates_id.jsonl"):
        expected = r["expect"]
        if expected is not None:
            expected = tuple(date.fromisoformat(v) if v else None for v in (expected["first"], expected["last"]))
        found = find_dates(r["text"], rules, date.fromisoformat(r["ref"]))
        _judge(result, found, 0, len(r["text"]), expected, (r["text"], r["ref"]))
    return result


# --- agreement with dateparser on the spans our rules find -------------------------------------

_NEWS = ("seeds/*.txt", "corpus/stories/*/articles/*.txt", "tests/data/malay/*.txt")
_SENTENCES = ("tests/data/language_id/id.txt", "tests/data/language_id/ms.txt")


def _spans_by_language() -> dict:
    """Every date our rules find in the news corpora (each article with its own publication date
    as P) and in the sentence sets (P = 2024-10-29): language -> [(span, P, DateValue)]."""
    from checker.ingest import parse_article
    from checker.segment import split_sentences

    rules = default_rules()
    root = PEER.parent.parent
    texts = []
    for pattern in _NEWS:
        for path in sorted(root.glob(pattern)):
            article = parse_article(path.read_text(encoding="utf-8"), article_id=path.stem, rules=rules)
            language_rules = rules.for_language(article.language)
            texts += [(article.language, s.text, article.published or _DATEPARSER_REF)
                      for s in split_sentences(article.body, language_rules)]
    for name in _SENTENCES:
        lang = Path(name).stem
        texts += [(lang, line, _DATEPARSER_REF) for line in (root / name).read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")]
    texts += [(r["lang"], r["text"], date.fromisoformat(r["ref"])) for r in _jsonl(PEER / "news-id" / "dates_id.jsonl")]
    spans: dict = {}
    for lang, text, ref in texts:
        for mention in find_dates(text, rules.for_language(lang), ref):
            spans.setdefault(lang, []).append((mention.text, ref, mention.value))
    return spans


def _dateparser_day(span: str, lang: str, ref: date, order: str):
    """dateparser's own reading of a span: parse, else the first date search_dates finds in it."""
    from datetime import datetime

    import dateparser
    import dateparser.search

    settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past",
                "DATE_ORDER": order.upper()}
    found = dateparser.parse(span, languages=[lang], settings=settings)
    if found is None:
        hits = dateparser.search.search_dates(span, languages=[lang], settings=settings) or []
        found = hits[0][1] if hits else None
    return found.date() if found else None


def dateparser_agreement(limit_examples: int = 8) -> list[dict]:
    """Where dateparser's own parse of a span our rules found agrees with ours: its day falls
    within our interval (`agree`), outside it (`differ`), or it reads no date there
    (`dateparser_none`); spans open on one side ("after 2010") are counted apart (`open`). Of the
    differences, `convention` counts those where the two only resolve a bare day name or a
    year-less date differently: P's own weekday is P for our news rules and a week before for
    dateparser, a year-less date a few days after P is the coming one for ours (a schedule), last
    year's for dateparser's "past"."""
    rules = default_rules()
    rows = []
    for lang, spans in sorted(_spans_by_language().items()):
        order = rules.for_language(lang).manifest.date_order
        counts = {"agree": 0, "differ": 0, "convention": 0, "dateparser_none": 0, "open": 0}
        differ = []
        for span, ref, value in spans:
            if value.day == date.min or value.end == date.max:
                counts["open"] += 1
                continue
            theirs = _dateparser_day(span, lang, ref, order)
            if theirs is None:
                counts["dateparser_none"] += 1
            elif value.day <= theirs <= value.end:
                counts["agree"] += 1
            else:
                counts["differ"] += 1
                counts["convention"] += value.day == value.end and theirs in (
                    value.day - timedelta(days=7), value.day.replace(year=value.day.year - 1)
                    if (value.day.month, value.day.day) != (2, 29) else None)
                if len(differ) < limit_examples:
                    differ.append({"span": span, "ref": ref.isoformat(), "ours": [value.day.isoformat(), value.end.isoformat()],
                                   "dateparser": theirs.isoformat()})
        rows.append({"lang": lang, "spans": len(spans), **counts, "differ_examples": differ})
    return rows


def _row(suite: str, lang: str, dimension: str, result: dict) -> dict:
    cases = result["cases"]
    return {"suite": suite, "lang": lang, "dimension": dimension, "cases": cases,
            "correct": result["correct"], "accuracy": round(result["correct"] / cases, 4) if cases else None,
            "out_of_scope": sum(result["out"].values()),
            "out_of_scope_by_reason": dict(sorted(result["out"].items()))}


def score() -> list[dict]:
    en = default_rules().for_language("en")
    indonesian = default_rules().for_language("id")
    duckling = convention(en, direction="future", weekday_today=False,
                          whole_periods=("week", "month", "quarter", "year", "decade"))
    recognizers = convention(en, direction="past", weekday_today=False, yearless_future_days=0,
                             relative_parts={**en["dates"].parts, **_RECOGNIZERS_PARTS})
    return [
        _row("duckling", "en", "date", _score_duckling_dates(duckling)),
        _row("recognizers-text", "en", "date", _score_recognizers_dates(recognizers)),
        _row("duckling", "en", "duration", _score_durations(en, "duckling")),
        _row("recognizers-text", "en", "duration", _score_durations(en, "recognizers-text")),
        _row("dateparser", "id", "date", dateparser_id := _score_dateparser(indonesian)),
        _row("dateparser", "id", "language", _score_dateparser_language()),
        _row("news-id", "id", "date", news_id := _score_news_id(indonesian)),
        # the Indonesian date suite the goal is set on: dateparser's cases and our news corpus together
        _row("indonesian-dates", "id", "date", _together(dateparser_id, news_id)),
    ]


def _together(*results: dict) -> dict:
    out: dict = {}
    for result in results:
        for reason, count in result["out"].items():
            out[reason] = out.get(reason, 0) + count
    return {"cases": sum(r["cases"] for r in results), "correct": sum(r["correct"] for r in results), "out": out}


def misses() -> dict[str, list]:
    """The English date suites' wrong cases: (text or span, ref, expected, found) each."""
    en = default_rules().for_language("en")
    duckling = convention(en, direction="future", weekday_today=False,
                          whole_periods=("week", "month", "quarter", "year", "decade"))
    recognizers = convention(en, direction="past", weekday_today=False, yearless_future_days=0,
                             relative_parts={**en["dates"].parts, **_RECOGNIZERS_PARTS})
    return {"duckling": _score_duckling_dates(duckling).get("misses", []),
            "recognizers-text": _score_recognizers_dates(recognizers).get("misses", [])}


if __name__ == "__main__":
    import sys

    if "--misses" in sys.argv:
        for suite, wrong in misses().items():
            for text, ref, expected, found in wrong:
                show = lambda d: d.isoformat() if d else "open"  # noqa: E731
                want = "none" if expected is None else f"{show(expected[0])}..{show(expected[1])}"
                got = "none" if found is None else f"{show(_found_interval(found)[0])}..{show(_found_interval(found)[1])}"
                print(f"{suite}\t{ref}\t{text!r}\twant {want}\tgot {got}")
    else:
        for row in score():
            print(json.dumps(row))
