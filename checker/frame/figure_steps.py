"""One sentence's figures framed step by step (figures.py's FigureFraming runs them): which
measure each figure reads, its role in a whole, its speaker, owner and subject, its place and
day. SentenceFigures holds what the sentence gives every figure and what the figures read so
far leave to the next; the ArticleFramer holds what earlier sentences established."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from checker.frame import events as ev
from checker.frame.speakers import names_own_source, reaches, speaker, speaker_for, speakers_by_cue, closing_tag
from checker.frame.wordspans import words
from checker.frame.places import (attackers, opponents, happening_place, joint_places, label_place, listed, narrowed, place_after,
                                  place_in, venue_part)
from checker.frame.syntax import (sent_by, recovered, group_right_after, after_earlier_cue, clause_of, counted_noun, counted_outcome, counts_a_subgroup,
                                  currency, nationals_listed, excluded_group, earlier, elliptical, group_list, left_out, marked_after,
                                  measure_for, modality, guessed_reach, owner_of, role_of, site_share, sum_word_before, sender_of,
                                  actor_right_before, numbered, restating, share_group, share_pairs, total_verb_before, joined_share)
from checker.frame.times import earlier_figure_day, own_day, own_period_day, own_speech_day, recalled_day
from checker.model import Evidence, EventRef, Mention
from checker.recognise import SentenceMentions


def _share_marked_after(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A part marker right after the figure ("33 of them", "dua di antaranya")."""
    tail = sm.text[figure.end:figure.end + 40]
    return any(len(re.findall(r"[\w'’-]+", tail[:s])) == 0 for s, _, _, _ in framing.part_markers.find(tail))


