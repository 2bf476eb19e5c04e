"""Date, duration and date-line recognisers.

One engine, three entry points:
- `find_dates(text, rules, ref)`: calendar dates in a sentence, absolute ones and relative ones
  resolved against `ref` (the publication date);
- `find_durations(text, rules)`: lengths of time as intervals of seconds (hedges apply);
- `find_dateline(text, rules)`: the publication date from an article's header lines.

All language knowledge (month and weekday names, relative words and their offsets, patterns,
hedge widths) lives in rules/<lang>/dates.yaml and durations.yaml. A pattern is a regular
expression template whose {placeholders} expand to named groups built from the word tables
(like Duckling: a named rule, a pattern, a production); the production is one of the engine's
resolvers below. Overlapping matches are settled longest first, then by rule order.
"""
from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from checker.model import DateValue, DurationValue, Interval, Mention
from checker.recognise.prefilter import PatternSet, literal_gates
from checker.recognise.numbers import Hedge, HedgeSchema, apply_hedges
from checker.rulebook import LanguageRules, alternation, fold, rule_regex
from checker.units import seconds_per

_BEFORE, _AFTER = r"(?<![\w])(?<!\d[.,])", r"(?![\w])"  # never inside a figure: 6,107.31 August
_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade")
_DIRECTIONS = ("on_or_before", "before", "previous_week", "this_week", "next_week", "after",
               "within", "nth")
_PRODUCTIONS = ("date", "numeric", "year", "month", "weekday", "relative_day", "relative_period",
                "offset", "in_period", "span", "part", "nth", "holiday", "day_of_month", "weekday_day",
                "decade", "century", "shift", "periods", "weekday_count", "length", "leading", "today")
_NTH_UNITS = ("day", "weekday", "week", "month", "quarter", "half")


# --- schemas ----------------------------------------------------------------------------------

class PatternSchema(Schema):
    name = fields.String(required=True)
    pattern = fields.String(required=True)  # regex template with {placeholders}
    production = fields.String(required=True, validate=validate.OneOf(_PRODUCTIONS))
    direction = fields.String(validate=validate.OneOf(_DIRECTIONS))  # weekday resolvers
    sign = fields.Integer(load_default=-1)  # offset resolvers: -1 ago, +1 from now
    capitalised = fields.List(fields.String(), load_default=list)  # groups that need a capital
    order = fields.String(validate=validate.OneOf(["dmy", "mdy", "ymd"]))  # numeric resolvers
    unit = fields.String(validate=validate.OneOf(_NTH_UNITS))  # nth resolvers: the nth what
    # words one of which the text must hold for the pattern to be tried at all (a cheap gate:
    # most sentences name no quarter, century or holiday); "#digit" and "#dash" stand for a
    # digit and a dash, "{holiday}" and "{part}" for the first words of those tables
    requires = fields.List(fields.String(validate=lambda w: not w.startswith("{") or w in ("{holiday}", "{part}")))
    # a match that stands only as an end of a range ("between Jan 22 and now", "from March to
    # date"): alone, "now" and "date" are no date
    range_end_only = fields.Boolean(load_default=False)


class PeriodSchema(Schema):
    unit = fields.String(required=True, validate=validate.OneOf(_UNITS))
    offset = fields.Integer(required=True)
    part = fields.String()  # a part of that period, named in `parts`: akhir pekan lalu
    # the most recent such part in the rules' direction: "akhir pekan" read on a Monday is the
    # one just past
    latest = fields.Boolean(load_default=False)


class PartSchema(Schema):
    """A part of a period as fractions of it: early = [0, 0.5]."""
    start = fields.Float(required=True, validate=validate.Range(0, 1))
    stop = fields.Float(required=True, validate=validate.Range(0, 1))
    # of a week, the weekdays it covers (0 = Monday): "end of the week" is Friday to Sunday
    weekdays = fields.List(fields.Integer(validate=validate.Range(0, 6)), validate=validate.Length(equal=2))
    # the period's days before P ("earlier this year") or from P on ("later this month")
    side = fields.String(validate=validate.OneOf(["before", "after"]))


class HolidaySchema(Schema):
    """A named holiday: a fixed day of the year, or the days a country's calendar (the holidays
    package) gives under these names each year (consecutive days make one span: Lebaran)."""
    month = fields.Integer(validate=validate.Range(1, 12))
    day = fields.Integer(validate=validate.Range(1, 31))
    calendar = fields.String()  # ISO country code of the calendar that lists it
    names = fields.List(fields.String(), load_default=list)

    @validates_schema
    def _one_way(self, data, **_):
        if ("month" in data) == bool(data.get("calendar")):
            raise ValidationError("a holiday has either month and day or a calendar with names")
        if data.get("calendar") and not data.get("names"):
            raise ValidationError("a holiday from a calendar needs the names it is listed under")


class UnitSchema(Schema):
    unit = fields.String(required=True, validate=validate.OneOf(_UNITS))
    times = fields.Float(load_default=1.0)


# the tables a language's dates rules start from, seeded from dateparser's data for the language
SEEDED_TABLES = ("months", "weekdays", "units", "fused_units", "relative_days", "relative_periods")


class SeedSchema(Schema):
    """What a dates file takes of the calendar words seeded from dateparser (seed_vocabulary):
    the tables seeded, and the forms of its data these rules leave out (with the reason beside
    them in the file). The file's own tables add words and override seeded ones."""
    tables = fields.List(fields.String(validate=validate.OneOf(SEEDED_TABLES)), load_default=lambda: list(SEEDED_TABLES))
    drop = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)


