"""Who speaks and acts: the actors table (states, blocs, bodies, persons, conduits), the bodies
every state has, and the regional bodies of a country's regions."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.recognise.lexicon.countries import _english_region, _unique, countries, indonesian_subdivisions
from checker.recognise.lexicon.tables import AliasTable, _columns, _key, tokens
from checker.rulebook import LanguageRules

# --- actors ---------------------------------------------------------------------------------

ROLES = ["state", "bloc", "institution", "person", "conduit"]


class ActorSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    government = fields.String()  # the state (or bloc) this actor belongs to
    body = fields.String()  # a person's organisation (lavrov -> russia_foreign_ministry)
    role = fields.String(validate=validate.OneOf(ROLES))
    aliases = fields.List(fields.String(), load_default=list)
    exact_aliases = fields.List(fields.String(), load_default=list)  # case-sensitive (AS, UN)


class CountryNamesSchema(Schema):
    drop = fields.List(fields.String(), load_default=list)  # generated names that are words too


# An actor id that still needs its country: "?{country}_health_ministry"
UNPLACED = "?"


def place_body(actor: str, country: str) -> str:
    """A body named without its country, placed in one: ("?{country}_health_ministry",
    "libya") -> "libya_health_ministry"."""
    return actor[len(UNPLACED):].format(country=country) if actor.startswith(UNPLACED) else actor


class BodyKindSchema(Schema):
    kind = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    # "{country}": the state itself speaks (its government, its president)
    id = fields.String(load_default="{country}_{kind}")
    independent = fields.Boolean(load_default=False)  # its own government (a Red Crescent society)
    forms = fields.List(fields.String(validate=lambda f: f.count("{country}") == 1), required=True)
    # the body named without its country ("the health ministry said", "the Red Crescent"):
    # the country of the story it is in, which the frame stage knows (UNPLACED + the id template)
    bare = fields.List(fields.String(), load_default=list)


class RegionalBodySchema(Schema):
    id = fields.String(required=True)
    heads = fields.List(fields.String(), required=True)  # followed by the region they serve
    bare = fields.Boolean(load_default=True)  # a head alone names the body too
    # heads that name the body alone even when the body is not bare: "Pemprov" is always a
    # provincial government, "Gubernur" may be a central bank's ("Gubernur Bank Indonesia")
    bare_heads = fields.List(fields.String(), load_default=list)
    english = fields.List(fields.String(), load_default=list)  # after a province's name: "East Java police"
    # one body per region (each BPBD, each provincial government is an authority of its own),
    # not one national body with regional offices (the police)
    per_region = fields.Boolean(load_default=False)
    # the region's own government (its governor, its regent), not one of its offices: "the
    # governor of East Java" is this body of East Java
    government = fields.Boolean(load_default=False)


class RegionalSchema(Schema):
    admin_words = fields.List(fields.String(), load_default=list)  # Provinsi, Kabupaten, Kota
    name_words = fields.List(fields.String(), load_default=list)  # a name's second words: Barat, Raya
    names = fields.List(fields.String(), load_default=list)  # names of more words (besides ISO's)
    not_names = fields.List(fields.String(), load_default=list)  # capitalised words that are no region
    english = fields.Dict(keys=fields.String(), values=fields.Dict(), load_default=dict)  # as places'
    # between a regency's name and its body's English word: "the Subang regency health office"
    english_admin = fields.List(fields.String(), load_default=list)
    bodies = fields.List(fields.Nested(RegionalBodySchema), load_default=list)


class ActorsSchema(Schema):
    actors = fields.List(fields.Nested(ActorSchema), load_default=list)
    countries = fields.Nested(CountryNamesSchema)  # every country of ISO 3166 is a state actor
    bodies = fields.List(fields.Nested(BodyKindSchema), load_default=list)
    regional = fields.Nested(RegionalSchema)
    # a body the forms make that a hand entry already is: {indonesia_disaster_agency: bnpb}
    same_as = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # one word spelled two ways in names ({organization: organisation}): each alias holding either
    # is known in both spellings, so "World Health Organisation" needs no alias of its own
    spellings = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # ranks whose service follows them ("Marsdya TNI", "Irjen Pol"): after another body's name the service is the
    # rank's, no second body ("Kepala Basarnas Marsdya TNI Mohammad Syafii" is Basarnas's head)
    ranks = fields.List(fields.String(), load_default=list)
    rank_services = fields.List(fields.String(), load_default=list)  # the services written after a rank ("TNI")


def spelled_both_ways(alias: str, spellings: dict) -> list[str]:
    """The alias and its forms with each word of `spellings` written the other way."""
    forms = [alias]
    for one, other in spellings.items():
        for word, swap in ((one, other), (other, one)):
            pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            forms += [pattern.sub(lambda m: swap.capitalize() if m.group()[0].isupper() else swap, f)
                      for f in forms if pattern.search(f)]
    return list(dict.fromkeys(forms))


@dataclass(frozen=True)
class BodyForm:
    before: tuple  # casefolded tokens before the country's name
    after: tuple  # and after it
    id: str  # template: {country}, {kind}
    kind: str


@dataclass(frozen=True)
class Regional:
    heads: AliasTable  # head -> body id
    bare: frozenset  # body ids a head alone names
    admin: AliasTable  # administrative words before a region's name
    names: AliasTable  # region names of more than one word
    name_words: frozenset  # casefolded second words of a name
    not_names: frozenset  # casefolded capitalised words that are no region ("Gubernur Bank Indonesia")
    per_region: frozenset = frozenset()  # body ids that are one authority per region
    # a per-region body's English words ("health office") and the admin words that may stand
    # before them: after any region the gazetteer knows ("Subang health office"), not only a province
    english: AliasTable | None = None
    english_admin: tuple = ()
    bare_heads: frozenset = frozenset()  # casefolded heads that stand alone for a body not bare
    governments: frozenset = frozenset()  # body ids that are a region's own government


@dataclass(frozen=True)
class Actors:
    table: AliasTable
    governments: dict  # actor id -> government id
    roles: dict
    bodies: dict = field(default_factory=dict)  # person -> the body it speaks for
    forms: tuple = ()  # BodyForm, longest first: "{country} health ministry"
    form_shapes: tuple = ()  # see _form_index
    form_index: dict = field(default_factory=dict)
    regional: Regional | None = None
    same_as: dict = field(default_factory=dict)  # a formed body's id -> the hand entry it is
    ranks: frozenset = frozenset()  # casefolded ranks a service may follow ("marsdya")
    rank_services: frozenset = frozenset()  # casefolded services written after a rank ("tni")

    def find(self, text: str) -> list[Mention]:
        found = [self._compose(text, *m) for m in self.table.find(text)]
        if self.regional is not None:
            found += self._regional(text)
        found.sort(key=lambda m: (m[0], -m[1]))
        out: list = []
        for start, end, ident in found:
            if out and start < out[-1][1]:
                continue
            if out and self._rank_of(text, out[-1], start, end):
                continue
            if out and self._office_of(text, out[-1], start, ident):
                out[-1] = (out[-1][0], end, out[-1][2])
                continue
            out.append((start, end, ident))
        return [Mention("actor", text[s:e], s, e, i, rule=f"actor:{i}") for s, e, i in out]

    def _rank_of(self, text: str, before: tuple, start: int, end: int) -> bool:
        """A service right after a rank that follows another body's name is the rank's, not a second
        speaker: "Kepala Basarnas Marsdya TNI Mohammad Syafii", "Kapolda Sumbar Irjen Pol Suharyono"."""
        between = text[before[1]:start]
        return text[start:end].casefold() in self.rank_services and between[:1].isspace() \
            and between[-1:].isspace() and between.strip().casefold().rstrip(".") in self.ranks

    def _office_of(self, text: str, before: tuple, start: int, ident: str) -> bool:
        """A state named right after a body names its office there, not a second speaker:
        "Amnesty Kenya", "UNICEF Indonesia", "KBRI Beirut"."""
        return (self.roles.get(ident) == "state" and text[before[1]:start].isspace()
                and self.roles.get(before[2]) == "institution")

    def _compose(self, text: str, start: int, end: int, ident: str, _surface: str) -> tuple:
        """A state's name inside a body's form names the body: "Kementerian Kesehatan Lebanon",
        "Lebanon's health ministry", "the Libyan Red Crescent"."""
        if not self.forms or self.roles.get(ident) != "state":
            return (start, end, ident)
        toks = tokens(text)
        folded = _columns(text)[1]  # the casefolded tokens: a shape's words are slices of it
        i = _token_at(toks, start)
        j = _token_at(toks, end)
        # one dictionary lookup per shape of form (words before, words after), longest first
        for b, a in self.form_shapes:
            if i < b or j + a > len(toks):
                continue
            form = self.form_index.get((folded[i - b:i], folded[j:j + a]))
            if form is not None:
                body = form.id.format(country=ident, kind=form.kind)
                return (toks[i - b][0] if b else start, toks[j + a - 1][1] if a else end, self.same_as.get(body, body))
        return (start, end, ident)

    def _regional(self, text: str) -> list[tuple]:
        """A regional head and the region it serves: "BPBD Jatim", "Kapolda Jawa Timur",
        "Dinas Kesehatan Kabupaten Malang"; the region is a known name or one capitalised word
        with its second words ("Bandung Barat"). A short name in brackets may stand between a
        long one and its region: "Dinas Kesehatan ... (Dinkes P2KB) Kabupaten Sumenep"."""
        reg, toks, out = self.regional, tokens(text), []
        for start, end, ident, _ in reg.heads.find(text):
            aside = _ASIDE.match(text, end)
            j = _token_at(toks, aside.end() if aside else end)
            k = j
            admin = [m for m in reg.admin.find(text) if m[0] == (toks[k][0] if k < len(toks) else -1)]
            if admin:
                k = _token_at(toks, admin[0][1])
            region_end = None
            if k < len(toks):
                named = [m for m in reg.names.find(text) if m[0] == toks[k][0]]
                if named:
                    region_end = named[0][1]
                elif toks[k][2][:1].isupper() and toks[k][2][:1].isalpha() and toks[k][3] not in reg.not_names:
                    k += 1
                    while k < len(toks) and toks[k][3] in reg.name_words:
                        k += 1
                    region_end = toks[k - 1][1]
            if region_end is not None:
                out.append((start, region_end, ident))
            elif ident in reg.bare or text[start:end].casefold() in reg.bare_heads:
                out.append((start, end, ident))
        return out

    def government(self, actor: str) -> str:
        """The state (or bloc) an actor belongs to (peskov -> russia, bnpb -> indonesia); a state
        is its own."""
        actor = actor.split("@", 1)[0]  # a regional body: "bpbd@east_java" is Indonesia's
        seen = set()
        while actor in self.governments and actor not in seen:
            seen.add(actor)
            actor = self.governments[actor]
        return actor

    def body(self, actor: str) -> str:
        """The organisation an actor speaks for: a person's body (lavrov ->
        russia_foreign_ministry; one without a body speaks for its government); a body, a state,
        a bloc or an outlet is its own."""
        if actor in self.bodies:
            return self.bodies[actor]
        return self.government(actor) if self.role(actor) == "person" else actor

    def role(self, actor: str) -> str:
        return self.roles.get(actor, "institution")


def _form_index(forms: tuple) -> tuple[tuple, dict]:
    """The (words before, words after) lengths the forms have, longest first, and the forms by
    their word runs (the first, longest, form of a pair of runs wins)."""
    shapes = tuple(sorted({(len(f.before), len(f.after)) for f in forms}, key=lambda ba: -(ba[0] + ba[1])))
    by_words: dict = {}
    for form in forms:
        by_words.setdefault((form.before, form.after), form)
    return shapes, by_words


# a short name in brackets after a body's long one: "(Dinkes P2KB)", "(BPBD)"
_ASIDE = re.compile(r"\s*\([^()\d]{1,24}\)")


def _token_at(toks: tuple, offset: int) -> int:
    """The index of the first token that starts at or after a character offset."""
    return bisect.bisect_left([t[0] for t in toks], offset)


def compile_actors(datas: list[dict]) -> Actors:
    entries, governments, roles, bodies = [], {}, {}, {}
    languages = next((d["languages"] for d in datas if "languages" in d), ())
    datas = [d for d in datas if "actors" in d]
    spellings = {k: v for data in datas for k, v in data.get("spellings", {}).items()}
    for data in datas:
        for actor in data["actors"]:
            ident = actor["id"]
            entries += [(f, ident, False) for a in actor["aliases"] for f in spelled_both_ways(a, spellings)]
            entries += [(a, ident, True) for a in actor["exact_aliases"]]
            if actor.get("government") and actor["government"] != ident:
                governments[ident] = actor["government"]
            if actor.get("body"):
                bodies[ident] = actor["body"]
            roles[ident] = actor.get("role", roles.get(ident, "institution"))
    drop = {n for data in datas if data.get("countries") for n in data["countries"]["drop"]}
    if any(data.get("countries") for data in datas):
        pairs = []
        for c in countries(languages):
            pairs += [(n, c.id) for n in (*c.names, *c.demonyms)]
            if c.capital:
                pairs.append((c.capital, c.id))
            roles.setdefault(c.id, "state")
        entries += _unique(pairs, drop)  # after the hand aliases, which win
    forms = []
    for data in datas:
        for body in data["bodies"]:
            for form in body["bare"]:
                template = UNPLACED + body["id"].replace("{kind}", body["kind"])
                entries.append((form, template, False))
                roles[template] = "unplaced"
            for form in body["forms"]:
                before, _, after = form.partition("{country}")
                forms.append(BodyForm(_key(before, True), _key(after, True), body["id"], body["kind"]))
            for state in [a for a, r in roles.items() if r == "state"]:
                ident = body["id"].format(country=state, kind=body["kind"])
                if ident != state:
                    roles.setdefault(ident, "institution")
                    if not body["independent"]:
                        governments.setdefault(ident, state)
    forms.sort(key=lambda f: -(len(f.before) + len(f.after)))
    regional = _compile_regional([d["regional"] for d in datas if d.get("regional")], entries)
    unknown = {g for g in (*governments.values(), *bodies.values()) if g not in roles}
    if unknown:
        raise ValueError(f"governments or bodies that are no actor: {sorted(unknown)}")
    shapes, by_words = _form_index(tuple(forms))
    same_as = {k: v for data in datas for k, v in data.get("same_as", {}).items()}
    ranks = frozenset(r.casefold().rstrip(".") for data in datas for r in data.get("ranks", ()))
    services = frozenset(r.casefold() for data in datas for r in data.get("rank_services", ()))
    return Actors(AliasTable.build(entries), governments, roles, bodies, tuple(forms), shapes, by_words, regional,
                  same_as, ranks, services)


def _compile_regional(sections: list[dict], entries: list) -> Regional | None:
    """Indonesia's regional bodies: heads before a region ("BPBD Jatim") and, in English, a
    province's name before a body word ("East Java police", added to `entries`)."""
    if not sections:
        return None
    heads, bare, admin, names, name_words, english, not_names = [], set(), [], [], set(), {}, set()
    per_region, english_words, english_admin, bare_heads, governments = set(), [], [], set(), set()
    for s in sections:
        admin += [(w, "admin", False) for w in s["admin_words"]]
        names += [(n, "region", False) for n in s["names"]]
        name_words |= {w.casefold() for w in s["name_words"]}
        not_names |= {w.casefold() for w in s["not_names"]}
        english.update(s["english"])
        for body in s["bodies"]:
            heads += [(h, body["id"], False) for h in body["heads"]]
            if body["bare"]:
                bare.add(body["id"])
            bare_heads |= {h.casefold() for h in body["bare_heads"]}
            if body["government"]:
                governments.add(body["id"])
            if body["per_region"]:
                per_region.add(body["id"])
                english_words += [(w, body["id"], False) for w in body["english"]]
        english_admin += [w.casefold() for w in s["english_admin"]]
    provinces = [name for _, name, kind, _ in indonesian_subdivisions() if kind != "Geographical unit"]
    names += [(n, "region", False) for n in provinces if len(n.split()) > 1]
    for s in sections:
        for body in s["bodies"]:
            for name in provinces:
                for region in {name, _english_region(name, english)}:
                    entries += [(f"{region} {word}", body["id"], False) for word in body["english"]]
    return Regional(AliasTable.build(heads), frozenset(bare), AliasTable.build(admin),
                    AliasTable.build(names), frozenset(name_words), frozenset(not_names), frozenset(per_region),
                    AliasTable.build(english_words), tuple(english_admin), frozenset(bare_heads),
                    frozenset(governments))


def run_actor_example(example: dict, rules: LanguageRules):
    actors = rules["actors"]
    found = [m.value for m in actors.find(example["text"])]
    if "government" in example:
        return example["government"], [actors.government(a) for a in found]
    if "body" in example:
        return example["body"], [actors.body(a) for a in found]
    if "role" in example:
        return example["role"], [actors.role(a) for a in found]
    if "spans" in example:
        return example["spans"], [m.text for m in actors.find(example["text"])]
    return example["expect"], found
