"""Who gives a figure or a stance: a body named in the sentence, a person introduced earlier
with the body they speak for ("Kepala Pelaksana BPBD Jatim, Budi Santosa" ... "kata Budi"), the
speaker of the sentence before ("ujarnya", "the spokesman said"), or the outlet itself (None).
News agencies and outlets quoted as sources ("dikutip dari", "citing") are conduits, never
speakers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from checker.frame.settings import words, words_after, words_before
from checker.frame.syntax import clause_of, without_possessors
from checker.model import Mention
from checker.recognise.lexicon import UNPLACED, place_body
from checker.recognise import SentenceMentions

_WORD = re.compile(r"[\w'’.-]+|,")
_NAME = re.compile(r"^[A-Z][a-z'’-]+$|^[A-Z]\.?$")
# a run of capitalised words that may be a person's name ("Osama Hamad", "Saleh al-Obaidi"): a
# short lower-case particle joined by a hyphen may open a word, whatever the language's particles
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]+){1,4}")


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def body_of(actors, actor: str) -> str:
    """The organisation an actor speaks for; a body or state is its own."""
    body = getattr(actors, "body", None)
    return body(actor) if body else actors.government(actor)


def voice_of(mention: Mention, actors, places) -> str:
    """The authority a mention speaks for: its body, and for a body that exists once per
    region (a BPBD, a provincial government) the region named with it: "BPBD Jatim" ->
    bpbd@east_java, so two provinces' agencies are two authorities."""
    body = body_of(actors, mention.value)
    regional = getattr(actors, "regional", None)
    if regional is not None and body in regional.per_region:
        named = [p.value for p in places.find(mention.text)]
        if named:
            deepest = max(named, key=lambda p: len(places.ancestors(p)))
            return f"{body}@{deepest}"
    return body


def _title_case(text: str) -> bool:
    """A headline in title case: most words capitalised and no full stop at the end (a
    sentence full of titles and names still ends like one)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 4:
        return False
    share = sum(w[0].isupper() for w in words) / len(words)
    return share > 0.6 and not text.rstrip("\"”’' ").endswith((".", "!", "?"))


def _name_after(text: str, pos: int, honorifics: frozenset) -> tuple[int, int] | None:
    """The span of a person's name right after a title or body: ", Budi Santosa", " Irjen Nico
    Afinta"; honorifics may stand first."""
    start = end = None
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
        if start is None and word.casefold().rstrip(".") in honorifics:
            continue
        if not _NAME.match(word.rstrip(".,")) or count == 3:
            break
        start = m.start() if start is None else start
        end = m.start() + len(word.rstrip(".,"))
        count += 1
    return (start, end) if start is not None else None


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


def named_country(template: str, named: list[str], places) -> str | None:
    """The country of the body of a bare body's kind the article named last with its country
    ("The Israeli military said ... Military spokesman Daniel Hagari said": Israel's, not the
    story's country's), if any."""
    head, _, tail = template[len(UNPLACED):].partition("{country}")
    for value in reversed(named):
        if value.startswith(head) and value.endswith(tail) and len(value) > len(head) + len(tail):
            middle = value[len(head):len(value) - len(tail)]
            if places is not None and places.country(middle) == middle:
                return middle
    return None