class DatesSchema(Schema):
    months = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1, 12)),
                         load_default=dict)
    weekdays = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(0, 6)),
                           load_default=dict)
    # weekday names that are a weekday only when written with a capital (Minggu vs minggu)
    weekdays_capitalised = fields.Dict(keys=fields.String(),
                                       values=fields.Integer(validate=validate.Range(0, 6)),
                                       load_default=dict)
    day_words = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1, 31)),
                            load_default=dict)
    ordinal_suffixes = fields.List(fields.String(), load_default=list)
    number_words = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    # words fusing "one" and a unit: sehari, sepekan, fortnight
    fused_units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    relative_days = fields.Dict(keys=fields.String(), values=fields.Integer(), load_default=dict)
    relative_periods = fields.Dict(keys=fields.String(), values=fields.Nested(PeriodSchema),
                                   load_default=dict)
    year_intro = fields.List(fields.String(), load_default=list)
    # words right before/after a match that make it a time of day, not a date (pukul 10.12)
    time_markers_before = fields.List(fields.String(), load_default=list)
    time_markers_after = fields.List(fields.String(), load_default=list)
    # words right before a match starting with a digit that make it an amount ($12 December 27)
    amount_markers_before = fields.List(fields.String(), load_default=list)
    numeric_order = fields.String(validate=validate.OneOf(["dmy", "mdy"]))
    two_digit_year_pivot = fields.Integer()  # without P: yy below the pivot is 20yy, else 19yy
    # with P: yy is the century's year no more than this many years after P (30 -> 1930 in 2016)
    two_digit_year_future_window = fields.Integer(validate=validate.Range(0, 99))
    # a year-less date at most this many days after P is the coming one ("the vote on Nov. 14"
    # in an article of Nov. 7); later ones are last year's
    yearless_future_days = fields.Integer(load_default=0, validate=validate.Range(0, 180))
    # which way a date without its year, week or month points: news means the past ("on
    # March 3", "on Monday", "the 27th" in a report); a schedule means the future
    direction = fields.String(validate=validate.OneOf(["past", "future"]))
    # whether a bare day name that is P's own weekday is P itself (else a week before or after)
    weekday_today = fields.Boolean()
    # units that "the past/next N units" counts as whole calendar periods (the past two quarters
    # are the two reported quarters); the others count days back or on from P
    whole_periods = fields.List(fields.String(validate=validate.OneOf(_UNITS)))
    ordinals = fields.Dict(keys=fields.String(), values=fields.Integer(), load_default=dict)  # first, ketiga, III, last=-1
    # decades named in words, to their first year: the seventies = 1970
    decade_words = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1000, 2990)),
                               load_default=dict)
    parts = fields.Dict(keys=fields.String(), values=fields.Nested(PartSchema), load_default=dict)
    # parts that name a period's bound ("the end of", "the beginning of"): "before the end of
    # the year" runs up to its last day, "after the beginning of March" from its first
    boundary_parts = fields.List(fields.String(), load_default=list)
    holidays = fields.Dict(keys=fields.String(), values=fields.Nested(HolidaySchema), load_default=dict)
    # words before a date that open its interval on one side: "after 2010", "before 2018"
    open_after = fields.List(fields.String(), load_default=list)
    open_before = fields.List(fields.String(), load_default=list)
    # before a date, "from it on" ("starting January 7"); after it, the same ("2018 or later")
    open_from = fields.List(fields.String(), load_default=list)
    open_onward = fields.List(fields.String(), load_default=list)
    # right after the date, what makes it the happening's day rather than a bound ("after
    # Wednesday's blasts")
    open_blocked_after = fields.List(fields.String(), load_default=list)
    compound_joiners = fields.List(fields.String(), load_default=list)  # "2 years and 3 months ago"
    # words before an offset or a shift that bound it on one side: "more than two weeks ago" is
    # every day before the day two weeks back, "less than 3 days after tomorrow" the days
    # between tomorrow and that day
    offset_hedges = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.OneOf(["more", "less"])),
                                load_default=dict)
    # two dates joined into one span: "17 to 18 September", "between Oct. 21 and 25", "hingga"
    range_openers = fields.List(fields.String(), load_default=list)
    range_joiners = fields.List(fields.String(), load_default=list)
    range_opener_joiners = fields.List(fields.String(), load_default=list)  # "and": only after "between"
    patterns = fields.List(fields.Nested(PatternSchema), load_default=list)
    published_markers = fields.List(fields.String(), load_default=list)  # date lines: published
    updated_markers = fields.List(fields.String(), load_default=list)  # date lines: not P
    dateline_patterns = fields.List(fields.Nested(PatternSchema), load_default=list)
    seed = fields.Nested(SeedSchema)  # what of dateparser's calendar words the language takes


class DurationsSchema(Schema):
    units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), required=True)
    fused_units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    number_words = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    fractions = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    joiners = fields.List(fields.String(), load_default=list)  # "and", "dan" between parts
    # words between the number and the unit that leave the length as it is: "two more weeks"
    fillers = fields.List(fields.String(), load_default=list)
    hedges_before = fields.Dict(keys=fields.String(), values=fields.Nested(HedgeSchema), load_default=dict)
    hedges_after = fields.Dict(keys=fields.String(), values=fields.Nested(HedgeSchema), load_default=dict)
    since = fields.List(fields.String(), load_default=list)  # "sejak", "since"
    not_after = fields.List(fields.String(), load_default=list)  # "ago", "lalu": an offset, not a length
    not_before = fields.List(fields.String(), load_default=list)  # "berusia", "aged": an age, not a length


# --- compiled rules ---------------------------------------------------------------------------

def _fold(word: str) -> str:
    """Month and day names may end in an optional full stop ("Jan.", "Okt."): keyed without it."""
    return fold(word, dot=True)


@dataclass(frozen=True)
class CompiledPattern:
    name: str
    regex: re.Pattern
    production: str
    direction: str | None
    sign: int
    capitalised: tuple
    order: str | None
    unit: str | None = None
    requires: frozenset | None = None
    range_end_only: bool = False

    @property
    def literals(self) -> tuple | None:
        """The sets of keys a match holds one of each (prefilter.literal_gates, read once)."""
        return literal_gates(self.regex)


@dataclass(frozen=True)
class DateRules:
    months: dict
    weekdays: dict
    weekdays_capitalised: dict
    day_words: dict
    number_words: dict
    units: dict  # folded word -> (unit, times)
    fused_units: dict
    relative_days: dict
    relative_periods: dict  # folded phrase -> (unit, offset)
    numeric_order: str
    pivot: int
    future_window: int | None
    yearless_future_days: int
    patterns: tuple
    dateline_patterns: tuple
    time_before: re.Pattern | None
    time_after: re.Pattern | None
    amount_before: re.Pattern | None
    published: re.Pattern | None
    updated: re.Pattern | None
    direction: str = "past"
    weekday_today: bool = True
    whole_periods: tuple = ("quarter", "decade")
    ordinals: dict = field(default_factory=dict)
    decade_words: dict = field(default_factory=dict)  # folded word -> first year
    intro_words: frozenset = frozenset()  # the words of `year_intro` ("pada", "tahun", "sejak"), folded
    parts: dict = field(default_factory=dict)  # folded word -> (start, stop, weekdays, side)
    boundary_parts: frozenset = frozenset()  # folded words of parts naming a bound (end, beginning)
    holidays: dict = field(default_factory=dict)  # folded phrase -> holiday dict
    range_opener: re.Pattern | None = None
    range_opener_start: re.Pattern | None = None
    range_joiner: re.Pattern | None = None
    range_opener_joiner: re.Pattern | None = None
    range_joiner_start: re.Pattern | None = None
    open_after: re.Pattern | None = None
    open_before: re.Pattern | None = None
    open_after_start: re.Pattern | None = None
    open_before_start: re.Pattern | None = None
    open_from: re.Pattern | None = None
    open_from_start: re.Pattern | None = None
    open_onward: re.Pattern | None = None
    open_blocked: re.Pattern | None = None
    offset_hedge: re.Pattern | None = None
    offset_hedges: dict = field(default_factory=dict)  # folded words -> more | less
    pattern_set: PatternSet | None = None  # `patterns`, indexed by their literals (prefilter)
    dateline_set: PatternSet | None = None  # the dateline patterns, then `patterns`


def _merge(datas: list[dict], key: str) -> dict:
    merged: dict = {}
    for data in datas:
        merged.update(data.get(key) or {})
    return merged


