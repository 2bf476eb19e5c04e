"""A bad rule file is a clear error naming the file, the line and the problem."""
import pytest

from checker.rulebook import RuleFileError, load_rule_file


def write(tmp_path, text):
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_invalid_yaml_names_file_and_line(tmp_path):
    p = write(tmp_path, "kind: numbers\nlanguage: id\nexamples: [\n  - : :\n")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(p)
    assert str(p) in str(err.value) and err.value.line is not None


def test_unknown_kind(tmp_path):
    p = write(tmp_path, "kind: nonsense\nlanguage: id\n")
    with pytest.raises(RuleFileError, match="unknown kind 'nonsense'") as err:
        load_rule_file(p)
    assert err.value.line == 1


def test_bad_language(tmp_path):
    p = write(tmp_path, "kind: numbers\nlanguage: Indonesian\n")
    with pytest.raises(RuleFileError, match="language") as err:
        load_rule_file(p)
    assert err.value.line == 2


def test_example_without_text(tmp_path):
    p = write(tmp_path, "kind: measures\nlanguage: id\ncues: {}\nexamples:\n  - expect: x\n")
    with pytest.raises(RuleFileError, match="example 0 has no 'text'") as err:
        load_rule_file(p)
    assert err.value.line == 5


def test_schema_error_names_the_field_and_line(tmp_path):
    p = write(tmp_path, "kind: actors\nlanguage: all\nactors:\n  - id: Bad Id\n    aliases: [x]\n")
    with pytest.raises(RuleFileError, match="actors.0.id") as err:
        load_rule_file(p)
    assert err.value.line == 4


def test_not_a_mapping(tmp_path):
    p = write(tmp_path, "- a\n- b\n")
    with pytest.raises(RuleFileError, match="mapping"):
        load_rule_file(p)
