"""Date rule files compiled once per language: word tables folded, pattern templates expanded
into named-group regular expressions, and the prefilter that skips sentences no pattern can match."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.recognise.dates.schema import SEEDED_TABLES
from checker.recognise.prefilter import PatternSet, literal_gates
from checker.rulebook import alternation, fold, rule_regex


LEFT_EDGE, RIGHT_EDGE = r"(?<![\w])(?<!\d[.,])", r"(?![\w])"  # never inside a figure: 6,107.31 August


def fold_name(word: str) -> str:
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
    sunday_starts_week: bool = False
    whole_periods: tuple = ("quarter", "decade")
    ordinals: dict = field(default_factory=dict)
    decade_words: dict = field(default_factory=dict)  # folded word -> first year
    intro_words: frozenset = frozenset()  # the words of `year_intro` ("pada", "tahun", "sejak"), folded
    parts: dict = field(default_factory=dict)  # folded word -> (start, stop, weekdays, side)
    relative_parts: dict = field(default_factory=dict)  # the same, for periods named relative to P (empty: parts)
    boundary_parts: frozenset = frozenset()  # folded words of parts naming a bound (end, beginning)
    holidays: dict = field(default_factory=dict)  # folded phrase -> holiday dict
    range_opener: re.Pattern | None = None
    range_opener_start: re.Pattern | None = None
    range_joiner: re.Pattern | None = None
    range_opener_joiner: re.Pattern | None = None
    opener_joiner_openers: dict = field(default_factory=dict)  # folded joiner -> folded openers it needs
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


def merged_table(datas: list[dict], key: str) -> dict:
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
        "year": r"(?P<year>(?:1[5-9]|2[01])\d\d)(?!\d)",
        "yy": r"(?P<year>\d\d)(?!\d)",
        "anyyear": r"(?P<year>(?:1[5-9]|2[01])\d\d|\d\d)(?!\d)",
        "weekday": rf"(?P<weekday>{alternation(list(tables['weekdays']) + list(tables['weekdays_capitalised']), optional_dot=True)})",
        "num": rf"(?P<num>\d+(?:[.,]\d+)?|{numbers}(?:[\s-]+{numbers})*)",
        "unit": rf"(?P<unit>{alternation(tables['units'])})",
        "fused": rf"(?P<fused>{alternation(tables['fused_units'])})",
        "rel": rf"(?P<rel>{alternation(tables['relative_days'])})",
        "period": rf"(?P<period>{alternation(tables['relative_periods'])})",
        "intro": rf"(?:{alternation(tables['year_intro'])})",
        "day2": rf"(?P<day2>(?:0?[1-9]|[12]\d|3[01])(?:{suffix})?(?!\d)|{day_words})",
        "month2": rf"(?P<month2>{alternation(tables['months'], optional_dot=True)})",
        "year2": r"(?P<year2>(?:1[5-9]|2[01])\d\d)(?!\d)",
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
    `groups_of` folds them back."""
    seen: dict = {}

    def rename(m: re.Match) -> str:
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        n = seen[m.group(1)]
        return m.group() if n == 1 else f"(?P<{m.group(1)}__{n}>"

    return re.sub(r"\(\?P<(\w+)>", rename, body)


def groups_of(m: re.Match) -> dict:
    return {k.split("__")[0]: v for k, v in m.groupdict().items() if v is not None}


def _compile_patterns(specs: list[dict], holes: dict, tables: dict) -> tuple:
    compiled = []
    for spec in specs:
        try:
            body = _unique_groups(spec["pattern"].format(**holes))
        except (KeyError, IndexError) as exc:
            raise ValueError(f"pattern {spec['name']!r}: no placeholder {exc}") from exc
        regex = rule_regex(f"{LEFT_EDGE}(?:{body}){RIGHT_EDGE}", f"pattern {spec['name']!r}", re.IGNORECASE)
        gate = None
        if spec.get("requires"):
            gate = frozenset(word for w in spec["requires"] for word in (
                {fold_name(k).split()[0] for k in tables[w[1:-1] + "s"]} if w in ("{holiday}", "{part}")
                else {fold_name(w).split()[0]}))
        compiled.append(CompiledPattern(spec["name"], regex, spec["production"], spec.get("direction"),
                                        spec.get("sign", -1), tuple(spec.get("capitalised", ())),
                                        spec.get("order"), spec.get("unit"), gate,
                                        spec.get("range_end_only", False)))
    return tuple(compiled)