def _placeholders(tables: dict) -> dict:
    """The named groups a pattern template may use."""
    suffix = alternation(tables["ordinal_suffixes"])
    day_words = alternation(tables["day_words"])
    numbers = alternation(tables["number_words"])
    joiner = alternation(tables["compound_joiners"])
    return {
        "day": rf"(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:{suffix})?(?!\d)|{day_words})",
        "dd": r"(?P<day>0?[1-9]|[12]\d|3[01])",
        "mm": r"(?P<month>0?[1-9]|1[0-2])",
        "a": r"(?P<a>\d{1,2})",
        "b": r"(?P<b>\d{1,2})",
        "month": rf"(?P<month>{alternation(tables['months'], optional_dot=True)})",
        "year": r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)",
        "yy": r"(?P<year>\d\d)(?!\d)",
        "anyyear": r"(?P<year>(?:1[5-9]|20)\d\d|\d\d)(?!\d)",
        "weekday": rf"(?P<weekday>{alternation(list(tables['weekdays']) + list(tables['weekdays_capitalised']), optional_dot=True)})",
        "num": rf"(?P<num>\d+(?:[.,]\d+)?|{numbers}(?:[\s-]+{numbers})*)",
        "unit": rf"(?P<unit>{alternation(tables['units'])})",
        "fused": rf"(?P<fused>{alternation(tables['fused_units'])})",
        "rel": rf"(?P<rel>{alternation(tables['relative_days'])})",
        "period": rf"(?P<period>{alternation(tables['relative_periods'])})",
        "intro": rf"(?:{alternation(tables['year_intro'])})",
        "day2": rf"(?P<day2>(?:0?[1-9]|[12]\d|3[01])(?:{suffix})?(?!\d)|{day_words})",
        "month2": rf"(?P<month2>{alternation(tables['months'], optional_dot=True)})",
        "year2": r"(?P<year2>(?:1[5-9]|20)\d\d)(?!\d)",
        "nth": rf"(?P<nth>\d{{1,2}}(?:{suffix})?(?!\d)|{alternation(list(tables['ordinals']) + list(tables['day_words']))})",
        "part": rf"(?P<part>{alternation(tables['parts'])})",
        "holiday": rf"(?P<holiday>{alternation(tables['holidays'])})",
        "decade_word": rf"(?P<decade_word>{alternation(tables['decade_words'])})",
        "this": rf"(?P<this>{alternation(tables['units'])})",
        # further parts of a compound length: "2 years 1 month 21 days ago"
        "more": rf"(?:\s*,?\s*(?:{joiner}\s+)?(?P<num2>\d+|{numbers})\s+(?P<unit2>{alternation(tables['units'])}))?"
                rf"(?:\s*,?\s*(?:{joiner}\s+)?(?P<num3>\d+|{numbers})\s+(?P<unit3>{alternation(tables['units'])}))?",
    }


def _unique_groups(body: str) -> str:
    """A placeholder used in two alternatives gets numbered names (month, month__2, ...);
    `_groups` folds them back."""
    seen: dict = {}

    def rename(m: re.Match) -> str:
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        n = seen[m.group(1)]
        return m.group() if n == 1 else f"(?P<{m.group(1)}__{n}>"

    return re.sub(r"\(\?P<(\w+)>", rename, body)


def _groups(m: re.Match) -> dict:
    return {k.split("__")[0]: v for k, v in m.groupdict().items() if v is not None}


def _compile_patterns(specs: list[dict], holes: dict, tables: dict) -> tuple:
    compiled = []
    for spec in specs:
        try:
            body = _unique_groups(spec["pattern"].format(**holes))
        except (KeyError, IndexError) as exc:
            raise ValueError(f"pattern {spec['name']!r}: no placeholder {exc}") from exc
        regex = rule_regex(f"{_BEFORE}(?:{body}){_AFTER}", f"pattern {spec['name']!r}", re.IGNORECASE)
        gate = None
        if spec.get("requires"):
            gate = frozenset(word for w in spec["requires"] for word in (
                {_fold(k).split()[0] for k in tables[w[1:-1] + "s"]} if w in ("{holiday}", "{part}")
                else {_fold(w).split()[0]}))
        compiled.append(CompiledPattern(spec["name"], regex, spec["production"], spec.get("direction"),
                                        spec.get("sign", -1), tuple(spec.get("capitalised", ())),
                                        spec.get("order"), spec.get("unit"), gate,
                                        spec.get("range_end_only", False)))
    return tuple(compiled)


def _marker(words: list[str], before: bool) -> re.Pattern | None:
    if not words:
        return None
    alt = alternation(words)
    return re.compile(rf"(?<![\w]){alt}\s*$" if before else rf"^\s*{alt}(?![\w])", re.IGNORECASE)


def _gap(words: list[str]) -> re.Pattern | None:
    """The whole text between two dates is one of these words."""
    return re.compile(rf"^\s*(?:{alternation(words)})\s*$", re.IGNORECASE) if words else None


_WORD_TABLES = ("months", "weekdays", "weekdays_capitalised", "day_words", "number_words", "units",
                "fused_units", "relative_days", "relative_periods", "ordinals", "parts", "holidays",
                "decade_words", "offset_hedges")
SEED_KEY = "seeded_from_dateparser"  # the seed's data, ahead of the files' (never in a rule file)
_SEED_UNITS = ("day", "week", "month", "year")
_MIN_SEEDED = 3  # shorter forms of dateparser's data ("d", "mo", "tu", "hr") are other words in prose


