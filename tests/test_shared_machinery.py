"""One home for what every engine needs from its rule files: one case-folding, one alternation
builder, one regular-expression check, one hedge schema and its application (counts and lengths
of time alike), one example runner, one pint registry."""
import re
from pathlib import Path

import pytest

from checker.recognise.numbers import Hedge, apply_hedges
from checker.rulebook import (NEVER, RuleFileError, alternation, compile_rules, default_rules, example_cases,
                              fold, load_rule_file, load_rule_files, run_example)

ROOT = Path(__file__).resolve().parent.parent


def test_fold_keys_case_and_whitespace_alike():
    assert fold("  Lebih \n DARI ") == "lebih dari"
    assert fold("Straße") == fold("STRASSE")  # case-folded, not lower-cased
    assert fold("Okt.") == "okt." and fold("Okt.", dot=True) == "okt"


def test_alternation_longest_first_any_whitespace_and_never_when_empty():
    rx = re.compile(alternation(["sampai", "sampai dengan", "s.d."]))
    assert rx.match("sampai\n dengan 5").group() == "sampai\n dengan"
    assert rx.match("s.d. 5").group() == "s.d." and not rx.match("sxdx")
    assert alternation([]) == alternation(["", "  "]) == f"(?:{NEVER})"
    assert not re.search(alternation([]), "x anything x")
    assert re.fullmatch(alternation(["Jan"], optional_dot=True), "Jan.")


@pytest.mark.parametrize("kind,fields", [
    ("stances", "verbs: {deny: [denies]}\nsuffixes: []\nagent_markers: []\npassive: '(?!)'\n"
                "phrases: [{name: broken, pattern: 'denied (', label: deny}]\n"),
    ("numbers", "decimal_mark: ','\nreject_patterns: ['[a-']\n"),
])
def test_a_bad_regular_expression_is_one_error_naming_the_rule(tmp_path, kind, fields):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(f"kind: {kind}\nlanguage: id\n{fields}", encoding="utf-8")
    with pytest.raises(RuleFileError, match="invalid regular expression") as err:
        compile_rules([load_rule_file(path)])
    assert str(path) in str(err.value)


@pytest.mark.parametrize("kind", ["numbers", "durations"])
def test_one_hedge_schema_for_counts_and_lengths(tmp_path, kind):
    """Both refuse a hedge whose low factor is above its high one (numbers took it and swapped
    the bounds) and a hedge without both factors (durations read a missing one as 1.0)."""
    units = "units: {hari: {unit: day}}\n" if kind == "durations" else ""
    path = tmp_path / f"{kind}.yaml"
    path.write_text(f"kind: {kind}\nlanguage: id\n{units}hedges_before:\n  sekitar: {{low: 1.1, high: 0.9}}\n",
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match="hedge low factor above high factor"):
        load_rule_file(path)
    path.write_text(f"kind: {kind}\nlanguage: id\n{units}hedges_before:\n  hampir: {{low: 0.9}}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"hedges_before.hampir.value.high: Missing data"):
        load_rule_file(path)


def test_hedges_stack_and_an_estimates_edge_is_no_bound():
    about = Hedge(0.9, 1.1, estimate=True)
    or_more = Hedge(1.0, None)
    assert apply_hedges(500, 500, [about], or_more) == (500, None, False, False)
    assert apply_hedges(500, 500, [about]) == (450, 550, False, False)
    assert apply_hedges(500, 500, [Hedge(1.0, None, low_open=True)]) == (500, None, True, False)


def test_counts_and_lengths_are_hedged_the_same(rules):
    from checker.recognise.dates import find_durations
    from checker.recognise.numbers import find_quantities

    en = rules.for_language("en")
    count = find_quantities("about 14 or more", en)[0]
    length = find_durations("about 14 days or more", en)[0]
    assert (count.value.low, count.value.high) == (14, None)
    assert (length.value.seconds.low / 86400, length.value.seconds.high) == (14, None)


def test_every_example_runs_through_the_one_runner():
    rules = default_rules()
    cases = example_cases(load_rule_files(), rules.codes)
    assert {lang for *_, lang in cases} == set(rules.codes)
    rule_file, _, example, lang = next(c for c in cases if c[0].kind == "numbers")
    expected, actual = run_example(rule_file, example, rules.for_language(lang))
    assert expected == actual


def test_one_pint_registry():
    """pint's registry is built in checker/units.py only; the recogniser and the reports share it."""
    from checker.compare import wording
    from checker.recognise.dates import durations
    from checker.units import seconds_per, unit_registry

    assert durations.seconds_per is wording.seconds_per is seconds_per
    assert seconds_per("week") == 604800 and seconds_per("") == 1.0
    assert unit_registry() is unit_registry()
    builders = [p.relative_to(ROOT).as_posix() for folder in ("checker", "bench")
                for p in (ROOT / folder).rglob("*.py") if "UnitRegistry(" in p.read_text(encoding="utf-8")]
    assert builders == ["checker/units.py"]