def place_bodies(sm: SentenceMentions, country: str | None, actors_table=None, named: list[str] | None = None,
                 places=None) -> SentenceMentions:
    """Bodies named without their country ("the health ministry said", "the Red Crescent")
    are the country's whose body of that kind the article named last (`named`: the actors of
    the sentences before, in order), else the story's country's; in a story placed nowhere they
    name no one. A body that exists once per region takes in the region written after it
    ("Badan Penanggulangan Bencana Daerah (BPBD) Provinsi Jawa Timur")."""
    same_as = getattr(actors_table, "same_as", {})
    named = list(named or ())

    def placed(a: Mention) -> Mention:
        where = named_country(a.value, named + [b.value for b in sm.actors if b.end <= a.start
                                                 and not b.value.startswith(UNPLACED)], places) or country
        return replace(a, value=same_as.get(place_body(a.value, where), place_body(a.value, where)))
    actors = [placed(a) if a.value.startswith(UNPLACED) else a
              for a in sm.actors if country or not a.value.startswith(UNPLACED)]
    regional = getattr(actors_table, "regional", None)
    if regional is not None:
        actors = [_with_region(sm, a) if body_of(actors_table, a.value) in regional.per_region else a
                  for a in actors]
        actors = [a for a in actors if not any(o is not a and o.start <= a.start and a.end <= o.end
                                               and (o.end - o.start) > (a.end - a.start) for o in actors)]
    return replace(sm, actors=actors)


def regional_bodies_after_region(sm: SentenceMentions, actors_table, places) -> SentenceMentions:
    """A region of a body's country, then the English words of a body that exists once per
    region ("the Subang health office", "the Cianjur regency disaster agency"): that body, its
    region in its words (voice_of reads it), where no actor covers them already."""
    regional = getattr(actors_table, "regional", None)
    if regional is None or regional.english is None:
        return sm
    found = []
    for p in sm.places:
        if places.country(p.value) == p.value:
            continue
        at = p.end
        gap = re.match(r"\s+", sm.text[at:])
        if gap is None:
            continue
        at += gap.end()
        word = re.match(r"([\w-]+)\s+", sm.text[at:])
        if word is not None and word.group(1).casefold() in regional.english_admin:
            at += word.end()
        tail = sm.text[at:at + 40]
        match = next((m for m in regional.english.find(tail) if m[0] == 0), None)
        if match is None or actors_table.government(match[2]) != places.country(p.value):
            continue
        end = at + match[1]
        if any(a.start < end and p.start < a.end for a in sm.actors):
            continue
        found.append(Mention("actor", sm.text[p.start:end], p.start, end, match[2], "frame:regional_body"))
    return replace(sm, actors=sorted(sm.actors + found, key=lambda a: a.start)) if found else sm


def regional_governments(sm: SentenceMentions, framing, places) -> SentenceMentions:
    """A region named with a word that makes it its government ("Ishikawa prefecture said",
    "Pemerintah Prefektur Ishikawa menyebut") is an actor of its own, "regional_government@<region>",
    where no table's body already covers the words; a country is no region."""
    before, after = framing.regional_government_before, framing.regional_government_after
    if before is None and after is None:
        return sm
    found, dropped = [], []
    for p in sm.places:
        # a named site ("Wayanad district") is under no place the gazetteer knows, yet no country
        if places.country(p.value) == p.value and p.rule != "place:named_site":
            continue
        head, tail = government_words(framing, sm, p)
        if head is None and tail is None:
            continue
        start, end = (head.start() if head else p.start), (tail.end() if tail else p.end)
        # a national office's title right after the region is the region's own ("Rajasthan Health
        # Minister"): the region's government takes its words
        inside = [a for a in sm.actors if tail is not None and p.end <= a.start and a.end <= end]
        if any(a.start <= start < a.end or start <= a.start < end for a in sm.actors if a not in inside):
            continue
        dropped.extend(inside)
        found.append(Mention("actor", sm.text[start:end], start, end, f"regional_government@{p.value}",
                             "frame:regional_government"))
    if not found:
        return sm
    kept = [a for a in sm.actors if a not in dropped]
    return replace(sm, actors=sorted(kept + found, key=lambda a: a.start))


def government_words(framing, sm: SentenceMentions, place: Mention):
    """The words that make a place its government, before it ("officials in", "Pemkab") and after
    it ("prefecture", "officials"): (match before or None, match after or None)."""
    before, after = framing.regional_government_before, framing.regional_government_after
    head = before.search(sm.text, max(0, place.start - 40), place.start) if before is not None else None
    tail = after.match(sm.text, place.end) if after is not None else None
    return head, tail


