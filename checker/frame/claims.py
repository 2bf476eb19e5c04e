"""Claims from one article's mentions: stances, event dates and durations here, quantities in
figures.py (a part of the same framer), the passes over the finished claims in passes.py.

The article is read in two passes: first what holds for the whole article (its main incident,
the persons it introduces), then each sentence in order, carrying what earlier sentences
established (the last speaker, the topic of stances)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from checker.frame import events as ev
from checker.frame import happening_days as hd
from checker.frame.figures import FigureFraming
from checker.frame.passes import echo_days, echo_speakers, regional_speakers, regions_abroad
from checker.frame.over_limit import over_limit_stances
from checker.frame.agents import co_holders, named_holder, unknown_speaker
from checker.frame.bodies import (defined_bodies, defined_mentions, place_bodies, regional_bodies_after_region,
                                  regional_governments, voice_of, without_described_bodies, without_described_states,
                                  without_operators)
from checker.frame.child_victims import child_victim_ages
from checker.frame.figure_stances import confirmations
from checker.frame.persons import person_mentions, register_firms, register_persons, with_firms
from checker.frame.propositions import (negated, note_context, note_rumour, polarity, read_assertions, read_cue,
                                       trailing_comma)
from checker.frame.speakers import Voice, in_dateline, note_lone, speaker
from checker.frame.stance_topic import Topic
from checker.frame.wordspans import words, words_after, words_before
from checker.frame.places import joint_places, off_route, with_named_sites, with_site_anaphors
from checker.frame.syntax import clause_of, modality, without_possessors
from checker.frame.zeros import with_zero_counts
from checker.frame.times import (anchored, as_of_day, dates_earlier_figure, day_part, in_relative_clause, reference_day,
                                 sets_against, told_period, trailing_tag_day)
from checker.model import Article, Claim, Evidence, EventRef, Mark, Mention
from checker.recognise import SentenceMentions
from checker.recognise.stances import StanceCue, agent_after

# a short phrase and a comma opening the sentence ("Weeks later, the ministry confirmed", "Sebulan
# kemudian, kementerian itu"): the role named after it is still the clause's subject
_POSSESSIVE = re.compile(r"\s*['’]s\s+")  # "Indonesia's North Sulawesi": the country owning the place after it
_FRONTED = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*,\s*")


@dataclass
class ArticleFramer(FigureFraming):
    article: Article
    rules: object
    main: EventRef | None = None
    persons: dict = field(default_factory=dict)
    firms: dict = field(default_factory=dict)  # firms no table knows, named with their legal form
    voice: Voice = field(default_factory=Voice)
    topic: Topic = field(default_factory=Topic)
    claims: list[Claim] = field(default_factory=list)
    event_days: set = field(default_factory=set)
    narrative: date | None = None  # the latest day the text so far has named
    narrative_countries: frozenset = frozenset()  # the countries the sentence naming it placed things in
    last_measure: str | None = None  # of the article's last whole figure, which a share divides
    whole_measures: set = field(default_factory=set)  # of every whole figure the article gave so far
    last_sentence_claims: tuple = ()  # what "Angka itu diumumkan X" gives X
    last_named: date | None = None  # the last day the text named, which "the next day" counts from
    last_joint: str | None = None  # the places the text last named together, "both countries"
    last_country: str | None = None  # of the last figure placed by its own words: whose "capital"
    own_place_now: str | None = None  # where this sentence's figures were placed by their own words
    own_place_before: str | None = None  # ...and the last sentence with figures: "Dari jumlah itu" counts there
    abroad: str | None = None  # a place outside its happening's country this sentence put its figures in
    abroad_before: str | None = None  # ...and the one the sentence before did
    told_phase: str | None = None  # the wave the sentence before told of, giving no figure
    told_past: tuple | None = None  # the past period the sentence before told of a happening in, and its place
    contrast_before: bool = False  # the sentence before set a figure against another's
    contrasted: bool = False  # ...or this one does: its figures are set against another source's
    narrative_part: int | None = None  # the part of the narrative's day it named ("Selasa pagi")
    narrative_cutoff: bool = False  # the narrative's day is an as-of day ("hingga Sabtu (27/4/2024)")
    day_part: int | None = None  # the part of the day this sentence's figures hold as of
    speech: tuple = (None, 0, -1)  # (who spoke in the paragraph, sentences run on since, where its sentence ended)
    told: tuple = (None, None)  # (who, as of which day) the last sentence with a speaker told its figures

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
        named = person_mentions(sm, self.persons, self.firms)
        firms = [(m.start, m.end) for m in named if m.text in self.firms]
        sm = replace(sm, actors=[a for a in sm.actors if not in_dateline(sm.text, a)
                                 and not any(s <= a.start and a.end <= e for s, e in firms)] + named)
        sm = without_described_states(sm, self.actors, self.framing)
        sm = without_described_bodies(sm, self.actors)
        sm = without_operators(sm, self.actors, self.framing)
        # ("pada hari yang sama", "the same day": the day the figure before holds for, else the day named last)
        figure_day = next((c.when for c in reversed(self.claims) if c.kind == "quantity"), None)
        sm = anchored(sm, self.framing, self.last_named, self.article.published,
                      self.main.day if self.main is not None else None, figure_day)
        named = [d.value.day for d in sorted(sm.dates, key=lambda d: d.start) if d.value.grain == "day"
                 and (self.article.published is None or d.value.day <= self.article.published)]
        if named:
            self.last_named = named[-1]
        self.last_joint = joint_places(self.framing, sm, self.rules["places"]) or self.last_joint
        self.voice.person = None
        self.abroad_before, self.abroad = self.abroad, None
        who = speaker(sm, self.actors, self.framing, self.voice, self.rules["places"])
        who = self.speech_running_on(sm, who)
        event = ev.event_of(sm, self.main, self.rules["places"], self.article.published, self.framing,
                            self.told_phase)
        # a wave told of without a figure: the next sentence's figures count it ("... on Tuesday
        # and Wednesday. At least 37 people were killed")
        self.told_phase = ev.phase_of(sm, self.framing) \
            if sm.incidents and not any(q.kind == "quantity" for q in sm.quantities) else None
        contrast_here = bool(self.framing.contrast_cues and self.framing.contrast_cues.find(sm.text))
        self.contrasted, self.contrast_before = contrast_here or self.contrast_before, contrast_here
        countries = frozenset(self.rules["places"].country(p.value) for p in sm.places)
        # a day one sentence named for a country's count does not date another country's figures
        # ("NUG: 3,471 dead as of Tuesday ... In Bangkok, Thailand, 22 have died": as of the report)
        elsewhere = bool(countries) and bool(self.narrative_countries) and not countries & self.narrative_countries
        when = reference_day(sm, self.framing, self.article.published, event.day if event else None,
                             None if elsewhere else self.narrative)
        told_by, told_on = self.told
        if who is not None and who == told_by and told_on is not None and not named \
                and self.framing.speech_goes_on.find(sm.text):
            when = told_on  # "Abiad menambahkan bahwa ...", "he added": the same telling, as of its day
        if who is not None:
            self.told = (who, when)
        past_before = (self.main.day if self.main is not None else None) or self.article.published
        past_incident = (self.main.day or self.article.published) if self.main is not None else None
        if self.main is not None and self.main.day is None and any(i.value == self.main.type for i in sm.incidents):
            # an undated main happening (a follow-up weeks after: "jumlah korban tewas akibat ledakan
            # 4 Agustus 2020 mencapai 190 orang" in October) is dated by the line naming it on its
            # day, no earlier happening of its type
            past_incident = None
        past = ev.past_period(sm, past_before, self.framing, past_incident)
        # a figure whose own stretch of the sentence names a period of its own is counted over that
        # one ("537 deaths so far this year, ... more cases than the 14,626 recorded in 2023",
        # "satu kasus pada 2022, 73 kasus pada 2023, dan 14 kasus sepanjang 2024")
        # (and a past period beside a figure of its own dates only that one: "a 160% rise in cases
        # from the same period last year")
        elsewhere_past = None if ev.period_of_its_own(sm, past, self.framing) else past
        pasts = {id(q): ev.past_period(replace(sm, dates=own), past_before, self.framing, past_incident)
                 if (own := ev.stretch_dates(sm, q, self.framing)) else elsewhere_past for q in sm.quantities}
        told_place = ev.deepest_place(self.rules["places"], [p.value for p in sm.places])
        time_back = getattr(self.framing, "time_anaphora", None)
        if past is None and self.told_past is not None and (
                not sm.dates and ev.refers_back(sm, self.framing)
                or time_back is not None and time_back.match(sm.text)
                and all(d.rule == "frame:anchored_day" for d in sm.dates)):  # ("Saat itu" read as the last day named)
            # (or "Saat itu, ... 87.000 kasus": at the time the sentence before told of)
            # "... kapal pecah di dekat Cutro pada Februari 2023. Sebanyak 94 orang tewas dalam
            # kecelakaan tersebut": that earlier happening's toll (and place), not the reported one's
            past, told_place = self.told_past
        self.told_past = (past, told_place) if past is not None and sm.incidents else None
        when_now, event_now = when, event

        def in_period(period):
            if period is None:
                return when_now, event_now
            # "Tahun lalu, banjir di Garut menewaskan 30 orang": an earlier happening, counted as of
            # its period's end
            dated = event_now
            if dated is not None:
                # (a later happening the sentence tells after an earlier one it names, "Days after the Kuriga
                # attack, gunmen abducted 61 people ... on March 11", stays apart as the sentence's own)
                dated = replace(dated, day=period.value.day,
                                phase=dated.phase if ev.later_happening(sm, self.framing) else None)
                if told_place is not None and self.rules["places"].country(told_place) != dated.country:
                    # (in a country of its own: "since April 2015, when 800 died off Libya")
                    dated = replace(dated, country=self.rules["places"].country(told_place), place=told_place)
            return same_stretch(sm, self.framing, period, when_now) or period.value.end, dated

        when, event = in_period(past)
        campaign = ev.campaign_since(sm, self.rules.get("incidents"),
                                     (self.main.day if self.main is not None else None) or self.article.published,
                                     self.framing)
        if campaign is not None and past is None and event is not None and event.type != campaign \
                and event.type not in self.rules.get("incidents").lasting:
            # "30,035 killed in Gaza since Oct. 7": the war's running toll, not the incident's
            event = EventRef(campaign, event.country, event.place)
        # the clock moves to the latest day named, but not to an incident's own day: that
        # says when it happened, not when anything was counted
        # nor to a day before the main incident's: background ("Siaga 1 sejak 10 Oktober 2023")
        main_day = self.main.day if self.main is not None else None
        # nor to a day to come that a weekday's name read as gone by ("he would travel to Sumenep
        # on Thursday", "akan berkunjung pada Kamis": a plan, not a count)
        planned = [m.end for m in sm.modality if m.value == "planned"]
        own_days = [d.value.day for d in sm.dates if d.value.grain == "day"
                    and (self.article.published is None or d.value.day <= self.article.published)
                    and d.value.day not in (main_day, event.day if event else None)
                    and (main_day is None or d.value.day > main_day)
                    # nor to a day a relative clause gives what it tells of ("The leak, which started
                    # early Saturday, has spread 26 km"): when it began, not when anything was counted
                    and not in_relative_clause(sm, d, self.framing)
                    and not any(e <= d.start and not re.search(r"[,;:]", sm.text[e:d.start])
                                and words(sm.text, e, d.start) <= self.framing.window("modality_before")
                                for e in planned)]
        cutoff = as_of_day(sm, self.framing, self.article.published)
        if cutoff is not None and cutoff not in own_days and cutoff not in (main_day, event.day if event else None) \
                and (main_day is None or cutoff > main_day):
            own_days.append(cutoff)  # "sejak awal tahun hingga Sabtu (27/4/2024)": the count's cut-off moves the clock
        # a byline or dateline ("Fajar Nugraha • 19 September 2024 04:23") names the day of
        # publication, not a day of the news: it does not move the clock
        outside = sm.text
        for d in sorted(sm.dates, key=lambda d: -d.start):
            outside = outside[:d.start] + " " + outside[d.end:]
        dateline = len(re.findall(r"[^\W\d]+", outside)) <= self.framing.window("dateline")
        # (a happening denied tells of none: "menegaskan tidak ada peristiwa tembak-menembak, Rabu (24/8)",
        # "said there had been no incident at the plant on Thursday" date the news)
        telling = self.main is not None and self.main.type not in self.framing.undated_incidents \
            and any(i.value in (self.main.type, ev.GENERIC)
                    and not negated(sm, self.rules["stances"], clause_of(self.framing, sm.text, i.start)[0], i)
                    for i in sm.incidents)
        if telling and not any(q.kind == "quantity" for q in sm.quantities):
            # a sentence telling of the happening with no figure ("the explosions ... on Tuesday
            # and Wednesday") dates the happening, not a count the next sentence gives
            # (a graft case has no day: "menetapkan ... tersangka kasus korupsi, Rabu (27/3)" dates the news)
            own_days = []
        clock = (self.narrative, self.narrative_part, self.narrative_countries)
        if own_days and self.narrative is not None and _looks_back(sm, self.framing):
            # "Sehari sebelumnya, Rabu (19/6), ... 183 orang", "Laporan awal pada Senin ...": an
            # earlier count recalled; the figures after it still hold as of the later day
            own_days = [d for d in own_days if d >= self.narrative]
        if own_days and not dateline and not self.keeps_cutoff(sm, own_days):
            self.narrative_cutoff = cutoff == max(own_days)
            self.narrative = max(own_days)
            self.narrative_part = day_part(sm, self.framing, self.narrative)
            self.narrative_countries = countries or frozenset({event.country} if event is not None else ())
        elif self.narrative is None and event is not None and event.day is not None \
                and any(d.value.grain == "day" and d.value.day == event.day for d in sm.dates) \
                and (self.article.published is None or (self.article.published - event.day).days <= 1):
            # yesterday's incident, named before any other day: the figures that follow hold
            # as of it ("meledak pada Selasa 17 September ... Sebanyak 9 orang meninggal")
            self.narrative = event.day
            self.narrative_part = day_part(sm, self.framing, event.day)
        self.day_part = day_part(sm, self.framing, when)
        if self.day_part is None and when is not None and when == self.narrative \
                and not any(d.value.grain == "day" and d.value.day == when for d in sm.dates):
            self.day_part = self.narrative_part  # "hingga Selasa pagi ... Sebanyak 16 orang luka berat"
        before = len(self.claims)
        if any(q.kind == "quantity" for q in sm.quantities):
            self.own_place_before, self.own_place_now = self.own_place_now, None
        periods = {id(p): p for p in pasts.values()}
        if len(periods) < 2:
            self.frame_quantities(sm, who, when, event)
        else:
            for key, period in periods.items():
                self.frame_quantities(replace(sm, quantities=[q for q in sm.quantities if id(pasts[id(q)]) == key]),
                                      who, *in_period(period))
        # a stance is taken on the news day, not on the day of an earlier happening the sentence
        # dates ("denied ... an attack on troops searching for a pilot taken hostage two months ago")
        if telling and any(q.kind == "quantity" for q in sm.quantities) \
                and not any(c.kind == "quantity" and c.measure not in (None, "count") for c in self.claims[before:]):
            # ...nor does one whose figures count no measure ("the flood began when the rain overwhelmed
            # two dams above Derna early on Monday"): the clock stays where it was
            self.narrative, self.narrative_part, self.narrative_countries = clock
        self.frame_stances(sm, when_now if past is not None and past.value.grain == "day" else when)
        self.drop_denied_figures(before, sm)
        self.frame_durations(sm)
        self.frame_event_dates(sm, who, event)
        anaphora = self.framing.figure_anaphora.find(sm.text)
        if who and not sm.quantities and anaphora and not any(
                a.value == who and a.start < anaphora[0][0] for a in sm.actors):
            # "Angka itu diumumkan Kepala BPBD"; not "the WHO warned that the toll could rise"
            self.give_speaker_to_previous(who)
        if anaphora and words(sm.text, 0, anaphora[0][0]) == 0 and cutoff is not None \
                and not any(c.kind == "quantity" and c.measure not in (None, "count") for c in self.claims[before:]):
            # "The figures, counted up to Sunday, cover nine states", "Angka itu dihimpun hingga Minggu (1/9)":
            # the counts of the sentence before hold as of that day, not as of the day they were told
            self.date_previous(cutoff)
        if not sm.quantities and any(words(sm.text, 0, s) == 0 for s, *_ in self.framing.statement_anaphora.find(sm.text)):
            # "Hal itu disampaikan Kapolda Jatim, Minggu (2/10/2022)": the sentence before was
            # told by him, on that day ("Hal itu terjadi pada Senin" tells nothing)
            told = {d.value.day for d in sm.dates if d.value.grain == "day"
                    and (self.article.published is None or d.value.day <= self.article.published)}
            self.tell_previous(who, told.pop() if len(told) == 1 else None)
        holders = [c.speaker for c in self.claims[before:] if c.kind == "stance" and c.speaker]
        if who:
            self.voice.last = who
        elif holders:
            # "A senior Saudi official rejected suggestions ... 'We did not fail,' said the
            # official": who took the stance speaks again
            self.voice.last = holders[-1]
        else:
            named = [a for a in sm.actors if self.actors.role(a.value) not in ("conduit",)
                     and (a.rule.startswith("person:") or self.actors.role(a.value) == "person")]
            if named:
                self.voice.last = voice_of(named[-1], self.actors, self.rules["places"])
                note_lone(self.voice, named[-1], self.voice.last, self.actors)
                self.voice.last_person = named[-1].value if not named[-1].rule.startswith("person:") \
                    else named[-1].text
        self.last_sentence_claims = tuple(self.claims[before:])
        self.voice.named = (self.voice.named + tuple(
            (voice_of(a, self.actors, self.rules["places"]), frozenset(re.findall(r"\w+", a.text.casefold())))
            for a in sorted(sm.actors, key=lambda a: a.start) if self.actors.role(a.value) != "conduit"))[-12:]

    def keeps_cutoff(self, sm: SentenceMentions, own_days: list[date]) -> bool:
        """Whether the clock stays on the as-of day a release's figures were counted to ("hingga
        Sabtu (27/4/2024)") though the sentence names only the day they were told, in its speech tag
        ("kata Imran ..., Senin (29/4/2024)"), or an earlier figure's day ("naik dari 53.131 kasus
        ... hingga Sabtu (23/3/2024)"): the figures told after hold as of the cut-off."""
        if not self.narrative_cutoff or self.narrative is None:
            return False
        reach = self.framing.window("cutoff_told_days")
        return all(d.value.day < self.narrative and (dates_earlier_figure(sm, d, self.framing)
                                                     or sets_against(sm, d, self.framing))
                   or trailing_tag_day(sm, d) and 0 < (d.value.day - self.narrative).days <= reach
                   for d in sm.dates if d.value.grain == "day" and d.value.day in own_days)

    def speech_running_on(self, sm: SentenceMentions, who: str | None) -> str | None:
        """Reported speech runs on in its paragraph: "Kepala Kantor SAR Kupang mengatakan, ...
        230 orang selamat. Sebanyak 10 penumpang ditemukan meninggal dunia." A figure in the next
        sentences (framing window `speech_runs_on`) that name no speaker nor actor is the same
        speaker's; a new paragraph is the outlet's voice again."""
        said, ran, end = self.speech
        start = sm.sentence.start
        same_paragraph = 0 <= end <= start and "\n" not in self.article.body[end:start]
        if who is None and said is not None and same_paragraph and ran < self.framing.window("speech_runs_on") \
                and not sm.attribution and not sm.actors and sm.quantities:
            self.speech = (said, ran + 1, start + len(sm.text))
            return said
        self.speech = (who, 0, start + len(sm.text)) if who is not None else (None, 0, -1)
        return who

    def drop_denied_figures(self, start: int, sm: SentenceMentions | None = None) -> None:
        """A figure a sentence denies ("rejected the claim that the floods killed 11,300") is
        the stance's object, not a figure the outlet or the denier gives; so is a figure joined to
        it as its alternative ("not 200 or 500 dead", "bukan 200 atau 500 orang": framing
        `figure_alternatives`)."""
        fresh = self.claims[start:]
        denied = [(c.value, c.speaker) for c in fresh if c.kind == "stance" and c.value is not None
                  and c.stance in ("deny", "non_confirm", "neutral")]
        if not denied:
            return
        if sm is not None and self.framing.figure_alternatives is not None:
            figures = sorted((q for q in sm.quantities if q.kind == "quantity"), key=lambda q: q.start)
            for one, other in zip(figures, figures[1:]):
                disputed = [w for v, w in denied if v == one.value]
                if disputed and self.framing.figure_alternatives.fullmatch(sm.text[one.end:other.start]):
                    denied.append((other.value, disputed[0]))
        body = getattr(self.actors, "body", self.actors.government)
        kept = [c for c in fresh if not (c.kind == "quantity" and any(
            c.value == value and (c.speaker is None or body(c.speaker) == body(who)) for value, who in denied))]
        # claims are numbered in body order without gaps
        self.claims[start:] = [replace(c, id=f"{self.article.id}:{start + i + 1}") for i, c in enumerate(kept)]

    @staticmethod
    def date_marks(sm: SentenceMentions, when: date | None) -> list:
        return [("date", d) for d in sm.dates if d.value.day == when][:1]

    def give_speaker_to_previous(self, who: str) -> None:
        """"Angka itu diumumkan Kepala BPBD ...": the figures of the sentence before, given in
        the outlet's voice, were this speaker's."""
        for i, claim in enumerate(self.claims):
            if claim in self.last_sentence_claims and claim.kind == "quantity" \
                    and claim.speaker is None:
                self.claims[i] = replace(claim, speaker=who)

    def date_previous(self, day: date) -> None:
        """The counts of the sentence before, told on or after this day, hold as of it."""
        for i, claim in enumerate(self.claims):
            if claim in self.last_sentence_claims and claim.kind == "quantity" \
                    and claim.when is not None and claim.when >= day:
                self.claims[i] = replace(claim, when=day)

    def tell_previous(self, who: str | None, day: date | None) -> None:
        """The figures and stances of the sentence before, given in the outlet's voice and
        undated, were told by this speaker on this day."""
        for i, claim in enumerate(self.claims):
            if claim not in self.last_sentence_claims or claim.kind not in ("quantity", "stance"):
                continue
            told = {"speaker": who} if who and claim.speaker is None else {}
            if day and not any(m.kind == "date" for m in claim.marks):
                told["when"] = day
            if told:
                self.claims[i] = replace(claim, **told)

    def frame_stances(self, sm: SentenceMentions, when: date | None) -> None:
        """Stances of one sentence: each cue's holder (and those coordinated with it) on the
        proposition the cue governs; what the sentence's speaker asserts of the predicate
        lexicon; and, for a figure someone disputes, the others' figures that fit it."""
        actors, rules, topic = self.actors, self.rules, self.topic
        note_context(sm, rules, topic, self.article.published)
        done, used = set(), []
        evidence = Evidence(sm.text, sm.sentence.start, sm.sentence.end)
        # a stance is dated when it was taken: a day the sentence names, else the latest day
        # the article has named so far (its news day), else its publication day
        told_day = any(d.value.grain == "day" and d.value.day == when for d in sm.dates)
        told = {d.value.day for d in sm.dates if d.value.grain == "day" and d.value.day is not None
                and (self.article.published is None or d.value.day <= self.article.published)}
        if told_day and len(told) > 1:
            # a stance is taken after what it is on: of two days the sentence names, the later
            # ("menuduh keduanya menyalakan api pada Jumat (2/2), seperti dikutip AFP, Sabtu (23/3)")
            when = max(told)
        period = None if told_day else told_period(sm, self.framing, self.article.published, sm.stances)
        if period is not None:
            when = period.day  # held over the period: "In April, ..." (its last day the `until` detail)
        elif not told_day:
            when = topic.news_day or self.article.published or when
        present = rules["stances"].present

        def as_of(cue: Mention) -> date | None:
            """A cue in the present ("holds Israel responsible", "has made no comment") stands
            as of the report when the sentence names no day of its own."""
            if told_day or not present or self.article.published is None:
                return when
            first = cue.text.split()[:1]
            before = words_before(sm.text, cue.start, 1).split()[-1:]
            return self.article.published if {w.casefold() for w in first + before} & present else when

        def stance(holder: str, holder_words, label: str, reading, cue_words, cue_text: str, rule: str,
                   on: Evidence = evidence, day: date | None = when, marks: tuple = ()) -> None:
            government = actors.government(holder)
            body = getattr(actors, "body", actors.government)(holder)
            prop = reading.proposition
            if (body, prop.id) in done:
                return
            done.add((body, prop.id))
            if prop.figure and label in ("deny", "non_confirm", "neutral"):
                topic.disputed.append((prop, reading.value, body))
            self.add(kind="stance", evidence=on, subject=government, speaker=holder, stance=label,
                     proposition=prop.id, value=reading.value, unit="count" if reading.value else None,
                     where=prop.place, when=day,
                     marks=marks or self.marks(("stance", cue_words), ("speaker", holder_words),
                                               *self.date_marks(sm, day)),
                     extra=(("cue", cue_text), ("rule", rule), ("agent", prop.agent),
                            ("predicate", prop.predicate), ("theme", prop.theme),
                            ("body", body),
                            ("published", self.article.published))
                     + ((("until", period.end),) if period is not None and day == period.day and on is evidence
                        else ()))  # (a figure's confirmation, from its own sentence, holds on its own day)

        for cue in sm.stances:
            trailing = trailing_comma(sm, self.framing, cue)  # asked once: the holder and the proposition need it
            holder = self.holder(sm, cue, trailing)
            if holder is None and (cue.value.passive and cue.value.role != "accuse" and sm.attribution
                                   or cue.value.role == "contrast"):
                # "... dipastikan tidak menelan korban WNI, kata Kemlu": confirmed by the one who says so;
                # '"The toll is 275, not 288," Jena said': the figure disputed by the one who says so (a
                # headline's label too: "Kapolda Jatim: Korban Tewas 125 Orang, Bukan 174")
                teller = speaker(sm, actors, self.framing, self.voice, rules["places"])
                words_of = next((a for a in sm.actors if a.value == teller), None)
                holder = words_of or (Mention("actor", "", cue.start, cue.start, teller) if teller else None)
            if holder is None:
                continue
            reading = read_cue(sm, cue, holder, rules, topic, self.main, self.claims, trailing)
            if reading is None:
                continue
            sayers = reading.words is not None and reading.words.end <= holder.start \
                and any(c.end <= reading.words.start for c in sm.attribution)  # "X Sebut P, Y Membantah": P is X's too
            if reading.words is not None and reading.words.end > clause_of(self.framing, sm.text, cue.start)[0] \
                    and not sayers:
                used.append(reading.words)  # (words of a clause before, "..., which Russia denies", stay the speaker's)
            label = polarity(cue.value.label, reading, cue, sm.text)
            for who in [holder, *co_holders(sm, holder, cue, rules)]:
                stance(who.value, who, label, reading, cue, cue.text, cue.rule, day=as_of(cue))
        who = speaker(sm, actors, self.framing, self.voice, rules["places"])
        words = next((a for a in sm.actors if who and a.value == who), None)
        if who and not any(body == getattr(actors, "body", actors.government)(who) for body, _ in done) \
                and (words is not None or not unknown_speaker(sm, rules)):
            # (a speaker carried over from before is not the one a new name introduces)
            for reading in read_assertions(sm, who, rules, topic, self.main, used):
                stance(who, words, polarity("confirm", reading), reading, reading.words,
                       reading.words.text if reading.words else "", "assertion")
        if not done:
            note_rumour(sm, rules, topic, self.main)  # no one's stance; a denial after may point back to it
        if topic.disputed:
            for claim, reading in confirmations(topic, self.claims, actors):
                marks = tuple(m for m in claim.marks if m.kind in ("figure", "date"))
                stance(claim.speaker, None, "confirm", reading, None, dict(claim.extra).get("figure", ""),
                       "figure", on=claim.evidence, day=claim.when, marks=marks)

    def holder(self, sm: SentenceMentions, cue: Mention, trailing: int | None | bool = False) -> Mention | None:
        """Who takes the stance: the agent of a passive ("dibantah oleh Nebenzia", "ditepis
        Moskow"), else the head of the subject before the cue in its clause (a person named in
        it first; "Indonesia's National Police" is the police), else the speaker a pronoun
        refers back to. A passive without its agent has no holder ("the claim was denied")."""
        text, actors = sm.text, self.actors
        speaking = [a for a in sm.actors if actors.role(a.value) != "conduit"]
        if cue.value.passive:
            agent_pos = agent_after(text, self.rules, cue.end)
            start, reach = (agent_pos, 40) if agent_pos is not None else (cue.end, 2)
            after = sorted((a for a in speaking if start <= a.start <= start + reach), key=lambda a: a.start)
            return after[0] if after else None
        clause_start, _ = clause_of(self.framing, text, cue.start)
        # a cue joined to an earlier one by a coordinator shares its subject, never its object ("The FIR
        # accused the organisers of hiding evidence and blamed them", "menuding panitia lalai dan
        # menyalahkan mereka": the FIR, the one accusing, blames)
        lead = re.findall(r"[^\W\d_][\w'’-]*", text[clause_start:cue.start])
        if lead and lead[-1].casefold() in self.framing.cue_joiners:
            earlier = [c for c in sm.stances if clause_start <= c.start and c.end < cue.start
                       and isinstance(c.value, StanceCue) and not c.value.passive]
            if earlier:
                return self.holder(sm, earlier[-1])
        if trailing is False:  # (not given: a cue of its own)
            trailing = trailing_comma(sm, self.framing, cue)
        if trailing is not None:  # "P, the Pentagon confirmed": the name after the comma holds it
            clause_start = max(clause_start, trailing + 1)
        before = sorted((a for a in sm.actors if clause_start <= a.start and a.end <= cue.start),
                        key=lambda a: a.start)
        before = without_possessors(text, before)  # "Indonesia's National Police": the police
        # a country owning the place where it happened takes no stance: "a fire swept through a ferry
        # off Indonesia's North Sulawesi province, as the ship's operator denied ..."
        before = [a for a in before if not (
            (owned := _POSSESSIVE.match(text, a.end)) is not None
            and any(p.start == owned.end() for p in sm.places)
            and self.framing.place_preposition.search(text, max(0, a.start - 40), a.start))]
        # a country named as a place right after its preposition is where something happened, not who speaks,
        # when another actor stands before the cue: "Korban Tewas di Oman Jadi 21 Orang, UEA Bantah ...",
        # "Floods in Oman killed 19, the UAE denied ..."
        there = [a for a in before if any(p.start == a.start for p in sm.places)
                 and any(not text[e:a.start].strip() for _, e, _, _ in self.framing.location_cues.find(text[:a.start]))]
        if there and len(there) < len(before):
            before = [a for a in before if a not in there]
        # an actor before a saying verb and what it said is that verb's subject, not the subject of
        # a cue after a comma: "Polisi Sebut Kapal Kelebihan Muatan, Basarnas Membantah" (not the
        # accused right after "menuding": "menuding Israel sebagai dalang ... dan bersumpah membalas")
        said = [c.end for c in sm.attribution if clause_start <= c.start and c.end <= cue.start]
        comma = text.rfind(",", max(said), cue.start) if said else -1
        if comma >= 0:
            after_said = [a for a in before if a.start > comma and actors.role(a.value) != "conduit"]
            named = named_holder(sm, self.rules, cue, comma + 1, self.topic.names) if not after_said else None
            if named is not None:
                return named
            before = after_said or before  # ("The Pentagon said it was not able to confirm": its own)
        # a name no table knows right before the cue, unless a body or person is named:
        # "Taiwan's Gold Apollo pinned", "Perusahaan asal Taiwan, Gold Apollo, menepis"
        named = named_holder(sm, self.rules, cue, clause_start, self.topic.names)
        if named is not None and all(actors.role(a.value) in ("state", "conduit") for a in before):
            return named
        if before:
            # the head of the subject phrase comes first in both languages; a person named in
            # it is the most specific holder ("Kepala Staf Umum Rusia, Valery Gerasimov")
            persons = [a for a in before[:3] if actors.role(a.value) == "person" or a.rule.startswith("person:")]
            heads = [a for a in before if actors.role(a.value) != "conduit"]
            return (persons or heads or [None])[0]
        pronoun = [p for p in sm.pronouns if clause_start <= p.start < cue.start]
        # "The official ... laid the blame on": a role named before, opening the clause
        pronoun += [Mention("pronoun", text[s:e], s, e, "anaphor")
                    for s, e, _, _ in self.framing.anaphoric_speakers.find(text[:cue.start])
                    if not text[clause_start:s].strip(' "“') or _FRONTED.fullmatch(text, clause_start, s)]
        if pronoun and self.voice.last and not unknown_speaker(sm, self.rules):
            return Mention("actor", pronoun[0].text, pronoun[0].start, pronoun[0].end, self.voice.last)
        opened = re.findall(r"[^\W\d_][\w'’-]*", text[clause_start:cue.start])
        if clause_start > 0 and self.framing.clause_openers \
                and all(w.casefold() in self.framing.clause_openers for w in opened):
            # "Hagari said troops fired warning shots, but denied ...": a clause opened by a
            # conjunction and no subject of its own goes on with the subject of the one before
            return self.holder(sm, replace(cue, start=clause_start - 1, end=clause_start - 1))
        if cue.text.casefold() in self.rules["stances"].nouns:  # "bantahan Polri", "the denial by Moscow"
            after = sorted((a for a in speaking if cue.end <= a.start <= cue.end + 4
                            or a.start - cue.end <= 8 and agent_after(text, self.rules, cue.end)), key=lambda a: a.start)
            return after[0] if after else None
        return None

    def frame_durations(self, sm: SentenceMentions) -> None:
        for d in sm.durations:
            following = words_after(sm.text, d.end, 1).strip().casefold()
            fused = self.framing.anchored_fused
            if following in self.framing.offset_words or fused is not None and fused.match(sm.text, d.start):
                continue  # "sehari sebelum kick off", "tiga hari pascagempa": a gap between two happenings
            if d.value.since and any(d.start <= m.start and m.end <= d.end and ev.since_when(sm, m, self.framing)
                                     for m in sm.dates):
                continue  # "terbesar sejak 2015, ketika 1.800 pengungsi terdampar": a record's year, no length of time
            near = [e for e in sm.events if words(sm.text, e.start, d.start) <= self.framing.window("event_date")]
            extra = [("published", self.article.published), ("figure", d.text)]
            if d.value.since:
                extra.append(("since", d.value.since))
            self.add(kind="duration", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     measure=near[0].value if near else None, value=d.value.seconds,
                     unit=d.value.unit or "second", when=self.article.published,
                     # a length still ahead ("could take up to a year") is a forecast, no elapsed time
                     modality=modality(sm, self.framing, d),
                     marks=self.marks(("duration", d)), extra=tuple(extra))

    def denied_happening(self, sm: SentenceMentions, kind: str) -> bool:
        """Whether every mention of this type of happening in the sentence is negated."""
        lex = self.rules["stances"]
        named = [i for i in sm.incidents if i.value == kind]
        return bool(named) and all(negated(sm, lex, clause_of(self.framing, sm.text, i.start)[0], i) for i in named)

    def frame_event_dates(self, sm: SentenceMentions, who: str | None, event: EventRef | None) -> None:
        """A dated happening: an incident on its day ("kerusuhan Sabtu (1/10) malam"), or a
        dated statement, warning or visit of an actor ("a statement issued on 3 November")."""
        published = self.article.published
        dated = [d for d in sm.dates if hd.dates_happening(d.value, self.framing)
                 and (published is None or d.value.day <= published)]
        if not dated:
            return
        if event is not None and sm.incidents:
            near = hd.incident_dates(sm, {event.type, ev.GENERIC}, published, self.framing)  # "the tragedy" names it too
            others = ev.other_happenings(sm, event, self.rules["places"], published, self.framing)
            # a happening the sentence says did not happen has no day ("tidak melakukan serangan
            # udara sejak gencatan senjata berlaku pada Rabu", "no strikes since Wednesday")
            others = [(h, d) for h, d in others if not self.denied_happening(sm, h.type)]
            if near and self.denied_happening(sm, event.type):
                near = []
            # (a happening of several days: "on Tuesday and Wednesday", "pada 17 September, disusul
            # ledakan walkie-talkie keesokan harinya")
            own = sorted([near[0]] + hd.wave_dates(sm, {event.type}, published, self.framing, near[0]),
                         key=lambda d: d.start) if near else []
            for happening, d in [(event, d) for d in own] + others[:1]:
                if (happening.id, d.value.day) not in self.event_days:
                    self.event_days.add((happening.id, d.value.day))
                    last = hd.joined_last_day(sm, d, self.framing)
                    self.add(kind="event_date", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                             subject=happening.id, measure="occurred", when=d.value.day, event=happening,
                             marks=self.marks(("date", d)),
                             extra=(("date_text", d.text), ("published", published))
                             + ((("until", last),) if last > d.value.day else ()))
            if near or others:
                return
        if not sm.events:
            return
        actors = self.actors
        undated = self.framing.undated_events
        lex = self.rules["stances"]
        # an as-of day ("hingga Sabtu, 145 orang terluka dalam serangan", "as of Saturday") dates a
        # count, never the happening or a statement
        dated = [d for d in dated if d.value.grain == "day" and not self.framing.as_of_cues.find(
            words_before(sm.text, d.start, self.framing.window("cue_before") // 2))]
        pairs = sorted(((words(sm.text, e.end, d.start), e, d) for e in sm.events for d in dated
                        if e.value not in undated
                        and not negated(sm, lex, clause_of(self.framing, sm.text, e.start)[0], e)),  # "tidak melakukan serangan"
                       key=lambda t: t[0])
        for distance, happening, date_m in pairs[:1]:
            if distance > self.framing.window("event_date") * 2 // 3:
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
    incidents = rules.get("incidents")
    order = incidents.order if incidents is not None else ()
    background = incidents.background if incidents is not None else frozenset()
    nationwide = incidents.nationwide if incidents is not None else frozenset()
    # the dateline names where the report was filed ("TEMPO.CO, Jakarta -", "ISTANBUL/DAMASCUS,
    # Feb 6 (Reuters) -"), not where it happened: its places only when the text names no other
    outcomes = incidents.measures if incidents is not None else frozenset()
    mentions = with_site_anaphors([with_zero_counts(with_named_sites(off_route(sm, rules["framing"]), rules["framing"]),
                                                    rules["framing"], outcomes)
                                   for sm in mentions], rules["framing"])
    filed = [replace(sm, places=[p for p in sm.places if not in_dateline(sm.text, p)]) for sm in mentions]
    facts = rules.get("facts")
    spreading = incidents.spreading if incidents is not None else frozenset()
    main = ev.main_event(filed, rules["places"], article.published, order, rules["framing"], background, nationwide,
                         facts, spreading)
    if main is None or main.country == "unknown":
        main = ev.main_event(mentions, rules["places"], article.published, order, rules["framing"], background,
                             nationwide, facts, spreading)
    else:
        mentions = filed
    home = rules["framing"].home_country
    if main is not None and main.country == "unknown" and home:
        main = replace(main, country=home)  # a domestic story names no country
    mentions = [ev.as_main(sm, main) for sm in mentions]
    claims = _frame_with(article, mentions, rules, main)
    attacked = _attacked(claims, rules, main) if main is not None and not ev.sited(mentions, rules["framing"]) else None
    if attacked is not None:
        # an article that places its happening nowhere but in the countries it names as actors
        # ("Israel's president denied any role in the pager blasts"): it happened where its
        # stances say the attack struck, not in the attacker's country
        claims = _frame_with(article, mentions, rules, replace(main, country=attacked, place=attacked))
    return claims


def _attacked(claims: list[Claim], rules, main: EventRef) -> str | None:
    """The one country the article's stances say its kind of happening struck, when that is not
    the country it was placed in."""
    predicate = rules["stances"].incident_predicates.get(main.type)
    places = rules["places"]
    struck = {places.country(c.where) for c in claims if c.kind == "stance" and c.where and predicate
              and (c.proposition or "").split(".")[1:2] == [predicate]}
    return struck.pop() if len(struck) == 1 and main.country not in struck else None


def _frame_with(article: Article, mentions: list[SentenceMentions], rules, main: EventRef | None) -> list[Claim]:
    framer = ArticleFramer(article, rules)
    framer.main = main
    country = main.country if main is not None and main.country != "unknown" else None
    if main is None:
        # no happening (a graft case, a trial): "prosecutors", "the police" are the bodies of the
        # country the article's places name most (its dateline too; a camp abroad the refugees came
        # from, named twice, is no rival to the province named six times), else of its language's home
        # A country named as a party ("Rusia meminta izin ...", "Russia denied") is who acts, not where the
        # article is: its places only when it names no other
        counts = Counter(rules["places"].country(p.value) for sm in mentions for p in sm.places
                         if not any(a.start <= p.start and p.end <= a.end for a in sm.actors))
        if not any(c not in ("unknown", None) for c in counts):
            counts = Counter(rules["places"].country(p.value) for sm in mentions for p in sm.places)
        ranked = [(c, n) for c, n in counts.most_common() if c not in ("unknown", None)]
        country = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
            else rules["framing"].home_country
    placed, named = [], []
    for sm in mentions:
        sm = place_bodies(sm, country, rules["actors"], named, rules["places"])
        sm = regional_governments(regional_bodies_after_region(sm, rules["actors"], rules["places"]),
                                  rules["framing"], rules["places"], rules["actors"])
        named.extend(a.value for a in sm.actors)
        placed.append(sm)
    mentions = placed
    defined = defined_bodies(mentions, rules["actors"], rules["framing"])
    mentions = [defined_mentions(sm, defined) for sm in mentions]
    framer.firms = register_firms(mentions, rules["actors"], rules["framing"])
    framer.persons = with_firms(register_persons(mentions, rules["actors"], rules["framing"], rules["places"]),
                                framer.firms)
    # the countries the article names as where things are: not those of an earlier happening it recalls
    framer.topic.sentences = tuple(sm for n, sm in enumerate(mentions)
                                   if not ev.told_before(n, sm, article.published, rules["framing"]))
    for sm in mentions:
        framer.frame_sentence(sm)
    claims = regions_abroad(regional_speakers(framer.claims), rules["actors"], rules.get("places"))
    incidents = rules.get("incidents")
    claims = child_victim_ages(claims, mentions, rules["framing"], incidents.measures if incidents is not None else (),
                               main)
    claims = echo_days(echo_speakers(claims, rules["actors"]), article.published, rules["framing"])
    return over_limit_stances(claims, rules["stances"], rules["actors"], article.id)


def _looks_back(sm: SentenceMentions, framing) -> bool:
    """Whether the sentence recalls an earlier day: a day counted back from the one named before
    ("sehari sebelumnya", "the day before": framing `anchored_days` with a negative offset) or a
    figure its source has since replaced (`earlier_cues`)."""
    table = getattr(framing, "anchored_days", None)
    if table is not None and any(int(offset) < 0 for _, _, offset, _ in table.find(sm.text)):
        return True
    return bool(framing.earlier_cues.find(sm.text))


def same_stretch(sm: SentenceMentions, framing, period, when: date | None) -> date | None:
    """The day a year's "same period" ends ("periode yang sama tahun lalu", "the same period of
    2023"): the reference day moved into that year, so a count of last year's first four months is
    no count of the whole year."""
    cues = getattr(framing, "same_period_cues", None)
    if cues is None or when is None or not cues.find(words_before(sm.text, period.start, 5)):
        return None
    year = period.value.day.year
    return when.replace(year=year, day=min(when.day, 28)) if (when.month, when.day) == (2, 29) else when.replace(year=year)
