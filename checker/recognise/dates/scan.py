"""Scanning a sentence: every pattern's matches, overlaps settled longest first, then the
sentence-level readings (ranges joined, open bounds, offsets from a named day) and the date line."""
from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date, timedelta

from checker.model import DateValue, Mention
from checker.recognise.dates.calendar_days import safe_date, shift, week_start
from checker.recognise.dates.compiled import DateRules, fold_name, groups_of
from checker.recognise.dates.resolve import amount_of, nth_number, number_of, resolve_match, weekday_of
from checker.recognise.prefilter import PatternSet
from checker.rulebook import LanguageRules


_FULL_NUMERIC = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2,4}")  # 02-02-2020: a day, never a clock time


def _is_time_of_day(text: str, start: int, end: int, rules: DateRules) -> bool:
    """A match starting with a digit right after "pukul"/"at" is a clock time, after "$" an amount."""
    if text[start:start + 1].isdigit() and not _FULL_NUMERIC.match(text, start, end):
        before = text[max(0, start - 20):start]
        for marker in (rules.time_before, rules.amount_before):
            if marker is not None and marker.search(before):
                return True
    return rules.time_after is not None and bool(rules.time_after.match(text[end:end + 20]))


def _best_non_overlapping(candidates: list[tuple]) -> list[tuple]:
    """Longest match first, then the earlier one, then rule order; a later match may not overlap a kept one."""
    kept: list[tuple] = []  # in text order; they never overlap, so their ends are in order too
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        k = bisect.bisect_right(starts, cand[0])
        if (k and kept[k - 1][1] > cand[0]) or (k < len(kept) and kept[k][0] < cand[1]):
            continue  # overlaps the kept match before it or the one after it
        kept.insert(k, cand)
        starts.insert(k, cand[0])
    return kept


def _scan(text: str, patterns: tuple, rules: DateRules, ref: date | None,
          language_rules: LanguageRules | None, pattern_set: PatternSet | None = None) -> list[Mention]:
    """`pattern_set`: `patterns` with their prefilter (else every pattern is tried)."""
    candidates, shifts = [], []
    words = set(re.findall(r"[^\W\d_]+", text.casefold()))
    words |= {"#digit"} if re.search(r"\d", text) else set()
    words |= {"#dash"} if re.search(r"[-\u2013]", text) else set()
    # the patterns that may match, in their order
    order = pattern_set.indexes(text) if pattern_set is not None else range(len(patterns))
    for priority in order:
        p = patterns[priority]
        if p.requires is not None and p.requires.isdisjoint(words):
            continue
        for m in p.regex.finditer(text):
            if m.end() == m.start():
                continue
            if p.production == "weekday_shift":  # "the third Tuesday after", "the last Friday before"
                g = groups_of(m)
                n, weekday = nth_number(g, rules), weekday_of(g["weekday"], rules)
                if n and n > 0 and weekday is not None:
                    shifts.append((m.start(), m.end(), p.sign * n, weekday, p.production, None, p.direction))
                continue
            if p.production in ("shift", "length"):  # "three days after", "for three days from"
                g = groups_of(m)
                amount, unit = amount_of(g, rules, language_rules)
                if amount is None and p.unit and "num" in g:  # "H-2 Lebaran": the pattern says the unit
                    amount, unit = number_of(g["num"], rules, language_rules), p.unit
                if amount is not None:
                    start, hedge = _offset_hedge(text, m.start(), rules)
                    shifts.append((start, m.end(), p.sign * amount, unit, p.production, hedge, p.direction))
                continue
            if p.production in ("date", "numeric", "span") and _is_time_of_day(text, m.start(), m.end(), rules):
                continue
            value = resolve_match(p, m, rules, ref, language_rules)
            if value is not None:
                start, hedge = _offset_hedge(text, m.start(), rules) if p.production == "offset" else (m.start(), None)
                if hedge:  # "more than two weeks ago"
                    value = _bounded(hedge, ref, value.day, value.relative)
                candidates.append((start, m.end(), priority, p.name, value))
    # "for 3 days from today" holds the shift "3 days from" and the offset "3 days from today":
    # the length is meant, from the date after it
    shifts = [s for s in shifts if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                                           for o in shifts)]
    lengths = [(s[0], s[0] + re.search(r"\S+\s*$", text[s[0]:s[1]]).start(), s[1]) for s in shifts
               if s[4] == "length"]  # (start, its last word's start, end)
    candidates = [c for c in candidates if not any(s < c[0] < last < e < c[1] for s, last, e in lengths)]
    found = [Mention("date", text[s:e], s, e, value, rule=f"dates:{name}")
             for s, e, _, name, value in _best_non_overlapping(candidates) if value.day is not None]
    ends_only = {f"dates:{p.name}" for p in patterns if p.range_end_only}
    found = _week_then_days(text, [m for m in _joined(text, found, rules) if m.rule not in ends_only], rules)

    def ahead(m: Mention) -> DateValue:
        """The anchor of a count "from" it read forward: "two weeks from January 15" counts from
        the coming January 15 whichever way the rules point."""
        if not m.value.relative or ref is None or rules.direction == "future":
            return m.value
        # read forward, and as the date alone: "after January 12th" is the anchor, not a bound
        forward = dataclasses.replace(rules, direction="future", open_after=None, open_after_start=None,
                                      open_before=None, open_before_start=None, open_from=None,
                                      open_from_start=None, open_onward=None)
        again = _scan(m.text, patterns, forward, ref, language_rules, pattern_set)
        return again[0].value if len(again) == 1 and again[0].text == m.text else m.value

    return _opened(text, _shifted(text, found, shifts, ahead, ref), rules)


