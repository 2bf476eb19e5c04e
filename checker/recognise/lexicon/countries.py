"""The world's countries and Indonesia's subdivisions, from packages, as the actors and places
tables name them."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass



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
