"""Claims from one article's mentions: quantities, stances, event dates and durations.

The article is read in two passes: first what holds for the whole article (its main incident,
the persons it introduces), then each sentence in order, carrying what earlier sentences
established (the last speaker, the topic of stances)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from checker.frame import events as ev
from checker.frame.propositions import Topic, proposition
from checker.frame.speakers import Voice, body_of, person_mentions, register_persons, speaker
from checker.frame.syntax import (BARE_COUNTS, clause_of, measure_for, modality, owner_of, place_after, place_in,
                                  role_of)
from checker.frame.times import reference_day
from checker.model import Article, Claim, Evidence, EventRef, Mark, Mention
from checker.recognise import SentenceMentions
from checker.recognise.stances import agent_after


@dataclass
class ArticleFramer:
    article: Article
    rules: object
    main: EventRef | None = None
    persons: dict = field(default_factory=dict)
    voice: Voice = field(default_factory=Voice)
    topic: Topic = field(default_factory=Topic)
    claims: list[Claim] = field(default_factory=list)
    event_days: set = field(default_factory=set)

    @property
    def framing(self):
        return self.rules["framing"]

    @property
    def actors(self):
        return self.rules["actors"]

    @staticmethod
    def marks(*pairs) -> tuple:
        """(kind, mention) pairs -> the claim's marks; absent mentions are skipped."""
        return tuple(Mark(kind, m.start, m.end) for kind, m in pairs if m is not None)

    def add(self, **kw) -> Claim:
        kw.setdefault("extra", ())
        claim = Claim(id=f"{self.article.id}:{len(self.claims) + 1}", article=self.article.id, **kw)
        self.claims.append(claim)
        return claim

    # --- one sentence ---------------------------------------------------------------------------

    def frame_sentence(self, sm: SentenceMentions) -> None:
        sm = replace(sm, actors=sm.actors + person_mentions(sm, self.persons))
        who = speaker(sm, self.actors, self.framing, self.voice)
        event = ev.event_of(sm, self.main, self.rules["places"], self.article.published)
        when = reference_day(sm, self.framing, self.article.published, event.day if event else None)
        before = len(self.claims)
        self.frame_quantities(sm, who, when, event)
        self.frame_stances(sm, when)
        self.frame_durations(sm)
        self.frame_event_dates(sm, who, event)
        if who and not sm.quantities and self.framing.figure_anaphora.find(sm.text):
            self.give_speaker_to_previous(who)
        if who:
            self.voice.last = who
        else:
            named = [a for a in sm.actors if self.actors.role(a.value) not in ("conduit",)
                     and (a.rule.startswith("person:") or self.actors.role(a.value) == "person")]
            if named:
                self.voice.last = named[-1].value
        self.last_sentence_claims = self.claims[before:]

    @staticmethod
    def date_marks(sm: SentenceMentions, when: date | None) -> list:
        return [("date", d) for d in sm.dates if d.value.day == when][:1]

    def give_speaker_to_previous(self, who: str) -> None:
        """"Angka itu diumumkan Kepala BPBD ...": the figures of the sentence before, given in
        the outlet's voice, were this speaker's."""
        body = body_of(self.actors, who)
        for i, claim in enumerate(self.claims):
            if claim in getattr(self, "last_sentence_claims", ()) and claim.kind == "quantity" \
                    and claim.speaker is None:
                self.claims[i] = replace(claim, speaker=body)

    def frame_quantities(self, sm: SentenceMentions, who: str | None, when: date | None,
                         event: EventRef | None) -> None:
        actors, framing = self.actors, self.framing
        priority = self.rules["measures"].priority
        incidents = self.rules.get("incidents")
        for figure in sm.quantities:
            if figure.kind != "quantity":
                continue
            measure = measure_for(framing, priority, sm, figure,
                                  incidents.measures if incidents is not None else frozenset())
            if measure is None:
                continue
            role = role_of(framing, sm, figure)
            if role == "increment":
                continue  # "2,000 more troops": the total is not given
            nouns = [m for m in sm.measures if m.start >= figure.end and m.start - figure.end <= 24]
            owner = None
            for noun in sorted(nouns, key=lambda m: m.start) or [measure]:
                owner = owner_of(framing, sm, noun, sm.actors)
                if owner:
                    break
            subject, about = (actors.government(owner.value), None) if owner else (None, None)
            if subject is None and event is not None and incidents is not None \
                    and measure.value in incidents.measures:
                subject, about = event.id, event
            if subject is None and measure.value in BARE_COUNTS:
                continue
            skip = [(owner.start, owner.end)] if owner else []
            where = place_after(framing, sm, figure.end, skip) or place_in(framing, sm, skip)
            if about is not None and where is None:
                where = about.place
            if subject and about is None:
                self.topic.subject = subject
            self.add(kind="quantity", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     subject=subject, measure=measure.value, value=figure.value, unit="count",
                     where=where, when=when, modality=modality(sm, framing, figure),
                     speaker=body_of(actors, who) if who else None, event=about,
                     marks=self.marks(("figure", figure), ("measure", measure), *self.date_marks(sm, when)),
                     extra=(("figure", figure.text), ("speaker_name", who), ("role", role),
                            ("published", self.article.published)))

    def frame_stances(self, sm: SentenceMentions, when: date | None) -> None:
        actors = self.actors
        held = set()
        for cue in sm.stances:
            holder = self.holder(sm, cue)
            if holder is None:
                continue
            government = actors.government(holder.value)
            if government in held:
                continue
            about = proposition(sm, cue, holder, self.rules, self.topic)
            if about is None:
                continue
            held.add(government)
            self.add(kind="stance", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     subject=government, speaker=holder.value, stance=cue.value, proposition=about,
                     marks=self.marks(("stance", cue), ("speaker", holder), *self.date_marks(sm, when)),
                     when=when, extra=(("cue", cue.text), ("rule", cue.rule),
                                       ("published", self.article.published)))

    def holder(self, sm: SentenceMentions, cue: Mention) -> Mention | None:
        text = sm.text
        if cue.rule.endswith(":passive"):
            agent_pos = agent_after(text, self.rules, cue.end)
            if agent_pos is not None:
                after = sorted((a for a in sm.actors if a.start >= agent_pos), key=lambda a: a.start)
                if after:
                    return after[0]
        clause_start, _ = clause_of(self.framing, text, cue.start)
        before = sorted((a for a in sm.actors if clause_start <= a.start and a.end <= cue.start),
                        key=lambda a: a.start)
        if before:
            # the head of the subject phrase comes first in both languages; a person named in
            # it is the most specific holder ("Kepala Staf Umum Rusia, Valery Gerasimov")
            persons = [a for a in before[:3] if self.actors.role(a.value) == "person"]
            heads = [a for a in before if self.actors.role(a.value) != "conduit"]
            return (persons or heads or before)[0]
        pronoun = [p for p in sm.pronouns if clause_start <= p.start < cue.start]
        if pronoun and self.voice.last:
            return Mention("actor", pronoun[0].text, pronoun[0].start, pronoun[0].end, self.voice.last)
        return None

    def frame_durations(self, sm: SentenceMentions) -> None:
        for d in sm.durations:
            near = [e for e in sm.events if abs(e.start - d.start) <= 80]
            extra = [("published", self.article.published), ("figure", d.text)]
            if d.value.since:
                extra.append(("since", d.value.since))
            self.add(kind="duration", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     measure=near[0].value if near else None, value=d.value.seconds,
                     unit=d.value.unit or "second", when=self.article.published,
                     marks=self.marks(("duration", d)), extra=tuple(extra))

    def frame_event_dates(self, sm: SentenceMentions, who: str | None, event: EventRef | None) -> None:
        """A dated happening: an incident on its day ("kerusuhan Sabtu (1/10) malam"), or a
        dated statement, warning or visit of an actor ("a statement issued on 3 November")."""
        published = self.article.published
        dated = [d for d in sm.dates if d.value.grain == "day"
                 and (published is None or d.value.day <= published)]
        if not dated:
            return
        if event is not None and sm.incidents:
            figures = [q.start for q in sm.quantities]
            # a figure between the incident and the date makes it the figure's day ("the
            # floods' toll rose to 62 on Tuesday"), not the incident's
            near = sorted(((abs(d.start - i.end), d) for i in sm.incidents for d in dated
                           if i.value == event.type
                           and not any(min(i.end, d.start) <= f <= max(i.start, d.end) for f in figures)),
                          key=lambda t: t[0])
            if near and near[0][0] <= 80:
                d = near[0][1]
                if (event.id, d.value.day) not in self.event_days:
                    self.event_days.add((event.id, d.value.day))
                    self.add(kind="event_date", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                             subject=event.id, measure="occurred", when=d.value.day, event=event,
                             marks=self.marks(("date", d)),
                             extra=(("date_text", d.text), ("published", published)))
                return
        if not sm.events:
            return
        actors = self.actors
        undated = self.framing.undated_events
        pairs = sorted(((abs(d.start - e.end), e, d) for e in sm.events for d in dated
                        if e.value not in undated), key=lambda t: t[0])
        for distance, happening, date_m in pairs[:1]:
            if distance > 60:
                continue
            holder = who or next((a.value for a in sorted(sm.actors, key=lambda a: a.start)
                                  if actors.role(a.value) != "conduit"), None)
            if holder is None:
                continue
            self.add(kind="event_date", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     subject=actors.government(holder), measure=happening.value, when=date_m.value.day,
                     speaker=holder, marks=self.marks(("date", date_m), ("incident", happening)),
                     extra=(("date_text", date_m.text), ("published", published)))


def frame_article(article: Article, mentions: list[SentenceMentions], rules) -> list[Claim]:
    """All claims of an article from its sentences' mentions, in body order."""
    framer = ArticleFramer(article, rules)
    incidents = rules.get("incidents")
    framer.main = ev.main_event(mentions, rules["places"], article.published,
                                incidents.order if incidents is not None else (), rules["framing"])
    framer.persons = register_persons(mentions, rules["actors"], rules["framing"])
    for sm in mentions:
        framer.frame_sentence(sm)
    return framer.claims
