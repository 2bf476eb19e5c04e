"""Reference time: the day a figure holds "as of", not only the day its sentence mentions.

A date after an as-of cue ("per Minggu (2/10/2022) pukul 10.30", "hingga Senin malam", "as of
Tuesday") is the figure's reference day. A date that is the incident's own day ("in the riot on
Saturday night") says when it happened, not when it was counted: the publication day is the
reference then; so is a date that dates any incident the sentence names ("Tuesday's pager
explosions killed 12"). Dates after publication are plans and deadlines, never reference days."""
from __future__ import annotations

from datetime import date

from checker.frame.events import incident_dates
from checker.frame.settings import words, words_before
from checker.recognise import SentenceMentions


def reference_day(sm: SentenceMentions, framing, published: date | None,
                  event_day: date | None, narrative: date | None = None) -> date | None:
    """The sentence's as-of day, else the day its figure was told on, else its own day that is not the incident's, else the day the
    paragraph before set ("Pada Selasa (17/9) ... Sebanyak 9 orang tewas"), else publication."""
    days = [d for d in sm.dates if d.value.grain == "day"
            and (published is None or d.value.day <= published)]
    for d in days:
        head = words_before(sm.text, d.start, framing.window("cue_before") // 2)
        if framing.as_of_cues.find(head):
            return d.value.day
    # "Tuesday's pager explosions killed 12", "ledakan pager pada Selasa": the day dates the
    # incident named, whatever day the article's main incident has
    incident_days = {id(d) for d in incident_dates(sm, {i.value for i in sm.incidents}, published, framing)}
    for d in days:
        if id(d) not in incident_days and _dates_speech(sm, d, framing):
            return d.value.day
    for d in days:
        if d.value.day != event_day and id(d) not in incident_days:
            return d.value.day
    if incident_days:
        # the sentence dates its incident itself, so the day the paragraphs before set is
        # that incident's too: the figure is told as of the report
        return published
    return narrative or published


def _dates_speech(sm: SentenceMentions, d, framing) -> bool:
    """A date that dates the telling, not the told: "Sebelumnya pada Rabu, Menteri X
    mengumumkan ...", "the ministry said on Wednesday". The figure told holds as of that day,
    even when it is the incident's own day. A figure or incident between them breaks the link."""
    between = sm.quantities + sm.incidents
    for a in sm.attribution:
        if a.start >= d.end:
            lo, hi, reach = d.end, a.start, framing.window("speech_date")
        elif a.end <= d.start:
            lo, hi, reach = a.end, d.start, 1
        else:
            continue
        if words(sm.text, lo, hi) <= reach and not any(lo <= m.start and m.end <= hi for m in between):
            return True
    return False
