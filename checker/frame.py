"""Frame: from a sentence's mentions to claims (quantity, stance, event_date, duration).

The recognisers say what words are there; framing decides how they hang together: whose troops
a figure counts, where, when, in which modality, said by whom, and what a denial is about. The
windows, prepositions and clause boundaries it uses are language knowledge, kept in the
`framing` rule files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from marshmallow import Schema, fields, validate

from checker.model import Article, Claim, Evidence, Mention, Sentence
from checker.recognise.attribution import find_attribution, find_pronouns
from checker.recognise.dates import find_dates, find_durations
from checker.recognise.numbers import find_quantities
from checker.recognise.stances import agent_after, find_stances
from checker.rulebook import LanguageRules, RuleKind, register_kind

MODALITY_ORDER = ("planned", "alleged", "estimate")


class FramingSchema(Schema):
    subject_side = fields.String(required=True, validate=validate.OneOf(["after", "before"]))
    measure_window = fields.Integer(load_default=48)  # characters around a figure for its noun
    subject_window = fields.Integer(load_default=24)  # characters between a noun and its owner
    clause_breaks = fields.List(fields.String(), required=True)  # regexes that end a clause
    place_prepositions = fields.List(fields.String(), required=True)  # "ke", "di", "to", "in"
    # events that name what durations are about rather than a dated happening ("war")
    undated_events = fields.List(fields.String(), load_default=list)
    # words that may stand between a counted noun and its owner ("pasukan dari Korea Utara")
    owner_links = fields.List(fields.String(), load_default=list)


@dataclass(frozen=True)
class Framing:
    subject_side: str
    measure_window: int
    subject_window: int
    clause_break: re.Pattern
    place_preposition: re.Pattern
    undated_events: frozenset
    owner_links: frozenset


def compile_framing(datas: list[dict]) -> Framing:
    data = {k: v for d in datas for k, v in d.items()}
    breaks = "|".join(f"(?:{b})" for b in data["clause_breaks"])
    preps = "|".join(re.escape(p) for p in data["place_prepositions"])
    return Framing(data["subject_side"], data["measure_window"], data["subject_window"],
                   re.compile(breaks, re.IGNORECASE),
                   re.compile(rf"(?<![\w-])(?:{preps})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE),
                   frozenset(data.get("undated_events", ())),
                   frozenset(w.casefold() for w in data.get("owner_links", ())))


@dataclass
class ArticleContext:
    """What earlier sentences of the same article established (anaphora, topic carry-over)."""

    last_person: str | None = None
    last_subject: str | None = None
    last_place: str | None = None
    last_proposition: str | None = None


@dataclass(frozen=True)
class SentenceMentions:
    sentence: Sentence
    actors: list[Mention]
    places: list[Mention]
    measures: list[Mention]
    modality: list[Mention]
    topics: list[Mention]
    events: list[Mention]
    quantities: list[Mention]
    dates: list[Mention]
    durations: list[Mention]
    stances: list[Mention]
    attribution: list[Mention]
    pronouns: list[Mention]

    def all(self) -> list[Mention]:
        out = []
        for name in ("actors", "places", "measures", "modality", "topics", "events", "quantities",
                     "dates", "durations", "stances", "attribution", "pronouns"):
            out += getattr(self, name)
        return sorted(out, key=lambda m: (m.start, -m.end))


def recognise(sentence: Sentence, rules: LanguageRules, ref: date | None) -> SentenceMentions:
    """Every recogniser over one sentence; offsets stay local to the sentence text."""
    text = sentence.text
    quantities = find_quantities(text, rules)
    dates = find_dates(text, rules, ref)
    # a figure inside a date ("3 November 2024") is a date part, never a count
    quantities = [q for q in quantities if not any(_overlaps(q, d) for d in dates)]
    return SentenceMentions(
        sentence,
        actors=rules["actors"].find(text),
        places=rules["places"].find(text),
        measures=rules["measures"].find(text),
        modality=rules["modality"].find(text),
        topics=rules["topics"].find(text),
        events=rules["events"].find(text),
        quantities=quantities,
        dates=dates,
        durations=find_durations(text, rules),
        stances=find_stances(text, rules),
        attribution=find_attribution(text, rules),
        pronouns=find_pronouns(text, rules),
    )


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _gap(text: str, a_end: int, b_start: int) -> str:
    return text[a_end:b_start] if a_end <= b_start else ""


@dataclass
class Framer:
    article: Article
    rules: LanguageRules
    context: ArticleContext = field(default_factory=ArticleContext)
    claims: list[Claim] = field(default_factory=list)

    @property
    def framing(self) -> Framing:
        return self.rules["framing"]

    # --- helpers over one sentence -----------------------------------------------------------

    def clause_of(self, text: str, pos: int) -> tuple[int, int]:
        start, end = 0, len(text)
        for m in self.framing.clause_break.finditer(text):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    def linked(self, sm: SentenceMentions, start: int, end: int) -> bool:
        """Whether only linking words stand between a noun and its owner: nothing, "dari",
        "of", "'s", or other counted nouns and topics ("pengerahan pasukan Korea Utara")."""
        gap = sm.sentence.text[start:end]
        for m in sm.measures + sm.topics:
            if start <= m.start and m.end <= end:
                gap = gap[:m.start - start] + " " * (m.end - m.start) + gap[m.end - start:]
        words = re.findall(r"[\w'’-]+|[^\w\s]", gap.casefold())
        return all(w in self.framing.owner_links for w in words)

    def owner_of(self, sm: SentenceMentions, noun: Mention, exclude=()) -> Mention | None:
        """The actor a counted noun belongs to: "tentara Korea Utara", "North Korean troops"."""
        window = self.framing.subject_window
        after = [a for a in sm.actors if a.start >= noun.end and a.start - noun.end <= window
                 and a not in exclude and self.linked(sm, noun.end, a.start)]
        before = [a for a in sm.actors if a.end <= noun.start and noun.start - a.end <= window
                  and a not in exclude and self.linked(sm, a.end, noun.start)]
        after.sort(key=lambda a: a.start)
        before.sort(key=lambda a: -a.end)
        order = (after, before) if self.framing.subject_side == "after" else (before, after)
        for group in order:
            if group:
                return group[0]
        return None

    def measure_for(self, sm: SentenceMentions, figure: Mention) -> Mention | None:
        """The measure a figure counts: outcome phrases outrank counted nouns (file order)."""
        text, window = sm.sentence.text, self.framing.measure_window
        near = []
        for m in sm.measures:
            if m.start >= figure.end and m.start - figure.end <= window:
                gap = _gap(text, figure.end, m.start)
            elif m.end <= figure.start and figure.start - m.end <= window // 2:
                gap = _gap(text, m.end, figure.start)
            else:
                continue
            if re.search(r"[;:()]|\d", gap):  # another figure or a clause in between
                continue
            near.append(m)
        if not near:
            return None
        priority = self.rules["measures"].priority
        return min(near, key=lambda m: (priority.index(m.value), abs(m.start - figure.end)))

    def place_after(self, sm: SentenceMentions, pos: int, exclude_spans=()) -> str | None:
        text = sm.sentence.text
        _, clause_end = self.clause_of(text, pos)
        for p in sorted(sm.places, key=lambda p: p.start):
            if p.start < pos or p.start > clause_end:
                continue
            if any(p.start < e and s < p.end for s, e in exclude_spans):
                continue
            return p.value
        return None

    def place_in(self, sm: SentenceMentions, exclude_spans=()) -> str | None:
        """A place the sentence puts something in or sends it to ("ke Rusia", "di Kursk")."""
        text = sm.sentence.text
        for p in sorted(sm.places, key=lambda p: p.start):
            if any(p.start < e and s < p.end for s, e in exclude_spans):
                continue
            if self.framing.place_preposition.search(text[:p.start]):
                return p.value
        return None

    def modality(self, sm: SentenceMentions, figure: Mention) -> str:
        clause_start, _ = self.clause_of(sm.sentence.text, figure.start)
        cues = {m.value for m in sm.modality if clause_start <= m.start < figure.start
                or 0 <= m.start - figure.end <= 12}
        for modality in MODALITY_ORDER:
            if modality in cues:
                return modality
        if "estimate" in figure.rule:
            return "estimate"
        return "actual"

    def speaker(self, sm: SentenceMentions) -> str | None:
        """Who the sentence attributes its claims to; None is the outlet's own voice."""
        text = sm.sentence.text
        actors = sorted(sm.actors, key=lambda a: a.start)
        for cue in sm.attribution:
            if cue.value == "previous":
                return self.context.last_person
            after = [a for a in actors if a.start >= cue.end and a.start - cue.end <= 60]
            before = [a for a in actors if a.end <= cue.start]
            pronoun_before = [p for p in sm.pronouns if p.end <= cue.start and cue.start - p.end <= 30]
            if cue.value in ("after", "either") and after:
                return self.speaking_actor(after)
            if cue.value == "either":  # "..., the Pentagon said": the nearest actor before
                near = [a for a in before if cue.start - a.end <= 40]
                if near:
                    return self.speaking_actor(near[::-1])
            if cue.value in ("before", "either"):
                clause_start, _ = self.clause_of(text, cue.start)
                in_clause = [a for a in before if a.start >= clause_start]
                if in_clause:
                    return self.speaking_actor(in_clause)
                if pronoun_before:
                    return self.context.last_person
        return None

    def speaking_actor(self, candidates: list[Mention]) -> str | None:
        """The most specific speaker among actors in a phrase, skipping news agencies:
        "Sekretaris Jenderal NATO, Mark Rutte" -> rutte."""
        actors = self.rules["actors"]
        speaking = [a for a in candidates if actors.role(a.value) != "conduit"]
        if not speaking:
            return None
        persons = [a for a in speaking[:3] if actors.role(a.value) == "person"]
        return (persons or speaking)[0].value

    def when(self, sm: SentenceMentions) -> date | None:
        """The sentence's own date, else the publication date. Dates after publication
        ("dalam beberapa minggu ke depan") say when a plan is due, not when a claim holds."""
        published = self.article.published
        days = [d for d in sm.dates if d.value.grain == "day"
                and (published is None or d.value.day <= published)]
        if days:
            return days[0].value.day
        return self.article.published

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(sentence.text, sentence.start, sentence.end)

    def add(self, **kw) -> None:
        kw.setdefault("extra", ())
        self.claims.append(Claim(id=f"{self.article.id}:{len(self.claims) + 1}",
                                 article=self.article.id, **kw))

    # --- claims ------------------------------------------------------------------------------

    def frame_sentence(self, sm: SentenceMentions) -> None:
        speaker = self.speaker(sm)
        when = self.when(sm)
        self.frame_quantities(sm, speaker, when)
        self.frame_stances(sm, when)
        self.frame_durations(sm)
        self.frame_events(sm, speaker)
        # remember the last named person for "ujarnya", "ia mengatakan"
        persons = [a for a in sm.actors if self.rules["actors"].role(a.value) == "person"]
        if persons:
            self.context.last_person = speaker if speaker in {p.value for p in persons} else persons[-1].value

    def frame_quantities(self, sm: SentenceMentions, speaker: str | None, when: date | None) -> None:
        actors = self.rules["actors"]
        for figure in sm.quantities:
            if figure.kind != "quantity":
                continue
            measure = self.measure_for(sm, figure)
            if measure is None:
                continue
            nouns = [m for m in sm.measures if m.start >= figure.end and m.start - figure.end <= 24]
            owner = None
            for noun in sorted(nouns, key=lambda m: m.start) or [measure]:
                owner = self.owner_of(sm, noun)
                if owner:
                    break
            subject = actors.government(owner.value) if owner else None
            skip = [(owner.start, owner.end)] if owner else []
            where = self.place_after(sm, figure.end, skip) or self.place_in(sm, skip)
            if subject:
                self.context.last_subject = subject
            self.add(kind="quantity", evidence=self.evidence(sm.sentence), subject=subject,
                     measure=measure.value, value=figure.value, unit="count", where=where, when=when,
                     modality=self.modality(sm, figure),
                     speaker=actors.government(speaker) if speaker else None,
                     extra=(("figure", figure.text), ("speaker_name", speaker),
                            ("published", self.article.published)))

    def frame_stances(self, sm: SentenceMentions, when: date | None) -> None:
        actors = self.rules["actors"]
        held = set()
        for cue in sm.stances:
            holder = self.holder(sm, cue)
            if holder is None:
                continue
            government = actors.government(holder.value)
            if government in held:
                continue
            proposition = self.proposition(sm, cue, holder)
            if proposition is None:
                continue
            held.add(government)
            self.add(kind="stance", evidence=self.evidence(sm.sentence), subject=government,
                     speaker=holder.value, stance=cue.value, proposition=proposition, when=when,
                     extra=(("cue", cue.text), ("rule", cue.rule),
                            ("published", self.article.published)))

    def holder(self, sm: SentenceMentions, cue: Mention) -> Mention | None:
        text = sm.sentence.text
        if cue.rule.endswith(":passive"):
            agent_pos = agent_after(text, self.rules, cue.end)
            if agent_pos is not None:
                after = sorted((a for a in sm.actors if a.start >= agent_pos), key=lambda a: a.start)
                if after:
                    return after[0]
        clause_start, _ = self.clause_of(text, cue.start)
        before = sorted((a for a in sm.actors if clause_start <= a.start and a.end <= cue.start),
                        key=lambda a: a.start)
        if before:
            # the head of the subject phrase comes first in both languages; a person named in
            # it is the most specific holder ("Kepala Staf Umum Rusia, Valery Gerasimov")
            actors = self.rules["actors"]
            persons = [a for a in before[:3] if actors.role(a.value) == "person"]
            heads = [a for a in before if actors.role(a.value) != "conduit"]
            return (persons or heads or before)[0]
        pronoun = [p for p in sm.pronouns if clause_start <= p.start < cue.start]
        if pronoun and self.context.last_person:
            return Mention("actor", pronoun[0].text, pronoun[0].start, pronoun[0].end,
                           self.context.last_person)
        return None

    def proposition(self, sm: SentenceMentions, cue: Mention, holder: Mention) -> str | None:
        """What is confirmed or denied: "<subject>.<topic>.<country>", e.g.
        north_korea.deployment.russia. Parts the sentence leaves out come from earlier sentences."""
        actors, places = self.rules["actors"], self.rules["places"]
        passive = cue.rule.endswith(":passive")
        scope = sm.topics if passive else [t for t in sm.topics if t.start >= cue.end]
        topic = scope[0] if scope else None
        if topic is None:
            if self.context.last_proposition and not sm.topics:
                return self.context.last_proposition  # "menepis laporan itu": the last one
            return None
        others = [a for a in sm.actors if a is not holder and not _overlaps(a, holder)
                  and actors.role(a.value) != "conduit"]
        subject_m = self.owner_of(replace(sm, actors=others), topic)
        if subject_m is None and self.context.last_subject is None:
            # no owner next to the topic and nothing earlier to refer back to
            later = sorted((a for a in others if a.start > topic.end), key=lambda a: a.start)
            subject_m = later[0] if later else None
        subject = actors.government(subject_m.value) if subject_m else self.context.last_subject
        skip = [(subject_m.start, subject_m.end)] if subject_m else []
        skip.append((holder.start, holder.end))
        where = self.place_after(sm, topic.start, skip) or self.place_in(sm, skip)
        if where is None and self.context.last_proposition:
            last_subject, last_topic, last_where = self.context.last_proposition.split(".")
            if last_subject == subject and last_topic == topic.value:
                where = last_where
        if subject is None:
            return None
        country = places.country(where) if where else "unknown"
        if country == "unknown" and self.context.last_place:
            country = places.country(self.context.last_place)
        proposition = f"{subject}.{topic.value}.{country}"
        self.context.last_proposition = proposition
        self.context.last_subject = subject
        if where:
            self.context.last_place = where
        return proposition

    def frame_durations(self, sm: SentenceMentions) -> None:
        for d in sm.durations:
            events = [e for e in sm.events if abs(e.start - d.start) <= 80]
            measure = events[0].value if events else None
            extra = [("published", self.article.published), ("figure", d.text)]
            if d.value.since:
                extra.append(("since", d.value.since))
            self.add(kind="duration", evidence=self.evidence(sm.sentence), measure=measure,
                     value=d.value.seconds, unit=d.value.unit or "second",
                     when=self.article.published, extra=tuple(extra))

    def frame_events(self, sm: SentenceMentions, speaker: str | None) -> None:
        """A dated event: "a statement issued on 3 November 2024", "a warning on 1 November"."""
        actors = self.rules["actors"]
        dated = [d for d in sm.dates if d.value.grain == "day"]
        if not dated or not sm.events:
            return
        pairs = sorted(((abs(d.start - e.end), e, d) for e in sm.events for d in dated
                        if e.value not in self.rules["framing"].undated_events),
                       key=lambda t: t[0])
        for distance, event, date_m in pairs[:1]:
            if distance > 60:
                continue
            holder = speaker or next((a.value for a in sorted(sm.actors, key=lambda a: a.start)
                                      if actors.role(a.value) != "conduit"), None)
            if holder is None:
                continue
            self.add(kind="event_date", evidence=self.evidence(sm.sentence),
                     subject=actors.government(holder), measure=event.value, when=date_m.value.day,
                     speaker=holder, extra=(("date_text", date_m.text),
                                            ("published", self.article.published)))
            return


