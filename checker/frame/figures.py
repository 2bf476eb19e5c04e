"""Figures of one sentence as quantity claims: the measure each counts, its role in a whole,
its subject, speaker, place and day (a part of ArticleFramer, which carries what earlier
sentences established)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from checker.frame import events as ev
from checker.frame.speakers import names_own_source, reaches, speaker, speaker_for, speakers_by_cue, closing_tag
from checker.frame.wordspans import words
from checker.frame.places import (attackers, happening_place, joint_places, label_place, listed, narrowed,
                                  place_after, place_in, venue_part)
from checker.frame.syntax import (sent_by, after_earlier_cue, clause_of, counted_noun, counted_outcome, counts_a_subgroup, currency, nationals_listed,
                                  excluded_group,
                                  earlier, elliptical, group_list, left_out, marked_after, measure_for, modality, owner_of, role_of, site_share,
                                  sum_word_before,
                                  sender_of, actor_right_before, numbered, restating, share_group, share_pairs,
                                  total_verb_before)
from checker.frame.times import earlier_figure_day, own_period_day, own_speech_day
from checker.model import Evidence, EventRef, Mention
from checker.recognise import SentenceMentions


def _share_marked_after(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A part marker right after the figure ("33 of them", "dua di antaranya")."""
    tail = sm.text[figure.end:figure.end + 40]
    return any(len(re.findall(r"[\w'’-]+", tail[:s])) == 0 for s, _, _, _ in framing.part_markers.find(tail))


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
    # a share marked right after its figure and counted at a place, then the next share at its own:
    # "ten of them in the town of Garut and two in Sumedang", "tujuh di antaranya di Desa A dan dua di Desa B"
    places = [p for p in sm.places if earlier.end <= p.start and p.end <= figure.start]
    rest = re.findall(r"[\w'’-]+|,", sm.text[places[-1].end:figure.start].casefold()) if places else []
    return marked_after(framing, sm, earlier) and len(rest) == 1 and rest[0] in framing.joint_links


