"""People and firms an article names: who each is (their body, from a title or an appositive:
'Kapolda Jatim Irjen Nico Afinta', 'Peskov, the Kremlin spokesman'), and their later mentions.
"""
from __future__ import annotations

import re

from checker.frame.bodies import body_of, voice_of
from checker.frame.wordspans import words, words_after, words_before
from checker.model import Mention
from checker.recognise import SentenceMentions


_WORD = re.compile(r"[\w'’.-]+|,")


_NAME = re.compile(r"^[A-Z][a-z'’-]+$|^[A-Z]\.?$")


# a run of capitalised words that may be a person's name ("Osama Hamad", "Saleh al-Obaidi"): a
# short lower-case particle joined by a hyphen may open a word, whatever the language's particles
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]+){1,4}")


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def _title_case(text: str) -> bool:
    """A headline in title case: most words capitalised and no full stop at the end (a
    sentence full of titles and names still ends like one)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 4:
        return False
    share = sum(w[0].isupper() for w in words) / len(words)
    return share > 0.6 and not text.rstrip("\"”’' ").endswith((".", "!", "?"))


def _name_after(text: str, pos: int, honorifics: frozenset,
                services: frozenset = frozenset()) -> tuple[int, int] | None:
    """The span of a person's name right after a title or body: ", Budi Santosa", " Irjen Nico
    Afinta"; honorifics may stand first, and a rank's service after the rank (" Marsdya TNI Mohammad
    Syafii")."""
    start = end = None
    ranked = False  # the word before was an honorific
    # a body's short form in brackets closes before the name: "Kepala Badan Pangan Nasional (Bapanas) Arief
    # Prasetyo Adi", "head of the National Disaster Management Agency (BNPB) Suharyanto"
    pos += 1 if text[pos:pos + 2] in (") ", ")\u00a0") and "(" in text[max(0, pos - 16):pos] else 0
    count, last = 0, pos  # `last`: where the previous word (a skipped one too) ended
    for m in _WORD.finditer(text, pos):
        word = m.group()
        if m.start() - last > 2 or text[last:m.start()].strip():
            break  # far, or past a bracket or a quote: "Lebanon (Justin Tallis/PA)" credits a photographer
        last = m.end()
        if word == ",":
            if start is None and count == 0:
                continue
            break
        if start is None and (word.casefold().rstrip(".") in honorifics
                              or (ranked and word.casefold() in services)):
            ranked = word.casefold().rstrip(".") in honorifics
            continue
        ranked = False
        if not _NAME.match(word.rstrip(".,")) or count == 3:
            break
        start = m.start() if start is None else start
        end = m.start() + len(word.rstrip(".,"))
        count += 1
    return (start, end) if start is not None else None


def _listed(text: str, body_end: int, span: tuple[int, int], framing) -> bool:
    """Whether one capitalised word set off by a comma after a body is an item of a list of groups
    going on with a link and a lower-case word ("minta maaf kepada keluarga korban, Aremania, dan
    suporter"; "thanked the rescuers, Basarnas, and volunteers"), not the name of the body's person."""
    return framing.list_goes_on is not None and "," in text[body_end:span[0]] \
        and " " not in text[span[0]:span[1]] and framing.list_goes_on.match(text, span[1]) is not None


def _title_goes_on(framing, text: str, end: int, bodies_after: list[Mention]) -> bool:
    """Whether capitalised words after a title are the title's own ("Kepala Pusat Data dan
    Informasi BNPB Abdul Muhari", "Head of Public Relations of the Police"): a linking word of a
    name (framing `name_links`) and another capitalised word, or a body right after them."""
    link = re.match(r"\s+([\w&]+)\s+[A-Z]", text[end:end + 40])
    if link is not None and link.group(1).casefold() in framing.name_links:
        return True
    # a list in the title ("Kepala Pusat Data, Informasi, dan Humas BNPB Sutopo"): commas, then a link word
    listed = re.match(r"(?:\s*,\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)?)+\s*,?\s+([\w&]+)\s+[A-Z]", text[end:end + 80])
    if listed is not None and listed.group(1).casefold() in framing.name_links:
        return True
    return any(re.fullmatch(r"\s*", text[end:b.start]) for b in bodies_after)