def _with_region(sm: SentenceMentions, actor: Mention) -> Mention:
    """The mention stretched over an abbreviation in brackets and a place right after it."""
    text, end = sm.text, actor.end
    while True:
        rest = text[end:]
        bracket = re.match(r"\s*\([^()]{1,12}\)", rest)
        if bracket:
            end += bracket.end()
            continue
        # the place right after it (the gazetteer's places hold "Provinsi Jawa Timur" whole)
        place = next((p for p in sm.places if p.start >= end and not text[end:p.start].strip()), None)
        if place is not None and place.end > end:
            end = place.end
            continue
        break
    return replace(actor, text=text[actor.start:end], end=end) if end != actor.end else actor


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
        body = voice_of(actor, actors, places) if places is not None else body_of(actors, actor.value)
        for part in {name, *name.split()}:
            if len(part) >= 3:
                found.setdefault(part, set()).add(body)

    last_body = None  # the body the sentence before named last
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
            if any(p.start == actor.start and p.end == actor.end for p in sm.places) \
                    and framing.place_preposition.search(sm.text, max(0, actor.start - 40), actor.start):
                continue  # "Dalam konferensi pers di Beirut, Abiad menambahkan": where, not whom for
            span = _name_after(sm.text, actor.end, framing.honorifics)
            office = next((p for p in sm.places if span is not None and p.start == span[0]), None)
            if office is not None:  # "Kepala Kantor SAR Kupang Emanuel Bau": the body's office, then the name
                span = _name_after(sm.text, office.end, framing.honorifics)
            if span is None or any(s < span[1] and span[0] < e for s, e in known):
                continue
            introduced.append(span)
            note(sm.text[span[0]:span[1]], actor)
        for name, actor in _appositives(sm, actors, framing, known + introduced):
            note(name, actor)
        for title in re.finditer(r"(?<![\w'’-])[A-Za-z][\w'’-]*", sm.text):
            if title.group().casefold() not in framing.honorifics:
                continue
            if title.group()[0].islower() and not _role_word(framing, title.group()):
                continue  # a title in lower case is a role only when it is one ("ministry spokeswoman Rika")
            span = _name_after(sm.text, title.end(), framing.honorifics)
            if span is None or any(s < span[1] and span[0] < e for s, e in known + introduced) \
                    or _title_goes_on(framing, sm.text, span[1], [a for a in bodies if a.start >= span[1]]):
                continue
            # a capital or country named as a place ("west of Jakarta, ministry spokeswoman Rika")
            # is where, not whom the title speaks for, unless it stands right before the title
            before = [a for a in bodies if a.end <= title.start()
                      and not (any(p.start == a.start and p.end == a.end for p in sm.places)
                               and (re.search(r"[,;:()]", sm.text[a.end:title.start()])
                                    or words(sm.text, a.end, title.start()) > 1))]
            # a site no table knows named before the title ("At al-Awda hospital, director Mohammed
            # Salha", "Hospital director ..."): the title is the site's, not the last body's
            site = any(m.value in framing.counted_things and m.end <= title.start() for m in sm.measures)
            body = before[-1] if before else (None if site else last_body)
            if body is None and site:
                name = sm.text[span[0]:span[1]]
                introduced.append(span)
                own.add(person_id(name))  # an authority of their own, as a person no body is found for
                for part in {name, *name.split()}:
                    if len(part) >= 3:
                        found.setdefault(part, set()).add(person_id(name))
            if body is not None:
                introduced.append(span)
                note(sm.text[span[0]:span[1]], body)
        last_body = bodies[-1] if bodies else None
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
        return _role_opens(framing, text, pos)

    def names_body(lo: int, hi: int) -> bool:
        return any(lo <= s and e <= hi for s, e in named)

    # a verb capitalised to open the sentence ("Menurut Dedi") is no part of a name either; nor a
    # place before a title ("Tacloban Mayor Alfred Romualdez": the mayor is Alfred Romualdez)
    places_before_title = [(p.start, p.end) for p in sm.places
                           if re.match(r"\s+[A-Z]\w*\s+[A-Z]", text[p.end:]) and _role_word(framing, text[p.end:].split()[0])]
    for start, end, name in _names(text, framing, taken + places_before_title):
        if name in found or any(s < end and start < e for s, e in known):
            continue
        close = text.find(",", end + 1)
        close = len(text) if close < 0 else close
        appositive = text.startswith(",", end) and role_at(end + 1) and not names_body(end, close)
        before = text[:start].rstrip()
        opening = before[:-1].rfind(",") + 1 if before.endswith(",") else -1  # the phrase a comma closes
        if opening >= 0 and names_body(opening, start):
            continue  # "The health minister of the eastern administration, Othman Abdeljalil": the body's
        titled = opening >= 0 and role_at(opening)
        # "kata Abdul Haris" (a verb whose speaker follows), "Yuli Sumpil said" (precedes); never
        # "told Sky News": whom something was told
        # ... unless a role stands right before the name ("Juru bicara pemerintah Zoltan Kovacs
        # menegaskan"): the role of a body the article named, which the body's voice covers
        role_before = bool(roles and roles.find(words_before(text, start, 3)))
        # (not a place's own officer, no body named: "Tacloban Mayor Alfred Romualdez said")
        role_before = role_before and not any(e <= start and _words(text[e:start]) <= 1 for _, e in places_before_title)
        beside = not role_before and any((c.value in ("after", "either") and 0 <= start - c.end <= 2)
                                         or (c.value in ("before", "either") and 0 <= c.start - end <= 2)
                                         for c in sm.attribution)
        if beside and not (appositive or titled) and any(
                c.value in ("after", "either") and 0 <= start - c.end <= 2 for c in sm.attribution) \
                and any(end <= a.start < close for a in sm.actors):
            # "berdasarkan data Sistem Informasi ... Kementerian Agama, ...", "according to the
            # Integrated Data System of the health ministry": the body named in the same phrase
            # is the source; the capitalised words before it name its system, no person
            continue
        # "businessman Harvey Moeis", "terdakwa Harvey Moeis": someone of their own, whom the
        # article may quote or accuse later by a part of the name ("Moeis denied ...")
        private = framing.private_roles is not None and any(
            e == len(head.rstrip()) for head in [words_before(text, start, 2)]
            for _, e, _, _ in framing.private_roles.find(head.rstrip()))
        if appositive or titled or beside or private:
            out.append(name)
    return out


