"""Word-list recognisers: actors, places, measures, modality cues, attribution cues, topics.

Each is a table of canonical ids and their surface forms in rules/. One engine (AliasTable)
compiles a table into a single regular expression and finds non-overlapping, longest-first
matches on word boundaries.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.rulebook import LanguageRules, RuleKind, register_kind

# Words keep inner hyphens and apostrophes ("Kim Jong-un", "luka-luka", "People's"); any
# other non-space character is a token of its own, so "U.S." and "(Korut)" match as written.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@functools.lru_cache(maxsize=256)
def tokens(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, token, casefolded token) for every token; cached because every table
    looks at the same sentence."""
    return tuple((m.start(), m.end(), m.group(), m.group().casefold().replace("’", "'"))
                 for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=256)
def token_index(text: str) -> dict:
    """casefolded token -> the positions where it occurs."""
    index: dict = {}
    for i, t in enumerate(tokens(text)):
        index.setdefault(t[3], []).append(i)
    return index


def _key(form: str, fold: bool) -> tuple[str, ...]:
    return tuple(t[3] if fold else t[2] for t in tokens(" ".join(form.split())))


@dataclass(frozen=True)
class AliasTable:
    """Surface forms -> canonical id, matched as whole token sequences, longest first.

    A dictionary lookup per token instead of one big alternation: the tables hold thousands
    of forms and run on every sentence."""

    folded: dict  # tuple of casefolded tokens -> id
    exact: dict  # tuple of tokens as written -> id (case-sensitive forms: "AS", "UN")
    longest: int
    starts: dict  # first token (casefolded) -> longest form starting with it

    @classmethod
    def build(cls, entries: list[tuple[str, str, bool]]) -> "AliasTable":
        """entries: (form, id, case_sensitive)."""
        folded, exact = {}, {}
        for form, ident, case_sensitive in entries:
            key = _key(form, not case_sensitive)
            if key:
                (exact if case_sensitive else folded).setdefault(key, ident)
        starts: dict = {}
        for key in (*folded, *exact):
            first = key[0].casefold().replace("’", "'")
            starts[first] = max(starts.get(first, 0), len(key))
        longest = max(starts.values(), default=0)
        return cls(folded, exact, longest, starts)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        if not self.longest:
            return []
        index = token_index(text)
        candidates = sorted(i for first in index.keys() & self.starts.keys() for i in index[first])
        if not candidates:
            return []
        toks = tokens(text)
        found, taken_until, count = [], 0, len(toks)
        for i in candidates:
            if i < taken_until:
                continue
            for n in range(min(self.starts[toks[i][3]], count - i), 0, -1):
                window = toks[i:i + n]
                ident = self.exact.get(tuple(t[2] for t in window))
                if ident is None:
                    ident = self.folded.get(tuple(t[3] for t in window))
                if ident is not None:
                    start, end = window[0][0], window[-1][1]
                    found.append((start, end, ident, text[start:end]))
                    taken_until = i + n
                    break
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