def _opened(text: str, found: list[Mention], rules: DateRules) -> list[Mention]:
    """"after 2010" is every day after 2010's, "before 2018" every day before it, "starting
    January 7" and "2018 or later" every day from it on: an interval open on one side (date.min
    and date.max stand for no bound). A marker may sit just before the match or open it ("after
    2016" read as an introduced year)."""
    out = []
    for m in found:
        head = text[max(0, m.start - 30):m.start]
        side, marker, inside = None, None, False
        for kind, before_it, at_start in (("after", rules.open_after, rules.open_after_start),
                                          ("before", rules.open_before, rules.open_before_start),
                                          ("from", rules.open_from, rules.open_from_start)):
            for found_marker, within in ((before_it and before_it.search(head), False),
                                         (at_start and at_start.match(m.text), True)):
                if found_marker and within and m.value.grain == "part" \
                        and fold_name(found_marker.group().strip()) in rules.parts:
                    continue  # "Beginning of January": the part the mention names, no bound
                if found_marker and (marker is None or len(found_marker.group()) > len(marker.group())):
                    side, marker, inside = kind, found_marker, within
        tail = rules.open_onward.match(text[m.end:m.end + 20]) if rules.open_onward else None
        if marker is not None and rules.open_blocked and rules.open_blocked.match(text[m.end:m.end + 10]):
            marker = None  # "after Wednesday's blasts": the happening's day, not a bound
        start = m.start - (0 if marker is None or inside else len(marker.group()))
        if marker is None and tail is None or any(o.end > start and o.start < m.start for o in found):
            out.append(m)
            continue
        v, end = m.value, m.end
        if marker is None:
            side, end = "from", m.end + len(tail.group())
        share = _boundary_share(m, rules)
        if side == "after" and share is not None and share[0] <= 0:  # after the beginning of March: from its start
            side = "from"
        if side == "after":
            value = DateValue(v.end + timedelta(days=1), "open", v.relative, date.max, v.exact)
        elif side == "from":
            value = DateValue(v.day, "open", v.relative, date.max, v.exact)
        elif share is not None and share[1] >= 1:  # before the end of the year: up to its last day
            value = DateValue(date.min, "open", v.relative, v.end, v.exact)
        else:
            value = DateValue(date.min, "open", v.relative, v.day - timedelta(days=1), v.exact)
        out.append(Mention("date", text[start:end], start, end, value, rule=f"dates:open+{m.rule}"))
    return out


