"""The rule files' `examples:` for numbers, run as tests/test_rule_examples.py runs every kind's."""
from __future__ import annotations

from checker.recognise.numbers.figures import find_quantities
from checker.recognise.numbers.words import parse_number
from checker.rulebook import LanguageRules


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
