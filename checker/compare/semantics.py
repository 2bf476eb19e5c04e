"""How each measure behaves over time, and which measures contain which (rules/common/facts.yaml).

The behaviour decides what two differing figures of one fact mean:
- cumulative (a toll): it only grows unless someone corrects it;
- stock (troops present): it goes up and down, so only figures close in time can disagree;
- current (the missing, the displaced): a count of the moment that falls as people are found or go
  home, so only figures of the same day can disagree;
- fixed (a quake's magnitude, the people on board): it never changes, so any two values disagree;
- attribute (a victim's age): it describes one of several people or things the frame cannot tell
  apart ("a girl of eight and an 11-year-old boy"), so it is read but never compared.
A part's figure (deaths) above its whole's (casualties) at the same time is a contradiction too.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from checker.rulebook import LanguageRules

BEHAVIOURS = ("cumulative", "stock", "current", "fixed", "attribute")


class WholeSchema(Schema):
    parts = fields.List(fields.String(), required=True, validate=validate.Length(min=1))
    sum = fields.Boolean(load_default=False)  # the parts add up to the whole


class FactsSchema(Schema):
    default = fields.String(required=True, validate=validate.OneOf(BEHAVIOURS))
    behaviours = fields.Dict(keys=fields.String(validate=validate.OneOf(BEHAVIOURS)),
                             values=fields.List(fields.String()), required=True)
    kinds = fields.Dict(keys=fields.String(validate=validate.OneOf(("event_date", "duration"))),
                        values=fields.String(validate=validate.OneOf(BEHAVIOURS)), load_default=dict)
    contains = fields.Dict(keys=fields.String(), values=fields.Nested(WholeSchema), load_default=dict)
    # measures weighed or measured on a scale, never counted: a figure written whole in its unit stands for
    # its rounding ("2 tonnes" beside "2,115 kg" is 1.5 to 2.5 tonnes), as a written decimal does for any measure
    weighed = fields.List(fields.String(), load_default=list)
    # a measure that behaves otherwise in some kinds of happening: {fall: {depth: current}}
    by_incident = fields.Dict(keys=fields.String(),
                              values=fields.Dict(keys=fields.String(),
                                                 values=fields.String(validate=validate.OneOf(BEHAVIOURS))),
                              load_default=dict)

    @validates_schema
    def _each_measure_once(self, data, **_):
        seen: dict = {}
        for behaviour, measures in data.get("behaviours", {}).items():
            for measure in measures:
                if measure in seen and seen[measure] != behaviour:
                    raise ValidationError(f"{measure} is both {seen[measure]} and {behaviour}",
                                          "behaviours")
                seen[measure] = behaviour


@dataclass(frozen=True)
class Semantics:
    default: str
    behaviour: tuple[tuple[str, str], ...]  # measure -> one of BEHAVIOURS
    kinds: tuple[tuple[str, str], ...]  # claim kinds that are facts of one behaviour (event dates)
    wholes: tuple[tuple[str, tuple[str, ...], bool], ...]  # (whole, parts, parts add up)
    weighed: frozenset = frozenset()  # measures whose whole figures stand for their rounding
    by_incident: tuple[tuple[tuple[str, str], str], ...] = ()  # ((incident type, measure), behaviour)

    @functools.cached_property
    def _behaviours(self) -> dict:
        # looked up for every pair of claims compared: a dict built once, not per call
        return dict(self.behaviour)

    @functools.cached_property
    def _kinds(self) -> dict:
        return dict(self.kinds)

    @functools.cached_property
    def _by_incident(self) -> dict:
        return dict(self.by_incident)

    def behaviour_of(self, measure: str | None, kind: str = "quantity", incident: str | None = None) -> str:
        if kind != "quantity":
            return self._kinds.get(kind, self.default)
        # the toll among a group ("deaths/civilians") behaves as the toll does
        base = (measure or "").split("/", 1)[0]
        if incident is not None and (incident, base) in self._by_incident:
            return self._by_incident[(incident, base)]  # where a fallen climber lies, not a quake's depth
        return self._behaviours.get(base, self.default)

    def wholes_of(self, part: str | None) -> tuple[str, ...]:
        """The measures that contain `part` (deaths -> casualties)."""
        return tuple(whole for whole, parts, _ in self.wholes if part in parts)

    def parts_of(self, whole: str | None) -> tuple[str, ...]:
        return next((parts for w, parts, _ in self.wholes if w == whole), ())

    def adds_up(self, whole: str | None) -> bool:
        return next((summed for w, _, summed in self.wholes if w == whole), False)

    def is_weighed(self, measure: str | None) -> bool:
        """Whether a measure is weighed rather than counted (its whole figures are roundings)."""
        return (measure or "").split("/", 1)[0] in self.weighed

    def related(self, measure: str | None) -> tuple[str, ...]:
        """Measures a figure of `measure` must meet: its wholes and its parts."""
        return self.wholes_of(measure) + self.parts_of(measure)


def compile_semantics(datas: list[dict]) -> Semantics:
    behaviour: dict = {}
    kinds: dict = {}
    wholes: dict = {}
    by_incident: dict = {}
    default = "stock"
    weighed: set = set()
    for data in datas:
        weighed.update(data.get("weighed", ()))
        default = data.get("default", default)
        for name, measures in data["behaviours"].items():
            behaviour.update({m: name for m in measures})
        kinds.update(data.get("kinds", {}))
        for incident, measures in data.get("by_incident", {}).items():
            by_incident.update({(incident, m): name for m, name in measures.items()})
        for whole, spec in data.get("contains", {}).items():
            wholes[whole] = (tuple(spec["parts"]), bool(spec.get("sum")))
    for whole, (parts, _) in wholes.items():
        if whole in parts:
            raise ValueError(f"{whole} cannot contain itself")
    return Semantics(default, tuple(sorted(behaviour.items())), tuple(sorted(kinds.items())),
                     tuple((w, parts, summed) for w, (parts, summed) in sorted(wholes.items())),
                     frozenset(weighed), tuple(sorted(by_incident.items())))


def run_semantics_example(example: dict, rules: LanguageRules):
    """{measure: deaths, expect: {behaviour: cumulative, within: [casualties], parts: [...]}}; `incident`
    names the kind of happening when it matters (a fallen climber's depth)"""
    semantics: Semantics = rules["facts"]
    measure, kind = example.get("measure"), example.get("kind", "quantity")
    expected = dict(example["expect"])
    actual = {"behaviour": semantics.behaviour_of(measure, kind, example.get("incident"))}
    if "within" in expected:
        actual["within"] = sorted(semantics.wholes_of(measure))
        expected["within"] = sorted(expected["within"])
    if "parts" in expected:
        actual["parts"] = sorted(semantics.parts_of(measure))
        expected["parts"] = sorted(expected["parts"])
    if "sum" in expected:
        actual["sum"] = semantics.adds_up(measure)
    if "weighed" in expected:
        actual["weighed"] = semantics.is_weighed(measure)
    return expected, actual


FACTS_FILE = Path(__file__).resolve().parent.parent.parent / "rules" / "common" / "facts.yaml"


@functools.lru_cache(maxsize=1)
def default_semantics() -> Semantics:
    """The project's semantics when a caller hands compare bare settings (tests, tools)."""
    from checker.rulebook import load_rule_file

    return compile_semantics([load_rule_file(FACTS_FILE).data])
