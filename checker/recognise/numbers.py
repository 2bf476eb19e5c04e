"""Numbers and quantities: counted figures in a sentence as intervals.

One engine, every language's knowledge in rules/<lang>/numbers.yaml (kind `numbers`):
digit formats (decimal and group marks), number words and how they combine (values,
multipliers such as puluh/hundred, adders such as belas, scales such as ribu/million), vague
quantities (ribuan -> [1000, 9999]), hedges with the factors of N they imply (sekitar ->
[0.9N, 1.1N]), range connectors and frames, percent and currency markers, and the traps
(years, times, dates, codes, units) as word lists and regexes.

`find_quantities(text, rules)` finds every counted figure; `parse_number(text, rules)` reads a
whole string that is one numeral.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from checker.model import Interval, Mention
from checker.recognise.prefilter import PatternSet
from checker.rulebook import LanguageRules, alternation, fold, rule_regex


# --- schema -------------------------------------------------------------------------------------

class HedgeSchema(Schema):
    """A hedge word and what it makes of a figure N, a count (numbers.yaml) or a length of time
    (durations.yaml) alike: the factor of N each bound becomes (null: unbounded on that side,
    so both are written), whether that bound is open, and whether the word only estimates
    ("sekitar", "about")."""
    low = fields.Float(required=True, allow_none=True)
    high = fields.Float(required=True, allow_none=True)
    low_open = fields.Boolean(load_default=False)
    high_open = fields.Boolean(load_default=False)
    estimate = fields.Boolean(load_default=False)

    @validates_schema
    def _ordered(self, data, **_):
        if data["low"] is not None and data["high"] is not None and data["low"] > data["high"]:
            raise ValidationError("hedge low factor above high factor")


class NumbersSchema(Schema):
    decimal_mark = fields.String(validate=validate.OneOf([",", "."]))
    values = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    multipliers = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    adders = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    scales = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    fractions = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    aliases = fields.Dict(fields.String(), fields.String(), load_default=dict)
    one_before_scale = fields.List(fields.String(), load_default=list)
    joiners = fields.List(fields.String(), load_default=list)
    decimal_words = fields.List(fields.String(), load_default=list)
    bare_decimal_word = fields.Boolean(load_default=False)  # "point 77" = 0.77 (en), not "koma lima"
    signs = fields.Dict(fields.String(), fields.Integer(), load_default=dict)
    suffix_scales = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    approx_suffixes = fields.List(fields.String(), load_default=list)
    vague = fields.Dict(fields.String(), fields.List(fields.Float(allow_none=True)), load_default=dict)
    hedges_before = fields.Dict(fields.String(), fields.Nested(HedgeSchema), load_default=dict)
    hedges_after = fields.Dict(fields.String(), fields.Nested(HedgeSchema), load_default=dict)
    range_connectors = fields.List(fields.String(), load_default=list)
    range_frames = fields.Dict(fields.String(), fields.String(), load_default=dict)
    # "four or five": a connector that makes a range only between small figures
    small_range_connectors = fields.List(fields.String(), load_default=list)
    small_range_max = fields.Float(load_default=100)
    # "more than 20 and less than 30": two one-sided bounds joined into one interval
    bound_joiners = fields.List(fields.String(), load_default=list)
    ordinal_words = fields.List(fields.String(), load_default=list)
    power_phrases = fields.List(fields.String(), load_default=list)  # "kali sepuluh pangkat"
    # "keempat prajurit" = the four soldiers: a collective prefix before a counted noun is a
    # count (after a noun, "gelombang kedua", it stays an ordinal)
    collective_prefixes = fields.List(fields.String(), load_default=list)
    change_verbs = fields.List(fields.String(), load_default=list)
    percent_words = fields.List(fields.String(), load_default=list)
    currencies_before = fields.Dict(fields.String(), fields.String(), load_default=dict)
    currencies_after = fields.Dict(fields.String(), fields.String(), load_default=dict)
    not_after = fields.List(fields.String(), load_default=list)
    not_before = fields.List(fields.String(), load_default=list)
    counted_nouns = fields.List(fields.String(), load_default=list)
    year_range = fields.List(fields.Integer(), load_default=lambda: [1900, 2099])
    # the most words one numeral phrase holds: a longer run ("1 1 1 ...") is read as several, so
    # finding the figures of a sentence stays linear in its length
    max_phrase_words = fields.Integer(load_default=16, validate=validate.Range(min=2, max=64))
    reject_patterns = fields.List(fields.String(), load_default=list)
    # readings that are no counts but facts of their own: a quake's magnitude ("magnitudo 5,6",
    # "6,9 SR", "a 7.8 magnitude quake"), by the words before or after the figure
    readings = fields.Dict(keys=fields.String(), values=fields.Dict(
        keys=fields.String(validate=validate.OneOf(["before", "after"])),
        values=fields.List(fields.String())), load_default=dict)


# --- compiled rules -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Hedge:
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    estimate: bool = False


def apply_hedges(low: float | None, high: float | None, before: list[Hedge],
                 after: Hedge | None = None) -> tuple:
    """A figure's bounds (low, high, low_open, high_open) under the hedges written before it
    (several may stack, the nearest first applied: "diperkirakan sekitar") and the one after
    it ("1.000 lebih"). Counts and lengths of time are hedged by this one function: "about 500
    or more" is at least 500 (an estimate's edge is no bound), "about two weeks or more" at
    least two weeks."""
    nominal = (low, high)
    low_open = high_open = False
    for hedge in before[::-1]:
        low, high, lo, ho = _apply(hedge, low, high)
        low_open, high_open = low_open or lo, high_open or ho
    if after is not None:
        if before and all(h.estimate for h in before) and (after.low is None or after.high is None):
            low, high = nominal
        low, high, lo, ho = _apply(after, low, high)
        low_open, high_open = low_open or lo, high_open or ho
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high, low_open, high_open


@dataclass(frozen=True)
class NumberRules:
    decimal_mark: str
    group_mark: str
    values: dict
    multipliers: dict
    adders: dict
    scales: dict
    fractions: dict
    aliases: dict
    one_before_scale: frozenset
    joiners: frozenset
    decimal_words: frozenset
    bare_decimal_word: bool
    signs: dict
    suffix_scales: dict
    approx_suffixes: tuple
    vague: dict  # phrase (folded) -> (low, high)
    hedges_before: dict
    hedges_after: dict
    range_connectors: frozenset
    range_frames: dict
    small_range_connectors: frozenset
    small_range_max: float
    bound_joiners: frozenset
    ordinal_head: re.Pattern | None
    power_phrases: tuple
    collective: re.Pattern | None
    counted_nouns: frozenset
    year_range: tuple
    figure: re.Pattern  # one candidate figure: currency? core suffix? percent|currency?
    token: re.Pattern  # one token inside a numeral phrase
    hedge_before_tail: re.Pattern | None
    hedge_after_head: re.Pattern | None
    frame_open_tail: re.Pattern | None
    change_tail: re.Pattern | None
    not_after_tail: re.Pattern | None
    not_before_head: re.Pattern | None
    counted_head: re.Pattern | None
    rejects: tuple  # compiled trap regexes
    currencies: dict = field(default_factory=dict)  # folded marker -> currency code
    readings: tuple = ()  # (name, "before" | "after": the cue's side, pattern with the figure in group "n")
    words: dict = field(default_factory=dict)  # every number word -> its role
    # cheap exact pre-checks for the two tail regexes run on the text before every figure
    hedge_before_gate: "TailGate | None" = None
    not_after_gate: "TailGate | None" = None
    reject_set: PatternSet | None = None  # the trap regexes and their prefilter


@dataclass(frozen=True)
class TailGate:
    """A necessary condition for a `...\\s*$` tail regex built from a word list: every match
    ends with one of the words' last words, then an optional dot, then spaces. Searching that
    alone, only over the last few characters, is far cheaper than the tail regex itself (a
    case-insensitive alternation tried at every start position of the text), and when it fails
    the tail regex cannot match."""

    last_word: re.Pattern
    longest: int

    def admits(self, text: str, end: int) -> bool:
        stem = _stem(text, end)
        return self.last_word.search(text, max(0, stem - self.longest - 1), end) is not None


# characters before a figure (its trailing spaces aside) a tail phrase can reach back: more
# than any hedge, range frame or 'not after' phrase, so reading only these gives the answer
# reading the whole sentence before the figure would, at a cost that does not grow with it
TAIL_REACH = 240


def _stem(text: str, end: int) -> int:
    """Where the spaces right before `end` begin (str.isspace is the set re's \\s matches)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _tail_search(pattern: re.Pattern, text: str, end: int) -> re.Match | None:
    """A `...\\s*$` pattern searched at the end of text[:end], over its last characters only."""
    return pattern.search(text, max(0, _stem(text, end) - TAIL_REACH), end)


def _tail_gate(words) -> TailGate | None:
    last = {w.split()[-1] for w in words if w and w.split()}
    if not last:
        return None
    return TailGate(re.compile(rf"(?:{alternation(last)})\.?\s*$", re.I), max(map(len, last)))


def _word_edge(word: str, side: str) -> str:
    """A word boundary only where the word begins/ends with a word character."""
    if side == "before":
        return r"(?<![\w])" if re.match(r"\w", word) else ""
    return r"(?![\w])" if re.search(r"\w$", word) else ""


def _bounded(words) -> str:
    """Whole-word alternation, longest first. The words that begin with a word character share
    one leading a `(?<![\\w])` lookbehind, so inside a word the alternation fails at once instead of trying
    every word; the two groups cannot both match at one position (a word character or not), so
    the order within each is all that decides a match."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    body = lambda w: r"\s+".join(re.escape(p) for p in w.split()) + _word_edge(w, "after")  # noqa: E731
    wordy = [body(w) for w in parts if _word_edge(w, "before")]
    other = [body(w) for w in parts if not _word_edge(w, "before")]
    return "|".join(([rf"(?<![\w])(?:{'|'.join(wordy)})"] if wordy else []) + other)


def _merge(datas: list[dict]) -> dict:
    merged: dict = {}
    for data in datas:
        for key, value in data.items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            elif isinstance(value, list) and key != "year_range":
                merged.setdefault(key, []).extend(value)
            else:
                merged[key] = value
    return merged


def compile_numbers(datas: list[dict]) -> NumberRules:
    d = _merge(datas)
    decimal = d.get("decimal_mark", ".")
    group = "." if decimal == "," else ","
    keyed = lambda m: {fold(k): v for k, v in (m or {}).items()}  # noqa: E731
    values, multipliers, adders = keyed(d.get("values")), keyed(d.get("multipliers")), keyed(d.get("adders"))
    scales, fractions, aliases = keyed(d.get("scales")), keyed(d.get("fractions")), keyed(d.get("aliases"))
    for alias, expansion in aliases.items():
        for part in expansion.split():
            if part not in {**values, **multipliers, **adders, **scales, **fractions}:
                raise ValueError(f"alias {alias!r} expands to unknown word {part!r}")
    words = {**{w: "value" for w in values}, **{w: "multiplier" for w in multipliers},
             **{w: "adder" for w in adders}, **{w: "scale" for w in scales},
             **{w: "fraction" for w in fractions}, **{w: "alias" for w in aliases}}
    one_before = frozenset(fold(w) for w in d.get("one_before_scale", []))
    joiners = frozenset(fold(w) for w in d.get("joiners", []))
    decimal_words = frozenset(fold(w) for w in d.get("decimal_words", []))
    suffix_scales = dict(d.get("suffix_scales", {}))  # case-sensitive: M is not m everywhere
    approx = tuple(sorted(d.get("approx_suffixes", []), key=len, reverse=True))
    vague = {fold(k): tuple(v) for k, v in d.get("vague", {}).items()}
    for phrase, bounds in vague.items():
        if len(bounds) != 2:
            raise ValueError(f"vague {phrase!r} needs [low, high]")
    hedges_before = {fold(k): Hedge(**v) for k, v in d.get("hedges_before", {}).items()}
    hedges_after = {fold(k): Hedge(**v) for k, v in d.get("hedges_after", {}).items()}

    word_alt = alternation(words)
    approx_alt = alternation(approx)
    word_atom = rf"(?<![\w])(?:{word_alt})(?:(?![\w])|(?=(?:{approx_alt})(?![\w])))" if approx \
        else rf"(?<![\w])(?:{word_alt})(?![\w])"
    digits = (r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d.,]\d)"
              r"|\d+(?:[.,]\d+)*(?:[eE][+-]?\d+(?![\w]))?)")
    suffix_alt = alternation(suffix_scales)
    digit_atom = digits + (rf"(?:\s?(?:{suffix_alt})(?![\w]))?" if suffix_scales else "")
    article = (rf"(?<![\w])(?:{alternation(one_before)})(?=\s+(?:{alternation({**scales, **multipliers})})(?![\w]))"
               if one_before else None)
    atom = rf"(?:{digit_atom}|{word_atom}" + (rf"|{article}" if article else "") + ")"
    joiner = rf"(?:(?:{alternation(joiners | decimal_words)})\s+)?" if (joiners or decimal_words) else ""
    sep = rf"(?:\s+{joiner}|\s+-\s+(?=[^\W\d])|(?<=[^\W\d])[-\u2014](?=[^\W\d])|(?<=\d)(?=[^\W\d]))"
    phrase = rf"{atom}(?:{sep}{atom}){{0,{int(d.get('max_phrase_words', 16)) - 1}}}"
    vague_alt = _bounded(vague)
    core = rf"(?P<vague>{vague_alt})|(?P<num>{phrase})" if vague else rf"(?P<num>{phrase})"
    cur_before = alternation(d.get("currencies_before", {}))
    # glued or spaced after the figure ("20€", "20Rp", "20 euro"), but a whole word
    cur_after = "|".join(rf"{re.escape(c)}" + _word_edge(c, "after")
                         for c in sorted(d.get("currencies_after", {}), key=len, reverse=True))
    pct = _bounded(d.get("percent_words", []))
    figure = (
        (rf"(?P<cur>(?<![\w$])(?:{cur_before})\s?)?" if d.get("currencies_before") else "")
        + rf"(?:{core})"
        + (rf"(?:(?P<approx>{approx_alt})(?![\w]))?" if approx else "")
        + (rf"(?P<pct>\s?(?:{pct}))?" if pct else "")
        + (rf"(?P<curafter>\s*(?:{cur_after}))?" if cur_after else "")
    )
    token = re.compile(
        rf"(?P<digits>{digits})(?:\s*(?P<suffix>{suffix_alt})(?![\w]))?|(?P<word>[^\W\d_]+)"
        if suffix_scales else rf"(?P<digits>{digits})|(?P<word>[^\W\d_]+)")

    def tail(words_, extra: str = "") -> re.Pattern | None:
        return re.compile(rf"(?:{_bounded(words_)}){extra}\s*$", re.I) if words_ else None

    hedge_before_tail = (re.compile(rf"(?:(?:{_bounded(hedges_before)})\s*)+$", re.I)
                         if hedges_before else None)
    hedge_after_head = (re.compile(rf"^\s*(?:{_bounded(hedges_after)})", re.I)
                        if hedges_after else None)
    frames = {fold(k): fold(v) for k, v in d.get("range_frames", {}).items()}
    return NumberRules(
        decimal_mark=decimal, group_mark=group, values=values, multipliers=multipliers,
        adders=adders, scales=scales, fractions=fractions, aliases=aliases,
        one_before_scale=one_before, joiners=joiners, decimal_words=decimal_words,
        bare_decimal_word=bool(d.get("bare_decimal_word", False)),
        signs=keyed(d.get("signs")), suffix_scales=suffix_scales, approx_suffixes=approx,
        vague=vague, hedges_before=hedges_before, hedges_after=hedges_after,
        range_connectors=frozenset(fold(c) for c in d.get("range_connectors", [])),
        range_frames=frames,
        small_range_connectors=frozenset(fold(c) for c in d.get("small_range_connectors", [])),
        small_range_max=float(d.get("small_range_max", 100)),
        bound_joiners=frozenset(fold(c) for c in d.get("bound_joiners", [])),
        ordinal_head=(re.compile(rf"^[\s\-\u2014]*(?:{_bounded(d['ordinal_words'])})", re.I)
                      if d.get("ordinal_words") else None),
        power_phrases=tuple(fold(p) for p in d.get("power_phrases", [])),
        collective=(re.compile(
            rf"(?<![\w-])(?:{alternation(d['collective_prefixes'])})(?P<n>-\s?\d+|[^\W\d_]+)"
            rf"(?=\s+(?:{alternation(d['counted_nouns'])})(?![\w]))", re.I)
            if d.get("collective_prefixes") and d.get("counted_nouns") else None),
        counted_nouns=frozenset(fold(w) for w in d.get("counted_nouns", [])),
        year_range=tuple(d.get("year_range", [1900, 2099])),
        figure=re.compile(figure, re.I),
        token=token,
        hedge_before_tail=hedge_before_tail,
        hedge_after_head=hedge_after_head,
        frame_open_tail=tail(frames) if frames else None,
        change_tail=tail(d.get("change_verbs", []), r"\s+(?:\S+\s+){0,1}(?:" + _bounded(frames) + ")")
        if d.get("change_verbs") and frames else None,
        not_after_tail=tail(d.get("not_after", []), r"\.?"),
        not_before_head=(re.compile(rf"^\s*-?\s*(?:{_bounded(d['not_before'])})", re.I)
                         if d.get("not_before") else None),
        counted_head=(re.compile(rf"^\s*(?:{_bounded(d['counted_nouns'])})", re.I)
                      if d.get("counted_nouns") else None),
        rejects=(rejects := tuple(_compile_reject(p) for p in d.get("reject_patterns", []))),
        reject_set=PatternSet.build(rejects),
        words=words,
        hedge_before_gate=_tail_gate(hedges_before),
        not_after_gate=_tail_gate(d.get("not_after", [])),
        currencies={fold(k): v for k, v in {**d.get("currencies_before", {}),
                                             **d.get("currencies_after", {})}.items()},
        readings=_readings(d.get("readings", {}), decimal),
    )


def _readings(specs: dict, decimal: str) -> tuple:
    """Each reading's pattern: a cue, the figure (digits with the language's decimal mark),
    or the figure, then a cue. The figure may be a numeral in words, up to three of them, set off
    from the cue by a space or hyphen ("an eight-year-old", "berusia dua puluh tahun"):
    find_readings keeps it only when the words are one numeral."""
    mark = re.escape(decimal)
    digits = rf"(?P<n>\d{{1,2}}(?:{mark}\d{{1,2}})?)(?![\d{mark}]\d)"
    worded = r"(?P<w>[^\W\d_]+(?:[\s-][^\W\d_]+){0,2})"
    out = []
    for name, cues in specs.items():
        if cues.get("before"):
            cue = alternation(cues["before"])
            out.append((name, "before", re.compile(
                rf"(?<![\w-])(?:{cue})(?:\s*-?\s*{digits}|[\s-]+{worded})", re.I)))
        if cues.get("after"):
            cue = alternation(cues["after"])
            out.append((name, "after", re.compile(
                rf"(?<![\w.,])(?:{digits}\s*-?\s*|{worded}[\s-]+)(?:{cue})(?![\w])", re.I)))
    return tuple(out)


def find_readings(text: str, nr: NumberRules) -> list[Mention]:
    """A quake's magnitude and the like: quantities of their own kind of fact (rule
    "reading:<name>"), which the counting rules leave out."""
    out: list[Mention] = []
    for name, side, pattern in nr.readings:
        for m in pattern.finditer(text):
            if m.group("n"):
                start, end = m.span("n")  # the figure alone: its cue is the measure, not the value
                value = parse_digits(text[start:end], nr)
            else:  # the words next to the cue that are one numeral ("them an eight" -year-old: "eight")
                start, end, value = _numeral_next_to(text, *m.span("w"), side, nr)
            if value is None or any(o.start < end and start < o.end for o in out):
                continue  # "berkekuatan 4,2 SR": one reading, whichever cue found it
            out.append(Mention("quantity", text[start:end], start, end,
                               Interval(float(value), float(value)), f"reading:{name}"))
    return out


def _numeral_next_to(text: str, start: int, end: int, side: str, nr: NumberRules) -> tuple:
    """(start, end, value) of the longest run of the words in text[start:end] that touches the
    cue's side (its end for a cue after, its start for a cue before) and is one numeral in
    words ("eight", "twenty-one", "dua puluh"); value None when there is none."""
    cuts = [start] + [start + w.end() for w in re.finditer(r"[\s-]+", text[start:end])]
    spans = [(c, end) for c in cuts] if side == "after" else \
        [(start, start + w.start()) for w in re.finditer(r"[\s-]+|$", text[start:end])][::-1]
    for a, b in spans:
        raw = text[a:b].strip(" -")
        tokens = _tokens(raw, nr) if raw else None
        if tokens and _covers(raw, tokens, nr) and tokens[0].role not in ("article", "joiner"):
            value = evaluate(tokens, nr.bare_decimal_word)
            if value is not None:
                return a, a + len(raw), value
    return start, end, None


def _compile_reject(pattern: str) -> re.Pattern:
    return rule_regex(pattern, "reject pattern")


# --- digits -------------------------------------------------------------------------------------

_SCI = re.compile(r"^(?P<mant>[\d.,]*\d|[.,]\d+)(?:[eE](?P<exp>[+-]?\d+))?$")


def parse_digits(text: str, rules: NumberRules, leaked_grouping: bool = False) -> Decimal | None:
    """A digit string by the language's marks. A mark used more than once, or followed by
    exactly three digits where it cannot be the decimal mark, groups thousands; with both marks
    the last one is the decimal point. `leaked_grouping`: the text reads the other convention
    (Indonesian '13,200 orang'), so a single decimal mark before exactly three digits groups."""
    s = re.sub(r"[ \u00a0\u202f]", "", text)
    m = _SCI.match(s)
    if not m:
        return None
    mant, exp = m.group("mant"), m.group("exp")
    marks = [c for c in mant if c in ".,"]
    int_part, frac = mant, ""
    if marks:
        kinds = set(marks)
        if len(kinds) == 2:
            last = max(mant.rfind("."), mant.rfind(","))
            dec = mant[last]
            if mant.count(dec) > 1:
                return None
            int_part, frac = mant[:last], mant[last + 1:]
            groups = int_part.split("." if dec == "," else ",")
            if not _grouped(groups):
                return None
            int_part = "".join(groups)
        else:
            mark = marks[0]
            pieces = mant.split(mark)
            three = all(len(p) == 3 for p in pieces[1:])
            if len(marks) > 1:
                if not (three and _grouped(pieces)):
                    return None
                int_part = "".join(pieces)
            elif mark == rules.decimal_mark and leaked_grouping and three and _grouped(pieces):
                int_part = "".join(pieces)
            elif mark == rules.decimal_mark:
                int_part, frac = pieces
            elif mark == rules.group_mark and three and _grouped(pieces) and exp is None:
                int_part = "".join(pieces)
            else:
                int_part, frac = pieces
    try:
        value = Decimal((int_part or "0") + ("." + frac if frac else ""))
        if exp is not None:
            value = value.scaleb(int(exp))
    except (InvalidOperation, ValueError):
        return None
    return value


def _grouped(pieces: list[str]) -> bool:
    return bool(pieces[0]) and len(pieces[0]) <= 3 and all(len(p) == 3 for p in pieces[1:])


# --- number words -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    role: str  # value | multiplier | adder | scale | fraction | joiner | decimal | article | digits
    value: Decimal


def _tokens(text: str, rules: NumberRules, offset: int = 0,
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


def _place(value: Decimal) -> Decimal:
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
                if not (last >= 10 and t.value < _place(last) and t.value == t.value.to_integral_value()):
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


def _value_of(text: str, rules: NumberRules, leaked_grouping: bool = False) -> Decimal | None:
    tokens = _tokens(text, rules, 0, leaked_grouping)
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
            return _tidy(m_value * 10 ** e_value) if abs(e_value) < 300 else None
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
        tokens = _tokens(s, nr)
        if not tokens or not _covers(s, tokens, nr):
            return None
        value = evaluate(tokens, nr.bare_decimal_word)
    return None if value is None else _tidy(float(value) * sign)


def _covers(text: str, tokens: list[Token], nr: NumberRules) -> bool:
    """Nothing but tokens, spaces and word hyphens in the string."""
    rest = nr.token.sub(" ", text)
    return not re.sub(r"[\s\-\u2014]", "", rest)


def _tidy(x: float) -> float:
    return float(round(x, 6)) if abs(x) < 1e15 else x


# --- finding figures in a sentence --------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """One figure before range merging."""

    kind: str  # quantity | percent | money
    start: int  # whole span, hedges included
    end: int
    core_start: int
    core_end: int
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    rule: str
    unit: str = ""
    scaled: bool = False  # carried a scale word (ribu, million)
    scale: float = 1.0
    hedged_before: str = ""  # the before-hedge text, folded
    hedged_after: bool = False
    nominal: tuple = (None, None)  # the bounds before hedges
    estimate_only: bool = False  # every before-hedge is an estimate word ("sekitar")


def _apply(h: Hedge, low: float | None, high: float | None) -> tuple:
    new_low = None if h.low is None or low is None else _tidy(low * h.low)
    new_high = None if h.high is None or high is None else _tidy(high * h.high)
    return new_low, new_high, h.low_open, h.high_open


def _rejected_spans(text: str, nr: NumberRules) -> list[tuple[int, int]]:
    patterns = nr.reject_set.candidates(text) if nr.reject_set is not None else nr.rejects
    return [(m.start(), m.end()) for rx in patterns for m in rx.finditer(text) if m.end() > m.start()]


class _Rejected:
    """One sentence's trap spans, found when the first candidate figure asks: every trap regex
    scans the whole sentence, and many sentences have no candidate figure at all."""

    __slots__ = ("_text", "_nr", "_extra", "_spans", "_starts", "_reach")

    def __init__(self, text: str, nr: NumberRules, extra: list[tuple[int, int]]):
        self._text, self._nr, self._extra = text, nr, extra
        self._spans: list[tuple[int, int]] | None = None

    def overlaps(self, start: int, end: int) -> bool:
        if self._spans is None:
            self._spans = _rejected_spans(self._text, self._nr) + self._extra
            self._spans.sort()
            self._starts = [s for s, _ in self._spans]
            self._reach = list(itertools.accumulate((e for _, e in self._spans), max))
        # the spans starting before `end`, and the furthest any of them reaches
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


# a letter run (then a hyphen) right before a digit: a code (F-16, G20); any longer run also
# ends in the last 64 characters, so searching only those gives the same answer
_LETTERS_TAIL = re.compile(r"(?<![\d])[^\W\d_]+-?$")
_DIGIT = re.compile(r"\d")
_DIGIT_TAIL = re.compile(r"\d$")
_WORD_CHAR = re.compile(r"[^\W_]")
_DIGITS_ON = re.compile(r"[.,]?\d")
_LAST_WORD = re.compile(r"(\w+)\s+$")
_SIGN_TAIL = re.compile(r"(?:^|\s)[-\u2212]\s?$")


def _tail_admits(gate: TailGate | None, text: str, end: int) -> bool:
    return gate is None or gate.admits(text, end)


def _is_year(value: Decimal, raw: str, nr: NumberRules) -> bool:
    return bool(re.fullmatch(r"\d{4}", raw)) and nr.year_range[0] <= value <= nr.year_range[1]


def _collectives(text: str, nr: NumberRules) -> list[Figure]:
    out = []
    for m in nr.collective.finditer(text) if nr.collective else ():
        prev = _tail_search(_LAST_WORD, text, m.start())
        if (nr.not_after_tail and _tail_admits(nr.not_after_gate, text, m.start())
                and _tail_search(nr.not_after_tail, text, m.start())) or (
                prev and (prev.group(1)[0].isupper() and prev.start() > 0
                          or fold(prev.group(1)) in nr.counted_nouns)):
            continue  # after an ordinal noun or a name: "gelombang kedua", "Brigade kelima"
        raw = m.group("n").lstrip("-").strip()
        value = parse_digits(raw, nr) if raw[0].isdigit() else _value_of(raw, nr)
        if value is None or value < 2 or value != value.to_integral_value():
            continue
        out.append(Figure("quantity", m.start(), m.end(), m.start(), m.end(), float(value), float(value),
                          False, False, "collective:" + fold(m.group(0))))
    return out


def _figures(text: str, nr: NumberRules) -> list[Figure]:
    collectives = _collectives(text, nr)
    rejects = _Rejected(text, nr, [(f.start, f.end) for f in collectives])
    out: list[Figure] = list(collectives)
    pos = 0
    while pos < len(text):
        m = nr.figure.search(text, pos)
        if not m:
            break
        fig, resume = _figure(text, m, nr, rejects)
        pos = max(resume, m.start() + 1)
        if fig is not None:
            out.append(fig)
    return sorted(out, key=lambda f: f.start)


def _figure(text: str, m: re.Match, nr: NumberRules, rejects) -> tuple[Figure | None, int]:
    core_start = m.start("vague") if m.groupdict().get("vague") else m.start("num")
    core_end = m.end("vague") if m.groupdict().get("vague") else m.end("num")
    rule_parts: list[str] = []
    if m.groupdict().get("vague"):
        low, high = nr.vague[fold(m.group("vague"))]
        rule_parts.append("vague:" + fold(m.group("vague")))
        scaled, scale, raw_value = True, 1.0, None
    else:
        raw = m.group("num")
        after = text[core_end:]
        leaked = bool(nr.counted_head and nr.counted_head.match(after)
                      and re.fullmatch(r"\d{1,3}(?:" + re.escape(nr.decimal_mark) + r"\d{3})+", raw))
        tokens = _tokens(raw, nr, core_start, leaked)
        value = None
        while tokens:
            value = evaluate(tokens, nr.bare_decimal_word)
            if value is not None and tokens[-1].role not in ("joiner", "decimal", "article"):
                break
            tokens = tokens[:-1]
            value = None
        if value is None:
            return None, core_end
        if tokens[-1].end < core_end:  # a shorter numeral; the rest is scanned again
            core_end = tokens[-1].end
            if all(t.role == "fraction" for t in tokens):
                return None, core_end
            # the currency before it still marks it ("RM4,200 satu tan"); what follows the
            # longer reading (a percent sign, a currency after) does not
            before = m if m.groupdict().get("cur") and not m.groupdict().get("pct") \
                and not m.groupdict().get("curafter") else None
            fig = _finish(text, nr, rejects, core_start, core_end, float(value), float(value),
                          tokens, before, m.start(), "", "")
            return fig, core_end
        if all(t.role == "fraction" for t in tokens):
            return None, core_end  # "half" alone is relative to a base, not a figure
        low = high = float(value)
        raw_value = value
        approx = m.groupdict().get("approx")
        if approx:
            if raw_value != raw_value.to_integral_value():
                return None, m.end()
            place = _place(raw_value)
            high = float(raw_value + place - 1)
            rule_parts.append("approx:" + approx)
            core_end = m.end("approx")
        return _finish(text, nr, rejects, core_start, core_end, low, high, tokens, m,
                       m.start(), "+".join(rule_parts), raw), m.end()
    return _finish(text, nr, rejects, core_start, core_end, low, high, None, m, m.start(),
                   "+".join(rule_parts), ""), m.end()


def _finish(text, nr: NumberRules, rejects, core_start, core_end, low, high, tokens, m,
            match_start, rule, raw) -> Figure | None:
    if rejects.overlaps(core_start, core_end):
        return None
    kind, unit = "quantity", ""
    start, end = core_start, core_end
    if m is not None and m.groupdict().get("cur") and m.start("cur") >= 0:
        kind, unit = "money", _currency(m.group("cur"), nr, before=True)
        start = m.start("cur")
    if m is not None and m.groupdict().get("pct") and m.end("pct") > core_end - 1 \
            and m.start("pct") >= core_end:
        kind, end = "percent", m.end("pct")
    elif m is not None and m.groupdict().get("curafter") and m.start("curafter") >= core_end:
        kind, unit, end = "money", _currency(m.group("curafter"), nr, before=False), m.end("curafter")
    # codes and glued units: digits touching letters are names (F-16, G20) or measures (29km)
    # (the `$`-anchored checks search only the last characters before `start`/`end`: the same
    # answer, without trying every start position of the sentence)
    if _DIGIT.match(text, start) and _LETTERS_TAIL.search(text, max(0, start - 64), start):
        return None
    if _WORD_CHAR.match(text[end:end + 1]) and _DIGIT_TAIL.search(text, max(0, end - 2), end):
        return None
    if _DIGITS_ON.match(text, end) and _DIGIT_TAIL.search(text, max(0, end - 2), end):
        return None  # never a figure cut out of a longer digit string
    if _SIGN_TAIL.search(text, max(0, start - 4), start) and kind != "money":
        return None  # a signed figure ("-7.000" in a ticker) is a change or a reading, not a count
    if nr.not_after_tail and _tail_admits(nr.not_after_gate, text, start) \
            and _tail_search(nr.not_after_tail, text, start):
        return None
    if nr.ordinal_head and nr.ordinal_head.match(text[end:]):
        return None  # "twenty-fifth": the figure is the head of an ordinal
    if kind == "quantity" and nr.not_before_head and nr.not_before_head.match(text[end:]):
        return None
    scaled = bool(tokens) and any(t.role in ("scale", "multiplier") for t in tokens)
    scale = 1.0
    if tokens and tokens[-1].role == "scale":
        scale = float(tokens[-1].value)
    if tokens and kind == "quantity" and len(tokens) == 1 and tokens[0].role == "digits":
        if _is_year(tokens[0].value, raw or tokens[0].text, nr) and not (
                nr.counted_head and nr.counted_head.match(text[end:])):
            return None
    if tokens and any(t.role == "digits" and t.value < 0 for t in tokens):
        return None
    # hedges: before (several may stack: "diperkirakan sekitar") and after ("1.000 lebih")
    nominal = (low, high)
    hedge_text = ""
    rules_used = [rule] if rule else []
    before: list[Hedge] = []
    hb = (_tail_search(nr.hedge_before_tail, text, start)
          if nr.hedge_before_tail and _tail_admits(nr.hedge_before_gate, text, start) else None)
    if hb:
        hedge_text = fold(hb.group(0))
        parts = _split_hedges(hedge_text, nr.hedges_before)
        before = [nr.hedges_before[part] for part in parts]
        rules_used += [f"hedge:{part}" + (":estimate" if h.estimate else "")
                       for part, h in zip(parts[::-1], before[::-1])]
        start = hb.start()
    estimate_only = bool(before) and all(h.estimate for h in before)
    after = None
    ha = nr.hedge_after_head.match(text[end:]) if nr.hedge_after_head else None
    if ha and _figure_follows(text, end + ha.end(), nr):
        ha = None  # "5000 or less than 6000": 'or less' opens the next figure's hedge
    if ha:
        word = fold(ha.group(0))
        after = nr.hedges_after[word]
        rules_used.append(f"hedge:{word}" + (":estimate" if after.estimate else ""))
        end += ha.end()
    hedged_after = after is not None
    low, high, low_open, high_open = apply_hedges(low, high, before, after)
    name = "+".join(rules_used) or "number"
    if kind == "money":
        name += f"+money:{unit}"
    elif kind == "percent":
        name += "+percent"
    return Figure(kind, start, end, core_start, core_end, low, high, low_open, high_open, name,
                  unit, scaled, scale, hedge_text, hedged_after, nominal, estimate_only)


def _figure_follows(text: str, pos: int, nr: NumberRules) -> bool:
    for word in re.findall(r"\S+", text[pos:pos + 40])[:3]:
        if word[0].isdigit() or fold(word).strip(".,;") in nr.words:
            return True
    return False


def _split_hedges(text: str, table: dict) -> list[str]:
    """'diperkirakan sekitar' -> ['diperkirakan', 'sekitar'] by longest known hedges."""
    out, rest = [], text
    keys = sorted(table, key=len, reverse=True)
    while rest:
        for k in keys:
            if rest == k or rest.startswith(k + " "):
                out.append(k)
                rest = rest[len(k):].strip()
                break
        else:
            break
    return out


def _currency(text: str, nr: NumberRules, before: bool) -> str:
    return nr.currencies.get(fold(text), "money")


def _merge_ranges(text: str, figs: list[Figure], nr: NumberRules) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            merged = _range(text, a, figs[i + 1], nr)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bounds(text: str, a: Figure, b: Figure, nr: NumberRules) -> Figure | None:
    """'more than 20 and less than 30': a lower and an upper bound joined into one interval."""
    if fold(text[a.end:b.start]) not in nr.bound_joiners:
        return None
    lower, upper = (a, b) if a.high is None else (b, a)
    if lower.high is not None or lower.low is None or upper.low is not None or upper.high is None:
        return None
    if lower.low > upper.high or (lower.low == upper.high and (lower.low_open or upper.high_open)):
        return None  # no figure lies in both: "less than 10, more than 10" are two bounds
    return Figure(a.kind, a.start, b.end, a.core_start, b.core_end, lower.low, upper.high,
                  lower.low_open, upper.high_open, "bounds+" + a.rule + "+" + b.rule, a.unit or b.unit,
                  True, b.scale, a.hedged_before, b.hedged_after)


def _range(text: str, a: Figure, b: Figure, nr: NumberRules) -> Figure | None:
    if a.kind == b.kind and (a.low is None or a.high is None) and (b.low is None or b.high is None):
        return _bounds(text, a, b, nr)
    if a.hedged_after or a.low is None or a.high is None or b.high is None:
        return None
    gap = fold(text[a.end:b.start])  # b's own hedge ("hingga") may be the connector
    connector = gap or b.hedged_before
    start = a.start
    frame = _tail_search(nr.frame_open_tail, text, a.start) if nr.frame_open_tail else None
    framed = bool(frame) and (nr.range_frames.get(fold(frame.group(0))) == connector
                              or connector in nr.range_connectors)
    small = connector in nr.small_range_connectors and not a.scaled and not b.scaled \
        and b.high <= nr.small_range_max
    if not framed and connector not in nr.range_connectors and not small:
        return None
    if framed:
        if nr.change_tail and _tail_search(nr.change_tail, text, a.start):
            return None
        start = frame.start()
    kind = b.kind if a.kind == "quantity" else a.kind
    if a.kind != "quantity" and b.kind not in ("quantity", a.kind):
        return None
    low, high_a = a.low, a.high
    if a.estimate_only:  # "sekitar 8.000 hingga 10.000": the range is the estimate, bounds as written
        low, high_a = a.nominal
    # a trailing scale word or grouped figure serves both ends: "10-12 ribu", "6-8,000"
    if b.scaled and not a.scaled and b.scale > 1 and low * b.scale <= b.high:
        low, high_a = low * b.scale, high_a * b.scale
    elif not a.scaled and low < 1000 and b.low is not None and b.low >= 1000 and a.kind == "quantity":
        factor = _group_factor(text[b.core_start:b.core_end], nr)
        if factor > 1 and low * factor <= b.high:
            low, high_a = low * factor, high_a * factor
    b_low = b.low if b.low is not None else b.high
    if not low <= b.high or not high_a <= b.high or b_low < low:
        return None
    rule = "range" + ("+" + a.rule if a.rule != "number" else "") + ("+" + b.rule if b.rule != "number" else "")
    return Figure(kind, start, b.end, a.core_start, b.core_end, _tidy(low), b.high, a.low_open,
                  b.high_open, rule, b.unit or a.unit, True, b.scale, a.hedged_before, b.hedged_after)


def _merge_repeats(text: str, figs: list[Figure]) -> list[Figure]:
    """'5 (lima) orang', 'lima (5) orang': one figure written twice is one figure."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*\(\s*", text[prev.end:fig.start]) \
                and re.match(r"\s*\)", text[fig.end:]) and (prev.low, prev.high) == (fig.low, fig.high):
            close = fig.end + re.match(r"\s*\)", text[fig.end:]).end()
            out[-1] = Figure(**{**prev.__dict__, "end": close})
            continue
        out.append(fig)
    return out