def _title_kind(framing, text: str, title_start: int, name_start: int) -> str | None:
    """The kind of body a title names right before it or between it and the name ("Ministry
    spokesman", "Juru bicara Kementerian Janan Sayeeq"): a body word (framing `body_words`)."""
    kinds = getattr(framing, "body_words", None) or ()
    before = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[:title_start])
    after = re.match(r"\s*([^\W\d_][\w'’-]*)", text[name_start:])
    for m in (before, after):
        if m is not None and m.group(1).casefold() in kinds:
            return m.group(1).casefold()
    return None


def _unknown_owner(text: str, title_start: int, known: list) -> bool:
    """Whether the phrase right before a title names a body no table knows by a mark only a name
    has: a number ("Rescue 1122 spokesman") or an acronym ("PDMA spokesman", "the SDRF
    commandant"). The title is that body's, never the last body named."""
    lo = max([text.rfind(p, 0, title_start) for p in ',;:."“”()'] + [-1]) + 1
    for m in re.finditer(r"[\w'’-]+", text[lo:title_start]):
        start, end = lo + m.start(), lo + m.end()
        if any(s < end and start < e for s, e in known):
            continue
        word = m.group()
        if any(c.isdigit() for c in word) or (len(word) >= 2 and word.isalpha() and word.isupper()):
            return True
    return False