@functools.lru_cache(maxsize=None)
def _dateparser_info(code: str) -> dict:
    """dateparser's data for a language (its month and day names, units, relative words), read
    from its data file without importing dateparser (the CLI's cold start); {} when it has none."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec("dateparser")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "date_translation_data" / f"{code}.py"
    if not re.fullmatch(r"[a-z]{2,3}", code) or not path.is_file():
        return {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "info" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def seed_vocabulary(language) -> dict:
    """A language's calendar words from dateparser's data, as the dates tables write them:
    month and day names, the units day to year, the relative days ("semalam": -1, "esok": 1),
    the relative periods ("bulan lalu": the month before) and the words fusing one and a unit
    ("setahun"). compile_dates puts them under the language's own tables, less what its files
    drop or give another meaning (rules/<lang>/dates.yaml, `seed`)."""
    info = _dateparser_info(language.code)
    if not info:
        return {}
    tables: dict = {name: {} for name in SEEDED_TABLES}
    names = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")
    for number, name in enumerate(names, 1):
        tables["months"].update((form, number) for form in info.get(name, ()))
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for number, name in enumerate(days):
        tables["weekdays"].update((form, number) for form in info.get(name, ()))
    for unit in _SEED_UNITS:
        tables["units"].update((form, {"unit": unit}) for form in info.get(unit, ()))
    for meaning, forms in info.get("relative-type", {}).items():
        found = re.fullmatch(r"(in )?(\d) (day|week|month|year)( ago)?", meaning)
        if not found:
            continue  # "last monday", "\\1 day ago": the rules' own patterns read those
        future, amount, unit, past = bool(found.group(1)), int(found.group(2)), found.group(3), bool(found.group(4))
        if future == past:
            if not future and amount == 1:  # "1 year": setahun, a year
                tables["fused_units"].update((form, {"unit": unit}) for form in forms)
            continue
        offset = amount if future else -amount
        if unit == "day":
            tables["relative_days"].update((form, offset) for form in forms)
        elif amount <= 1:
            tables["relative_periods"].update((form, {"unit": unit, "offset": offset}) for form in forms)
    return {SEED_KEY: {name: {form: value for form, value in table.items() if len(form) >= _MIN_SEEDED}
                       for name, table in tables.items()}}


def _seeded_tables(datas: list[dict]) -> dict:
    """Each table's seeded words that the files take: of the tables their `seed` names, less the
    forms it drops and those the files list in another table (Indonesian "minggu" is a week
    and, capitalised, Sunday: dateparser's Sunday "minggu" is not taken as a weekday)."""
    seeded = next((d[SEED_KEY] for d in datas if d.get(SEED_KEY)), None)
    if not seeded:
        return {}
    settings = [d["seed"] for d in datas if d.get("seed")]
    chosen = settings[-1]["tables"] if settings else SEEDED_TABLES
    dropped = {_fold(w) for s in settings for w in s["drop"]}
    listed = {name: {_fold(k) for d in datas for k in (d.get(name) or {})} for name in _WORD_TABLES}
    out = {}
    for name in chosen:
        others = set().union(*(forms for other, forms in listed.items() if other != name))
        out[name] = {form: value for form, value in seeded.get(name, {}).items()
                     if _fold(form) not in dropped and _fold(form) not in others}
    return out


def compile_dates(datas: list[dict]) -> DateRules:
    seeded = _seeded_tables(datas)
    tables = {key: {**seeded.get(key, {}), **_merge(datas, key)} for key in _WORD_TABLES}
    for key in ("ordinal_suffixes", "year_intro", "time_markers_before", "time_markers_after",
                "amount_markers_before", "published_markers", "updated_markers", "range_openers",
                "range_joiners", "range_opener_joiners", "open_after", "open_before", "open_from",
                "open_onward", "open_blocked_after", "compound_joiners", "boundary_parts"):
        tables[key] = [w for d in datas for w in d.get(key, [])]
    for phrase, period in tables["relative_periods"].items():
        if period.get("part") and _fold(period["part"]) not in {_fold(k) for k in tables["parts"]}:
            raise ValueError(f"relative period {phrase!r}: part {period['part']!r} is not in parts")
    for word in tables["boundary_parts"]:
        if _fold(word) not in {_fold(k) for k in tables["parts"]}:
            raise ValueError(f"boundary part {word!r} is not in parts")
    holes = _placeholders(tables)
    patterns = _compile_patterns([p for d in datas for p in d.get("patterns", [])], holes, tables)
    dateline = _compile_patterns([p for d in datas for p in d.get("dateline_patterns", [])], holes, tables)
    order = next((d["numeric_order"] for d in datas if d.get("numeric_order")), "dmy")
    pivot = next((d["two_digit_year_pivot"] for d in datas if d.get("two_digit_year_pivot")), 50)
    window = next((d["two_digit_year_future_window"] for d in datas
                   if d.get("two_digit_year_future_window") is not None), None)
    fold = lambda table: {_fold(k): v for k, v in table.items()}  # noqa: E731
    unit_pairs = lambda table: {_fold(k): (v["unit"], v.get("times", 1.0)) for k, v in table.items()}  # noqa: E731
    return DateRules(
        months=fold(tables["months"]), weekdays=fold(tables["weekdays"]),
        weekdays_capitalised=fold(tables["weekdays_capitalised"]),
        day_words=fold(tables["day_words"]), number_words=fold(tables["number_words"]),
        units=unit_pairs(tables["units"]), fused_units=unit_pairs(tables["fused_units"]),
        relative_days=fold(tables["relative_days"]),
        relative_periods={_fold(k): (v["unit"], v["offset"], v.get("part") and _fold(v["part"]),
                                     v.get("latest", False))
                          for k, v in tables["relative_periods"].items()},
        numeric_order=order, pivot=pivot, future_window=window,
        yearless_future_days=max((d.get("yearless_future_days", 0) for d in datas), default=0), patterns=patterns, dateline_patterns=dateline,
        time_before=_marker(tables["time_markers_before"], True),
        time_after=_marker(tables["time_markers_after"], False),
        amount_before=_marker(tables["amount_markers_before"], True),
        published=_marker(tables["published_markers"], False) and re.compile(
            alternation(tables["published_markers"]), re.IGNORECASE),
        updated=_marker(tables["updated_markers"], False) and re.compile(
            alternation(tables["updated_markers"]), re.IGNORECASE),
        direction=next((d["direction"] for d in datas if d.get("direction")), "past"),
        weekday_today=next((d["weekday_today"] for d in datas if "weekday_today" in d), True),
        whole_periods=next((tuple(d["whole_periods"]) for d in datas if "whole_periods" in d), ("quarter", "decade")),
        ordinals=fold(tables["ordinals"]), decade_words=fold(tables["decade_words"]),
        parts={_fold(k): (v["start"], v["stop"], tuple(v.get("weekdays", ())), v.get("side"))
               for k, v in tables["parts"].items()},
        holidays=fold(tables["holidays"]),
        boundary_parts=frozenset(_fold(w) for w in tables["boundary_parts"]),
        intro_words=frozenset(w for phrase in tables["year_intro"] for w in _fold(phrase).split()),
        range_opener=_marker(tables["range_openers"], True),
        range_opener_start=_marker(tables["range_openers"], False),
        range_joiner=_gap(tables["range_joiners"]),
        range_opener_joiner=_gap(tables["range_opener_joiners"]),
        range_joiner_start=_marker(tables["range_joiners"], False),
        open_after=_marker(tables["open_after"], True),
        open_before=_marker(tables["open_before"], True),
        open_after_start=_marker(tables["open_after"], False),
        open_before_start=_marker(tables["open_before"], False),
        open_from=_marker(tables["open_from"], True),
        open_from_start=_marker(tables["open_from"], False),
        # "2018 or later", not "2018 or later than 2020" (a bound of its own)
        open_onward=re.compile(rf"^\s*{alternation(tables['open_onward'])}(?![\w])(?!\s+than\b)", re.IGNORECASE)
        if tables["open_onward"] else None,
        offset_hedge=_marker(list(tables["offset_hedges"]), True),
        offset_hedges=fold(tables["offset_hedges"]),
        open_blocked=re.compile(rf"^{alternation(tables['open_blocked_after'])}(?![\w])", re.IGNORECASE)
        if tables["open_blocked_after"] else None,
        pattern_set=PatternSet.build(p.regex for p in patterns),
        dateline_set=PatternSet.build(p.regex for p in dateline + patterns),
    )


# --- calendar arithmetic ------------------------------------------------------------------------

def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, amount: float) -> date:
    """`day` moved by `amount` units (calendar months and years; fractions of days dropped)."""
    if unit in ("month", "quarter", "year", "decade"):
        months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
        return _add_months(day, round(months))
    days = amount * {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7}[unit]
    return day + timedelta(days=int(days))


