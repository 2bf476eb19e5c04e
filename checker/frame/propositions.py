"""What a stance is about: a `Proposition` built from the predicate lexicon.

The topics table (rules/<lang>/topics.yaml) finds the lexicon's words in a sentence: predicates
("deployment", "fighting", "made", "locked", "behind") and themes ("troops", "tear gas",
"pagers"). The stances rules say how they combine (`predicates`, `themes`): the predicate a
stance governs is the highest-ranked one in its scope; a light predicate ("involvement",
"link", "the use of") takes its content from what it governs (an incident, a theme: "the use
of North Korean troops" is their deployment); a theme alone stands for its default predicate.
Then:
- the agent is the one accused ("blamed Israel"), the theme where things are the subject
  ("the doors were locked"), the owner of the predicate's noun ("pengerahan pasukan Korea
  Utara"), the actor doing it ("said BAC had made them"), the agent of a passive ("dibuat oleh
  BAC"), the holder itself ("his country", "any link", "had nothing to do with"), else what the
  article was about so far;
- the place is the one the sentence puts it in, else where the article put that predicate
  before (or the incident it names: "pinned the blasts on Israel" is where the blasts were),
  else the country the article names most as where things are (not the agent's own: troops
  are sent abroad), else its main incident's, else the holder's own country; where a thing was
  made is no part of what "BAC made the pagers" is;
- negations between the cue and the predicate ("confirmed that no Indonesians were among the
  victims", "the devices were never in Hungary") and negating predicates ("excessive" of
  "justified") turn a confirmation into a denial.

A stance about a figure ("rejected the claim that the floods killed 11,300", "killed 125, not
174", "never provided the higher death toll") is about the fact the figure counts:
`<subject>.<measure>.figure`, the disputed value in the claim's value. Figures others give for
that fact in the same article, when they fit the disputed value, are their confirmations of it.

A speaker who asserts a predicate without a stance verb ("Gold Apollo said BAC had made and sold
them", "gas air mata bukan penyebab tewasnya korban, kata Dedi") takes a stance too, when the
sentence itself says who does it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from checker.frame.places import attacker, attackers, did_happening, place_after, place_in
from checker.frame.syntax import clause_of, owner_of
from checker.model import Claim, EventRef, Interval, Mention, Proposition
from checker.recognise import SentenceMentions, overlaps
from checker.recognise.stances import is_passive, StanceCue

_WORD = re.compile(r"[\w'’-]+")


@dataclass
class Topic:
    """What earlier sentences of the article were about."""

    subject: str | None = None  # the last actor a figure or proposition was about
    last: Proposition | None = None  # the last proposition read
    last_value: Interval | None = None  # the figure of the last proposition, if about one
    # the last proposition an accusing cue read ("menuding perusahaan lalai"): what "the accusation"
    # denied later points back to, though a quote on something else came between
    accused: Proposition | None = None
    sentences: tuple = ()  # the article's recognised sentences, for the countries it names
    countries: dict = field(default_factory=dict)  # country -> times the article names it
    counted: bool = False
    owners: dict = field(default_factory=dict)  # theme -> whose it was when last named ("the troops")
    names: dict = field(default_factory=dict)  # agents named by no table ("BAC Consulting KFT")
    places: dict = field(default_factory=dict)  # predicate -> where the article first put it
    incidents: list = field(default_factory=list)  # (incident type, place) as the article names them
    news_day: object = None  # the latest day the article has named so far
    disputed: list = field(default_factory=list)  # (Proposition, Interval, body) denied figures
    confirmed: set = field(default_factory=set)  # quantity claims already read as a confirmation


@dataclass(frozen=True)
class Reading:
    """A proposition read from a sentence, and what the reading says about polarity."""

    proposition: Proposition
    negated: bool = False  # the predicate is negated: a confirmation of it is a denial
    value: Interval | None = None  # the disputed figure
    words: Mention | None = None  # the predicate's or figure's words, for the claim's marks


@dataclass(frozen=True)
class Chosen:
    predicate: str
    mention: Mention | None  # the words the predicate was read from
    theme: Mention | None
    negates: bool  # the words negate the predicate ("excessive": not justified)
    light: bool  # only a light predicate was there ("any link"): its content came from context
    governed: bool = False  # a light predicate governs it ("any link to the operation")


# --- article context ----------------------------------------------------------------------

def note_context(sm: SentenceMentions, rules, topic: Topic, published=None) -> None:
    """What the article establishes as it goes: its latest day, where its incidents happen,
    and whose each theme was when it was last named ("North Korean troops" ... "these
    troops")."""
    places, actors, lex = rules["places"], rules["actors"], rules["stances"]
    days = [d.value.day for d in sm.dates if d.value.grain == "day" and (published is None or d.value.day <= published)]
    if days and (topic.news_day is None or max(days) > topic.news_day):
        topic.news_day = max(days)
    located = where_places(sm, rules)
    for incident in sm.incidents:
        # a place someone heads for further on ("the gunmen were caught fleeing towards Ukraine")
        # is where they went, not where the happening was; "an attack to Ukraine" right after it is
        near = sorted((p for p in located if not _headed_for(rules["framing"], sm.text, incident, p)),
                      key=lambda p: abs(p.start - incident.start))
        if near:
            topic.incidents.append((incident.value, near[0].value))
    speaking = [a for a in sm.actors if actors.role(a.value) != "conduit"]
    for theme in sm.topics:
        if theme.value in lex.themes:
            owner = owner_of(rules["framing"], sm, theme, speaking)
            if owner is not None:
                topic.owners[theme.value] = actors.government(owner.value)
    # "North Korea has sent thousands of troops to Kursk": whose the troops are, in the
    # article's own narration (a sentence that reports nobody's words or stance)
    chosen = None if sm.stances or sm.attribution else choose(sm, rules, 0, len(sm.text), topic, None)
    if chosen is not None and chosen.theme is not None and chosen.mention is not None and not chosen.light:
        agent, words = agent_of(sm, rules, chosen, None, None, "", 0, None, {}, {})
        if words is not None and words.rule != "name" and agent != chosen.theme.value:
            topic.owners.setdefault(chosen.theme.value, agent)


def _headed_for(framing, text: str, incident: Mention, place: Mention) -> bool:
    """Whether a place after the incident's noun is where someone goes ("fled towards Ukraine",
    "melarikan diri ke arah Ukraina"): a destination word right before it, other words between."""
    destination = getattr(framing, "destination", None)
    if destination is None or place.start < incident.end:
        return False
    cue = destination.search(text, max(incident.end, place.start - 20), place.start)
    return cue is not None and bool(text[incident.end:cue.start()].strip(" ,"))


def where_places(sm: SentenceMentions, rules) -> list[Mention]:
    """Places named as where things are: a place that also names an actor counts only after a
    place preposition ("ke Rusia", "in Russia"; not "Korea Utara mengirim", "pasukan Korea Utara")."""
    framing, lex = rules["framing"], rules["stances"]
    return [p for p in real_places(sm, lex)
            if not any(overlaps(p, a) for a in sm.actors) or not attacker(framing, sm, p) and (
                framing.place_preposition.search(sm.text[:p.start]) or lex.place_preposition.search(sm.text[:p.start]))]


def real_places(sm: SentenceMentions, lex) -> list[Mention]:
    """Places that are places: "the Ukraine war" and "perang Ukraina" name a war."""
    out = []
    for p in sm.places:
        after = [m for m in lex.not_a_place_before.find(sm.text) if m[0] >= p.end and not sm.text[p.end:m[0]].strip()]
        before = [m for m in lex.not_a_place_after.find(sm.text) if m[1] <= p.start and not sm.text[m[1]:p.start].strip()]
        if not after and not before:
            out.append(p)
    return out


def _count_countries(rules, topic: Topic) -> None:
    """The countries the whole article names as where things are, once, when first needed."""
    places = rules["places"]
    topic.counted = True
    for sm in topic.sentences:  # recognised once already: no recogniser runs again here
        for p in where_places(sm, rules):
            country = places.country(p.value)
            topic.countries[country] = topic.countries.get(country, 0) + 1


def context_place(rules, topic: Topic, main: EventRef | None, exclude: str | None = None) -> str | None:
    """The country the article is about: the one it names most as where things are (not the
    agent's own: troops are sent abroad, attacks strike others), else its main incident's."""
    if not topic.counted:
        _count_countries(rules, topic)
    counts = {c: n for c, n in topic.countries.items() if c != exclude}
    if counts:
        return max(counts.items(), key=lambda kv: kv[1])[0]
    if main is not None and main.country not in ("unknown", exclude):
        return main.place or main.country
    return None


# --- the predicate ------------------------------------------------------------------------

def _theme_fits(lex, predicate: str, theme: str) -> bool:
    spec = lex.predicates.get(predicate)
    return spec is None or not spec.themes or theme in spec.themes


def choose(sm: SentenceMentions, rules, start: int, end: int, topic: Topic,
           main: EventRef | None, used=()) -> Chosen | None:
    """The predicate of the lexicon a stance in [start, end) is about."""
    lex, priority = rules["stances"], rules["topics"].priority
    themes_all = [t for t in sm.topics if t.value in lex.themes and not any(overlaps(t, u) for u in used)]

    def theme_near(mention: Mention | None, predicate: str) -> Mention | None:
        fits = [t for t in themes_all if _theme_fits(lex, predicate, t.value)]
        spec = lex.predicates.get(predicate)
        if mention is not None and (spec is None or not spec.themes):
            # a predicate that takes any theme takes one next to it, in its clause
            fits = [t for t in fits if _close(sm, rules, mention, t, 5)]
        if not fits:
            return None
        anchor = mention.start if mention is not None else start
        return min(fits, key=lambda t: (abs(t.start - anchor), t.start))

    found = [t for t in sm.topics if start <= t.start < end and t.value in lex.predicates
             and not any(overlaps(t, u) for u in used)
             and (not toll_verb(sm, rules, t) or _done_by(sm, rules, t, themes_all))]
    usable = []
    for t in found:
        spec = lex.predicates[t.value]
        if spec.requires_theme and theme_near(t, t.value) is None:
            continue
        usable.append(t)
    def rank(predicate: str, mention: Mention) -> tuple:
        return (priority.index(predicate) if predicate in priority else len(priority), mention.start)

    candidates = []
    for t in usable:
        spec = lex.predicates[t.value]
        if spec.light:
            # a light predicate right before its theme: "keterlibatan pasukan Korea Utara dalam
            # invasi" is the troops' deployment, whatever else the phrase names
            governed = [u for u in themes_all if u.start >= t.end and _governs(sm, t, u)]
            if governed:
                mapped = lex.themes[governed[0].value].predicate_for(t.value)
                if mapped != t.value:
                    candidates.append((rank(mapped, t), Chosen(mapped, t, governed[0], False, False, True)))
            continue
        predicate, negates = (spec.negates, True) if spec.negates else (spec.means or t.value, False)
        light_before = any(lex.predicates[u.value].light and u.start < t.start for u in usable)
        theme = theme_near(t, predicate)
        if theme is not None:
            predicate = lex.themes[theme.value].predicate_for(predicate)
        candidates.append((rank(t.value, t), Chosen(predicate, t, theme, negates, False, light_before)))
    if len(candidates) > 1 and lex.cause_links is not None:
        # "membantah kebocoran data akibat serangan": the attack is the leak's cause, given
        links = [s for s, _, _, _ in lex.cause_links.find(sm.text[start:end])]
        firsts = [c for c in candidates if c[1].mention is None
                  or not any(start + s < c[1].mention.start for s in links)]
        if firsts and any(c[1].mention is not None and c[1].mention.start < start + s
                          for c in firsts for s in links):
            candidates = firsts
    if candidates:
        return min(candidates, key=lambda c: c[0])[1]
    light = [t for t in usable if lex.predicates[t.value].light]
    anchor = light[0] if light else None
    after = anchor.end if anchor is not None else start
    # what a light predicate governs, or what the scope names: an incident, a theme
    incidents = [i for i in sm.incidents if after <= i.start < end]
    for incident in sorted(incidents, key=lambda i: i.start):
        kind = incident.value if incident.value in lex.incident_predicates else (main.type if main else None)
        if kind in lex.incident_predicates:
            return Chosen(lex.incident_predicates[kind], anchor or incident, None, False, False, anchor is not None)
    themes = [t for t in themes_all if start <= t.start < end]
    if anchor is not None:
        # what a light predicate governs comes after it ("the use of troops"), or owns it
        # right before ("the troops' involvement")
        themes = [t for t in themes if t.start >= anchor.end or _close(sm, rules, t, anchor, 3)]
    for theme in sorted(themes, key=lambda t: (abs(t.start - after), t.start)):
        spec = lex.themes[theme.value]
        if anchor is not None:
            mapped = spec.predicate_for(anchor.value)
            if mapped != anchor.value:
                return Chosen(mapped, anchor, theme, False, False, True)
        if spec.default:
            return Chosen(spec.default, anchor or theme, theme, False, False, anchor is not None)
    if anchor is not None:
        if topic.last is not None and not topic.last.figure:
            return Chosen(topic.last.predicate, anchor, None, False, True)
        if main is not None and main.type in lex.incident_predicates:
            return Chosen(lex.incident_predicates[main.type], anchor, None, False, True)
    return None


def _governs(sm: SentenceMentions, light: Mention, theme: Mention) -> bool:
    """A light predicate's complement is the theme right after it: "the use of North Korean
    troops", "keterlibatan pasukan"; not "di balik serangan roket" (the rockets are the attack's)."""
    if any(light.end <= t.start and t.end <= theme.start for t in sm.topics):
        return False
    between = sm.text[light.end:theme.start]
    for a in sm.actors:
        if light.end <= a.start and a.end <= theme.start:
            between = between.replace(sm.text[a.start:a.end], " ")
    return len(_WORD.findall(between)) <= 2


def toll_verb(sm: SentenceMentions, rules, words: Mention) -> bool:
    """A measure word next to a figure ("killed at least 20 people", "menewaskan 9 orang") or
    after a figure's noun ("jumlah korban meninggal"): the wording of a figure, which the
    figure's claim says, not a proposition."""
    inside = [m for m in sm.measures if m.start <= words.start and words.end <= m.end]
    if not inside:
        return False
    lex = rules["stances"]
    if any(s <= inside[0].start and inside[0].start - e <= 2 for s, e, _, _ in lex.figure_nouns.find(sm.text)):
        return True  # "jumlah korban meninggal": the toll's noun
    for q in sm.quantities:
        if q.kind != "quantity":
            continue
        gap = sm.text[words.end:q.start] if q.start >= words.end else sm.text[q.end:words.start]
        if len(_WORD.findall(gap)) <= 6 and not re.search(r"[.;:]", gap):
            return True
    return False


def _done_by(sm: SentenceMentions, rules, words: Mention, themes: list[Mention]) -> bool:
    """A toll's verb with a doer right before it ("its soldiers killed 3 hostages", "Israeli troops
    of killing 112 people"): an act a stance can be about, besides the toll it words."""
    place_preposition = rules["framing"].place_preposition
    return any(m.end <= words.start and _close(sm, rules, m, words, 1)
               # (a place something happened in does nothing: "Floods in Libya killed 300")
               and not place_preposition.search(sm.text, max(0, m.start - 40), m.start)
               for m in (*sm.actors, *(t for t in themes if rules["stances"].themes[t.value].acts_for_owner)))


def _close(sm: SentenceMentions, rules, a: Mention, b: Mention, words: int) -> bool:
    """Two mentions in one clause with at most `words` words between them."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    framing = rules["framing"]
    if clause_of(framing, sm.text, first.start) != clause_of(framing, sm.text, second.start):
        return False
    return len(_WORD.findall(sm.text[first.end:second.start])) <= words


# --- negation -----------------------------------------------------------------------------

def negated(sm: SentenceMentions, lex, start: int, words: Mention) -> bool:
    """A negation in the few words before the predicate, after `start` (the cue's end, or the
    clause's start): "had not been involved", "bukan penyebab", "tidak pernah berada di"."""
    text = sm.text
    for s, e, _, form in lex.negations.find(text[:words.start]):
        if s < start:
            continue
        between = _WORD.findall(text[e:words.start])
        if len(between) > lex.negation_window or re.search(r"[:;]", text[e:words.start]):
            continue  # "tidak berubah: gas air mata adalah pemicu": another clause
        if between and between[0].casefold() in lex.not_negating_after:
            continue  # "not only", "tidak hanya"
        return True
    return False


# --- the agent ----------------------------------------------------------------------------

def _actors_except(sm: SentenceMentions, actors, skip: list[Mention], lex=None, framing=None) -> list[Mention]:
    """The actors that may do what a predicate says: no conduits, nothing skipped, and no
    country that only names a war ("the Ukraine war", "perang Ukraina"); a country that names
    who did an act ("serangan Turki": an attack, a predicate of its own) does it."""
    wars = set()
    if lex is not None:
        acts = frozenset(lex.incident_predicates)
        for p in sm.places:
            if p not in real_places(replace(sm, places=[p]), lex) \
                    and not (framing is not None and did_happening(framing, sm, p, acts)):
                wars.add((p.start, p.end))
    skip = [s for s in skip if s is not None]
    body = getattr(actors, "body", actors.government)

    def beside(a: Mention, s: Mention) -> bool:  # "Kepala BSSN Hinsa Siburian": one speaker's title and name
        gap = sm.text[a.end:s.start] if a.end <= s.start else sm.text[s.end:a.start]
        return body(a.value) == body(s.value) and len(_WORD.findall(gap)) <= 1
    return [a for a in sm.actors if actors.role(a.value) != "conduit" and (a.start, a.end) not in wars
            and not any(overlaps(a, s) or beside(a, s) for s in skip)]


def agent_of(sm: SentenceMentions, rules, chosen: Chosen, cue: Mention | None, holder: Mention | None,
             holder_government: str, lo: int, topic: Topic | None,
             owners: dict | None = None, names: dict | None = None) -> tuple[str | None, Mention | None]:
    """Who does what the predicate says, and the words naming them. `topic` None: only what the
    sentence itself says (assertions), and whose its theme was when last named ("the troops")."""
    actors, framing, lex = rules["actors"], rules["framing"], rules["stances"]
    text = sm.text
    words, theme = chosen.mention, chosen.theme
    others = _actors_except(sm, actors, [holder], lex, framing)
    spec = lex.predicates.get(chosen.predicate)
    role = cue.value.role if cue is not None and isinstance(cue.value, StanceCue) else "report"
    clause_start, clause_end = clause_of(framing, text, cue.start if cue is not None else lo)
    names = names if names is not None else (topic.names if topic is not None else {})
    if role == "accuse":
        # the accused is in the cue ("holds Israel responsible") or its object ("blamed Israel")
        accused = sorted((a for a in others if cue.start <= a.start < clause_end
                          and len(_WORD.findall(text[cue.end:a.start])) <= 2), key=lambda a: a.start)
        if not accused:
            # "blamed a rocket misfired by Islamic Jihad": the agent of what is blamed
            for _, e, _, _ in lex_agent_markers(rules, text, cue.end):
                accused = [a for a in others if a.start >= e and not text[e:a.start].strip()][:1]
                if accused:
                    break
        if not accused and lex.enemy is not None and lex.enemy.match(text, cue.end):
            # "laid the blame on \"the enemy\", the term the group uses for Israel"
            accused = sorted((a for a in others if a.start >= cue.end
                              and actors.government(a.value) != holder_government), key=lambda a: a.start)[:1]
        if not accused:
            named = named_at(sm, rules, cue.end, names)  # "pinned the AR-924 on BAC Consulting"
            if named is not None:
                return named.value, named
            # "hit back at Israel, which it accused of ...": the one just before, never one accusing
            # with the holder ("Kubu Anies dan Ganjar menuding ...")
            beside = co_holders(sm, holder, cue, rules) if holder is not None else []
            accused = sorted((a for a in others if clause_start <= a.start and a.end <= cue.start
                              and (holder is None or a.start > holder.end) and a not in beside),
                             key=lambda a: -a.start)
        if accused:
            return actors.government(accused[0].value), accused[0]
    if spec is not None and spec.agent == "theme" and theme is not None and not lex.themes[theme.value].acts_for_owner:
        return theme.value, None  # "tear gas caused the deaths"; soldiers act for their owner
    with_others = replace(sm, actors=others)
    for noun in (theme, words):
        if noun is None or (noun is words and lex.verbal.search(words.text)):
            continue  # a verb owns nothing: "supplying Russia with drones" is no Russian supply
        owner = owner_of(framing, with_others, noun, others)
        if owner is not None:
            return actors.government(owner.value), owner
    if spec is not None and spec.agent == "holder" and role != "accuse":
        # the holder's own ("denied any negligence", "membantah data bocor dari sistemnya"),
        # unless a named actor follows an agent marker ("negligence by the organisers")
        if spec.owner_before and words is not None:
            # "menyatakan sirup produksi PT Afi Farma tercemar": the maker named just before it
            floor = cue.end if cue is not None and cue.end <= words.start else clause_start
            named = [a for a in others if floor <= a.start and a.end <= words.start
                     and (len(_WORD.findall(text[a.end:words.start])) <= 3
                          # or the clause's subject, doing it: "the firm bought cheap fuel and blended it"
                          or (len(_WORD.findall(text[a.end:words.start])) <= 12
                              and not re.search(r"[,;:()\"“”]", text[a.end:words.start])
                              and not any(a.end <= b.start and b.end <= words.start for b in sm.actors)))]
            if named:
                nearest = max(named, key=lambda a: a.end)
                return actors.government(nearest.value), nearest
            # a name no table knows, if a company's ("PT Afi Farma") or one the article named before:
            # a headline's capitalised "Sirupnya Tercemar" names no maker
            known = set(names.values())
            maker = named_before(sm, rules, words.start, floor, dict(names))
            if maker is not None and (maker.value in known or any(
                    w.strip(".,").casefold() in lex.name_affixes for w in maker.text.split())):
                names.setdefault(maker.value, maker.value)
                return maker.value, maker
        for s, e, _, _ in lex_agent_markers(rules, text, words.end) if words is not None else ():
            after = sorted((a for a in others if a.start >= e and a.start - e <= 3), key=lambda a: a.start)
            if after:
                return actors.government(after[0].value), after[0]
        return holder_government, None
    if words is not None:
        p_clause_start, _ = clause_of(framing, text, words.start)
        floor = max(lo, p_clause_start)
        for s, e, _, _ in lex_agent_markers(rules, text, words.end):
            # a passive's agent: "dibuat dan dijual oleh BAC Consulting KFT", "made by Icom"
            after = sorted((a for a in others if a.start >= e and a.start - e <= 3), key=lambda a: a.start)
            if after:
                return actors.government(after[0].value), after[0]
            named = named_at(sm, rules, e, names)
            if named is not None:
                return named.value, named
        before = [a for a in others if floor <= a.start and a.end <= words.start
                  and len(_WORD.findall(text[a.end:words.start])) <= 8
                  # (not where it happened: "the mine collapse in Peru was caused by negligence")
                  and not (spec is not None and spec.agent == "anyone"
                           and framing.place_preposition.search(text, max(0, a.start - 40), a.start))]
        suffered = passive_form(lex, text, words)
        if suffered:
            before = []  # "PDN diserang ransomware", "the hospital was attacked": the one attacked
        if before:
            nearest = max(before, key=lambda a: a.end)
            return actors.government(nearest.value), nearest
        named = None if suffered else \
            named_before(sm, rules, words.start, max(floor, holder.end if holder is not None else 0), names)
        if named is not None:  # "saying BAC had made and sold them"
            return named.value, named
        between = [w.casefold() for w in _WORD.findall(text[cue.end:words.start])] \
            if cue is not None and 0 <= words.start - cue.end else None
        if cue is not None and role != "accuse" and between is not None and (
                lex.verbal.search(words.text) and all(w in lex.auxiliaries for w in between)
                or any(w in lex.support_verbs for w in between)
                and all(w in lex.auxiliaries or w in lex.support_verbs for w in between)):
            # "denied sending troops", "membantah (telah) mengirim senjata", "denied having fired",
            # "denied carrying out airstrikes", "membantah telah melancarkan serangan udara"
            return holder_government, None
        # "his country played any role", "dikirim dari perusahaannya": the holder itself; never
        # the one accusing ("accused the firm of negligence, saying it had ignored warnings")
        reflexive = [] if role == "accuse" else [m for m in lex.reflexives.find(text)
                     if floor <= m[0] < words.start or 0 <= m[0] - words.end and len(_WORD.findall(text[words.end:m[0]])) <= 2]
        if reflexive:
            return holder_government, None
    if role != "accuse" and (role == "self" or chosen.light or chosen.governed and theme is None):
        return holder_government, None  # "rejected any link to the operation": its own part (an
        # accuser's never: "Polisi menetapkan tiga petugas sebagai tersangka kelalaian")
    if topic is not None and topic.last is not None and not topic.last.figure \
            and topic.last.predicate == chosen.predicate and topic.last.agent != topic.last.theme:
        return topic.last.agent, None  # "menepis laporan itu", "these troops": the one before
    owners = owners if owners is not None else (topic.owners if topic is not None else {})
    if theme is not None and theme.value in owners and chosen.predicate in lex.themes[theme.value].own:
        return owners[theme.value], None  # "these troops": the ones named before
    owned = chosen.predicate in {p for t in lex.themes.values() for p in t.own}
    if topic is not None:
        if topic.subject is not None and owned:
            return topic.subject, None  # "mengonfirmasi pengerahan itu": whose troops were counted
        if words is not None:
            _, words_clause_end = clause_of(framing, text, words.start)
            # (not one in a clause after it: "denied any negligence, but the rights commission said")
            later = sorted((a for a in others if words.end < a.start < words_clause_end), key=lambda a: a.start)
            if words is not None and passive_form(lex, text, words):
                # "Kyiv diserang Rusia": the one right after a passive did it; one further on
                # ("... tebusan 8 juta dolar AS") did not
                later = [a for a in later if len(_WORD.findall(text[words.end:a.start])) <= 1]
            # (a place the predicate sends something to does not do it: "Pasok Amunisi ke Ukraina")
            later = [a for a in later if not (framing.place_preposition.search(text, max(0, a.start - 40), a.start)
                                              or lex.place_preposition.search(text, max(0, a.start - 40), a.start))]
            if later:
                return actors.government(later[0].value), later[0]
            if cue is not None and role != "accuse" and not text[cue.end:words.start].strip():
                return holder_government, None  # a headline's root verbs: "Pakistan Bantah Pasok Amunisi"
        if cue is not None and isinstance(cue.value, StanceCue) and cue.value.label in ("non_confirm", "non_denial", "neutral"):
            return holder_government, None  # "gave no response when asked about the explosions"
    if theme is not None and spec is not None and (spec.agent == "theme" or spec.requires_theme):
        return theme.value, None
    return None, None


_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[0-9][\w-]*[A-Z][\w-]*)"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:(?:\s+|['’]s\s+){_NAME_WORD})*(?=[\s,]*$)")


