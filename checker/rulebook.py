"""Loading, validating and compiling the rule files in `rules/`.

A rule file is YAML with an envelope every file shares:

    kind: numbers            # which engine reads it (a registered kind)
    language: id             # the code of its folder's language, or all (rules/common)
    description: ...
    <kind-specific fields>   # validated by the kind's marshmallow schema
    examples:                # the file's corpus: the specification of its rules
      - text: "sekitar 10.000"
        ...                  # kind-specific expectation

The kinds are listed in one place, `checker.kinds.KINDS` (each with its schema, compile and
example runner); this module knows none of them by name and no engine registers itself.
A bad file raises RuleFileError naming the file, the line and the problem.

Languages are discovered, never listed: a folder `rules/<code>/` with a `language.yaml`
manifest (code, name, date order, decimal mark, fallbacks) is a language. Every registered kind
must be there for every language, from the folder itself, from the shared `language: all`
files, or from the language a fallback names; a missing kind is an error naming the folder
and the kind when the rules load, never a KeyError in the middle of an analysis.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from marshmallow import INCLUDE, Schema, ValidationError, fields, validate

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
MANIFEST = "language.yaml"
EVERY_LANGUAGE = "all"
LANGUAGE_CODE = "[a-z]{2,3}"  # ISO 639-1, or 639-3 where a language has no two-letter code


class RuleFileError(ValueError):
    """A rule file that cannot be used: names the file, the line and what is wrong."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


LANGUAGE, SHARED = "language", "shared"  # where a kind's files live (RuleKind.home)


@dataclass(frozen=True)
class RuleKind:
    """An engine's contract with the rule book (the list of them: checker.kinds.KINDS)."""

    name: str
    schema: type[Schema]  # validates the kind-specific fields
    compile: Callable[[list[dict]], Any]  # merged data of every file of this kind -> compiled
    # (example, LanguageRules) -> (expected, actual); the test suite asserts they are equal
    run_example: Callable[[dict, "LanguageRules"], tuple[Any, Any]] | None = None
    # manifest field -> the kind's field it sets (before the kind's own files, which may override)
    from_manifest: tuple[tuple[str, str], ...] = ()
    # the field that receives the codes of every language of the rules (country names in each)
    languages_field: str | None = None
    # LANGUAGE: every language folder has files of this kind (or a fallback names a language that
    # has); SHARED: the shared files (language: all) hold it for every language
    home: str = LANGUAGE
    # Language -> data the kind starts from before any file of it (dateparser's calendar words
    # for dates); the files add to it and override it
    seed: Callable[["Language"], dict] | None = None


# --- the words and patterns of rule files, made into matchers: one home for every engine -------

# matches nothing; its literal lets the prefilter (recognise/prefilter.py) skip it at once
NEVER = "(?!x)x"


def fold(text: str, *, dot: bool = False) -> str:
    """A rule word, or the text a rule matched, as the engines' tables key it: case-folded, any
    run of whitespace one space; `dot` also drops a final full stop (abbreviations: "Jan.",
    "Okt.", "Dr."), for tables whose patterns make the dot optional."""
    folded = " ".join(text.casefold().split())
    return folded.rstrip(".") if dot else folded


