"""numbers.yaml compiled once per language: the token and figure expressions, word tables, the
traps (years, times, codes) as one prefiltered set, tail gates and readings' patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.recognise.numbers.hedges import Hedge
from checker.recognise.prefilter import PatternSet
from checker.rulebook import alternation, fold, rule_regex


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
    foreign_decimal_point: bool
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
    change_amount_tail: re.Pattern | None
    change_verb_tail: re.Pattern | None  # a change verb right before a count's hedge
    levels_after_change: frozenset
    not_after_tail: re.Pattern | None
    not_before_head: re.Pattern | None
    # a range's far end with such a unit after it ("between 300 and 350 metres", "300 to 350 km"): the near
    # end measures the same, no count (group "c": the connector)
    range_unit_head: re.Pattern | None
    counted_head: re.Pattern | None
    rejects: tuple  # compiled trap regexes
    currencies: dict = field(default_factory=dict)  # folded marker -> currency code
    readings: tuple = ()  # (name, "before" | "after": the cue's side, pattern with the figure in group "n")
    words: dict = field(default_factory=dict)  # every number word -> its role
    # cheap exact pre-checks for the two tail regexes run on the text before every figure
    hedge_before_gate: "TailGate | None" = None
    not_after_gate: "TailGate | None" = None
    reject_set: PatternSet | None = None  # the trap regexes and their prefilter
    reading_set: PatternSet | None = None  # `readings` with their prefilter (run in their order)


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


def tail_search(pattern: re.Pattern, text: str, end: int) -> re.Match | None:
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
        foreign_decimal_point=bool(d.get("foreign_decimal_point", True)),
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
        change_amount_tail=tail(d.get("change_verbs", []), r"\s+(?:" + _bounded(d["change_amounts"]) + ")")
        if d.get("change_verbs") and d.get("change_amounts") else None,
        change_verb_tail=tail(d.get("change_verbs", [])) if d.get("levels_after_change") else None,
        levels_after_change=frozenset(fold(w) for w in d.get("levels_after_change", [])),
        not_after_tail=tail(d.get("not_after", []), r"\.?"),
        not_before_head=(re.compile(rf"^\s*-?\s*(?:{_bounded(d['not_before'])})", re.I)
                         if d.get("not_before") else None),
        range_unit_head=(re.compile(
            rf"^\s*(?P<c>{_bounded(set(d.get('range_connectors', [])) | set(frames.values()))})\s*\d[\d.,]*"
            rf"\s*-?\s*(?:{_bounded(d['not_before'])})", re.I)
            if d.get("not_before") and (d.get("range_connectors") or frames) else None),
        counted_head=(re.compile(rf"^\s*(?:{_bounded(d['counted_nouns'])})", re.I)
                      if d.get("counted_nouns") else None),
        rejects=(rejects := tuple(_compile_reject(p) for p in d.get("reject_patterns", []))),
        reject_set=PatternSet.build(rejects),
        words=words,
        hedge_before_gate=_tail_gate(hedges_before),
        not_after_gate=_tail_gate(d.get("not_after", [])),
        currencies={fold(k): v for k, v in {**d.get("currencies_before", {}),
                                             **d.get("currencies_after", {})}.items()},
        readings=(readings := _readings(d.get("readings", {}), decimal, hedges_before,
                                        d.get("range_connectors", []))),
        reading_set=PatternSet.build((p[0] if side == "units" else p for _, side, p in readings), readings),
    )


def _readings(specs: dict, decimal: str, hedges: dict = None, connectors=()) -> tuple:
    """Each reading's pattern: a cue, the figure (digits with the language's decimal mark),
    or the figure, then a cue. The figure may be a numeral in words, up to three of them, set off
    from the cue by a space or hyphen ("an eight-year-old", "berusia dua puluh tahun"):
    find_readings keeps it only when the words are one numeral."""
    mark = re.escape(decimal)
    digits = rf"(?P<n>\d{{1,2}}(?:{mark}\d{{1,2}})?)(?![\d{mark}]\d)"
    worded = r"(?P<w>[^\W\d_]+(?:[\s-][^\W\d_]+){0,2})"
    out = []
    for name, cues in specs.items():
        for side in ("before", "after"):
            if not isinstance(cues.get(side, []), list) or not all(isinstance(w, str) for w in cues.get(side, [])):
                raise ValueError(f"reading {name!r}: {side} must be a list of words")
        if "units" in cues and (not isinstance(cues["units"], dict) or not (cues.get("before") or cues.get("of"))):
            raise ValueError(f"reading {name!r}: units must map each unit to its factor, with words before or of")
        if "of" in cues and (not cues.get("units") or not isinstance(cues["of"], list)
                             or not all(isinstance(w, str) for w in cues["of"])):
            raise ValueError(f"reading {name!r}: of must be a list of words, with units")
        if cues.get("units"):
            if cues.get("before"):
                out.append((name, "units", _measured(cues, hedges or {}, connectors)))
            if cues.get("of"):  # "2 ton sabu", "705 kg of cocaine": the thing measured named after its unit
                out.append((name, "units", _measured(cues, hedges or {}, connectors, of=True)))
            continue
        if cues.get("before"):
            cue = alternation(cues["before"])
            out.append((name, "before", re.compile(
                rf"(?<![\w-])(?:{cue})(?:\s*-?\s*{digits}|[\s-]+{worded})", re.I)))
        if cues.get("after"):
            cue = alternation(cues["after"])
            out.append((name, "after", re.compile(
                rf"(?<![\w.,])(?:{digits}\s*-?\s*|{worded}[\s-]+)(?:{cue})(?![\w])", re.I)))
    return tuple(out)



def _measured(cues: dict, hedges: dict, connectors, of: bool = False) -> tuple:
    """A measured reading's pattern and its units' factors: the cue, hedges ("about", "up to"),
    the figure or a range of two ("600-700"), then a unit as a whole word; with `of`, no cue
    before but the thing measured right after the unit ("2 ton sabu", "705 kg of cocaine")."""
    units = {fold(u): float(f) for u, f in cues["units"].items()}
    for u, f in units.items():
        if f <= 0:
            raise ValueError(f"reading unit {u!r} needs a positive factor")
    hedge = rf"(?P<h>(?:{alternation(hedges)})(?:\s+(?:{alternation(hedges)}))*\s+)?" if hedges else ""
    figure = r"\d[\d.,]*\d|\d"
    joined = rf"\s*(?:{alternation(connectors)})\s*" if connectors else r"\s*-\s*"
    head = r"(?<![\w.,-])" + hedge if of else rf"(?<![\w-])(?:{alternation(cues.get('before') or [])})\s+{hedge}"
    tail = rf"\s+(?:{alternation(cues['of'])})(?![\w-])" if of else ""
    pattern = re.compile(
        rf"{head}(?P<n>{figure})"
        rf"(?:{joined}(?P<m>{figure}))?\s*(?P<u>{alternation(units)}){tail}(?![\w])", re.I)
    return pattern, units


def _compile_reject(pattern: str) -> re.Pattern:
    return rule_regex(pattern, "reject pattern")
