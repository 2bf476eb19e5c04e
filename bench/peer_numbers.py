"""Peer conformance of the number recogniser: other projects' test cases in tests/peer/.

`score()` returns one row per suite, language and dimension:
  {"suite", "lang", "dimension", "cases" (in scope), "correct", "accuracy", "out_of_scope"}

How each dimension is judged:
- number / number_format: `parse_number(text)` equals the expected value (relative 1e-6); an
  expected null means the string must not read as a number.
- number_phrase / number_format_detect: whether `parse_number` reads the string at all.
- ordinal: an ordinal ("ketiga", "ke-4", "3rd", "third") is an identifier, never a count, so
  `find_quantities` must return nothing for it.
- number_in_text (Recognizers-Text sentences): the point values `find_quantities` returns equal
  the expected values (as a multiset); "negative" rows must yield nothing.
- percent: the percent mentions' values equal the expected values.
- money (Duckling AmountOfMoney/ID): exactly one money mention, with the expected currency and
  bounds; one-sided amounts also agree on strictness ("kurang dari 7 euro" is open at 7).
- number_range: every expected range is found with the same bounds; one-sided ranges must also
  agree on strictness ("more than 30" is open at 30, "at least 30" closed). For two-sided ranges
  Recognizers-Text's end-exclusive convention ("between 20 and 30" -> [20, 30)) is not compared:
  our ranges are inclusive, as the lexicon's are.

Out of scope for news figures (counted in out_of_scope, never dropped silently); the criterion
is the case's tags or its text, decided before looking at our answers:
- vague words as point values (Duckling "a few" = 3, "a couple" = 2, "a dozen" = 12; tag
  vague_or_collective): here they are intervals;
- Indian units (lakh, crore; tag indian_units);
- SI suffixes in Indonesian (tag si_suffix, lang id): Indonesian news reads "M" as miliar (10^9),
  Duckling as mega; and the giga suffix "G" in any language;
- chat abbreviations ("smbln bls"; tag abbreviation) and digit-by-digit readings ("satu nol
  satu" = 101; dimension digit_sequence): not how figures are written in news;
- a module's own choices or limitations rather than a reading of the language (tags
  prefix_parse_module_behaviour, ambiguous_module_heuristic, note:currently only ...);
- fractions, ratios and powers ("two thirds", "one over three", "3/4", "1.1^23"): relative
  figures, which the lexicon says to compute only with a stated base;
- Recognizers-Text rows tagged not_supported_in_some_rt_ports (its own ports disagree);
- number_in_text rows whose expected numbers are parts of dates, times, phone numbers,
  addresses, codes or durations (the checker reads those as what they are, not as counts);
- number_range rows written with math symbols (<, >, =, ~), their words after the figure ("more
  than 5000 or equal to") or relating ordinals ("the tenth");
- digits read one by one or in spoken groups ("three-nought-four", "one twenty two").
Each row of `score()` counts these per reason (`out_of_scope_by_reason`).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from checker.recognise.numbers import find_quantities, parse_number
from checker.rulebook import default_rules

CURRENCY_CODES = {"Dollar": "USD", "Pound": "GBP", "Euro": "EUR"}
PEER = Path(__file__).resolve().parent.parent / "tests" / "peer"

FRACTION_TEXT = re.compile(
    r"/|\^|\bover\b|\bout of\b|\b\d+\s+in\b|\bin\s+(?:twenty|one)|[⅔¾⅙½]|"
    r"\b(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"\w+ieths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|"
    r"\w*[- ]?(?:firsts?|seconds?|fifths?))\b", re.I)
NOT_COUNT_CONTEXT = re.compile(
    r"\d+/\d+|\d+\.\d+\.\d+|\+\d|\bphone\b|\bSCP-|\byears?\b|\bnrs?\.|\bin \d{4}\b|\bkg\b|\{",
    re.I)
MATH_RANGE = re.compile(r"[<>=~]|\b(?:tenth|fifteenth)\b|\d\s+or equal\b")
# digits read one by one or in spoken groups: "three-nought-four" (304), "one twenty two" (122)
_DIGIT_WORD = r"(?:zero|nought|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_DIGITS = re.compile(rf"\b{_DIGIT_WORD}(?:-{_DIGIT_WORD}){{2,}}\b|^{_DIGIT_WORD}\s+"
                           r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+"
                           rf"{_DIGIT_WORD}$", re.I)
INDIAN_UNITS = re.compile(r"\b(?:lakhs?|lkhs?|lac|crores?|krores?|cr|kr|koti)\b", re.I)
GIGA = re.compile(r"\d\s?G\b")
NEGATIVE = re.compile(r"\b(?:minus|negative|negatif)\b|(?<![\w\d])-\s?\d")
PERCENT_OF = re.compile(r"^\s*(?:percents?|per cent) of\b", re.I)


def _load(relative: str) -> list[dict]:
    path = PEER / relative
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _out_of_scope(case: dict) -> str | None:
    """The reason a case is no news figure, None when it is in scope."""
    tags = set(case.get("tags", []))
    text = case["text"]
    for tag, reason in (("vague_or_collective", "vague_word"), ("indian_units", "indian_units"),
                        ("abbreviation", "chat_abbreviation"), ("digit_by_digit_reading", "digit_by_digit"),
                        ("prefix_parse_module_behaviour", "module_behaviour"),
                        ("ambiguous_module_heuristic", "module_behaviour"),
                        ("not_supported_in_some_rt_ports", "ports_disagree")):
        if tag in tags:
            return reason
    if any(t.startswith("note:currently only") for t in tags):
        return "module_behaviour"
    if ("si_suffix" in tags and case["lang"] == "id") or GIGA.search(text):
        return "si_suffix"
    if INDIAN_UNITS.search(text):
        return "indian_units"
    if SPOKEN_DIGITS.search(text):
        return "digit_by_digit"
    if case["dim"] in ("number_in_text", "number_range", "percent") and NEGATIVE.search(text):
        return "negative"  # negative figures are not counts
    if case["dim"] == "percent" and PERCENT_OF.search(text):
        return "percent_of"
    if case["dim"] in ("number", "number_in_text", "number_range", "percent") and FRACTION_TEXT.search(text):
        return "fraction_or_ratio"
    if case["dim"] in ("number_in_text", "number_range") and NOT_COUNT_CONTEXT.search(text):
        return "not_a_count"
    if case["dim"] == "number_range" and MATH_RANGE.search(text):
        return "math_range"
    return None


def _judge(case: dict, rules) -> bool:
    dim, text = case["dim"], case["text"]
    if dim in ("number", "number_format"):
        return _close(parse_number(text, rules), case["value"])
    if dim == "number_phrase":
        return (parse_number(text, rules) is not None) == case["is_number_phrase"]
    if dim == "number_format_detect":
        return (parse_number(text, rules) is not None) == case["is_well_formed_number"]
    if dim == "ordinal":  # nothing counted over the ordinal itself
        found = find_quantities(text, rules)
        spans = [s["span"] for s in case.get("spans", [])] or [text.strip()]
        for span in spans:
            at = text.lower().find(span.lower())
            if at < 0 or any(m.start < at + len(span) and at < m.end for m in found):
                return False
        return True
    # a reading (a quake's magnitude, a person's age) is recognised as a fact of its own kind,
    # never as a count: the suites' numbers in text are counts and amounts
    found = [m for m in find_quantities(text, rules) if not m.rule.startswith("reading:")]
    if dim == "number_in_text":
        got = sorted(m.value.low for m in found if m.value.low == m.value.high and m.value.low is not None)
        if len(got) != len(found):
            return False
        want = sorted(float(s["value"]) for s in case["spans"])
        return len(got) == len(want) and all(_close(g, w) for g, w in zip(got, want))
    if dim == "percent":
        got = sorted(m.value.low for m in found if m.kind == "percent")
        want = sorted(float(s["value"]) for s in case["spans"] if s["value"] != "null")
        return len(got) == len(want) and all(_close(g, w) for g, w in zip(got, want)) \
            and len(found) == len(got)
    if dim == "number_range":
        if not case["spans"]:
            return not [m for m in found if m.value.low != m.value.high]
        points_wanted = any(s.get("min") == s.get("max") for s in case["spans"])
        ranges = [m for m in found if points_wanted or m.value.low != m.value.high]
        if len(ranges) != len(case["spans"]):
            return False
        for m, span in zip(ranges, case["spans"]):
            low, high = span.get("min"), span.get("max")
            if not (_close(m.value.low, low) and _close(m.value.high, high)):
                return False
            if low is None and m.value.high_open != (not span.get("max_inclusive", True)):
                return False
            if high is None and m.value.low_open != (not span.get("min_inclusive", True)):
                return False
        return True
    if dim == "money":
        if len(found) != 1 or found[0].kind != "money":
            return False
        m = found[0]
        code = CURRENCY_CODES.get(case["currency"], case["currency"])
        if f"money:{code}" not in m.rule:
            return False
        low = case.get("min", case.get("value"))
        high = case.get("max", case.get("value"))
        if not (_close(m.value.low, low) and _close(m.value.high, high)):
            return False
        if "min_inclusive" in case and m.value.low_open == case["min_inclusive"]:
            return False
        if "max_inclusive" in case and m.value.high_open == case["max_inclusive"]:
            return False
        return True
    raise ValueError(f"unknown dimension {dim}")


def _cases() -> list[tuple[str, dict]]:
    out = []
    for suite, relative in (("duckling", "duckling/number_id.jsonl"), ("duckling", "duckling/number_en.jsonl"),
                            ("lingua-id-words2nums", "lingua-id-words2nums/number_id.jsonl"),
                            ("num2words", "num2words/number_id.jsonl"),
                            ("parse-number-id", "parse-number-id/number_format_id.jsonl"),
                            ("duckling", "duckling/money_id.jsonl"),
                            ("recognizers-text", "recognizers-text/number_en.jsonl"),
                            ("recognizers-text", "recognizers-text/number_range_en.jsonl"),
                            # our own: no licensed Malay suite was found (see its SOURCE.json)
                            ("malaysian-usage", "malaysian-usage/number_ms.jsonl")):
        for case in _load(relative):
            case = dict(case)
            if case["dim"] == "number_span_detect":
                case["dim"] = "number_phrase"
            if suite == "recognizers-text" and case["dim"] == "number" and "value" not in case:
                case["dim"] = "number_in_text"
            out.append((suite, case))
    return out


def details() -> list[dict]:
    """Every case with its verdict, for looking at failures."""
    rules = default_rules()
    rows = []
    for suite, case in _cases():
        reason = "digit_sequence" if case["dim"] == "digit_sequence" else _out_of_scope(case)
        ok = _judge(case, rules.for_language(case["lang"])) if reason is None else None
        rows.append({"suite": suite, "lang": case["lang"], "dimension": case["dim"],
                     "text": case["text"], "in_scope": reason is None, "reason": reason, "correct": ok})
    return rows


def score() -> list[dict]:
    totals: Counter = Counter()
    correct: Counter = Counter()
    outside: Counter = Counter()
    reasons: dict = {}
    order: list[tuple] = []
    for row in details():
        key = (row["suite"], row["lang"], row["dimension"])
        if key not in order:
            order.append(key)
        if row["in_scope"]:
            totals[key] += 1
            correct[key] += int(bool(row["correct"]))
        else:
            outside[key] += 1
            by_reason = reasons.setdefault(key, Counter())
            by_reason[row["reason"]] += 1
    return [{"suite": s, "lang": lang, "dimension": d, "cases": totals[(s, lang, d)],
             "correct": correct[(s, lang, d)],
             "accuracy": correct[(s, lang, d)] / totals[(s, lang, d)] if totals[(s, lang, d)] else 0.0,
             "out_of_scope": outside[(s, lang, d)],
             "out_of_scope_by_reason": dict(sorted(reasons.get((s, lang, d), Counter()).items()))}
            for s, lang, d in order]


if __name__ == "__main__":
    import sys

    for row in score():
        print(f"{row['suite']:<22}{row['lang']:<4}{row['dimension']:<22}{row['cases']:>5}{row['correct']:>5}"
              f"{row['accuracy']:>8.1%}{row['out_of_scope']:>5}")
    if "-v" in sys.argv:
        for row in details():
            if row["in_scope"] and not row["correct"]:
                print("FAIL", row["suite"], row["lang"], row["dimension"], repr(row["text"]))