SOMEONE = "someone"  # the agent of a stance's proposition when the sentence names none


def passive_form(lex, text: str, words: Mention) -> bool:
    """Whether a predicate's verb stands in the passive ("diserang", "was attacked"), so the
    actor before it suffered it."""
    return is_passive(lex, words.text.split()[0], text[:words.start])


def _name(sm: SentenceMentions, rules, start: int, end: int, names: dict) -> Mention | None:
    """A name no table knows, as an agent's id: "BAC Consulting KFT" -> bac_consulting; a
    shorter form of a name the article used before is that name ("BAC")."""
    lex = rules["stances"]
    text = sm.text[start:end]
    words = [w for w in text.split() if w.strip(".,").casefold() not in lex.name_affixes]
    if not words or not re.sub(r"[\"“‘'(\[]", "", sm.text[:start]).strip() and len(words) == 1:
        return None  # a capitalised first word is no name, nor one opening a quote ("\"We deny ...")
    # (nor a word of the lexicons: a headline capitalises its verbs, "Iran Akui Kirim Drone ke Rusia")
    taken = sm.places + sm.dates + sm.incidents + sm.actors + sm.topics + sm.stances + sm.measures
    if any(m.start < end and start < m.end for m in taken):
        return None
    ident = re.sub(r"[^a-z0-9]+", "_", " ".join(words).casefold()).strip("_")
    if not ident or not ident[0].isalpha():
        return None
    for known in names.values():
        if known.startswith(ident + "_"):
            ident = known
            break
    names.setdefault(ident, ident)
    return Mention("actor", text, start, end, ident, rule="name")


