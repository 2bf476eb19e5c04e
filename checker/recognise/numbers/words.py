"""Numerals in words ("dua puluh lima", "two hundred thousand", "1,5 juta"): tokens with roles
(value, multiplier, adder, scale) evaluated into one value."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.recognise.numbers.compiled import NumberRules
from checker.recognise.numbers.digits import parse_digits
from checker.recognise.numbers.hedges import tidy
from checker.rulebook import LanguageRules, fold


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    role: str  # value | multiplier | adder | scale | fraction | joiner | decimal | article | digits
    value: Decimal


def tokens_of(text: str, rules: NumberRules, offset: int = 0,
            leaked_grouping: bool = False) -> list[Token] | None:
    """The tokens of a numeral phrase, aliases expanded; None when a piece is no number word."""
    out: list[Token] = []
    matches = list(rules.token.finditer(text))
    for k, m in enumerate(matches):
        s, e = m.start() + offset, m.end() + offset
        if m.group("digits"):
            value = parse_digits(m.group("digits"), rules, leaked_grouping)
            nxt = matches[k + 1].group("word") if k + 1 < len(matches) else None
            if (m.groupdict().get("suffix") or (nxt and rules.words.get(fold(nxt)) == "scale")) \
                    and re.fullmatch(r"\d{1,3}" + re.escape(rules.group_mark) + r"\d{3}", m.group("digits")):
                # "3.216 juta": before a scale word a single mark is a decimal point (lexicon 1.1)
                value = parse_digits(m.group("digits").replace(rules.group_mark, rules.decimal_mark), rules)
            if value is None:
                return None
            out.append(Token(m.group("digits"), s, e, "digits", value))
            suffix = m.groupdict().get("suffix")
            if suffix:
                out.append(Token(suffix, s, e, "scale", Decimal(str(rules.suffix_scales[suffix]))))
            continue
        word = m.group("word").lower()
        expanded = _expand(word, rules)
        if expanded is None:
            return None
        out += [Token(w, s, e, _role(w, rules), _word_value(w, rules)) for w in expanded]
    return out


def _expand(word: str, rules: NumberRules, depth: int = 0) -> list[str] | None:
    if word in rules.aliases:
        return rules.aliases[word].split()
    if word in rules.words or word in rules.joiners or word in rules.decimal_words \
            or word in rules.one_before_scale:
        return [word]
    if depth == 0:  # glued words ("tujuhpuluhtujuh", "duapuluh"): split into known words
        for cut in range(len(word) - 1, 1, -1):
            head = _expand(word[:cut], rules, 1)
            if head is not None:
                rest = _expand(word[cut:], rules, 0)
                if rest is not None:
                    return head + rest
    return None


def _role(word: str, rules: NumberRules) -> str:
    if word in rules.joiners:
        return "joiner"
    if word in rules.decimal_words:
        return "decimal"
    if word in rules.one_before_scale and word not in rules.words:
        return "article"
    return rules.words[word]


def _word_value(word: str, rules: NumberRules) -> Decimal:
    for table in (rules.values, rules.multipliers, rules.adders, rules.scales, rules.fractions):
        if word in table:
            return Decimal(str(table[word]))
    return Decimal(1)


def place_of(value: Decimal) -> Decimal:
    """The place value of the last non-zero digit of an integer (1500 -> 100)."""
    if value != value.to_integral_value() or value == 0:
        return Decimal(1)
    n, place = int(value), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return Decimal(place)


def evaluate(tokens: list[Token], bare_decimal_word: bool = False) -> Decimal | None:
    """The value of a token sequence, None if the words do not compose into one number."""
    total, group, last = Decimal(0), Decimal(0), None
    last_scale = None
    i, seen_value = 0, False
    while i < len(tokens):
        t = tokens[i]
        if t.role in ("value", "digits"):
            if last is not None:
                if not (last >= 10 and t.value < place_of(last) and t.value == t.value.to_integral_value()):
                    return None
                if tokens[i - 1].role == "digits" and t.role == "value":
                    return None  # "RM4,200 satu tan": a figure in digits takes no number word after it
                group += last
            last, seen_value = t.value, True
        elif t.role == "article":
            if i + 1 >= len(tokens) or tokens[i + 1].role not in ("scale", "multiplier", "fraction"):
                return None
            if last is None and tokens[i + 1].role != "fraction":
                last = Decimal(1)
            seen_value = True
        elif t.role == "fraction":
            if last is None and not group and last_scale is not None and total > 0 and i == len(tokens) - 1:
                total += t.value * last_scale  # "dua juta setengah": and a half million
            else:
                last = (last or Decimal(0)) + t.value
            seen_value = True
        elif t.role == "multiplier":
            if last is None:
                return None
            last = last * t.value
        elif t.role == "adder":
            if last is None or last >= 10:
                return None
            last = last + t.value
        elif t.role == "scale":
            part = group + (last or Decimal(0))
            if part == 0:
                if total > 0 and last_scale is not None and t.value > last_scale:
                    total *= t.value  # "three thousand millions"
                    last_scale = t.value
                    i += 1
                    continue
                return None
            if last_scale is not None and t.value >= last_scale and total > 0:
                total = (total + part) * t.value
            else:
                total += part * t.value
            last_scale = t.value
            group, last = Decimal(0), None
        elif t.role == "decimal":
            digits = []
            j = i + 1
            while j < len(tokens) and tokens[j].role in ("value", "digits") \
                    and tokens[j].value == tokens[j].value.to_integral_value():
                v = int(tokens[j].value)
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if tokens[j].role == "value" and v >= 20 and v % 10 == 0 and nxt is not None \
                        and nxt.role == "value" and 0 < nxt.value < 10:
                    v += int(nxt.value)  # a compound word: "seventy-one"
                    j += 1
                digits.append(str(v))
                j += 1
            if not digits:
                return None
            fraction = Decimal("0." + "".join(digits))
            if last is not None or group:
                last = group + (last or Decimal(0)) + fraction
                group = Decimal(0)
            elif total:
                total += fraction
            elif bare_decimal_word:
                last = fraction
            else:
                return None
            seen_value = True
            i = j
            continue
        elif t.role == "joiner":
            if i == 0 or i + 1 >= len(tokens):
                return None
        i += 1
    if not seen_value and total == 0:
        return None
    return total + group + (last or Decimal(0))


def value_of(text: str, rules: NumberRules, leaked_grouping: bool = False) -> Decimal | None:
    tokens = tokens_of(text, rules, 0, leaked_grouping)
    if not tokens:
        return None
    return evaluate(tokens, rules.bare_decimal_word)


def parse_number(text: str, rules: LanguageRules) -> float | None:
    """The value of a whole string that is one numeral, None if it is not one."""
    nr: NumberRules | None = rules.get("numbers")
    if nr is None or not isinstance(text, str):
        return None
    folded = fold(text)
    for phrase in nr.power_phrases:  # "lima koma empat kali sepuluh pangkat enam"
        if f" {phrase} " in folded:
            mantissa, exponent = folded.split(f" {phrase} ", 1)
            m_value, e_value = parse_number(mantissa, rules), parse_number(exponent, rules)
            if m_value is None or e_value is None or not float(e_value).is_integer():
                return None
            return tidy(m_value * 10 ** e_value) if abs(e_value) < 300 else None
    repeat = re.fullmatch(r"(.+?)\s*\((.+)\)", text.strip())
    if repeat:  # "forty-five (45)", "lima (5)": a figure written twice
        first, second = parse_number(repeat.group(1), rules), parse_number(repeat.group(2), rules)
        return first if first is not None and first == second else None
    s = text.strip()
    sign = 1
    m = re.match(r"^([+-])\s*(?=[\d.,])", s)
    if m:
        sign, s = (-1 if m.group(1) == "-" else 1), s[m.end():]
    else:
        words = s.lower().split(None, 1)
        if len(words) == 2 and words[0] in nr.signs:
            sign, s = nr.signs[words[0]], words[1]
    if not s or not re.match(r"^[\w.,]", s) or re.search(r"[^\w\s.,\-\u2014+]", s):
        return None
    m = re.fullmatch(r"(?:[.,]\d+|[\d.,]*\d)(?:[eE][+-]?\d+)?", s)
    if m:
        value = parse_digits(s, nr)
    else:
        tokens = tokens_of(s, nr)
        if not tokens or not covers_all(s, tokens, nr):
            return None
        value = evaluate(tokens, nr.bare_decimal_word)
    return None if value is None else tidy(float(value) * sign)


def covers_all(text: str, tokens: list[Token], nr: NumberRules) -> bool:
    """Nothing but tokens, spaces and word hyphens in the string."""
    rest = nr.token.sub(" ", text)
    return not re.sub(r"[\s\-\u2014]", "", rest)
