"""Figures of one sentence as quantity claims: the measure each counts, its role in a whole,
its subject, speaker, place and day (a part of ArticleFramer, which carries what earlier
sentences established; the steps for one sentence are figure_steps.py's)."""
from __future__ import annotations

from datetime import date

from checker.frame.figure_steps import SentenceFigures
from checker.frame.wordspans import words
from checker.frame.places import joint_places
from checker.frame.syntax import clause_of
from checker.model import EventRef, Mention
from checker.recognise import SentenceMentions


class FigureFraming:
    """ArticleFramer's quantity claims: frame_quantities and the places it asks for."""

    def frame_quantities(self, sm: SentenceMentions, who: str | None, when: date | None,
                         event: EventRef | None) -> None:
        figures = SentenceFigures(self, sm, who, when, event)
        for figure in sm.quantities:
            figures.frame(figure)

    def capital_place(self, sm: SentenceMentions, figure: Mention, country: str | None) -> str | None:
        """The story's country's capital, when the figure's clause names it only as "the capital"
        ("33 orang tewas di ibu kota", "killed 20 in the capital") close after the figure."""
        if not country or self.framing.capital_cues is None:
            return None
        _, end = clause_of(self.framing, sm.text, figure.start)
        for s, _, _, _ in self.framing.capital_cues.find(sm.text[figure.end:end]):
            if words(sm.text, figure.end, figure.end + s) <= self.framing.window("place_after"):
                return self.rules["places"].capitals.get(country)
        return None

    def whole_area(self, sm: SentenceMentions, figure: Mention) -> bool:
        """Whether the figure's clause counts across every area the happening struck ("di seluruh
        daerah terdampak", "across all affected areas") or across many regions ("in 22 provinces")."""
        start, end = clause_of(self.framing, sm.text, figure.start)
        many = self.framing.many_regions  # "206 kasus ... dari 20 provinsi": no one province's count
        return bool(self.framing.whole_area_cues is not None and self.framing.whole_area_cues.find(sm.text[start:end])
                    or many is not None and many.search(sm.text, start, end))

    def recording_country(self, sm: SentenceMentions, figure: Mention) -> str | None:
        """The country that records the figure in its own clause ("Congo has reported 537 deaths",
        "RD Kongo telah mencatat 15.664 kasus"): its own count, in its own land."""
        verbs = getattr(self.framing, "recording_verbs", None)
        if verbs is None:
            return None
        places = self.rules["places"]
        start, _ = clause_of(self.framing, sm.text, figure.start)
        for p in sm.places:
            if start <= p.start and p.end <= figure.start and places.country(p.value) == p.value \
                    and verbs.match(sm.text, p.end) \
                    and words(sm.text, p.end, figure.start) <= 12 \
                    and not any(p.end <= o.start and o.end <= figure.start for o in sm.places):
                return p.value
        return None

    def many_countries(self, sm: SentenceMentions, figure: Mention) -> str | None:
        """The region a figure's clause counts across many countries of ("from 13 African
        countries", "di 13 negara Afrika"): the region the sentence names, else the world
        (framing `many_countries_place`: "87,000 cases in 111 countries")."""
        many = getattr(self.framing, "many_countries", None)
        start, end = clause_of(self.framing, sm.text, figure.start)
        if many is None or not many.search(sm.text, start, end):
            return None
        places = self.rules["places"]
        return next((p.value for p in sm.places if p.value in places.regions),
                    getattr(self.framing, "many_countries_place", None))

    def joint_place(self, sm: SentenceMentions, figure: Mention) -> str | None:
        """The places a figure's clause names together, or those the text last named together
        when the clause says "both countries" ("di kedua negara")."""
        start, end = clause_of(self.framing, sm.text, figure.start)
        joint = joint_places(self.framing, sm, self.rules["places"], start, end)
        if joint is None and self.framing.joint_cues.find(sm.text[start:end]):
            return self.last_joint
        return joint
