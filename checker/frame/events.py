"""Events as subjects: the happening a toll is about when no actor owns it.

Each article gets its main incident from its title and lead (type, place, date); a figure with
no actor of its own takes the incident its sentence names, else the article's main one. The
subject id is `<type>@<country>`, so the same happening reported by different outlets meets in
one fact; compare tells apart different happenings of one type and country by their dates.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from marshmallow import Schema, fields, validate

from checker.frame.happening_days import _days, incident_dates
from checker.frame.settings import opens_count
from checker.frame.wordspans import words, words_before
from checker.frame.places import in_speaker_tag, joint_places, landmark, ranked_place, unplaced_site
from checker.frame.bodies import government_words
from checker.frame.syntax import clause_of
from checker.frame.times import in_relative_clause
from checker.model import UNTYPED_EVENT, DateValue, EventRef, Mention
from checker.recognise import SentenceMentions
from checker.recognise.lexicon import AliasTable, _mentions
from checker.rulebook import LanguageRules

GENERIC = "generic"
TERM = "incident:term"  # a term holding an incident's word ("angle of attack"): no happening
QUALIFIER = "incident:qualifier"  # a riot word naming no other type in its sentence ("kerusuhan" alone)
UNTYPED = UNTYPED_EVENT
LEAD_SENTENCES = 4  # the title and the lead paragraph name what an article is about


class IncidentsSchema(Schema):
    types = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True)
    generic = fields.List(fields.String(), load_default=list)
    measures = fields.List(fields.String(), load_default=list)
    # measures only some types own: the hectares a fire burned are the fire's, a flood's hectares
    # of rice fields and of farmland at risk are two things no key tells apart
    measures_of = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # counts that say how many people without what happened to them ("300 orang"): a figure
    # of these with no owner is no claim
    bare = fields.List(fields.String(), load_default=list)
    # words after an incident noun that make it part of a name ("disaster agency", "flood
    # relief"): no happening is named there
    names_before = fields.List(fields.String(), load_default=list)
    # words right before an incident noun that make it part of a name ("pemadam kebakaran": the
    # fire brigade, no fire)
    names_after = fields.List(fields.String(), load_default=list)
    # terms that hold an incident's word and name no happening ("angle of attack", "sudut serang"):
    # matched as the incidents are, longest first, and dropped
    terms = fields.List(fields.String(), load_default=list)
    # what a crash or an accident is when the sentence names its vehicle ("the jet crashed into
    # the sea", "kecelakaan pesawat"): type -> the vehicle nouns; `retype` the types they override
    vehicles = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    retype = fields.List(fields.String(), load_default=list)
    # more types one vehicle's crash overrides: a plane on fire or exploding is the crash
    retype_for = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=dict)
    # forms of a type that only describe another happening their sentence names ("demo ricuh":
    # the riot is the protest's), and name their own type only alone ("kericuhan di stadion")
    qualifiers = fields.List(fields.String(), load_default=list)
    # types that name their own sentence's figures but never an article's main incident: a
    # war behind the news ("killed since the war began") is no happening the report tells of
    background = fields.List(fields.String(), load_default=list)
    # types that happen across their country (a national election): placed in the country unless
    # the title or lead names a site, never at a province a later sentence names
    nationwide = fields.List(fields.String(), load_default=list)
    # a count running since a day more than so many days before the incident ("30,035 killed in
    # Gaza since Oct. 7") is the campaign's of this background type, never the incident's toll
    campaigns_since = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(min=1)),
                                  load_default=dict)
    # types that run for weeks or months (an outbreak): a count since long before is their own
    # ("1,944 cases since January"), never a background campaign's
    lasting = fields.List(fields.String(), load_default=list)
    # types that spread over a country (an outbreak): placed only by their title and lead; a region
    # named further down (where one office counts its own cases) is one place they reached
    spreading = fields.List(fields.String(), load_default=list)
    # types that happen at one site (a crash, a fire): a region's body counts that site's toll
    sited = fields.List(fields.String(), load_default=list)


@dataclass(frozen=True)
class Incidents:
    table: AliasTable
    measures: frozenset  # the counts an incident owns (deaths, injured, ...)
    order: tuple = ()  # types in file order: the earlier wins a tie (floods over the storm)
    bare: frozenset = frozenset()  # measures that count people without saying what befell them
    names_before: frozenset = frozenset()  # "agency" after "disaster": part of a body's name
    vehicles: AliasTable | None = None  # vehicle nouns -> the type of their crash
    retype: frozenset = frozenset()  # types (and "generic") a vehicle named beside them overrides
    retype_for: tuple = ()  # (vehicle's type, the further types it overrides)
    overridable: frozenset = frozenset()  # retype and every retype_for type, for a cheap first test
    qualifiers: frozenset = frozenset()  # casefolded forms that take another named type's
    measures_of: tuple = ()  # (measure, the types that own it): owned by those only
    names_after: frozenset = frozenset()  # "pemadam" before "kebakaran": part of a body's name
    background: frozenset = frozenset()  # types never an article's main incident (a war)
    nationwide: frozenset = frozenset()  # types placed in their country unless the lead names a site
    campaigns_since: tuple = ()  # (background type, days): a count running since longer before is its
    lasting: frozenset = frozenset()  # types whose own counts run since long before (an outbreak)
    spreading: frozenset = frozenset()  # types a place below the lead does not place (an outbreak)
    sited: frozenset = frozenset()  # types at one site: a region's body counts the site's toll

    def owns(self, kind: str, measure: str) -> bool:
        """Whether a happening of this type owns a figure of this measure."""
        owners = dict(self.measures_of).get(measure)
        return measure in self.measures and (owners is None or kind in owners)

    def find(self, text: str):
        found = [m for m in _mentions("incident", self.table, text) if m.value != TERM]
        if self.names_before:
            found = [m for m in found if _next_word(text, m.end) not in self.names_before]
        if self.names_after:
            found = [m for m in found if _last_word(text, m.start) not in self.names_after]
        if self.qualifiers and any(m.text.casefold() in self.qualifiers for m in found):
            named = [m.value for m in found if m.value != GENERIC and m.text.casefold() not in self.qualifiers]
            if named:
                found = [replace(m, value=named[0]) if m.text.casefold() in self.qualifiers else m for m in found]
            else:  # a riot alone: its own type unless the article tells of another happening (as_main)
                found = [replace(m, rule=QUALIFIER) if m.text.casefold() in self.qualifiers else m for m in found]
        if self.vehicles is not None and any(m.value in self.overridable for m in found):
            vehicle = self.vehicles.find(text)
            if vehicle:  # the first vehicle the sentence names: "the jet crashed", "pesawat jatuh"
                kind = vehicle[0][2]
                types = self.retype | dict(self.retype_for).get(kind, frozenset())
                found = [replace(m, value=kind, rule=f"incident:{kind}") if m.value in types else m for m in found]
        return found


def compile_incidents(datas: list[dict]) -> Incidents:
    entries, measures = [], set()
    for data in datas:
        for ident, forms in data["types"].items():
            entries += [(f, ident, False) for f in forms]
        entries += [(f, GENERIC, False) for f in data.get("generic", [])]
        entries += [(f, TERM, False) for f in data.get("terms", [])]
        measures.update(data.get("measures", []))
    order = tuple(dict.fromkeys(t for data in datas for t in data["types"]))
    bare = frozenset(m for data in datas for m in data.get("bare", []))
    names = frozenset(w.casefold() for data in datas for w in data.get("names_before", []))
    vehicles = [(f, kind, False) for data in datas for kind, forms in data.get("vehicles", {}).items() for f in forms]
    retype = frozenset(t for data in datas for t in data.get("retype", []))
    retype_for = tuple((kind, frozenset(types)) for data in datas for kind, types in data.get("retype_for", {}).items())
    qualifiers = frozenset(f.casefold() for data in datas for f in data.get("qualifiers", []))
    measures_of = tuple((m, frozenset(types)) for data in datas for m, types in data.get("measures_of", {}).items())
    names_after = frozenset(w.casefold() for data in datas for w in data.get("names_after", []))
    background = frozenset(t for data in datas for t in data.get("background", []))
    nationwide = frozenset(t for data in datas for t in data.get("nationwide", []))
    campaigns = tuple((t, n) for data in datas for t, n in data.get("campaigns_since", {}).items())
    return Incidents(AliasTable.build(entries), frozenset(measures), order, bare, names,
                     AliasTable.build(vehicles) if vehicles else None, retype, retype_for,
                     retype.union(*(types for _, types in retype_for)), qualifiers, measures_of, names_after,
                     background, nationwide, campaigns,
                     frozenset(t for data in datas for t in data.get("lasting", [])),
                     frozenset(t for data in datas for t in data.get("spreading", [])),
                     frozenset(t for data in datas for t in data.get("sited", [])))


def _next_word(text: str, pos: int) -> str:
    found = _NEXT_WORD.match(text, pos)
    return found.group(1).casefold() if found else ""


_NEXT_WORD = re.compile(r"\s+([\w-]+)")


def _last_word(text: str, pos: int) -> str:
    found = _LAST_WORD.search(text, 0, pos)
    return found.group(1).casefold() if found else ""


_LAST_WORD = re.compile(r"([\w-]+)\)?\s+$")  # "Satuan Tugas (Satgas) PHK": the name's short form


def run_incident_example(example: dict, rules: LanguageRules):
    return example["expect"], [m.value for m in rules["incidents"].find(example["text"])]


def _deepest(places, ids: list[str]) -> str | None:
    """The most specific of the places named on the line of the first (Kanjuruhan over Malang
    over Indonesia); a place off that line named later is another site, not a closer one ("a
    demonstration in Jakarta", then a fire "in Makassar": the protests are Jakarta's)."""
    if not ids:
        return None
    line = [ids[0]]  # the first named, then each place that narrows or widens the line
    for place in ids[1:]:
        if all(places.within(place, p) or places.within(p, place) for p in line):
            line.append(place)
    return max(line, key=lambda p: len(places.ancestors(p)))


deepest_place = _deepest


def phase_of(sm: SentenceMentions, framing) -> str | None:
    """The wave of a happening a sentence tells of: "all" its waves together ("both waves",
    "kedua gelombang"), a later one ("a second wave", "gempa susulan": "sequel"), else None."""
    table = getattr(framing, "phase_cues", None)
    if table is None:
        return None
    # a cue after the sentence's figures tells of something else ("killed 55, as rescuers
    # battled aftershocks"); one before them says whose figures they are ("a second wave killed 20")
    cues = table.find(sm.text)
    # a reading right before the cue measures that wave ("a 6.7 magnitude aftershock"): the cue is its own
    first = min((q.start for q in sm.quantities if q.kind == "quantity"
                 and not any(s <= q.start < e for s, e, _, _ in cues)  # "dua gelombang"
                 and not (q.rule.startswith("reading:")
                          and any(s >= q.end and words(sm.text, q.end, s) <= 1 for s, _, _, _ in cues))),
                default=len(sm.text))
    found = {ident for s, _, ident, _ in cues if s < first and ident != "later"}
    if sm.incidents and _two_days(sm, framing):
        found.add("all")  # "the explosions on Tuesday and Wednesday", "ledakan pada 17-18 September"
    return "all" if "all" in found else "sequel" if "sequel" in found else None


def _two_days(sm: SentenceMentions, framing) -> bool:
    """Two different days named together ("on Tuesday and Wednesday", "Selasa dan Rabu")."""
    days = sorted((d for d in sm.dates if d.value.grain == "day"), key=lambda d: d.start)
    return any(a.value.day != b.value.day and " ".join(sm.text[a.end:b.start].split()).casefold()
               in framing.joint_links for a, b in zip(days, days[1:]))


def sited(sentences: list[SentenceMentions], framing) -> bool:
    """Whether the text says where something happens: a place right after a location word."""
    return any(len(sm.text[e:p.start].split()) <= 1 for sm in sentences for p in sm.places
               for _, e, _, _ in framing.location_cues.find(sm.text[:p.start]))


def earlier_happening(sm: SentenceMentions, published: date | None, framing) -> bool:
    """Whether a sentence below the lead tells of a happening it dates to a day long before the news
    ("mengingatkan pada Tragedi Kanjuruhan di Malang pada 1 Oktober 2022", "the Hillsborough disaster
    on April 15, 1989"): its places are that happening's, never where the news happened."""
    if framing is None or published is None or not sm.incidents:
        return False
    dated = incident_dates(sm, {m.value for m in sm.incidents}, published, framing)
    return bool(dated) and all(d.value.day <= published - timedelta(days=framing.background_days) for d in dated)


def told_before(n: int, sm: SentenceMentions, published: date | None, framing) -> bool:
    """Whether the n-th sentence, below the lead, tells of an earlier happening: one of a past period
    ("... kapal pecah di dekat Cutro, Italia, pada Februari 2023") or of a day long before the news
    ("mengingatkan pada Tragedi Kanjuruhan di Malang pada 1 Oktober 2022"). Its places are no
    place of the news."""
    return n >= LEAD_SENTENCES and (past_period(sm, published, framing) is not None
                                    or earlier_happening(sm, published, framing))


def main_event(sentences: list[SentenceMentions], places, published: date | None,
               order: tuple = (), framing=None, background: frozenset = frozenset(),
               nationwide: frozenset = frozenset(), facts=None, spreading: frozenset = frozenset()) -> EventRef | None:
    """The article's main incident: the type most named in its title and lead (else anywhere),
    never a background type (a war behind the news),
    placed in the country most named in the article, at the most specific place of the lead;
    a later wave when the title or lead says so ("Lebanon hit by second wave of blasts"), then
    dated only by the sentences that tell of that wave."""
    lead = sentences[:LEAD_SENTENCES]
    told = lead

    def types_in(sms) -> list[str]:
        found = [m for sm in sms for m in sm.incidents if m.value != GENERIC and m.value not in background]
        # a clash or a riot word alone takes the type of another happening told beside it ("the first clashes"
        # of a wave of protests): it names its own type only where no other is told
        named = [m.value for m in found if m.rule != QUALIFIER]
        return named or [m.value for m in found]
    typed = types_in(lead)
    if not typed:
        told = sentences
        typed = types_in(sentences)
    if not typed:
        # only "the tragedy", "the disaster": an incident of unknown type; its figures meet
        # only other untyped reports of the country (telling it from typed reports of the same
        # happening across articles is left to do)
        typed = [UNTYPED for sm in sentences for m in sm.incidents if m.value not in background]
    if not typed:
        return None
    counts = Counter(typed)
    # named as often, the type a toll is told of ("died in a road accident", "tewas dalam
    # kecelakaan") is the news, not one named beside it ("a team sent after the floods")
    def told_toll(sm, incident) -> bool:  # "died in", "killed in", "tewas dalam" right before it
        return facts is not None and any(
            x.end <= incident.start and words(sm.text, x.end, incident.start) <= 2
            and facts.behaviour_of(x.value) in ("cumulative", "current") for x in sm.measures)
    tolled = Counter(m.value for sm in told for m in sm.incidents if told_toll(sm, m))
    kind = min(counts, key=lambda t: (-counts[t], -tolled[t], order.index(t) if t in order else len(order)))
    # where it happened: a place after a location word ("di Derna", "melanda Cianjur", "hit
    # Lebanon") counts three times, a country named as an actor ("Israel denied") half; in a
    # sentence naming the incident double again, and in the title and lead double again
    countries: Counter = Counter()
    loose: Counter = Counter()
    lead_places, sites = [], []  # sites: lead places where something happens, or named with it
    named_sites = []  # places where something happens in a sentence naming the happening
    for n, sm in enumerate(sentences):
        if told_before(n, sm, published, framing):
            continue  # "... kapal pecah di dekat Cutro, Italia, pada Februari 2023": an earlier happening's place
        names_it = any(m.value in (kind, GENERIC) for m in sm.incidents)  # "the tragedy" names it too
        for p in sm.places:
            if framing is not None and in_speaker_tag(framing, sm, p):
                continue  # "..., kata Gubernur Sumut Bobby Nasution di Medan": where it was said
            # "Terbanyak di Jawa Tengah": where most were, one part of it, never its site (its country still counts)
            ranked = framing is not None and ranked_place(framing, sm, p)
            located = framing is not None and any(
                len(sm.text[e:p.start].split()) <= 1 for _, e, _, _ in framing.location_cues.find(sm.text[:p.start]))
            acting = any(a.start <= p.start and p.end <= a.end for a in sm.actors)
            if acting and any(c.start >= p.end and words(sm.text, p.end, c.start) <= 1
                              for c in (*sm.stances, *sm.attribution)):
                located = False  # "..., Manila Sebut 8 Senapan Dirampas": the state speaks, nothing happened there
            weight = (3 if located else 0.5 if acting else 1) * (2 if names_it else 1) \
                * (2 if n < LEAD_SENTENCES else 1)
            # a site no table knows ("Kerr County", "the city of Kerrville") lies in no country:
            # it is no country of its own while a known place names one (only one counts then)
            (loose if unplaced_site(p) else countries)[places.country(p.value)] += weight
            if n < LEAD_SENTENCES and not ranked:
                lead_places.append(p.value)
            if (located or names_it) and not ranked and not (framing is not None and any(government_words(framing, sm, p))):
                # "officials in Agam district" tell where a body works, not where it happened
                sites.append((n >= LEAD_SENTENCES, framing is not None and landmark(framing, sm, p), p.value,
                              located))
            if located and names_it and not ranked:
                named_sites.append((n < LEAD_SENTENCES, p.value))
    countries = countries or loose
    country = max(countries, key=lambda c: countries[c]) if countries else "unknown"
    # the most specific place of the lead where it happened ("floods in Derna"), not where
    # someone spoke from ("Speaking to AFP from Benghazi"); a landmark it happened near ("a prison
    # near the capital Jakarta") yields to a site named as where it happened ("in Banten province")
    sites = sorted(sites, key=lambda t: t[:2])
    below_lead = bool(sites) and sites[0][0]
    sites = [t for t in sites if t[0] == sites[0][0]] if sites else []
    # a place only named with the happening, off the line of every place where it happened (the
    # home town of those on board: "Bus Rombongan SMK ... Depok Kecelakaan di Ciater Subang"), is
    # no site; one on that line ("Derna" beside "floods in eastern Libya") narrows it
    where = [t[2] for t in sites if t[3]]
    sites = [p for _, _, p, located in sites
             if located or not where or any(places.within(p, w) or places.within(w, p) for w in where)]
    if kind in spreading and below_lead:
        # an outbreak the lead places nowhere: "the Jakarta office counted 90 cases in the capital"
        # further down is one region it reached, not where it is
        sites = []
    many = framing.many_regions if framing is not None else None
    spread = many is not None and any(many.search(sm.text) for sm in lead
                                      if any(m.value in (kind, GENERIC) for m in sm.incidents))
    if kind in nationwide or spread:
        # a national vote, or a happening the lead counts across many regions ("206 kasus dari 20
        # provinsi"): its country, unless a sentence naming it places it ("pilkada di Aceh"); not a
        # province another line names (where a candidate won, where most cases were)
        # a happening spread over many towns is where its lead places it: a town a later line says
        # it began in ("the unrest began in Southport") is one of them, not all of it
        sites = [p for lead_site, p in named_sites if lead_site or not spread or kind in nationwide]
        lead_places = []
    place = _deepest(places, [p for p in sites if places.country(p) == country]) or _deepest(
        places, [p for p in lead_places if places.country(p) == country]) or (country if countries else None)
    # a happening the lead places in several places at once ("banjir di Aceh, Sumatera Utara, dan
    # Sumatera Barat", "struck Turkey and Syria") is in all of them
    joint = next((j for sm in lead if any(m.value in (kind, GENERIC) for m in sm.incidents)
                  for j in [joint_places(framing, sm, places)] if j and place in j.split("+")), None) \
        if framing is not None else None
    place = joint or place
    # the first lead sentence telling of the happening says which wave the report is about: a
    # title on the quake is about it, whatever aftershocks the next sentence names
    told = [phase_of(sm, framing) for sm in lead if any(m.value in (kind, GENERIC) for m in sm.incidents)]
    phase = "sequel" if told and told[0] == "sequel" else None
    day, background_day = None, False
    for n, sm in enumerate(sentences):
        # a sentence telling of all the waves dates the first one too ("on Tuesday and Wednesday")
        if phase_of(sm, framing) not in (phase, "all" if phase is None else phase):
            continue
        dated = incident_dates(sm, {kind, GENERIC}, published, framing) if framing is not None else []
        if dated and n >= LEAD_SENTENCES and published is not None \
                and min(d.value.day for d in dated) <= published - timedelta(days=framing.background_days):
            # "India blames Pakistan for the April 22 attack in Pahalgam" told below the lead, weeks
            # before the news: background, an earlier happening of the type, not the news's day
            background_day = True
            continue
        if dated:
            day = min(d.value.day for d in dated)
            break
    if day is None and framing is not None and published is not None:
        # a title's word for the happening that no line dates ("Usai Bom Katedral Makassar"), while the lead
        # dates it in another type's words days before ("setelah bom bunuh diri ... pada Minggu (28/3)"): the
        # news happened on that recent day (its blast and its attack are one happening)
        others = {m.value for sm in lead for m in sm.incidents} - {kind, GENERIC} - set(background)
        recent = [d.value.day for sm in lead for d in (incident_dates(sm, others, published, framing) if others else [])
                  if published - timedelta(days=framing.earlier_happening_days) < d.value.day <= published]
        day = min(recent) if recent else None
    if day is None and background_day:
        # only background was dated: the news happened on the earliest recent day its lead names
        # ("said on Thursday ... hit nine sites early on Wednesday")
        # (a lead line telling only of a telling, with no happening, figure or act, dates the telling:
        # "Tudingan itu disampaikan ... pada Selasa, 29 September 2020" in a follow-up weeks after
        # the blast; so does a dateline. The happening stays undated then, not dated by the speech)
        recent = [d.value.day for sm in lead for d in sm.dates if d.value.grain == "day"
                  and published - timedelta(days=framing.earlier_happening_days) < d.value.day <= published
                  and (sm.incidents or sm.quantities or sm.topics)]
        day = min(recent) if recent else None
    return EventRef(kind, country, place, day, phase)


def event_of(sm: SentenceMentions, main: EventRef | None, places, published: date | None,
             framing=None, told: str | None = None) -> EventRef | None:
    """The incident a sentence's subject-less figures are about: another type named in the
    sentence is another happening; so is the main type on a day of its own ("Tuesday's pager
    explosions" in a report on Wednesday's); otherwise the article's main incident. A sentence
    telling of another wave ("a second wave", "both waves") speaks of that wave, and so do the
    figures of the sentence right after one that told of that wave without any (`told`)."""
    event = _event_of(sm, main, places, published, framing)
    phase = phase_of(sm, framing) or (told if not sm.incidents else None)
    if phase is None and event is not None and main is not None and framing is not None \
            and later_happening(sm, framing):
        # "Days after the Kuriga attack, gunmen abducted 61 people ... on March 11": a later happening of
        # its own, unless its day is the report's own happening's (a lead telling of the news that way)
        dated = incident_dates(sm, {event.type, GENERIC}, published, framing)
        if dated and dated[0].value.day != main.day:
            phase = "sequel"
    if event is None or phase is None or phase == event.phase:
        return event  # no wave named: the main wave, or the one of the day the sentence gives
    dated = incident_dates(sm, {event.type, GENERIC}, published, framing) if framing is not None else []
    return replace(event, phase=phase, day=dated[0].value.day if dated else None)


def later_happening(sm: SentenceMentions, framing) -> bool:
    """Whether a cue of time after a happening ("Days after the Kuriga attack", "Sepekan setelah
    penculikan itu", framing `later_happening_cues`) opens a happening of its own: past the clause
    that names the earlier one, an incident is told before the sentence's first figure ("gunmen
    abducted 61 people") on a day the sentence names there. "Days after the quake, the toll rose to
    300" tells of no other happening, nor does "Sehari setelah gempa, BNPB mencatat 268 orang tewas
    akibat gempa" (the incident after the figure is the one it counts)."""
    table = framing.phase_cues
    if table is None:
        return False
    first = min((q.start for q in sm.quantities if q.kind == "quantity"), default=len(sm.text))
    for s, e, ident, _ in table.find(sm.text):
        brk = sm.text.find(",", e)
        if ident != "later" or s >= first or brk < 0 or brk >= first:
            continue
        if any(brk < i.start < first for i in sm.incidents) \
                and any(d.start > brk and d.value.grain == "day" for d in sm.dates):
            return True
    return False


def as_main(sm: SentenceMentions, main: EventRef | None) -> SentenceMentions:
    """A riot word alone ("kerusuhan tersebut", "Korban Kerusuhan Kanjuruhan") is the article's
    happening when it tells of one of another type (a stadium crush); alone in an article of riots
    it stays a riot ("kerusuhan di Wamena")."""
    if main is None or not any(m.rule == QUALIFIER and m.value != main.type for m in sm.incidents):
        return sm
    return replace(sm, incidents=[replace(m, value=main.type) if m.rule == QUALIFIER else m for m in sm.incidents])


def _event_of(sm: SentenceMentions, main: EventRef | None, places, published: date | None,
              framing=None) -> EventRef | None:
    own = [m.value for m in sm.incidents if m.value != GENERIC]
    kin = getattr(framing, "one_disaster_types", frozenset())
    kinned = main is not None and main.type in kin and main.type not in own and any(t in kin for t in own)
    if kinned:
        # "In neighbouring Oman, where the storm struck first, 19 people had died" in a report of floods: the
        # storm and its floods are one disaster, the article's, placed where the sentence places it
        own = list(dict.fromkeys(main.type if t in kin else t for t in own))
    if main is not None and framing is not None and main.type in own and not kinned:
        dated = incident_dates(sm, {main.type}, published, framing)
        if dated and dated[0].value.day != main.day:
            # (where the sentence names a place of the same country, the other day's happening is there:
            # "15 pupils who were abducted in Sokoto state on March 9", in a story of a kidnapping in Kaduna)
            here = _deepest(places, [p.value for p in sm.places])
            place = here if here is not None and places.country(here) == main.country else main.place
            return EventRef(main.type, main.country, place, dated[0].value.day)
    if main is not None and framing is not None and main.type in own and not kinned:
        # "The crush came two weeks after a construction crane toppled onto the mosque, killing 111
        # people": a happening the sentence sets before or after the news by an offset word is another
        # one, and figures told only after it are its own
        first = next(m for m in sm.incidents if m.value == main.type)
        other = next((m for m in sm.incidents if m.value not in (main.type, GENERIC) and m.start > first.end
                      and set(re.findall(r"\w+", sm.text[first.end:m.start].casefold())) & framing.offset_words), None)
        if other is not None and sm.quantities and all(q.start >= other.end for q in sm.quantities) \
                and not _headline_tail(sm, other):
            own = [other.value]
    if main is not None and framing is not None:
        # "Jembatan Runtuh Usai Topan Yagi, 13 Orang Hilang", "Bridge collapses after Typhoon Yagi, 13 missing":
        # a happening named only after an offset word is when the one named before it happened, and figures
        # standing bare after a comma past it (no "killing" between) are the first one's
        for later in (m for m in sm.incidents if m.value != GENERIC):
            before = next((m for m in sm.incidents if m.value not in (later.value, GENERIC) and m.end <= later.start
                           and set(re.findall(r"\w+", sm.text[m.end:later.start].casefold())) & framing.offset_words),
                          None)
            if before is not None and sm.quantities and _headline_tail(sm, later):
                own = [before.value]
                if main.type == before.value:
                    return main
                break
    own_cause = getattr(framing, "own_cause_types", frozenset())
    if main is not None and main.type in own and own_cause and sm.quantities:
        # "Eight people were killed in a clash between two clans, unrelated to the landslide", "... and
        # soldiers escort convoys past a tribal conflict in which eight were killed": a happening no
        # disaster brings about owns the figures standing nearer it than the article's happening
        def nearest(q) -> str:
            return min((m for m in sm.incidents if m.value != GENERIC),
                       key=lambda m: max(m.start - q.end, q.start - m.end, 0)).value
        kinds = {nearest(q) for q in sm.quantities if q.kind == "quantity"}
        if len(kinds) == 1 and kinds <= own_cause:
            own = list(kinds)
    if kinned and not any(not unplaced_site(p) and places.country(p.value) != main.country for p in sm.places):
        return main  # the storm at home is the article's floods themselves
    if own and (main is None or main.type not in own or kinned):
        sentence_places = [p.value for p in _sites(sm, framing)]
        place = _deepest(places, sentence_places)
        unplaced = {p.value for p in sm.places if unplaced_site(p)}
        # (a site no table knows, "the town of Brumadinho", lies in no country: the main happening's)
        country = places.country(place) if place and (place not in unplaced or main is None) \
            else (main.country if main else "unknown")
        days = _days(sm, published)
        return EventRef(own[0], country, place, min(days) if days else None)
    return main


def _headline_tail(sm: SentenceMentions, incident: Mention) -> bool:
    """Whether every figure of the sentence stands bare right after a comma past the incident ("... Usai
    Topan Yagi, 13 Orang Hilang"), no word between ("..., killing 111 people" is the incident's)."""
    return all(q.start >= incident.end and re.search(r",\s*$", sm.text[incident.end:q.start])
               for q in sm.quantities)


def _sites(sm: SentenceMentions, framing) -> list[Mention]:
    """The places a sentence names as where its own happening was: not a party blamed for it or
    carrying it out ("ketika Israel menggempur Beirut", "serangan Israel di Jalur Gaza"), and, when
    some place is named after a location word ("ke Lebanon", "in Beirut"), not a state named only
    as an actor."""
    kept = [p for p in sm.places if not _accused(sm, p) and not _attacker(sm, p, framing)]
    if framing is None:
        return kept
    located = [p for p in kept if any(len(sm.text[e:p.start].split()) <= 1
                                      for _, e, _, _ in framing.location_cues.find(sm.text[:p.start]))]
    if located:
        kept = [p for p in kept if p in located or not any(a.start == p.start and a.end == p.end for a in sm.actors)]
    return kept


def _attacker(sm: SentenceMentions, place: Mention, framing) -> bool:
    """Whether a state stands right at an attack's word as the one carrying it out: its subject
    ("Israel menggempur Beirut", "Russia attacked Kyiv") or its possessor ("serangan Israel",
    "Israel's strikes")."""
    kinds = getattr(framing, "attacker_types", ())
    if not kinds or not any(a.start == place.start and a.end == place.end for a in sm.actors):
        return False
    return any(i.value in kinds and (sm.text[place.end:i.start].strip() in ("", "'s", "’s")
                                     or not sm.text[i.end:place.start].strip())
               for i in sm.incidents)


def _accused(sm: SentenceMentions, place: Mention) -> bool:
    """Whether a place is a party the sentence accuses ("has blamed Israel for Tuesday's attack, in
    which 12 were killed in Beirut", "menuding Israel sebagai dalang"): who is blamed, not where."""
    return any(a.start == place.start and a.end == place.end for a in sm.actors) \
        and any(getattr(c.value, "role", None) == "accuse" and c.end <= place.start
                and not sm.text[c.end:place.start].strip() for c in sm.stances)


def other_happenings(sm: SentenceMentions, event: EventRef, places, published: date | None,
                     framing) -> list[tuple[EventRef, Mention]]:
    """Another happening the sentence dates beside this one ("floods caused by Storm Daniel,
    which reached Libya on Sunday"), with its day: placed where the words between its noun and
    its day say, else in this happening's country."""
    out = []
    for i in sm.incidents:
        if i.value in (event.type, GENERIC):
            continue
        dated = incident_dates(sm, {i.value}, published, framing)
        if not dated:
            continue
        d = dated[0]
        lo, hi = (i.end, d.start) if d.start >= i.end else (d.end, i.start)
        named = [p for p in sm.places if lo <= p.start and p.end <= hi]
        # (a site no table knows, "the town of Brumadinho", lies in no country: this happening's)
        country = places.country(named[0].value) if named and not unplaced_site(named[0]) else event.country
        out.append((EventRef(i.value, country, named[0].value if named else None, d.value.day), d))
    return out


def campaign_since(sm: SentenceMentions, incidents, before: date | None, framing=None) -> str | None:
    """The background type whose count a sentence gives when it counts since a day long before
    `before` (the main incident's day, else publication): "30,035 Palestinians had been killed
    in Gaza since Oct. 7" in a report of one day's shooting is the war's toll."""
    if before is None or incidents is None or not incidents.campaigns_since:
        return None
    for d in sm.dates:
        value = d.value
        opened = framing is not None and value.grain in ("day", "month") and opens_count(framing, sm.text, d)
        if not opened and (value.grain not in ("open", "span") or value.last is None or value.last < before):
            continue  # only a run of days up to now: "since Oct. 7", "sejak 7 Oktober (hingga kini)"
        if value.grain == "open" and value.day == date.min:
            continue  # "missing since a ferry sank more than two weeks ago": a bound on a day, no count's start
        if since_when(sm, d, framing):
            continue  # "the deadliest since 1995, when two trains collided": a record's year, no count
        if framing is not None and sm.quantities and not _counted_in_clause(sm, d, framing):
            continue  # "..., the latest of a wave of boats to arrive since mid-November": a series, no count
        for kind, days in incidents.campaigns_since:
            if (before - value.day).days > days:
                return kind
    return None


def _counted_in_clause(sm: SentenceMentions, d: Mention, framing) -> bool:
    """Whether a figure stands in the clause of a "since" date: a running count is told with its
    start ("the toll since Oct. 7 rose to 30,035"); an appositive after a boat's count and its
    speaker tag ("the latest of a wave of vessels to reach the province since mid-November") places the
    happening in a series and starts no count."""
    start, end = clause_of(framing, sm.text, d.start)
    return any(start <= q.start and q.end <= end for q in sm.quantities)


# a whole period a figure is told of ("tahun lalu", "in 2021", "last month"): not a day, a span
# running up to now, nor an open side ("since 2018")
_PAST_GRAINS = ("month", "quarter", "half", "year", "decade", "part")


def since_when(sm: SentenceMentions, d: Mention, framing) -> bool:
    """A "since" date a when-clause goes on to tell of ("the deadliest since 1995, when two trains
    collided ..., killing 358", "since April 2015 when about 800 died", "terburuk sejak 1995, ketika
    ..."): the year (month, day) of an earlier happening
    the news is measured against, not the start of a running count."""
    link = getattr(framing, "when_link", None)
    since = d.value.grain == "open" or any(
        s.start <= d.start and d.end <= s.end and getattr(s.value, "since", None) is not None for s in sm.durations)
    if link is None or not since:
        return False
    comma = re.match(r"\s*,?", sm.text[d.end:])
    return link.match(sm.text, d.end + comma.end()) is not None


def refers_back(sm: SentenceMentions, framing) -> bool:
    """Whether the sentence names a happening only with a word pointing back to the one told
    before ("kecelakaan tersebut", "that disaster"; framing `happening_anaphora`)."""
    anaphora = getattr(framing, "happening_anaphora", None)
    if anaphora is None:
        return False
    # a typed noun points back as well as a generic one ("26 orang tewas dalam serangan tersebut"
    # after "serangan di Pahalgam pada 22 April"), so long as every incident named points back
    def back(m) -> bool:
        return anaphora.search(sm.text[:m.start]) is not None or anaphora.match(sm.text[m.end:]) is not None
    return bool(sm.incidents) and all(back(m) for m in sm.incidents)


def stretch(sm: SentenceMentions, mention: Mention, framing) -> tuple[int, int]:
    """A mention's own stretch of the sentence: its clause, narrowed to the commas around it."""
    text = sm.text
    start, end = clause_of(framing, text, mention.start)
    comma = text.find(",", mention.end, end)
    return max(start, text.rfind(",", 0, mention.start) + 1), (comma if comma >= 0 else end)


def stretch_dates(sm: SentenceMentions, figure: Mention, framing) -> list[Mention]:
    """The dates in the figure's own stretch of the sentence ("537 deaths so far this year, Tedros
    said, more than the 14,626 recorded in 2023")."""
    start, end = stretch(sm, figure, framing)
    return [d for d in sm.dates if start <= d.start and d.end <= end]


def period_of_its_own(sm: SentenceMentions, period: Mention | None, framing) -> bool:
    """Whether a past period dates only a figure in its own stretch ("17,541 cases since January,
    a 160% rise from the same period last year"), not the sentence's other figures."""
    if period is None or not any(d is period for d in sm.dates):
        return False
    start, end = stretch(sm, period, framing)
    return any(start <= q.start and q.end <= end for q in sm.quantities)


def past_period(sm: SentenceMentions, before: date | None, framing=None,
                incident_day: date | None = None) -> Mention | None:
    """A whole period the sentence names that ended before `before` (the main incident's day,
    else publication): "Tahun lalu, banjir di Garut menewaskan 30 orang", "In 2021, 25 people
    died in floods there". Its figures count an earlier happening of that period, never the one
    the article reports. A period "sejak" or "since" opens is a bound, not such a period."""
    if before is None:
        return None
    # a "since" span naming a happening before its year ("terburuk sejak gempa Agadir pada 1960, yang
    # menewaskan ...") recalls that happening: its year is that happening's, not a count's start
    since = [(d.start, d.end) for d in sm.durations if getattr(d.value, "since", None) is not None
             and not any(d.start < i.start and i.end <= d.end for i in sm.incidents)]
    for d in sorted(sm.dates, key=lambda d: d.start):
        if framing is not None and since_when(sm, d, framing) and d.value.day < before:
            # "since 1995, when two trains collided ..., killing 358": that year's happening
            start, grain = d.value.day, d.value.grain
            if grain == "open":  # "since 1995" runs from its first day: the year, the month, else that day
                grain = "year" if (start.month, start.day) == (1, 1) else "month" if start.day == 1 else "day"
            return replace(d, value=DateValue(start, grain))
        value = d.value
        if value.grain not in _PAST_GRAINS or value.end >= before:
            continue
        if any(s < d.end and d.start < e for s, e in since):
            continue
        if framing is not None and opens_count(framing, sm.text, d, phrase=True) \
                and not any(i.start >= d.end and words(sm.text, d.end, i.start) <= 2
                            or i.end <= d.start and words(sm.text, i.end, d.start) <= 1
                            or d.start <= i.start and i.end <= d.end for i in sm.incidents):
            # "killed 165 since it was declared in mid-August", "sejak wabah itu diumumkan pada pertengahan
            # Agustus": the day a since clause's happening came is where the count runs from, no earlier
            # happening's period (one naming a happening, "since the 2016 flash flood", "sejak kebakaran hutan
            # pada 2015", still recalls it)
            continue
        published_in = getattr(framing, "publication_cues", None)
        if published_in is not None and published_in.find(words_before(sm.text, d.start, 3)):
            continue  # "a study published in May estimated 4,645 deaths": when the study came out
        if framing is not None and in_relative_clause(sm, d, framing) \
                and not any(i.end <= d.start for i in sm.incidents):
            continue  # "Kapal yang dibangun pada 2008 itu mengangkut 22 orang": when the ship was built, no happening's
        return d
    if incident_day is not None and framing is not None:
        # "dua pekan setelah serangan di Pahalgam pada 22 April", "the April 22 attack in Pahalgam in
        # which 26 people were killed": a day weeks before the reported incident's, dating a
        # happening the sentence names, is an earlier one's (not a war's start: "since the war began")
        types = {m.value for m in sm.incidents} - set(framing.undated_events)
        for d in incident_dates(sm, types, before, framing) if types else []:
            if d.value.day <= incident_day - timedelta(days=framing.earlier_happening_days) \
                    and not any(s < d.end and d.start < e for s, e in since):
                return d
    return None
