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
resolvers. Overlapping matches are settled longest first, then by rule order.

The modules follow the flow: schema (the rule files' shape) -> compiled (rules compiled once per
language) -> scan (a sentence's matches) -> resolve (what a match means, with calendar_days'
arithmetic); durations is the second entry point on the same compiled words, examples runs the
rule files' examples.
"""
from checker.recognise.dates.calendar_days import resolve_weekday, shift
from checker.recognise.dates.compiled import DateRules, compile_dates, seed_vocabulary
from checker.recognise.dates.durations import DurationRules, compile_durations, find_durations
from checker.recognise.dates.examples import run_dates_example, run_durations_example
from checker.recognise.dates.resolve import holiday_days
from checker.recognise.dates.scan import find_dateline, find_dates
from checker.recognise.dates.schema import DatesSchema, DurationsSchema

__all__ = ["DateRules", "DatesSchema", "DurationRules", "DurationsSchema", "compile_dates",
           "compile_durations", "find_dateline", "find_dates", "find_durations", "holiday_days",
           "resolve_weekday", "run_dates_example", "run_durations_example", "seed_vocabulary", "shift"]
