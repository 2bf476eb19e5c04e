"""Recognisers: from a sentence's text to mentions, all driven by the compiled rules.

`recognise` is the one entry point: it runs every recogniser once over a sentence (the word
tables share one cached token stream, see lexicon.tokens) and settles overlaps by one policy:
a figure inside a date is a date part, never a count; an incident word inside a body's name
("Badan Penanggulangan Bencana") names no incident.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.model import Mention, Sentence

MENTION_KINDS = ("actors", "places", "measures", "modality", "topics", "events", "incidents",
                 "quantities", "dates", "durations", "stances", "attribution", "pronouns")


@dataclass(frozen=True)
class SentenceMentions:
    """Everything recognised in one sentence; offsets are local to the sentence text."""

    sentence: Sentence
    actors: list[Mention]
    places: list[Mention]
    measures: list[Mention]
    modality: list[Mention]
    topics: list[Mention]
    events: list[Mention]
    incidents: list[Mention]
    quantities: list[Mention]
    dates: list[Mention]
    durations: list[Mention]
    stances: list[Mention]
    attribution: list[Mention]
    pronouns: list[Mention]

    @property
    def text(self) -> str:
        return self.sentence.text

    def all(self) -> list[Mention]:
        out = [m for name in MENTION_KINDS for m in getattr(self, name)]
        return sorted(out, key=lambda m: (m.start, -m.end))


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _named_weekdays(text: str, dates: list[Mention]) -> list[Mention]:
    """A weekday that names the date written right after it ("Sabtu malam, 1 Oktober 2022",
    "Tuesday, Sept. 17") is that date, not the last such weekday before publication."""
    absolute = [d for d in dates if not getattr(d.value, "relative", False) and d.value.grain == "day"]
    return [d for d in dates if not (
        getattr(d.value, "relative", False) and d.value.grain == "day"
        and any(0 <= a.start - d.end and len(re.findall(r"\w+", text[d.end:a.start])) <= 2 for a in absolute))]


def recognise(sentence: Sentence, rules, ref: date | None) -> SentenceMentions:
    """Every recogniser over one sentence, once."""
    from checker.recognise.attribution import find_attribution, find_pronouns
    from checker.recognise.dates import find_dates, find_durations
    from checker.recognise.numbers import find_quantities
    from checker.recognise.stances import find_stances

    text = sentence.text
    durations = find_durations(text, rules)
    # a fraction inside a length of time is no day: "6-1/2 years", "2 1/2 hours"
    dates = [d for d in _named_weekdays(text, find_dates(text, rules, ref))
             if not any(u.rule == "durations:units" and u.start < d.start and d.end <= u.end for u in durations)]
    quantities = [q for q in find_quantities(text, rules) if not any(overlaps(q, d) for d in dates)]
    incidents = rules.get("incidents")
    # a country's letters inside a sum of money name no actor ("50.000 dollar AS", "5 million US dollars")
    actors = [a for a in rules["actors"].find(text)
              if not any(q.kind == "money" and q.start <= a.start and a.end <= q.end for q in quantities)]
    # an incident word inside a body's name names no incident ("the disaster agency")
    found_incidents = [i for i in (incidents.find(text) if incidents is not None else [])
                       if not any(overlaps(i, a) for a in actors)]
    return SentenceMentions(
        sentence,
        actors=actors,
        places=rules["places"].find(text),
        measures=rules["measures"].find(text),
        modality=_idioms_around_figures(text, rules["modality"], quantities),
        # a predicate's word inside a body's name states nothing ("West Papua National Liberation Army")
        topics=[t for t in rules["topics"].find(text) if not any(a.start <= t.start and t.end <= a.end for a in actors)],
        events=rules["events"].find(text),
        incidents=found_incidents,
        quantities=quantities,
        dates=dates,
        durations=durations,
        stances=find_stances(text, rules),
        # a speech verb inside a figure's hedge says nothing of who speaks ("buried an estimated 670")
        attribution=[a for a in find_attribution(text, rules)
                     if not any(q.start <= a.start and a.end <= q.end for q in quantities)],
        pronouns=find_pronouns(text, rules),
    )


def _idioms_around_figures(text: str, table, quantities) -> list:
    """The modality cues, less a cue that a figure right after it splits from the rest of an idiom that sets no
    modality: "Storm Daniel claimed about 170 lives" is "claimed lives" (a toll taken, no claim), "dugaan 312 kasus
    campak" is "dugaan kasus" (suspected cases, a case count)."""
    found = table.find(text)
    out = []
    for m in found:
        q = next((q for q in quantities if q.start >= m.end and not text[m.end:q.start].strip()), None)
        if m.value != "none" and q is not None:
            joined = text[m.start:m.end] + " " + text[q.end:q.end + 40].lstrip()
            idiom = [i for i in table.find(joined) if i.start == 0 and i.value == "none" and i.end > m.end - m.start]
            if idiom:
                continue
        out.append(m)
    return out