def _role_word(framing, word: str) -> bool:
    """Whether a word is a role of its own ("spokeswoman", "minister"), whatever its case."""
    roles = framing.person_roles
    return roles is not None and any(s == 0 and e == len(word) for s, e, _, _ in roles.find(word))


def _role_opens(framing, text: str, pos: int) -> bool:
    """A role word opens the phrase at `pos`, after one word at most ("a police spokesman",
    "interior minister in ...", "kepala BPBD")."""
    roles = framing.person_roles
    if roles is None:
        return False
    head = words_after(text, pos, 3)
    return any(len(re.findall(r"[\w'’-]+", head[:s])) <= 1 for s, _, _, _ in roles.find(head))


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
    for start, end, name in _names(text, framing):
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
            if not _role_opens(framing, text, pos) and not opens:
                continue  # an appositive is closed by a comma: ", tiba di Brussels." is the sentence going on
            # "..., said Kuber Kadayat, a police spokesman."; "according to Essam Abu Zariba,
            # interior minister in the country's eastern government."
            stop = len(text)
        reach = framing.window("appositive") if comma else 2
        body = next((a for a in bodies if a.start >= pos and (stop < 0 or a.start < stop)
                     and words(text, pos, a.start) <= reach), None)
        if body is not None:
            out.append((name, body))
    return out


