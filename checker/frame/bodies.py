"""Which body speaks: an actor's body and voice, bodies named by a place ('Polda Jatim',
'the provincial government'), and bodies an article defines or only describes.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.model import Mention
from checker.recognise.lexicon import UNPLACED, place_body
from checker.recognise import SentenceMentions


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


def named_country(template: str, named: list[str], places) -> str | None:
    """The country of the body of a bare body's kind the article named last with its country
    ("The Israeli military said ... Military spokesman Daniel Hagari said": Israel's, not the
    story's country's), if any."""
    head, _, tail = template[len(UNPLACED):].partition("{country}")
    for value in reversed(named):
        if value.startswith(head) and value.endswith(tail) and len(value) > len(head) + len(tail):
            middle = value[len(head):len(value) - len(tail)]
            # (a country the gazetteer places in its continent: an id it does not know, the UN's or
            # "regional_government@x", is none, so "the UN agency said ..., while the government said"
            # is the story's country's government)
            if places is not None and places.country(middle) == middle and middle in places.parents:
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
        if places is not None:
            actors = [_own_country(sm, a, actors_table, places) if body_of(actors_table, a.value) in regional.per_region
                      else a for a in actors]
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


def regional_governments(sm: SentenceMentions, framing, places, actors_table=None) -> SentenceMentions:
    """A region named with a word that makes it its government ("Ishikawa prefecture said",
    "Pemerintah Prefektur Ishikawa menyebut") is an actor of its own, "regional_government@<region>",
    where no table's body already covers the words; a country is no region. In the country of the
    table's per-region bodies, words a per-region government body owns make it that body ("the
    governor of East Java" is provincial_government@east_java, as "East Java governor" and
    "Gubernur Jawa Timur" are)."""
    before, after = framing.regional_government_before, framing.regional_government_after
    if before is None and after is None:
        return sm
    found, dropped = [], []
    for p in sm.places:
        named_to = institution_end(framing, sm, p)
        if named_to is not None:
            # the words of an institution's name speak for no one ("Government" in "the Kallakurichi
            # Government Medical College Hospital" is no government)
            dropped.extend(a for a in sm.actors if p.end <= a.start and a.end <= named_to)
            continue
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
        kind = _government_body(actors_table, head, tail)
        if kind is None or actors_table.government(kind) != places.country(p.value):
            kind = "regional_government"  # (the table's per-region bodies are one country's)
        found.append(Mention("actor", sm.text[start:end], start, end, f"{kind}@{p.value}",
                             "frame:regional_government"))
    found.extend(_bare_regional_government(sm, framing, places, actors_table, found))
    if not found and not dropped:
        return sm
    kept = [a for a in sm.actors if a not in dropped]
    return replace(sm, actors=sorted(kept + found, key=lambda a: a.start))


def _bare_regional_government(sm: SentenceMentions, framing, places, actors_table, found) -> list[Mention]:
    """A region's own officials named without the region ("..., where 53 people have died,
    provincial officials said", "kata pejabat provinsi"): the government of the one region (no
    country) the sentence names before them, where no body already covers their words."""
    bare = framing.regional_government_bare
    if bare is None:
        return []
    out = []
    for m in bare.finditer(sm.text):
        if any(a.start < m.end() and m.start() < a.end for a in [*sm.actors, *found]):
            continue
        regions = {p.value for p in sm.places if p.end <= m.start()
                   and (places.country(p.value) != p.value or p.rule == "place:named_site")
                   and not any(a.start <= p.start and p.end <= a.end for a in sm.actors)}
        if len(regions) != 1:
            continue
        region = regions.pop()
        kind = _government_body(actors_table, m)
        if kind is None or actors_table.government(kind) != places.country(region):
            kind = "regional_government"
        out.append(Mention("actor", m.group(), m.start(), m.end(), f"{kind}@{region}", "frame:regional_government"))
    return out


def _government_body(actors_table, *matches) -> str | None:
    """The region's own government body whose English words the matched words hold ("governor of"
    -> provincial_government), if the table has one."""
    regional = getattr(actors_table, "regional", None)
    english = getattr(regional, "english", None)
    if english is None:
        return None
    for m in matches:
        if m is not None:
            for _, _, body, _ in english.find(m.group()):
                if body in regional.governments:
                    return body
    return None


def government_words(framing, sm: SentenceMentions, place: Mention):
    """The words that make a place its government, before it ("officials in", "Pemkab") and after
    it ("prefecture", "officials"): (match before or None, match after or None)."""
    before, after = framing.regional_government_before, framing.regional_government_after
    head = before.search(sm.text, max(0, place.start - 40), place.start) if before is not None else None
    tail = after.match(sm.text, place.end) if after is not None else None
    if tail is not None and institution_end(framing, sm, place) is not None:
        tail = None  # "the Kallakurichi Government Medical College Hospital": a hospital's name, no government
    return head, tail


def institution_end(framing, sm: SentenceMentions, place: Mention) -> int | None:
    """Where an institution's name ends that a region's government words open ("the Kallakurichi
    Government Medical College Hospital", framing `regional_name_after`), if they do."""
    after = framing.regional_government_after
    tail = after.match(sm.text, place.end) if after is not None else None
    name = framing.regional_name_after.match(sm.text, tail.end()) \
        if tail is not None and framing.regional_name_after is not None else None
    return name.end() if name is not None else None


def _own_country(sm: SentenceMentions, actor: Mention, actors_table, places) -> Mention:
    """A regional office of a country's kind whose region is a country of its own, another than
    the body's ("Gubernur Puerto Riko", "Wali Kota Hong Kong"): that country's voice, as its
    English form ("Puerto Rico Governor") is, not the body's country's."""
    named = [p for p in sm.places if actor.start <= p.start and p.end <= actor.end]
    if len(named) != 1 or places.country(named[0].value) != named[0].value \
            or actors_table.government(actor.value) in (None, named[0].value):
        return actor
    return replace(actor, value=named[0].value)


def _with_region(sm: SentenceMentions, actor: Mention) -> Mention:
    """The mention stretched over an abbreviation in brackets and a place right after it, or over
    a place of several words whose first the head's pattern took for a region ("Gubernur Puerto"
    of "Gubernur Puerto Riko")."""
    text, end = sm.text, actor.end
    while True:
        rest = text[end:]
        bracket = re.match(r"\s*\([^()]{1,12}\)", rest)
        if bracket:
            end += bracket.end()
            continue
        # the place right after it (the gazetteer's places hold "Provinsi Jawa Timur" whole), or one
        # it ends inside of
        place = next((p for p in sm.places if p.start >= end and not text[end:p.start].strip()
                      or actor.start < p.start < end < p.end), None)
        if place is not None and place.end > end:
            end = place.end
            continue
        break
    return replace(actor, text=text[actor.start:end], end=end) if end != actor.end else actor


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


def without_described_bodies(sm: SentenceMentions, actors) -> SentenceMentions:
    """The sentence less a body named without its country that is set off after a named body as
    its description ("COGAT, the military body that oversees aid to Gaza, said ..."): the named
    body speaks, not the story country's body of that kind. A parenthetical speaker keeps its
    verb inside the commas ("Israel struck Hamas, the health ministry said") and stays."""
    if len(sm.actors) < 2 or not sm.attribution:
        return sm
    text, ordered = sm.text, sorted(sm.actors, key=lambda a: a.start)
    dropped = []
    for named, bare in zip(ordered, ordered[1:]):
        if not bare.rule.startswith(f"actor:{UNPLACED}") or named.rule.startswith(f"actor:{UNPLACED}") \
                or actors.role(named.value) == "person" or named.rule.startswith("person:"):
            continue  # ("Peskov, the Kremlin spokesman": a person's body is who speaks)
        if not re.fullmatch(r"\s*,\s*(?:[\w'’-]+\s+){0,3}", text[named.end:bare.start]):
            continue
        close = text.find(",", bare.end)
        if close < 0 or any(bare.end <= c.start < close for c in sm.attribution):
            continue
        if any(c.start > close and not text[close + 1:c.start].strip() for c in sm.attribution):
            dropped.append(bare)  # "COGAT, the military body ..., said"
    return replace(sm, actors=[a for a in sm.actors if a not in dropped]) if dropped else sm


def without_operators(sm: SentenceMentions, actors, framing) -> SentenceMentions:
    """The sentence less the firms and bodies that only label a vehicle beside them ("shot down a
    Malaysia Airlines jet", "pesawat Garuda Indonesia jatuh"): the plane is meant, not its operator
    speaking or acting (a state or a person beside a vehicle stays: "a Russian jet", whose it is)."""
    pattern = framing.operated_vehicle
    if pattern is None or not sm.actors:
        return sm
    vehicles = list(pattern.finditer(sm.text))
    if not vehicles:
        return sm

    def labels(a: Mention) -> bool:
        return any(not sm.text[a.end:v.start()].strip(" ") if v.start() >= a.end
                   else v.end() <= a.start and not sm.text[v.end():a.start].strip(" ") for v in vehicles)

    kept = [a for a in sm.actors if actors.role(a.value) in ("state", "person") or not labels(a)]
    return sm if len(kept) == len(sm.actors) else replace(sm, actors=kept)
