"""Lengths of time ("three days", "sejak 2019") as intervals of seconds; hedges apply as they do
to figures."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import DurationValue, Interval, Mention
from checker.recognise.dates.compiled import LEFT_EDGE, RIGHT_EDGE, edge_marker, fold_name, merged_table
from checker.recognise.dates.resolve import number_of
from checker.recognise.dates.scan import find_dates
from checker.recognise.numbers import Hedge, apply_hedges
from checker.rulebook import LanguageRules, alternation
from checker.units import seconds_per


@dataclass(frozen=True)
class DurationRules:
    units: dict  # folded -> (unit, times)
    fused_units: dict
    number_words: dict
    fractions: dict
    hedges_before: dict  # folded -> Hedge
    hedges_after: dict
    atom: re.Pattern
    joiner: re.Pattern
    hedge_before: re.Pattern | None
    hedge_after: re.Pattern | None
    since: re.Pattern | None
    not_after: re.Pattern | None
    not_before: re.Pattern | None = None
    rate: re.Pattern | None = None  # a count per length ("12 deaths a week"): no length of time
    ordinal: re.Pattern | None = None  # a unit's word used as an ordinal ("a second bus"): no length
    age: re.Pattern | None = None  # a length in an apposition after a name ("Siti, 45 tahun,"): an age
    record: re.Pattern | None = None  # the span a record holds over ("the worst flood in 20 years"): no length


def compile_durations(datas: list[dict]) -> DurationRules:
    units = merged_table(datas, "units")
    fused = merged_table(datas, "fused_units")
    numbers = merged_table(datas, "number_words")
    fractions = merged_table(datas, "fractions")
    joiners = [w for d in datas for w in d.get("joiners", [])]
    hb, ha = merged_table(datas, "hedges_before"), merged_table(datas, "hedges_after")
    num_words = alternation(numbers)
    frac = alternation(fractions)
    art = r"(?:an?\s+)?"
    joiner_alt = alternation(joiners)
    fillers = [w for d in datas for w in d.get("fillers", [])]
    filler = rf"(?:(?:{alternation(fillers)})\s+)?" if fillers else ""
    # one part: N [more] [and] [a half] unit [and a half] | half [an] unit | fused word; a bare
    # unit word ("for months", "I second that") is no length
    atom = (rf"(?:(?P<num>\d+(?:[.,]\d+)?|{num_words}(?:[\s-]+{num_words})*)\s*-?\s*{filler}"
            rf"(?:(?:(?:{joiner_alt})\s+)?{art}(?P<frac1>{frac})\s+(?:of\s+)?{art})?"  # satu setengah
            rf"|{art}(?P<frac2>{frac})(?:\s+|(?<=\d)\s*){art}(?:of\s+)?)"  # 1/2h
            rf"(?P<unit>{alternation(units)})"
            rf"(?:\s+(?:{joiner_alt})\s+{art}(?P<frac3>{frac}))?"
            rf"|(?P<fused>{alternation(fused)})")
    return DurationRules(
        units={fold_name(k): (v["unit"], v.get("times", 1.0)) for k, v in units.items()},
        fused_units={fold_name(k): (v["unit"], v.get("times", 1.0)) for k, v in fused.items()},
        number_words={fold_name(k): v for k, v in numbers.items()},
        fractions={fold_name(k): v for k, v in fractions.items()},
        hedges_before={fold_name(k): Hedge(**v) for k, v in hb.items()},
        hedges_after={fold_name(k): Hedge(**v) for k, v in ha.items()},
        atom=re.compile(rf"{LEFT_EDGE}(?:{atom}){RIGHT_EDGE}", re.IGNORECASE),
        joiner=re.compile(rf"^(?:\s*,\s*|\s+(?:{joiner_alt})\s+|\s*,\s*(?:{joiner_alt})\s+|\s+)$", re.IGNORECASE),
        hedge_before=re.compile(rf"(?<![\w]){alternation(hb)}\s+$", re.IGNORECASE) if hb else None,
        hedge_after=re.compile(rf"^\s+{alternation(ha)}(?![\w])", re.IGNORECASE) if ha else None,
        since=re.compile(rf"{LEFT_EDGE}{alternation([w for d in datas for w in d.get('since', [])])}{RIGHT_EDGE}",
                         re.IGNORECASE) if any(d.get("since") for d in datas) else None,
        not_after=edge_marker([w for d in datas for w in d.get("not_after", [])], False),
        not_before=edge_marker([w for d in datas for w in d.get("not_before", [])], True),
        rate=(re.compile("|".join(f"(?:{r})$" for d in datas for r in d.get("rates", [])), re.IGNORECASE)
              if any(d.get("rates") for d in datas) else None),
        ordinal=(re.compile("|".join(f"(?:{r})" for d in datas for r in d.get("ordinals", [])), re.IGNORECASE)
                 if any(d.get("ordinals") for d in datas) else None),
        age=(re.compile("|".join(f"(?:{r})" for d in datas for r in d.get("ages", [])))
             if any(d.get("ages") for d in datas) else None),
        record=(re.compile("|".join(f"(?:{r})$" for d in datas for r in d.get("records", [])), re.IGNORECASE)
                if any(d.get("records") for d in datas) else None),
    )


def _within_age(text: str, start: int, end: int, age: re.Pattern) -> bool:
    return any(m.start() <= start and end <= m.end()
               for m in age.finditer(text, max(0, start - 60), min(len(text), end + 5)))


def _atom_seconds(m: re.Match, rules: DurationRules,
                  language_rules: LanguageRules) -> tuple[float, str] | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if "fused" in g:
        unit, times = rules.fused_units[fold_name(g["fused"])]
        return times * seconds_per(unit), unit
    unit, times = rules.units[fold_name(g["unit"])]
    if len(g["unit"]) == 1 and not any(ch.isdigit() for ch in m.group()):
        return None  # "s", "h" abbreviate units after digits only: not "hundreds", "as"
    amount = 0.0
    if "num" in g:
        number = number_of(g["num"], rules, language_rules)
        if number is None:
            return None
        amount += number
    for key in ("frac1", "frac2", "frac3"):
        if key in g:
            amount += rules.fractions[fold_name(g[key])]
    if amount <= 0:
        return None
    return amount * times * seconds_per(unit), unit


def find_durations(text: str, rules: LanguageRules) -> list[Mention]:
    """Lengths of time in one sentence, as intervals of seconds; "sejak X" gives since=X."""
    dur = rules.get("durations")
    if dur is None or not text:
        return []
    found: list[Mention] = []
    atoms = list(dur.atom.finditer(text))
    i = 0
    while i < len(atoms):
        first = atoms[i]
        parsed = _atom_seconds(first, dur, rules)
        if parsed is None:
            i += 1
            continue
        total, unit = parsed
        start, end, j = first.start(), first.end(), i + 1
        while j < len(atoms) and dur.joiner.match(text[end:atoms[j].start()]):  # 2 years and 3 months
            more = _atom_seconds(atoms[j], dur, rules)
            if more is None:
                break
            total, unit, end, j = total + more[0], more[1], atoms[j].end(), j + 1
        i = j
        if dur.not_after is not None and dur.not_after.match(text[end:end + 20]):
            continue  # "dua hari lalu" is a date, not a length
        if dur.not_before is not None and dur.not_before.search(text[max(0, start - 20):start]):
            continue  # "berusia 10 tahun", "aged 39 years": an age
        if dur.rate is not None and dur.rate.search(text[max(0, start - 40):end]):
            continue  # "12 deaths a week": how often, not how long
        if dur.ordinal is not None and dur.ordinal.match(text, start):
            continue  # "when a second bus hit the wreck": the second of them, not one second
        if dur.age is not None and _within_age(text, start, end, dur.age):
            continue  # "Boris Prokoshev, 70 tahun, mengatakan": his age, not a length
        if dur.record is not None and dur.record.search(text[max(0, start - 120):start]):
            continue  # "the deadliest quake to strike the country in two decades": a record's span, no length
        hedges, hedge_after = [], None
        before = dur.hedge_before.search(text[max(0, start - 40):start]) if dur.hedge_before else None
        if before:
            hedges = [dur.hedges_before[fold_name(before.group().strip())]]
            start -= len(before.group())
        after = dur.hedge_after.match(text[end:end + 20]) if dur.hedge_after else None
        if after:
            hedge_after = dur.hedges_after[fold_name(after.group().strip())]
            end += len(after.group())
        value = DurationValue(Interval(*apply_hedges(total, total, hedges, hedge_after)), unit)
        found.append(Mention("duration", text[start:end], start, end, value, rule="durations:units"))
    if dur.since is not None:
        for m in dur.since.finditer(text):
            anchors = [d for d in find_dates(text[m.start():], rules, None)
                       if d.start <= m.end() - m.start() + 2]
            if anchors:
                anchor = anchors[0]
                end = m.start() + anchor.end
                value = DurationValue(Interval(None, None), "day", since=anchor.value.day)
                found.append(Mention("duration", text[m.start():end], m.start(), end, value,
                                     rule="durations:since"))
    return sorted(found, key=lambda mention: mention.start)