def unknown_speaker(sm: SentenceMentions, rules) -> bool:
    """A person no table knows speaks in the sentence: a name of two words or more right
    before an attribution cue ("President Isaac Herzog said he ..."). "He" is then that
    person, not whoever spoke last."""
    for cue in sm.attribution:
        name = named_before(sm, rules, cue.start, 0, {})
        if name is not None and len(name.text.split()) >= 2:
            return True
    return False


def named_holder(sm: SentenceMentions, rules, cue: Mention, floor: int, names: dict) -> Mention | None:
    """A name no table knows right before a cue, its subject: "Taiwan's Gold Apollo pinned",
    "Perusahaan asal Taiwan, Gold Apollo, menepis". A lone capitalised word opening the
    sentence is no name."""
    head = sm.text[floor:cue.start]
    trimmed = head.rstrip(" ,")
    return named_before(sm, rules, floor + len(trimmed), floor, names) if trimmed else None


def named_at(sm: SentenceMentions, rules, pos: int, names: dict) -> Mention | None:
    """A name starting right at `pos` (after spaces and a determiner)."""
    m = re.compile(r"\s*(?:the\s+)?").match(sm.text, pos)
    start = m.end() if m else pos
    found = _NAME.match(sm.text, start)
    return _name(sm, rules, found.start(), found.end(), names) if found else None