def defined_bodies(mentions: list[SentenceMentions], actors, framing) -> dict[str, str]:
    """Names and abbreviations of the bodies an article defines that no rule knows: each, with
    its full name, one speaker for the whole article ({"BGN": "bgn", "Badan Gizi Nasional": "bgn"});
    a known body's new abbreviation names that body ({"KNCHR": "kenya_human_rights_commission"})."""
    out: dict[str, str] = {}
    for sm in mentions:
        for m in framing.defined_body.finditer(sm.text):
            name, abbreviation = m.group(1), m.group(2)
            named = [a for a in sm.actors if a.end == m.end(1)
                     and actors.role(a.value) != "state"]  # "Badan X Kenya (BXK)" is no name of Kenya's
            if named and not actors.table.find(abbreviation):
                # a known body's name, then an abbreviation the rules lack: "the Kenya National
                # Commission on Human Rights (KNCHR)" ... "Menurut KNCHR"
                out.setdefault(abbreviation, named[0].value)
                continue
            if not any(w.casefold() in framing.body_words for w in name.split()):
                continue  # a programme, a law, a place: no speaker
            if any(a.start < m.end(2) and m.start(2) < a.end or a.start <= m.start(1) and m.end(1) <= a.end
                   for a in sm.actors) or actors.table.find(abbreviation):
                continue  # a body the rules know ("Badan Nasional Penanggulangan Bencana (BNPB)")
            ident = abbreviation.casefold()
            out.setdefault(abbreviation, ident)
            out.setdefault(name, ident)
    return out


def defined_mentions(sm: SentenceMentions, defined: dict[str, str]) -> SentenceMentions:
    """The sentence with the article's own bodies among its actors, where no known one stands."""
    if not defined:
        return sm
    found: list[Mention] = []
    for form in sorted(defined, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sm.text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Mention("actor", form, m.start(), m.end(), defined[form], rule=f"defined:{defined[form]}"))
    if not found:
        return sm
    found.sort(key=lambda f: f.start)
    merged: list[Mention] = []
    for f in found:  # "Badan Siber dan Sandi Negara (BSSN)" is one mention of one body
        last = merged[-1] if merged else None
        if last is not None and last.value == f.value and re.fullmatch(r"\s*\(", sm.text[last.end:f.start]) \
                and sm.text[f.end:f.end + 1] == ")":
            merged[-1] = replace(last, text=sm.text[last.start:f.end + 1], end=f.end + 1)
        else:
            merged.append(f)
    found = merged
    # the body's own name holds the names inside it ("... Pendidikan Indonesia (JPPI)")
    kept = [a for a in sm.actors if not any(f.start <= a.start and a.end <= f.end for f in found)]
    return replace(sm, actors=sorted(kept + [f for f in found if not any(
        a.start < f.end and f.start < a.end for a in kept)], key=lambda a: a.start))


def without_described_states(sm: SentenceMentions, actors, framing) -> SentenceMentions:
    """The sentence less the states that only describe a group beside them ("The Lebanese
    militant group said", "kelompok militan Lebanon"): the group speaks, not the state."""
    pattern = framing.group_noun
    if pattern is None or not sm.actors:
        return sm
    groups = list(pattern.finditer(sm.text))  # most sentences name no group: one pass, then out
    if not groups:
        return sm

    def describes(a: Mention) -> bool:  # the group noun right after the state, or right before it
        return any(not sm.text[a.end:g.start()].strip() if g.start() >= a.end
                   else g.end() <= a.start and not sm.text[g.end():a.start].strip() for g in groups)

    kept = [a for a in sm.actors if not (actors.role(a.value) == "state" and describes(a))]
    return sm if len(kept) == len(sm.actors) else replace(sm, actors=kept)


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
                    if not any(s < end and start < e and not (name in firms and start <= s and e <= end)
                               for s, e in taken):
                        out.append(Mention("actor", name, start, end, persons[name],
                                           rule=f"{'firm' if name in firms else 'person'}:{name}"))
                        taken.append((start, end))
    return out