def _counts_a_place(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A figure right after a place preposition and right before a lower-case noun no measure names
    ("di satu tambang", "in one pit"): it counts the places something is in."""
    last = re.search(r"[\w-]+\s+$", sm.text[max(0, figure.start - 30):figure.start])
    noun = re.match(r"\s+[a-z]", sm.text[figure.end:])
    return bool(last and noun and framing.place_preposition is not None
                and framing.place_preposition.fullmatch(last.group(0))
                and not any(m.start == figure.end + noun.end() - 1 for m in sm.measures))


def reading_measure(figure: Mention) -> Mention | None:
    """A reading names its own measure ("magnitudo 5,6" is a magnitude, rule "reading:magnitude")."""
    if not figure.rule.startswith("reading:"):
        return None
    return Mention("measure", figure.text, figure.start, figure.end, figure.rule.split(":", 1)[1], figure.rule)


def by_other_standard(framing, sm: SentenceMentions, measure: Mention) -> Mention:
    """A figure's measure as another fact when its sentence names another standard than the
    country's own ("lived below the World Bank's international poverty line"): no reading of
    the national figure."""
    other = dict(framing.other_standard_measures)
    if measure.value not in other or framing.other_standard is None or not framing.other_standard.search(sm.text):
        return measure
    return replace(measure, value=other[measure.value])


def summed_whole(facts, bare: frozenset, measure: str, counted_here: list[str]) -> str | None:
    """The whole a sum counts when two or more of its parts were counted before it in the
    sentence ("178 passengers ... two pilots and five cabin crew, a total of 188 people": those on
    board, not the passengers the clause named first)."""
    seen = {m.split("/", 1)[0] for m in counted_here}
    head = measure.split("/", 1)[0]
    return next((whole for whole, parts, adds_up in facts.wholes
                 if adds_up and len(seen & set(parts)) >= 2 and (head in parts or measure in bare)), None)


def _next_in_breakdown(framing, sm: SentenceMentions, earlier: Mention, figure: Mention) -> bool:
    """The figure follows a share in one list, its noun and a joiner between them: "terdiri atas
    empat prajurit dan sembilan warga sipil" (not "two of them children, and about 3,000 were
    wounded", where the marker after the earlier figure is that one's own)."""
    between = sm.text[earlier.end:figure.start]
    tokens = re.findall(r"[\w'’-]+|,", between.casefold())
    if role_of(framing, sm, earlier) != "part":
        return False
    if 0 < len(tokens) <= 4 and (tokens[-1] in framing.joint_links or tokens[-1] == ",") \
            and not framing.part_markers.find(between):
        return True
    if figure is not None and joined_share(framing, sm, figure):
        return True  # "14 di antaranya warga sipil dan satu tentara": the next group of the same toll
    # a share marked right after its figure and counted at a place, then the next share at its own:
    # "ten of them in the town of Garut and two in Sumedang", "tujuh di antaranya di Desa A dan dua di Desa B"
    places = [p for p in sm.places if earlier.end <= p.start and p.end <= figure.start]
    rest = re.findall(r"[\w'’-]+|,", sm.text[places[-1].end:figure.start].casefold()) if places else []
    return marked_after(framing, sm, earlier) and len(rest) == 1 and rest[0] in framing.joint_links


def _as(figure: Mention, measure: str, rule: str) -> Mention:
    """The figure read as counting the measure, by the rule that said so."""
    return Mention("measure", figure.text, figure.start, figure.end, measure, rule)


@dataclass(frozen=True)
class Reading:
    """What a figure counts, as the measure steps read it."""
    measure: Mention  # its measure, or the noun it counts when no measure claims it
    counted: Mention | None  # that noun ("19 members"): read, never compared
    listed_outcome: Mention | None  # the outcome a list of groups the figure stands in shares
    revised: bool  # a total verb right before it: a new total
    anaphoric: bool  # "that figure": the measure (and teller) of the article's figure before
    referent: Mention | None  # the noun counted before that a figure standing alone counts again


class SentenceFigures:
    """The quantity claims of one sentence's figures, read in order: last_measure and last_figure
    are the sentence's last read figure and its measure, which an elliptical or restating figure
    after counts again (the framer's own last_measure is the article's last whole one)."""

    def __init__(self, framer, sm: SentenceMentions, who: str | None, when: date | None, event: EventRef | None):
        self.framer, self.sm, self.who, self.when, self.event = framer, sm, who, when, event
        self.actors, self.framing, self.places = framer.actors, framer.framing, framer.rules["places"]
        self.priority = framer.rules["measures"].priority
        self.incidents = framer.rules.get("incidents")
        self.outcomes = self.incidents.measures if self.incidents is not None else frozenset()
        self.bare = self.incidents.bare if self.incidents is not None else frozenset()
        self.facts = framer.rules.get("facts")
        by_cue = speakers_by_cue(sm, self.actors, self.framing, framer.voice, self.places) \
            if len(sm.attribution) > 1 or sm.attribution and ":" in sm.text else []  # (a label is a teller too)
        self.tag = closing_tag(sm, by_cue)
        self.by_cue = by_cue if len({said for _, said in by_cue}) >= 2 else []
        # a headline's label stands first in by_cue, before the sentence's first cue (speakers_by_cue)
        self.first_cue = min((c.start for c in sm.attribution), default=None)
        self.labelled = bool(self.by_cue) and self.first_cue is not None and self.by_cue[0][0] < self.first_cue
        self.shares = share_pairs(self.framing, sm)
        self.as_percent, self.projected = dict(self.framing.percent_measures), dict(self.framing.projected_measures)
        self.shared = set(self.as_percent) | set(self.as_percent.values())  # the measures a percent reads
        self.rated = {rate: count for count, rate in self.framing.percent_measures if count != rate}  # rate -> its count
        self.last_measure: Mention | None = None
        self.last_figure: Mention | None = None
        self.last_counted: Mention | None = None  # the sentence's last figure of a noun no measure names
        self.counted_here: list[str] = []  # the measures of the sentence's figures so far
        self.gained_owner: Mention | None = None  # who won the votes the sentence gave last

    def measure_for(self, figure: Mention, sm: SentenceMentions | None = None) -> Mention | None:
        return measure_for(self.framing, self.priority, self.sm if sm is None else sm, figure, self.outcomes, self.bare,
                           self.shares)

    def people_only(self, measure: Mention | None) -> bool:
        """A measure of people that counts no thing of its own ("12 orang")."""
        return measure is not None and measure.value in self.bare and measure.value not in self.framing.counted_things

    def quantities_before(self, figure: Mention) -> list[Mention]:
        return [q for q in self.sm.quantities if q.kind == "quantity" and q.end <= figure.start]

    # --- one figure ----------------------------------------------------------------------------

    def frame(self, figure: Mention) -> None:
        """The figure's claim, when it counts something a claim can be about."""
        read = self.reading(figure)
        if read is None:
            return
        measure = read.measure
        role = self.role(figure, measure, read.listed_outcome)
        voice = self.voice(figure, read.anaphoric)
        person = self.framer.voice.person if voice else None
        if role == "increment":
            return  # "2,000 more troops": the total is not given
        owner = self.owner_named(figure, measure, role, read.counted)
        group = self.group(figure, measure, role, read.counted, owner)
        owner = self.owner_of_counted(figure, measure, owner, group, read.referent)
        gained = measure.value in self.framing.gained_measures
        if gained:
            owner = self.winner(figure, owner)
            if owner is not None and voice in (owner.value, self.actors.body(owner.value)) \
                    and not any(c.start >= owner.end for c in self.sm.attribution):
                # "Prabowo memperoleh 58,83 persen": who won it, not who says so (unless the
                # winner speaks: "Prabowo said he had won 58%")
                voice = person = None
        subject, about = self.subject(measure, owner, gained)
        if subject is None and measure.value in self.bare:
            return
        where, inherited, about, subject = self.place(figure, measure, owner, voice, subject, about)
        day, stated = self.day(figure, measure, about)
        self.add_claim(figure, read, role, group, subject, about, where, inherited, voice, person, day, stated)

    def reading(self, figure: Mention) -> Reading | None:
        """What the figure counts, None for a figure that counts nothing a claim reads."""
        sm, framing = self.sm, self.framing
        if figure.kind in ("percent", "money"):
            measure = self.percent_measure(figure) if figure.kind == "percent" else self.money_measure(figure)
            if measure is None:
                return None
            self.last_measure, self.last_figure = measure, figure
        elif figure.kind != "quantity" or numbered(framing, sm, figure) or left_out(framing, sm, figure):
            return None  # "pasangan nomor urut 2": a number, counting nothing; "missed 5,000": what a count lacks
        else:
            measure = None
        measure, listed_outcome = self.measure_named(figure, measure)
        revised = total_verb_before(framing, sm, figure)  # "bertambah menjadi 12": a new total
        measure = self.measure_carried(figure, measure, revised)
        measure = self.measure_of_whole(figure, measure, revised)
        measure, anaphoric = self.measure_of_anaphora(figure, measure, revised)
        measure = self.measure_of_share(figure, measure)
        measure, referent = self.measure_of_subject(figure, measure)
        counted = None
        if measure is not None and figure.kind != "money" and measure.value in framing.money_measures:
            # a measure of money takes only sums: "bantuan beras untuk 16 juta keluarga" after the revenue is a
            # count of families, never the revenue carried on
            measure = None
        if measure is None:
            # a figure of something else ("19 members", "233 rekaman video"): read, never compared
            counted = measure = counted_noun(framing, sm, figure)
            if measure is None:
                return None
            self.last_counted = figure
        else:
            self.last_measure, self.last_figure = measure, figure
            self.counted_here.append(measure.value)
        if figure.kind == "quantity" and measure.value in self.rated:
            # a count told after a rate ("the poverty rate ... Jumlahnya 11,27 juta orang"): the count
            # the rate is a share of (the poor, the votes), never the rate
            measure = replace(measure, value=self.rated[measure.value])
        measure = by_other_standard(framing, sm, measure)  # "... by the $6.85 international line"
        return Reading(measure, counted, listed_outcome, revised, anaphoric, referent)

    def add_claim(self, figure: Mention, read: Reading, role: str, group: str | None, subject: str | None,
                  about: EventRef | None, where: str | None, inherited: bool, voice: str | None,
                  person: str | None, day: date | None, stated: date | None) -> None:
        """The figure's quantity claim; a whole figure becomes the one a later share divides."""
        sm, framing, framer, measure = self.sm, self.framing, self.framer, read.measure
        if subject and about is None:
            framer.topic.subject = subject
        if role != "part" and read.counted is None and measure.value not in framing.counted_things:
            # (the places a toll is counted in are no toll a share or an anaphora goes back to:
            # "44 korban meninggal di tiga rumah sakit pemerintah dan 75 korban di tujuh rumah sakit swasta")
            framer.last_measure = measure.value
            framer.whole_measures.add(measure.value)
        framer.add(kind="quantity", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                   # the toll among a group ("nine civilians") is a fact of its own: deaths/civilians
                   subject=subject, measure=measure.value if group is None else f"{measure.value}/{group}",
                   value=figure.value,
                   unit=measure.value if measure.rule.startswith("reading:") else ("percent" if figure.kind == "percent"
                                                                                    else currency(figure) or "count"),
                   where=where, when=day,
                   modality=guessed_reach(sm, framing, figure, modality(sm, framing, figure), measure.value),
                   speaker=voice, event=about,
                   marks=framer.marks(("figure", figure), ("measure", measure), *framer.date_marks(sm, day)),
                   extra=(("figure", figure.text), ("speaker_name", person), ("role", role),
                          *((("counted", read.counted.text),) if read.counted is not None else ()),
                          ("published", framer.article.published),
                          *((("day_part", framer.day_part),) if framer.day_part is not None and day == self.when else ()),
                          *((("stated", stated),) if stated is not None else ()),
                          *((("earlier", True),) if earlier(framing, sm, figure) else ()),
                          *((("recovered", True),) if measure.value in framing.recovery_measures and group is None
                            and recovered(framing, sm, figure) else ()),
                          *((("contrasted", True),) if framer.contrasted else ()),
                          *((("place_of_event", True),) if inherited else ()),
                          *((("revised", True),) if read.revised else ())))

    # --- which measure ----------------------------------------------------------------------------

    def percent_measure(self, figure: Mention) -> Mention | None:
        """A share or a rate of a measure that takes one ("58,59 persen suara", "turnout was
        81.78%"); any other percent (a rise, a poll of opinions) is not read."""
        sm, framing, as_percent = self.sm, self.framing, self.as_percent
        read = self.measure_for(figure)
        if read is not None and read.value in self.bare:
            # "60,3 persen penduduk ... hidup di bawah garis kemiskinan": a share of the people,
            # of what the sentence says of them after it (no other percent between)
            later = [m for m in sm.measures if m.start >= figure.end and m.value in as_percent
                     and not any(figure.end <= q.start < m.start for q in sm.quantities if q.kind == "percent")]
            read = min(later, key=lambda m: m.start) if later else read
        if read is None and (elliptical(sm.text, figure)
                             or after_earlier_cue(framing, sm, figure)  # "fell to 8.47% from 8.57%"
                             # "naik dari 6,66 persen ... menjadi 6,73 persen": the new level of the share before
                             or (self.last_measure is not None and total_verb_before(framing, sm, figure))
                             or sender_of(framing, sm, figure, framing.gaining_topics)
                             or (self.last_figure is not None and restating(framing, sm, self.last_figure, figure))):
            # "Anies meraih 24,95 persen, Ganjar 16,47 persen", "Anies won 24.9%" after the
            # votes were counted: the measure before, in the sentence or the article
            if self.last_measure is not None and self.last_measure.value in self.shared:
                read = self.last_measure
            elif self.last_measure is None and self.framer.last_measure in self.shared:
                read = _as(figure, self.framer.last_measure, "percent_anaphora")
        if read is None or read.value not in self.shared:
            return None
        value = as_percent.get(read.value, read.value)
        lo, hi = clause_of(framing, sm.text, figure.start)
        if value in self.projected and any(m.value in framing.projection_measures
                                           and lo <= m.start < hi for m in sm.measures):
            value = self.projected[value]  # "a quick count gave Prabowo 58%": a sample's estimate
        return Mention("measure", read.text, read.start, read.end, value, read.rule)

    def money_measure(self, figure: Mention) -> Mention | None:
        """A sum of money is a claim only for a measure that takes one ("kerugian negara Rp 300
        triliun", "cost the state 300 trillion rupiah"; never the outbreak's "kasus" in "kerugian
        negara dalam kasus korupsi itu Rp 1,2 triliun"), never its conversion after it ("300
        trillion rupiah ($18.5 billion)", "Rp 300 triliun atau US$18,5 miliar")."""
        sm = self.sm
        moneyed = replace(sm, measures=[m for m in sm.measures if m.value in self.framing.money_measures])
        read = self.measure_for(figure, moneyed)
        if read is None:
            read = self._money_in_clause(figure, moneyed)
        before = [q for q in sm.quantities if q.kind == "money" and q.end <= figure.start]
        if read is None or before and (re.fullmatch(r"\s*\(\s*", sm.text[before[-1].end:figure.start])
                                       or restating(self.framing, sm, before[-1], figure)):
            return None
        return read

    def _money_in_clause(self, figure: Mention, moneyed: SentenceMentions) -> Mention | None:
        """A money measure a little farther from its sum than a count's: before it past the scope of what
        brings the money in, a rate and all ("tambahan penerimaan negara dari PPN 12 persen atas barang mewah
        sekitar Rp 3,2 triliun", "revenue from the 12% rate on luxury goods of 3.2 trillion rupiah"), or after it
        past the sum's conversion in brackets ("3.2 trillion rupiah ($198 million) in extra revenue"); never past
        a clause's break or another figure than a rate."""
        text = self.sm.text
        rates = [q for q in self.sm.quantities if q.kind == "percent"]
        conversions = [q for q in self.sm.quantities if q.kind == "money" and q.start >= figure.end
                       and re.fullmatch(r"\s*\(\s*", text[figure.end:q.start]) and re.match(r"\s*\)", text[q.end:])]

        def clear(lo: int, hi: int) -> bool:
            between = text[lo:hi]
            for q in rates + conversions:
                if lo <= q.start and q.end <= hi:
                    between = between.replace(q.text, " ")
            if conversions and lo == figure.end:
                between = re.sub(r"^\s*\(\s*\)", " ", between)
            return not re.search(r"[,;:()!?\d]|\.\s", between)

        found = [m for m in moneyed.measures
                 if (m.end <= figure.start and words(text, m.end, figure.start) <= 10 and clear(m.end, figure.start))
                 or (m.start >= figure.end and words(text, figure.end, m.start) <= 6 and conversions
                     and clear(figure.end, m.start))]
        return min(found, key=lambda m: min(abs(m.start - figure.end), abs(figure.start - m.end))) if found else None

    def measure_named(self, figure: Mention, measure: Mention | None) -> tuple[Mention | None, Mention | None]:
        """(measure, listed outcome): what the figure's own words count, and the outcome a list of
        groups it stands in shares."""
        sm, framing, bare = self.sm, self.framing, self.bare
        measure = measure or reading_measure(figure) or self.measure_for(figure)
        measure = counted_outcome(framing, sm, figure, measure)  # "merusak 56.000 rumah": houses damaged
        listed_outcome = group_list(framing, sm, figure, self.outcomes, bare)
        if listed_outcome is not None and (measure is None or measure.value in framing.people_counted
                                           or measure.value in bare):
            # "menewaskan empat prajurit dan sembilan warga sipil": the dead among each group
            measure = _as(figure, listed_outcome.value, "group_list")
        last_measure, last_figure = self.last_measure, self.last_figure
        if (measure is None or measure.value in bare) and figure.kind == "quantity" and last_figure is not None \
                and last_figure.kind == "percent" and last_measure is not None \
                and restating(framing, sm, last_figure, figure) and last_measure.value in self.rated:
            # "8,57 persen atau 24,06 juta orang": the count the rate just given is a share of
            measure = _as(figure, self.rated[last_measure.value], "restated_count")
        return measure, listed_outcome

    def measure_carried(self, figure: Mention, measure: Mention | None, revised: bool) -> Mention | None:
        """The measure of the figure before, when this one counts no thing of its own (people alone
        count nothing) and stands as its echo or its earlier value."""
        sm, framing, bare, by_cue = self.sm, self.framing, self.bare, self.by_cue
        last_measure, last_figure = self.last_measure, self.last_figure
        if measure is None and last_measure is not None and elliptical(sm.text, figure):
            measure = last_measure  # "the ministry said 3,000 had died, the Red Crescent 150"
        elif self.people_only(measure) and last_measure is not None \
                and last_measure.value not in bare and measure.start >= figure.end \
                and last_figure is not None and len(by_cue) > 1 \
                and any(last_figure.end <= pos < figure.start for pos, _ in by_cue) \
                and not sm.text[figure.end:measure.start].strip() and elliptical(sm.text, measure):
            # "12 Orang Hilang, Basarnas Sebut 15 Orang": another known teller's people, counted as before
            measure = last_measure
        if (measure is None or self.people_only(measure)) and last_measure is not None \
                and last_measure.value not in bare and after_earlier_cue(framing, sm, figure):
            # (not places counted: "1,200 deaths reported from 9 countries")
            measure = last_measure  # "rose to 179, up from 85", "menjadi 179 dari sebelumnya 85 orang"
        return measure

    def measure_of_whole(self, figure: Mention, measure: Mention | None, revised: bool) -> Mention | None:
        """What people a figure counts are, by the thing its clause named before a total verb, the
        list of the figure before it, or the parts a sum adds up."""
        sm, framing, bare = self.sm, self.framing, self.bare
        last_measure, last_figure = self.last_measure, self.last_figure
        if measure is not None and measure.value in bare and revised:
            # "naik dari 50 orang menjadi 62 orang", "jumlah pasukan Korea Utara di Rusia mencapai
            # 11.000 orang": people counted as what the clause named before the verb
            start, _ = clause_of(framing, sm.text, figure.start)
            named = [m for m in sm.measures if start <= m.start and m.end <= figure.start and m.value not in bare]
            if named:
                measure = named[-1]
        if self.people_only(measure) and last_measure is not None and last_measure.value not in bare \
                and last_figure is not None \
                and reading_measure(last_figure) is None \
                and listed(framing, sm.text[last_figure.end:figure.start]) \
                and not any(last_figure.end <= m.start < figure.start and m.value not in bare for m in sm.measures):
            # a list after a counted figure: "166 orang, Sumatera Barat 90 orang, dan Aceh 47 orang"
            measure = _as(figure, last_measure.value, "list_anaphora")
        if measure is not None and self.facts is not None and sum_word_before(framing, sm, figure):
            whole = summed_whole(self.facts, bare, measure.value, self.counted_here)
            if whole is not None:  # the parts listed before add up to their whole
                measure = _as(figure, whole, "summed_total")
        return measure

    def measure_of_anaphora(self, figure: Mention, measure: Mention | None,
                            revised: bool) -> tuple[Mention | None, bool]:
        """(measure, anaphoric): "Angka itu turun menjadi 125", "the figure was cut to 85": the
        measure (and the source) of the article's figure before."""
        # (people alone count nothing of their own: "Angka itu naik menjadi 120 orang")
        if not ((measure is None or measure.value in self.bare) and self.framer.last_measure is not None and revised):
            return measure, False
        if self.last_figure is None and (self.last_counted is not None or any(
                role_of(self.framing, self.sm, q) == "increment" for q in self.quantities_before(figure))):
            # "two more prosecutors were assigned, bringing the number to five": the number of what the
            # sentence just counted or added (no measure's), not the article's figure before ("fell by
            # about 210,000 to 23.58 million": a change counts nothing, the anaphora stands)
            return measure, False
        named = [(s, e) for s, e, _, _ in self.framing.figure_anaphora.find(self.sm.text[:figure.start])]
        if not named:
            return measure, False
        s, e = named[-1]
        return Mention("measure", self.sm.text[s:e], s, e, self.framer.last_measure, "figure_anaphora"), True

    def measure_of_share(self, figure: Mention, measure: Mention | None) -> Mention | None:
        """A share's measure: that of the whole counted before it ("37 were killed, two of them
        children"), unless the share names a thing of its own."""
        sm, framing, framer = self.sm, self.framing, self.framer
        is_part = role_of(framing, sm, figure) == "part"
        if self.people_only(measure) and is_part:
            measure = None  # "26 di antaranya merupakan warga negara asing": people, of the figure before
        earlier_here = self.quantities_before(figure)
        if measure is not None and measure.value in framing.people_counted and is_part \
                and framer.last_measure in framer.whole_measures and framer.last_measure not in framing.people_counted \
                and (not earlier_here or _next_in_breakdown(framing, sm, earlier_here[-1], figure)
                     # "26 hostages were killed, 18 of them soldiers": a share of the toll just given in the sentence
                     or earlier_here[-1] is self.last_figure and self.last_measure is not None
                     and self.last_measure.value == framer.last_measure):
            # "Korban terdiri atas empat prajurit TNI dan sembilan warga sipil": soldiers among
            # the dead counted before, not a force (but "memeriksa 20 saksi, termasuk enam
            # prajurit" are some of the witnesses)
            measure = _as(figure, framer.last_measure, "part_anaphora")
        if measure is None and is_part and _counts_a_place(framing, sm, figure):
            return None  # "64 orang di antaranya di satu tambang", "nine of whom were in one pit": the place they
            # are in, counted, is no share of the people
        if measure is None and (is_part or counts_a_subgroup(framing, sm, figure, self.actors)):
            # "37 were killed, two of them children", "dua di antaranya anggota Polri", "terdiri
            # atas 13 pekerja Indonesia dan 8 pekerja asal China": a share of the figure before,
            # in its measure
            # (never a thing counted between: "44 korban ... di tiga rumah sakit dan 75 korban")
            last_measure = self.last_measure
            before = last_measure.value if last_measure is not None \
                and last_measure.value not in framing.counted_things else framer.last_measure
            if earlier_here and (earlier_here[-1] is not self.last_figure or last_measure.value in framing.counted_things) \
                    and (_share_marked_after(framing, sm, figure)
                         or _share_marked_after(framing, sm, earlier_here[-1]) and earlier_here[-1] is not self.last_figure
                         and listed(framing, sm.text[earlier_here[-1].end:figure.start])):
                # "47 settlements were still flooded, 33 of them on the held bank and 14 on the other":
                # shares of the things counted right before, none of the people an earlier sentence counted
                before = None
            counts = [c.value.high for c in framer.claims if c.kind == "quantity" and c.measure == before
                      and c.value is not None]
            if before is not None and figure.kind == "quantity" and counts and None not in counts \
                    and figure.value.low is not None and figure.value.low > max(counts):
                before = None  # "500 tentara Rusia ... Sekitar 9.000 pekerja Ukraina": a group larger than the
                # figure before is no subgroup of it, but a count of its own
            if before is not None:
                measure = _as(figure, before, "part_anaphora")
        return measure

    def measure_of_subject(self, figure: Mention, measure: Mention | None) -> tuple[Mention | None, Mention | None]:
        """(measure, referent): "North Korea denied sending troops, but Seoul says 10,000 are in
        Russia": a figure standing as the subject counts what the sentence counted before it (the
        referent, whose owner is the figure's)."""
        sm = self.sm
        if measure is not None or self.framing.figure_subject is None \
                or not self.framing.figure_subject.match(sm.text, figure.end):
            return measure, None
        named = [m for m in sm.measures if m.end <= figure.start and m.value not in self.bare]
        if not named:
            return measure, None
        return _as(figure, named[-1].value, "subject_anaphora"), named[-1]

    # --- its role in a whole ----------------------------------------------------------------------

    def role(self, figure: Mention, measure: Mention, listed_outcome: Mention | None) -> str:
        """total | part | increment: what the figure is of its measure's fact."""
        role = self.role_as_worded(figure, measure)
        role = self.role_in_whole(figure, measure, role)
        return self.role_in_list(figure, measure, role, listed_outcome)

    def role_as_worded(self, figure: Mention, measure: Mention) -> str:
        role = role_of(self.framing, self.sm, figure)
        if role == "besides":
            # "2,000 more troops" after troops counted; "Another 982 people were injured"
            # after the dead: the injured, counted whole
            return "increment" if measure.value in self.framer.whole_measures else "total"
        if role == "others" and self.framing.named_joins is not None \
                and self.framing.named_joins.search(self.sm.text[max(0, figure.start - 80):figure.start]):
            return "part"  # "Raisi, the foreign minister and six others were killed": the rest beside the named
        if role == "others":
            # "Tiga jenazah lainnya ditemukan" after the first body: more of the last toll; but
            # "Eight people lost their lives and 2,750 others were hurt": other people, the hurt whole
            return "increment" if measure.value == self.framer.last_measure else "total"
        return role

    def role_in_whole(self, figure: Mention, measure: Mention, role: str) -> str:
        """A share of a whole the sentence gives with it ("four of the 19 dead"); a share of no
        whole given is counted whole."""
        whole = self.shares.get((figure.start, figure.end))
        whole_measure = self.measure_for(whole) if whole is not None else None
        if whole is not None and whole_measure == measure:
            role = "part"  # "four of the 19 dead": a share of the figure after it
        elif whole_measure is not None and measure.end <= figure.start and whole_measure.value != measure.value:
            role = "part"  # "killed 241 of the 242 people aboard": the dead among a group, not the whole toll
        elif role == "part" and whole is None:
            before = self.quantities_before(figure)
            before_measure = self.measure_for(before[-1]) if before else None
            if len(before) > 1 and (before_measure is not None and before_measure.value in self.framing.counted_things or (
                    # nor are things no measure names, when people are the share ("70 pekerja terjebak di dua tambang
                    # batu, 64 orang di antaranya ...": the 64 are of the 70, not of the two quarries)
                    before_measure is None and any(self.people_only(m) and m.start >= figure.end
                                                   and not self.sm.text[figure.end:m.start].strip() for m in self.sm.measures)
                    and counted_noun(self.framing, self.sm, before[-1]) is not None)):
                # the places counted on the way are not the whole: "44 korban di tiga rumah sakit dan 75 korban ..."
                before = before[:-1]
                before_measure = self.measure_for(before[-1])
            if before and (before_measure is None or before_measure.value not in self.bare | {measure.value}) \
                    and not _next_in_breakdown(self.framing, self.sm, before[-1], figure):
                role = "total"  # "19 members, four of whom died": the dead, counted whole (not a
                # breakdown's next share: "terdiri atas empat prajurit dan sembilan warga sipil", "dengan
                # rincian 18 orang di Kabupaten Bogor dan 12 orang di Kota Bogor")
        if role == "part" and self.framer.last_measure is not None and measure.value not in self.framer.whole_measures \
                and not site_share(self.framing, self.sm, figure):  # (a site's share stays one with no whole given)
            # "300 di antaranya kritis": the critically injured, a fact of its own; but "two of
            # its members died" after a headline's "kill 8, injure thousands" is a share of the dead
            role = "total"
        return role

    def role_in_list(self, figure: Mention, measure: Mention, role: str, listed_outcome: Mention | None) -> str:
        """One group's share in a list that breaks a whole down."""
        if role != "total":
            return role
        if listed_outcome is not None and measure.value == listed_outcome.value:
            return "part"  # one group's share of a toll the list breaks down
        if counts_a_subgroup(self.framing, self.sm, figure, self.actors):
            return "part"  # "penumpang terdiri dari 40 dewasa, 7 anak-anak": adults among the passengers
        if nationals_listed(self.sm, figure, self.actors, self.framer.main.country if self.framer.main else None):
            return "part"  # "India recorded 2,711 deaths in Qatar, Nepal 1,641": each state's nationals
        return role

    # --- who says it ------------------------------------------------------------------------------

    def voice(self, figure: Mention, anaphoric: bool) -> str | None:
        """Who gives the figure: the teller of its clause, else the sentence's, else (for "that
        figure") the one who gave the figure it goes back to."""
        sm, framing, actors, by_cue, framer = self.sm, self.framing, self.actors, self.by_cue, self.framer
        clause = clause_of(framing, sm.text, figure.start)
        voice = speaker(sm, actors, framing, framer.voice, self.places, clause) if clause != (0, len(sm.text)) else None
        if len(by_cue) > 1 and (voice is None or sum(clause[0] <= pos < clause[1] for pos, _ in by_cue) > 1):
            # (a clause of two tellers, "BPBD Catat 13 Korban Tewas, Heru Budi Sebut 17 Orang": the nearest's)
            voice = speaker_for(figure, by_cue, sm)
        if self.labelled and figure.end <= self.first_cue and "," in sm.text[figure.end:self.first_cue]:
            voice = by_cue[0][1]  # a headline's label tells the figures before the clause of another's cue
        if voice and self.tag and self.tag != voice and actors.role(voice) == "state" \
                and actors.government(self.tag) == voice:
            # "Indonesia on Saturday lowered the death toll to 426, the national disaster
            # agency said": the state acted through its agency, which the closing tag names
            voice = self.tag
        if voice and actors.role(voice) == "state":
            voice = self.relayed(figure, voice)
        # (not a clause naming its own source: "..., while the search agency put the toll at 15")
        who_reaches = reaches(sm, framing, clause) and not names_own_source(sm, framing, clause, figure, self.outcomes)
        return voice or (self.who if who_reaches else None) or (framer.voice.last if anaphoric else None)

    def relayed(self, figure: Mention, state: str) -> str:
        """"Congo has reported 537 deaths, Tedros told reporters", "Kaseya mengatakan RD Kongo
        telah mencatat 511 kematian": a state's count relayed by an international body (the WHO,
        the Africa CDC, a UN agency) is that body's figure (a body giving a figure of its own
        beside the state's relays nothing: "A UN agency kept its estimate of 670, while the
        government said 2,000 were buried")."""
        actors, by_cue = self.actors, self.by_cue
        own_figures = {speaker_for(q, by_cue, self.sm) for q in self.sm.quantities if q is not figure and q.kind == "quantity"}
        relays = [said for _, said in by_cue if said != state and actors.role(said) != "state"
                  and actors.role(actors.government(said)) == "bloc" and said not in own_figures]
        return relays[-1] if len(set(relays)) == 1 else state

    # --- whose it is --------------------------------------------------------------------------------

    def owner_named(self, figure: Mention, measure: Mention, role: str, counted: Mention | None) -> Mention | None:
        """The state whose people the figure counts, named right after it ("658 Egyptians had died",
        "199 Indonesians", as "203 jemaah haji Indonesia"; not "four Chinese nationals": a share;
        nor a thing counted, "15 juta US $") or before it as counting its own ("Iran says 169 of
        its pilgrims died")."""
        # (a share too, of a state other than the happening's: "12 Indonesians were among the dead",
        # "154 Dutch citizens", each state's nationals in a disaster abroad, compared state by state)
        sm, actors, framer = self.sm, self.actors, self.framer
        if counted is not None:
            return None
        owner = next((a for a in sm.actors if a.start > figure.end and not sm.text[figure.end:a.start].strip()
                      and actors.role(a.value) == "state"
                      and (role == "total" or role == "part" and measure.value in framer.whole_measures
                           and a.value not in {getattr(framer.main, "country", None),
                                               getattr(self.event, "country", None)})),
                     None)
        own = self.framing.own_people
        if owner is None and own is not None and own.match(sm.text, figure.end):
            # "Iran kini mencatat 464 warganya tewas": the state named before the figure counts its
            # own people, as "169 Iranians" does
            owner = next((a for a in sorted(sm.actors, key=lambda a: -a.start) if a.end <= figure.start
                          and actors.role(a.value) == "state"), None)
        return owner

    def group(self, figure: Mention, measure: Mention, role: str, counted: Mention | None,
              owner: Mention | None) -> str | None:
        """The group among a toll's dead the figure counts, a fact of its own (deaths/civilians)."""
        # (a share of a toll the article gave: "70 children died" alone is no group's share)
        group = share_group(self.framing, self.sm, figure) \
            if role == "part" and counted is None and measure.value in self.framer.whole_measures else None
        if group is None and measure.value in self.framing.group_count_measures:
            # "Three soldiers were aboard the helicopter": the soldiers aboard, never everyone aboard
            group = group_right_after(self.framing, self.sm, figure)
        if group is None and role == "total" and counted is None:
            # "13 orang, tidak termasuk para pelaku": the toll among those it does not leave out
            group = excluded_group(self.framing, self.sm, figure)
        if owner is not None and role == "part" and group is None:
            # one state's people right after the figure among the dead of a disaster abroad ("12 Indonesians
            # were among the dead", "12 WNI"): a fact of its own per state, set against its count elsewhere
            group = "nationals"
        return group

    def owner_of_counted(self, figure: Mention, measure: Mention, owner: Mention | None, group: str | None,
                         referent: Mention | None) -> Mention | None:
        """Whose the things counted are, by the words naming them ("empat prajurit TNI": whose
        people, not whose toll), or who sent them; a referent's, where it was counted before."""
        sm, framing = self.sm, self.framing
        nouns = [m for m in sm.measures if m.start >= figure.end
                 and words(sm.text, figure.end, m.start) <= framing.window("owner")
                 and (m.value not in framing.counted_things or m.value == measure.value)  # "di berbagai kota Lebanon"
                 and not any(figure.end <= c.start < m.start for c in sm.attribution)]  # "..., kata Kementerian Pengungsi Taliban"
        for noun in ([] if owner or group else sorted(nouns, key=lambda m: m.start) or [measure]):
            owner = owner_of(framing, sm, noun, sm.actors)
            if owner:
                break
        if owner is None and group is None and framing.national is not None and total_verb_before(framing, sm, figure):
            # "jumlah pelaut Filipina yang selamat menjadi delapan orang", "bringing the number of Filipino sailors
            # rescued to eight": a new total of the nationals its clause named before the verb, that state's people
            # (past any figure before it, whose own nationals they are: "tiga awak berkewarganegaraan Filipina dan
            # seorang petugas asal Yunani ..., sehingga total korban selamat menjadi 10 orang" counts all of them)
            lo = max([clause_of(framing, sm.text, figure.start)[0]] + [q.end for q in self.quantities_before(figure)])
            found, at = None, lo
            while (match := framing.national.search(sm.text, at, figure.start)) is not None:
                if sm.text[lo:match.start()].strip():  # (not right after the figure before: that one's nationals)
                    found = match
                at = match.end()
            named = found.groupdict() if found is not None else {}
            at = next((found.start(g) for g in ("state", "demonym") if named.get(g)), None)
            owner = next((a for a in sm.actors if a.start == at and self.actors.role(a.value) == "state"), None)
        sent = measure.value in framing.sent_measures
        if owner is None and sent:
            owner = sender_of(framing, sm, figure) or sent_by(framing, sm, figure, self.framer.rules["stances"].agent_markers)
        if referent is not None:
            owner = owner_of(framing, sm, referent, sm.actors) or (sender_of(framing, sm, referent) if sent else None)
        return owner

    def winner(self, figure: Mention, owner: Mention | None) -> Mention | None:
        """The votes a candidate won are the candidate's, never the state's: the actor before the
        gaining verb ("Prabowo won", "he won"), or named right before the figure ("Ganjar Pranowo
        16.5%"), or the one whose votes the sentence just gave ("96.2 million votes, or 58.6%")."""
        sm = self.sm
        owner = sender_of(self.framing, sm, figure, self.framing.gaining_topics,
                          lambda a: self.actors.role(a) == "person") \
            or actor_right_before(sm, figure) or owner
        if owner is None and self.gained_owner is not None \
                and not any(self.gained_owner.end < a.start < figure.start for a in sm.actors):
            owner = self.gained_owner
        self.gained_owner = owner or self.gained_owner
        return owner

    def subject(self, measure: Mention, owner: Mention | None, gained: bool) -> tuple[str | None, EventRef | None]:
        """(subject, happening): the owner's government (a winner's own), or the happening the
        figure counts for when the owner is its country or no owner is named."""
        actors, incidents, event = self.actors, self.incidents, self.event
        subject, about = ((owner.value if gained else actors.government(owner.value)), None) if owner else (None, None)
        nationwide = event or self.framer.main
        if owner and not gained and incidents is not None and nationwide is not None \
                and nationwide.type in incidents.nationwide and incidents.owns(nationwide.type, measure.value) \
                and actors.role(owner.value) == "state" and subject == nationwide.country:
            # "Indonesia's poverty rate", "the share of Indonesians living below the poverty line": a
            # happening of the whole country (its poverty, its vote) counted there, not a rival subject
            subject, about = nationwide.id, nationwide
        if owner and not gained and event is not None and incidents is not None and subject == event.country \
                and measure.value in self.outcomes and incidents.owns(event.type, measure.value) \
                and event.type not in incidents.background and actors.role(subject) == "state":
            # "menembak mati sembilan prajurit TNI dalam serangan itu", "killed nine Indonesian
            # soldiers in the attack": a state's own people killed in a happening on its soil that
            # the sentence names are that happening's toll, not a rival subject (in a war, each
            # side's losses stay its own: "600,000 Russian soldiers killed or wounded")
            subject, about = event.id, event
        if subject is None and event is not None and incidents is not None \
                and incidents.owns(event.type, measure.value):
            subject, about = event.id, event
        return subject, about

    # --- where ------------------------------------------------------------------------------------

    def place(self, figure: Mention, measure: Mention, owner: Mention | None, voice: str | None,
              subject: str | None, about: EventRef | None) -> tuple[str | None, bool, EventRef | None, str | None]:
        """(where, inherited, happening, subject): where the figure counts, whether that is only its
        happening's place, and the happening and subject a place abroad moves it to."""
        where, inherited, clause_place = self.place_named(figure, owner, about)
        where, inherited, happening = self.place_of_happening(figure, measure, about, where, inherited)
        where, inherited = self.place_of_voice(voice, about, happening, where, inherited, clause_place)
        about, subject = self.happening_struck(about, subject, where, inherited)
        part = venue_part(self.framing, self.sm, figure)
        if part is not None and where is not None:
            where, inherited = f"{where}/{part}", False  # "ke tribun utara": a part of the venue
        return where, inherited, about, subject

    def place_named(self, figure: Mention, owner: Mention | None,
                    about: EventRef | None) -> tuple[str | None, bool, str | None]:
        """(where, inherited, clause's place): the place the figure's own words give, else its
        happening's (inherited); notes a place abroad for the sentence after."""
        sm, framing, framer = self.sm, self.framing, self.framer
        skip = [(owner.start, owner.end)] if owner else []
        # a party the fighting was with is no place ("13 killed as border fighting with Thailand enters third day")
        skip += [(a.start, a.end) for a in opponents(framing, sm)]
        # a share marked after a later figure counts at its own place: "10 dead, nine of them in
        # the village of Klatanlo" places the nine, never the whole
        skip += [(q.start, clause_of(framing, sm.text, q.start)[1]) for q in sm.quantities
                 if q.kind == "quantity" and q.start >= figure.end and marked_after(framing, sm, q)]
        home = self.own_side(figure)
        if home is not None:
            return home, False, home  # "Cambodia said 13 had been killed on its side of the border"
        clause_place = place_after(framing, sm, figure.end, skip, figure.start)
        where = clause_place or place_in(framing, sm, skip, figure) or label_place(sm, figure) \
            or self.recording_country(figure) \
            or (happening_place(sm, {about.type, ev.GENERIC}, framing) if about is not None else None)
        inherited = about is not None and where is None and about.place is not None
        if where is not None:
            where = narrowed(sm, where, self.places)
        if inherited:
            where = about.place  # the happening's place, not one the sentence gives
            if framer.abroad_before is not None and "+" not in about.place:
                # "... the toll in Bangkok rose to 20. Rescuers were searching for 76 people": the
                # sentence before moved to another country, and this one names no place
                where, inherited = framer.abroad_before, False
        elif about is not None and where and "+" not in where and "+" not in (about.place or "") \
                and (self.places.country(where) != about.country
                     # (or a happening of its own abroad: "In neighbouring Thailand, the toll in Bangkok rose
                     # to 20, most of them at a collapsed tower" in a story of Myanmar's quake)
                     or framer.main is not None and about.country != framer.main.country):
            framer.abroad = where
        return where, inherited, clause_place

    def own_side(self, figure: Mention) -> str | None:
        """The country of the state or body named before the figure, when the figure's clause after it
        places what it counts on that one's own side ("Cambodia said 13 people had been killed on its
        side of the border", "Kamboja mencatat 13 orang tewas di wilayahnya"), not in the other
        country the clause names ("since fighting with Thailand erupted")."""
        sm, framing, actors, places = self.sm, self.framing, self.actors, self.places
        if framing.own_side is None:
            return None
        start, end = clause_of(framing, sm.text, figure.start)
        end = min([end] + [q.start for q in sm.quantities if q.kind == "quantity" and q.start > figure.end])
        # (a share of the toll before counts where it did: "..., eight civilians and five soldiers")
        start = start if role_of(framing, sm, figure) == "part" else figure.end
        if framing.own_side.search(sm.text, start, max(end, figure.end)) is None:
            return None
        for a in sorted(sm.actors, key=lambda a: -a.start):
            home = actors.government(a.value) if a.end <= figure.start else None
            if home and actors.role(home) == "state" and home in places.parents:
                return home
        return None

    def place_of_happening(self, figure: Mention, measure: Mention, about: EventRef | None, where: str | None,
                           inherited: bool) -> tuple[str | None, bool, EventRef | None]:
        """(where, inherited, happening): the capital, the countries or the whole area the clause
        counts across, or the place of the figure before that this one is a part of; notes the
        place for the figures after."""
        sm, framing, framer, places = self.sm, self.framing, self.framer, self.places
        happening = about or framer.main
        country = places.country(where) if where and not inherited else \
            framer.last_country or (happening.country if happening else None)
        capital = self.capital(figure, country)
        if capital and (where is None or inherited or where == country):
            where, inherited = capital, False  # "33 tewas di ibu kota": Kyiv's toll
        across = self.many_countries(figure)
        if across is not None:
            # "517 deaths from 13 African countries", "di 13 negara Afrika": the region's count,
            # no one country's (not the country the happening is placed in)
            where, inherited = across, False
        elif happening is not None and happening.country and self.whole_area(figure):
            # "korban meninggal di seluruh daerah terdampak mencapai 281": the whole happening's
            # toll, not the one district the lead names
            where, inherited = happening.country, False
        joint = self.joint_place(figure)
        if joint and (where is None or inherited or where in joint.split("+")) and \
                (self.facts is None or self.facts.behaviour_of(measure.value) != "fixed"):
            where, inherited = joint, False  # "killed 2,300 in Turkey and Syria": both countries' toll
        if inherited and framer.own_place_before and framing.part_markers.find(sm.text[:figure.start]):
            # "RD Kongo mencatat 15.664 kasus ... Dari jumlah kasus itu, 2.638 terkonfirmasi": a part
            # of the figure before counts where it did
            where, inherited = framer.own_place_before, False
        if where and not inherited:
            framer.own_place_now = where
            if "+" not in where:
                framer.last_country = places.country(where)
        return where, inherited, happening

    def place_of_voice(self, voice: str | None, about: EventRef | None, happening: EventRef | None,
                       where: str | None, inherited: bool, clause_place: str | None) -> tuple[str | None, bool]:
        """(where, inherited): the region or state of a regional or national teller, for a figure
        placed by no words of its own."""
        actors, places, incidents = self.actors, self.places, self.incidents
        region = voice.split("@", 1)[1] if voice and "@" in voice else None
        if region and inherited and incidents is not None and about.type in incidents.sited \
                and places.country(about.place) != about.place and not places.within(region, about.place):
            # "Gujarat health officials said 260 had died": the Ahmedabad crash's toll (the
            # gazetteer need not know the city lies in the state), not the state's
            region = None
        if region and (where is None or inherited) and region in places.parents:
            # "Ishikawa prefecture said 55 had died": its region's toll; but of a happening placed in the
            # teller's own region ("Pemkab Karo mencatat 14 warga meninggal" after Sinabung's eruption in Karo)
            # it counts the whole happening: the place is still only the happening's (not of one that spreads
            # over its country or happens across it, an outbreak, layoffs, whose region is only where the lead
            # found it)
            # (nor of an article's happening placed beyond the region: Lao Cai's 53 of Typhoon Yagi in Vietnam)
            main = self.framer.main
            whole = inherited and about is not None and about.place == region and incidents is not None \
                and about.type not in incidents.spreading | incidents.nationwide \
                and (main is None or main.place is None or places.within(main.place, region))
            where, inherited = region, bool(whole)
        home = actors.government(voice) if voice else None
        joint_of_happening = where if where and "+" in where else (happening.place if happening else None)
        parts = (joint_of_happening or "").split("+")
        if home and home != where and home in parts and not clause_place and (where is None or where in parts
                                                                              or "+" in where):
            # a happening across countries whose figure's own clause names no place: "..., while
            # Syria's health ministry reported 656 deaths" counts Syria's dead
            where, inherited = home, False
        if (where is None or inherited) and home and actors.role(home) == "state" and home in places.parents \
                and any(actors.government(a.value) not in (home, None)
                        for a in attackers(self.framing, self.sm) + opponents(self.framing, self.sm)):
            # "Israel says 28 people were killed in Iranian missile attacks", "Pakistan's military said
            # Indian strikes killed 26": a state counting its own dead from another's strikes
            where, inherited = home, False
        return where, inherited

    def happening_struck(self, about: EventRef | None, subject: str | None, where: str | None,
                         inherited: bool) -> tuple[EventRef | None, str | None]:
        """(happening, subject): the happening in the other country the figure is placed in, for an
        outbreak that spread or a strike that landed there."""
        places, incidents = self.places, self.incidents
        abroad_country = places.country(where) if where and not inherited and "+" not in where else None
        if about is not None and incidents is not None and about.type in incidents.spreading \
                and about.country and abroad_country and abroad_country != about.country \
                and where not in places.regions and subject == about.id:
            # "WHO mencatat RD Kongo telah melaporkan 570 kematian" in a story of Indonesia's
            # cases: the outbreak in that other country, not the article's own
            about = EventRef(about.type, abroad_country, where)
            subject = about.id
        if about is not None and about.type in self.framing.acted_incidents and where and not inherited \
                and "+" not in where and subject == about.id:
            landed = where.split("/", 1)[0]
            struck = places.country(landed)
            # (a site no table knows, "di Distrik Mugi", is in no country of its own: the strike's)
            if struck not in (None, "unknown", about.country) and landed in places.parents:
                # a strike counts where it landed: "28 tewas di Israel akibat rudal balasan Iran" in a
                # report of Israel's strikes on Iran is the toll of the strikes on Israel
                about = replace(about, country=struck, place=struck)
                subject = about.id
        return about, subject

    def capital(self, figure: Mention, country: str | None) -> str | None:
        """The story's country's capital, when the figure's clause names it only as "the capital"
        ("33 orang tewas di ibu kota", "killed 20 in the capital") close after the figure."""
        sm, framing = self.sm, self.framing
        if not country or framing.capital_cues is None:
            return None
        _, end = clause_of(framing, sm.text, figure.start)
        for s, _, _, _ in framing.capital_cues.find(sm.text[figure.end:end]):
            if words(sm.text, figure.end, figure.end + s) <= framing.window("place_after"):
                return self.places.capitals.get(country)
        return None

    def whole_area(self, figure: Mention) -> bool:
        """Whether the figure's clause counts across every area the happening struck ("di seluruh
        daerah terdampak", "across all affected areas") or across many regions ("in 22 provinces")."""
        sm, framing = self.sm, self.framing
        start, end = clause_of(framing, sm.text, figure.start)
        many = framing.many_regions  # "206 kasus ... dari 20 provinsi": no one province's count
        return bool(framing.whole_area_cues is not None and framing.whole_area_cues.find(sm.text[start:end])
                    or many is not None and many.search(sm.text, start, end))

    def recording_country(self, figure: Mention) -> str | None:
        """The country that records the figure in its own clause ("Congo has reported 537 deaths",
        "RD Kongo telah mencatat 15.664 kasus"): its own count, in its own land."""
        sm, verbs = self.sm, self.framing.recording_verbs
        if verbs is None:
            return None
        start, _ = clause_of(self.framing, sm.text, figure.start)
        for p in sm.places:
            if start <= p.start and p.end <= figure.start and self.places.country(p.value) == p.value \
                    and verbs.match(sm.text, p.end) \
                    and words(sm.text, p.end, figure.start) <= 12 \
                    and not any(p.end <= o.start and o.end <= figure.start for o in sm.places):
                return p.value
        return None

    def many_countries(self, figure: Mention) -> str | None:
        """The region a figure's clause counts across many countries of ("from 13 African
        countries", "di 13 negara Afrika"): the region the sentence names, else the world
        (framing `many_countries_place`: "87,000 cases in 111 countries")."""
        many = self.framing.many_countries
        start, end = clause_of(self.framing, self.sm.text, figure.start)
        if many is None or not many.search(self.sm.text, start, end):
            return None
        return next((p.value for p in self.sm.places if p.value in self.places.regions),
                    self.framing.many_countries_place)

    def joint_place(self, figure: Mention) -> str | None:
        """The places a figure's clause names together, or those the text last named together
        when the clause says "both countries" ("di kedua negara")."""
        start, end = clause_of(self.framing, self.sm.text, figure.start)
        joint = joint_places(self.framing, self.sm, self.places, start, end)
        if joint is None and self.framing.joint_cues.find(self.sm.text[start:end]):
            return self.framer.last_joint
        return joint

    # --- when -------------------------------------------------------------------------------------

    def day(self, figure: Mention, measure: Mention, about: EventRef | None) -> tuple[date | None, date | None]:
        """(day, stated): the day the figure holds as of, and the day it was said when that is
        another ("On Saturday, the navy had said ..." of a fixed fact of the happening)."""
        sm, framing, published = self.sm, self.framing, self.framer.article.published
        # "up from 151 on Tuesday": Tuesday's; "menjadi 6,73 persen pada Maret 2025": March's
        day = earlier_figure_day(sm, framing, figure) or own_period_day(sm, figure) \
            or recalled_day(sm, framing, published, earlier(framing, sm, figure)) \
            or own_speech_day(sm, framing, published, figure) or own_day(sm, framing, published, figure) or self.when
        if about is not None and about.day is not None and self.facts is not None \
                and self.facts.behaviour_of(measure.value) == "fixed":
            # a fixed fact of the happening (shots fired, people on board) holds as of it
            stated = day if day is not None and day != about.day and day != published else None
            return about.day, stated
        return day, None