def _bound_end(m: Mention, rules: DateRules, first: bool) -> DateValue:
    """A range's end that names a bound of a period is that instant: "from the end of 2007"
    starts on January 1, 2008, "to the start of 2008" ends on December 31, 2007, "from the
    middle of 2007" on July 2 and "to the middle of September" on the 15th."""
    share, v = _boundary_share(m, rules), m.value
    if share is None:
        return v
    if first and share[1] >= 1 and share[0] > 0:
        return DateValue(v.end + timedelta(days=1), "day", v.relative)
    if not first and share[0] <= 0 and share[1] < 1:
        return DateValue(v.day - timedelta(days=1), "day", v.relative)
    if share[0] > 0 and share[1] < 1:  # "from the middle of 2007", "to the middle of September": its midpoint
        if _names_month(m.text, rules):
            start = v.day.replace(day=1)
            end = safe_date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1)
        elif re.search(r"\d{4}", m.text):
            start, end = date(v.day.year, 1, 1), date(v.day.year, 12, 31)
        else:
            return v
        days = (end - start).days + 1
        return DateValue(start + timedelta(days=days // 2 if first else (days + 1) // 2 - 1), "day", v.relative)
    return v


def _boundary_share(m: Mention, rules: DateRules) -> tuple | None:
    """The share of the part a mention names when that part names a bound of its period ("the
    end of 2000"), else None ("late 2000")."""
    if m.value.grain != "part":
        return None
    return next((rules.parts[fold_name(w)] for w in re.findall(r"[^\W\d_]+", m.text)
                 if fold_name(w) in rules.boundary_parts and fold_name(w) in rules.parts), None)


def _joined(text: str, found: list[Mention], rules: DateRules) -> list[Mention]:
    """Two dates joined by a range word make one span: "from Feb 1 to March 2019", "between
    Oct. 21 and Oct. 25", "1 Januari hingga 22 Januari". A first end without its year takes
    the second's."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        gap = text[prev.end:m.start] if prev else ""
        lead = rules.range_joiner_start.match(m.text) if rules.range_joiner_start else None
        if prev and lead and not gap.strip():  # "hingga 3 November 2024": the joiner read as an intro
            gap = lead.group()
        opener = (rules.range_opener.search(text[max(0, prev.start - 20):prev.start])
                  or rules.range_opener_start.match(prev.text)) if prev and rules.range_opener else None
        if opener and rules.range_opener_joiner and rules.range_opener_joiner.match(gap) \
                and not (rules.range_joiner and rules.range_joiner.match(gap)):
            needs = rules.opener_joiner_openers.get(fold_name(gap.strip()))
            if needs and fold_name(opener.group().strip()) not in needs:
                opener = None  # "from 2015 and 2016": two years listed, not a span
        if prev is None or not ((rules.range_joiner and rules.range_joiner.match(gap))
                                or (opener and rules.range_opener_joiner and rules.range_opener_joiner.match(gap))):
            out.append(m)
            continue
        first, second = _bound_end(prev, rules, True), _bound_end(m, rules, False)
        if second.day == date.min and second.last is not None and second.last != date.max:
            # a bound up to now ending a range ("from March till date"): the range runs to P, as
            # with "now" (the bound stops the day before P)
            second = DateValue(second.last + timedelta(days=1), "day", second.relative)
        if first.relative and not second.relative and first.grain in ("day", "month") \
                and _names_month(prev.text, rules):
            moved = safe_date(second.day.year, first.day.month, first.day.day)
            if moved is not None and moved > second.day:
                moved = safe_date(second.day.year - 1, first.day.month, first.day.day)
            first = DateValue(moved, first.grain, False) if moved else first
        if first.grain == "day" and _names_week(m.text, rules) and _bare_day_name(prev.text, rules):
            # "Tuesday to Thursday next week", "Senin sampai Rabu pekan lalu": the first day is of that week too
            first = DateValue(week_start(second.day) + timedelta(days=first.day.weekday()), "day", True)
        pointed = any(p.direction and m.rule == f"dates:{p.name}" for p in rules.patterns)  # "next 5/19"
        second = _after_first(first, second, m.text, rules, pointed)
        if second.end <= first.day:
            out.append(m)
            continue
        start = prev.start
        if opener and not rules.range_opener_start.match(prev.text):
            start -= len(opener.group())
        value = DateValue(first.day, "span", first.relative or second.relative, second.end,
                          first.exact and second.exact)
        out[-1] = Mention("date", text[start:m.end], start, m.end, value, rule=f"{prev.rule}+{m.rule}")
    return out


def _names_week(text: str, rules: DateRules) -> bool:
    """A relative week is written ("next week", "pekan lalu")."""
    folded = fold_name(text)
    return any(unit == "week" and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded)
               for phrase, (unit, *_) in rules.relative_periods.items())


def _bare_day_name(text: str, rules: DateRules) -> bool:
    """Only a day name: no month, no week written ("Tuesday", "from Monday to Friday")."""
    return any(weekday_of(w, rules) is not None for w in re.findall(r"[^\W\d_]+\.?", text)) \
        and not _names_month(text, rules) and not _names_week(text, rules)


def _week_then_days(text: str, found: list[Mention], rules: DateRules) -> list[Mention]:
    """"next week between Wednesday and Friday", "pekan depan dari Selasa hingga Kamis": day names
    right after a week are that week's days."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is None or prev.value.grain != "week" or m.value.grain not in ("day", "span") \
                or not re.fullmatch(r"\s*,?\s*", text[prev.end:m.start]) or not _bare_day_name(m.text, rules):
            out.append(m)
            continue
        v, base = m.value, prev.value.day
        first, last = base + timedelta(days=v.day.weekday()), base + timedelta(days=v.end.weekday())
        if last < first:
            out.append(m)
            continue
        value = DateValue(first, "day" if first == last else "span", prev.value.relative or v.relative,
                          None if first == last else last)
        out[-1] = Mention("date", text[prev.start:m.end], prev.start, m.end, value, rule=f"{prev.rule}+{m.rule}")
    return out


def _after_first(first: DateValue, second: DateValue, text: str, rules: DateRules,
                 pointed: bool = False) -> DateValue:
    """A range's second end without its year or week runs on from the first: "between now and
    November 15th" is the coming November 15th, "from next Monday to Friday" that week's
    Friday, "2/29-3/1" the March 1 right after that February 29 (not "next 5/19", pointed)."""
    if not second.relative or second.grain not in ("day", "month") or second.last is not None:
        return second
    if _names_month(text, rules):
        base = second.day
        for step in range(1, 9) if second.end <= first.day else ():  # on to the first one after the first end
            moved = safe_date(base.year + step, base.month, base.day)
            if moved is not None and moved > first.day:
                return DateValue(moved, second.grain, True)
        earlier = second
        for step in range(1, 9) if second.end > first.day and not pointed else ():  # "2/29-3/1": back to the first one after it
            moved = safe_date(base.year - step, base.month, base.day)
            if moved is None:
                continue
            if DateValue(moved, second.grain).end <= first.day:
                break
            earlier = DateValue(moved, second.grain, True)
        return earlier
    if second.grain == "day" and second.end <= first.day and any(
            weekday_of(w, rules) is not None for w in re.findall(r"[^\W\d_]+\.?", text)):
        ahead = (second.day.weekday() - first.day.weekday()) % 7 or 7
        return DateValue(first.day + timedelta(days=ahead), "day", True)
    return second


def _offset_hedge(text: str, start: int, rules: DateRules) -> tuple[int, str | None]:
    """The hedge right before an offset or a shift ("more than", "kurang dari"): the match's
    new start and the hedge's kind."""
    found = rules.offset_hedge.search(text[max(0, start - 30):start]) if rules.offset_hedge else None
    if found is None:
        return start, None
    return start - len(found.group()), rules.offset_hedges[fold_name(found.group())]


def _bounded(hedge: str, anchor: date, target: date, relative: bool) -> DateValue:
    """A hedged offset from `anchor` to `target`: "more than" lies beyond the target, open on
    its far side; "less than" between the anchor and the target, both out of it only at the
    target."""
    if hedge == "more":
        if target < anchor:
            return DateValue(date.min, "open", relative, target - timedelta(days=1))
        return DateValue(target + timedelta(days=1), "open", relative, date.max)
    if target < anchor:
        return DateValue(target + timedelta(days=1), "span", relative, anchor)
    return DateValue(anchor, "span", relative, max(anchor, target - timedelta(days=1)))


def _names_month(text: str, rules: DateRules) -> bool:
    """A month is written ("Feb 1st", "10/25"), not only a day name ("next Friday")."""
    return bool(re.search(r"\d\s*[/.-]\s*\d", text)) or any(
        fold_name(w) in rules.months for w in re.findall(r"[^\W\d_]+\.?", text))


def _shifted(text: str, found: list[Mention], shifts: list[tuple], ahead=None,
             ref: date | None = None) -> list[Mention]:
    """"three days after January 12", "dua hari sebelum Lebaran": the date right after a shift,
    moved by it (a date whose match took the shift's last word, "after January 12", too); a
    shift whose pattern points "after" counts from its anchor read forward (`ahead`). A
    year-less anchor of "N units before" is the one, of the last and the coming, that brings
    the day counted nearer P: "two weeks before Christmas" in November is this December's (a
    lead-up is written ahead of it); "N units after" one (an aftermath) keeps the rules' reading."""
    out = list(found)
    for start, end, amount, unit, production, hedge, direction in shifts:
        if any(o.start < start < o.end for o in out):
            continue  # the shift's words belong to a longer date
        anchor = next((i for i, m in enumerate(out) if m.end > end and m.start > start
                       and (m.start < end or not text[end:m.start].strip())), None)
        if anchor is None:
            continue
        m = out[anchor]
        v = ahead(m) if direction == "after" and ahead is not None else m.value
        if production == "shift" and amount < 0 and direction != "after" and ahead is not None and ref is not None \
                and not hedge:
            coming = ahead(m)
            try:
                if coming != v and coming.grain == v.grain and \
                        abs((shift(coming.day, unit, amount) - ref).days) < abs((shift(v.day, unit, amount) - ref).days):
                    v = coming
            except (ValueError, OverflowError):
                pass
        if production == "weekday_shift":  # the nth such weekday after the date's last day, before its first
            after = (unit - v.end.weekday() - 1) % 7 + 1 + 7 * (amount - 1) if amount > 0 else None
            found = v.end + timedelta(days=after) if after is not None else \
                v.day - timedelta(days=(v.day.weekday() - unit - 1) % 7 + 1 + 7 * (-amount - 1))
            out[anchor] = Mention("date", text[start:m.end], start, m.end, DateValue(found, "day", v.relative),
                                  rule=f"dates:weekday_shift+{m.rule}")
            out = [o for i, o in enumerate(out) if i == anchor or not (start <= o.start and o.end <= end)]
            continue
        try:
            first, last = shift(v.day, unit, amount), shift(v.end, unit, amount)
            stop = shift(v.day, unit, abs(amount)) - timedelta(days=1)
        except (ValueError, OverflowError):
            continue
        if hedge:  # "more than 2 weeks before today", "less than 3 days after tomorrow"
            value = _bounded(hedge, v.day if amount < 0 else v.end, first if amount < 0 else last, v.relative)
        elif production == "length":  # "for three days from 17 August": those days
            value = DateValue(v.day, "span", v.relative, max(stop, v.day), v.exact)
        elif v.grain == "span":  # "dua hari sebelum Lebaran": from its first day
            value = DateValue(first, "day", v.relative)
        else:
            grain = v.grain if v.grain in ("day", "week") or unit not in ("day", "week") else "span"
            value = DateValue(first, grain, v.relative, None if grain == v.grain and v.last is None else last,
                              v.exact)
        out[anchor] = Mention("date", text[start:m.end], start, m.end, value, rule=f"dates:shift+{m.rule}")
        out = [o for i, o in enumerate(out) if i == anchor or not (start <= o.start and o.end <= end)]
    return out


def find_dates(text: str, rules: LanguageRules, ref: date | None) -> list[Mention]:
    """Dates in one sentence; offsets are local to `text`. Relative dates need `ref`."""
    date_rules = rules.get("dates")
    if date_rules is None or not text:
        return []
    return _scan(text, date_rules.patterns, date_rules, ref, rules, date_rules.pattern_set)


def find_dateline(text: str, rules: LanguageRules) -> date | None:
    """The publication date from an article's first lines: a "published" line wins over an
    "updated" one; otherwise the first full day-month-year date."""
    date_rules = rules.get("dates")
    if date_rules is None or not text:
        return None
    patterns = date_rules.dateline_patterns + date_rules.patterns
    first = None
    for line in text.splitlines()[:40]:
        days = [m.value.day for m in _scan(line, patterns, date_rules, None, rules, date_rules.dateline_set)
                if m.value.grain == "day"]
        if not days:
            continue
        if date_rules.published is not None and date_rules.published.search(line):
            return days[0]
        if date_rules.updated is not None and date_rules.updated.search(line):
            continue
        first = first or days[0]
    return first
