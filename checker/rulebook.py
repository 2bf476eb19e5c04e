"""Loading, validating and compiling the rule files in `rules/`.

A rule file is YAML with an envelope every file shares:

    kind: numbers            # which engine reads it (a registered kind)
    language: id             # id | en | all (all = applies to every language)
    description: ...
    <kind-specific fields>   # validated by the kind's marshmallow schema
    examples:                # the file's corpus: the specification of its rules
      - text: "sekitar 10.000"
        ...                  # kind-specific expectation

Engines register themselves with `register_kind`; this module knows none of them by name.
A bad file raises RuleFileError naming the file, the line and the problem.
"""
from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from marshmallow import INCLUDE, Schema, ValidationError, fields, validate

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
LANGUAGES = ("id", "en")


class RuleFileError(ValueError):
    """A rule file that cannot be used: names the file, the line and what is wrong."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class RuleKind:
    """An engine's contract with the rule book."""

    name: str
    schema: type[Schema]  # validates the kind-specific fields
    compile: Callable[[list[dict]], Any]  # merged data of every file of this kind -> compiled
    # (example, LanguageRules) -> (expected, actual); the test suite asserts they are equal
    run_example: Callable[[dict, "LanguageRules"], tuple[Any, Any]] | None = None


def valid_regex(pattern: str) -> None:
    """A marshmallow validator: a rule's pattern must compile (the error names it)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValidationError(f"invalid regular expression {pattern!r}: {exc}")


_KINDS: dict[str, RuleKind] = {}


def register_kind(kind: RuleKind) -> RuleKind:
    _KINDS[kind.name] = kind
    return kind


# The engines that read rule files; importing one registers its kinds.
ENGINE_MODULES = (
    "checker.ingest",
    "checker.segment",
    "checker.recognise.numbers",
    "checker.recognise.dates",
    "checker.recognise.lexicon",
    "checker.recognise.stances",
    "checker.recognise.attribution",
    "checker.frame",
    "checker.compare",
)


def registered_kinds() -> dict[str, RuleKind]:
    for module in ENGINE_MODULES:
        importlib.import_module(module)
    return dict(_KINDS)


class EnvelopeSchema(Schema):
    class Meta:
        unknown = INCLUDE

    kind = fields.String(required=True)
    language = fields.String(required=True, validate=validate.OneOf(LANGUAGES + ("all",)))
    description = fields.String()
    examples = fields.List(fields.Dict(), load_default=list)


@dataclass(frozen=True)
class RuleFile:
    path: Path
    kind: str
    language: str
    data: dict
    examples: tuple[dict, ...]
    lines: dict = field(default_factory=dict, compare=False)  # (key path) -> line number

    def example_line(self, index: int) -> int | None:
        return self.lines.get(("examples", index))


def _line_map(node: yaml.Node, path: tuple = ()) -> dict:
    """Line numbers (1-based) of every mapping key and sequence item, by key path."""
    lines: dict = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = path + (key.value,)
            lines[sub] = key.start_mark.line + 1
            lines.update(_line_map(value, sub))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = path + (i,)
            lines[sub] = item.start_mark.line + 1
            lines.update(_line_map(item, sub))
    return lines


def _first_error(messages: Any, path: tuple = ()) -> tuple[tuple, str]:
    if isinstance(messages, dict):
        key = next(iter(messages))
        try:
            key = int(key)
        except (TypeError, ValueError):
            pass
        return _first_error(messages[next(iter(messages))], path + (key,))
    if isinstance(messages, list):
        return path, "; ".join(str(m) for m in messages)
    return path, str(messages)


def _line_for(lines: dict, path: tuple) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def load_rule_file(path: Path) -> RuleFile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from exc
    try:
        # one parse with libyaml where it is built in: the node tree gives line numbers for
        # errors, the same tree gives the data (the CLI's cold start is mostly this)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleFileError(path, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                            mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict):
        raise RuleFileError(path, "a rule file must be a mapping with 'kind' and 'language'", 1)
    lines = _line_map(node)
    try:
        envelope = EnvelopeSchema().load(data)
    except ValidationError as exc:
        key, msg = _first_error(exc.messages)
        raise RuleFileError(path, f"field {'.'.join(map(str, key))}: {msg}", _line_for(lines, key))
    kinds = registered_kinds()
    kind = kinds.get(envelope["kind"])
    if kind is None:
        raise RuleFileError(path, f"unknown kind {envelope['kind']!r}; known: {sorted(kinds)}",
                            lines.get(("kind",)))
    body = {k: v for k, v in data.items() if k not in ("kind", "language", "description", "examples")}
    try:
        body = kind.schema().load(body)
    except ValidationError as exc:
        key, msg = _first_error(exc.messages)
        raise RuleFileError(path, f"field {'.'.join(map(str, key))}: {msg}", _line_for(lines, key))
    for i, example in enumerate(envelope["examples"]):
        if not isinstance(example.get("text"), str):
            raise RuleFileError(path, f"example {i} has no 'text'", lines.get(("examples", i)))
    return RuleFile(path, kind.name, envelope["language"], body,
                    tuple(envelope["examples"]), lines)


def load_rule_files(root: Path = RULES_DIR) -> list[RuleFile]:
    if not root.is_dir():
        raise RuleFileError(root, "rules folder not found")
    return [load_rule_file(p) for p in sorted(root.rglob("*.yaml"))]


@dataclass(frozen=True)
class LanguageRules:
    """Every engine's compiled rules for one language."""

    language: str
    compiled: dict  # kind -> compiled object

    def __getitem__(self, kind: str) -> Any:
        return self.compiled[kind]

    def get(self, kind: str, default: Any = None) -> Any:
        return self.compiled.get(kind, default)


@dataclass(frozen=True)
class Rules:
    files: tuple[RuleFile, ...]
    languages: dict  # language -> LanguageRules

    def for_language(self, language: str) -> LanguageRules:
        try:
            return self.languages[language]
        except KeyError:
            raise ValueError(f"no rules for language {language!r}; have {sorted(self.languages)}")


def compile_rules(files: list[RuleFile]) -> Rules:
    kinds = registered_kinds()
    languages = {}
    for lang in LANGUAGES:
        compiled = {}
        for name, kind in kinds.items():
            datas = [f.data for f in files if f.kind == name and f.language in (lang, "all")]
            if datas:
                try:
                    compiled[name] = kind.compile(datas)
                except (ValueError, KeyError, TypeError) as exc:
                    paths = ", ".join(str(f.path) for f in files if f.kind == name)
                    raise RuleFileError(Path(paths), f"cannot compile {name} rules: {exc}") from exc
        languages[lang] = LanguageRules(lang, compiled)
    return Rules(tuple(files), languages)


@functools.lru_cache(maxsize=4)
def default_rules(root: str | None = None) -> Rules:
    """The project's rules, loaded and compiled once per process."""
    return compile_rules(load_rule_files(Path(root) if root else RULES_DIR))