class FigureFraming:
    """ArticleFramer's quantity claims: frame_quantities and the places it asks for."""

    def frame_quantities(self, sm: SentenceMentions, who: str | None, when: date | None,
                         event: EventRef | None) -> None:
        actors, framing = self.actors, self.framing
        priority = self.rules["measures"].priority
        incidents = self.rules.get("incidents")
        outcomes = incidents.measures if incidents is not None else frozenset()
        bare = incidents.bare if incidents is not None else frozenset()
        facts = self.rules.get("facts")
        last_measure = None
        by_cue = speakers_by_cue(sm, actors, framing, self.voice, self.rules["places"]) \
            if len(sm.attribution) > 1 or sm.attribution and ":" in sm.text else []  # (a label is a teller too)
        tag = closing_tag(sm, by_cue)
        if len({said for _, said in by_cue}) < 2:
            by_cue = []
        # a headline's label stands first in by_cue, before the sentence's first cue (speakers_by_cue)
        first_cue = min((c.start for c in sm.attribution), default=None)
        labelled = bool(by_cue) and first_cue is not None and by_cue[0][0] < first_cue
        shares = share_pairs(framing, sm)
        last_figure = None
        counted_here: list[str] = []  # the measures of the sentence's figures so far
        as_percent, projected = dict(framing.percent_measures), dict(framing.projected_measures)
        gained_owner = None
        for figure in sm.quantities:
            referent = None  # the noun counted before that a figure standing alone counts again
            if figure.kind == "percent":
                # a share or a rate of a measure that takes one ("58,59 persen suara", "turnout was
                # 81.78%"); any other percent (a rise, a poll of opinions) is not read
                read = measure_for(framing, priority, sm, figure, outcomes, bare, shares)
                if read is not None and read.value in bare:
                    # "60,3 persen penduduk ... hidup di bawah garis kemiskinan": a share of the people,
                    # of what the sentence says of them after it (no other percent between)
                    later = [m for m in sm.measures if m.start >= figure.end and m.value in as_percent
                             and not any(figure.end <= q.start < m.start for q in sm.quantities if q.kind == "percent")]
                    read = min(later, key=lambda m: m.start) if later else read
                shared = set(as_percent) | set(as_percent.values())
                if read is None and (elliptical(sm.text, figure)
                                     or after_earlier_cue(framing, sm, figure)  # "fell to 8.47% from 8.57%"
                                     # "naik dari 6,66 persen ... menjadi 6,73 persen": the new level of the share before
                                     or (last_measure is not None and total_verb_before(framing, sm, figure))
                                     or sender_of(framing, sm, figure, framing.gaining_topics)
                                     or (last_figure is not None and restating(framing, sm, last_figure, figure))):
                    # "Anies meraih 24,95 persen, Ganjar 16,47 persen", "Anies won 24.9%" after the
                    # votes were counted: the measure before, in the sentence or the article
                    if last_measure is not None and last_measure.value in shared:
                        read = last_measure
                    elif last_measure is None and self.last_measure in shared:
                        read = Mention("measure", figure.text, figure.start, figure.end, self.last_measure,
                                       "percent_anaphora")
                if read is None or (read.value not in as_percent and read.value not in as_percent.values()):
                    continue
                value = as_percent.get(read.value, read.value)
                lo, hi = clause_of(framing, sm.text, figure.start)
                if value in projected and any(m.value in framing.projection_measures
                                              and lo <= m.start < hi for m in sm.measures):
                    value = projected[value]  # "a quick count gave Prabowo 58%": a sample's estimate
                measure = Mention("measure", read.text, read.start, read.end, value, read.rule)
                last_measure, last_figure = measure, figure
            elif figure.kind == "money":
                # a sum of money is a claim only for a measure that takes one ("kerugian negara Rp 300
                # triliun", "cost the state 300 trillion rupiah"), never its conversion after it
                # ("300 trillion rupiah ($18.5 billion)", "Rp 300 triliun atau US$18,5 miliar")
                # (only a measure that takes money: "kerugian negara dalam kasus korupsi itu Rp 1,2
                # triliun" is the state loss, never the outbreak's "kasus")
                moneyed = replace(sm, measures=[m for m in sm.measures if m.value in framing.money_measures])
                read = measure_for(framing, priority, moneyed, figure, outcomes, bare, shares)
                before = [q for q in sm.quantities if q.kind == "money" and q.end <= figure.start]
                if read is None or before and (
                        re.fullmatch(r"\s*\(\s*", sm.text[before[-1].end:figure.start])
                        or restating(framing, sm, before[-1], figure)):
                    continue
                measure = read
                last_measure, last_figure = measure, figure
            elif figure.kind != "quantity" or numbered(framing, sm, figure) or left_out(framing, sm, figure):
                continue  # "pasangan nomor urut 2": a number, counting nothing; "missed 5,000": what a count lacks
            else:
                measure = None
            measure = measure or reading_measure(figure) or measure_for(framing, priority, sm, figure, outcomes, bare, shares)
            measure = counted_outcome(framing, sm, figure, measure)  # "merusak 56.000 rumah": houses damaged
            listed_outcome = group_list(framing, sm, figure, outcomes, bare)
            if listed_outcome is not None and (measure is None or measure.value in framing.people_counted
                                               or measure.value in bare):
                # "menewaskan empat prajurit dan sembilan warga sipil": the dead among each group
                measure = Mention("measure", figure.text, figure.start, figure.end, listed_outcome.value, "group_list")
            if (measure is None or measure.value in bare) and figure.kind == "quantity" and last_figure is not None \
                    and last_figure.kind == "percent" and last_measure is not None \
                    and restating(framing, sm, last_figure, figure):
                # "8,57 persen atau 24,06 juta orang": the count the rate just given is a share of
                rated = {rate: count for count, rate in framing.percent_measures if count != rate}
                if last_measure.value in rated:
                    measure = Mention("measure", figure.text, figure.start, figure.end, rated[last_measure.value],
                                      "restated_count")
            revised = total_verb_before(framing, sm, figure)  # "bertambah menjadi 12": a new total
            if measure is None and last_measure is not None and elliptical(sm.text, figure):
                measure = last_measure  # "the ministry said 3,000 had died, the Red Crescent 150"
            elif measure is not None and measure.value in bare and measure.value not in framing.counted_things \
                    and last_measure is not None \
                    and last_measure.value not in bare and measure.start >= figure.end \
                    and last_figure is not None and len(by_cue) > 1 \
                    and any(last_figure.end <= pos < figure.start for pos, _ in by_cue) \
                    and not sm.text[figure.end:measure.start].strip() and elliptical(sm.text, measure):
                # "12 Orang Hilang, Basarnas Sebut 15 Orang": another known teller's people, counted as before
                measure = last_measure
            if (measure is None or measure.value in bare and measure.value not in framing.counted_things) \
                    and last_measure is not None \
                    and last_measure.value not in bare and after_earlier_cue(framing, sm, figure):
                # (not places counted: "1,200 deaths reported from 9 countries")
                measure = last_measure  # "rose to 179, up from 85", "menjadi 179 dari sebelumnya 85 orang"
            if measure is not None and measure.value in bare and revised:
                # "naik dari 50 orang menjadi 62 orang", "jumlah pasukan Korea Utara di Rusia mencapai
                # 11.000 orang": people counted as what the clause named before the verb
                start, _ = clause_of(framing, sm.text, figure.start)
                named = [m for m in sm.measures if start <= m.start and m.end <= figure.start and m.value not in bare]
                if named:
                    measure = named[-1]
            if measure is not None and measure.value in bare and measure.value not in framing.counted_things \
                    and last_measure is not None and last_measure.value not in bare and last_figure is not None \
                    and reading_measure(last_figure) is None \
                    and listed(framing, sm.text[last_figure.end:figure.start]) \
                    and not any(last_figure.end <= m.start < figure.start and m.value not in bare for m in sm.measures):
                # a list after a counted figure: "166 orang, Sumatera Barat 90 orang, dan Aceh 47 orang"
                measure = Mention("measure", figure.text, figure.start, figure.end, last_measure.value, "list_anaphora")
            if measure is not None and facts is not None and sum_word_before(framing, sm, figure):
                whole = summed_whole(facts, bare, measure.value, counted_here)
                if whole is not None:  # the parts listed before add up to their whole
                    measure = Mention("measure", figure.text, figure.start, figure.end, whole, "summed_total")
            # (people alone count nothing of their own: "Angka itu naik menjadi 120 orang")
            anaphoric = (measure is None or measure.value in bare) and self.last_measure is not None and revised
            if anaphoric:
                # "Angka itu turun menjadi 125", "the figure was cut to 85": the measure (and the
                # source) of the figure before
                named = [(s, e) for s, e, _, _ in framing.figure_anaphora.find(sm.text[:figure.start])]
                if named:
                    s, e = named[-1]
                    measure = Mention("measure", sm.text[s:e], s, e, self.last_measure, "figure_anaphora")
                anaphoric = bool(named)
            if measure is not None and measure.value in bare and measure.value not in framing.counted_things \
                    and role_of(framing, sm, figure) == "part":
                measure = None  # "26 di antaranya merupakan warga negara asing": people, of the figure before
            earlier_here = [q for q in sm.quantities if q.kind == "quantity" and q.end <= figure.start]
            if measure is not None and measure.value in framing.people_counted and role_of(framing, sm, figure) == "part" \
                    and self.last_measure in self.whole_measures and self.last_measure not in framing.people_counted \
                    and (not earlier_here or _next_in_breakdown(framing, sm, earlier_here[-1], figure)):
                # "Korban terdiri atas empat prajurit TNI dan sembilan warga sipil": soldiers among
                # the dead counted before, not a force (but "memeriksa 20 saksi, termasuk enam
                # prajurit" are some of the witnesses)
                measure = Mention("measure", figure.text, figure.start, figure.end, self.last_measure, "part_anaphora")
            if measure is None and (role_of(framing, sm, figure) == "part"
                                    or counts_a_subgroup(framing, sm, figure, actors)):
                # "37 were killed, two of them children", "dua di antaranya anggota Polri", "terdiri
                # atas 13 pekerja Indonesia dan 8 pekerja asal China": a share of the figure before,
                # in its measure
                # (never a thing counted between: "44 korban ... di tiga rumah sakit dan 75 korban")
                before = last_measure.value if last_measure is not None \
                    and last_measure.value not in framing.counted_things else self.last_measure
                if earlier_here and (earlier_here[-1] is not last_figure or last_measure.value in framing.counted_things) \
                        and (_share_marked_after(framing, sm, figure)
                             or _share_marked_after(framing, sm, earlier_here[-1]) and earlier_here[-1] is not last_figure
                             and listed(framing, sm.text[earlier_here[-1].end:figure.start])):
                    # "47 settlements were still flooded, 33 of them on the held bank and 14 on the other":
                    # shares of the things counted right before, none of the people an earlier sentence counted
                    before = None
                if before is not None:
                    measure = Mention("measure", figure.text, figure.start, figure.end, before, "part_anaphora")
            if measure is None and framing.figure_subject is not None \
                    and framing.figure_subject.match(sm.text, figure.end):
                # "North Korea denied sending troops, but Seoul says 10,000 are in Russia": the
                # figure stands for what the sentence counted before it
                named = [m for m in sm.measures if m.end <= figure.start and m.value not in bare]
                if named:
                    measure = Mention("measure", figure.text, figure.start, figure.end, named[-1].value, "subject_anaphora")
                    referent = named[-1]
            counted = None
            if measure is None:
                # a figure of something else ("19 members", "233 rekaman video"): read, never compared
                counted = measure = counted_noun(framing, sm, figure)
                if measure is None:
                    continue
            else:
                last_measure, last_figure = measure, figure
                counted_here.append(measure.value)
            counts = {rate: count for count, rate in framing.percent_measures if count != rate}
            if figure.kind == "quantity" and measure.value in counts:
                # a count told after a rate ("the poverty rate ... Jumlahnya 11,27 juta orang"): the count
                # the rate is a share of (the poor, the votes), never the rate
                measure = replace(measure, value=counts[measure.value])
            measure = by_other_standard(framing, sm, measure)  # "... by the $6.85 international line"
            role = role_of(framing, sm, figure)
            if role == "besides":
                # "2,000 more troops" after troops counted; "Another 982 people were injured"
                # after the dead: the injured, counted whole
                role = "increment" if measure.value in self.whole_measures else "total"
            elif role == "others":
                # "Tiga jenazah lainnya ditemukan" after the first body: more of the last toll; but
                # "Eight people lost their lives and 2,750 others were hurt": other people, the hurt whole
                role = "increment" if measure.value == self.last_measure else "total"
            whole = shares.get((figure.start, figure.end))
            whole_measure = measure_for(framing, priority, sm, whole, outcomes, bare, shares) if whole is not None else None
            if whole is not None and whole_measure == measure:
                role = "part"  # "four of the 19 dead": a share of the figure after it
            elif whole_measure is not None and measure.end <= figure.start and whole_measure.value != measure.value:
                role = "part"  # "killed 241 of the 242 people aboard": the dead among a group, not the whole toll
            elif role == "part" and whole is None:
                before = [q for q in sm.quantities if q.kind == "quantity" and q.end <= figure.start]
                before_measure = measure_for(framing, priority, sm, before[-1], outcomes, bare, shares) if before else None
                if before_measure is not None and before_measure.value in framing.counted_things and len(before) > 1:
                    # the places counted on the way are not the whole: "44 korban di tiga rumah sakit dan 75 korban ..."
                    before = before[:-1]
                    before_measure = measure_for(framing, priority, sm, before[-1], outcomes, bare, shares)
                if before and (before_measure is None or before_measure.value not in bare | {measure.value}) \
                        and not _next_in_breakdown(framing, sm, before[-1], figure):
                    role = "total"  # "19 members, four of whom died": the dead, counted whole (not a
                    # breakdown's next share: "terdiri atas empat prajurit dan sembilan warga sipil", "dengan
                    # rincian 18 orang di Kabupaten Bogor dan 12 orang di Kota Bogor")
            if role == "part" and self.last_measure is not None and measure.value not in self.whole_measures \
                    and not site_share(framing, sm, figure):  # (a site's share stays one with no whole given)
                # "300 di antaranya kritis": the critically injured, a fact of its own; but "two of
                # its members died" after a headline's "kill 8, injure thousands" is a share of the dead
                role = "total"
            if role == "total" and listed_outcome is not None and measure.value == listed_outcome.value:
                role = "part"  # one group's share of a toll the list breaks down
            if role == "total" and counts_a_subgroup(framing, sm, figure, actors):
                role = "part"  # "penumpang terdiri dari 40 dewasa, 7 anak-anak": adults among the passengers
            if role == "total" and nationals_listed(sm, figure, actors, self.main.country if self.main else None):
                role = "part"  # "India recorded 2,711 deaths in Qatar, Nepal 1,641": each state's nationals
            clause = clause_of(framing, sm.text, figure.start)
            voice = speaker(sm, actors, framing, self.voice, self.rules["places"], clause) \
                if clause != (0, len(sm.text)) else None
            if len(by_cue) > 1 and (voice is None or sum(clause[0] <= pos < clause[1] for pos, _ in by_cue) > 1):
                # (a clause of two tellers, "BPBD Catat 13 Korban Tewas, Heru Budi Sebut 17 Orang": the nearest's)
                voice = speaker_for(figure, by_cue, sm)
            if labelled and figure.end <= first_cue and "," in sm.text[figure.end:first_cue]:
                voice = by_cue[0][1]  # a headline's label tells the figures before the clause of another's cue
            if voice and tag and tag != voice and actors.role(voice) == "state" and actors.government(tag) == voice:
                # "Indonesia on Saturday lowered the death toll to 426, the national disaster
                # agency said": the state acted through its agency, which the closing tag names
                voice = tag
            if voice and actors.role(voice) == "state":
                # "Congo has reported 537 deaths, Tedros told reporters", "Kaseya mengatakan RD Kongo
                # telah mencatat 511 kematian": a state's count relayed by an international body
                # (the WHO, the Africa CDC, a UN agency) is that body's figure
                # (a body giving a figure of its own beside the state's relays nothing: "A UN agency kept its
                # estimate of 670, while the government said 2,000 were buried")
                own_figures = {speaker_for(q, by_cue, sm) for q in sm.quantities if q is not figure and q.kind == "quantity"}
                relays = [said for _, said in by_cue if said != voice and actors.role(said) != "state"
                          and actors.role(actors.government(said)) == "bloc" and said not in own_figures]
                voice = relays[-1] if len(set(relays)) == 1 else voice
            # (not a clause naming its own source: "..., while the search agency put the toll at 15")
            who_reaches = reaches(sm, framing, clause) and not names_own_source(sm, framing, clause, figure)
            voice = voice or (who if who_reaches else None) or (self.voice.last if anaphoric else None)
            person = self.voice.person if voice else None
            if role == "increment":
                continue  # "2,000 more troops": the total is not given
            nouns = [m for m in sm.measures if m.start >= figure.end
                     and words(sm.text, figure.end, m.start) <= framing.window("owner")
                     and (m.value not in framing.counted_things or m.value == measure.value)  # "di berbagai kota Lebanon"
                     and not any(figure.end <= c.start < m.start for c in sm.attribution)]  # "..., kata Kementerian Pengungsi Taliban"
            # "658 Egyptians had died", "199 Indonesians": a people named right after the figure
            # are its owner, as "203 jemaah haji Indonesia" (not "four Chinese nationals": a share;
            # nor a thing counted, "15 juta US $")
            # (a share too, of a state other than the happening's: "12 Indonesians were among the dead",
            # "154 Dutch citizens", each state's nationals in a disaster abroad, compared state by state)
            owner = next((a for a in sm.actors if a.start > figure.end and not sm.text[figure.end:a.start].strip()
                          and actors.role(a.value) == "state" and counted is None
                          and (role == "total" or role == "part" and measure.value in self.whole_measures
                               and a.value not in {getattr(self.main, "country", None), getattr(event, "country", None)})),
                         None)
            own = getattr(framing, "own_people", None)
            if owner is None and counted is None and own is not None and own.match(sm.text, figure.end):
                # "Iran says 169 of its pilgrims died", "Iran kini mencatat 464 warganya tewas": the state
                # named before the figure counts its own people, as "169 Iranians" does
                owner = next((a for a in sorted(sm.actors, key=lambda a: -a.start) if a.end <= figure.start
                              and actors.role(a.value) == "state"), None)
            # (a share of a toll the article gave: "70 children died" alone is no group's share)
            group = share_group(framing, sm, figure) \
                if role == "part" and counted is None and measure.value in self.whole_measures else None
            if group is None and role == "total" and counted is None:
                # "13 orang, tidak termasuk para pelaku": the toll among those it does not leave out
                group = excluded_group(framing, sm, figure)
            if owner is not None and role == "part" and group is None:
                # one state's people right after the figure among the dead of a disaster abroad ("12 Indonesians
                # were among the dead", "12 WNI"): a fact of its own per state, set against its count elsewhere
                group = "nationals"
            # a group's own words name whose people they are ("empat prajurit TNI"), not whose toll
            for noun in ([] if owner or group else sorted(nouns, key=lambda m: m.start) or [measure]):
                owner = owner_of(framing, sm, noun, sm.actors)
                if owner:
                    break
            if owner is None and measure.value in framing.sent_measures:
                owner = sender_of(framing, sm, figure) or sent_by(framing, sm, figure, self.rules["stances"].agent_markers)
            if referent is not None:  # whose they were where they were counted before
                owner = owner_of(framing, sm, referent, sm.actors) or (
                    sender_of(framing, sm, referent) if measure.value in framing.sent_measures else None)
            gained = measure.value in framing.gained_measures
            if gained:
                # the votes a candidate won are the candidate's, never the state's: the actor before
                # the gaining verb ("Prabowo won", "he won"), or named right before the figure
                # ("Ganjar Pranowo 16.5%"), or the one whose votes the sentence just gave ("96.2
                # million votes, or 58.6%")
                owner = sender_of(framing, sm, figure, framing.gaining_topics,
                                  lambda a: actors.role(a) == "person") \
                    or actor_right_before(sm, figure) or owner
                if owner is None and gained_owner is not None \
                        and not any(gained_owner.end < a.start < figure.start for a in sm.actors):
                    owner = gained_owner
                gained_owner = owner or gained_owner
                if owner is not None and voice in (owner.value, actors.body(owner.value)) \
                        and not any(c.start >= owner.end for c in sm.attribution):
                    # "Prabowo memperoleh 58,83 persen": who won it, not who says so (unless the
                    # winner speaks: "Prabowo said he had won 58%")
                    voice = person = None
            subject, about = ((owner.value if gained else actors.government(owner.value)), None) if owner \
                else (None, None)
            nationwide = event or self.main
            if owner and not gained and incidents is not None and nationwide is not None \
                    and nationwide.type in incidents.nationwide and incidents.owns(nationwide.type, measure.value) \
                    and actors.role(owner.value) == "state" and subject == nationwide.country:
                # "Indonesia's poverty rate", "the share of Indonesians living below the poverty line": a
                # happening of the whole country (its poverty, its vote) counted there, not a rival subject
                subject, about = nationwide.id, nationwide
            if owner and not gained and event is not None and incidents is not None and subject == event.country \
                    and measure.value in outcomes and incidents.owns(event.type, measure.value) \
                    and event.type not in incidents.background and actors.role(subject) == "state":
                # "menembak mati sembilan prajurit TNI dalam serangan itu", "killed nine Indonesian
                # soldiers in the attack": a state's own people killed in a happening on its soil that
                # the sentence names are that happening's toll, not a rival subject (in a war, each
                # side's losses stay its own: "600,000 Russian soldiers killed or wounded")
                subject, about = event.id, event
            if subject is None and event is not None and incidents is not None \
                    and incidents.owns(event.type, measure.value):
                subject, about = event.id, event
            if subject is None and measure.value in bare:
                continue
            skip = [(owner.start, owner.end)] if owner else []
            # a share marked after a later figure counts at its own place: "10 dead, nine of them in
            # the village of Klatanlo" places the nine, never the whole
            skip += [(q.start, clause_of(framing, sm.text, q.start)[1]) for q in sm.quantities
                     if q.kind == "quantity" and q.start >= figure.end and marked_after(framing, sm, q)]
            clause_place = place_after(framing, sm, figure.end, skip, figure.start)
            where = clause_place or place_in(framing, sm, skip, figure) or label_place(sm, figure) \
                or self.recording_country(sm, figure) or (happening_place(sm, {about.type, ev.GENERIC}, framing) if about is not None else None)
            inherited = about is not None and where is None and about.place is not None
            if where is not None:
                where = narrowed(sm, where, self.rules["places"])
            if inherited:
                where = about.place  # the happening's place, not one the sentence gives
                if self.abroad_before is not None and "+" not in about.place:
                    # "... the toll in Bangkok rose to 20. Rescuers were searching for 76 people": the
                    # sentence before moved to another country, and this one names no place
                    where, inherited = self.abroad_before, False
            elif about is not None and where and "+" not in where and "+" not in (about.place or "") \
                    and self.rules["places"].country(where) != about.country:
                self.abroad = where
            happening = about or self.main
            country = self.rules["places"].country(where) if where and not inherited else \
                self.last_country or (happening.country if happening else None)
            capital = self.capital_place(sm, figure, country)
            if capital and (where is None or inherited or where == country):
                where, inherited = capital, False  # "33 tewas di ibu kota": Kyiv's toll
            across = self.many_countries(sm, figure)
            if across is not None:
                # "517 deaths from 13 African countries", "di 13 negara Afrika": the region's count,
                # no one country's (not the country the happening is placed in)
                where, inherited = across, False
            elif happening is not None and happening.country and self.whole_area(sm, figure):
                # "korban meninggal di seluruh daerah terdampak mencapai 281": the whole happening's
                # toll, not the one district the lead names
                where, inherited = happening.country, False
            joint = self.joint_place(sm, figure)
            if joint and (where is None or inherited or where in joint.split("+")) and \
                    (facts is None or facts.behaviour_of(measure.value) != "fixed"):
                where, inherited = joint, False  # "killed 2,300 in Turkey and Syria": both countries' toll
            if inherited and self.own_place_before and framing.part_markers.find(sm.text[:figure.start]):
                # "RD Kongo mencatat 15.664 kasus ... Dari jumlah kasus itu, 2.638 terkonfirmasi": a part
                # of the figure before counts where it did
                where, inherited = self.own_place_before, False
            if where and not inherited:
                self.own_place_now = where
            if where and not inherited and "+" not in where:
                self.last_country = self.rules["places"].country(where)
            region = voice.split("@", 1)[1] if voice and "@" in voice else None
            if region and inherited and incidents is not None and about.type in incidents.sited \
                    and self.rules["places"].country(about.place) != about.place \
                    and not self.rules["places"].within(region, about.place):
                # "Gujarat health officials said 260 had died": the Ahmedabad crash's toll (the
                # gazetteer need not know the city lies in the state), not the state's
                region = None
            if region and (where is None or inherited) and region in self.rules["places"].parents:
                where, inherited = region, False  # "Ishikawa prefecture said 55 had died": its region's toll
            home = actors.government(voice) if voice else None
            joint_of_happening = where if where and "+" in where else (happening.place if happening else None)
            parts = (joint_of_happening or "").split("+")
            if home and home != where and home in parts and not clause_place and (where is None or where in parts
                                                                                  or "+" in where):
                # a happening across countries whose figure's own clause names no place: "..., while
                # Syria's health ministry reported 656 deaths" counts Syria's dead
                where, inherited = home, False
            if (where is None or inherited) and home and actors.role(home) == "state" \
                    and home in self.rules["places"].parents \
                    and any(actors.government(a.value) not in (home, None) for a in attackers(framing, sm)):
                # "Israel says 28 people were killed in Iranian missile attacks", "Pakistan's military said
                # Indian strikes killed 26": a state counting its own dead from another's strikes
                where, inherited = home, False
            abroad_country = self.rules["places"].country(where) if where and not inherited and "+" not in where else None
            if about is not None and incidents is not None and about.type in incidents.spreading \
                    and about.country and abroad_country and abroad_country != about.country \
                    and where not in self.rules["places"].regions and subject == about.id:
                # "WHO mencatat RD Kongo telah melaporkan 570 kematian" in a story of Indonesia's
                # cases: the outbreak in that other country, not the article's own
                about = EventRef(about.type, abroad_country, where)
                subject = about.id
            part = venue_part(framing, sm, figure)
            if part is not None and where is not None:
                where, inherited = f"{where}/{part}", False  # "ke tribun utara": a part of the venue
            if about is not None and about.type in framing.acted_incidents and where and not inherited \
                    and "+" not in where and subject == about.id:
                landed = where.split("/", 1)[0]
                struck = self.rules["places"].country(landed)
                # (a site no table knows, "di Distrik Mugi", is in no country of its own: the strike's)
                if struck not in (None, "unknown", about.country) and landed in self.rules["places"].parents:
                    # a strike counts where it landed: "28 tewas di Israel akibat rudal balasan Iran" in a
                    # report of Israel's strikes on Iran is the toll of the strikes on Israel
                    about = replace(about, country=struck, place=struck)
                    subject = about.id
            # "up from 151 on Tuesday": Tuesday's; "menjadi 6,73 persen pada Maret 2025": March's
            day = earlier_figure_day(sm, framing, figure) or own_period_day(sm, figure) \
                or own_speech_day(sm, framing, self.article.published, figure) or when
            stated = None
            if about is not None and about.day is not None and facts is not None \
                    and facts.behaviour_of(measure.value) == "fixed":
                # a fixed fact of the happening (shots fired, people on board) holds as of it; the
                # day the sentence gives it ("On Saturday, the navy had said ...") is kept as when it was said
                stated = day if day is not None and day != about.day and day != self.article.published else None
                day = about.day
            if subject and about is None:
                self.topic.subject = subject
            if role != "part" and counted is None and measure.value not in framing.counted_things:
                # (the places a toll is counted in are no toll a share or an anaphora goes back to:
                # "44 korban meninggal di tiga rumah sakit pemerintah dan 75 korban di tujuh rumah sakit swasta")
                self.last_measure = measure.value
                self.whole_measures.add(measure.value)
            self.add(kind="quantity", evidence=Evidence(sm.text, sm.sentence.start, sm.sentence.end),
                     # the toll among a group ("nine civilians") is a fact of its own: deaths/civilians
                     subject=subject, measure=measure.value if group is None else f"{measure.value}/{group}",
                     value=figure.value,
                     unit=measure.value if measure.rule.startswith("reading:") else ("percent" if figure.kind == "percent"
                                                                                      else currency(figure) or "count"),
                     where=where, when=day, modality=modality(sm, framing, figure),
                     speaker=voice, event=about,
                     marks=self.marks(("figure", figure), ("measure", measure), *self.date_marks(sm, day)),
                     extra=(("figure", figure.text), ("speaker_name", person), ("role", role),
                            *((("counted", counted.text),) if counted is not None else ()),
                            ("published", self.article.published),
                            *((("day_part", self.day_part),) if self.day_part is not None and day == when else ()),
                            *((("stated", stated),) if stated is not None else ()),
                            *((("earlier", True),) if earlier(framing, sm, figure) else ()),
                            *((("contrasted", True),) if self.contrasted else ()),
                            *((("place_of_event", True),) if inherited else ()),
                            *((("revised", True),) if revised else ())))

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