@dataclass
class Voice:
    """The last speaker established by earlier sentences (for "ujarnya", "the spokesman")."""

    last: str | None = None
    person: str | None = None  # the person speaking in this sentence, if one does (rutte, "Budi")
    last_person: str | None = None
    named: tuple = ()  # (speaker, the words of its name as written) of the bodies named so far

    def named_as(self, head: frozenset) -> str | None:
        """The last body whose name as written holds these words ("the agency": "the local
        disaster agency chief"), not merely the last to speak."""
        return next((said for said, written in reversed(self.named) if head and head <= written), None)


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
    found = _speaker(sm, actors, framing, voice)
    if found is None and clause is None:
        found = colon_speaker(sm, actors, framing)
    if found is None and clause is None and continues(sm, framing):
        found = voice.last
    if isinstance(found, Mention):
        said = voice_of(found, actors, places) if places is not None else body_of(actors, found.value)
        person = found.value if actors.role(found.value) == "person" else (
            found.text if found.rule.startswith("person:") else None)
        voice.person = person
        if person:
            voice.last_person = person
        return said
    if found is not None:  # "ujarnya", "ia mengatakan": the last speaker again
        voice.person = voice.last_person
    return found


def _speaker(sm: SentenceMentions, actors, framing, voice: Voice) -> Mention | str | None:
    text = sm.text
    everyone = sorted(sm.actors, key=lambda a: a.start)
    # a country named as where before a verb's subject ("Across Indonesia, the ministry has
    # recorded ...") is not that subject
    placeless = [a for a in everyone if not (any(p.start == a.start and p.end == a.end for p in sm.places)
                                             and framing.place_preposition.search(text, max(0, a.start - 40), a.start))]
    # a body the sentence names at a verb of its own speaks before a pronoun's cue: "Rekapitulasi
    # BPBD Jatim sampai pukul 10.30, ujarnya, mencatat 174": BPBD's count, which he relays
    for cue in sorted(sm.attribution, key=lambda c: c.value == "previous"):
        # a verb either side of its speaker too ("Korban Kapal di Yunani Beda Versi, Penyintas
        # Sebut ..."), unless the place's own officials say it ("In Bangkok, ..., city officials said")
        officials = any(e <= cue.start and _words(text[e:cue.start]) <= 1
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
        anaphor = [(s, e) for s, e, _, _ in framing.anaphoric_speakers.find(text)
                   if words(text, cue.end, s) <= near_cue or words(text, e, cue.start) <= near_cue]
        if cue.value == "either":
            # "Putin said ...": an actor right before the verb speaks; "..., said the
            # Pentagon": one right after it; an actor further on is part of what was said
            # (not a place something is sent to: "sent troops to Russia, officials say")
            sent_to = [a for a in before if framing.destination is not None
                       and framing.destination.search(text, max(0, a.start - 20), a.start)]
            # (not across a comma: "... sent by North Korea, said Zelensky" is Zelensky's)
            right_before = [a for a in before if (_words(text[a.end:cue.start]) <= 1
                                                  and not re.search(r"[,;]\s*$", text[a.end:cue.start])
                            or _owns_speaker(text[a.end:cue.start], framing)) and a not in sent_to]
            # ...nor the body of a title set between commas before the verb ("Nim Kidd, chief of the
            # Texas Division of Emergency Management, said the weather service ..."): the person's body
            # speaks, and a body right after the verb is what was said about
            right_before += [a for a in before if a not in right_before and a not in sent_to
                             and re.fullmatch(r"\s*,\s*", text[a.end:cue.start])
                             and (opening := text.rfind(",", 0, a.start)) >= 0
                             and _role_opens(framing, text, opening + 1)]
            right_after = [a for a in after if _words(text[cue.end:a.start]) <= 3]
            for group in (right_before[::-1], right_after):
                chosen = speaking_actor(actors, group) if group else None
                if chosen:
                    return chosen
            # (an anaphor opening its phrase: "city officials", "Thai officials" are others)
            right = [(s, e) for s, e, _, _ in framing.anaphoric_speakers.find(text)
                     if e <= cue.start and _words(text[e:cue.start]) <= 1
                     and (not text[:s].strip() or text[:s].rstrip()[-1] in ',;:"“”')]
            if voice.last and right:
                # "..., people from Iran and Uzbekistan were among the dead, the headquarters
                # said": the body named before speaks again, not a country further back
                return _named_before(voice, framing, text, *right[0])
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
                chosen = speaking_actor(actors, in_clause)
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
            return _named_before(voice, framing, text, *anaphor[0])
    return None


def _named_before(voice: Voice, framing, text: str, start: int, end: int) -> str | None:
    """Who an anaphor ("the agency", "badan itu") names: the last body named with its words,
    else the last speaker (unless the anaphor names an office: framing `named_only`)."""
    head = frozenset(re.findall(r"\w+", text[start:end].casefold())) - framing.determiners
    named = voice.named_as(head)
    return named if named or head & framing.named_only else voice.last


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
    in the few words before the first colon; a country or an agency there is a label."""
    colon = re.search(r":\s", sm.text)
    if colon is None or words(sm.text, 0, colon.start()) > framing.window("colon_speaker"):
        return None
    named = [a for a in sorted(sm.actors, key=lambda a: a.start)
             if a.end <= colon.start() and actors.role(a.value) not in framing.colon_labels]
    return named[0] if named else None


def _owns_speaker(between: str, framing) -> bool:
    """"South Korea's spy agency said": a name owning the few words before the verb is who
    speaks (through its agency), not a name after the verb."""
    possessive = next((p for p in framing.possessives if between.startswith(p)), None)
    if possessive is not None and 1 <= _words(between[len(possessive):]) <= 3:
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
    if close <= 0 or text[close - 1] not in ",?!" or _words(text[close + 1:cue.start]) > 8 \
            or re.search(r"[.;:]", text[close + 1:cue.start]):
        return False
    opening = max(text.rfind('"', 0, close), text.rfind("“", 0, close))
    return 0 <= opening < clause[1] <= close + 1


def names_own_source(sm: SentenceMentions, framing, clause: tuple[int, int], figure: Mention) -> bool:
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
        if any(w.casefold() not in framing.clause_openers
               for w in re.findall(r"[^\W\d_][\w'’-]*", sm.text[clause[0]:cue.start])):
            return True
    return False


def speakers_by_cue(sm: SentenceMentions, actors, framing, voice: Voice, places=None) -> list[tuple[int, str]]:
    """(cue position, speaker) for each attribution cue of a sentence that quotes several
    speakers ("the ministry said 3,000 had died, the Red Crescent said 150"): each cue's
    speaker is looked for between the cues before and after it."""
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
    return out


def speaker_for(figure: Mention, by_cue: list[tuple[int, str]], sm: SentenceMentions | None = None) -> str | None:
    """The speaker of the last cue before a figure, else of the first after it; but a cue with
    its speaker after it, right after the figure and its noun ("perkiraan 10.000 orang yang
    disampaikan kepolisian", "the 10,000 figure given by police"), names whose figure it is, not
    the sentence's subject that set it against another."""
    if sm is not None:
        own = [c for c in sm.attribution if c.value == "after" and c.start >= figure.end
               and _words(sm.text[figure.end:c.start]) <= 3
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
    if _words(sm.text[last.end:]) > 2 or by_cue[-1][0] != last.start:
        return None
    # a tag is a clause of its own, after a comma or a quote: "... 10.000 orang yang disampaikan
    # kepolisian setempat" attributes the figure it follows, not the sentence
    opening = max(sm.text.rfind(mark, 0, last.start) for mark in ',;"”')
    if any(opening < q.start < last.start for q in sm.quantities):
        return None
    return by_cue[-1][1]