def named_before(sm: SentenceMentions, rules, pos: int, floor: int, names: dict) -> Mention | None:
    """A name ending right before `pos`, auxiliaries between ("BAC had made", "BAC telah membuat")."""
    lex = rules["stances"]
    end = pos
    while True:
        head = sm.text[floor:end].rstrip()
        last = re.search(r"([\w'’-]+)$", head)
        if last is not None and last.group(1).casefold() in lex.auxiliaries:
            end = floor + last.start(1)
            continue
        end = floor + len(head)
        break
    run = _NAME_RUN.search(sm.text, floor, end)
    if run is None or run.end() != end:
        return None
    start = run.start()
    owner = list(re.finditer(r"['’]s\s+", run.group()))
    if owner:  # "Taiwan's Gold Apollo": the name after the possessor
        start += owner[-1].end()
    roles = rules["framing"].person_roles
    titled = [e for _, e, _, _ in roles.find(sm.text[start:end])] if roles is not None else []
    if titled and sm.text[start + titled[-1]:end].strip():
        start += titled[-1]  # "Jeju Air CEO Kim E-bae": the person after the title
    found = list(_NAME.finditer(sm.text, start, end))
    last = next((m for m in reversed(found) if m.end() == end), None)
    return _name(sm, rules, last.start(), end, names) if last else None