# a match that names an impossible calendar day ("Feb 30", "2/29/2019", "the 31st of this
# month" in November): it still claims its span, so no shorter reading of it ("this month") survives
_IMPOSSIBLE = DateValue(None, "day")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, ref: date, future_days: int = 0,
                direction: str = "past") -> date | None:
    """A year-less date in news is the most recent one on or before P, or the coming one when it
    falls at most `future_days` after P; Feb 29 goes back to a leap year. With direction
    "future" it is the first one on or after P (the month: the current one or a later one)."""
    if direction == "future":
        start = ref.replace(day=1) if day is None else ref
        return next((d for d in (_safe_date(y, month, day or 1) for y in range(ref.year, ref.year + 9))
                     if d is not None and d >= start), None)
    this_year = _safe_date(ref.year, month, day or 1)
    later = this_year is None or this_year > ref
    if this_year is not None and later and (this_year - ref).days <= future_days:
        return this_year
    year = ref.year - 1 if later else ref.year
    for candidate in range(year, year - 8, -1):
        found = _safe_date(candidate, month, day or 1)
        if found is not None:
            return found
    return None


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def resolve_weekday(weekday: int, ref: date, direction: str) -> date:
    """Weekday names relative to the publication date; news refers to the past by default."""
    if direction == "on_or_before":
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    if direction == "on_or_after":
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    if direction == "before":
        return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
    if direction == "after":
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    week = _week_start(ref) + timedelta(days={"previous_week": -7, "this_week": 0, "next_week": 7}[direction])
    return week + timedelta(days=weekday)


# --- matching ---------------------------------------------------------------------------------

def _number(token: str, rules, language_rules: LanguageRules | None = None) -> float | None:
    """Digits or number words (date and duration rules both carry `number_words`); number
    words go through the numbers engine when it is there."""
    token = token.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        return float(token.replace(",", "."))
    if _fold(token) in rules.number_words:  # this table's own words first: "a couple of"
        return rules.number_words[_fold(token)]
    parsed = _parse_with_numbers_engine(token, language_rules)
    if parsed is not None:
        return parsed
    words = [_fold(w) for w in re.split(r"[\s-]+", token) if w]
    if not words or any(w not in rules.number_words for w in words):
        return None
    values = [rules.number_words[w] for w in words]
    total = 0.0
    for value in values:  # "twenty one" -> 21, "dua puluh" -> 20
        total = total * value if value in (10, 100, 1000) and total else total + value
    return total


def _parse_with_numbers_engine(token: str, language_rules: LanguageRules | None) -> float | None:
    if language_rules is None or language_rules.get("numbers") is None:
        return None
    try:
        from checker.recognise import numbers
        parse = getattr(numbers, "parse_number", None)
        if parse is None:
            return None
        value = parse(token, language_rules)
    except Exception:  # the numbers engine is another stage's; a token it cannot read is no number
        return None
    if isinstance(value, Interval):
        return value.low if value.low is not None and value.low == value.high else None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _day_of(token: str, rules: DateRules) -> int | None:
    digits = re.match(r"\d+", token)
    if digits:
        return int(digits.group())
    return rules.day_words.get(_fold(token))


def _year_of(token: str, rules: DateRules, ref: date | None = None) -> int:
    year = int(token)
    if len(token) == 2:
        if ref is not None and rules.future_window is not None:
            century = ref.year // 100 * 100
            year += century if century + year <= ref.year + rules.future_window else century - 100
        else:
            year += 2000 if year < rules.pivot else 1900
    return year


def _weekday_of(token: str, rules: DateRules) -> int | None:
    folded = _fold(token)
    if folded in rules.weekdays:
        return rules.weekdays[folded]
    if folded in rules.weekdays_capitalised and token[:1].isupper():
        return rules.weekdays_capitalised[folded]
    return None


