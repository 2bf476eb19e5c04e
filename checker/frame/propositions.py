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
`<subject>.<measure>.figure`, the disputed value in the claim's value (figure_stances.py). Figures
others give for that fact in the same article, when they fit the disputed value, are their
confirmations of it. Who the agent is lives in agents.py; what the article has said so far (the
`Topic`) in stance_topic.py.

A speaker who asserts a predicate without a stance verb ("Gold Apollo said BAC had made and sold
them", "gas air mata bukan penyebab tewasnya korban, kata Dedi") takes a stance too, when the
sentence itself says who does it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.frame.places import attackers, in_statement_setting, place_after, place_in
from checker.frame.agents import SOMEONE, agent_of
from checker.frame.figure_stances import read_figure
from checker.frame.stance_topic import (WORD, Chosen, Reading, Topic, context_place, real_places, remember,
                                        where_places)
from checker.frame.syntax import clause_of, owner_of
from checker.model import Claim, EventRef, Mention, Proposition
from checker.recognise import SentenceMentions, overlaps
from checker.recognise.stances import StanceCue


# --- article context ----------------------------------------------------------------------

def note_context(sm: SentenceMentions, rules, topic: Topic, published=None) -> None:
    """What the article establishes as it goes: its latest day, where its incidents happen,
    and whose each theme was when it was last named ("North Korean troops" ... "these
    troops")."""
    actors, lex = rules["actors"], rules["stances"]
    days = [d.value.day for d in sm.dates if d.value.grain == "day" and (published is None or d.value.day <= published)]
    if days and (topic.news_day is None or max(days) > topic.news_day):
        topic.news_day = max(days)
    located = where_places(sm, rules)
    for incident in sm.incidents:
        # a place someone heads for further on ("the gunmen were caught fleeing towards Ukraine")
        # is where they went, not where the happening was; "an attack to Ukraine" right after it is
        # (nor is where it was said: "the blaze ... destroyed 10,000 shelters, a spokesman told a briefing in Geneva")
        near = sorted((p for p in located if not _headed_for(rules["framing"], sm.text, incident, p)
                       and not in_statement_setting(rules["framing"], sm, p)),
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


# --- the predicate ------------------------------------------------------------------------

def _theme_fits(lex, predicate: str, theme: str) -> bool:
    spec = lex.predicates.get(predicate)
    if spec is None or not spec.themes or theme in spec.themes:
        return True
    # a theme that makes the predicate another fits it as that other ("the haze came from":
    # located, which haze makes haze_origin), so a cue two predicates share is listed once
    mapped = lex.themes[theme].predicate_for(predicate) if theme in lex.themes else predicate
    return mapped != predicate and _theme_fits(lex, mapped, theme)


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
    return len(WORD.findall(between)) <= 2


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
        if len(WORD.findall(gap)) <= 6 and not re.search(r"[.;:]", gap):
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
    return len(WORD.findall(sm.text[first.end:second.start])) <= words


# --- negation -----------------------------------------------------------------------------

def negated(sm: SentenceMentions, lex, start: int, words: Mention) -> bool:
    """A negation in the few words before the predicate, after `start` (the cue's end, or the
    clause's start): "had not been involved", "bukan penyebab", "tidak pernah berada di"."""
    text = sm.text
    # a phrase naming who is held is the negated subject, no word between: "none of those detained
    # appeared to be directly employed" denies it as "none of them" would
    held = lex.held_named.find(text[:words.start]) if lex.held_named is not None else []
    for s, e, _, form in lex.negations.find(text[:words.start]):
        if s < start:
            continue
        between = WORD.findall(text[e:words.start])
        between = between[:len(between) - sum(len(WORD.findall(text[hs:he])) for hs, he, _, _ in held
                                                 if e <= hs and he <= words.start)]
        if len(between) > lex.negation_window or re.search(r"[:;]", text[e:words.start]):
            continue  # "tidak berubah: gas air mata adalah pemicu": another clause
        if between and between[0].casefold() in lex.not_negating_after:
            continue  # "not only", "tidak hanya"
        return True
    return False


def negated_cause(sm: SentenceMentions, lex, start: int, words: Mention) -> bool:
    """A predicate given as a reason that is denied ("bukan karena produksi kurang", "not because of
    production"): a negation, then a cause link, right before it. What is denied is that it is the
    reason, not that it happened."""
    if lex.cause_links is None:
        return False
    text = sm.text[:words.start]
    for s, e, _, _ in lex.cause_links.find(text):
        if s < start or len(WORD.findall(text[e:])) > 3 or re.search(r"[,;:]", text[e:]):
            continue
        if any(ns >= start and not text[ne:s].strip() for ns, ne, _, _ in lex.negations.find(text[:s])):
            return True
    return False


def given_as_cause(sm: SentenceMentions, lex, start: int, words: Mention) -> bool:
    """A predicate given as the cause of something in its clause: a cause link ("caused by", "the
    result of", "disebabkan oleh") at most three words before it, nothing between them."""
    if lex.cause_links is None:
        return False
    text = sm.text[:words.start]
    return any(s >= start and len(WORD.findall(text[e:])) <= 3 and not re.search(r"[,;:]", text[e:])
               for s, e, _, _ in lex.cause_links.find(text))


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
    if words is not None and getattr(lex.predicates.get(chosen.predicate), "origin_place", False):
        # "the haze came from fires in Indonesia": place_after passes over a place of origin and the
        # agent finder takes it for the doer, but here where it came from is the fact
        _, clause_end = clause_of(framing, sm.text, words.end)
        origin = next((p for p in real_places(sm, lex) if words.end <= p.start <= clause_end), None)
        if origin is not None:
            return origin.value
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
    if spec is not None and spec.happening_place and main is not None and main.country is not None:
        # "said it had warned German authorities", "denied receiving a warning from Saudi Arabia": one
        # warning about the happening told of, whichever country gave it and whichever got it
        return Proposition(agent, chosen.predicate, chosen.theme.value if chosen.theme else None,
                           main.place or main.country, main.country)
    where = place_of(sm, rules, chosen, skip + [agent_words], holder_government, agent, topic, main)
    places = rules["places"]
    country = places.country(where) if where else None
    if country == where and where not in places.parents and main is not None \
            and rules["actors"].role(where) != "state":
        # a site no table knows ("the town of Brumadinho"), here or where the predicate was placed
        # before (so no mention to ask unplaced_site): a place that is neither a country nor under one
        country = main.country
    return Proposition(agent, chosen.predicate, chosen.theme.value if chosen.theme else None, where, country)


# --- stances with a cue ---------------------------------------------------------------------

def read_cue(sm: SentenceMentions, cue: Mention, holder: Mention, rules, topic: Topic,
             main: EventRef | None, claims: list[Claim], trailing: int | None | bool = False) -> Reading | None:
    """The proposition a stance cue is about, or None when the sentence does not say."""
    actors, framing = rules["actors"], rules["framing"]
    value: StanceCue = cue.value
    government = actors.government(holder.value)
    text = sm.text
    clause_start, clause_end = clause_of(framing, text, cue.start)
    if trailing is False:  # not given by the caller, which asks it once per cue
        trailing = trailing_comma(sm, framing, cue)  # (None for a passive or an accusation)
    if value.passive:
        spans = [(0, len(text))]
    elif value.role == "accuse":
        spans = [(cue.start, clause_end), (cue.start, len(text))]
    else:
        said_end = _next_speaker_clause(sm, cue, framing)
        spans = [(cue.end, min(clause_end, said_end)), (cue.end, said_end)]
        if len(cue.text.split()) > 3:  # "called reports of North Korean troops in Russia fake news"
            spans.append((cue.start, cue.end))
        if trailing is not None:  # "P, the Pentagon confirmed on Tuesday": P, before the holder
            spans.insert(0, (0, trailing))
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
        figure = read_figure(sm, cue, scope, rules, topic, claims, main, government)
        # but a figure before a link word is what the link is said of: "membantah kematian ribuan pekerja
        # terkait proyek itu", "denied the deaths of 37 workers were linked to the project" dispute the link
        linked = chosen is not None and chosen.mention is not None and (chosen.light or chosen.governed)
        # and a happening only named, no act or light predicate governing it, is what the figure counts:
        # "dismissed claims that the stampede had killed more than 125 people" disputes the toll
        named_only = chosen is not None and chosen.mention is not None and chosen.mention.kind == "incident" \
            and not chosen.governed
        if figure is not None and (chosen is None or chosen.mention is None or value.role == "contrast" or named_only
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
        if topic.last is not None and refers_back(sm, rules, cue) and not unnamed_charge(value):
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
    told_before = trailing is not None and chosen.mention is not None and chosen.mention.end <= trailing
    agent, agent_words = agent_of(sm, rules, chosen, cue, holder, government, 0 if told_before else cue.end, topic)
    spec = rules["stances"].predicates.get(chosen.predicate)
    if agent is None and spec is not None and spec.agent in ("someone", "anyone") and chosen.mention is not None:
        agent = SOMEONE  # "mengakui PDN diserang ransomware": attacked, by whoever
    if chosen.mention is not None and asked_agent(sm, rules, cue, chosen.mention):
        agent = SOMEONE  # "could not confirm who had fired on the plant": whoever did it, not the holder
    if spec is not None and spec.agent == "whoever" and chosen.mention is not None:
        agent = SOMEONE  # "confirmed it had alerted police": a warning given, whoever gave it
    if spec is not None and spec.agent == "theme" and chosen.theme is None \
            and chosen.mention is not None and spec.default_theme is not None:
        # "admitted passengers were not on the manifest", "denied it had carried passengers not on the
        # manifest": a vehicle's list, unnamed, whatever befell it (in a fire as in a sinking) and
        # whoever owns it, never the holder's or a country's own
        agent = spec.default_theme
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


def asked_agent(sm: SentenceMentions, rules, cue: Mention, words: Mention) -> bool:
    """Whether a question word stands right before the predicate's words, after the cue, as their doer
    (stances `unknown_agents`: "could not confirm who had fired", "tidak dapat memastikan pihak mana yang
    menembaki", "who was responsible for the shelling"): at most four words between it and them, none of them
    a doer named ("who the soldiers attacked" asks whom, not who)."""
    lex = rules["stances"].unknown_agents
    if lex is None or words.start < cue.end:
        return False
    head = sm.text[cue.end:words.start]
    return any(len(WORD.findall(head[e:])) <= 4 and not re.search(r"[,;:.]", head[e:])
               and not any(cue.end + e <= a.start and a.end <= words.start for a in sm.actors)
               for _, e, _, _ in lex.find(head))


# a comma, a semicolon or a colon ends the clause a cue speaks in: what follows restates or adds
_CLAUSE_MARK = re.compile(r"[,;:]")


def trailing_comma(sm: SentenceMentions, framing, cue: Mention) -> int | None:
    """Where the proposition of a cue said after it ends: "North Korea has sent troops to Russia,
    the Pentagon confirmed on Tuesday" (the comma), when only the holder's name stands between
    the comma and the cue, no conjunction opening a clause of its own ("..., and Moscow admitted
    the attack"), and nothing after it in its clause but a day or a few words naming nothing
    ("in a statement")."""
    value = cue.value
    if value.passive or value.role == "accuse":
        return None
    text = sm.text
    comma = text.rfind(",", 0, cue.start)
    if comma < 0 or len(WORD.findall(text[:comma])) < 3:
        return None
    between = WORD.findall(text[comma + 1:cue.start])
    if not between or len(between) > 8 or between[0].casefold() in framing.clause_openers \
            or not any(comma < a.start and a.end <= cue.start for a in sm.actors) \
            or any(comma < c.start < cue.start for c in [*sm.attribution, *sm.stances]):
        return None
    end = _CLAUSE_MARK.search(text, cue.end)
    end = end.start() if end else len(text)
    told = [m for m in [*sm.actors, *sm.topics, *sm.incidents, *sm.measures] if cue.end <= m.start < end]
    rest = text[cue.end:end]
    for d in sorted(sm.dates, key=lambda d: -d.start):
        if cue.end <= d.start and d.end <= end:
            rest = rest[:d.start - cue.end] + " " + rest[d.end - cue.end:]
    return comma if not told and len(WORD.findall(rest)) <= 3 else None


def _ends_clause(framing, text: str, pos: int) -> bool:
    """Whether nothing but the sentence's end, or a clause opener starting another clause ("dan
    meminta ...", "and urged ..."), follows pos."""
    rest = re.sub(r"^[\s\"”’')]+", "", text[pos:])
    if not re.sub(r"[\s.!?\"”’')]", "", rest):
        return True
    opener = re.match(r",?\s*([\w'’-]+)\s", rest)
    return opener is not None and opener.group(1).casefold() in framing.clause_openers


_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


def _next_speaker_clause(sm: SentenceMentions, cue: Mention, framing=None) -> int:
    """Where a later clause with a speaker of its own starts ("Junta Bantah Langgar Gencatan
    Senjata, NUG Sebut Korban 3.471", "X denied it, while Y said ..."): a stance's words end
    there; what the other speaker says is not what was denied. A saying verb the same holder
    joins with a clause opener ("denied that Israel was restricting aid and said U.N. agencies
    were failing", "membantah ... dan mengatakan ...") ends them too: what it says next is no
    part of what it denied, and so does a blaming verb joined so ("rejected the accusation and
    blamed Ukrainian sabotage", "membantah tudingan itu dan menyalahkan ..."): what it blames is
    its own accusation."""
    text = sm.text
    blaming = [s for s in sm.stances if getattr(s.value, "role", None) == "accuse"]
    for a in sorted([*sm.attribution, *blaming], key=lambda m: m.start):
        if a.start <= cue.end:
            continue
        if framing is not None and framing.clause_openers:
            words = list(WORD.finditer(text, cue.end, a.start))
            run = 0
            while run < len(words) and words[-1 - run].group().casefold() in framing.clause_openers:
                run += 1
            if run and run < len(words):
                return words[-run].start()
        comma = max(text.rfind(",", cue.end, a.start), text.rfind(";", cue.end, a.start))
        if comma >= 0 and (any(comma < m.start and m.end <= a.start for m in sm.actors)
                           or _ACRONYM.search(text, comma, a.start)):  # a body by its acronym ("NUG")
            return comma
    return len(text)


def unnamed_charge(value) -> bool:
    """An accusation denied that names no charge ("Polisi belum menetapkan tersangka", "No one has
    been named a suspect yet"): where an inquiry stands, no stance on what was said before."""
    return value.role == "accuse" and value.label == "non_confirm"


def refers_back(sm: SentenceMentions, rules, cue: Mention) -> bool:
    """A stance on what was said before: nothing after the cue ("Israel has made no comment"),
    an enclitic ("membantahnya"), or an anaphor right after it ("denied the report",
    "membantah pernyataan itu")."""
    lex = rules["stances"]
    _, clause_end = clause_of(rules["framing"], sm.text, cue.start)
    rest = sm.text[cue.end:clause_end]
    if not WORD.findall(rest) or cue.text.casefold().endswith("nya"):
        return True
    return any(len(WORD.findall(rest[:s])) <= 1 for s, _, _, _ in lex.anaphors.find(rest)) \
        or _anaphor_before_passive(sm, rules, cue) is not None


def accusation_back(sm: SentenceMentions, rules, cue: Mention) -> bool:
    """An anaphor naming an accusation right after the cue: "denied the accusation",
    "membantah tuduhan tersebut" (what one rejects is what one is accused of)."""
    _, clause_end = clause_of(rules["framing"], sm.text, cue.start)
    rest = sm.text[cue.end:clause_end]
    return any(ident == "accusation" and len(WORD.findall(rest[:s])) <= 1
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
        if len(WORD.findall(before[e:])) <= 2:  # "tudingan itu (langsung) dibantah", "the claim was (flatly) denied"
            return ident
    return None


def polarity(label: str, reading: Reading, cue: Mention | None = None, text: str = "") -> str:
    """A confirmation of a negated predicate is a denial ("dipastikan tidak menelan korban"), and a
    denial of one in the cue's own clause a confirmation ("denied using excessive force": the force
    was justified); past a comma the negation restates the denial ("denied the findings, saying
    none of its missiles had crossed the border")."""
    if reading.negated and label == "confirm":
        return "deny"
    if reading.negated and label == "deny" and cue is not None and reading.words is not None \
            and reading.words.start >= cue.end and not _CLAUSE_MARK.search(text, cue.end, reading.words.start):
        return "confirm"
    return label


# --- stances without a cue: what a speaker asserts ------------------------------------------------

def counted(sm: SentenceMentions, theme: Mention | None) -> bool:
    """A figure counts the theme ("10,000 North Korean troops were sent"): the figure's claim
    says it, not a stance."""
    if theme is None:
        return False
    for q in sm.quantities:
        if q.kind == "quantity" and q.end <= theme.start and len(WORD.findall(sm.text[q.end:theme.start])) <= 3:
            return True
    return False


def unasserted(sm: SentenceMentions, rules, words: Mention) -> bool:
    """Words before a predicate that make it not the speaker's assertion: reports of it, its
    prevention, its possibility ("laporan pasukan ... yang dikirim", "to prevent Pyongyang
    deploying", "could send")."""
    lex, framing = rules["stances"], rules["framing"]
    clause_start, _ = clause_of(framing, sm.text, words.start)
    before = sm.text[:words.start]
    held = [(s, e) for s, e, _, _ in lex.held_named.find(before)] if lex.held_named is not None else []
    spec = lex.predicates.get(words.value)
    whose = spec is not None and spec.agent in ("anyone", "whoever")
    for s, e, _, _ in lex.unasserted.find(before):
        if s >= clause_start and len(WORD.findall(sm.text[e:words.start])) <= 12:
            # "those detained had been working illegally": who is held, the predicate asserted of
            # them (a fact of whoever did it: their work, their status, not a state's act such as
            # freeing them); not "those arrested over the attack", held over it (the link may be
            # the predicate's own word: "yang ditangkap terkait serangan itu")
            named = next((h for h in held if h[0] <= s and e <= h[1]), None)
            if named is not None and whose and not (lex.held_links is not None
                                          and lex.held_links.find(sm.text[named[1]:words.end])):
                continue
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
        if negated_cause(sm, lex, clause_start, chosen.mention):
            continue  # "untuk jaga-jaga, bukan karena produksi kurang": a reason set aside, no stance on it
        if any(clause_start <= c.start and c.end <= chosen.mention.start for c in sm.stances):
            continue  # what a cue of its clause denies or confirms is the cue's, never the speaker's assertion
        is_negated = chosen.negates ^ negated(sm, lex, clause_start, chosen.mention)
        agent, agent_words = agent_of(sm, rules, chosen, None, holder, government, clause_start, None,
                                      topic.owners, topic.names, denied=is_negated)
        # (a predicate a theme made of the cue's, "the haze came from": located made haze_origin, is
        # whoever's as that one is)
        made = lex.predicates.get(chosen.predicate) if chosen.predicate != chosen.mention.value else None
        if agent is None and spec.agent == "anyone" or spec.agent == "whoever" \
                or (made is not None and made.agent == "whoever"):
            agent = SOMEONE  # "menilai ledakan itu akibat kelalaian perusahaan": whoever ran it
        if agent is None and spec.agent == "theme" and chosen.theme is None and main is not None \
                and given_as_cause(sm, lex, clause_start, chosen.mention):
            # "said the crash was the result of human error", "menyebut kecelakaan itu disebabkan oleh
            # kesalahan manusia": a fault given as the happening's cause is the article's vehicle's (or venue's)
            agent = lex.incident_themes.get(main.type)
        if spec.agent == "theme" and chosen.theme is None and spec.default_theme is not None:
            # "police said the driver was speeding", as "the driver denied speeding": the vehicle's, never
            # the person named beside it (as for a stance's cue)
            agent, agent_words = spec.default_theme, None
        if agent is None:
            continue
        prop = build(sm, rules, chosen, agent, agent_words, [holder], government, topic, main)
        if prop.id in seen:
            continue
        seen.add(prop.id)
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
    if spec is None or not unasserted(sm, rules, chosen.mention):
        return
    if spec.agent in ("anyone", "whoever"):
        remember(topic, Reading(build(sm, rules, chosen, SOMEONE, None, [], "", topic, main), words=chosen.mention))
        return
    # a report that names who did it ("laporan yang menyebut Moskow meminta izin menempatkan pesawat militer",
    # "a report that Russia had asked to station bombers"): that actor's act, what a denial after points back to
    # (named between the report's word and the predicate's, in its clause: not "sought to find out who built it",
    # whose builder is unnamed, nor an actor named elsewhere in the sentence)
    agent, agent_words = agent_of(sm, rules, chosen, None, None, "", 0, None, topic.owners, topic.names)
    lex = rules["stances"]
    clause_start, _ = clause_of(rules["framing"], sm.text, chosen.mention.start)
    if agent is not None and agent_words is not None and agent_words.kind == "actor" \
            and agent_words.end <= chosen.mention.start \
            and any(s >= clause_start and e <= agent_words.start for s, e, _, _ in lex.unasserted.find(sm.text[:agent_words.start])):
        remember(topic, Reading(build(sm, rules, chosen, agent, agent_words, [], "", topic, main),
                                words=chosen.mention))