def lex_agent_markers(rules, text: str, pos: int) -> list:
    """Agent markers ("by", "oleh") right after a predicate: "dibuat dan dijual oleh BAC"."""
    window = text[pos:pos + 30]
    return [(pos + s, pos + e, i, f) for s, e, i, f in rules["stances"].agent_markers.find(window)
            if len(_WORD.findall(window[:s])) <= 3]


# --- the place ----------------------------------------------------------------------------

def place_of(sm: SentenceMentions, rules, chosen: Chosen, skip: list[Mention], holder_government: str,
             agent: str, topic: Topic, main: EventRef | None) -> str | None:
    framing, lex, places = rules["framing"], rules["stances"], rules["places"]
    # the agent's own country is no place of what it does ("korban dari kalangan warga negara Indonesia (WNI)")
    scoped = replace(sm, places=[p for p in where_places(sm, rules) if places.country(p.value) != agent])
    spans = [(m.start, m.end) for m in skip if m is not None]
    anchor = chosen.mention.start if chosen.mention is not None else 0
    words = chosen.mention
    if words is not None and any(getattr(lex.predicates.get(p), "object_place", False)
                                 for p in (chosen.predicate, words.value)):
        # "supplying Russia with drones", "memasok Rusia dengan drone": the country it goes to
        going = next((p for p in real_places(sm, lex) if p.start >= words.end
                      and not sm.text[words.end:p.start].strip() and places.country(p.value) != agent), None)
        if going is not None:
            return going.value
    where = place_after(framing, scoped, anchor, spans) or place_in(framing, scoped, spans)
    if where is not None:
        return where
    if agent != holder_government and holder_government in getattr(places, "parents", {}) \
            and places.country(holder_government) == holder_government \
            and any(rules["actors"].government(a.value) == agent for a in attackers(framing, sm)):
        # "Israel says 28 people were killed in Iranian missile attacks": a state telling of another
        # state's strikes, naming no place, tells of strikes on itself
        return holder_government
    if topic.last is not None and topic.last.agent == agent and topic.last.predicate == chosen.predicate:
        return topic.last.place or topic.last.country
    if chosen.mention is not None:
        # "tidak pernah berada di negaranya": the holder's own country
        # (a reflexive where something is, after a place preposition: not "it" of "the blast and that it was")
        after = sm.text[chosen.mention.start:chosen.mention.end + 30]
        if any(framing.place_preposition.search(after[:s]) or lex.place_preposition.search(after[:s])
               for s, _, _, _ in lex.reflexives.find(after)) \
                and places.country(holder_government) == holder_government \
                and holder_government in getattr(places, "parents", {}):
            return holder_government
    if chosen.predicate in topic.places:  # where this predicate was placed before
        return topic.places[chosen.predicate]
    spec = lex.predicates.get(chosen.predicate)
    acts = {chosen.predicate, spec.follows if spec is not None else None}
    incident = [place for kind, place in topic.incidents if lex.incident_predicates.get(kind) in acts]
    if incident:  # "pinned the blasts on Israel": where the blasts last were
        return incident[-1]
    # (the agent's own country is excluded, unless the article's happening is there and is no
    # such act itself: a junta's airstrikes in the country its earthquake struck are at home, not
    # in Bangkok named later; blasts an article places in Israel stay Lebanon's attacks)
    own = places.country(agent) if agent in getattr(places, "parents", {}) else None
    at_home = main is not None and own == main.country and lex.incident_predicates.get(main.type) != chosen.predicate
    context = context_place(rules, topic, main, exclude=None if at_home else own)
    if context is None and holder_government in getattr(places, "parents", {}) and agent != holder_government:
        return holder_government  # "the doors were locked", said the police: their own country
    return context


