"""Counts of none: "no one was killed", "there were no casualties", "tidak ada korban jiwa". A body
that says none died the same morning another counts ten is a disagreement a reviewer must see, so
a zero told of an outcome is a figure like any other (value 0), framed by the same steps."""
from __future__ import annotations

import re
from dataclasses import replace

from checker.frame.wordspans import linked_only
from checker.model import Interval, Mention
from checker.recognise import SentenceMentions

ZERO = Interval(0.0, 0.0)


def with_zero_counts(sm: SentenceMentions, framing, outcomes: frozenset) -> SentenceMentions:
    """The sentence with a zero figure for each word of none (framing `zero_counts`) that an
    outcome's measure follows with only linking words between (`zero_links`: "no one was killed",
    not "no Indonesians were killed"), unless what follows says nothing is known yet ("no
    immediate reports of casualties", `zero_unknown_after`)."""
    if framing.zero_counts is None or not outcomes:
        return sm
    found, described = [], []
    for m in framing.zero_counts.finditer(sm.text):
        if any(q.start < m.end() and m.start() < q.end for q in sm.quantities):
            continue
        if framing.zero_unknown_after is not None and framing.zero_unknown_after.match(sm.text, m.end()):
            continue
        measure = next((x for x in sorted(sm.measures, key=lambda x: x.start) if x.start >= m.end()), None)
        if measure is None or measure.value not in outcomes or measure.value in framing.zero_never:
            continue  # (a document lacked is no count of none: "opened without a certificate")
        if not linked_only(sm.text, m.end(), measure.start, framing.zero_links):
            continue
        group_after = getattr(framing, "zero_group_after", None)
        if group_after is not None and group_after.match(sm.text, measure.end):
            continue  # "tidak ada korban jiwa dari kalangan jemaat": none among one group, no zero of the whole toll
        if any(q.end <= m.start() and _same_clause(framing, sm.text, q.end, m.start()) for q in sm.quantities):
            # "58 miners were rescued with no injuries": how the people just counted fared, no count of
            # its own, and the outcome denied them is no measure of theirs
            described.append(measure)
            continue
        found.append(Mention("quantity", m.group(), m.start(), m.end(), ZERO, "zero"))
    if not found and not described:
        return sm
    return replace(sm, quantities=sorted(sm.quantities + found, key=lambda q: q.start),
                   measures=[x for x in sm.measures if x not in described])


def _same_clause(framing, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stays in one clause: no comma, semicolon, colon or full stop, and no
    word opening a clause of its own ("12 died and no one was hurt" opens one)."""
    between = text[start:end]
    return not re.search(r"[,;:.]", between) and not any(
        w.casefold() in framing.clause_openers for w in re.findall(r"[\w'’-]+", between))