def _resolve(p: CompiledPattern, m: re.Match, rules: DateRules, ref: date | None,
             language_rules: LanguageRules | None) -> DateValue | None:
    g = _groups(m)
    for group in p.capitalised:
        if group in g and not g[group][:1].isupper():
            return None
    if "weekday" in g and _weekday_of(g["weekday"], rules) is None:
        return None  # "minggu" in lower case is a week, not Sunday
    if p.production in ("date", "numeric"):
        return _calendar_date(p, g, rules, ref)
    if p.production == "year":
        return DateValue(date(_year_of(g["year"], rules, ref), 1, 1), "year")
    if p.production == "decade":
        if "decade_word" in g:
            return DateValue(date(rules.decade_words[_fold(g["decade_word"])], 1, 1), "decade")
        return DateValue(date(_year_of(g["year"], rules, ref) // 10 * 10, 1, 1), "decade")
    if p.production == "century":
        n = _nth_number(g, rules)
        if not n or not 1 <= n <= 21:
            return None
        return DateValue(date(max(1, (n - 1) * 100), 1, 1), "span", last=date((n - 1) * 100 + 99, 12, 31))
    if p.production == "span":
        return _span(g, rules, ref)
    if p.production == "leading":  # "the first six months of 2024", "sembilan bulan pertama tahun ini"
        parent = _parent(g, rules, ref)
        n = _number(g["num"], rules)
        unit = rules.units.get(_fold(g["unit"]))
        if parent is None or not n or unit is None or n * unit[1] != int(n * unit[1]):
            return None
        return _leading(parent, unit[0], int(n * unit[1]), "from_end" in g)
    if p.production in ("part", "nth", "holiday"):
        parent = _parent(g, rules, ref)
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
            return _part(parent, rules.parts[_fold(g["part"])], ref)
        return _nth(g, p.unit, parent, rules)
    if ref is None:
        return None
    if p.production == "month":
        month = rules.months.get(_fold(g["month"]))
        if month is None:
            return None
        if p.direction == "after":
            year = ref.year + 1 if month <= ref.month else ref.year
            return DateValue(date(year, month, 1), "month", relative=True)
        window = 0 if p.direction == "before" else rules.yearless_future_days
        direction = "past" if p.direction == "before" else rules.direction
        return DateValue(_infer_year(month, None, ref, window, direction), "month", relative=True)
    if p.production == "weekday":
        weekday = _weekday_of(g["weekday"], rules)
        day = resolve_weekday(weekday, ref, p.direction or _bare_weekday(rules))
        if "this_day" in g and rules.direction == "future" and day < ref:
            day += timedelta(days=7)  # pointing forward, "this Monday" said on a Tuesday is the coming one
        return DateValue(day, "day", relative=True)
    if p.production == "weekday_day":
        return _weekday_day(g, rules, ref)
    if p.production == "weekday_count":  # "3 fridays from now", "2 thursdays ago"
        n = _number(g["num"], rules, language_rules)
        if not n:
            return None
        first = resolve_weekday(_weekday_of(g["weekday"], rules), ref, "after" if p.sign > 0 else "before")
        return DateValue(first + timedelta(days=7 * p.sign * (int(n) - 1)), "day", relative=True)
    if p.production == "periods":
        return _periods(p, g, rules, ref, language_rules)
    if p.production == "day_of_month":
        return _day_of_month(_day_of(g["day"], rules), rules, ref)
    if p.production == "relative_day":
        return DateValue(ref + timedelta(days=rules.relative_days[_fold(g["rel"])]), "day", relative=True)
    if p.production == "today":  # "now", "date" as a range's end: the publication day
        return DateValue(ref, "day", relative=True)
    if p.production == "relative_period":
        unit, offset, part, latest = rules.relative_periods[_fold(g["period"])]
        if not part:
            return _period(ref, unit, offset)
        found = _part(_period(ref, unit, offset), rules.parts[part], ref)
        if latest and found is not None:
            step = 1 if rules.direction == "future" else -1
            if (found.day > ref) if step < 0 else (found.end < ref):
                found = _part(_period(ref, unit, offset + step), rules.parts[part], ref)
        return found
    if p.production == "in_period":
        return _in_period(g, rules, ref)
    if p.production == "offset":
        amount, unit = _amount(g, rules, language_rules)
        if amount is None:
            return None
        try:
            day = _further(shift(ref, unit, p.sign * amount), g, p.sign, rules, language_rules)
            return DateValue(day, "day", relative=True) if day else None
        except (ValueError, OverflowError):  # "2024 tahun lalu": before year 1, no calendar date
            return None
    return None


def _further(day: date, g: dict, sign: int, rules: DateRules, language_rules) -> date | None:
    """`day` moved on by the further parts of a compound length ("2 years 1 month 21 days")."""
    for n, u in (("num2", "unit2"), ("num3", "unit3")):
        if n in g:
            more, more_unit = _amount({"num": g[n], "unit": g[u]}, rules, language_rules)
            if more is None:
                return None
            day = shift(day, more_unit, sign * more)
    return day


def _amount(g: dict, rules: DateRules, language_rules) -> tuple[float | None, str | None]:
    if "fused" in g:
        unit, times = rules.fused_units[_fold(g["fused"])]
        return times, unit
    amount = _number(g["num"], rules, language_rules) if "num" in g else None
    if amount is None or "unit" not in g:
        return None, None
    unit, times = rules.units[_fold(g["unit"])]
    return amount * times, unit


def _periods(p: CompiledPattern, g: dict, rules: DateRules, ref: date, language_rules) -> DateValue | None:
    """N units before or after P: "the past two weeks" is the fourteen days before P, "the next
    three days" the three after it, "within 10 months" runs from P; "upcoming two weeks"
    (direction nth) is the week two weeks on."""
    amount, unit = _amount(g, rules, language_rules)
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


def _nth_number(g: dict, rules: DateRules) -> int | None:
    """The n of "the third", "3rd", "ketiga", "III"; counted from the end after "last"."""
    if "nth" not in g:
        n = 1
    else:
        token = _fold(g["nth"])
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
    return int(token) if token.isdigit() else rules.months.get(_fold(token))


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
        found = _safe_date(_year_of(g["year"], rules, ref), month, day or 1)
        return DateValue(found, "day" if day else "month") if found else _IMPOSSIBLE
    if ref is None:
        return None
    if day and _safe_date(2000, month, day) is None:  # Feb 30 is no date in any year
        return _IMPOSSIBLE
    if day and "weekday" in g and p.direction is None:
        # "Sunday, Feb 10": of the last Feb 10 on or before P and the next one after it, the one on
        # a Sunday; when neither is, the weekday is a slip and the date stands
        weekday = _weekday_of(g["weekday"], rules)
        near = [_infer_year(month, day, ref, 0), _infer_year(month, day, ref + timedelta(days=1), 0, "future")]
        fits = [d for d in near if d is not None and d.weekday() == weekday]
        if len(fits) == 1:
            return DateValue(fits[0], "day", relative=True)
    if p.direction == "after":  # "next 5/12": the first one after P
        found = next((d for d in (_safe_date(y, month, day or 1) for y in range(ref.year, ref.year + 8))
                      if d is not None and d > ref), None)
    elif p.direction == "before":  # "3 Maret lalu", "since Oct. 3": never the coming one
        found = _infer_year(month, day, ref, 0)
    else:
        found = _infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
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
        unit, offset = rules.relative_periods[_fold(g["period"])][:2]
        if unit != "month":
            return None
        parent = _period(ref, unit, offset)
        month = month2 = parent.day.month
        year = year2 = parent.day.year
        relative = True
    else:
        month, month2 = month or month2, month2 or month
        year = _year_of(g["year"], rules, ref) if "year" in g else None
        year2 = _year_of(g["year2"], rules, ref) if "year2" in g else None
        if year2 is None and year is not None and g.get("year_at") != "start":
            year, year2 = None, year  # "Dec 28 - Jan 3, 2025": the year written last is the end's
        if year2 is None and year is None:
            if ref is None:
                return None
            start = _infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
            if start is None:
                return None
            year, relative = start.year, True
            year2 = year + (month2 < month)
        elif year is None:
            year = year2 - (month > month2)
        elif year2 is None:
            year2 = year + (month > month2)
    start = _safe_date(year, month, day or 1)
    last = _safe_date(year2, month2, day2) if day2 else _month_end(year2, month2)
    if start is None or last is None:
        return _IMPOSSIBLE
    if last <= start:
        return None
    return DateValue(start, "span", relative=relative, last=last)


def _parent(g: dict, rules: DateRules, ref: date | None) -> DateValue | None:
    """The period a part, an nth or a holiday is taken from: a month (with or without its
    year), a year, a relative period; none written: P's year for nth, None otherwise."""
    if "period" in g or "this" in g:
        if ref is None:
            return None
        if "this" in g:  # "the end of the month": P's own
            unit, offset = rules.units[_fold(g["this"])][0], 0
        else:
            unit, offset, part, _ = rules.relative_periods[_fold(g["period"])]
        period = _period(ref, unit, offset)
        return _part(period, rules.parts[part], ref) if "period" in g and part else period
    month = _month_of(g.get("month"), rules)
    if month is not None and "day" in g:  # "the week of October 6th"
        day = _day_of(g["day"], rules)
        if "year" in g:
            found = _safe_date(_year_of(g["year"], rules, ref), month, day)
            return DateValue(found, "day") if found else None
        if ref is None:
            return None
        found = _infer_year(month, day, ref, rules.yearless_future_days, rules.direction)
        return DateValue(found, "day", relative=True) if found else None
    if "year" in g:
        year = _year_of(g["year"], rules, ref)
        return DateValue(date(year, month, 1), "month") if month else DateValue(date(year, 1, 1), "year")
    if month is not None:
        if ref is None:
            return None
        found = _infer_year(month, None, ref, rules.yearless_future_days, rules.direction)
        return DateValue(found, "month", relative=True) if found else None
    if "day" in g and ref is not None:  # "the week of the 18th"
        return _day_of_month(_day_of(g["day"], rules), rules, ref)
    return None


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
        start = _add_months(first, round(months * share[0]))
        stop = _add_months(first, max(round(months * share[1]), round(months * share[0]) + 1))
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
        start, stop = ((_add_months(last + timedelta(days=1), -months), last) if from_end
                       else (first, _add_months(first, months) - timedelta(days=1)))
    else:
        return None
    if n < 1 or start < first or stop > last or (start, stop) == (first, last):
        return None
    return DateValue(start, "span", parent.relative, stop)


def _nth(g: dict, unit: str | None, parent: DateValue, rules: DateRules) -> DateValue | None:
    """The nth (or last) day, weekday, week, month, quarter or half of a period: "the first
    Monday of March", "the last day of October", "the first week of November", "Q3 2016",
    "kuartal ketiga". Weeks are the Monday-based weeks holding the period's days."""
    n = _nth_number(g, rules)
    if not n:
        return None
    first, last = parent.day, parent.end
    if unit in ("quarter", "half", "month"):
        months = {"quarter": 3, "half": 6, "month": 1}[unit]
        count = ((last.year - first.year) * 12 + last.month - first.month + 1) // months
        if not count or abs(n) > count:
            return None
        start = _add_months(first, months * (n - 1 if n > 0 else count + n))
        return DateValue(start, unit, parent.relative)
    if unit == "day":
        found = first + timedelta(days=n - 1) if n > 0 else last + timedelta(days=n + 1)
        return DateValue(found, "day", parent.relative) if first <= found <= last else None
    if unit == "week":  # a period's first week holds its first Thursday (ISO 8601), its last its last
        if parent.grain == "day":  # "the week of October 6th"
            start = _week_start(first)
        elif n > 0:
            start = first + timedelta(days=(3 - first.weekday()) % 7 - 3 + 7 * (n - 1))
        else:
            start = last - timedelta(days=(last.weekday() - 3) % 7 + 3 + 7 * (-n - 1))
        return DateValue(start, "week", parent.relative) if start <= last else None
    if unit == "weekday":
        weekday = _weekday_of(g["weekday"], rules)
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
        return _calendar_days(spec["calendar"], year, tuple(spec["names"]))
    day = _safe_date(year, spec["month"], spec["day"])
    return (day, day) if day else None


def _holiday(g: dict, parent: DateValue | None, rules: DateRules, ref: date | None,
             direction: str | None = None) -> DateValue | None:
    """A named holiday in the year written, else the most recent one (or the coming one within
    the forward window; the first one on or after P when the rules point forward)."""
    spec = rules.holidays[_fold(g["holiday"])]
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
        found = _safe_date(month.year, month.month, day)
        if found is not None and (found >= ref if step > 0 else found <= ref):
            return DateValue(found, "day", relative=True)
        month = _add_months(month, step)
    return None


def _weekday_day(g: dict, rules: DateRules, ref: date) -> DateValue | None:
    """"Thursday the 21st": the nearest month, in the rules' direction, whose 21st is a Thursday."""
    weekday, day = _weekday_of(g["weekday"], rules), _day_of(g["day"], rules)
    if weekday is None or not day:
        return None
    step = 1 if rules.direction == "future" else -1
    this_month = _safe_date(ref.year, ref.month, day)
    if this_month is not None and this_month.weekday() == weekday:  # "Tuesday the 11th": this month's
        return DateValue(this_month, "day", relative=True)
    month = ref.replace(day=1)
    for _ in range(30):
        found = _safe_date(month.year, month.month, day)
        if found is not None and found.weekday() == weekday and (found >= ref if step > 0 else found <= ref):
            return DateValue(found, "day", relative=True)
        month = _add_months(month, step)
    return None


def _period(ref: date, unit: str, offset: int) -> DateValue:
    """The calendar period `offset` units from P's: pekan lalu is last week's seven days."""
    if unit == "week":
        return DateValue(_week_start(ref) + timedelta(days=7 * offset), "week", relative=True)
    if unit == "day":
        return DateValue(ref + timedelta(days=offset), "day", relative=True)
    if unit == "month":
        return DateValue(_add_months(ref.replace(day=1), offset), "month", relative=True)
    if unit == "quarter":
        start = date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
        return DateValue(_add_months(start, 3 * offset), "quarter", relative=True)
    if unit == "decade":
        return DateValue(date(ref.year // 10 * 10 + 10 * offset, 1, 1), "decade", relative=True)
    return DateValue(date(ref.year + offset, 1, 1), "year", relative=True)


def _in_period(g: dict, rules: DateRules, ref: date) -> DateValue | None:
    """A day of a relative month ("the 20th of next month") or a month, optionally with its day,
    of a relative year ("March last year", "3 March last year")."""
    unit, offset = rules.relative_periods[_fold(g["period"])][:2]
    day = _day_of(g["day"], rules) if "day" in g else None
    if unit == "month" and "month" not in g and day is not None:
        start = _add_months(ref.replace(day=1), offset)
        found = _safe_date(start.year, start.month, day)
        return DateValue(found, "day", relative=True) if found else _IMPOSSIBLE
    if unit == "year" and "month" in g:
        month = rules.months.get(_fold(g["month"]))
        if month is None:
            return None
        found = _safe_date(ref.year + offset, month, day or 1)
        return DateValue(found, "day" if day else "month", relative=True) if found else None
    return None


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
            if p.production in ("shift", "length"):  # "three days after", "for three days from"
                amount, unit = _amount(_groups(m), rules, language_rules)
                if amount is not None:
                    start, hedge = _offset_hedge(text, m.start(), rules)
                    shifts.append((start, m.end(), p.sign * amount, unit, p.production, hedge))
                continue
            if p.production in ("date", "numeric", "span") and _is_time_of_day(text, m.start(), m.end(), rules):
                continue
            value = _resolve(p, m, rules, ref, language_rules)
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
    found = [m for m in _joined(text, found, rules) if m.rule not in ends_only]
    return _opened(text, _shifted(text, found, shifts), rules)


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
    starts on January 1, 2008, "to the start of 2008" ends on December 31, 2007."""
    share, v = _boundary_share(m, rules), m.value
    if share is None:
        return v
    if first and share[1] >= 1 and share[0] > 0:
        return DateValue(v.end + timedelta(days=1), "day", v.relative)
    if not first and share[0] <= 0 and share[1] < 1:
        return DateValue(v.day - timedelta(days=1), "day", v.relative)
    return v


def _boundary_share(m: Mention, rules: DateRules) -> tuple | None:
    """The share of the part a mention names when that part names a bound of its period ("the
    end of 2000"), else None ("late 2000")."""
    if m.value.grain != "part":
        return None
    return next((rules.parts[_fold(w)] for w in re.findall(r"[^\W\d_]+", m.text)
                 if _fold(w) in rules.boundary_parts and _fold(w) in rules.parts), None)


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
        if prev is None or not ((rules.range_joiner and rules.range_joiner.match(gap))
                                or (opener and rules.range_opener_joiner and rules.range_opener_joiner.match(gap))):
            out.append(m)
            continue
        first, second = _bound_end(prev, rules, True), _bound_end(m, rules, False)
        if first.relative and not second.relative and first.grain in ("day", "month") \
                and _names_month(prev.text, rules):
            moved = _safe_date(second.day.year, first.day.month, first.day.day)
            if moved is not None and moved > second.day:
                moved = _safe_date(second.day.year - 1, first.day.month, first.day.day)
            first = DateValue(moved, first.grain, False) if moved else first
        second = _after_first(first, second, m.text, rules)
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


def _after_first(first: DateValue, second: DateValue, text: str, rules: DateRules) -> DateValue:
    """A range's second end without its year or week runs on from the first: "between now and
    November 15th" is the coming November 15th, "from next Monday to Friday" that week's
    Friday."""
    if not second.relative or second.grain not in ("day", "month") or second.last is not None:
        return second
    if _names_month(text, rules):
        base = second.day
        for step in range(1, 9) if second.end <= first.day else ():  # on to the first one after the first end
            moved = _safe_date(base.year + step, base.month, base.day)
            if moved is not None and moved > first.day:
                return DateValue(moved, second.grain, True)
        return second
    if second.grain == "day" and second.end <= first.day and any(
            _weekday_of(w, rules) is not None for w in re.findall(r"[^\W\d_]+\.?", text)):
        ahead = (second.day.weekday() - first.day.weekday()) % 7 or 7
        return DateValue(first.day + timedelta(days=ahead), "day", True)
    return second


def _offset_hedge(text: str, start: int, rules: DateRules) -> tuple[int, str | None]:
    """The hedge right before an offset or a shift ("more than", "kurang dari"): the match's
    new start and the hedge's kind."""
    found = rules.offset_hedge.search(text[max(0, start - 30):start]) if rules.offset_hedge else None
    if found is None:
        return start, None
    return start - len(found.group()), rules.offset_hedges[_fold(found.group())]


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
        _fold(w) in rules.months for w in re.findall(r"[^\W\d_]+\.?", text))


def _shifted(text: str, found: list[Mention], shifts: list[tuple]) -> list[Mention]:
    """"three days after January 12", "dua hari sebelum Lebaran": the date right after a shift,
    moved by it (a date whose match took the shift's last word, "after January 12", too)."""
    out = list(found)
    for start, end, amount, unit, production, hedge in shifts:
        if any(o.start < start < o.end for o in out):
            continue  # the shift's words belong to a longer date
        anchor = next((i for i, m in enumerate(out) if m.end > end and m.start > start
                       and (m.start < end or not text[end:m.start].strip())), None)
        if anchor is None:
            continue
        m = out[anchor]
        v = m.value
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


# --- durations --------------------------------------------------------------------------------

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


def compile_durations(datas: list[dict]) -> DurationRules:
    units = _merge(datas, "units")
    fused = _merge(datas, "fused_units")
    numbers = _merge(datas, "number_words")
    fractions = _merge(datas, "fractions")
    joiners = [w for d in datas for w in d.get("joiners", [])]
    hb, ha = _merge(datas, "hedges_before"), _merge(datas, "hedges_after")
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
        units={_fold(k): (v["unit"], v.get("times", 1.0)) for k, v in units.items()},
        fused_units={_fold(k): (v["unit"], v.get("times", 1.0)) for k, v in fused.items()},
        number_words={_fold(k): v for k, v in numbers.items()},
        fractions={_fold(k): v for k, v in fractions.items()},
        hedges_before={_fold(k): Hedge(**v) for k, v in hb.items()},
        hedges_after={_fold(k): Hedge(**v) for k, v in ha.items()},
        atom=re.compile(rf"{_BEFORE}(?:{atom}){_AFTER}", re.IGNORECASE),
        joiner=re.compile(rf"^(?:\s*,\s*|\s+(?:{joiner_alt})\s+|\s*,\s*(?:{joiner_alt})\s+|\s+)$", re.IGNORECASE),
        hedge_before=re.compile(rf"(?<![\w]){alternation(hb)}\s+$", re.IGNORECASE) if hb else None,
        hedge_after=re.compile(rf"^\s+{alternation(ha)}(?![\w])", re.IGNORECASE) if ha else None,
        since=re.compile(rf"{_BEFORE}{alternation([w for d in datas for w in d.get('since', [])])}{_AFTER}",
                         re.IGNORECASE) if any(d.get("since") for d in datas) else None,
        not_after=_marker([w for d in datas for w in d.get("not_after", [])], False),
        not_before=_marker([w for d in datas for w in d.get("not_before", [])], True),
    )


def _atom_seconds(m: re.Match, rules: DurationRules,
                  language_rules: LanguageRules) -> tuple[float, str] | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if "fused" in g:
        unit, times = rules.fused_units[_fold(g["fused"])]
        return times * seconds_per(unit), unit
    unit, times = rules.units[_fold(g["unit"])]
    if len(g["unit"]) == 1 and not any(ch.isdigit() for ch in m.group()):
        return None  # "s", "h" abbreviate units after digits only: not "hundreds", "as"
    amount = 0.0
    if "num" in g:
        number = _number(g["num"], rules, language_rules)
        if number is None:
            return None
        amount += number
    for key in ("frac1", "frac2", "frac3"):
        if key in g:
            amount += rules.fractions[_fold(g[key])]
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
        hedges, hedge_after = [], None
        before = dur.hedge_before.search(text[max(0, start - 40):start]) if dur.hedge_before else None
        if before:
            hedges = [dur.hedges_before[_fold(before.group().strip())]]
            start -= len(before.group())
        after = dur.hedge_after.match(text[end:end + 20]) if dur.hedge_after else None
        if after:
            hedge_after = dur.hedges_after[_fold(after.group().strip())]
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


# --- rule examples ----------------------------------------------------------------------------

def _expected_dates(example: dict) -> list:
    """(text, first day, grain, last day): `last` only when the example gives it."""
    return [(e.get("text"), _iso(e["day"]), e.get("grain", "day"), _iso(e["last"]) if "last" in e else None)
            for e in example.get("expect", [])]


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _ref(example: dict) -> date | None:
    ref = example.get("ref")
    if ref is None or isinstance(ref, date):
        return ref
    return date.fromisoformat(str(ref))


def run_dates_example(example: dict, rules: LanguageRules):
    if "dateline" in example:  # a date-line example: the publication date it yields
        found = find_dateline(example["text"], rules)
        expected = example["dateline"]
        return (_iso(expected) if expected else None), (found.isoformat() if found else None)
    expected = _expected_dates(example)
    found = find_dates(example["text"], rules, _ref(example))
    actual = [((m.text if e[0] is not None else None), m.value.day.isoformat(), m.value.grain,
               m.value.end.isoformat() if e[3] is not None else None)
              for m, e in zip(found, expected + [(None, None, None, None)] * len(found))]
    return expected, actual


def run_durations_example(example: dict, rules: LanguageRules):
    expected = []
    for e in example.get("expect", []):
        expected.append({"text": e.get("text"), "low": e.get("low"), "high": e.get("high"),
                         "since": _iso(e["since"]) if e.get("since") else None})
    actual = []
    for m, e in zip(find_durations(example["text"], rules), expected + [{"text": None}] * 50):
        v = m.value
        actual.append({"text": m.text if e.get("text") is not None else None,
                       "low": _in_unit(v.seconds.low, example), "high": _in_unit(v.seconds.high, example),
                       "since": v.since.isoformat() if v.since else None})
    return expected, actual


def _in_unit(seconds: float | None, example: dict) -> float | None:
    """Example values are written in the example's `unit` (default seconds), rounded."""
    if seconds is None:
        return None
    return round(seconds / seconds_per(example.get("unit", "second")), 4)
