"""The productions: what a matched pattern means as a `DateValue` (a day, a month, a span, a part
of a period, a holiday, a day counted from another), resolved against the reference date."""
from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from checker.model import DateValue
from checker.recognise.dates.calendar_days import (IMPOSSIBLE, add_months, infer_year, resolve_weekday, safe_date,
                                                   shift, week_start)
from checker.recognise.dates.compiled import CompiledPattern, DateRules, fold_name, groups_of
from checker.recognise.numbers import parse_number
from checker.rulebook import LanguageRules


def number_of(token: str, rules, language_rules: LanguageRules | None = None) -> float | None:
    """Digits or number words (date and duration rules both carry `number_words`); number
    words go through the numbers engine when it is there."""
    token = token.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        # a mark before three digits may group thousands ("6.000 jam", "6,000 hours"): the
        # language's numbers engine knows which mark is its decimal one
        grouped = _parse_with_numbers_engine(token, language_rules) if re.fullmatch(r"\d{1,3}[.,]\d{3}", token) else None
        return grouped if grouped is not None else float(token.replace(",", "."))
    if fold_name(token) in rules.number_words:  # this table's own words first: "a couple of"
        return rules.number_words[fold_name(token)]
    parsed = _parse_with_numbers_engine(token, language_rules)
    if parsed is not None:
        return parsed
    words = [fold_name(w) for w in re.split(r"[\s-]+", token) if w]
    if not words or any(w not in rules.number_words for w in words):
        return None
    values = [rules.number_words[w] for w in words]
    total = 0.0
    for value in values:  # "twenty one" -> 21, "dua puluh" -> 20
        if total and total < 10 and value not in (10, 100, 1000):
            total = value  # "an eight-year sentence", "a six-month term": an article, then the number
            continue
        total = total * value if value in (10, 100, 1000) and total else total + value
    return total


def _parse_with_numbers_engine(token: str, language_rules: LanguageRules | None) -> float | None:
    """Number words the date rules do not list ("twenty-one") through the language's numbers engine."""
    if language_rules is None or language_rules.get("numbers") is None:
        return None
    return parse_number(token, language_rules)


def _day_of(token: str, rules: DateRules) -> int | None:
    digits = re.match(r"\d+", token)
    if digits:
        return int(digits.group())
    return rules.day_words.get(fold_name(token))


def _year_of(token: str, rules: DateRules, ref: date | None = None) -> int:
    year = int(token)
    if len(token) == 2:
        if ref is not None and rules.future_window is not None:
            century = ref.year // 100 * 100
            year += century if century + year <= ref.year + rules.future_window else century - 100
        else:
            year += 2000 if year < rules.pivot else 1900
    return year


def weekday_of(token: str, rules: DateRules) -> int | None:
    folded = fold_name(token)
    if folded in rules.weekdays:
        return rules.weekdays[folded]
    if folded in rules.weekdays_capitalised and token[:1].isupper():
        return rules.weekdays_capitalised[folded]
    return None


