"""Stance cues: confirm / deny, and the negations that flip or weaken them.

A stance verb is found from the rule file's forms; the words just before it (and whole phrases
such as "neither confirmed nor denied") decide the label:
  confirm | deny | non_denial ("did not explicitly deny") | non_confirm ("could not confirm").
Passive forms ("dibantah oleh X", "was denied by X") are marked so the frame stage looks for
the holder after the agent marker instead of before the verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.recognise.lexicon import AliasTable
from checker.rulebook import LanguageRules, RuleKind, register_kind

LABELS = ("confirm", "deny", "non_denial", "non_confirm")


class ModifierSchema(Schema):
    # a regex that must match the text right before the verb (it is anchored at that end)
    before = fields.String(required=True)
    applies_to = fields.List(fields.String(validate=validate.OneOf(["confirm", "deny"])),
                             required=True)
    label = fields.String(required=True, validate=validate.OneOf(LABELS + ("keep",)))
    name = fields.String(required=True)


class PhraseSchema(Schema):
    pattern = fields.String(required=True)
    label = fields.String(required=True, validate=validate.OneOf(LABELS))
    name = fields.String(required=True)


class StancesSchema(Schema):
    verbs = fields.Dict(keys=fields.String(validate=validate.OneOf(["confirm", "deny"])),
                        values=fields.List(fields.String()), required=True)
    suffixes = fields.List(fields.String(), load_default=list)  # enclitics: "membantahnya"
    passive = fields.String(required=True)  # regex on the verb form, or on the words before it
    agent_markers = fields.List(fields.String(), required=True)  # "oleh", "by"
    modifiers = fields.List(fields.Nested(ModifierSchema), load_default=list)
    phrases = fields.List(fields.Nested(PhraseSchema), load_default=list)  # whole-phrase cues
    # words after a verb that make it not a stance ("memastikan keamanan" = ensure security)
    not_stance_after = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                                   load_default=dict)


@dataclass(frozen=True)
class Modifier:
    before: re.Pattern
    applies_to: frozenset
    label: str
    name: str


@dataclass(frozen=True)
class StanceRules:
    verbs: AliasTable
    passive: re.Pattern
    agent_markers: AliasTable
    modifiers: tuple[Modifier, ...]
    phrases: tuple[tuple[re.Pattern, str, str], ...]
    not_stance_after: dict  # casefolded verb form -> compiled regex of following words


def _check_regex(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc


def compile_stances(datas: list[dict]) -> StanceRules:
    verbs, agents, modifiers, phrases, not_after = [], [], [], [], {}
    passive = []
    for data in datas:
        for label, forms in data["verbs"].items():
            verbs += [(f + suffix, label, False) for f in forms for suffix in ("", *data["suffixes"])]
        agents += [(a, "agent", False) for a in data["agent_markers"]]
        passive.append(data["passive"])
        for m in data["modifiers"]:
            modifiers.append(Modifier(_check_regex(f"(?:{m['before']})\\s*$", m["name"]),
                                      frozenset(m["applies_to"]), m["label"], m["name"]))
        for p in data["phrases"]:
            phrases.append((_check_regex(p["pattern"], p["name"]), p["label"], p["name"]))
        for verb, following in data["not_stance_after"].items():
            alternation = "|".join(re.escape(w) for w in following)
            not_after[verb.casefold()] = _check_regex(rf"^\W*(?:{alternation})\b", verb)
    return StanceRules(AliasTable.build(verbs), _check_regex("|".join(passive), "passive"),
                       AliasTable.build(agents), tuple(modifiers), tuple(phrases), not_after)


def find_stances(text: str, rules: LanguageRules) -> list[Mention]:
    """Stance cues in a sentence. Mention.value is the label; rule names the verb and modifier,
    and ends in ":passive" for passive forms."""
    stance: StanceRules = rules["stances"]
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern, label, name in stance.phrases:
        for m in pattern.finditer(text):
            found.append(Mention("stance", m.group(), m.start(), m.end(), label, rule=f"phrase:{name}"))
            taken.append((m.start(), m.end()))
    for start, end, label, form in stance.verbs.find(text):
        if any(s <= start < e for s, e in taken):
            continue
        follow = stance.not_stance_after.get(" ".join(form.split()).casefold())
        if follow is not None and follow.search(text[end:]):
            continue
        before = text[max(0, start - 80):start]
        rule = f"verb:{form.casefold()}"
        for mod in stance.modifiers:
            if label in mod.applies_to and mod.before.search(before):
                if mod.label != "keep":  # "tidak hanya membantah" stays a denial
                    label, rule = mod.label, f"{rule}+{mod.name}"
                break
        passive = bool(stance.passive.search(form)) or bool(
            stance.passive.search(before[-25:]) and stance.agent_markers.find(text[end:end + 40]))
        found.append(Mention("stance", form, start, end, label,
                             rule=rule + (":passive" if passive else "")))
    return sorted(found, key=lambda m: m.start)


def agent_after(text: str, rules: LanguageRules, pos: int) -> int | None:
    """Offset just after an agent marker ("oleh", "by") following a passive verb, if any."""
    for start, end, _, _ in rules["stances"].agent_markers.find(text[pos:pos + 40]):
        return pos + end
    return None


def run_stance_example(example: dict, rules: LanguageRules):
    return example["expect"], [m.value for m in find_stances(example["text"], rules)]


register_kind(RuleKind("stances", StancesSchema, compile_stances, run_stance_example))
