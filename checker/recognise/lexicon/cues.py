"""The simple cue tables: measures, modality, topics, events (one id per surface form)."""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields

from checker.model import Mention
from checker.recognise.lexicon.tables import AliasTable, _mentions
from checker.rulebook import LanguageRules

# --- simple cue tables: measures, modality, topics, events ------------------------------------

class CueTableSchema(Schema):
    # id -> surface forms; the file's order is the priority order where cues compete
    cues = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True)
    exact_cues = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                             load_default=dict)


@dataclass(frozen=True)
class CueTable:
    kind: str
    table: AliasTable
    priority: tuple[str, ...]  # ids in the order the rule file lists them

    def find(self, text: str) -> list[Mention]:
        return _mentions(self.kind, self.table, text)


def cue_table(name: str, mention_kind: str) -> tuple:
    """A simple cue kind's compile and run_example (measures, modality, topics, events: the
    registry in checker/kinds.py names them): `name` is the kind, `mention_kind` its mentions'."""
    def compile_cues(datas: list[dict]) -> CueTable:
        entries, order = [], []
        for data in datas:
            for ident, forms in data["cues"].items():
                entries += [(f, ident, False) for f in forms]
                order.append(ident)
            for ident, forms in data["exact_cues"].items():
                entries += [(f, ident, True) for f in forms]
        return CueTable(mention_kind, AliasTable.build(entries), tuple(dict.fromkeys(order)))

    def run_example(example: dict, rules: LanguageRules):
        return example["expect"], [m.value for m in rules[name].find(example["text"])]

    return compile_cues, run_example