def alternation(words, *, optional_dot: bool = False) -> str:
    """One group matching any of a rule file's words: longest first (so "sampai dengan" wins
    over "sampai"), each escaped, a space inside a word matching any run of whitespace (a line
    break in "lebih\ndari"); NEVER when there are none. `optional_dot` lets an abbreviation
    take its full stop."""
    forms = sorted({" ".join(w.split()) for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in forms) or NEVER
    return f"(?:{body})" + (r"\.?" if optional_dot else "")


def _regex_problem(pattern: str, exc: re.error) -> str:
    return f"invalid regular expression {pattern!r}: {exc}"


def rule_regex(pattern: str, where: str, flags: int = 0) -> re.Pattern:
    """A rule's regular expression compiled; a bad one is a ValueError naming the rule (`where`)
    and the problem, which compile_rules reports with the rule files' paths."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{where}: {_regex_problem(pattern, exc)}") from exc


def valid_regex(pattern: str) -> None:
    """A marshmallow validator: a rule's pattern must compile (the error names it and its line)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValidationError(_regex_problem(pattern, exc))


def registered_kinds() -> dict[str, RuleKind]:
    """Every kind of rule file, by name, in the order of checker.kinds.KINDS."""
    from checker.kinds import KINDS  # the engines import this module: the list is read when asked

    return {kind.name: kind for kind in KINDS}


class EnvelopeSchema(Schema):
    class Meta:
        unknown = INCLUDE

    kind = fields.String(required=True)
    language = fields.String(required=True, validate=validate.Regexp(
        rf"^(?:{LANGUAGE_CODE}|{EVERY_LANGUAGE})$", error="must be a language code (two or three lower-case letters) or 'all'"))
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


def _read_yaml(path: Path) -> tuple[Any, dict]:
    """A YAML file's data and the line of every key in it."""
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
    return data, (_line_map(node) if node is not None else {})


def _load(schema: Schema, data: dict, path: Path, lines: dict) -> dict:
    try:
        return schema.load(data)
    except ValidationError as exc:
        key, msg = _first_error(exc.messages)
        raise RuleFileError(path, f"field {'.'.join(map(str, key))}: {msg}", _line_for(lines, key))


def load_rule_file(path: Path) -> RuleFile:
    data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, "a rule file must be a mapping with 'kind' and 'language'", 1)
    envelope = _load(EnvelopeSchema(), data, path, lines)
    kinds = registered_kinds()
    kind = kinds.get(envelope["kind"])
    if kind is None:
        raise RuleFileError(path, f"unknown kind {envelope['kind']!r}; known: {sorted(kinds)}",
                            lines.get(("kind",)))
    body = {k: v for k, v in data.items() if k not in ("kind", "language", "description", "examples")}
    body = _load(kind.schema(), body, path, lines)
    for i, example in enumerate(envelope["examples"]):
        if not isinstance(example.get("text"), str):
            raise RuleFileError(path, f"example {i} has no 'text'", lines.get(("examples", i)))
    return RuleFile(path, kind.name, envelope["language"], body,
                    tuple(envelope["examples"]), lines)


class ManifestSchema(Schema):
    code = fields.String(required=True, validate=validate.Regexp(
        rf"^{LANGUAGE_CODE}$", error="must be a language code (two or three lower-case letters)"))
    name = fields.String(required=True, validate=validate.Length(min=1))
    date_order = fields.String(required=True, validate=validate.OneOf(["dmy", "mdy"]))
    decimal_mark = fields.String(required=True, validate=validate.OneOf([",", "."]))
    fallbacks = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # words that tell this language from its neighbours among the rules' languages
    # (Malay "kerana", "polis" beside Indonesian "karena", "polisi"); see ingest.identify_language
    distinctive_words = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    report_default = fields.Boolean(load_default=False)  # reports speak it unless asked otherwise
    # a close call between relatives with no word to tell them apart goes to it (ingest.identify_language)
    identify_default = fields.Boolean(load_default=False)
    # the country a report in the language is about when it names none: Indonesian outlets name
    # no country for a domestic story ("Polri menangkap 3.195 orang")
    home_country = fields.String(load_default=None)
    description = fields.String()
    examples = fields.List(fields.Dict(), load_default=list)


@dataclass(frozen=True)
class Language:
    """A language's manifest: rules/<code>/language.yaml."""

    code: str
    name: str
    date_order: str
    decimal_mark: str
    fallbacks: tuple[tuple[str, str], ...] = ()  # (kind, the language whose rules of that kind it uses)
    distinctive_words: tuple[str, ...] = ()
    report_default: bool = False
    examples: tuple[dict, ...] = ()
    identify_default: bool = False  # {text, expect: language code}: identify_language's corpus
    home_country: str | None = None  # where a report that names no country happened
    path: Path | None = field(default=None, compare=False)
    lines: dict = field(default_factory=dict, compare=False)

    def fallback(self, kind: str) -> str | None:
        return dict(self.fallbacks).get(kind)