def _group_factor(raw: str, nr: NumberRules) -> float:
    m = re.fullmatch(r"\d{1,3}((?:" + re.escape(nr.group_mark) + r"\d{3})+)", raw.strip())
    return 1000.0 ** m.group(1).count(nr.group_mark) if m else 1.0


def find_quantities(text: str, rules: LanguageRules) -> list[Mention]:
    """Every counted figure in a sentence, offsets local to `text`."""
    nr: NumberRules | None = rules.get("numbers")
    if nr is None or not text:
        return []
    figs = _merge_repeats(text, _merge_ranges(text, _figures(text, nr), nr))
    found = [Mention(f.kind, text[f.start:f.end], f.start, f.end,
                     Interval(f.low, f.high, f.low_open, f.high_open), f.rule) for f in figs]
    if nr.readings:  # a reading is the more specific reading of its digits
        readings = find_readings(text, nr)
        found = sorted([f for f in found if not any(r.start < f.end and f.start < r.end for r in readings)]
                       + readings, key=lambda m: m.start)
    return found


# --- the rule kind ------------------------------------------------------------------------------

def _plain(x):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 6)


def run_numbers_example(example: dict, rules: LanguageRules):
    """`value:` examples read the whole text as one numeral; `expect:` examples list the
    figures find_quantities must return (text, low, high and any of kind/low_open/high_open/
    rule_has)."""
    if "value" in example:
        return _plain(example["value"]), _plain(parse_number(example["text"], rules))
    expected = example.get("expect", [])
    keys = ["text", "low", "high"]
    for item in expected:
        keys += [k for k in item if k not in keys]
    found = find_quantities(example["text"], rules)
    actual = []
    for mention in found:
        row = {"text": mention.text, "low": _plain(mention.value.low),
               "high": _plain(mention.value.high), "kind": mention.kind,
               "low_open": mention.value.low_open, "high_open": mention.value.high_open}
        row = {k: row[k] for k in keys if k in row}
        if "rule_has" in keys:
            wanted = next((e.get("rule_has") for e in expected if e.get("text") == mention.text), None)
            row["rule_has"] = wanted if wanted and wanted in mention.rule else mention.rule
        actual.append(row)
    expected = [{k: (_plain(v) if k in ("low", "high") else v) for k, v in e.items()} for e in expected]
    actual = [{k: r[k] for k in r if any(k in e for e in expected) or k in ("text", "low", "high")}
              for r in actual]
    return expected, actual
