"""Numbers and quantities: counted figures in a sentence as intervals.

One engine, every language's knowledge in rules/<lang>/numbers.yaml (kind `numbers`):
digit formats (decimal and group marks), number words and how they combine (values,
multipliers such as puluh/hundred, adders such as belas, scales such as ribu/million), vague
quantities (ribuan -> [1000, 9999]), hedges with the factors of N they imply (sekitar ->
[0.9N, 1.1N]), range connectors and frames, percent and currency markers, and the traps
(years, times, dates, codes, units) as word lists and regexes.

`find_quantities(text, rules)` finds every counted figure; `parse_number(text, rules)` reads a
whole string that is one numeral.

The modules follow the flow: schema (the rule file's shape) -> compiled (the file compiled once per
language) -> figures (a sentence's figures), which reads digits and words (numerals in words) and
applies hedges; examples runs the rule files' examples.
"""
from checker.recognise.numbers.compiled import NumberRules, compile_numbers
from checker.recognise.numbers.digits import parse_digits
from checker.recognise.numbers.examples import run_numbers_example
from checker.recognise.numbers.figures import find_quantities, reached_level
from checker.recognise.numbers.hedges import Hedge, apply_hedges
from checker.recognise.numbers.schema import HedgeSchema, NumbersSchema
from checker.recognise.numbers.words import parse_number

__all__ = ["Hedge", "HedgeSchema", "NumberRules", "NumbersSchema", "apply_hedges", "compile_numbers",
           "find_quantities", "parse_digits", "parse_number", "reached_level",
           "run_numbers_example"]