def frame(article: Article, sentences: list[Sentence], rules: LanguageRules) -> list[Claim]:
    """All claims of an article, its sentences in order; offsets become article offsets."""
    framer = Framer(article, rules)
    seen = set()
    for sentence in sentences:
        key = " ".join(sentence.text.split()).casefold()
        if key in seen:  # scraped pages repeat headlines and lead paragraphs
            continue
        seen.add(key)
        framer.frame_sentence(recognise(sentence, rules, article.published))
    return framer.claims


def run_framing_example(example: dict, rules: LanguageRules):
    """A framing example: one sentence, the claims expected from it (only the fields named)."""
    published = example.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    text = example["text"]
    article = Article(id="example", body=text, language=rules.language, published=published)
    claims = frame(article, [Sentence(text, 0, len(text))], rules)
    expected = example["expect"]
    actual = []
    for claim, want in zip(claims, expected):
        got = {}
        for key in want:
            value = getattr(claim, key, None) if key not in ("low", "high") else (
                getattr(claim.value, key) if claim.value else None)
            got[key] = value.isoformat() if isinstance(value, date) else value
        actual.append(got)
    if len(claims) > len(expected):
        actual += [{"unexpected": c.kind, "evidence": c.evidence.text} for c in claims[len(expected):]]
    return expected, actual


register_kind(RuleKind("framing", FramingSchema, compile_framing, run_framing_example))
