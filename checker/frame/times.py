"""Reference time: the day a figure holds "as of", not only the day its sentence mentions.

A date after an as-of cue ("per Minggu (2/10/2022) pukul 10.30", "hingga Senin malam", "as of
Tuesday") is the figure's reference day. A date that is the incident's own day ("in the riot on
Saturday night") says when it happened, not when it was counted: the publication day is the
reference then. Dates after publication are plans and deadlines, never reference days."""
from __future__ import annotations

from datetime import date

from checker.frame.settings import words_before
from checker.recognise import SentenceMentions


def reference_day(sm: SentenceMentions, framing, published: date | None,
                  event_day: date | None, narrative: date | None = None) -> date | None:
    """The sentence's as-of day, else its own day that is not the incident's, else the day the
    paragraph before set ("Pada Selasa (17/9) ... Sebanyak 9 orang tewas"), else publication."""
    days = [d for d in sm.dates if d.value.grain == "day"
            and (published is None or d.value.day <= published)]
    for d in days:
        head = words_before(sm.text, d.start, framing.window("cue_before") // 2)
        if framing.as_of_cues.find(head):
            return d.value.day
    for d in days:
        if d.value.day != event_day:
            return d.value.day
    return narrative or published
