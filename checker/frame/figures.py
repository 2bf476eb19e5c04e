"""Figures of one sentence as quantity claims: the measure each counts, its role in a whole,
its subject, speaker, place and day (a part of ArticleFramer, which carries what earlier
sentences established; the steps for one sentence are figure_steps.py's)."""
from __future__ import annotations

from datetime import date

from checker.frame.figure_steps import SentenceFigures
from checker.model import EventRef
from checker.recognise import SentenceMentions


class FigureFraming:
    """ArticleFramer's quantity claims."""

    def frame_quantities(self, sm: SentenceMentions, who: str | None, when: date | None,
                         event: EventRef | None) -> None:
        figures = SentenceFigures(self, sm, who, when, event)
        for figure in sm.quantities:
            figures.frame(figure)
