"""Who does what a stance's predicate says: the accused, the theme's owner, the agent of a
passive, a name no table knows ('BAC Consulting KFT'), or the holder itself.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.frame.places import did_happening
from checker.frame.stance_topic import WORD, Chosen, Topic, real_places
from checker.frame.syntax import clause_of, owner_of
from checker.model import Mention
from checker.recognise import SentenceMentions, overlaps
from checker.recognise.stances import is_passive, StanceCue


def _actors_except(sm: SentenceMentions, actors, skip: list[Mention], lex=None, framing=None) -> list[Mention]:
    """The actors that may do what a predicate says: no conduits, nothing skipped, and no
    country that only names a war ("the Ukraine war", "perang Ukraina"); a country that names
    who did an act ("serangan Turki": an attack, a predicate of its own) does it."""
    wars = set()
    if lex is not None:
        acts = frozenset(lex.incident_predicates)
        for p in sm.places:
            if p not in real_places(replace(sm, places=[p]), lex) \
                    and not (framing is not None and did_happening(framing, sm, p, acts)):
                wars.add((p.start, p.end))
    skip = [s for s in skip if s is not None]
    body = getattr(actors, "body", actors.government)

    def beside(a: Mention, s: Mention) -> bool:  # "Kepala BSSN Hinsa Siburian": one speaker's title and name
        gap = sm.text[a.end:s.start] if a.end <= s.start else sm.text[s.end:a.start]
        return body(a.value) == body(s.value) and len(WORD.findall(gap)) <= 1
    return [a for a in sm.actors if actors.role(a.value) != "conduit" and (a.start, a.end) not in wars
            and not any(overlaps(a, s) or beside(a, s) for s in skip)]


def _thing_fault(spec) -> bool:
    """A thing's own fault (stances `own_fault`: a venue's short circuit, a vehicle's breakdown) is
    never done by an actor named before it: that is where it happened or who found it ("kebakaran
    di Jakarta Timur itu disebabkan korsleting listrik", "the fire at the market in Tanah Abang,
    Central Jakarta, was caused by a short circuit", "hasil uji Puslabfor Polri menemukan
    korsleting"); its owner is read apart."""
    return spec is not None and spec.own_fault


def agent_of(sm: SentenceMentions, rules, chosen: Chosen, cue: Mention | None, holder: Mention | None,
             holder_government: str, lo: int, topic: Topic | None,
             owners: dict | None = None, names: dict | None = None,
             denied: bool | None = None) -> tuple[str | None, Mention | None]:
    """Who does what the predicate says, and the words naming them. `topic` None: only what the
    sentence itself says (assertions), and whose its theme was when last named ("the troops").
    `denied`: whether the stance denies it (None: as the cue says)."""
    actors, framing, lex = rules["actors"], rules["framing"], rules["stances"]
    text = sm.text
    words, theme = chosen.mention, chosen.theme
    others = _actors_except(sm, actors, [holder], lex, framing)
    spec = lex.predicates.get(chosen.predicate)
    role = cue.value.role if cue is not None and isinstance(cue.value, StanceCue) else "report"
    clause_start, clause_end = clause_of(framing, text, cue.start if cue is not None else lo)
    names = names if names is not None else (topic.names if topic is not None else {})
    if spec is not None and spec.origin_owner and words is not None:
        # "menyebut minyak itu berasal dari pipa milik Pertamina", "said the oil came from a pipeline
        # owned by Pertamina": the owner of the source named after its words; none named, the holder's
        # own ("membantah tumpahan minyak itu berasal dari fasilitasnya"), or the one accused
        _, source_end = clause_of(framing, text, words.start)
        source = sorted((a for a in others if words.end <= a.start < source_end
                         and len(WORD.findall(text[words.end:a.start])) <= framing.window("owner")),
                        key=lambda a: a.start)
        if source:
            return actors.government(source[0].value), source[0]
        if role != "accuse":
            return holder_government, None
    if role == "accuse":
        # the accused is in the cue ("holds Israel responsible") or its object ("blamed Israel")
        accused = sorted((a for a in others if cue.start <= a.start < clause_end
                          and len(WORD.findall(text[cue.end:a.start])) <= 2), key=lambda a: a.start)
        if not accused:
            # "blamed a rocket misfired by Islamic Jihad": the agent of what is blamed
            for _, e, _, _ in lex_agent_markers(rules, text, cue.end):
                accused = [a for a in others if a.start >= e and not text[e:a.start].strip()][:1]
                if accused:
                    break
        if not accused and lex.enemy is not None and lex.enemy.match(text, cue.end):
            # "laid the blame on \"the enemy\", the term the group uses for Israel"
            accused = sorted((a for a in others if a.start >= cue.end
                              and actors.government(a.value) != holder_government), key=lambda a: a.start)[:1]
        if not accused:
            named = named_at(sm, rules, cue.end, names)  # "pinned the AR-924 on BAC Consulting"
            if named is not None:
                return named.value, named
            # "hit back at Israel, which it accused of ...": the one just before, never one accusing
            # with the holder ("Kubu Anies dan Ganjar menuding ...")
            beside = co_holders(sm, holder, cue, rules) if holder is not None else []
            accused = sorted((a for a in others if clause_start <= a.start and a.end <= cue.start
                              and (holder is None or a.start > holder.end) and a not in beside),
                             key=lambda a: -a.start)
        if accused:
            return actors.government(accused[0].value), accused[0]
    if spec is not None and spec.agent == "theme" and theme is not None and not lex.themes[theme.value].acts_for_owner:
        return theme.value, None  # "tear gas caused the deaths"; soldiers act for their owner
    if role != "accuse" and (
            theme is not None and any(s <= theme.start and theme.end <= e for s, e, _, _ in lex.reflexives.find(text))
            or cue is not None and words is not None and cue.end <= words.start
            and not passive_form(lex, text, words)
            and any(cue.end <= s and e <= words.start and len(WORD.findall(text[e:words.start])) <= 2
                    for s, e, _, _ in lex.reflexives.find(text))):
        # the holder's own troops or services, named right before what they did: "denied that its
        # soldiers were in Russia", "denied its coast guard had attacked Malaysian fishermen": not
        # those of a place named after them, nor the side the victims belong to
        return holder_government, None
    with_others = replace(sm, actors=others)
    for noun in (theme, words):
        if noun is None or (noun is words and lex.verbal.search(words.text)):
            continue  # a verb owns nothing: "supplying Russia with drones" is no Russian supply
        owner = owner_of(framing, with_others, noun, others)
        if owner is not None:
            return actors.government(owner.value), owner
    if spec is not None and spec.agent == "holder" and role != "accuse":
        # the holder's own ("denied any negligence", "membantah data bocor dari sistemnya"),
        # unless a named actor follows an agent marker ("negligence by the organisers")
        if words is not None and (spec.owner_before or spec.subject_before and not passive_form(lex, text, words)):
            # "menyatakan sirup produksi PT Afi Farma tercemar": the maker named just before it
            floor = cue.end if cue is not None and cue.end <= words.start else clause_start
            named = [a for a in others if floor <= a.start and a.end <= words.start
                     and (len(WORD.findall(text[a.end:words.start])) <= 3
                          # or the clause's subject, doing it: "the firm bought cheap fuel and blended it"
                          or (len(WORD.findall(text[a.end:words.start])) <= 12
                              and not re.search(r"[,;:()\"“”]", text[a.end:words.start])
                              and not any(a.end <= b.start and b.end <= words.start for b in sm.actors)))]
            if named:
                nearest = max(named, key=lambda a: a.end)
                return actors.government(nearest.value), nearest
            # a name no table knows, if a company's ("PT Afi Farma") or one the article named before:
            # a headline's capitalised "Sirupnya Tercemar" names no maker
            known = set(names.values())
            maker = named_before(sm, rules, words.start, floor, dict(names))
            if maker is not None and (maker.value in known or any(
                    w.strip(".,").casefold() in lex.name_affixes for w in maker.text.split())):
                names.setdefault(maker.value, maker.value)
                return maker.value, maker
        for s, e, _, _ in lex_agent_markers(rules, text, words.end) if words is not None else ():
            after = sorted((a for a in others if a.start >= e and a.start - e <= 3), key=lambda a: a.start)
            if after:
                return actors.government(after[0].value), after[0]
        if spec.denied_own and not denies(cue, denied):
            return SOMEONE, None  # "the Pentagon said it was tracking a surveillance balloon": not its own
        return holder_government, None
    if words is not None:
        p_clause_start, _ = clause_of(framing, text, words.start)
        floor = max(lo, p_clause_start)
        for s, e, _, _ in lex_agent_markers(rules, text, words.end):
            # a passive's agent: "dibuat dan dijual oleh BAC Consulting KFT", "made by Icom"
            after = sorted((a for a in others if a.start >= e and a.start - e <= 3), key=lambda a: a.start)
            if after:
                return actors.government(after[0].value), after[0]
            named = named_at(sm, rules, e, names)
            if named is not None:
                return named.value, named
        before = [a for a in others if floor <= a.start and a.end <= words.start
                  and len(WORD.findall(text[a.end:words.start])) <= 8
                  # (not where it happened: "the mine collapse in Peru was caused by negligence")
                  and not (spec is not None and spec.agent == "anyone"
                           and framing.place_preposition.search(text, max(0, a.start - 40), a.start))
                  and not _thing_fault(spec)]
        suffered = passive_form(lex, text, words)
        if suffered:
            before = []  # "PDN diserang ransomware", "the hospital was attacked": the one attacked
        if before:
            nearest = max(before, key=lambda a: a.end)
            if role != "accuse" and any(nearest.end <= s and e <= words.start for s, e, _, _ in lex.reflexives.find(text)):
                # the holder itself named after the accuser ("membantah tudingan polisi bahwa organisasi itu
                # menggerakkan massa", "denied the police's claim that the group had organised the riot")
                return holder_government, None
            return actors.government(nearest.value), nearest
        named = None if suffered else \
            named_before(sm, rules, words.start, max(floor, holder.end if holder is not None else 0), names)
        if named is not None:  # "saying BAC had made and sold them"
            return named.value, named
        between = [w.casefold() for w in WORD.findall(text[cue.end:words.start])] \
            if cue is not None and 0 <= words.start - cue.end else None
        if cue is not None and role != "accuse" and between is not None and (
                lex.verbal.search(words.text) and all(w in lex.auxiliaries for w in between)
                or any(w in lex.support_verbs for w in between)
                and all(w in lex.auxiliaries or w in lex.support_verbs for w in between)):
            # "denied sending troops", "membantah (telah) mengirim senjata", "denied having fired",
            # "denied carrying out airstrikes", "membantah telah melancarkan serangan udara"
            return holder_government, None
        # "his country played any role", "dikirim dari perusahaannya": the holder itself; never
        # the one accusing ("accused the firm of negligence, saying it had ignored warnings")
        reflexive = [] if role == "accuse" else [m for m in lex.reflexives.find(text)
                     if (floor <= m[0] < words.start or 0 <= m[0] - words.end and len(WORD.findall(text[words.end:m[0]])) <= 2)
                     and not (lex.expletive_after is not None and lex.expletive_after.match(text, m[1]))]
        if reflexive:
            return holder_government, None
    if role != "accuse" and (role == "self" or chosen.light or chosen.governed and theme is None):
        return holder_government, None  # "rejected any link to the operation": its own part (an
        # accuser's never: "Polisi menetapkan tiga petugas sebagai tersangka kelalaian")
    if topic is not None and topic.last is not None and not topic.last.figure \
            and topic.last.predicate == chosen.predicate and topic.last.agent != topic.last.theme:
        return topic.last.agent, None  # "menepis laporan itu", "these troops": the one before
    owners = owners if owners is not None else (topic.owners if topic is not None else {})
    if theme is not None and theme.value in owners and chosen.predicate in lex.themes[theme.value].own:
        return owners[theme.value], None  # "these troops": the ones named before
    owned = chosen.predicate in {p for t in lex.themes.values() for p in t.own}
    if topic is not None:
        if topic.subject is not None and owned:
            return topic.subject, None  # "mengonfirmasi pengerahan itu": whose troops were counted
        if words is not None:
            _, words_clause_end = clause_of(framing, text, words.start)
            # (not one in a clause after it: "denied any negligence, but the rights commission said")
            later = sorted((a for a in others if words.end < a.start < words_clause_end), key=lambda a: a.start)
            if words is not None and passive_form(lex, text, words):
                # "Kyiv diserang Rusia": the one right after a passive did it; one further on
                # ("... tebusan 8 juta dolar AS") did not
                later = [a for a in later if len(WORD.findall(text[words.end:a.start])) <= 1]
            # (a place the predicate sends something to does not do it: "Pasok Amunisi ke Ukraina")
            later = [a for a in later if not (framing.place_preposition.search(text, max(0, a.start - 40), a.start)
                                              or lex.place_preposition.search(text, max(0, a.start - 40), a.start))]
            if later:
                return actors.government(later[0].value), later[0]
            if cue is not None and role != "accuse" and not text[cue.end:words.start].strip():
                return holder_government, None  # a headline's root verbs: "Pakistan Bantah Pasok Amunisi"
        if cue is not None and isinstance(cue.value, StanceCue) and cue.value.label in ("non_confirm", "non_denial", "neutral"):
            return holder_government, None  # "gave no response when asked about the explosions"
    if theme is not None and spec is not None and (spec.agent == "theme" or spec.requires_theme):
        return theme.value, None
    return None, None


_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[0-9][\w-]*[A-Z][\w-]*)"