def load_manifest(path: Path) -> Language:
    data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, "a language manifest must be a mapping with 'code' and 'name'", 1)
    found = _load(ManifestSchema(), data, path, lines)
    if found["code"] != path.parent.name:
        raise RuleFileError(path, f"field code: {found['code']!r} is not the folder's name "
                                  f"{path.parent.name!r}", lines.get(("code",)))
    for i, example in enumerate(found["examples"]):
        if not isinstance(example.get("text"), str) or not isinstance(example.get("expect"), str):
            raise RuleFileError(path, f"example {i} needs 'text' and 'expect' (a language code)",
                                lines.get(("examples", i)))
    return Language(found["code"], found["name"], found["date_order"], found["decimal_mark"],
                    tuple(sorted(found["fallbacks"].items())), tuple(found["distinctive_words"]),
                    found["report_default"], tuple(found["examples"]), found["identify_default"],
                    found["home_country"], path, lines)


def load_languages(root: Path = RULES_DIR) -> dict[str, Language]:
    """Every language of a rules folder: each sub-folder with a manifest."""
    return {m.code: m for m in (load_manifest(p) for p in sorted(root.glob(f"*/{MANIFEST}")))}


def load_rule_files(root: Path = RULES_DIR) -> list[RuleFile]:
    if not root.is_dir():
        raise RuleFileError(root, "rules folder not found")
    return [load_rule_file(p) for p in sorted(root.rglob("*.yaml")) if p.name != MANIFEST]


def load_rules(root: Path = RULES_DIR) -> tuple[list[RuleFile], dict[str, Language]]:
    """A rules folder's files and languages, each file checked against its folder's language."""
    files = load_rule_files(root)
    languages = load_languages(root)
    for f in files:
        folder = languages.get(f.path.parent.name) if f.path.parent != root else None
        if f.language == EVERY_LANGUAGE:
            if folder is not None:
                raise RuleFileError(f.path, f"field language: 'all' in the folder of language "
                                            f"{folder.code!r} (shared rules live outside language folders)",
                                    f.lines.get(("language",)))
        elif folder is None or folder.code != f.language:
            where = (f"the folder of language {folder.code!r}" if folder else
                     f"{f.path.parent}, which has no {MANIFEST}")
            raise RuleFileError(f.path, f"field language: {f.language!r} but the file is in {where}; "
                                        f"a language is a folder rules/<code>/ with a {MANIFEST}",
                                f.lines.get(("language",)))
    if not languages:
        raise RuleFileError(root, f"no language: no folder holds a {MANIFEST}")
    defaults = [m for m in languages.values() if m.report_default]
    if len(defaults) > 1:
        raise RuleFileError(defaults[1].path, f"field report_default: {defaults[0].code!r} is the default "
                                              f"report language already", defaults[1].lines.get(("report_default",)))
    return files, languages


@dataclass(frozen=True)
class LanguageRules:
    """Every engine's compiled rules for one language."""

    language: str
    compiled: dict  # kind -> compiled object
    manifest: Language | None = None

    def __getitem__(self, kind: str) -> Any:
        return self.compiled[kind]

    def get(self, kind: str, default: Any = None) -> Any:
        return self.compiled.get(kind, default)


@dataclass(frozen=True)
class Rules:
    files: tuple[RuleFile, ...]
    languages: dict  # language code -> LanguageRules

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self.languages))

    def for_language(self, language: str) -> LanguageRules:
        try:
            return self.languages[language]
        except KeyError:
            raise ValueError(f"no rules for language {language!r}; have {', '.join(self.codes)}")

    @property
    def report_language(self) -> str:
        """The language reports speak unless asked otherwise (its manifest says report_default)."""
        return next((c for c in self.codes if (m := self.languages[c].manifest) and m.report_default), self.codes[0])

    def shared(self) -> LanguageRules:
        """The rules every language holds alike (compare settings, actors, places): any language's."""
        return self.languages[self.codes[0]]


def _kind_files(files: list[RuleFile], name: str, language: Language,
                languages: dict) -> tuple[list[RuleFile], list[RuleFile]]:
    """A language's files of one kind: the shared ones, and its own or its fallback's."""
    shared = [f for f in files if f.kind == name and f.language == EVERY_LANGUAGE]
    own = [f for f in files if f.kind == name and f.language == language.code]
    fallback = language.fallback(name)
    if not own and fallback:
        if fallback not in languages:
            raise RuleFileError(language.path or Path(language.code),
                                f"field fallbacks.{name}: no language {fallback!r} (have {', '.join(sorted(languages))})",
                                language.lines.get(("fallbacks", name)))
        own = [f for f in files if f.kind == name and f.language == fallback]
    return shared, own


