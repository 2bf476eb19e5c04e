"""Every example of every rule file is a test: the corpus is the rules' specification. A shared
file's examples (language: all) hold in every language, unless an example names its `lang`."""
import pytest

from checker.rulebook import default_rules, example_cases, load_rule_files, run_example

FILES = load_rule_files()
CODES = default_rules().codes
CASES = [
    pytest.param(f, i, ex, lang, id=f"{f.path.parent.name}/{f.path.name}:{f.example_line(i)}"
             + (f"[{lang}]" if f.language == "all" and "lang" not in ex else ""))
    for f, i, ex, lang in example_cases(FILES, CODES)
]


@pytest.mark.parametrize("rule_file,index,example,lang", CASES)
def test_rule_example(rule_file, index, example, lang):
    expected, actual = run_example(rule_file, example, default_rules().for_language(lang))
    assert actual == expected, f"{rule_file.path}:{rule_file.example_line(index)} {example['text']!r}"


def test_corpus_is_large_enough():
    assert len(CASES) >= 200, f"only {len(CASES)} rule examples"


def test_malay_has_a_corpus_of_its_own():
    malay = [ex for f in FILES if f.language == "ms" for ex in f.examples]
    assert len(malay) >= 150, f"only {len(malay)} Malay rule examples"
