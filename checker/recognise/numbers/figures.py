"""Finding every counted figure in a sentence: digits and words, vague quantities, hedges,
ranges and repeats merged, traps rejected; readings (a quake's magnitude) found apart."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from checker.model import Interval, Mention
from checker.recognise.numbers.compiled import NumberRules, TailGate, tail_search
from checker.recognise.numbers.digits import parse_digits
from checker.recognise.numbers.hedges import Hedge, apply_hedges, tidy
from checker.recognise.numbers.words import covers_all, evaluate, place_of, tokens_of, value_of
from checker.rulebook import LanguageRules, fold


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





LEVEL_RULE = "level"  # the rule trail's mark of a level a change verb reached


def reached_level(figure) -> bool:
    """Whether the number rules read the figure as the level a change verb reached ("bertambah
    hingga 125": a total, not "at most 125"), as its rule trail records."""
    return any(r.startswith(LEVEL_RULE + ":") for r in figure.rule.split("+"))

def find_readings(text: str, nr: NumberRules) -> list[Mention]:
    """A quake's magnitude and the like: quantities of their own kind of fact (rule
    "reading:<name>"), which the counting rules leave out."""
    out: list[Mention] = []
    rejected = None
    # only the readings whose pattern can match the sentence (prefilter.PatternSet), in their order
    for name, side, pattern in nr.reading_set.candidates(text) if nr.reading_set is not None else nr.readings:
        if side == "units":
            out += _measured(text, name, *pattern, nr, out)
            continue
        for m in pattern.finditer(text):
            if rejected is None:
                rejected = _rejected_spans(text, nr)
            if any(s <= m.start() and m.end() <= e for s, e in rejected):
                continue  # a trap holds cue and figure together: "the M23 rebels" is a name, no magnitude
            if m.group("n"):
                start, end = m.span("n")  # the figure alone: its cue is the measure, not the value
                value = parse_digits(text[start:end], nr)
            else:  # the words next to the cue that are one numeral ("them an eight" -year-old: "eight")
                start, end, value = _numeral_next_to(text, *m.span("w"), side, nr)
            if value is None or any(o.start < end and start < o.end for o in out):
                continue  # "berkekuatan 4,2 SR": one reading, whichever cue found it
            low = float(value)
            if side == "after":  # "between 14 and 25 years old": the whole range is the reading,
                start, low = _range_ending_at(text, start, low, nr)  # else its low end reads as a count
                out = [o for o in out if not (start <= o.start and o.end <= end)]
            out.append(Mention("quantity", text[start:end], start, end,
                               Interval(min(low, float(value)), max(low, float(value))), f"reading:{name}"))
    return out


def _range_ending_at(text: str, start: int, value: float, nr: NumberRules) -> tuple:
    """(start, low) of a range written just before a figure ("between 14 and " or "14 to "
    before "25"), by the rules' range frames and connectors; (start, value) when there is none."""
    head = text[max(0, start - 60):start]
    m = re.search(r"(\S+)\s*?(\s\S+|-|–)\s*$", head)
    first = parse_digits(m.group(1), nr) if m else None
    if first is None:
        return start, value
    connector = fold(m.group(2).strip())
    frame = re.search(r"(\S+)\s+$", head[:m.start()])
    if frame and nr.range_frames.get(fold(frame.group(1))) == connector:
        return start - len(head) + frame.start(1), float(first)
    if connector in nr.range_connectors:
        return start - len(head) + m.start(1), float(first)
    return start, value


def _measured(text: str, name: str, pattern, units: dict, nr: NumberRules, found: list) -> list[Mention]:
    """A measured reading ("at a depth of about 838 metres", "kedalaman 600-700 meter"): the
    figure, or the range, in the reading's base unit, its hedges applied; the span runs from
    the first hedge to the unit."""
    out: list[Mention] = []
    for m in pattern.finditer(text):
        first = parse_digits(m.group("n"), nr)
        second = parse_digits(m.group("m"), nr) if m.group("m") else first
        if first is None or second is None:
            continue
        factor = units.get(fold(m.group("u")), 1.0)
        low, high = sorted((float(first) * factor, float(second) * factor))
        hedged = [nr.hedges_before[h] for h in _split_hedges(fold(m.group("h") or "").strip(), nr.hedges_before)]
        low, high, low_open, high_open = apply_hedges(low, high, hedged)
        start = m.start("h") if m.group("h") else m.start("n")
        end = m.end("m") if m.group("m") else m.end("n")
        if any(o.start < end and start < o.end for o in found + out):
            continue
        out.append(Mention("quantity", text[start:end], start, end,
                           Interval(low, high, low_open, high_open), f"reading:{name}"))
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
        tokens = tokens_of(raw, nr) if raw else None
        if tokens and covers_all(raw, tokens, nr) and tokens[0].role not in ("article", "joiner"):
            value = evaluate(tokens, nr.bare_decimal_word)
            if value is not None:
                return a, a + len(raw), value
    return start, end, None




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
_HYPHENED_TAIL = re.compile(r"(?<![\d.,])(\d[\d.,]*\d|\d)-([^\W\d_]+)-$")
_DIGITS_RUN = re.compile(r"\d[\d.,]*\d|\d")
_DIGIT_TAIL = re.compile(r"\d$")
_WORD_CHAR = re.compile(r"[^\W_]")
_DIGITS_ON = re.compile(r"[.,]?\d")
_LAST_WORD = re.compile(r"(\w+)\s+$")
# a sign glued to its figure ("-7.000"), or spaced after a word ("turun - 7"); spaced between two
# figures ("30 - 40 rumah") it joins a range
_SIGN_TAIL = re.compile(r"(?:^|\s)[-\u2212]$|(?:^|(?<!\d)\s)[-\u2212]\s$")


def _tail_admits(gate: TailGate | None, text: str, end: int) -> bool:
    return gate is None or gate.admits(text, end)


def _is_year(value: Decimal, raw: str, nr: NumberRules) -> bool:
    return bool(re.fullmatch(r"\d{4}", raw)) and nr.year_range[0] <= value <= nr.year_range[1]


def _collectives(text: str, nr: NumberRules) -> list[Figure]:
    out = []
    for m in nr.collective.finditer(text) if nr.collective else ():
        prev = tail_search(_LAST_WORD, text, m.start())
        if (nr.not_after_tail and _tail_admits(nr.not_after_gate, text, m.start())
                and tail_search(nr.not_after_tail, text, m.start())) or (
                prev and (prev.group(1)[0].isupper() and prev.start() > 0
                          or fold(prev.group(1)) in nr.counted_nouns)):
            continue  # after an ordinal noun or a name: "gelombang kedua", "Brigade kelima"
        raw = m.group("n").lstrip("-").strip()
        value = parse_digits(raw, nr) if raw[0].isdigit() else value_of(raw, nr)
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
    else:
        raw = m.group("num")
        after = text[core_end:]
        leaked = bool(nr.counted_head and nr.counted_head.match(after)
                      and re.fullmatch(r"\d{1,3}(?:" + re.escape(nr.decimal_mark) + r"\d{3})+", raw))
        tokens = tokens_of(raw, nr, core_start, leaked)
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
            place = place_of(raw_value)
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
    if _DIGIT.match(text, start) and _LETTERS_TAIL.search(text, max(0, start - 64), start) \
            and not _hyphened_connector(text, start, nr):
        return None
    if _WORD_CHAR.match(text[end:end + 1]) and _DIGIT_TAIL.search(text, max(0, end - 2), end):
        return None
    if _DIGITS_ON.match(text, end) and _DIGIT_TAIL.search(text, max(0, end - 2), end):
        return None  # never a figure cut out of a longer digit string
    if _SIGN_TAIL.search(text, max(0, start - 4), start) and kind != "money":
        return None  # a signed figure ("-7.000" in a ticker) is a change or a reading, not a count
    if nr.not_after_tail and _tail_admits(nr.not_after_gate, text, start) \
            and tail_search(nr.not_after_tail, text, start):
        return None
    if nr.ordinal_head and nr.ordinal_head.match(text[end:]):
        return None  # "twenty-fifth": the figure is the head of an ordinal
    if kind == "quantity" and nr.not_before_head and nr.not_before_head.match(text[end:]):
        return None
    ranged = nr.range_unit_head.match(text[end:]) if kind == "quantity" and nr.range_unit_head else None
    if ranged and ranged.group("c") in "-–" and ranged.start("c") > 0 \
            and not text[end + ranged.end("c"):][:1].isspace():
        ranged = None  # "7.123 -45 poin": a signed change after a level, no range
    if ranged and (fold(ranged.group("c")) in nr.range_connectors
                   or (nr.frame_open_tail and tail_search(nr.frame_open_tail, text, start))):
        return None  # "between 300 and 350 metres": the range's near end is metres too
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
    hb = (tail_search(nr.hedge_before_tail, text, start)
          if nr.hedge_before_tail and _tail_admits(nr.hedge_before_gate, text, start) else None)
    if hb:
        hedge_text = fold(hb.group(0))
        parts = _split_hedges(hedge_text, nr.hedges_before)
        if kind == "quantity" and parts[0] in nr.levels_after_change \
                and tail_search(nr.change_verb_tail, text, hb.start()):
            rules_used.append(f"{LEVEL_RULE}:{parts[0]}")  # "bertambah hingga 125": the level the count reached
            parts = parts[1:]
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
    if estimate_only and after is None and scale > 1 and tokens and tokens[0].role == "digits" \
            and low is not None and high is not None:
        # "sekitar Rp 3,2 triliun", "about 1.5 million": a scaled figure written to a decimal place is
        # about that place's worth either side, never a tenth of itself (3.1 to 3.3 trillion, not 2.88 to 3.52)
        written = re.fullmatch(r"\d+" + re.escape(nr.decimal_mark) + r"(\d{1,3})", (tokens[0].text or "").strip())
        if written:
            step = 10.0 ** -len(written.group(1)) * scale
            low, high = max(low, nominal[0] - step), min(high, nominal[1] + step)
    name = "+".join(rules_used) or "number"
    if kind == "money":
        name += f"+money:{unit}"
    elif kind == "percent":
        name += "+percent"
    return Figure(kind, start, end, core_start, core_end, low, high, low_open, high_open, name,
                  unit, scaled, scale, hedge_text, hedged_after, nominal, estimate_only)


def _hyphened_connector(text: str, start: int, nr: NumberRules) -> bool:
    """A range's connector word hyphened between two figures ("the 100-to-300 range"): the
    second figure touches a word, yet it is no code. Never a falling pair: odds and votes
    ("a 100-to-1 shot", "a 7-to-2 vote") count nothing."""
    m = _HYPHENED_TAIL.search(text, max(0, start - 32), start)
    if not m or fold(m.group(2)) not in nr.range_connectors:
        return False
    high = _DIGITS_RUN.match(text, start)
    return int(re.sub(r"\D", "", high.group())) > int(re.sub(r"\D", "", m.group(1)))


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
    if gap[:1] == "-" and gap[-1:] == "-" and gap.strip("-") in nr.range_connectors:
        gap = gap.strip("-")  # hyphened: "100-to-300"
    connector = gap or b.hedged_before
    start = a.start
    frame = tail_search(nr.frame_open_tail, text, a.start) if nr.frame_open_tail else None
    framed = bool(frame) and (nr.range_frames.get(fold(frame.group(0))) == connector
                              or connector in nr.range_connectors)
    small = connector in nr.small_range_connectors and not a.scaled and not b.scaled \
        and b.high <= nr.small_range_max
    if not framed and connector not in nr.range_connectors and not small:
        return None
    if framed:
        if nr.change_tail and tail_search(nr.change_tail, text, a.start):
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
    if nr.change_amount_tail and b_low >= 2 * high_a and tail_search(nr.change_amount_tail, text, a.start):
        return None  # "fell by about 210,000 to 23.58 million": the change, then the level reached
    if not low <= b.high or not high_a <= b.high or b_low < low:
        return None
    rule = "range" + ("+" + a.rule if a.rule != "number" else "") + ("+" + b.rule if b.rule != "number" else "")
    return Figure(kind, start, b.end, a.core_start, b.core_end, tidy(low), b.high, a.low_open,
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