def build(sm: SentenceMentions, rules, chosen: Chosen, agent: str, agent_words: Mention | None,
          skip: list[Mention], holder_government: str, topic: Topic, main: EventRef | None) -> Proposition:
    spec = rules["stances"].predicates.get(chosen.predicate)
    if spec is not None and not spec.placed:  # "BAC made the pagers": wherever it was
        return Proposition(agent, chosen.predicate, chosen.theme.value if chosen.theme else None)
    where = place_of(sm, rules, chosen, skip + [agent_words], holder_government, agent, topic, main)
    places = rules["places"]
    country = places.country(where) if where else None
    if country == where and where not in places.parents and main is not None \
            and rules["actors"].role(where) != "state":
        # a site no table knows ("the town of Brumadinho"), here or where the predicate was placed
        # before (so no mention to ask unplaced_site): a place that is neither a country nor under one
        country = main.country
    return Proposition(agent, chosen.predicate, chosen.theme.value if chosen.theme else None, where, country)


def remember(topic: Topic, reading: Reading) -> None:
    prop = reading.proposition
    topic.last, topic.last_value = prop, reading.value
    if not prop.figure:
        if prop.agent and prop.theme != prop.agent:
            topic.subject = prop.agent
        if prop.place:
            topic.places.setdefault(prop.predicate, prop.place)


# --- stances with a cue ---------------------------------------------------------------------

def read_cue(sm: SentenceMentions, cue: Mention, holder: Mention, rules, topic: Topic,
             main: EventRef | None, claims: list[Claim]) -> Reading | None:
    """The proposition a stance cue is about, or None when the sentence does not say."""
    actors, framing = rules["actors"], rules["framing"]
    value: StanceCue = cue.value
    government = actors.government(holder.value)
    text = sm.text
    clause_start, clause_end = clause_of(framing, text, cue.start)
    if value.passive:
        spans = [(0, len(text))]
    elif value.role == "accuse":
        spans = [(cue.start, clause_end), (cue.start, len(text))]
    else:
        said_end = _next_speaker_clause(sm, cue)
        spans = [(cue.end, min(clause_end, said_end)), (cue.end, said_end)]
        if len(cue.text.split()) > 3:  # "called reports of North Korean troops in Russia fake news"
            spans.append((cue.start, cue.end))
        if _ends_clause(framing, text, cue.end):
            # a verdict ending the sentence, or its clause, is on what came before it: "kabar korban
            # tewas 500 orang tidak benar", "the figure of 11,300 dead was wrong", "informasi soal
            # sembilan prajurit tewas belum terverifikasi dan meminta ..."
            spans.append((holder.end if holder is not None and holder.end <= cue.start else 0, cue.start))
            if clause_start and holder is not None and holder.start >= clause_start:
                # "..., which Russia denies", "..., a claim the Kremlin rejects": the clause before
                spans.append((0, clause_start))
            elif holder is not None and holder.end <= cue.start and any(c.end <= holder.start for c in sm.attribution):
                # "Polisi Sebut Kapal Kelebihan Muatan, Basarnas Membantah": what another said before
                spans.append((0, holder.start))
    chosen = None
    for start, end in spans:
        chosen = choose(sm, rules, start, end, topic, main)
        if chosen is not None:
            break
    if value.role != "accuse" and (chosen is None or value.role == "contrast"
                                   or value.label in ("deny", "non_confirm", "non_denial", "neutral")):
        # a figure the stance governs before any predicate: "rejected the claim that the
        # floods killed 11,300", "killed 125, not 174"
        scope = spans[-1] if value.label != "confirm" else spans[0]
        figure = read_figure(sm, cue, scope, rules, topic, claims, main)
        # but a figure before a link word is what the link is said of: "membantah kematian ribuan pekerja
        # terkait proyek itu", "denied the deaths of 37 workers were linked to the project" dispute the link
        linked = chosen is not None and chosen.mention is not None and (chosen.light or chosen.governed)
        if figure is not None and (chosen is None or chosen.mention is None or value.role == "contrast"
                                   or (figure.words.start < chosen.mention.start and not linked)):
            return figure
    if chosen is None and accusation_back(sm, rules, cue):
        charged = choose(sm, rules, 0, cue.start, topic, main)
        if charged is not None and charged.mention is not None:
            # "Nine survivors arrested on suspicion of people smuggling denied the charges": the
            # charge the sentence names before the cue, of the holder's own doing
            reading = Reading(build(sm, rules, charged, government, None, [holder, cue], government, topic, main),
                              words=charged.mention)
            remember(topic, reading)
            return reading
    if chosen is None:
        if topic.accused is not None and topic.accused is not topic.last and accusation_back(sm, rules, cue):
            topic.last, topic.last_value = topic.accused, None  # "membantah tudingan tersebut": the accusation
        if topic.last is not None and refers_back(sm, rules, cue):
            if accusation_back(sm, rules, cue) and not topic.last.figure and topic.last.agent != government \
                    and topic.last.agent != SOMEONE:
                # (an accusation naming no one, "menuding terjadi kecurangan", is denied as it was
                # made: that it happened at all)
                # "Islamic Jihad rejected the accusation": of having done what was said before
                reading = Reading(replace(topic.last, agent=government))
                remember(topic, reading)  # "... dan menyebutnya kebohongan": the same accusation
                return reading
            return Reading(topic.last, value=topic.last_value)  # "menepis laporan itu": the last one
        if (value.label in ("non_confirm", "non_denial", "neutral") or value.role == "accuse") and main is not None \
                and main.type in rules["stances"].incident_predicates:
            # "militer Israel memilih tidak berkomentar", "Hezbollah blamed Israel": on the article's incident
            chosen = Chosen(rules["stances"].incident_predicates[main.type], None, None, False, True)
        else:
            return None
    agent, agent_words = agent_of(sm, rules, chosen, cue, holder, government, cue.end, topic)
    spec = rules["stances"].predicates.get(chosen.predicate)
    if agent is None and spec is not None and spec.agent in ("someone", "anyone") and chosen.mention is not None:
        agent = SOMEONE  # "mengakui PDN diserang ransomware": attacked, by whoever
    if spec is not None and spec.agent == "whoever" and chosen.mention is not None:
        agent = SOMEONE  # "confirmed it had alerted police": a warning given, whoever gave it
    if agent is None and spec is not None and spec.agent == "theme" and chosen.theme is None \
            and chosen.mention is not None and main is not None:
        # "denied that a blackout had caused the sinking": the article's vessel's, unnamed
        agent = rules["stances"].incident_themes.get(main.type)
    if agent is None:
        return None
    prop = build(sm, rules, chosen, agent, agent_words, [holder, cue], government, topic, main)
    is_negated = chosen.negates
    if chosen.mention is not None and value.role != "accuse" and chosen.mention.start >= cue.end:
        is_negated ^= negated(sm, rules["stances"], cue.end, chosen.mention)
    reading = Reading(prop, is_negated, words=chosen.mention)
    remember(topic, reading)
    if value.role == "accuse" and not prop.figure:
        topic.accused = prop
    return reading


