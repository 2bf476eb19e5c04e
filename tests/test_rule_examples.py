"""Every example of every rule file is a test: the corpus is the rules' specification."""
import pytest

from checker.rulebook import default_rules, load_rule_files, registered_kinds

FILES = load_rule_files()
CASES = [
    pytest.param(f, i, ex, id=f"{f.path.parent.name}/{f.path.name}:{f.example_line(i)}")
    for f in FILES
    for i, ex in enumerate(f.examples)
]


@pytest.mark.parametrize("rule_file,index,example", CASES)
def test_rule_example(rule_file, index, example):
    kind = registered_kinds()[rule_file.kind]
    assert kind.run_example is not None, f"{rule_file.path}: kind {kind.name} cannot run examples"
    languages = ("id", "en") if rule_file.language == "all" else (rule_file.language,)
    lang = example.get("lang", languages[0])
    expected, actual = kind.run_example(example, default_rules().for_language(lang))
    assert actual == expected, f"{rule_file.path}:{rule_file.example_line(index)} {example['text']!r}"


def test_corpus_is_large_enough():
    assert len(CASES) >= 200, f"only {len(CASES)} rule examples"
