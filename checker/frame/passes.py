"""Passes over an article's claims once every sentence is framed: a regional body's speakers,
a headline's figure echoing the body's day and speaker."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from checker.frame.wordspans import words_before
from checker.model import Claim


def regional_speakers(claims: list[Claim]) -> list[Claim]:
    """A regional body named without its region ("Pemprov Sebut 68", "Dinkes Catat 310 Kasus") in
    an article whose other lines name that body for exactly one region ("Pemprov NTT", "Dinkes
    Garut") is that region's body: one authority, not two."""
    regions: dict = {}
    for c in claims:
        if c.speaker and "@" in c.speaker:
            regions.setdefault(c.speaker.split("@", 1)[0], set()).add(c.speaker)
    out = []
    for c in claims:
        found = regions.get(c.speaker) if c.speaker and "@" not in c.speaker else None
        out.append(replace(c, speaker=next(iter(found))) if found and len(found) == 1 else c)
    return out


def regions_abroad(claims: list[Claim], actors, places) -> list[Claim]:
    """A regional body abroad speaks for its region's country: a stance of Tokyo's governor
    ("Gubernur Tokyo Yuriko Koike membantah ...", provincial_government@tokyo) or of Hatay's is
    Japan's or Turkey's side, not the body kind's default (Indonesia's provincial governments, or
    no state at all)."""
    if places is None:
        return claims
    out = []
    for c in claims:
        region = c.speaker.partition("@")[2] if c.kind == "stance" and c.speaker else ""
        if region in places.parents and c.subject == actors.government(c.speaker):
            country = places.country(region)
            if country != c.subject:
                c = replace(c, subject=country)
        out.append(c)
    return out


def _occurrences(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)] if part else []


def echo_days(claims: list[Claim], published, framing) -> list[Claim]:
    """A headline's figure dated only by the article's day ("records 2,139 cases") that the body
    gives as of an earlier day ("2,139 cases as of August 24", "hingga Minggu (24/8)") is that
    day's figure restated, not a count of the day of publication."""
    if published is None:
        return claims

    def as_of(c: Claim) -> bool:
        # (a date's span may hold the cue's last word: "as [of August 24]"); the day may be named
        # twice, told and as of ("Dalam jumpa pers, Rabu, ... 511 kematian hingga Rabu")
        text = c.evidence.text
        return any(m.kind == "date" and framing.as_of_cues.find(
            words_before(text, at, framing.window("cue_before") // 2) + text[at:at + m.end - m.start])
            for m in c.marks for at in _occurrences(text, text[m.start:m.end]))

    earlier: dict = {}
    for c in claims:
        if c.kind == "quantity" and c.value is not None and c.when is not None and c.when < published \
                and c.evidence.start > 0 and as_of(c):
            key = (c.subject, c.measure, c.value)
            earlier.setdefault(key, []).append(c)
    # a speaker's figure the body says was given on an earlier day ("said on Wednesday that 153
    # died"), restated undated in the headline or lead ("SEMA menyatakan 153 orang tewas"): the
    # same statement of that day, not a new count of the day of publication
    told: dict = {}
    for c in claims:
        if c.kind == "quantity" and c.value is not None and c.speaker is not None and c.when is not None \
                and c.when < published and any(m.kind == "date" for m in c.marks):
            told.setdefault((c.subject, c.measure, c.value, c.speaker), []).append(c.when)
    # (a sentence setting figures against each other, "sekitar 2.500 orang, bukan 10.000", restates none)
    alone = Counter((c.evidence.start, c.measure) for c in claims if c.kind == "quantity")
    out = []
    for c in claims:
        if c.kind == "quantity" and c.value is not None and c.when == published and c.evidence.start == 0:
            days = [e.when for e in earlier.get((c.subject, c.measure, c.value), ())
                    if c.speaker is None or e.speaker in (None, c.speaker)]
            if days:
                c = replace(c, when=max(days))
        if c.kind == "quantity" and c.value is not None and c.when == published and c.speaker is not None \
                and not any(m.kind == "date" for m in c.marks) and alone[(c.evidence.start, c.measure)] == 1:
            days = told.get((c.subject, c.measure, c.value, c.speaker))
            if days:
                c = replace(c, when=max(days))
        out.append(c)
    return out


def echo_speakers(claims: list[Claim], actors=None) -> list[Claim]:
    """A figure the article gives in its own voice (the headline's "125 Orang Meninggal") that
    it attributes elsewhere (", kata Kepala Dinkes") is that speaker's figure; a round figure
    in its own voice that shortens a hedged one ("Floods kill 37" for "at least 37 ..., the
    agency said") is that speaker's hedged figure, not a rival exact count; and a state said to
    give a figure ("Ukraine says 12,000") that one of its bodies gives in the same article
    ("Ukraine's military intelligence said 12,000") is that body."""
    said, hedged = {}, {}
    for c in claims:
        if c.kind == "quantity" and c.speaker and c.value is not None:
            said.setdefault((c.subject, c.measure, c.value), set()).add(c.speaker)
            for number in _written_numbers(c.value):
                hedged.setdefault((c.subject, c.measure, number), set()).add((c.speaker, c.value))
    out = []
    for c in claims:
        if c.kind == "quantity" and c.speaker is not None and c.value is not None and actors is not None:
            bodies = {s for s in said.get((c.subject, c.measure, c.value), set())
                      if s != c.speaker and actors.government(s) == c.speaker}
            if len(bodies) == 1:
                c = replace(c, speaker=bodies.pop())
            point = c.value.low if c.value.low is not None and c.value.low == c.value.high else None
            own = {value for speaker, value in hedged.get((c.subject, c.measure, point), set()) if speaker == c.speaker}
            if len(own) == 1:  # "Pentagon says 10,000 ..." over its "about 10,000": the same figure
                c = replace(c, value=own.pop())
        if c.kind != "quantity" or c.speaker is not None or c.value is None:
            out.append(c)
            continue
        speakers = said.get((c.subject, c.measure, c.value), set())
        if len(speakers) == 1:  # (read, not popped: the next figure of the same words needs it too)
            out.append(replace(c, speaker=next(iter(speakers))))
            continue
        point = c.value.low if c.value.low is not None and c.value.low == c.value.high else None
        shortened = hedged.get((c.subject, c.measure, point), set()) if point is not None else set()
        if len(shortened) == 1:
            speaker, value = shortened.pop()
            out.append(replace(c, speaker=speaker, value=value))
        else:
            out.append(c)
    return out


def _written_numbers(value) -> tuple[float, ...]:
    """The number a hedged figure was written with: the bound of "at least 37" or "up to 12,000",
    the middle of "about 10,000"; none for an exact figure (it echoes as itself)."""
    low, high = value.low, value.high
    if low is not None and high is not None:
        if low == high:
            return ()
        # "nearly 100" reads as the tenth below it: the written number is its top
        return ((low + high) / 2, high) if high - low <= high / 10 else ((low + high) / 2,)
    return tuple(b for b in (low, high) if b is not None)