def _ends_clause(framing, text: str, pos: int) -> bool:
    """Whether nothing but the sentence's end, or a clause opener starting another clause ("dan
    meminta ...", "and urged ..."), follows pos."""
    rest = re.sub(r"^[\s\"”’')]+", "", text[pos:])
    if not re.sub(r"[\s.!?\"”’')]", "", rest):
        return True
    opener = re.match(r",?\s*([\w'’-]+)\s", rest)
    return opener is not None and opener.group(1).casefold() in framing.clause_openers


_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


def _next_speaker_clause(sm: SentenceMentions, cue: Mention) -> int:
    """Where a later clause with a speaker of its own starts ("Junta Bantah Langgar Gencatan
    Senjata, NUG Sebut Korban 3.471", "X denied it, while Y said ..."): a stance's words end
    there; what the other speaker says is not what was denied."""
    text = sm.text
    for a in sorted(sm.attribution, key=lambda m: m.start):
        if a.start <= cue.end:
            continue
        comma = max(text.rfind(",", cue.end, a.start), text.rfind(";", cue.end, a.start))
        if comma >= 0 and (any(comma < m.start and m.end <= a.start for m in sm.actors)
                           or _ACRONYM.search(text, comma, a.start)):  # a body by its acronym ("NUG")
            return comma
    return len(text)


def refers_back(sm: SentenceMentions, rules, cue: Mention) -> bool:
    """A stance on what was said before: nothing after the cue ("Israel has made no comment"),
    an enclitic ("membantahnya"), or an anaphor right after it ("denied the report",
    "membantah pernyataan itu")."""
    lex = rules["stances"]
    _, clause_end = clause_of(rules["framing"], sm.text, cue.start)
    rest = sm.text[cue.end:clause_end]
    if not _WORD.findall(rest) or cue.text.casefold().endswith("nya"):
        return True
    return any(len(_WORD.findall(rest[:s])) <= 1 for s, _, _, _ in lex.anaphors.find(rest)) \
        or _anaphor_before_passive(sm, rules, cue) is not None


def accusation_back(sm: SentenceMentions, rules, cue: Mention) -> bool:
    """An anaphor naming an accusation right after the cue: "denied the accusation",
    "membantah tuduhan tersebut" (what one rejects is what one is accused of)."""
    _, clause_end = clause_of(rules["framing"], sm.text, cue.start)
    rest = sm.text[cue.end:clause_end]
    return any(ident == "accusation" and len(_WORD.findall(rest[:s])) <= 1
               for s, _, ident, _ in rules["stances"].anaphors.find(rest)) \
        or _anaphor_before_passive(sm, rules, cue) == "accusation"


def _anaphor_before_passive(sm: SentenceMentions, rules, cue: Mention) -> str | None:
    """The kind of anaphor a passive cue has for its subject, right before it in its clause:
    "Tudingan itu dibantah anggota DPRD", "The accusation was rejected by the ministry" (what
    is denied is what was said before); None when there is none."""
    if not getattr(cue.value, "passive", False):
        return None
    clause_start, _ = clause_of(rules["framing"], sm.text, cue.start)
    before = sm.text[clause_start:cue.start]
    for _, e, ident, _ in rules["stances"].anaphors.find(before):
        if len(_WORD.findall(before[e:])) <= 2:  # "tudingan itu (langsung) dibantah", "the claim was (flatly) denied"
            return ident
    return None


def polarity(label: str, reading: Reading) -> str:
    """A confirmation of a negated predicate is a denial ("dipastikan tidak menelan korban")."""
    if reading.negated and label == "confirm":
        return "deny"
    return label


# --- stances about a figure -----------------------------------------------------------------

def _claims_of(sm: SentenceMentions, claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "quantity" and c.evidence.start == sm.sentence.start]


def _claim_for(figure: Mention, claims: list[Claim]) -> Claim | None:
    for c in claims:
        if any(m.kind == "figure" and m.start == figure.start and m.end == figure.end for m in c.marks):
            return c
    for c in claims:
        if dict(c.extra).get("figure") == figure.text:
            return c
    return None


def read_figure(sm: SentenceMentions, cue: Mention, scope: tuple[int, int], rules, topic: Topic,
                claims: list[Claim], main: EventRef | None = None) -> Reading | None:
    """A stance about a figure: a toll in the cue's scope, the figure after "not", or a toll
    named without a number ("the higher death toll")."""
    incidents = rules.get("incidents")
    tolls = incidents.measures if incidents is not None else ()
    value: StanceCue = cue.value
    start, end = scope
    if value.role == "contrast":
        start, end = cue.end, len(sm.text)
    here = _claims_of(sm, claims)
    figures = sorted((q for q in sm.quantities if q.kind == "quantity" and start <= q.start < end),
                     key=lambda q: q.start)
    for figure in figures[:1] if value.role == "contrast" else figures:
        claim = _claim_for(figure, here)
        if claim is None and value.role == "contrast":
            # "killed 125, not 174": the fact of the figure before
            before = [c for c in here if c.subject and c.measure]
            claim = before[0] if before else None
            if claim is not None:
                return _figure_reading(claim.subject, claim.measure, figure.value, claim, figure, topic, main, tolls)
        if claim is None:
            earlier = [c for c in claims if c.kind == "quantity" and c.subject and c.measure
                       and fits(c.value, figure.value)]
            # "could not validate the figure of 174", "tidak benar jumlahnya 174 orang": a figure
            # given before in the article
            if earlier and (rules["measures"].find(sm.text[start:end]) or _names_figure(sm, rules, start, end)):
                claim = earlier[-1]
                return _figure_reading(claim.subject, claim.measure, figure.value, claim, figure, topic, main, tolls)
            continue
        if claim.subject and claim.measure and (claim.measure in tolls or value.role == "contrast"):
            return _figure_reading(claim.subject, claim.measure, claim.value, claim, figure, topic, main, tolls)
    if figures or value.label not in ("deny", "non_confirm", "neutral"):
        return None
    # "never provided the UN with the higher death toll", "belum dapat memastikan jumlah korban
    # meninggal": the article's figure for that measure
    lex = rules["stances"]
    named = [m for m in sm.measures if start <= m.start < end and m.value in tolls
             and any(s <= m.start and m.start - e <= 12 or m.start <= s < m.end
                     for s, e, _, _ in lex.figure_nouns.find(sm.text))]
    if not named:
        return None
    same = [c for c in claims if c.kind == "quantity" and c.measure == named[0].value and c.subject
            and c.value is not None]
    if not same:
        return None
    if rules["stances"].higher.find(sm.text[start:end]):
        pick = max(same, key=lambda c: (c.value.high if c.value.high is not None else float("inf"),
                                        c.value.low or 0))
    else:
        pick = same[-1]
    return _figure_reading(pick.subject, pick.measure, pick.value, pick, named[0], topic, main, tolls)


def _names_figure(sm: SentenceMentions, rules, start: int, end: int) -> bool:
    return bool(rules["framing"].figure_anaphora.find(sm.text[start:end]))


def _figure_reading(subject: str, measure: str, value: Interval, claim: Claim, words: Mention,
                    topic: Topic, main: EventRef | None = None, tolls=()) -> Reading:
    if main is not None and claim.event is None and measure in tolls:
        subject = main.id  # "a toll the United Nations had put out": the incident's toll, not the UN's
    prop = Proposition(subject, measure, place=claim.where, figure=True)
    reading = Reading(prop, value=value, words=words)
    remember(topic, reading)
    return reading