def _missing(kind: RuleKind, language: Language, shared: list, own: list) -> str | None:
    """Why a language cannot have a kind's rules, or None when it can."""
    folder = language.path.parent if language.path else Path(language.code)
    if kind.home == SHARED and not (shared or own):
        return (f"language {language.code!r} has no {kind.name!r} rules: the shared files "
                f"(language: all, outside the language folders) hold none, and {folder} has none")
    if kind.home == LANGUAGE and not own:
        return (f"language {language.code!r} has no {kind.name!r} rules: add a rule file of kind "
                f"{kind.name} to {folder}, or name a language to take them from under fallbacks "
                f"in its {MANIFEST}")
    return None


def compile_rules(files: list[RuleFile], languages: dict[str, Language] | None = None) -> Rules:
    """Compile every kind for every language. Without manifests (a test compiling a few files),
    the languages are those the files name and nothing is required of them."""
    kinds = registered_kinds()
    complete = languages is not None
    if languages is None:
        codes = sorted({f.language for f in files if f.language != EVERY_LANGUAGE}) or ["und"]
        languages = {c: Language(c, c, "dmy", ".") for c in codes}
    compiled_languages = {}
    for code, language in sorted(languages.items()):
        for name, _ in language.fallbacks:
            if name not in kinds:
                raise RuleFileError(language.path or Path(code), f"field fallbacks.{name}: no kind {name!r}; "
                                    f"known: {', '.join(sorted(kinds))}", language.lines.get(("fallbacks", name)))
        compiled = {}
        for name, kind in kinds.items():
            shared, own = _kind_files(files, name, language, languages)
            if complete and (why := _missing(kind, language, shared, own)):
                raise RuleFileError(language.path.parent if language.path else Path(code), why)
            chosen = shared + own
            if not chosen:
                continue
            base = {to: getattr(language, attr) for attr, to in kind.from_manifest} if complete else {}
            if kind.languages_field and complete:
                base[kind.languages_field] = tuple(sorted(languages))
            seeded = [kind.seed(language)] if kind.seed and complete else []
            datas = [d for d in seeded if d] + ([base] if base else []) + [f.data for f in chosen]
            try:
                compiled[name] = kind.compile(datas)
            except (ValueError, KeyError, TypeError) as exc:
                paths = ", ".join(str(f.path) for f in chosen)
                raise RuleFileError(Path(paths), f"cannot compile {name} rules: {exc}") from exc
        compiled_languages[code] = LanguageRules(code, compiled, language if complete else None)
    return Rules(tuple(files), compiled_languages)


def example_languages(rule_file: RuleFile, example: dict, codes) -> tuple[str, ...]:
    """The languages an example holds in: the one it names (`lang`), else its file's language,
    else (a shared file's) every language of the rules."""
    if "lang" in example:
        return (example["lang"],)
    return tuple(codes) if rule_file.language == EVERY_LANGUAGE else (rule_file.language,)


def example_cases(files, codes) -> list[tuple[RuleFile, int, dict, str]]:
    """Every (file, index, example, language) the rule corpora hold."""
    return [(f, i, example, lang) for f in files for i, example in enumerate(f.examples)
            for lang in example_languages(f, example, codes)]


def run_example(rule_file: RuleFile, example: dict, rules: LanguageRules) -> tuple[Any, Any]:
    """One example through its kind's engine: (expected, actual), equal when the rule holds.
    The one example runner: the corpora's tests and a new language's check go through it."""
    kind = registered_kinds()[rule_file.kind]
    if kind.run_example is None:
        raise RuleFileError(rule_file.path, f"kind {kind.name} cannot run examples")
    return kind.run_example(example, rules)


@functools.lru_cache(maxsize=4)
def default_rules(root: str | None = None) -> Rules:
    """The project's rules, loaded and compiled once per process, and read back from the book a
    previous process compiled from the same files when there is one (checker.rulecache)."""
    from checker.rulecache import cached

    folder = Path(root) if root else RULES_DIR
    return cached(folder, lambda: compile_rules(*load_rules(folder)))
