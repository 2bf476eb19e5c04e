"""Word-list recognisers: actors, places, measures, modality cues, attribution cues, topics.

Each is a table of canonical ids and their surface forms in rules/. One engine (AliasTable)
compiles a table into a single regular expression and finds non-overlapping, longest-first
matches on word boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.rulebook import LanguageRules, RuleKind, register_kind

# A word boundary that treats hyphens as part of a word ("Kim Jong-un", "luka-luka").
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"


@dataclass(frozen=True)
class AliasTable:
    """Surface forms -> canonical id; `find` returns (start, end, id, text), longest first."""

    pattern: re.Pattern | None
    folded: dict  # casefolded form -> id
    exact: dict  # case-sensitive form -> id

    @classmethod
    def build(cls, entries: list[tuple[str, str, bool]]) -> "AliasTable":
        """entries: (form, id, case_sensitive)."""
        folded, exact = {}, {}
        for form, ident, case_sensitive in entries:
            form = " ".join(form.split())
            if case_sensitive:
                exact[form] = ident
            else:
                folded[form.casefold()] = ident
        forms = sorted(set(exact) | {f for f, _, cs in entries if not cs}, key=len, reverse=True)
        if not forms:
            return cls(None, folded, exact)
        # Inner spaces match any run of whitespace; case is checked after matching.
        alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
        return cls(re.compile(f"{_BEFORE}(?:{alternation}){_AFTER}", re.IGNORECASE), folded, exact)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        if self.pattern is None:
            return []
        found = []
        for m in self.pattern.finditer(text):
            surface = " ".join(m.group().split())
            ident = self.exact.get(surface) or self.folded.get(surface.casefold())
            if ident is None:  # matched a case-sensitive form in the wrong case ("as" for "AS")
                continue
            found.append((m.start(), m.end(), ident, m.group()))
        return found


def _mentions(kind: str, table: AliasTable, text: str) -> list[Mention]:
    return [Mention(kind, t, s, e, ident, rule=f"{kind}:{ident}") for s, e, ident, t in table.find(text)]


# --- actors ---------------------------------------------------------------------------------

class ActorSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    government = fields.String()  # the state or body this actor speaks for
    role = fields.String(validate=validate.OneOf(["state", "bloc", "institution", "person", "conduit"]))
    aliases = fields.List(fields.String(), required=True)
    exact_aliases = fields.List(fields.String(), load_default=list)  # case-sensitive (AS, UN)


class ActorsSchema(Schema):
    actors = fields.List(fields.Nested(ActorSchema), required=True)


@dataclass(frozen=True)
class Actors:
    table: AliasTable
    governments: dict  # actor id -> government id
    roles: dict

    def find(self, text: str) -> list[Mention]:
        return _mentions("actor", self.table, text)

    def government(self, actor: str) -> str:
        """The state or body an actor speaks for (peskov -> russia); a state is its own."""
        seen = set()
        while actor in self.governments and actor not in seen:
            seen.add(actor)
            actor = self.governments[actor]
        return actor

    def role(self, actor: str) -> str:
        return self.roles.get(actor, "institution")


def compile_actors(datas: list[dict]) -> Actors:
    entries, governments, roles = [], {}, {}
    for data in datas:
        for actor in data["actors"]:
            ident = actor["id"]
            entries += [(a, ident, False) for a in actor["aliases"]]
            entries += [(a, ident, True) for a in actor["exact_aliases"]]
            if actor.get("government") and actor["government"] != ident:
                governments[ident] = actor["government"]
            roles[ident] = actor.get("role", "institution")
    return Actors(AliasTable.build(entries), governments, roles)


def run_actor_example(example: dict, rules: LanguageRules):
    actors = rules["actors"]
    found = [m.value for m in actors.find(example["text"])]
    if "government" in example:
        return example["government"], [actors.government(a) for a in found]
    return example["expect"], found


register_kind(RuleKind("actors", ActorsSchema, compile_actors, run_actor_example))


# --- places ---------------------------------------------------------------------------------

class PlaceSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    within = fields.String()  # parent place id
    region = fields.Boolean(load_default=False)  # a region of the world, above countries
    aliases = fields.List(fields.String(), required=True)
    exact_aliases = fields.List(fields.String(), load_default=list)


class PlacesSchema(Schema):
    places = fields.List(fields.Nested(PlaceSchema), required=True)


@dataclass(frozen=True)
class Places:
    table: AliasTable
    parents: dict
    regions: frozenset

    def find(self, text: str) -> list[Mention]:
        return _mentions("place", self.table, text)

    def ancestors(self, place: str) -> tuple[str, ...]:
        """Enclosing places, nearest first (kursk -> (russia,))."""
        chain, seen = [], {place}
        while place in self.parents and self.parents[place] not in seen:
            place = self.parents[place]
            seen.add(place)
            chain.append(place)
        return tuple(chain)

    def within(self, inner: str, outer: str) -> bool:
        return inner == outer or outer in self.ancestors(inner)

    def country(self, place: str) -> str:
        """The outermost place that is not a region of the world (kursk -> russia)."""
        chain = [p for p in (place,) + self.ancestors(place) if p not in self.regions]
        return chain[-1] if chain else place


def compile_places(datas: list[dict]) -> Places:
    entries, parents, regions = [], {}, set()
    for data in datas:
        for place in data["places"]:
            if place["region"]:
                regions.add(place["id"])
            entries += [(a, place["id"], False) for a in place["aliases"]]
            entries += [(a, place["id"], True) for a in place["exact_aliases"]]
            if place.get("within"):
                parents[place["id"]] = place["within"]
    return Places(AliasTable.build(entries), parents, frozenset(regions))


def run_place_example(example: dict, rules: LanguageRules):
    places = rules["places"]
    found = [m.value for m in places.find(example["text"])]
    if "ancestors" in example:
        return example["ancestors"], [list(places.ancestors(p)) for p in found]
    if "country" in example:
        return example["country"], [places.country(p) for p in found]
    return example["expect"], found


register_kind(RuleKind("places", PlacesSchema, compile_places, run_place_example))


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


def _cue_kind(name: str, mention_kind: str) -> None:
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

    register_kind(RuleKind(name, CueTableSchema, compile_cues, run_example))


# measures: counted nouns and outcome phrases (troops, deaths, injured, ...)
_cue_kind("measures", "measure")
# modality: planned / alleged / estimate cues, in priority order
_cue_kind("modality", "modality")
# topics: what a stance is about (deployment, attack, ...), for propositions
_cue_kind("topics", "topic")
# events: nouns and verbs of dated events (statement, warning, visit, attack, ...)
_cue_kind("events", "event")