_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")


_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:(?:\s+|['’]s\s+){_NAME_WORD})*(?=[\s,]*$)")


SOMEONE = "someone"  # the agent of a stance's proposition when the sentence names none


def denies(cue: Mention | None, denied: bool | None) -> bool:
    """Whether a stance denies what it is about (or will not deny it): `denied` when the caller knows,
    else its cue's label."""
    if denied is not None:
        return denied
    return cue is not None and isinstance(cue.value, StanceCue) and cue.value.label in ("deny", "non_denial")


def passive_form(lex, text: str, words: Mention) -> bool:
    """Whether a predicate's verb stands in the passive ("diserang", "was attacked"), so the
    actor before it suffered it."""
    return is_passive(lex, words.text.split()[0], text[:words.start])


def _name(sm: SentenceMentions, rules, start: int, end: int, names: dict) -> Mention | None:
    """A name no table knows, as an agent's id: "BAC Consulting KFT" -> bac_consulting; a
    shorter form of a name the article used before is that name ("BAC")."""
    lex = rules["stances"]
    text = sm.text[start:end]
    if any(w.strip(".,:;\"“”").casefold() in lex.pointers for w in text.split()):
        return None  # "Isu Guru Rasis Itu", "This Claim": a thing told pointed back to, no name
    words = [w for w in text.split() if w.strip(".,").casefold() not in lex.name_affixes]
    if not words or not re.sub(r"[\"“‘'(\[]", "", sm.text[:start]).strip() and len(words) == 1:
        return None  # a capitalised first word is no name, nor one opening a quote ("\"We deny ...")
    # (nor a word of the lexicons: a headline capitalises its verbs, "Iran Akui Kirim Drone ke Rusia")
    taken = sm.places + sm.dates + sm.incidents + sm.actors + sm.topics + sm.stances + sm.measures
    if any(m.start < end and start < m.end for m in taken):
        return None
    ident = re.sub(r"[^a-z0-9]+", "_", " ".join(words).casefold()).strip("_")
    if not ident or not ident[0].isalpha():
        return None
    for known in names.values():
        if known.startswith(ident + "_"):
            ident = known
            break
    names.setdefault(ident, ident)
    return Mention("actor", text, start, end, ident, rule="name")


def unknown_speaker(sm: SentenceMentions, rules) -> bool:
    """A person no table knows speaks in the sentence: a name of two words or more right
    before an attribution cue ("President Isaac Herzog said he ..."). "He" is then that
    person, not whoever spoke last."""
    for cue in sm.attribution:
        name = named_before(sm, rules, cue.start, 0, {})
        if name is not None and len(name.text.split()) >= 2:
            return True
    return False


def named_holder(sm: SentenceMentions, rules, cue: Mention, floor: int, names: dict) -> Mention | None:
    """A name no table knows right before a cue, its subject: "Taiwan's Gold Apollo pinned",
    "Perusahaan asal Taiwan, Gold Apollo, menepis". A lone capitalised word opening the
    sentence is no name."""
    head = sm.text[floor:cue.start]
    trimmed = head.rstrip(" ,")
    return named_before(sm, rules, floor + len(trimmed), floor, names) if trimmed else None


def named_at(sm: SentenceMentions, rules, pos: int, names: dict) -> Mention | None:
    """A name starting right at `pos` (after spaces and a determiner)."""
    m = re.compile(r"\s*(?:the\s+)?").match(sm.text, pos)
    start = m.end() if m else pos
    found = _NAME.match(sm.text, start)
    return _name(sm, rules, found.start(), found.end(), names) if found else None


def named_before(sm: SentenceMentions, rules, pos: int, floor: int, names: dict) -> Mention | None:
    """A name ending right before `pos`, auxiliaries between ("BAC had made", "BAC telah membuat")."""
    lex = rules["stances"]
    end = pos
    while True:
        head = sm.text[floor:end].rstrip()
        last = re.search(r"([\w'’-]+)$", head)
        if last is not None and last.group(1).casefold() in lex.auxiliaries:
            end = floor + last.start(1)
            continue
        end = floor + len(head)
        break
    run = _NAME_RUN.search(sm.text, floor, end)
    if run is None or run.end() != end:
        return None
    start = run.start()
    owner = list(re.finditer(r"['’]s\s+", run.group()))
    if owner:  # "Taiwan's Gold Apollo": the name after the possessor
        start += owner[-1].end()
    roles = rules["framing"].person_roles
    titled = [e for _, e, _, _ in roles.find(sm.text[start:end])] if roles is not None else []
    if titled and sm.text[start + titled[-1]:end].strip():
        start += titled[-1]  # "Jeju Air CEO Kim E-bae": the person after the title
    # a country opening the run is the nationality of the unknown name after it, whose own name it
    # is: "Wartawan investigasi Amerika Serikat Seymour Hersh" (the journalist, not the state)
    known = [a.end for a in sm.actors if start <= a.start and a.end < end and sm.text[a.end:end].strip()
             and rules["actors"].role(a.value) == "state"]
    if known:
        start = max(known)
    found = list(_NAME.finditer(sm.text, start, end))
    last = next((m for m in reversed(found) if m.end() == end), None)
    return _name(sm, rules, last.start(), end, names) if last else None


def lex_agent_markers(rules, text: str, pos: int) -> list:
    """Agent markers ("by", "oleh") right after a predicate: "dibuat dan dijual oleh BAC"."""
    window = text[pos:pos + 30]
    return [(pos + s, pos + e, i, f) for s, e, i, f in rules["stances"].agent_markers.find(window)
            if len(WORD.findall(window[:s])) <= 3]


def co_holders(sm: SentenceMentions, holder: Mention, cue: Mention, rules) -> list[Mention]:
    """Actors coordinated with the holder before the cue: "Hezbollah and the Lebanese cabinet
    have both pinned ...", "Baik pemerintah Lebanon maupun Hizbullah menyalahkan ..."."""
    actors, lex = rules["actors"], rules["stances"]
    chain = [holder]
    ordered = sorted((a for a in sm.actors if a.start > holder.end and a.end <= cue.start
                      and actors.role(a.value) != "conduit"), key=lambda a: a.start)
    for actor in ordered:
        between = sm.text[chain[-1].end:actor.start]
        if not lex.coordination.fullmatch(between):
            break
        chain.append(actor)
    return chain[1:]