# a body's name marked as one only a name has, before a capitalised word: an acronym ("PDMA"),
# or a word and a number ("Rescue 1122")
_OWNER_MARK = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+\d[\w-]*|[A-Z]{2,}(?![\w'’-]))(?=\s+[A-Z])")


def _unknown_owner_after(text: str, pos: int, known: list) -> int | None:
    """Where the name starts after a title that a body no table knows follows ("Kepala Rescue 1122
    Kamran Baig", "Juru bicara PDMA Rizwan Shah"); None when no such body stands there."""
    m = _OWNER_MARK.match(text, pos)
    if m is None or any(s < m.end() and m.start() < e for s, e in known):
        return None
    return m.end()


def _names_kind(text: str, body: Mention, kind: str) -> bool:
    """Whether the body, with the few words of its phrase around it, is named as one of that kind
    ("the Taliban's disaster management ministry", "kementerian penanggulangan bencana Taliban")."""
    lo = max([text.rfind(p, 0, body.start) for p in ',;:."“”'] + [-1]) + 1
    ends = [i for i in (text.find(p, body.end) for p in ',;:."“”') if i >= 0]
    hi = min(ends) if ends else len(text)
    phrase = words_before(text[lo:body.start], body.start - lo, 5) + " " + text[body.start:body.end] + " " \
        + words_after(text[:hi], body.end, 5)
    return kind in (w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", phrase))


def _sender(sm: SentenceMentions, actor: Mention, actors, framing) -> Mention:
    """The body a name after the actor speaks for: the actor, unless it is the post an envoy holds, named
    after one of `post_links` ("Duta Besar Ukraina untuk PBB Sergiy Kyslytsya": Ukraine's, not the UN's)."""
    for other in sorted(sm.actors, key=lambda a: -a.end):
        if other.end <= actor.start and actors.role(other.value) not in ("conduit", "person"):
            between = sm.text[other.end:actor.start].casefold().split()
            if len(between) <= 4 and not re.search(r"[,;:.()]", sm.text[other.end:actor.start]) \
                    and any(" ".join(between[-n:]) in framing.post_links for n in (1, 2) if len(between) >= n):
                return other  # "Ukraine's ambassador to the United Nations, Sergiy Kyslytsya"
            return actor
    return actor


def register_persons(sentences: list[SentenceMentions], actors, framing, places=None) -> dict[str, str]:
    """Names introduced next to a body they speak for, and each of their parts, -> the body: a
    body or title right before the name ("Kepala BPBD Jatim, Budi Santosa"), an appositive
    after it (see _appositives), or a bare title after a sentence that named the body
    ("Komnas HAM mempelajari 233 video. Komisioner M Choirul Anam menjelaskan ...").
    A name part claimed by two bodies is dropped: it cannot say which one speaks; one claimed by
    a body and by the person alone is the body's."""
    found: dict[str, set] = {}
    own: set[str] = set()  # the ids of people no body was found for: themselves

    def note(name: str, actor: Mention) -> None:
        if any(w.casefold() in framing.body_words for w in name.split()):
            return  # "Pakistan International Airlines": the body's own longer name, no person of Pakistan's
        body = voice_of(actor, actors, places) if places is not None else body_of(actors, actor.value)
        tokens = name.split()
        # "Sri Mulyani Indrawati" goes on as "Sri Mulyani": a longer name's first two words are its part too
        for part in {name, *tokens, *([" ".join(tokens[:2])] if len(tokens) > 2 else [])}:
            if len(part) >= 3:
                found.setdefault(part, set()).add(body)

    last_body, last_text = None, ""  # the body the sentence before named last, and that sentence
    history: list = []  # the bodies of the sentences before, in order, each with its sentence
    for sm in sentences:
        bodies = [a for a in sorted(sm.actors, key=lambda a: a.start)
                  if actors.role(a.value) not in ("conduit", "person")]
        if _title_case(sm.text):
            continue  # headlines capitalise every word: no names to read there
        # a name may hold a known person's name ("Listyo Sigit Prabowo"), not a body or a place
        known = [(m.start, m.end) for m in sm.places + sm.incidents + sm.dates + sm.measures]
        known += [(a.start, a.end) for a in sm.actors if actors.role(a.value) != "person"]
        introduced = []  # names a body stands before: what follows them is the sentence going on
        for actor in sm.actors:
            if actors.role(actor.value) == "conduit":
                continue
            if framing.origin is not None and actors.role(actor.value) == "state" \
                    and framing.origin.search(sm.text, max(0, actor.start - 40), actor.start):
                continue  # "Perusahaan asal Taiwan, Gold Apollo,": the firm's name, no person of Taiwan's
            if framing.private_roles is not None and actors.role(actor.value) == "state" and any(
                    e == len(head.rstrip()) for head in [words_before(sm.text, actor.start, 2)]
                    for _, e, _, _ in framing.private_roles.find(head.rstrip())):
                continue  # "wartawan investigasi Amerika Serikat Seymour Hersh": a private person's nationality
            if framing.facility is not None and framing.facility.search(sm.text, max(0, actor.start - 40), actor.start):
                continue  # "RS Pertamina Jaya": a hospital named after the body, no person of Pertamina's
            if any(p.start == actor.start and p.end == actor.end for p in sm.places) \
                    and framing.place_preposition.search(sm.text, max(0, actor.start - 40), actor.start):
                continue  # "Dalam konferensi pers di Beirut, Abiad menambahkan": where, not whom for
            span = _name_after(sm.text, actor.end, framing.honorifics, actors.rank_services)
            office = next((p for p in sm.places if span is not None and p.start == span[0]), None)
            if office is not None:  # "Kepala Kantor SAR Kupang Emanuel Bau": the body's office, then the name
                span = _name_after(sm.text, office.end, framing.honorifics, actors.rank_services)
            if span is None or any(s < span[1] and span[0] < e for s, e in known) \
                    or _listed(sm.text, actor.end, span, framing):
                continue
            introduced.append(span)
            note(sm.text[span[0]:span[1]], _sender(sm, actor, actors, framing))
        for name, actor in _appositives(sm, actors, framing, known + introduced):
            note(name, actor)
        for title in re.finditer(r"(?<![\w'’-])[A-Za-z][\w'’-]*", sm.text):
            if title.group().casefold() not in framing.honorifics:
                continue
            if title.group()[0].islower() and not _role_word(framing, title.group()):
                continue  # a title in lower case is a role only when it is one ("ministry spokeswoman Rika")
            # a body no table knows between the title and the name ("Juru bicara PDMA Rizwan Shah")
            past = _unknown_owner_after(sm.text, title.end(), known)
            span = _name_after(sm.text, title.end() if past is None else past, framing.honorifics, actors.rank_services)
            if span is None or any(s < span[1] and span[0] < e for s, e in known + introduced) \
                    or _title_goes_on(framing, sm.text, span[1], [a for a in bodies if a.start >= span[1]]):
                continue
            # a capital or country named as a place ("west of Jakarta, ministry spokeswoman Rika")
            # is where, not whom the title speaks for, unless it stands right before the title
            # (a country's possessive before the title is whose officer it is: "Bangladesh's refugee relief
            # commissioner, Shah Rezwan Hayat")
            before = [a for a in bodies if a.end <= title.start()
                      and not (any(p.start == a.start and p.end == a.end for p in sm.places)
                               and (re.search(r"[,;:()]", sm.text[a.end:title.start()])
                                    or (words(sm.text, a.end, title.start()) > 1
                                        and not (sm.text.startswith(("'s ", "’s "), a.end)
                                                 and words(sm.text, a.end, title.start()) <= 6))))]
            # a site or a body no table knows named at the title ("At al-Awda hospital, director Mohammed
            # Salha", "Hospital director ...", "PDMA spokesman", "Kepala Rescue 1122"): the title is theirs,
            # not the last body's, and the person speaks as an authority of their own
            alone = any(m.value in framing.counted_things and m.end <= title.start() for m in sm.measures) \
                or past is not None or _unknown_owner(sm.text, title.start(), known)
            body = before[-1] if before else (None if alone else last_body)
            if sm.text[title.start():span[0]].strip().casefold() in framing.state_titles and any(
                    span[0] <= a.start and a.end <= span[1] and actors.role(a.value) == "person"
                    and body_of(actors, a.value) != a.value for a in sm.actors):
                continue  # "President Volodymyr Zelenskiy": a head of state the rules know speaks for their own state
            if not before and sm.text[title.start():span[0]].strip().casefold() in framing.state_titles \
                    and (body is None or actors.role(body.value) != "state"):
                # "President Tayyip Erdogan said" after a sentence naming the state firm TTK, "Prime Minister
                # Kyriakos Mitsotakis said" after a sentence naming none: the head of the last state named, not
                # the firm's president ("President Director" goes on to another title)
                body = next((b for b, _ in reversed(history) if actors.role(b.value) == "state"), None)
            kind = _title_kind(framing, sm.text, title.start(), span[0])
            if not before and body is not None and kind is not None and not _names_kind(last_text, body, kind):
                # "Ministry spokesman Janan Sayeeq", "Juru bicara Kementerian Janan Sayeeq" after
                # "the United Nations said": the title names a kind of body the last one is not;
                # it is the last body named as one of that kind ("the Taliban's disaster
                # management ministry"), else still the last body (no other is nearer)
                body = next((b for b, t in reversed(history) if _names_kind(t, b, kind)), body)
            office = title.group().casefold()
            if not before and office in framing.named_only:
                # "State governor Eduardo Leite said" after the civil defence agency: an office the last body
                # is not; the last body named as one ("the governor of Rio Grande do Sul"), else their own (as
                # with no body named before: "Chief Minister Pinarayi Vijayan said")
                if body is not None and not _names_kind(last_text, body, office):
                    body = next((b for b, t in reversed(history) if _names_kind(t, b, office)), None)
                alone = alone or body is None
            if body is None and alone:
                name = sm.text[span[0]:span[1]]
                introduced.append(span)
                own.add(person_id(name))  # an authority of their own, as a person no body is found for
                for part in {name, *name.split()}:
                    if len(part) >= 3:
                        found.setdefault(part, set()).add(person_id(name))
            if body is not None:
                introduced.append(span)
                note(sm.text[span[0]:span[1]], body)
        last_body, last_text = (bodies[-1], sm.text) if bodies else (None, "")
        history.extend((b, sm.text) for b in bodies)
        actor_spans = [(a.start, a.end) for a in sm.actors]  # known persons too
        for name in _unknown_persons(sm, framing, known + introduced + actor_spans, found):
            # a body no rule knows ("Norwegian Refugee Council said") is named whole: "Council"
            # alone is any council
            body = any(w.casefold() in framing.body_words for w in name.split())
            own.add(person_id(name))
            for part in {name} if body else {name, *name.split()}:
                if len(part) >= 3:
                    found.setdefault(part, set()).add(person_id(name))
    # a person the article also names with a body ("Isaac Herzog told Sky News ... President
    # Isaac Herzog said", after Israel's head of state) speaks for the body, not for themself
    found = {name: (bodies - own if len(bodies - own) == 1 else bodies) for name, bodies in found.items()}
    return {name: bodies.pop() for name, bodies in found.items() if len(bodies) == 1}


def register_firms(sentences: list[SentenceMentions], actors, framing) -> dict[str, str]:
    """Firms no table knows, named with their legal form ("PT Jasa Marga (Persero) Tbk",
    "Synergy Marine Corp"), -> their id: each speaks for itself, wherever the article names it
    again without the form ("Jasa Marga membantah ..."). A firm the tables know keeps its id."""
    if framing.firm_names is None:
        return {}
    found = {}
    for sm in sentences:
        for m in framing.firm_names.finditer(sm.text):
            group = "name" if m.group("name") else "name_before_form"
            start, end = m.span(group)
            first = re.match(r"(\w+)\s+", sm.text[start:end])
            if first is not None and first.group(1).casefold() in framing.determiners:
                start += first.end()  # "The Boeing Co."
            if any(a.start < end and start < a.end and actors.role(a.value) != "state" for a in sm.actors):
                continue  # "PT Pertamina (Persero)": a firm the actors rules know
            found[sm.text[start:end]] = person_id(sm.text[start:end])
    return found


def with_firms(persons: dict[str, str], firms: dict[str, str]) -> dict[str, str]:
    """The registered names with the firms': a name read whole with the firm's legal form
    ("PT Sumber Makmur Kimia Tbk" said, its parts after it) is the firm, under one id."""
    renamed = {ident: firms[f] for name, ident in persons.items() for f in firms
               if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", name)}
    return {**{name: renamed.get(ident, ident) for name, ident in persons.items()}, **firms}


def _names(text: str, framing, skip=()) -> list[tuple[int, int, str]]:
    """(start, end, name) of the runs of capitalised words that may be a person's name, without
    the titles and articles before them ("The Norwegian Refugee Council") and words inside
    `skip` spans; a name has two words at least."""
    out = []
    for run in _NAME_RUN.finditer(text):
        parts = list(re.finditer(r"\S+", run.group()))
        while parts and (parts[0].group().casefold().rstrip(".") in framing.honorifics
                         or parts[0].group().casefold() in framing.appositive_openers
                         or any(s <= run.start() + parts[0].start() < e for s, e in skip)):
            parts = parts[1:]
        if len(parts) >= 2:
            out.append((run.start() + parts[0].start(), run.end(), " ".join(p.group() for p in parts)))
    return out


def _single_names_after_cue(sm: SentenceMentions, framing) -> list[tuple[int, int, str]]:
    """(start, end, name) of a one-word name right after an attribution verb, with a role after
    its comma ("..., said Suharyanto, head of the disaster agency"): many Indonesians go by one
    name, and there the verb and the role say a person is named ("According to Hartanto, the
    regional agency had ..." goes on with what was said)."""
    out = []
    for cue in sm.attribution:
        m = re.match(r"\s+([A-Z][a-z'’-]{2,})\s*,", sm.text[cue.end:])
        if m and m.group(1).casefold() not in framing.honorifics and m.group(1).casefold() not in framing.appositive_openers \
                and role_opens(framing, sm.text, cue.end + m.end()):
            out.append((cue.end + m.start(1), cue.end + m.end(1), m.group(1)))
    return out


def _single_names_beside_cue(sm: SentenceMentions, framing) -> list[tuple[int, int, str]]:
    """(start, end, name) of a one-word name no table knows that a comma sets right before a speech
    verb (", Energoatom said"), or that follows "according to" and ends its phrase ("according to
    Energoatom."): a body or a person that speaks, never the state a figure's adjective names."""
    out = []
    for cue in sm.attribution:
        if cue.value in ("before", "either"):
            m = re.search(r",\s+([A-Z][\w'’-]{2,})\s+$", sm.text[:cue.start])
            if m:
                out.append((m.start(1), m.end(1), m.group(1)))
        if cue.value == "after":
            m = re.match(r"\s+([A-Z][\w'’-]{2,})\s*(?:[.,;]|$)", sm.text[cue.end:])
            if m:
                out.append((cue.end + m.start(1), cue.end + m.end(1), m.group(1)))
    return [(s, e, n) for s, e, n in out if n.casefold() not in framing.honorifics
            and n.casefold() not in framing.appositive_openers]


def person_id(name: str) -> str:
    """The id of a person the actors rules do not know: their name ("Yuli Sumpil" ->
    yuli_sumpil), an authority of their own."""
    return re.sub(r"[^\w]+", "_", name.casefold()).strip("_")


def _unknown_persons(sm: SentenceMentions, framing, known: list, found: dict) -> list[str]:
    """Names of people no rule knows, introduced as speakers: a name with a role after it ("Yuli
    Sumpil, a conductor of the fan group,"), after a role that a comma closes ("Ketua Panitia
    Pelaksana Arema FC, Abdul Haris,"), or right beside an attribution verb ("kata Abdul Haris",
    "Abdul Haris said"). A role naming a known body ("juru bicara pemerintah Hungaria, Zoltan
    Kovacs") is left to that body; a name already found for a body stays the body's."""
    text, out = sm.text, []
    # a stance phrase holds its verb, not the names inside it ("menetapkan pengusaha Harvey Moeis
    # sebagai tersangka": the one named a suspect)
    taken = [(m.start, m.end) for m in sm.attribution + sm.pronouns] + [
        (m.start, m.start + len(m.text.split()[0])) if m.rule.startswith("phrase:") else (m.start, m.end)
        for m in sm.stances]
    named = [(m.start, m.end) for m in sm.actors + sm.places]
    roles = framing.person_roles

    def role_at(pos: int) -> bool:
        return role_opens(framing, text, pos)

    def names_body(lo: int, hi: int) -> bool:
        return any(lo <= s and e <= hi for s, e in named)

    # a verb capitalised to open the sentence ("Menurut Dedi") is no part of a name either; nor a
    # place before a title ("Tacloban Mayor Alfred Romualdez": the mayor is Alfred Romualdez)
    places_before_title = [(p.start, p.end) for p in sm.places
                           if re.match(r"\s+[A-Z]\w*\s+[A-Z]", text[p.end:]) and _role_word(framing, text[p.end:].split()[0])]
    singles = _single_names_beside_cue(sm, framing)
    for start, end, name in _names(text, framing, taken + places_before_title) + singles:
        if name in found or any(s < end and start < e for s, e in known):
            continue
        close = text.find(",", end + 1)
        close = len(text) if close < 0 else close
        appositive = text.startswith(",", end) and role_at(end + 1) and not names_body(end, close)
        before = text[:start].rstrip()
        opening = before[:-1].rfind(",") + 1 if before.endswith(",") else -1  # the phrase a comma closes
        if opening >= 0 and names_body(opening, start) and (start, end, name) not in singles:
            continue  # "The health minister of the eastern administration, Othman Abdeljalil": the body's
        titled = opening >= 0 and role_at(opening)
        # "kata Abdul Haris" (a verb whose speaker follows), "Yuli Sumpil said" (precedes); never
        # "told Sky News": whom something was told
        # ... unless a role stands right before the name ("Juru bicara pemerintah Zoltan Kovacs
        # menegaskan"): the role of a body the article named, which the body's voice covers
        role_before = bool(roles and roles.find(words_before(text, start, 3)))
        # (not a place's own officer, no body named: "Tacloban Mayor Alfred Romualdez said")
        role_before = role_before and not any(e <= start and word_count(text[e:start]) <= 1 for _, e in places_before_title)
        beside = not role_before and any((c.value in ("after", "either") and 0 <= start - c.end <= 2)
                                         or (c.value in ("before", "either") and 0 <= c.start - end
                                             and (c.start - end <= 2 or _auxiliaries_only(framing, text[end:c.start])))
                                         for c in sm.attribution)
        if beside and not (appositive or titled) and any(
                c.value in ("after", "either") and 0 <= start - c.end <= 2 for c in sm.attribution) \
                and any(end <= a.start < close and not _where(sm, framing, a) for a in sm.actors):
            # "berdasarkan data Sistem Informasi ... Kementerian Agama, ...", "according to the
            # Integrated Data System of the health ministry": the body named in the same phrase
            # is the source; the capitalised words before it name its system, no person
            continue
        # "businessman Harvey Moeis", "terdakwa Harvey Moeis": someone of their own, whom the
        # article may quote or accuse later by a part of the name ("Moeis denied ...")
        # (a country between them is the person's nationality: "wartawan investigasi Amerika Serikat
        # Seymour Hersh")
        country = next((a.start for a in sm.actors if a.end <= start and not text[a.end:start].strip()
                        and a.kind == "actor" and a.rule.startswith("actor:")), start)
        # (a role of three words: "member of parliament Aimos Akem")
        private = framing.private_roles is not None and any(
            e == len(head.rstrip()) for head in [words_before(text, start, 3), words_before(text, country, 3)]
            for _, e, _, _ in framing.private_roles.find(head.rstrip()))
        if appositive or titled or beside or private:
            out.append(name)
    return out


def _auxiliaries_only(framing, between: str) -> bool:
    """Only auxiliaries and time adverbs between a name and its verb ("had", "sebelumnya telah"):
    the name is still the verb's subject."""
    toks = between.split()
    return bool(toks) and len(toks) <= 3 and all(t.casefold() in framing.speech_auxiliaries for t in toks)


def _role_word(framing, word: str) -> bool:
    """Whether a word is a role of its own ("spokeswoman", "minister"), whatever its case."""
    roles = framing.person_roles
    return roles is not None and any(s == 0 and e == len(word) for s, e, _, _ in roles.find(word))


def role_opens(framing, text: str, pos: int) -> bool:
    """A role word opens the phrase at `pos`, after one word at most ("a police spokesman",
    "interior minister in ...", "kepala BPBD"), or one word after an article ("a Labour
    councillor", "an opposition lawmaker": the article takes no room)."""
    roles = framing.person_roles
    if roles is None:
        return False
    head = words_after(text, pos, 4)
    lead = re.findall(r"[\w'’-]+", head)
    room = 2 if lead and lead[0].casefold() in framing.appositive_openers else 1
    return any(len(re.findall(r"[\w'’-]+", head[:s])) <= room for s, _, _, _ in roles.find(head))


def _appositives(sm: SentenceMentions, actors, framing, known: list) -> list[tuple[str, Mention]]:
    """(name, body) for names followed by what they speak for: "Kais Fhakeri of the Red
    Crescent", "Othman Abdeljalil, health minister in the eastern administration, said". An
    appositive stands between two commas; a link word takes the body right after it."""
    text, out = sm.text, []
    places = {(p.start, p.end) for p in sm.places}
    # a capital or country standing alone is where someone is ("tiba di Brussels"), not whom
    # they speak for
    bodies = sorted((a for a in sm.actors if actors.role(a.value) not in ("conduit", "person")
                     and (a.start, a.end) not in places), key=lambda a: a.start)
    for start, end, name in _names(text, framing) + _single_names_after_cue(sm, framing):
        cue = next((c for c in sm.attribution if c.start <= start < c.end < end), None)
        if cue is not None:
            # a sentence's capitalised cue is no part of the name after it: "Menurut Arief, ..." names Arief
            start = cue.end + len(text[cue.end:end]) - len(text[cue.end:end].lstrip())
            name = text[start:end]
        if any(s < end and start < e for s, e in known):
            continue  # a place, a body, a date: not a person
        link = re.match(r"\s*(,|[\w'’]+)", text[end:])
        if link is None or link.group(1).casefold() not in framing.appositive_links:
            continue
        pos = end + link.end()
        comma = link.group(1) == ","
        stop = text.find(",", pos) if comma else -1
        if comma and stop < 0:
            # an opener may be a phrase: "..., said Irwan Efendi, who heads the Solok disaster agency."
            opens = any(re.match(r"\s*" + re.escape(o) + r"\b", text[pos:], re.IGNORECASE)
                        for o in framing.appositive_openers)
            if not role_opens(framing, text, pos) and not opens:
                continue  # an appositive is closed by a comma: ", tiba di Brussels." is the sentence going on
            # "..., said Kuber Kadayat, a police spokesman."; "according to Essam Abu Zariba,
            # interior minister in the country's eastern government."
            stop = len(text)
        reach = framing.window("appositive") if comma else 2
        body = next((a for a in bodies if a.start >= pos and (stop < 0 or a.start < stop)
                     and words(text, pos, a.start) <= reach), None)
        if body is not None and comma and words(text, pos, body.start) > 0 \
                and any(c.end <= start and not text[c.end:start].strip() for c in sm.attribution) \
                and not role_opens(framing, text, pos) \
                and not any(re.match(r"\s*" + re.escape(o) + r"\b", text[pos:], re.IGNORECASE)
                            for o in framing.appositive_openers):
            # after an attribution cue the comma opens what was said, not who the speaker is: "Menurut
            # Arief, stok Bulog tinggal ...", "According to Lopez, the army's count was ..." (but
            # "according to Essam Abu Zariba, interior minister in ...": a role opens an appositive)
            body = None
        if body is not None:
            out.append((name, body))
    return out


def _where(sm: SentenceMentions, framing, actor: Mention) -> bool:
    """Whether a body's mention is a place said after a preposition ("ujar Budi Arie di Jakarta",
    "Budi Arie told reporters in Jakarta"): where the speaker spoke, no source named."""
    return framing.place_preposition is not None and any(p.start == actor.start and p.end == actor.end for p in sm.places) \
        and framing.place_preposition.search(sm.text, max(0, actor.start - 40), actor.start) is not None


def _other_person(sm: SentenceMentions, persons: dict[str, str], part: str, end: int) -> bool:
    """Whether a registered one-word part of a name goes on, in the text, with a name word of
    another person: "Budi Arie" where only "Budi Gunawan" (and so "Budi") was registered is
    another Budi. A day, a place or a body after the part ("kata Budi Senin") ends the name; so
    does a headline's title case, where every word is capitalised."""
    nxt = re.match(r"\s+([A-Z][a-z'’-]+)\b", sm.text[end:])
    if nxt is None or _title_case(sm.text):
        return False
    s, e = end + nxt.start(1), end + nxt.end(1)
    if any(m.start < e and s < m.end for m in sm.dates + sm.places + sm.actors + sm.measures + sm.incidents):
        return False
    word = nxt.group(1)
    # the part's own full names registered ("Budi Gunawan") or the next word a registered name itself
    return not any(n.split()[0] == part and len(n.split()) > 1 and n.split()[1] == word for n in persons) \
        and word not in persons


def person_mentions(sm: SentenceMentions, persons: dict[str, str], firms=frozenset()) -> list[Mention]:
    """Registered names in a sentence, as actor mentions of the body they speak for; a firm's
    name may hold a state's ("ASDP Indonesia Ferry"): the firm is meant (the caller drops the
    state's mention)."""
    if not persons:
        return []
    taken = [(m.start, m.end) for m in sm.actors]
    out = []
    for m in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}", sm.text):
        words = m.group().split()
        # the longest registered run of words inside the capitalised run
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                name = " ".join(words[i:i + n])
                if name in persons:
                    at = re.search(r"\s+".join(map(re.escape, words[i:i + n])), m.group())
                    start, end = m.start() + at.start(), m.start() + at.end()
                    if n == 1 and i + 1 < len(words) and _other_person(sm, persons, name, m.start() + at.end()):
                        continue  # "Budi Arie" after "Budi Gunawan" was registered: another Budi
                    if not any(s < end and start < e and not (name in firms and start <= s and e <= end)
                               for s, e in taken):
                        out.append(Mention("actor", name, start, end, persons[name],
                                           rule=f"{'firm' if name in firms else 'person'}:{name}"))
                        taken.append((start, end))
    return out
