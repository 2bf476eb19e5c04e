"""Who gives a figure or a stance: a body named in the sentence, a person introduced earlier
with the body they speak for ("Kepala Pelaksana BPBD Jatim, Budi Santosa" ... "kata Budi"), the
speaker of the sentence before ("ujarnya", "the spokesman said"), or the outlet itself (None).
News agencies and outlets quoted as sources ("dikutip dari", "citing") are conduits, never
speakers."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.frame.bodies import body_of, voice_of
from checker.frame.persons import role_opens, word_count
from checker.frame.wordspans import words
from checker.frame.syntax import clause_of, without_possessors
from checker.model import Mention
from checker.recognise import SentenceMentions


@dataclass
class Voice:
    """The last speaker established by earlier sentences (for "ujarnya", "the spokesman")."""

    last: str | None = None
    person: str | None = None  # the person speaking in this sentence, if one does (rutte, "Budi")
    last_person: str | None = None
    named: tuple = ()  # (speaker, the words of its name as written) of the bodies named so far
    lone: frozenset = frozenset()  # voices that are one person speaking for no body the tables know

    def named_as(self, head: frozenset) -> str | None:
        """The last body whose name as written holds these words ("the agency": "the local
        disaster agency chief"), not merely the last to speak."""
        # (a singular anaphor names a plural in a name too: "the airline" is "Malaysia Airlines")
        return next((said for said, written in reversed(self.named)
                     if head and all(w in written or w + "s" in written for w in head)), None)


def speaking_actor(actors, candidates: list[Mention]) -> Mention | None:
    """The most specific speaker among actors in a phrase, skipping news agencies."""
    speaking = [a for a in candidates if actors.role(a.value) != "conduit"]
    if not speaking:
        return None
    persons = [a for a in speaking[:3] if actors.role(a.value) == "person" or a.rule.startswith("person:")]
    return (persons or speaking)[0]


def speaker(sm: SentenceMentions, actors, framing, voice: Voice, places=None,
            clause: tuple[int, int] | None = None) -> str | None:
    """The authority the sentence (or one clause of it) attributes its claims to (see
    voice_of); None is the outlet's own voice. A clause with an attribution of its own ("...,
    sedangkan BPBD Jawa Barat menyebut 7") has its own speaker."""
    if clause is not None:
        start, end = clause
        sm = replace(sm, attribution=[c for c in sm.attribution if start <= c.start < end],
                     actors=[a for a in sm.actors if start <= a.start < end],
                     pronouns=[p for p in sm.pronouns if start <= p.start < end])
        if not sm.attribution:
            return None
    sm = without_compared_sources(sm, framing)
    if framing.controller is not None:
        # "the ministry, which is run by Hamas, said": who runs the body is not who speaks
        sm = replace(sm, actors=[a for a in sm.actors
                                 if not framing.controller.search(sm.text, max(0, a.start - 40), a.start)])
    found = _speaker(sm, actors, framing, voice)
    if found is None and clause is None:
        found = colon_speaker(sm, actors, framing)
    if found is None and clause is None and continues(sm, framing):
        found = voice.last
    if isinstance(found, Mention):
        said = voice_of(found, actors, places) if places is not None else body_of(actors, found.value)
        person = found.value if actors.role(found.value) == "person" else (
            found.text if found.rule.startswith("person:") else None)
        note_lone(voice, found, said, actors)
        voice.person = person
        if person:
            voice.last_person = person
        return said
    if found is not None:  # "ujarnya", "ia mengatakan": the last speaker again
        voice.person = voice.last_person
    return found


def _apposed_place(sm: SentenceMentions, framing, actor: Mention) -> bool:
    """A country set between commas after a place it follows ("Rescuers in Uttarakhand, India, have
    recovered", "Tim penyelamat di negara bagian Uttarakhand, India utara, telah menemukan"): where
    that place is, never the verb's subject."""
    text = sm.text
    if not re.match(r"(?:\s+\w+){0,2}\s*,", text[actor.end:actor.end + 24]):
        return False
    return any(re.fullmatch(r",\s*", text[p.end:actor.start]) is not None
               and framing.place_preposition.search(text, max(0, p.start - 40), p.start) is not None
               for p in sm.places if p.end <= actor.start)


def _speaker(sm: SentenceMentions, actors, framing, voice: Voice) -> Mention | str | None:
    text = sm.text
    everyone = sorted(sm.actors, key=lambda a: a.start)
    # a country named as where before a verb's subject ("Across Indonesia, the ministry has
    # recorded ...") is not that subject
    placeless = [a for a in everyone if not (any(p.start == a.start and p.end == a.end for p in sm.places)
                                             and (framing.place_preposition.search(text, max(0, a.start - 40), a.start)
                                                  or _apposed_place(sm, framing, a)))]
    # a body the sentence names at a verb of its own speaks before a pronoun's cue: "Rekapitulasi
    # BPBD Jatim sampai pukul 10.30, ujarnya, mencatat 174": BPBD's count, which he relays
    for cue in sorted(sm.attribution, key=lambda c: c.value == "previous"):
        # a verb either side of its speaker too ("Korban Kapal di Yunani Beda Versi, Penyintas
        # Sebut ..."), unless the place's own officials say it ("In Bangkok, ..., city officials said")
        officials = any(e <= cue.start and word_count(text[e:cue.start]) <= 1
                        for _, e, _, _ in framing.anaphoric_speakers.find(text))
        ordered = placeless if cue.value == "before" or cue.value == "either" and not officials else everyone
        if cue.value == "previous":
            return voice.last
        after = [a for a in ordered if a.start >= cue.end
                 and words(text, cue.end, a.start) <= framing.window("speaker_after")]
        # a place on a journey's route speaks for no one ("returning from Bangkok with 173
        # passengers, the airline said")
        before = [a for a in ordered if a.end <= cue.start and not (
            framing.route is not None and framing.route.search(text, max(0, a.start - 80), a.start))]
        near_cue = framing.window("pronoun")
        pronoun_before = [p for p in sm.pronouns if p.end <= cue.start and words(text, p.end, cue.start) <= near_cue]
        # a pronoun right after a quotation is its verb's subject: who the quotation names is what was
        # said ("\"It is another Chinese surveillance balloon,\" he said": not China speaking)
        before = [a for a in before if not any(a.end <= p.start and re.search(r'["”]', text[a.end:p.start])
                                               for p in pronoun_before)]
        anaphor = [(s, e) for s, e, _, _ in framing.anaphoric_speakers.find(text)
                   if words(text, cue.end, s) <= near_cue or words(text, e, cue.start) <= near_cue]
        if cue.value == "either":
            # "Putin said ...": an actor right before the verb speaks; "..., said the
            # Pentagon": one right after it; an actor further on is part of what was said
            # (not a place something is sent to: "sent troops to Russia, officials say")
            sent_to = [a for a in before if framing.destination is not None
                       and framing.destination.search(text, max(0, a.start - 20), a.start)]
            # (not across a comma: "... sent by North Korea, said Zelensky" is Zelensky's)
            right_before = [a for a in before if (word_count(text[a.end:cue.start]) <= 1
                                                  and not re.search(r"[,;]\s*$", text[a.end:cue.start])
                            or _owns_speaker(text[a.end:cue.start], framing)) and a not in sent_to]
            # ...nor the body of a title set between commas before the verb ("Nim Kidd, chief of the
            # Texas Division of Emergency Management, said the weather service ..."): the person's body
            # speaks, and a body right after the verb is what was said about
            right_before += [a for a in before if a not in right_before and a not in sent_to
                             and re.fullmatch(r"\s*,\s*", text[a.end:cue.start])
                             and (opening := text.rfind(",", 0, a.start)) >= 0
                             and role_opens(framing, text, opening + 1)]
            # (not across a comma either: "Badan Darurat Jigawa Sebut 153 Tewas, Sopir Bantah Ngebut" ends
            # the figure's clause before the driver's own)
            right_after = [a for a in after if word_count(text[cue.end:a.start]) <= 3
                           and not re.search(r"[,;]", text[cue.end:a.start])]
            for group in (right_before[::-1], right_after):
                chosen = speaking_actor(actors, group) if group else None
                if chosen:
                    return chosen
            # (an anaphor opening its phrase: "city officials", "Thai officials" are others)
            right = [(s, e) for s, e, _, _ in framing.anaphoric_speakers.find(text)
                     if e <= cue.start and word_count(text[e:cue.start]) <= 1
                     and (not text[:s].strip() or text[:s].rstrip()[-1] in ',;:"“”')]
            if voice.last and right:
                # "..., people from Iran and Uzbekistan were among the dead, the headquarters
                # said": the body named before speaks again, not a country further back
                return _named_before(voice, framing, text, *right[0], actors)
            near = [a for a in before if words(text, a.end, cue.start) <= framing.window("speaker_before")
                    and a not in sent_to]
            if near:
                chosen = speaking_actor(actors, near[::-1])
                if chosen:
                    return chosen
        if cue.value == "after" and framing.not_source_links:
            # "membantah data di Pusat Data Nasional (PDN) bocor": where the data is, not whose
            after = [a for a in after if not framing.not_source_links & set(re.findall(r"\w+", text[cue.end:a.start].casefold()))]
        if cue.value == "after" and after:
            # "according to the UN's International Organization for Migration": the IOM
            chosen = speaking_actor(actors, without_possessors(text, after))
            if chosen:
                return chosen
        if cue.value in ("before", "either"):
            clause_start, _ = clause_of(framing, text, cue.start)
            in_clause = [a for a in before if a.start >= clause_start]
            # a trailing tag after a comma names its own speaker (", Basarnas official Yudhi
            # Bramantyo told reporters"), not the agent of a passive before it ("identified by police")
            comma = text.rfind(",", clause_start, cue.start)
            tag = [a for a in in_clause if comma >= 0 and a.start > comma]
            if tag:
                in_clause = tag
            unnamed = framing.unnamed_subject.search(text, clause_start, cue.start) \
                if framing.unnamed_subject is not None else None
            if unnamed is not None and not any(a.end > unnamed.start() for a in before) \
                    and all(actors.role(a.value) == "state" for a in in_clause) \
                    and not any(s >= unnamed.start() - clause_start for s, _, _, _ in
                                framing.anaphoric_speakers.find(text[clause_start:cue.start])):
                # "..., including four Chinese nationals, the operator of the industrial park
                # said": a speaker no table knows, not the states named in what it said
                return None
            if in_clause:
                # "Libya's emergency services put the death toll at ...": the services, not their owner
                chosen = speaking_actor(actors, without_possessors(text, in_clause))
                if chosen:
                    return chosen
            elif clause_start and words(text, clause_start, cue.start) == 0:
                # "the general staff confirmed the accident but gave a different toll": a verb
                # right after the break shares the subject of the clause before
                near = [a for a in before if words(text, a.end, clause_start) <= framing.window("speaker_before")]
                chosen = speaking_actor(actors, near[::-1]) if near else None
                if chosen:
                    return chosen
            if pronoun_before:
                return voice.last
        if anaphor:
            return _named_before(voice, framing, text, *anaphor[0], actors)
    return None


def note_lone(voice: Voice, found: Mention, said: str, actors) -> None:
    """Remember a voice that is one person speaking for no body the tables know ("District
    Collector Shravan Kumar Jatavath"): a group ("officials") never names it again."""
    if said == found.value and found.rule.startswith("person:") and said not in actors.roles:
        voice.lone = voice.lone | {said}


def _named_before(voice: Voice, framing, text: str, start: int, end: int, actors) -> str | None:
    """Who an anaphor ("the agency", "badan itu") names: the last body named with its words,
    else the last speaker (unless the anaphor names an office: framing `named_only`; or a group,
    framing `group_anaphors`, and the last speaker is one person of no known body: "officials
    said" after a collector named alone are others, not him)."""
    head = frozenset(re.findall(r"\w+", text[start:end].casefold())) - framing.determiners
    named = voice.named_as(head)
    if named or head & framing.named_only:
        return named
    if head & framing.group_anaphors and voice.last in voice.lone:
        return None
    qualifier = re.search(r"([a-z][\w-]*)\s+$", text[max(0, start - 30):start])
    if head & framing.group_anaphors and qualifier is not None \
            and qualifier.group(1).casefold() not in framing.determiners \
            and voice.last is not None and actors.role(voice.last) == "institution" \
            and actors.government(voice.last) == voice.last:
        # "health officials said" after a doctors' group or an aid group: officials of some office, never
        # the independent body (one of no government) that spoke before
        return None
    return voice.last


# a dateline opening a lead: a place (and an outlet, a date) before a dash ("Jakarta - ",
# "JAKARTA, KOMPAS.com - ", "CIANJUR, Indonesia, Nov 22 (Reuters) - ")
DATELINE = re.compile(r"^\W*[A-Z][^\s-]*(?:[ ,]+[^\s-]+){0,6}?\s+[-\u2013\u2014]\s")


def in_dateline(text: str, actor: Mention) -> bool:
    """Whether a mention stands in the sentence's dateline: the capital in "Jakarta - BNPB
    mencatat ..." is where the report was filed, not who speaks."""
    line = DATELINE.match(text)
    return line is not None and actor.end <= line.end()


def colon_speaker(sm: SentenceMentions, actors, framing) -> Mention | None:
    """A headline's or lead's speaker before a colon ("BPBD Jatim: Korban Meninggal Capai 174
    Jiwa", "Kapolri: 11 Personel ...", "UN agency: 30,000 displaced"): a body or person named
    in the few words before the first colon; a country or an agency there is a label. Else a
    headline's source after its last colon ("...: EU intelligence")."""
    colon = re.search(r":\s", sm.text)
    if colon is not None and words(sm.text, 0, colon.start()) <= framing.window("colon_speaker"):
        named = [a for a in sorted(sm.actors, key=lambda a: a.start)
                 if a.end <= colon.start() and actors.role(a.value) not in framing.colon_labels]
        if named:
            return named[0]
    # an article's headline closing on its source after a colon ("Blast killed 'a few dozen': EU
    # intelligence", "Korban Tewas Capai 300 Orang: BNPB"): the few words there, opening on a
    # capital, name who says it, a country or a bloc too, when no figure stands among them
    last = [m for m in re.finditer(r":\s", sm.text)]
    if sm.sentence.start == 0 and last and not re.search(r"[.!?]\W*$", sm.text):
        tail = last[-1].end()
        if words(sm.text, tail, len(sm.text)) <= framing.window("colon_source") and sm.text[tail:tail + 1].isupper() \
                and not any(q.start >= tail for q in sm.quantities):
            named = [a for a in sorted(sm.actors, key=lambda a: a.start)
                     if a.start >= tail and actors.role(a.value) != "conduit"]
            if named:
                return named[0]
    return None


def _owns_speaker(between: str, framing) -> bool:
    """"South Korea's spy agency said": a name owning the few words before the verb is who
    speaks (through its agency), not a name after the verb."""
    possessive = next((p for p in framing.possessives if between.startswith(p)), None)
    if possessive is not None and 1 <= word_count(between[len(possessive):]) <= 3:
        return True
    # "Ukraine's military intelligence agency said": a body's name goes on after the actor
    words_between = re.findall(r"[\w-]+", between)
    return 1 <= len(words_between) <= 3 and not re.search(r"[,;:()]", between) \
        and words_between[-1].casefold() in framing.body_words


def continues(sm: SentenceMentions, framing) -> bool:
    """A sentence that opens with a continuation ("Sesudahnya, ...", "After that, ...") and
    names no speaker of its own goes on with the account of the sentence before."""
    if sm.attribution or sm.actors:
        return False
    return any(s == 0 for s, _, _, _ in framing.continuations.find(sm.text.lstrip("\"“ ")))


def reaches(sm: SentenceMentions, framing, clause: tuple[int, int]) -> bool:
    """Whether the sentence's speaker speaks for a clause without a cue of its own. A speaker
    named in a later clause that gives figures of its own ("X put the toll at 3,252, while
    the WHO reported 3,958") speaks for those; a trailing tag ("..., kata BNPB") for all."""
    for cue in sm.attribution:
        if cue.start < clause[1]:
            continue
        if _closes_quote_of(sm.text, clause, cue):
            return True  # "\"... 15 orang, sementara 25 hilang,\" kata X": the quote is X's, all of it
        cue_clause = clause_of(framing, sm.text, cue.start)
        figures = [q for q in sm.quantities if cue_clause[0] <= q.start < cue_clause[1]]
        if figures:
            last = max(q.end for q in figures)
            # a tag after its clause's figures and a comma closes the sentence: "..., sementara 30
            # lainnya luka-luka, kata BNPB" is BNPB's toll too
            return last <= cue.start and "," in sm.text[last:cue.start]
    return True


def _closes_quote_of(text: str, clause: tuple[int, int], cue: Mention) -> bool:
    """Whether a cue tags a quotation the clause lies within: the quote ends in a comma (or ?, !)
    and closes right before the cue or its speaker ("...,\" kata X", "...,\" the agency said"),
    after the clause, and opened before the clause's end."""
    close = max(text.rfind('"', 0, cue.start), text.rfind("”", 0, cue.start))
    if close <= 0 or text[close - 1] not in ",?!" or word_count(text[close + 1:cue.start]) > 8 \
            or re.search(r"[.;:]", text[close + 1:cue.start]):
        return False
    opening = max(text.rfind('"', 0, close), text.rfind("“", 0, close))
    return 0 <= opening < clause[1] <= close + 1


def names_own_source(sm: SentenceMentions, framing, clause: tuple[int, int], figure: Mention,
                     outcomes=frozenset()) -> bool:
    """Whether a figure's clause, one of several in its sentence, gives its own source before
    the figure: a cue with words before it in the clause besides clause openers and pronouns
    ("..., while the search agency put the toll at 15"). Its source is then whoever those words
    name, known or not, never the sentence's other speaker."""
    if clause == (0, len(sm.text)) or not framing.clause_openers:
        return False
    for cue in sm.attribution:
        if not clause[0] <= cue.start < figure.start:
            continue
        if any(clause[0] <= p.start < cue.start for p in sm.pronouns):
            return False  # "while he put it at 15": the speaker before
        if any(m.value in outcomes and m.end <= cue.start and not sm.text[m.end:cue.start].strip() for m in sm.measures):
            continue  # "The number of bodies recovered ... rose to 62": a participle of the victims counted, no teller
        said = list(re.finditer(r"[^\W\d_][\w'’-]*", sm.text[clause[0]:cue.start]))
        opening = next((w for w in said if w.group().casefold() not in framing.clause_openers), None)
        if opening is None:
            continue
        if framing.finders is not None and framing.finders.match(sm.text, clause[0] + opening.start()):
            return False  # "Rescuers have recovered 31 bodies, while ..., the agency said": the agency's
        return True
    return False


def without_compared_sources(sm: SentenceMentions, framing) -> SentenceMentions:
    """The sentence without the source of a figure it compares its own against: a cue with its
    speaker after it, a few words after a comparison word ("killed a few dozen, far fewer than the
    toll announced by Hamas, an official said", "jauh lebih sedikit dari angka yang diumumkan
    Hamas, kata pejabat itu"), and the names after that cue up to the clause's next break speak for
    the compared figure only. Kept when a figure stands there ("fewer than the 500 given by the
    ministry": that figure's own source, see speaker_for), or when the source goes on to speak
    ("..., who said 19 had died")."""
    if framing.comparisons is None or not sm.attribution:
        return sm
    text, spans = sm.text, []
    cues = sorted(sm.attribution, key=lambda c: c.start)
    for start, end, _, _ in framing.comparisons.find(text):
        cue = next((c for c in cues if c.start >= end), None)
        if cue is None or cue.value != "after" or re.search(r"[,;:]", text[end:cue.start]) \
                or words(text, end, cue.start) > framing.window("compared_source"):
            continue
        stop = re.search(r"[,;:()]", text[cue.end:])
        close = cue.end + stop.start() if stop else len(text)
        following = re.match(r"\W*(\w+)", text[close:])
        if following and following.group(1).casefold() in framing.comparison_goes_on:
            continue  # "higher than the one given by the police, who said 19": the source goes on
        if not any(start <= q.start < close for q in sm.quantities):
            spans.append((start, close))
    if not spans:
        return sm
    def outside(m: Mention) -> bool:
        return not any(s <= m.start < e for s, e in spans)
    return replace(sm, attribution=[c for c in sm.attribution if outside(c)],
                   actors=[a for a in sm.actors if outside(a)], pronouns=[p for p in sm.pronouns if outside(p)])


def speakers_by_cue(sm: SentenceMentions, actors, framing, voice: Voice, places=None) -> list[tuple[int, str]]:
    """(cue position, speaker) for each attribution cue of a sentence that quotes several
    speakers ("the ministry said 3,000 had died, the Red Crescent said 150"): each cue's
    speaker is looked for between the cues before and after it."""
    sm = without_compared_sources(sm, framing)
    cues = sorted(sm.attribution, key=lambda c: c.start)
    out = []
    for i, cue in enumerate(cues):
        low = cues[i - 1].end if i else 0
        high = cues[i + 1].start if i + 1 < len(cues) else len(sm.text)
        part = replace(sm, attribution=[cue], actors=[a for a in sm.actors if low <= a.start and a.end <= high],
                       pronouns=[p for p in sm.pronouns if low <= p.start and p.end <= high])
        said = speaker(part, actors, framing, voice, places)
        if said:
            out.append((cue.start, said))
    label = colon_speaker(sm, actors, framing) if cues else None
    if label is not None and label.end <= cues[0].start and not sm.text[:label.start].strip():
        # "BPBD Garut: 12 Orang Hilang, Basarnas Sebut 15": the figures before the first cue are the label's
        # (a label opening the line; "Kebakaran Depo Pertamina Plumpang:" names a topic)
        said = voice_of(label, actors, places) if places is not None else body_of(actors, label.value)
        out.insert(0, (label.start, said))
    return out


def speaker_for(figure: Mention, by_cue: list[tuple[int, str]], sm: SentenceMentions | None = None) -> str | None:
    """The speaker of the last cue before a figure, else of the first after it; but a cue with
    its speaker after it, right after the figure and its noun ("perkiraan 10.000 orang yang
    disampaikan kepolisian", "the 10,000 figure given by police"), names whose figure it is, not
    the sentence's subject that set it against another."""
    if sm is not None:
        own = [c for c in sm.attribution if c.value == "after" and c.start >= figure.end
               and word_count(sm.text[figure.end:c.start]) <= 3
               and not any(figure.end <= q.start < c.start for q in sm.quantities)]
        said = dict(by_cue).get(own[0].start) if own else None
        if said:
            return said
    before = [said for pos, said in by_cue if pos < figure.start]
    return before[-1] if before else (by_cue[0][1] if by_cue else None)


def closing_tag(sm: SentenceMentions, by_cue: list[tuple[int, str]]) -> str | None:
    """The speaker of a tag closing the sentence (", the national disaster agency said."), or None."""
    if not by_cue or not sm.attribution:
        return None
    last = max(sm.attribution, key=lambda c: c.start)
    if word_count(sm.text[last.end:]) > 2 or by_cue[-1][0] != last.start:
        return None
    # a tag is a clause of its own, after a comma or a quote: "... 10.000 orang yang disampaikan
    # kepolisian setempat" attributes the figure it follows, not the sentence
    opening = max(sm.text.rfind(mark, 0, last.start) for mark in ',;"”')
    if any(opening < q.start < last.start for q in sm.quantities):
        return None
    return by_cue[-1][1]