def edge_marker(words: list[str], before: bool) -> re.Pattern | None:
    if not words:
        return None
    alt = alternation(words)
    return re.compile(rf"(?<![\w]){alt}\s*$" if before else rf"^\s*{alt}(?![\w])", re.IGNORECASE)


def _gap(words: list[str], fillers: list[str] = ()) -> re.Pattern | None:
    """The whole text between two dates is one of these words, perhaps after a comma ("March 4,
    to March 6") or a part of the day ("Selasa (5/3) sore hingga ...")."""
    if not words:
        return None
    filler = rf"(?:(?:{alternation(fillers)})\s*)?" if fillers else ""
    return re.compile(rf"^\s*{filler},?\s*(?:{alternation(words)})\s*$", re.IGNORECASE)


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
    dropped = {fold_name(w) for s in settings for w in s["drop"]}
    listed = {name: {fold_name(k) for d in datas for k in (d.get(name) or {})} for name in _WORD_TABLES}
    out = {}
    for name in chosen:
        others = set().union(*(forms for other, forms in listed.items() if other != name))
        out[name] = {form: value for form, value in seeded.get(name, {}).items()
                     if fold_name(form) not in dropped and fold_name(form) not in others}
    return out


def compile_dates(datas: list[dict]) -> DateRules:
    seeded = _seeded_tables(datas)
    tables = {key: {**seeded.get(key, {}), **merged_table(datas, key)} for key in _WORD_TABLES}
    for key in ("ordinal_suffixes", "year_intro", "time_markers_before", "time_markers_after",
                "amount_markers_before", "published_markers", "updated_markers", "range_openers",
                "range_joiners", "range_opener_joiners", "range_gap_fillers", "open_after", "open_before", "open_from",
                "open_onward", "open_onward_final", "open_blocked_after", "compound_joiners", "boundary_parts"):
        tables[key] = [w for d in datas for w in d.get(key, [])]
    for phrase, period in tables["relative_periods"].items():
        if period.get("part") and fold_name(period["part"]) not in {fold_name(k) for k in tables["parts"]}:
            raise ValueError(f"relative period {phrase!r}: part {period['part']!r} is not in parts")
    for word in tables["boundary_parts"]:
        if fold_name(word) not in {fold_name(k) for k in tables["parts"]}:
            raise ValueError(f"boundary part {word!r} is not in parts")
    holes = _placeholders(tables)
    patterns = _compile_patterns([p for d in datas for p in d.get("patterns", [])], holes, tables)
    dateline = _compile_patterns([p for d in datas for p in d.get("dateline_patterns", [])], holes, tables)
    order = next((d["numeric_order"] for d in datas if d.get("numeric_order")), "dmy")
    pivot = next((d["two_digit_year_pivot"] for d in datas if d.get("two_digit_year_pivot")), 50)
    window = next((d["two_digit_year_future_window"] for d in datas
                   if d.get("two_digit_year_future_window") is not None), None)
    fold = lambda table: {fold_name(k): v for k, v in table.items()}  # noqa: E731
    unit_pairs = lambda table: {fold_name(k): (v["unit"], v.get("times", 1.0)) for k, v in table.items()}  # noqa: E731
    return DateRules(
        months=fold(tables["months"]), weekdays=fold(tables["weekdays"]),
        weekdays_capitalised=fold(tables["weekdays_capitalised"]),
        day_words=fold(tables["day_words"]), number_words=fold(tables["number_words"]),
        units=unit_pairs(tables["units"]), fused_units=unit_pairs(tables["fused_units"]),
        relative_days=fold(tables["relative_days"]),
        relative_periods={fold_name(k): (v["unit"], v["offset"], v.get("part") and fold_name(v["part"]),
                                     v.get("latest", False))
                          for k, v in tables["relative_periods"].items()},
        numeric_order=order, pivot=pivot, future_window=window,
        yearless_future_days=max((d.get("yearless_future_days", 0) for d in datas), default=0), patterns=patterns, dateline_patterns=dateline,
        time_before=edge_marker(tables["time_markers_before"], True),
        time_after=edge_marker(tables["time_markers_after"], False),
        amount_before=edge_marker(tables["amount_markers_before"], True),
        published=edge_marker(tables["published_markers"], False) and re.compile(
            alternation(tables["published_markers"]), re.IGNORECASE),
        updated=edge_marker(tables["updated_markers"], False) and re.compile(
            alternation(tables["updated_markers"]), re.IGNORECASE),
        direction=next((d["direction"] for d in datas if d.get("direction")), "past"),
        weekday_today=next((d["weekday_today"] for d in datas if "weekday_today" in d), True),
        sunday_starts_week=next((d["sunday_starts_week"] for d in datas if "sunday_starts_week" in d), False),
        whole_periods=next((tuple(d["whole_periods"]) for d in datas if "whole_periods" in d), ("quarter", "decade")),
        ordinals=fold(tables["ordinals"]), decade_words=fold(tables["decade_words"]),
        parts={fold_name(k): (v["start"], v["stop"], tuple(v.get("weekdays", ())), v.get("side"))
               for k, v in tables["parts"].items()},
        holidays=fold(tables["holidays"]),
        boundary_parts=frozenset(fold_name(w) for w in tables["boundary_parts"]),
        intro_words=frozenset(w for phrase in tables["year_intro"] for w in fold_name(phrase).split()),
        range_opener=edge_marker(tables["range_openers"], True),
        range_opener_start=edge_marker(tables["range_openers"], False),
        range_joiner=_gap(tables["range_joiners"], tables["range_gap_fillers"]),
        range_opener_joiner=_gap(tables["range_opener_joiners"]),
        opener_joiner_openers={fold_name(k): frozenset(fold_name(w) for w in v) for d in datas
                               for k, v in (d.get("range_opener_joiner_openers") or {}).items()},
        range_joiner_start=edge_marker(tables["range_joiners"], False),
        open_after=edge_marker(tables["open_after"], True),
        open_before=edge_marker(tables["open_before"], True),
        open_after_start=edge_marker(tables["open_after"], False),
        open_before_start=edge_marker(tables["open_before"], False),
        open_from=edge_marker(tables["open_from"], True),
        open_from_start=edge_marker(tables["open_from"], False),
        # "2018 or later", not "2018 or later than 2020" (a bound of its own)
        open_onward=re.compile("|".join(
            [rf"^\s*{alternation(tables['open_onward'])}(?![\w])(?!\s+than\b)"] * bool(tables["open_onward"])
            + [rf"^\s*{alternation(tables['open_onward_final'])}(?=\s*(?:$|[.,;:!?)]))"] * bool(tables["open_onward_final"])),
            re.IGNORECASE) if tables["open_onward"] or tables["open_onward_final"] else None,
        offset_hedge=edge_marker(list(tables["offset_hedges"]), True),
        offset_hedges=fold(tables["offset_hedges"]),
        open_blocked=re.compile(rf"^{alternation(tables['open_blocked_after'])}(?![\w])", re.IGNORECASE)
        if tables["open_blocked_after"] else None,
        pattern_set=PatternSet.build(p.regex for p in patterns),
        dateline_set=PatternSet.build(p.regex for p in dateline + patterns),
    )
