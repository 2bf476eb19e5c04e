"""Attribution cues: who a sentence's claims are attributed to.

Cues point to where the speaker stands relative to them: after ("menurut X", "kata X",
"according to X"), before ("X mengatakan", "X said"), either side ("said"), or back to the last
named speaker ("ujarnya", "katanya"). Pronouns ("ia", "he") also refer back.
"""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields

from checker.model import Mention
from checker.recognise.lexicon import AliasTable
from checker.rulebook import LanguageRules

DIRECTIONS = ("after", "before", "either", "previous")


class AttributionSchema(Schema):
    speaker_after = fields.List(fields.String(), required=True)
    speaker_before = fields.List(fields.String(), required=True)
    speaker_either = fields.List(fields.String(), load_default=list)
    speaker_previous = fields.List(fields.String(), load_default=list)
    pronouns = fields.List(fields.String(), load_default=list)


@dataclass(frozen=True)
class AttributionRules:
    cues: AliasTable  # form -> direction
    pronouns: AliasTable


def compile_attribution(datas: list[dict]) -> AttributionRules:
    entries, pronouns = [], []
    for data in datas:
        for direction in DIRECTIONS:
            entries += [(f, direction, False) for f in data.get(f"speaker_{direction}", [])]
        pronouns += [(p, "pronoun", False) for p in data["pronouns"]]
    return AttributionRules(AliasTable.build(entries), AliasTable.build(pronouns))


def find_attribution(text: str, rules: LanguageRules) -> list[Mention]:
    """Attribution cues; Mention.value is the direction where the speaker is to be found."""
    table: AttributionRules = rules["attribution"]
    return [Mention("attribution", t, s, e, direction, rule=f"attribution:{direction}")
            for s, e, direction, t in table.cues.find(text)]


def find_pronouns(text: str, rules: LanguageRules) -> list[Mention]:
    return [Mention("pronoun", t, s, e, "pronoun") for s, e, _, t in rules["attribution"].pronouns.find(text)]


def run_attribution_example(example: dict, rules: LanguageRules):
    return example["expect"], [m.value for m in find_attribution(example["text"], rules)]