def same_figure(a: Interval | None, b: Interval | None) -> bool:
    """Whether a figure given is the one disputed: its stated bounds are the disputed ones
    ("at least 11,300" is 11,300; "at least 3,958" is not)."""
    if a is None or b is None:
        return False

    def near(x, y):
        return x is None or y is None or abs(x - y) <= max(1.0, abs(y) * 0.01)
    if not fits(a, b):
        return False
    return near(a.low, b.low) and near(a.high, b.high) and (a.low is not None or a.high is not None)


def fits(a: Interval | None, b: Interval | None) -> bool:
    """Whether two intervals share a value (open bounds excluded)."""
    if a is None or b is None:
        return False

    def below(x_high, x_open, y_low, y_open):  # x lies wholly below y
        if x_high is None or y_low is None:
            return False
        return x_high < y_low or (x_high == y_low and (x_open or y_open))
    return not below(a.high, a.high_open, b.low, b.low_open) and not below(b.high, b.high_open, a.low, a.low_open)


def confirmations(topic: Topic, claims: list[Claim], actors) -> list[tuple[Claim, Reading]]:
    """Figures given in the article for a disputed fact, by others than the one who disputes
    them, that fit the disputed value: each is its speaker's confirmation of that figure."""
    out = []
    body = getattr(actors, "body", actors.government)
    for claim in claims:
        if claim.kind != "quantity" or claim.id in topic.confirmed or not claim.speaker:
            continue
        for prop, value, disputer in topic.disputed:
            if claim.measure == prop.predicate and (claim.subject == prop.agent or claim.event is not None
                                                    and claim.event.id == prop.agent) \
                    and body(claim.speaker) != disputer and same_figure(claim.value, value):
                topic.confirmed.add(claim.id)
                out.append((claim, Reading(prop, value=claim.value)))
                break
    return out


# --- stances without a cue: what a speaker asserts ------------------------------------------------

def counted(sm: SentenceMentions, theme: Mention | None) -> bool:
    """A figure counts the theme ("10,000 North Korean troops were sent"): the figure's claim
    says it, not a stance."""
    if theme is None:
        return False
    for q in sm.quantities:
        if q.kind == "quantity" and q.end <= theme.start and len(_WORD.findall(sm.text[q.end:theme.start])) <= 3:
            return True
    return False


def unasserted(sm: SentenceMentions, rules, words: Mention) -> bool:
    """Words before a predicate that make it not the speaker's assertion: reports of it, its
    prevention, its possibility ("laporan pasukan ... yang dikirim", "to prevent Pyongyang
    deploying", "could send")."""
    lex, framing = rules["stances"], rules["framing"]
    clause_start, _ = clause_of(framing, sm.text, words.start)
    for s, e, _, _ in lex.unasserted.find(sm.text[:words.start]):
        if s >= clause_start and len(_WORD.findall(sm.text[e:words.start])) <= 12:
            return True
    # a fear or a rumour of it, named right after it ("adulteration fears")
    after = sm.text[words.end:words.end + 40]
    return lex.unasserted_after is not None and any(not after[:s].strip() for s, _, _, _ in lex.unasserted_after.find(after))


def read_assertions(sm: SentenceMentions, who: str, rules, topic: Topic, main: EventRef | None,
                    used: list[Mention]) -> list[Reading]:
    """What the sentence's speaker asserts of the lexicon's predicates, when the sentence says
    who does it."""
    actors, framing, lex = rules["actors"], rules["framing"], rules["stances"]
    government = actors.government(who)
    body = getattr(actors, "body", actors.government)
    speaker_words = [a for a in sm.actors if who in (a.value, body(a.value), actors.government(a.value))]
    holder = speaker_words[0] if speaker_words else None
    out, seen = [], set()
    taken = list(used)
    for _ in range(len(sm.topics)):
        chosen = choose(sm, rules, 0, len(sm.text), topic, main, used=taken)
        if chosen is None or chosen.mention is None or chosen.light or chosen.mention in taken:
            break
        taken.append(chosen.mention)
        if chosen.theme is not None:
            taken.append(chosen.theme)
        spec = lex.predicates.get(chosen.mention.value)
        if spec is None or not spec.asserted or counted(sm, chosen.theme) or unasserted(sm, rules, chosen.mention):
            continue
        clause_start, _ = clause_of(framing, sm.text, chosen.mention.start)
        if any(clause_start <= c.start and c.end <= chosen.mention.start for c in sm.stances):
            continue  # what a cue of its clause denies or confirms is the cue's, never the speaker's assertion
        agent, agent_words = agent_of(sm, rules, chosen, None, holder, government, clause_start, None,
                                      topic.owners, topic.names)
        if agent is None and spec.agent == "anyone" or spec.agent == "whoever":
            agent = SOMEONE  # "menilai ledakan itu akibat kelalaian perusahaan": whoever ran it
        if agent is None:
            continue
        prop = build(sm, rules, chosen, agent, agent_words, [holder], government, topic, main)
        if prop.id in seen:
            continue
        seen.add(prop.id)
        is_negated = chosen.negates ^ negated(sm, lex, clause_start, chosen.mention)
        reading = Reading(prop, is_negated, words=chosen.mention)
        remember(topic, reading)
        out.append(reading)
    return out


def note_rumour(sm: SentenceMentions, rules, topic: Topic, main: EventRef | None) -> None:
    """A rumour no one in the sentence asserts ("Kabar bohong menyebut pelaku adalah pencari suaka",
    "false claims that the suspect was an asylum seeker"): no one's stance, but what a denial after
    it points back to ("Polisi membantah kabar tersebut"). Only a fact of whoever did it (agent
    anyone or whoever), so no rumour of one state's act is pinned on someone."""
    chosen = choose(sm, rules, 0, len(sm.text), topic, main)
    if chosen is None or chosen.mention is None or chosen.light:
        return
    spec = rules["stances"].predicates.get(chosen.predicate)
    if spec is None or spec.agent not in ("anyone", "whoever") or not unasserted(sm, rules, chosen.mention):
        return
    remember(topic, Reading(build(sm, rules, chosen, SOMEONE, None, [], "", topic, main), words=chosen.mention))


def co_holders(sm: SentenceMentions, holder: Mention, cue: Mention, rules) -> list[Mention]:
    """Actors coordinated with the holder before the cue: "Hezbollah and the Lebanese cabinet
    have both pinned ...", "Baik pemerintah Lebanon maupun Hizbullah menyalahkan ..."."""
    actors, lex = rules["actors"], rules["stances"]
    chain = [holder]
    ordered = sorted((a for a in sm.actors if a.start > holder.end and a.end <= cue.start
                      and actors.role(a.value) != "conduit"), key=lambda a: a.start)
    for actor in ordered:
        between = sm.text[chain[-1].end:actor.start]
        if not lex.coordination.fullmatch(between):
            break
        chain.append(actor)
    return chain[1:]
