"""What a stance reading knows of the article so far: the running `Topic`, the `Chosen`
predicate and the `Reading` it gives, and the places the article names for what it is about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.frame.places import attacker
from checker.model import EventRef, Interval, Mention, Proposition
from checker.recognise import SentenceMentions, overlaps


WORD = re.compile(r"[\w'’-]+")


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


def remember(topic: Topic, reading: Reading) -> None:
    prop = reading.proposition
    topic.last, topic.last_value = prop, reading.value
    if not prop.figure:
        if prop.agent and prop.theme != prop.agent:
            topic.subject = prop.agent
        if prop.place:
            topic.places.setdefault(prop.predicate, prop.place)


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