def resolve_match(p: CompiledPattern, m: re.Match, rules: DateRules, ref: date | None,
             language_rules: LanguageRules | None) -> DateValue | None:
    g = groups_of(m)
    for group in p.capitalised:
        if group in g and not g[group][:1].isupper():
            return None
    if "weekday" in g and weekday_of(g["weekday"], rules) is None:
        return None  # "minggu" in lower case is a week, not Sunday
    if p.production in ("date", "numeric"):
        return _calendar_date(p, g, rules, ref)
    if p.production == "year":
        return DateValue(date(_year_of(g["year"], rules, ref), 1, 1), "year")
    if p.production == "decade":
        if "decade_word" in g:
            return DateValue(date(rules.decade_words[fold_name(g["decade_word"])], 1, 1), "decade")
        return DateValue(date(_year_of(g["year"], rules, ref) // 10 * 10, 1, 1), "decade")
    if p.production == "century":
        n = nth_number(g, rules)
        if not n or not 1 <= n <= 21:
            return None
        return DateValue(date(max(1, (n - 1) * 100), 1, 1), "span", last=date((n - 1) * 100 + 99, 12, 31))
    if p.production == "span":
        return _span(g, rules, ref)
    if p.production == "leading":  # "the first six months of 2024", "sembilan bulan pertama tahun ini"
        parent = _parent(g, rules, ref)
        n = number_of(g["num"], rules)
        unit = rules.units.get(fold_name(g["unit"]))
        if parent is None or not n or unit is None or n * unit[1] != int(n * unit[1]):
            return None
        return _leading(parent, unit[0], int(n * unit[1]), "from_end" in g)
    if p.production in ("part", "nth", "holiday"):
        parent = _parent(g, rules, ref, p.direction)
        if p.production == "holiday":
            return _holiday(g, parent, rules, ref, p.direction)
        if parent is None and p.production == "nth" and ref is not None:
            if p.unit == "weekday":  # "the second Sunday": of P's month
                parent = DateValue(ref.replace(day=1), "month", relative=True)
            else:  # "the third quarter": of P's year
                parent = DateValue(date(ref.year, 1, 1), "year", relative=True)
        if parent is None:
            return None
        if p.production == "part":
            return _part(parent, _share(rules, fold_name(g["part"]), parent), ref)
        return _nth(g, p.unit, parent, rules)
    if ref is None:
        return None
    if p.production == "month":
        month = rules.months.get(fold_name(g["month"]))
        if month is None:
            return None
        if p.direction == "after":
            year = ref.year + 1 if month <= ref.month else ref.year
            return DateValue(date(year, month, 1), "month", relative=True)
        if p.direction == "this_year":  # "this May": the May of P's year, gone or coming
            return DateValue(date(ref.year, month, 1), "month", relative=True)
        window = 0 if p.direction == "before" else rules.yearless_future_days
        direction = "past" if p.direction == "before" else rules.direction
        return DateValue(infer_year(month, None, ref, window, direction), "month", relative=True)
    if p.production == "weekday":
        weekday = weekday_of(g["weekday"], rules)
        day = resolve_weekday(weekday, ref, p.direction or _bare_weekday(rules))
        if "this_day" in g and rules.direction == "future" and day < ref:
            day += timedelta(days=7)  # pointing forward, "this Monday" said on a Tuesday is the coming one
        return DateValue(day, "day", relative=True)
    if p.production == "weekday_day":
        return _weekday_day(g, rules, ref)
    if p.production == "weekday_count":  # "3 fridays from now", "2 thursdays ago"
        n = number_of(g["num"], rules, language_rules)
        if not n:
            return None
        first = resolve_weekday(weekday_of(g["weekday"], rules), ref, "after" if p.sign > 0 else "before")
        return DateValue(first + timedelta(days=7 * p.sign * (int(n) - 1)), "day", relative=True)
    if p.production == "periods":
        return _periods(p, g, rules, ref, language_rules)
    if p.production == "day_of_month":
        return _day_of_month(_day_of(g["day"], rules), rules, ref)
    if p.production == "relative_day":
        return DateValue(ref + timedelta(days=rules.relative_days[fold_name(g["rel"])]), "day", relative=True)
    if p.production == "today":  # "now", "date" as a range's end: the publication day
        return DateValue(ref, "day", relative=True)
    if p.production == "until_now":  # "to date", "hingga kini": every day before P (as "year to date")
        return DateValue(date.min, "open", True, ref - timedelta(days=1))
    if p.production == "relative_period":
        unit, offset, part, latest = rules.relative_periods[fold_name(g["period"])]
        if not part:
            return _period(ref, unit, offset)
        period = _period(ref, unit, offset)
        found = _part(period, _share(rules, part, period), ref)
        if latest and found is not None:
            step = 1 if rules.direction == "future" else -1
            if (found.day > ref) if step < 0 else (found.end < ref):
                found = _part(_period(ref, unit, offset + step), _share(rules, part, period), ref)
        return found
    if p.production == "in_period":
        return _in_period(g, rules, ref)
    if p.production == "offset":
        amount, unit = amount_of(g, rules, language_rules)
        if amount is None:
            return None
        try:
            day = _further(shift(ref, unit, p.sign * amount), g, p.sign, rules, language_rules)
            if day and "weekday" in g:  # "Monday two weeks from now": that week's Monday
                day = week_start(day) + timedelta(days=weekday_of(g["weekday"], rules))
            return DateValue(day, "day", relative=True) if day else None
        except (ValueError, OverflowError):  # "2024 tahun lalu": before year 1, no calendar date
            return None
    return None


def _further(day: date, g: dict, sign: int, rules: DateRules, language_rules) -> date | None:
    """`day` moved on by the further parts of a compound length ("2 years 1 month 21 days")."""
    for n, u in (("num2", "unit2"), ("num3", "unit3")):
        if n in g:
            more, more_unit = amount_of({"num": g[n], "unit": g[u]}, rules, language_rules)
            if more is None:
                return None
            day = shift(day, more_unit, sign * more)
    return day


def amount_of(g: dict, rules: DateRules, language_rules) -> tuple[float | None, str | None]:
    if "fused" in g:
        unit, times = rules.fused_units[fold_name(g["fused"])]
        return times, unit
    amount = number_of(g["num"], rules, language_rules) if "num" in g else None
    if amount is None or "unit" not in g:
        return None, None
    unit, times = rules.units[fold_name(g["unit"])]
    return amount * times, unit


def _periods(p: CompiledPattern, g: dict, rules: DateRules, ref: date, language_rules) -> DateValue | None:
    """N units before or after P: "the past two weeks" is the fourteen days before P, "the next
    three days" the three after it, "within 10 months" runs from P; "upcoming two weeks"
    (direction nth) is the week two weeks on."""
    amount, unit = amount_of(g, rules, language_rules)
    if not amount or unit not in ("day", "week", "month", "quarter", "year", "decade"):
        return None
    try:
        if p.direction == "nth":
            if unit == "day":
                return DateValue(ref + timedelta(days=int(amount)), "day", relative=True)
            return _period(ref, unit, int(amount))
        far = _further(shift(ref, unit, p.sign * amount), g, p.sign, rules, language_rules)
    except (ValueError, OverflowError):
        return None
    if far is None:
        return None
    if p.direction == "within":
        return DateValue(ref, "span", True, far - timedelta(days=1))
    if unit in rules.whole_periods:  # "the past two quarters": the two reported ones
        this = _period(ref, unit, 0)
        if p.sign < 0:
            first = _period(ref, unit, -int(amount)).day
            return DateValue(first, "span", True, this.day - timedelta(days=1))
        return DateValue(this.end + timedelta(days=1), "span", True, _period(ref, unit, int(amount)).end)
    if p.sign < 0:
        return DateValue(far, "span", True, ref - timedelta(days=1))
    return DateValue(ref + timedelta(days=1), "span", True, far)


def nth_number(g: dict, rules: DateRules) -> int | None:
    """The n of "the third", "3rd", "ketiga", "III"; counted from the end after "last"."""
    if "nth" not in g:
        n = 1
    else:
        token = fold_name(g["nth"])
        digits = re.match(r"\d+", token)
        n = int(digits.group()) if digits else rules.ordinals.get(token, rules.day_words.get(token))
    if n and "from_end" in g:
        n = -abs(n)
    return n


def _bare_weekday(rules: DateRules) -> str:
    """How a bare day name resolves under the rules' convention."""
    if rules.direction == "future":
        return "on_or_after" if rules.weekday_today else "after"
    return "on_or_before" if rules.weekday_today else "before"


def _month_of(token: str | None, rules: DateRules) -> int | None:
    if token is None:
        return None
    return int(token) if token.isdigit() else rules.months.get(fold_name(token))


def _calendar_date(p: CompiledPattern, g: dict, rules: DateRules, ref: date | None) -> DateValue | None:
    if p.production == "numeric":
        order = p.order or rules.numeric_order
        a, b = int(g["a"]), int(g["b"])
        if a > 12 or (order == "dmy" and b <= 12):
            day, month = a, b
        else:
            month, day = a, b
        if month > 12 and day <= 12:
            day, month = month, day
        if month > 12:
            return None
    else:
        day = _day_of(g["day"], rules) if "day" in g else None
        month = _month_of(g["month"], rules)
        if month is None:
            return None
    if "year" in g:
        found = safe_date(_year_of(g["year"], rules, ref), month, day or 1)
        return DateValue(found, "day" if day else "month") if found else IMPOSSIBLE
    if ref is None:
        return None
    if day and safe_date(2000, month, day) is None:  # Feb 30 is no date in any year
        return IMPOSSIBLE
    if day and "weekday" in g and p.direction is None:
        # "Sunday, Feb 10": of the last Feb 10 on or before P and the next one after it, the one on
        # a Sunday; when neither is, the weekday is a slip and the date stands
        weekday = weekday_of(g["weekday"], rules)
        near = [infer_year(month, day, ref, 0), infer_year(month, day, ref + timedelta(days=1), 0, "future")]
        fits = [d for d in near if d is not None and d.weekday() == weekday]
        if len(fits) == 1:
            return DateValue(fits[0], "day", relative=True)
        if not fits and rules.direction == "future":  # a schedule's "Fri, Jul 18": the first one on a Friday
            ahead = (safe_date(y, month, day) for y in range(ref.year, ref.year + 9))
            fitted = next((d for d in ahead if d is not None and d >= ref and d.weekday() == weekday), None)
            if fitted is not None:
                return DateValue(fitted, "day", relative=True)
    if p.direction == "after":  # "next 5/12": the first one after P
        found = next((d for d in (safe_date(y, month, day or 1) for y in range(ref.year, ref.year + 8))
                      if d is not None and d > ref), None)
    elif p.direction == "before":  # "3 Maret lalu", "since Oct. 3": never the coming one
        found = infer_year(month, day, ref, 0)
    elif p.direction == "this_year":  # "5 Mei ini": of P's year, gone or coming
        found = safe_date(ref.year, month, day or 1)
    else:
        found = infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
    return DateValue(found, "day" if day else "month", relative=True) if found else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(g: dict, rules: DateRules, ref: date | None) -> DateValue | None:
    """Two ends written as one: "17-18 September 2024", "July 13 to 15", "March-May 2020",
    "2014-2018", "from 4 to 22 this month". A missing part of one end is the other's."""
    month, month2 = _month_of(g.get("month"), rules), _month_of(g.get("month2"), rules)
    day = _day_of(g["day"], rules) if "day" in g else None
    day2 = _day_of(g["day2"], rules) if "day2" in g else None
    if month is None and month2 is None and "period" not in g:
        if "year" not in g or "year2" not in g:
            return None
        first, last = _year_of(g["year"], rules, ref), _year_of(g["year2"], rules, ref)
        return DateValue(date(first, 1, 1), "span", last=date(last, 12, 31)) if first < last else None
    relative = False
    if "period" in g:
        if ref is None:
            return None
        unit, offset = rules.relative_periods[fold_name(g["period"])][:2]
        if unit != "month":
            return None
        parent = _period(ref, unit, offset)
        month = month2 = parent.day.month
        year = year2 = parent.day.year
        relative = True
    else:
        if "month_first" in g and "month2" not in g and day and day2 and day2 < day:
            month2 = month % 12 + 1  # "from April 27th to the 3rd": the month written first, the end in the next
        month, month2 = month or month2, month2 or month
        year = _year_of(g["year"], rules, ref) if "year" in g else None
        year2 = _year_of(g["year2"], rules, ref) if "year2" in g else None
        if year2 is None and year is not None and g.get("year_at") != "start":
            year, year2 = None, year  # "Dec 28 - Jan 3, 2025": the year written last is the end's
        if "this_year" in g and ref is not None:  # "from this May to October 2020": the start is of P's year
            year2 = year2 if year2 is not None else ref.year + (month2 < month)
            year, relative = ref.year, True
        if year2 is None and year is None:
            if ref is None:
                return None
            start = infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
            if start is None:
                return None
            year, relative = start.year, True
            year2 = year + (month2 < month)
        elif year is None:
            year = year2 - (month > month2)
        elif year2 is None:
            year2 = year + (month > month2)
    start = safe_date(year, month, day or 1)
    last = safe_date(year2, month2, day2) if day2 else _month_end(year2, month2)
    if start is None or last is None:
        return IMPOSSIBLE
    if last <= start:
        return None
    return DateValue(start, "span", relative=relative, last=last)


def _parent(g: dict, rules: DateRules, ref: date | None, direction: str | None = None) -> DateValue | None:
    """The period a part, an nth or a holiday is taken from: a month (with or without its
    year), a year, a relative period; none written: P's year for nth, None otherwise. A month
    without its year is the most recent one when the pattern points back ("awal Maret lalu")."""
    if "period" in g or "this" in g:
        if ref is None:
            return None
        if "this" in g:  # "the end of the month": P's own
            unit, offset = rules.units[fold_name(g["this"])][0], 0
        else:
            unit, offset, part, _ = rules.relative_periods[fold_name(g["period"])]
        period = _period(ref, unit, offset)
        return _part(period, _share(rules, part, period), ref) if "period" in g and part else period
    month = _month_of(g.get("month"), rules)
    if month is not None and "day" in g:  # "the week of October 6th"
        day = _day_of(g["day"], rules)
        if "year" in g:
            found = safe_date(_year_of(g["year"], rules, ref), month, day)
            return DateValue(found, "day") if found else None
        if ref is None:
            return None
        found = infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
        return DateValue(found, "day", relative=True) if found else None
    if "year" in g:
        year = _year_of(g["year"], rules, ref)
        return DateValue(date(year, month, 1), "month") if month else DateValue(date(year, 1, 1), "year")
    if month is not None:
        if ref is None:
            return None
        found = infer_year(month, None, ref, 0) if direction == "before" else \
            infer_year(month, None, ref, rules.yearless_future_days, rules.direction)
        return DateValue(found, "month", relative=True) if found else None
    if "day" in g and ref is not None:  # "the week of the 18th"
        return _day_of_month(_day_of(g["day"], rules), rules, ref)
    return None


def _share(rules: DateRules, part: str, parent: DateValue) -> tuple:
    """A part's share of its period (rules.parts). A peer's convention may read the parts of a
    period named relative to P ("late this month", "end of March") otherwise than those of a
    numbered one ("end of 2000"): `relative_parts`, when set, for the former."""
    return (rules.relative_parts if parent.relative and rules.relative_parts else rules.parts)[part]


def _part(parent: DateValue, share: tuple, ref: date | None = None) -> DateValue | None:
    """A part of a period ("awal Maret", "late 2024", "akhir pekan"): its share of the
    period's months (a year, a quarter) or days (a month, a week), never exact; or its days
    before P ("earlier this year") or from P on ("later this month"). A side with a share
    less than the whole period is that share's days before P or from P on: with "later" the
    second half, "later this year" said in May is July to December, said in November the
    rest of the year."""
    first, last = parent.day, parent.end
    if share[3]:
        whole = share[0] <= 0 and share[1] >= 1
        if ref is None or (whole and not first <= ref <= last):
            return None
        if not whole:
            inner = _part(parent, (share[0], share[1], share[2], None))
            first, last = inner.day, inner.end
        elif parent.grain == "week" and share[2]:  # "the rest of the week": up to the weekday the part names
            last = max(first + timedelta(days=share[2][1]), min(ref, last))
        if share[3] == "before":
            last = min(last, ref - timedelta(days=1))
        else:
            first = max(first, ref)
        return DateValue(first, "part", True, last) if first <= last else None
    if parent.grain == "week" and share[2]:
        return DateValue(first + timedelta(days=share[2][0]), "part", parent.relative,
                         first + timedelta(days=share[2][1]), exact=False)
    if parent.grain == "month":  # thirds of a month are its tens of days (dasarian)
        days = (last - first).days + 1
        start = first + timedelta(days=min(round(30 * share[0]), days - 1))
        stop = last if share[1] >= 1 else first + timedelta(days=round(30 * share[1]) - 1)
        return DateValue(start, "part", parent.relative, max(stop, start), exact=False)
    if parent.grain in ("year", "half", "quarter", "decade"):
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        start = add_months(first, round(months * share[0]))
        stop = add_months(first, max(round(months * share[1]), round(months * share[0]) + 1))
        return DateValue(start, "part", parent.relative, stop - timedelta(days=1), exact=False)
    days = (last - first).days + 1
    start = first + timedelta(days=round(days * share[0]))
    stop = first + timedelta(days=max(round(days * share[1]), round(days * share[0]) + 1))
    return DateValue(start, "part", parent.relative, stop - timedelta(days=1), exact=False)


def _leading(parent: DateValue, unit: str, n: int, from_end: bool) -> DateValue | None:
    """The first (from_end: last) n days, weeks, months or quarters of a period, inside it:
    "the first six months of 2024" is January to June, "tiga bulan terakhir 2023" October to
    December. Weeks of a month or a year are whole Monday-based weeks, the first holding the
    period's first Thursday ("the first 2 weeks of 2021" are January 4 to 17)."""
    first, last = parent.day, parent.end
    if unit == "week" and parent.grain in ("month", "quarter", "half", "year"):
        # whole weeks: the first holds the period's first Thursday, the last its last (as _nth)
        days = timedelta(days=7 * n - 1)
        if from_end:
            stop = last - timedelta(days=(last.weekday() - 3) % 7 + 3) + timedelta(days=6)
            start = stop - days
        else:
            start = first + timedelta(days=(3 - first.weekday()) % 7 - 3)
            stop = start + days
        return DateValue(start, "span", parent.relative, stop) if n >= 1 else None
    if unit in ("day", "week"):
        days = timedelta(days=n * (7 if unit == "week" else 1) - 1)
        start, stop = (last - days, last) if from_end else (first, first + days)
    elif unit in ("month", "quarter"):
        months = n * (3 if unit == "quarter" else 1)
        start, stop = ((add_months(last + timedelta(days=1), -months), last) if from_end
                       else (first, add_months(first, months) - timedelta(days=1)))
    else:
        return None
    if n < 1 or start < first or stop > last or (start, stop) == (first, last):
        return None
    return DateValue(start, "span", parent.relative, stop)


def _nth(g: dict, unit: str | None, parent: DateValue, rules: DateRules) -> DateValue | None:
    """The nth (or last) day, weekday, week, month, quarter or half of a period: "the first
    Monday of March", "the last day of October", "the first week of November", "Q3 2016",
    "kuartal ketiga". Weeks are the Monday-based weeks holding the period's days."""
    n = nth_number(g, rules)
    if not n:
        return None
    first, last = parent.day, parent.end
    if unit in ("quarter", "half", "month"):
        months = {"quarter": 3, "half": 6, "month": 1}[unit]
        count = ((last.year - first.year) * 12 + last.month - first.month + 1) // months
        if not count or abs(n) > count:
            return None
        start = add_months(first, months * (n - 1 if n > 0 else count + n))
        return DateValue(start, unit, parent.relative)
    if unit == "day":
        found = first + timedelta(days=n - 1) if n > 0 else last + timedelta(days=n + 1)
        return DateValue(found, "day", parent.relative) if first <= found <= last else None
    if unit == "week":  # a period's first week holds its first Thursday (ISO 8601), its last its last
        if parent.grain == "day":  # "the week of October 6th"
            sunday = first.weekday() == 6 and rules.sunday_starts_week
            return DateValue(week_start(first + timedelta(days=1 if sunday else 0)), "week", parent.relative)
        elif n > 0:
            start = first + timedelta(days=(3 - first.weekday()) % 7 - 3 + 7 * (n - 1))
        else:
            start = last - timedelta(days=(last.weekday() - 3) % 7 + 3 + 7 * (-n - 1))
        return DateValue(start, "week", parent.relative) if start <= last else None
    if unit == "weekday":
        weekday = weekday_of(g["weekday"], rules)
        if n > 0:
            found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            found = last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
        return DateValue(found, "day", parent.relative) if first <= found <= last else None
    return None


@functools.lru_cache(maxsize=256)
def _calendar_days(country: str, year: int, names: tuple) -> tuple[date, date] | None:
    """The first and last day a country's calendar lists under these names in a year
    (the holidays package: Islamic, Balinese and Buddhist holidays move every year)."""
    import holidays

    try:
        table = holidays.country_holidays(country, years=year, language="en_US")
    except (NotImplementedError, KeyError):
        return None
    days = sorted(d for d, name in table.items() for n in name.split("; ") if n in names)
    return (days[0], days[-1]) if days else None


def holiday_days(spec: dict, year: int) -> tuple[date, date] | None:
    if spec.get("calendar"):
        found = _calendar_days(spec["calendar"], year, tuple(spec["names"]))
        days = timedelta(days=spec.get("shift") or 0)
        return (found[0] + days, found[1] + days) if found else None
    day = safe_date(year, spec["month"], spec["day"])
    return (day, day) if day else None


def _holiday(g: dict, parent: DateValue | None, rules: DateRules, ref: date | None,
             direction: str | None = None) -> DateValue | None:
    """A named holiday in the year written, else the most recent one (or the coming one within
    the forward window; the first one on or after P when the rules point forward)."""
    spec = rules.holidays[fold_name(g["holiday"])]
    if parent is not None:
        found = holiday_days(spec, parent.day.year)
        relative = parent.relative
    elif ref is None:
        return None
    else:
        relative = True
        years = [holiday_days(spec, y) for y in range(ref.year - 2, ref.year + 3)]
        years = [y for y in years if y is not None]
        if direction == "after":  # "next Easter"
            found = next((y for y in years if y[0] > ref), None)
        elif direction == "before":  # "last Christmas"
            found = next((y for y in reversed(years) if y[1] < ref), None)
        elif rules.direction == "future":
            found = next((y for y in years if y[1] >= ref), None)
        else:
            ahead = ref + timedelta(days=rules.yearless_future_days)
            found = next((y for y in reversed(years) if y[0] <= ahead), None)
    if found is None:
        return None
    first, last = found
    if "weekend" in g and first == last:
        first, last = _weekend_around(first)
    return DateValue(first, "day" if first == last else "span", relative, None if first == last else last)


def _weekend_around(day: date) -> tuple[date, date]:
    """A holiday's weekend: the Saturday and Sunday it falls on, from the Saturday before a
    Monday or Tuesday holiday (Labor Day weekend), to the Sunday after one from Wednesday to
    Friday (Thanksgiving weekend)."""
    weekday = day.weekday()
    if weekday >= 5:
        saturday = day - timedelta(days=weekday - 5)
        return saturday, saturday + timedelta(days=1)
    if weekday <= 1:
        return day - timedelta(days=weekday + 2), day
    return day, day + timedelta(days=6 - weekday)


def _day_of_month(day: int | None, rules: DateRules, ref: date) -> DateValue | None:
    """"The 27th", "tanggal 27": that day of P's month when it fits the direction, else of the
    month before (after)."""
    if not day:
        return None
    step = 1 if rules.direction == "future" else -1
    month = ref.replace(day=1)
    for _ in range(13):
        found = safe_date(month.year, month.month, day)
        if found is not None and (found >= ref if step > 0 else found <= ref):
            return DateValue(found, "day", relative=True)
        month = add_months(month, step)
    return None


def _weekday_day(g: dict, rules: DateRules, ref: date) -> DateValue | None:
    """"Thursday the 21st": the nearest month, in the rules' direction, whose 21st is a Thursday."""
    weekday, day = weekday_of(g["weekday"], rules), _day_of(g["day"], rules)
    if weekday is None or not day:
        return None
    step = 1 if rules.direction == "future" else -1
    this_month = safe_date(ref.year, ref.month, day)
    if this_month is not None and this_month.weekday() == weekday:  # "Tuesday the 11th": this month's
        return DateValue(this_month, "day", relative=True)
    month = ref.replace(day=1)
    for _ in range(30):
        found = safe_date(month.year, month.month, day)
        if found is not None and found.weekday() == weekday and (found >= ref if step > 0 else found <= ref):
            return DateValue(found, "day", relative=True)
        month = add_months(month, step)
    return None


def _period(ref: date, unit: str, offset: int) -> DateValue:
    """The calendar period `offset` units from P's: pekan lalu is last week's seven days."""
    if unit == "week":
        return DateValue(week_start(ref) + timedelta(days=7 * offset), "week", relative=True)
    if unit == "day":
        return DateValue(ref + timedelta(days=offset), "day", relative=True)
    if unit == "month":
        return DateValue(add_months(ref.replace(day=1), offset), "month", relative=True)
    if unit == "quarter":
        start = date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
        return DateValue(add_months(start, 3 * offset), "quarter", relative=True)
    if unit == "decade":
        return DateValue(date(ref.year // 10 * 10 + 10 * offset, 1, 1), "decade", relative=True)
    return DateValue(date(ref.year + offset, 1, 1), "year", relative=True)


def _in_period(g: dict, rules: DateRules, ref: date) -> DateValue | None:
    """A day of a relative month ("the 20th of next month") or a month, optionally with its day,
    of a relative year ("March last year", "3 March last year")."""
    unit, offset = rules.relative_periods[fold_name(g["period"])][:2]
    day = _day_of(g["day"], rules) if "day" in g else None
    if unit == "month" and "month" not in g and day is not None:
        start = add_months(ref.replace(day=1), offset)
        found = safe_date(start.year, start.month, day)
        return DateValue(found, "day", relative=True) if found else IMPOSSIBLE
    if unit == "year" and "month" in g:
        month = rules.months.get(fold_name(g["month"]))
        if month is None:
            return None
        found = safe_date(ref.year + offset, month, day or 1)
        return DateValue(found, "day" if day else "month", relative=True) if found else None
    return None
