"""Where a figure counts: the place its clause gives it ("in Derna", "di Kursk", a list's
"Sumatera Barat 90 orang"), a part of a venue or of a country one side holds, places counted
together ("in Turkey and Syria"), and places that say where something was said rather than where
it happened (a trailing speaker tag). Part of framing; the words are the framing rules'."""
from __future__ import annotations

import re
from dataclasses import replace

from checker.frame.wordspans import words, words_before
from checker.frame.syntax import clause_of
from checker.model import Mention
from checker.recognise import SentenceMentions
from checker.recognise.lexicon import snake


def _owner_name(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A place named as the owner of what follows ("Iran's ambassador"): no location."""
    return any(sm.text.startswith(mark, place.end) for mark in framing.possessives)


def _origin(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A country named as where a firm or a product comes from ("sirup buatan perusahaan India",
    "syrups made in India"): its origin, not where a figure counts."""
    return framing.made_in is not None and framing.made_in.search(sm.text, max(0, place.start - 40), place.start) is not None


def _nationality(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A country named as a person's nationality ("a New Zealand pilot", "pilot berkebangsaan
    Selandia Baru"): who the person is, not where anything happened."""
    return framing.nationality_before is not None \
        and framing.nationality_before.search(sm.text, max(0, place.start - 40), place.start) is not None \
        or framing.nationality_after is not None and framing.nationality_after.match(sm.text, place.end) is not None


def did_happening(framing, sm: SentenceMentions, mention: Mention, types=None) -> bool:
    """Whether a name stands as the one who did a happening named right beside it (framing
    `acted_incidents`): "serangan Israel", "serangan udara Israel", "Israel's strikes", "Iranian
    missile attacks". A location word between them ("serangan di Israel", "strikes in Israel")
    places the happening instead."""
    types = framing.acted_incidents if types is None else types
    if not types:
        return False
    text = sm.text
    for i in sm.incidents:
        if i.value not in types:
            continue
        lo, hi = (i.end, mention.start) if framing.subject_side == "after" else (mention.end, i.start)
        if lo > hi:
            continue
        between = text[lo:hi]
        if framing.subject_side != "after":
            between = next((between[len(m):] for m in framing.possessives if between.startswith(m)), between)
        if not re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", between) or framing.location_cues.find(between):
            continue
        preposition = framing.place_preposition.search(text[:hi])
        if preposition is not None and preposition.start() >= lo:
            continue
        return True
    return False


def opponents(framing, sm: SentenceMentions) -> list[Mention]:
    """The actors the sentence names as the side another fought ("border fighting with Thailand",
    "pertempuran dengan Thailand"): a party to the fighting, whose toll is never where it counts."""
    links = getattr(framing, "opponent_links", None)
    if links is None:
        return []
    return [a for a in sm.actors if links.search(sm.text, max(0, a.start - 60), a.start)]


def attacker(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A place that names the state who did a happening beside it ("korban serangan Israel"): who
    struck, not where it struck nor where its toll counts."""
    return any(a.start < place.end and place.start < a.end for a in sm.actors) and did_happening(framing, sm, place)


def attackers(framing, sm: SentenceMentions) -> list[Mention]:
    """The actors the sentence names as having done its happenings ("Iranian missile attacks")."""
    return [a for a in sm.actors if did_happening(framing, sm, a)]


def landmark(framing, sm: SentenceMentions, place: Mention) -> bool:
    """Whether a place is named as a landmark something happened near ("near the Indonesian
    capital Jakarta", "dekat ibu kota Jakarta", "west of Jakarta"), not in: no location word
    ("in", "di") stands between the proximity word and the place."""
    if framing.proximity is None:
        return False
    near = framing.proximity.search(sm.text, max(0, place.start - 60), place.start)
    return near is not None and not framing.location_cues.find(near.group("gap"))


def _in_title(framing, sm: SentenceMentions, p) -> bool:
    """Whether a place is part of a person's title before the person's name ("former Central Java
    governor Ganjar Pranowo", "mantan Gubernur Jawa Tengah Ganjar Pranowo"): the office's place, not
    where a figure counts."""
    roles = framing.person_roles
    if roles is None:
        return False
    text = sm.text

    def named_at(pos: int) -> bool:
        return any(a.start >= pos and not text[pos:a.start].strip() for a in sm.actors)

    after = text[p.end:p.end + 40]
    if any(not after[:s].strip() and named_at(p.end + e) for s, e, _, _ in roles.find(after)):
        return True
    before = text[max(0, p.start - 40):p.start]
    return named_at(p.end) and any(not before[e:].strip() for _, e, _, _ in roles.find(before))


def _acts_after_when(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A state opening a clause of time, as its subject ("toll rises to 82 as Pakistan mourns",
    "ketika Pakistan berkabung"): it acts there, it is not where the figure counts."""
    return framing.when_link is not None and any(a.start < place.end and place.start < a.end for a in sm.actors) \
        and framing.when_link.fullmatch(" " + words_before(sm.text, place.start, 1).strip() + " ") is not None


def place_after(framing, sm: SentenceMentions, pos: int, exclude_spans=(), start: int | None = None) -> str | None:
    """The place of what stands at `pos`: the first place after it in its clause when it stands
    close ("killed 2,000 in the coastal city of Derna"); else the nearest one its clause puts it
    in before it ("across Lebanon in blasts that killed nine ... Iran's ambassador to Beirut
    among them" is Lebanon's toll); else the first after it. A place before is looked for only
    when `start`, where the thing (a figure) begins, is given."""
    clause_start, clause_end = clause_of(framing, sm.text, pos)
    after, before = [], []
    figures = [q for q in sm.quantities if q.kind == "quantity"]
    for p in sm.places:
        if any(p.start < e and s < p.end for s, e in exclude_spans) or _owner_name(framing, sm, p) \
                or landmark(framing, sm, p) or _in_title(framing, sm, p) or _origin(framing, sm, p) \
                or attacker(framing, sm, p) or _holder_of_part(framing, sm, p) \
                or start is not None and p.end <= start and in_statement_setting(framing, sm, p):
            continue  # (a landmark it happened near: the article's site counts it; a title's office; the attacker;
            # the side holding a part ("desa yang dikuasai Ukraina");
            # where it was said, before the figure: "told reporters in Semarang that nine ...")
        gap_words = re.findall(r"[\w'’-]+", sm.text[p.end:start]) if start is not None and p.end <= start else None
        if gap_words is not None and clause_start <= p.start and len(gap_words) <= 1 \
                and not re.search(r"[,;:()]", sm.text[p.end:start]) \
                and not any(w.casefold() in framing.joint_links - framing.own_links for w in gap_words) \
                and not any(a.start < p.end and p.start < a.end for a in sm.actors) \
                and not any(a.end <= p.start and not sm.text[a.end:p.start].strip() for a in sm.actors):
            # (not a speaker's country, nor the office a body's name goes on with: "Basarnas Kendari mencatat 15")
            return p.value  # a list's "Sumatera Barat 90 orang", "West Sumatra recorded 129": its own place
        if pos <= p.start <= clause_end:
            if any(q.start >= p.end and q.start != start and words(sm.text, p.end, q.start) <= 1
                   and not re.search(r"[,;:()]", sm.text[p.end:q.start])
                   and not (framing.joint_links - framing.own_links) & set(sm.text[p.end:q.start].casefold().split())
                   for q in figures):
                continue  # "166 orang, Sumatera Barat 90 orang": the next figure's place (not "di X dan 61 ...")
            if any(pos <= a.start < p.start for a in sm.attribution):
                continue  # in the speaker's tag: "..., kata intelijen Korea Selatan", "said in Kyiv"
            if any(a.start < p.end and p.start < a.end for a in sm.actors) and any(
                    c.start >= p.end and words(sm.text, p.end, c.start) <= 1 for c in (*sm.stances, *sm.attribution)):
                continue  # "blast kills hundreds, Israel denies": the country speaks, nothing happened there
            if _acts_after_when(framing, sm, p):
                continue
            if _next_ranked(framing, sm, pos, p):
                break  # "15.975 kasus, disusul Jawa Timur": the ranking's next place, not the figure's
            if framing.next_predicate is not None and any(
                    not any(m.start == link.start(1) for m in sm.measures)
                    for link in framing.next_predicate.finditer(sm.text, pos, p.start)):
                break  # "killing 31 people and hitting a hospital in Kyiv": the hospital's place
            after.append((p.start, p.value))
        elif start is not None and clause_start <= p.start and p.end <= start and (
                framing.place_preposition.search(sm.text[:p.start])
                or framing.location_cues.find(words_before(sm.text, p.start, 1))
                or sm.text[p.start:p.end].casefold() in framing.adverb_places):
            before.append((-p.start, p.value))
        elif start is not None and p.end <= start and _ranked(framing, sm, p, start):
            before.append((-p.start, p.value))
    after.sort()
    if after and words(sm.text, pos, after[0][0]) <= framing.window("place_after"):
        return after[0][1]
    if before:
        return min(before)[1]
    return after[0][1] if after else None


def _next_ranked(framing, sm: SentenceMentions, pos: int, place: Mention) -> bool:
    """A place after a ranking's next-item word ("disusul Jawa Timur", "followed by East Java"):
    the next item of the ranking, not where the figure before it counts."""
    table = framing.ranking_next
    return table is not None and bool(table.find(sm.text[pos:place.start]))


def _ranked(framing, sm: SentenceMentions, place: Mention, start: int) -> bool:
    """A place the words after it rank ("Jawa Barat menjadi provinsi dengan kasus terbanyak, yakni
    15.975 kasus", "West Java remained the hardest-hit province, with 16,824 cases"): the
    sentence's figure after it is its own, unless another figure stands between."""
    if framing.ranked_place is None or framing.ranked_place.match(sm.text, place.end) is None:
        return False
    return not any(q.kind == "quantity" and place.end <= q.start and q.end <= start for q in sm.quantities)


def narrowed(sm: SentenceMentions, where: str, places) -> str:
    """The place a region only locates: "Sumenep regency in East Java", "Kabupaten Sumenep, Jawa
    Timur" count the regency, the province after it says where the regency lies."""
    for p in sm.places:
        if p.value != where:
            continue
        for q in sm.places:
            if q.end <= p.start and re.fullmatch(r"\s*,?\s*(?:[\w-]+\s+)?", sm.text[q.end:p.start]) \
                    and where in places.ancestors(q.value):
                return q.value
    return where


def venue_part(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The part of a venue a figure counts in, named after it in its clause with no other
    figure between ("satu tembakan ke tribun utara", "seven shots at the south stand")."""
    table = framing.venue_parts
    if table is None:
        return None
    _, clause_end = clause_of(framing, sm.text, figure.start)
    for start, end, ident, _ in table.find(sm.text):
        if figure.end <= start <= clause_end and words(sm.text, figure.end, start) <= framing.window("place_after") \
                and not any(figure.end <= q.start and q.end <= start for q in sm.quantities):
            return ident
    return area_part(framing, sm, figure)


def area_part(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The part of a country one side holds that a figure counts in, named before or after it
    in its clause with no other figure between ("538 killed in government-held areas",
    "korban tewas di wilayah yang dikuasai pemerintah bertambah menjadi 812"). A part's words
    inside a body's name ("Ministry of Agriculture and Rural Development") name the body, no part."""
    if framing.area_parts is None:
        return None
    start, end = clause_of(framing, sm.text, figure.start)
    near = []
    for s, e, ident, _ in framing.area_parts.find(sm.text[start:end]):
        if any(a.start <= start + s and start + e <= a.end for a in sm.actors):
            continue
        lo, hi = (figure.end, start + s) if start + s >= figure.end else (start + e, figure.start)
        if hi == start + s and re.search(r"[,;:]", sm.text[lo:hi]):
            continue  # "edges down to 8.47%, urban poverty rises": a part past a comma is another clause's
        if not any(lo <= q.start and q.end <= hi for q in sm.quantities if q is not figure and not _one_change(sm, q, figure)):
            near.append((hi - lo, ident))
    return min(near)[1] if near else None


def _one_change(sm: SentenceMentions, other: Mention, figure: Mention) -> bool:
    """Two figures of one change, of one kind, with no comma and a few words between ("naik dari
    6,66 persen pada September menjadi 6,73 persen", "rose to 6.73% from 6.66%"): a part named
    before the first is the second's too."""
    lo, hi = (other.end, figure.start) if other.end <= figure.start else (figure.end, other.start)
    between = sm.text[lo:hi]
    return other.kind == figure.kind and not re.search(r"[,;:()]", between) \
        and len(re.findall(r"[\w'’-]+", between)) <= 5


def listed(framing, between: str) -> bool:
    """Whether two figures stand in one list: a comma or a joining word between them."""
    return "," in between or any(w in framing.joint_links for w in between.casefold().split())


def joint_places(framing, sm: SentenceMentions, places, start: int = 0, end: int | None = None) -> str | None:
    """Places named together between `start` and `end` ("in Turkey and Syria", "gempa
    Turki-Suriah"), none within another: one id for them all ("syria+turkiye"), or None. Only a
    link word and at most one other word ("southern Turkey and northwest Syria") join two."""
    end = len(sm.text) if end is None else end
    named = sorted((p for p in sm.places if start <= p.start and p.end <= end), key=lambda p: p.start)
    run, linked = named[:1], False  # linked: a link word joins the run, not only commas
    for a, b in zip(named, named[1:]):
        between = re.sub(r"([-/&,])", r" \1 ", sm.text[a.end:b.start]).casefold().split()
        if between[:1] == [","]:
            between = between[1:] or [","]  # "Aceh, Sumatera Utara, dan Sumatera Barat"
        if between and (between[0] in framing.joint_links or between == [","]) and len(between) <= 2 \
                and not any(re.search(r"[\d;:()]", w) for w in between):
            run.append(b)
            linked = linked or between[0] in framing.joint_links
        elif len(run) > 1:
            break
        else:
            run = [b]
    ids = {p.value for p in run}
    # a region after its district only locates it ("Pandeglang dan Serang, Banten, serta Lampung
    # Selatan, Lampung"): the districts are the places named together, not their provinces
    ids = sorted(b for b in ids if not any(a != b and places.within(a, b) for a in ids)) \
        if len(ids) > 2 else sorted(ids)
    if len(ids) < 2 or not linked or any(a != b and places.within(a, b) for a in ids for b in ids):
        return None
    return "+".join(ids)


def ranked_place(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A place named as the top of a ranking ("Terbanyak di Jawa Tengah", "Central Java accounted for
    the largest share"): where most of a count was, one part of the happening, never its site."""
    table = framing.ranking_cues
    if table is None:
        return False
    _, clause_end = clause_of(framing, sm.text, place.start)
    return any(e <= place.start and words(sm.text, e, place.start) <= 2
               or place.end <= s < clause_end for s, e, _, _ in table.find(sm.text))


def in_speaker_tag(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A place in a trailing speaker tag, where it was said: after a cue whose speaker follows it
    ("kata", "said") and that speaker, in the cue's clause ("..., kata Gubernur Sumut Bobby
    Nasution di Medan"); or right after the setting of a statement, in a cue's clause, however
    long the speaker's title ("kata Kepala Pusat Data ... BNPB Raditya Jati dalam keterangan
    tertulis di Jakarta"), and so after a leading cue too ("Sutopo told a news conference in Jakarta
    that ...", "mengatakan kepada wartawan di Palu, ...")."""
    if in_statement_setting(framing, sm, place):
        return True
    for cue in sm.attribution:
        if cue.value not in ("after", "either") or cue.end > place.start:
            continue
        if clause_of(framing, sm.text, cue.start) != clause_of(framing, sm.text, place.start):
            continue
        # (the speaker right after the cue, not a people the reported words count: "Iran said Monday that
        # 169 Iranians were killed in the crush at Mina" tells where they died)
        if any(a.end <= cue.start and not sm.text[a.end:cue.start].strip(" ,") for a in sm.actors) \
                and not re.fullmatch(r"\s+[a-z]+\s+", sm.text[cue.end:place.start]):
            continue  # "Brawner said Chinese vessels rammed boats ... on Second Thomas Shoal": the speaker stands
            # before the cue, so who follows it is the reported clause's subject, not a speaker's tag
        if any(cue.end <= a.start and a.end <= place.start and len(sm.text[cue.end:a.start].split()) <= 3
               and not any(cue.end <= q.start and q.end <= a.start for q in sm.quantities)
               for a in sm.actors):
            return True
        if _NAME_THEN_PREPOSITION.fullmatch(sm.text, cue.end, place.start) \
                and framing.place_preposition.search(sm.text[:place.start]):
            return True  # a person the rules do not know, or none: "kata Herman di Jayapura", "said in Jakarta"
    return False


def in_statement_setting(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A place right after the setting of a statement, in a cue's clause: "... said in a written
    statement in Jakarta", "told a news conference in Jakarta that ...", "mengatakan kepada wartawan
    di Semarang bahwa ...": where it was said, whichever side of the cue its speaker stands."""
    setting = getattr(framing, "statement_setting", None)
    return setting is not None and any(
        cue.end <= place.start and clause_of(framing, sm.text, cue.start) == clause_of(framing, sm.text, place.start)
        and setting.search(sm.text[cue.start:place.start]) for cue in sm.attribution)


# a speaker's name (one to four capitalised words, a title's small words before them), if any, and one preposition
_NAME_THEN_PREPOSITION = re.compile(r"\s+(?:(?:[a-z]+\s+){0,2}(?:[A-Z][\w.'’-]*\s+){1,4})?[a-z]+\s+")


def _holder_of_part(framing, sm: SentenceMentions, place: Mention) -> bool:
    """A country named in the words of a part one side holds ("desa yang dikuasai Ukraina",
    "Ukrainian-held villages"): who holds the part, not where a figure counts."""
    return framing.area_parts is not None and any(
        s <= place.start and place.end <= e for s, e, _, _ in framing.area_parts.find(sm.text))


def place_in(framing, sm: SentenceMentions, exclude_spans=(), figure: Mention | None = None) -> str | None:
    """A place the sentence puts something in or sends it to ("ke Rusia", "di Kursk"), not where
    it was said; for a `figure`, not one in another clause holding a figure of its own ("78
    jenazah ditemukan, sedangkan 104 orang ... dibawa ke Kalamata": the survivors' port)."""
    others = [q for q in sm.quantities if q.kind == "quantity" and figure is not None
              and clause_of(framing, sm.text, q.start) != clause_of(framing, sm.text, figure.start)]
    for p in sorted(sm.places, key=lambda p: p.start):
        if any(p.start < e and s < p.end for s, e in exclude_spans) or _owner_name(framing, sm, p) \
                or in_speaker_tag(framing, sm, p) or landmark(framing, sm, p) or _origin(framing, sm, p) \
                or attacker(framing, sm, p) or _holder_of_part(framing, sm, p):
            continue
        if ranked_place(framing, sm, p):
            if figure is not None and clause_of(framing, sm.text, figure.start) == clause_of(framing, sm.text, p.start):
                return p.value  # "Jawa Tengah menjadi provinsi dengan PHK terbanyak, yakni 10.692 orang": the top's own
            continue  # ("..., terbanyak di Jawa Barat" after a whole: one part of it, not the whole's place)
        if any(q.end <= p.start and clause_of(framing, sm.text, q.start) == clause_of(framing, sm.text, p.start)
               for q in others):
            continue  # (a place fronting the sentence, "In Syria, ...", still places every clause)
        if _acts_after_when(framing, sm, p):
            continue
        if framing.place_preposition.search(sm.text[:p.start]):
            return p.value
    return None


def label_place(sm: SentenceMentions, figure: Mention, max_words: int = 8) -> str | None:
    """The place a headline's label names before its colon ("Banjir Lahar Dingin Sumbar: 37 Orang
    Meninggal", "Turkey quake: toll passes 20,000"): the scope of the figures after it."""
    colon = sm.text.rfind(":", 0, figure.start)
    if colon < 0 or len(sm.text[:colon].split()) > max_words:
        return None
    named = [p for p in sm.places if p.end <= colon]
    return named[-1].value if named else None


def happening_place(sm: SentenceMentions, kinds, framing=None) -> str | None:
    """The place a sentence names its happening by ("Myanmar's earthquake", "the Myanmar quake",
    "korban gempa Myanmar"): the scope of its figures, not a city the report placed the happening
    near ("struck near Mandalay")."""
    for i in sm.incidents:
        if i.value not in kinds:
            continue
        for p in sm.places:
            if framing is not None and attacker(framing, sm, p):
                continue  # "korban serangan Israel": who struck, not where
            if p.end <= i.start and _BEFORE_NOUN.fullmatch(sm.text, p.end, i.start) \
                    or i.end <= p.start and _AFTER_NOUN.fullmatch(sm.text, i.end, p.start):
                return p.value
    return None


_BEFORE_NOUN = re.compile(r"(?:['’]s)?\s+")
_AFTER_NOUN = re.compile(r"\s+")


def off_route(sm: SentenceMentions, framing) -> SentenceMentions:
    """The sentence without the places on a journey's route ("flight 7C2216 from Bangkok",
    "terbang dari Bangkok", "bound for Jakarta"): where it set out or was going is not where the
    crash or the sinking happened, nor where its figures count; nor is the town of the hospitals
    the hurt were taken to (framing care_words); nor a person's nationality ("a New Zealand pilot")."""
    if not sm.places:
        return sm
    kept = [p for p in sm.places if not (framing.route is not None
                                         and framing.route.search(sm.text, max(0, p.start - 80), p.start))
            and not _nationality(framing, sm, p)]
    return sm if len(kept) == len(sm.places) else replace(sm, places=kept)


def unplaced_site(place: Mention) -> bool:
    """A site no table knows ("the town of Brumadinho", with_named_sites): it lies in no country of
    its own, so what happens there is in the country of the article's happening. (A site whose name
    happens to spell a place the table knows elsewhere, "di Desa Buda, negara bagian Kaduna", is still
    none of it: the table would have read a name it knows.)"""
    return place.rule == "place:named_site"


def with_named_sites(sm: SentenceMentions, framing) -> SentenceMentions:
    """Places no table knows, named with their kind ("in Jajarkot district", "di distrik Rukum
    Barat", "the village of Lalo"): a place of their own, under no other, so their figures are
    neither the country's nor any other place's."""
    if framing.site_after is None and framing.site_before is None:
        return sm
    taken = sm.places + sm.actors
    found = []
    for pattern in (framing.site_after, framing.site_before):
        if pattern is None:
            continue
        for m in pattern.finditer(sm.text):
            start, end = m.span("name")
            # a sentence's capitalised determiner is no part of the name ("The Wayanad district")
            first = re.match(r"(\w+)\s+", sm.text[start:end])
            if first is not None and first.group(1).casefold() in framing.determiners \
                    and first.group(1)[0].isupper() and first.end() < end - start:
                start += first.end()
            # ...nor a capitalised preposition opening it ("In Kerr County alone"); a lone determiner
            # before a kind is no name at all ("The county's toll"): an anaphor (with_site_anaphors)
            if first is not None and first.group(1)[0].isupper() and first.end() < end - start \
                    and framing.place_preposition.match(sm.text, start, start + first.end()) is not None:
                start += first.end()
            # ...nor a known place owning it ("Bangladesh's Chittagong district"): the place it lies in
            owner = re.match(r"[\w-]+(?:['’]s|s['’])\s+", sm.text[start:end])
            if owner is not None and owner.end() < end - start \
                    and any(t.start < start + owner.end() and start < t.end for t in taken):
                start += owner.end()
            start = _after_government_words(framing, sm.text, start, end)
            if sm.text[start:end].casefold() in framing.determiners:
                continue
            if any(t.start < end and start < t.end for t in taken + found):
                continue
            ident = snake(sm.text[start:end])
            if ident:
                found.append(Mention("place", sm.text[start:end], start, end, ident, "place:named_site"))
    if not found:
        return sm
    return replace(sm, places=sorted(sm.places + found, key=lambda p: p.start))


def _after_government_words(framing, text: str, start: int, end: int) -> int:
    """Where a site's name starts past a region's government word opening it ("Pemerintah Kerr
    County" is the government of Kerr County, framing `regional_government_before`)."""
    first = re.match(r"\w+\s+", text[start:end])
    before = framing.regional_government_before
    if first is None or before is None or first.end() >= end - start \
            or before.search(text, start, start + first.end()) is None:
        return start
    return start + first.end()


def with_site_anaphors(mentions: list[SentenceMentions], framing) -> list[SentenceMentions]:
    """"The county's toll stood at 96" after "in Kerr County": a kind named with a pointing word
    and no name of its own is the last site of that kind named before (a later sentence), so its
    figure stays that site's, not the whole state's."""
    if framing.site_anaphor is None:
        return mentions
    last: dict = {}  # kind -> the last named site of that kind
    out = []
    for sm in mentions:
        taken = sm.places + sm.actors
        found = [Mention("place", m.group(), m.start(), m.end(), last[kind], "place:named_site")
                 for m in framing.site_anaphor.finditer(sm.text)
                 for kind in [" ".join(m.group("kind").casefold().split())]
                 if kind in last and not any(t.start < m.end() and m.start() < t.end for t in taken)]
        for p in sm.places:
            if p.rule != "place:named_site":
                continue
            after = sm.text[p.end:p.end + 40].casefold().split()
            before = sm.text[max(0, p.start - 40):p.start].casefold().split()
            for kind in framing.site_kind_words:
                n = len(kind.split())
                if " ".join(after[:n]) == kind or " ".join(before[-n:]) == kind or \
                        " ".join(before[-n - 1:-1]) == kind and before[-1:] == ["of"]:
                    last[kind] = p.value
        out.append(replace(sm, places=sorted(sm.places + found, key=lambda p: p.start)) if found else sm)
    return out
