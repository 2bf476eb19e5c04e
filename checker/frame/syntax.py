"""How the words of one sentence hang together: clauses, owners of counted nouns, the measure
a figure counts, and the place a sentence scopes something to. Pure functions over one
sentence's mentions and the framing rules."""
from __future__ import annotations

import bisect
import functools
import re

from checker.frame.settings import GROUP_WORDS
from checker.frame.wordspans import linked_only, words, words_after, words_before
from checker.model import Mention
from checker.recognise import SentenceMentions
from checker.recognise.numbers import reached_level


def clause_of(framing, text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the clause holding pos: from the end of the last clause break before it
    to the start of the first one after it."""
    starts, ends = _clause_breaks(framing.clause_break, text)
    i = bisect.bisect_right(ends, pos)  # breaks[:i] end at or before pos
    start = ends[i - 1] if i else 0
    if i < len(starts) and starts[i] < pos:  # a break around pos itself: the clause ends at the next
        i += 1
    return start, starts[i] if i < len(starts) else len(text)


@functools.lru_cache(maxsize=512)
def _clause_breaks(clause_break: re.Pattern, text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and the ends of a sentence's clause breaks, once per sentence: every figure,
    cue and actor of it asks for its clause (about ten times a sentence)."""
    spans = [m.span() for m in clause_break.finditer(text)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def gap(text: str, a_end: int, b_start: int) -> str:
    return text[a_end:b_start] if a_end <= b_start else ""


def linked(framing, sm: SentenceMentions, start: int, end: int) -> bool:
    """Whether only linking words stand between a noun and its owner: nothing, "dari",
    "of", "'s", or other counted nouns and topics ("pengerahan pasukan Korea Utara")."""
    between = sm.text[start:end]
    for m in sm.measures + sm.topics:
        if start <= m.start and m.end <= end:
            between = between[:m.start - start] + " " * (m.end - m.start) + between[m.end - start:]
    words = re.findall(r"[\w'’-]+|[^\w\s]", between.casefold())
    return all(w in framing.owner_links for w in words)


def _owns_happening(framing, sm: SentenceMentions, actor: Mention) -> bool:
    """"the toll from Indonesia's floods", "the toll from Indian strikes": the actor owns (framing
    `possessives`, or standing right before it) the happening named a few words after it, whose
    toll it is, not the toll."""
    for i in sm.incidents:
        between = sm.text[actor.end:i.start]
        # a demonym right before the happening owns it too: "the toll from Indian strikes"
        mark = next((p for p in framing.possessives if between.startswith(p)), "" if between.isspace() else None)
        if mark is not None and 0 <= i.start - actor.end <= 24 and re.fullmatch(r"(?:\s+[\w-]+){0,2}\s+", between[len(mark):]):
            return True
    return False


def owner_of(framing, sm: SentenceMentions, noun: Mention, actors: list[Mention]) -> Mention | None:
    """The actor a counted noun belongs to: "tentara Korea Utara", "North Korean troops"."""
    window, text = framing.window("owner"), sm.text
    after = [a for a in actors if a.start >= noun.end and words(text, noun.end, a.start) <= window
             and linked(framing, sm, noun.end, a.start) and not _owns_happening(framing, sm, a)]
    before = [a for a in actors if a.end <= noun.start and words(text, a.end, noun.start) <= window
              and linked(framing, sm, a.end, noun.start)
              and not framing.place_preposition.search(text, max(0, a.start - 40), a.start)]  # "Floods in Libya killed"
    after.sort(key=lambda a: a.start)
    before.sort(key=lambda a: -a.end)
    order = (after, before) if framing.subject_side == "after" else (before, after)
    for group in order:
        if group:
            return group[0]
    return None


def sender_of(framing, sm: SentenceMentions, figure: Mention, topics: frozenset | None = None,
              person=None) -> Mention | None:
    """Who sent the troops a figure counts: "North Korea had sent about 1,500 troops", "Korea
    Utara telah mengirim 10.000 tentara": the actor right before a sending verb (framing
    `sending_topics`, or the `topics` given: a gaining verb, "Prabowo won 96.2 million votes")
    that stands right before the figure."""
    window, text = framing.window("owner"), sm.text
    topics = framing.sending_topics if topics is None else topics
    # (a verb whose words hold the noun counted, "denied sending troops", stands before it too)
    verbs = [t for t in sm.topics if t.value in topics and t.start < figure.start
             and words(text, min(t.end, figure.start), figure.start) <= window]
    if not verbs:
        return None
    verb = max(verbs, key=lambda t: t.end)
    before = [a for a in sm.actors if a.end <= verb.start and words(text, a.end, verb.start) <= 2
              and not re.search(r"[,;:]", text[a.end:verb.start])]
    if not before and person is not None and framing.pronoun_subject is not None \
            and framing.pronoun_subject.search(text[:verb.start]):
        # "..., saying he won 96.2 million votes": the person named last before the pronoun
        people = [a for a in sm.actors if a.end <= verb.start and person(a.value)]
        return max(people, key=lambda a: a.end) if people else None
    return max(before, key=lambda a: a.end) if before else None


def sent_by(framing, sm: SentenceMentions, figure: Mention, agent_markers) -> Mention | None:
    """Who sent the troops a figure counts, named after a passive sending verb ("3,000 troops
    sent by North Korea", "tentara yang dikirim oleh Korea Utara"): the actor right after the
    agent marker that follows the verb."""
    window, text = framing.window("owner"), sm.text
    verbs = [t for t in sm.topics if t.value in framing.sending_topics and t.start >= figure.end
             and words(text, figure.end, t.start) <= window]
    for verb in sorted(verbs, key=lambda t: t.start)[:1]:
        for s, e, _, _ in agent_markers.find(text[verb.end:verb.end + 12]):
            if text[verb.end:verb.end + s].strip():
                continue
            at = verb.end + e
            return next((a for a in sm.actors if a.start >= at and not text[at:a.start].strip()), None)
    return None


def actor_right_before(sm: SentenceMentions, figure: Mention) -> Mention | None:
    """An actor named right before a figure, nothing between ("Ganjar Pranowo 16.5%")."""
    before = [a for a in sm.actors if a.end <= figure.start and not sm.text[a.end:figure.start].strip()]
    return before[0] if before else None


def _closes_clause(framing, text: str, figure: Mention, outcome: Mention, later: Mention) -> bool:
    """Whether an outcome told after a figure ends that figure's clause: a joiner stands between
    the outcome and the later figure, none between the figure and the outcome."""
    links = framing.joint_links
    return not links & set(re.findall(r"[\w'’-]+", text[figure.end:outcome.start].casefold())) \
        and bool(links & set(re.findall(r"[\w'’-]+", text[outcome.end:later.start].casefold())))


def _has_own_measure(sm: SentenceMentions, figure: Mention, other: Mention, before: int,
                     bare: frozenset) -> bool:
    """Whether a figure has a measure of its own besides `other`: an outcome right after it, or
    one just before it ("menewaskan 37 orang dan melukai 4.250": "melukai" is the 4.250's). A
    noun right after the figure is its own, whatever stands before it ("carrying 175 passengers
    and six crew": "passengers" is the 175's, not the six's)."""
    if other.start >= figure.end and not sm.text[figure.end:other.start].strip():
        return False
    for o in sm.measures:
        if o is other or o.value in bare:
            continue
        if figure.end <= o.start and o.end <= other.start:
            return True
        if o.end <= figure.start and words(sm.text, o.end, figure.start) <= before \
                and not re.search(r"[,;:]|\d", sm.text[o.end:figure.start]):
            return True  # not one across a comma: "2.345 rumah rusak berat, 1.200 ..." is the 2.345's
    return False


# a body's abbreviation in brackets right after its name ("the UN Interim Force in Lebanon (UNIFIL)",
# "Pasukan Sementara PBB di Lebanon (UNIFIL)"): part of the name, no clause or figure of its own
_ABBREVIATION = re.compile(r"\s*\((?:[A-Z][A-Za-z]?){1,}[A-Z]\)")
# a model's designation, capitals glued to a number ("M4", "AK-47", "F-16"), names the kind of the thing
# counted: no figure of its own between a figure and its noun ("seven M4 rifles")
_DESIGNATION = re.compile(r"(?<![\w.,-])[A-Z]{1,3}-?\d{1,3}[A-Z]?(?![\w.,-])")


def drop_abbreviations(text: str) -> str:
    return _DESIGNATION.sub(" ", _ABBREVIATION.sub(" ", text))


def _subject_outcome(framing, sm: SentenceMentions, figure: Mention, outcome: Mention) -> bool:
    """A figure opening its clause is its subject, however long the noun phrase it heads: the
    first outcome of the clause, with no comma, figure or other measure's outcome before it, is
    what befell them ("Five members of a team sent to Libya after the floods in Derna died")."""
    start, end = clause_of(framing, sm.text, figure.start)
    # a reporting verb opens the clause it reports: "Basarnas menyatakan 94 penumpang ... belum ditemukan"
    start = max([start] + [a.end for a in sm.attribution if start <= a.start and a.end <= figure.start])
    aside = share_aside(framing, sm, figure.end, outcome.start)
    if aside is not None:  # "Thirteen people, including nine civilians, were killed": the 13 were
        end = max(end, clause_of(framing, sm.text, aside[1])[1])
    if outcome.end > end or words(sm.text, start, figure.start) > 2 \
            or words(sm.text, figure.end, outcome.start) - (words(sm.text, *aside) if aside else 0) \
            > framing.window("subject_outcome"):
        return False
    between = sm.text[figure.end:aside[0]] + sm.text[aside[1]:outcome.start] if aside else sm.text[figure.end:outcome.start]
    between = drop_abbreviations(between)
    for p in sm.places:  # a region set off by commas says where, in no clause of its own ("di Danau Toba, Sumatera Utara, belum ditemukan")
        if figure.end <= p.start and p.end <= outcome.start:
            between = between.replace(f", {p.text},", " ")
    return not re.search(r"[,;:()\d]", between) \
        and not any(figure.end <= q.start < outcome.start and not (aside and aside[0] <= q.start < aside[1])
                    for q in sm.quantities if q is not figure) \
        and not any(figure.end <= a.start < outcome.start for a in sm.attribution) \
        and not any(q is not figure and q.start >= outcome.end and words(sm.text, outcome.end, q.start) <= 1
                    and not re.search(r"[,;:()]", sm.text[outcome.end:q.start]) for q in sm.quantities)
    # (an outcome with its own figure right after it befell those: "Hundreds of officers hunted a man
    # suspected of killing 18 people" counts the officers by no outcome)


def share_aside(framing, sm: SentenceMentions, start: int, end: int) -> tuple[int, int] | None:
    """A share set off by commas between a figure and what befell it: "Thirteen people, including
    nine civilians, were killed", "13 orang, termasuk sembilan warga sipil, tewas": the span from
    the first comma through the second, when every figure in it is a share its marker names. An aside
    that opens with its marker and has no figure names some of those counted ("Four people, including the
    hotel's owner, were detained", "empat orang, termasuk pemilik hotel, ditahan"): no rival figure either."""
    found = re.search(r",([^,;:()]*),", sm.text[start:end])
    if found is None:
        return None
    lo, hi = start + found.start(), start + found.end()
    inside = [q for q in sm.quantities if lo <= q.start and q.end <= hi]
    marked = framing.part_markers.find(sm.text[lo + 1:hi - 1])
    if not inside:
        opening = any(not sm.text[lo + 1:lo + 1 + s].strip() for s, _, _, _ in marked)
        return (lo, hi) if opening else None
    return (lo, hi) if marked and all(role_of(framing, sm, q) == "part" for q in inside) else None


def marked_after(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A share marker right after the figure: "four of whom", "dua di antaranya"."""
    tail = words_after(sm.text, figure.end, framing.window("cue_after"))
    return any(len(re.findall(r"[\w'’-]+", tail[:s])) <= 1 for s, _, _, _ in framing.part_markers.find(tail))


def _names_group(framing, sm: SentenceMentions, figure: Mention, outcomes: frozenset) -> bool:
    """The word right after the figure names who it counts: no function word, no outcome."""
    word = re.match(r"\s+([^\W\d_][\w'’-]*)", sm.text[figure.end:])
    if word is None or word.group(1).casefold() in framing.not_counted:
        return False
    at = figure.end + word.start(1)
    return not any(m.start == at and m.value in outcomes for m in sm.measures)


def group_list(framing, sm: SentenceMentions, figure: Mention, outcomes: frozenset, bare: frozenset) -> Mention | None:
    """The outcome a list of groups shares, each with its figure: "menewaskan empat prajurit dan
    sembilan warga sipil", "four soldiers and nine civilians were killed": a breakdown of a toll,
    each figure a share. None when the figure is in no such list (or a group is only people: "13
    orang dan 20 lainnya")."""
    figures = sorted((q for q in sm.quantities if q.kind == "quantity"), key=lambda q: q.start)
    chain, i = [], 0
    while i < len(figures):  # the run of figures, each with its group's words, joined
        run = [figures[i]]
        while i + 1 < len(figures) and framing.group_then_joiner.fullmatch(sm.text[figures[i].end:figures[i + 1].start]) \
                and not framing.part_markers.find(sm.text[figures[i].end:figures[i + 1].start]) \
                and not marked_after(framing, sm, figures[i + 1]):  # "19 soldiers, four of whom died": a share of them
            run.append(figures[i + 1])
            i += 1
        if figure in run and len(run) > 1:
            chain = run
        i += 1
    if not chain or not all(_names_group(framing, sm, q, outcomes) for q in chain):
        return None  # "sent 2,000 soldiers and 12 were killed": the 12 name no group of their own
    last = chain[-1]
    tail = re.match(GROUP_WORDS, sm.text[last.end:])
    end = last.end + (tail.end() if tail else 0)
    spans = [(q.end, chain[k + 1].start) for k, q in enumerate(chain[:-1])]
    nouns = [m for m in sm.measures if any(lo <= m.start and m.end <= hi for lo, hi in spans)]
    if any(m.value in bare or m.value in outcomes for m in nouns):
        return None  # people, not groups ("13 orang dan 20 lainnya"), or each its own outcome ("13 tewas dan 20 luka")
    after = [m for m in sm.measures if m.value in outcomes and last.end <= m.start
             and (m.end <= end or not sm.text[end:m.start].strip())]
    before = [m for m in sm.measures if m.value in outcomes and m.end <= chain[0].start
              and not sm.text[m.end:chain[0].start].strip()]
    found = after or before
    return found[0] if found else None


def _dates_within(sm: SentenceMentions, start: int, end: int) -> list:
    """The dates standing wholly between start and end: they date a figure and are no rival
    figure of it ("kerugian negara pada 2023 sebesar Rp 180 triliun")."""
    return [d for d in sm.dates if start <= d.start and d.end <= end]


def _date_words(sm: SentenceMentions, start: int, end: int) -> int:
    return sum(words(sm.text, d.start, d.end) for d in _dates_within(sm, start, end))


def counted_outcome(framing, sm: SentenceMentions, figure: Mention, measure: Mention | None) -> Mention | None:
    """A counted thing with the verb that befell it right before its figure ("Gempa merusak 56.000
    rumah", "the floods inundated 2,300 homes"): the outcome's measure (framing `counted_outcomes`),
    else the measure as read."""
    told_after = told_state(framing, sm, measure)
    if told_after is not None:
        return told_after
    verbs = framing.counted_outcomes.get(measure.value) if measure is not None else None
    if not verbs:
        return measure
    head = words_before(sm.text, figure.start, 2)
    found = [(end, outcome) for _, end, outcome, _ in verbs.find(head) if len(re.findall(r"[\w'’-]+", head[end:])) <= 1
             and not re.search(r"[,;:.]", head[end:])]
    if not found:
        return measure
    return Mention("measure", measure.text, measure.start, measure.end, max(found)[1], "counted_outcome")


def told_state(framing, sm: SentenceMentions, measure: Mention | None) -> Mention | None:
    """What befell a counted thing, told right after it ("2,000 homes were damaged", "500 rumah yang
    rusak berat"): the outcome's measure, only linking words between (framing `thing_states`)."""
    states = framing.thing_states.get(measure.value) if measure is not None else None
    if not states:
        return None
    for m in sorted((m for m in sm.measures if m.start >= measure.end and m.value in states), key=lambda m: m.start):
        if not linked_only(sm.text, measure.end, m.start, framing.state_links):
            return None
        return Mention("measure", measure.text, measure.start, measure.end, m.value, "told_state")
    return None


def _joined_group(framing, text: str, figure: Mention, q: Mention, m: Mention) -> bool:
    """A figure of a second group joined to this one's ("10 siswa dan satu orang guru yang dilarikan ke rumah
    sakit"): the relative clause after both tells what befell both, so the later figure stands in no way of
    this one's outcome (framing `group_links`, `relative_markers`). Without the relative word the outcome is
    the later figure's alone ("menewaskan 9 orang dan melukai 3.000")."""
    if not (framing.group_links and framing.relative_markers and figure.end <= q.start and q.end <= m.start):
        return False
    link = re.findall(r"[\w'’-]+", text[figure.end:q.start].casefold())
    tail = re.findall(r"[\w'’-]+", text[q.end:m.start].casefold())
    if re.search(r"[,;:()]", text[figure.end:m.start]) or not 2 <= len(link) <= 3 or link[-1] not in framing.group_links:
        return False
    return any(w in framing.relative_markers for w in tail[1:4])


def measure_for(framing, priority: tuple, sm: SentenceMentions, figure: Mention,
                outcomes: frozenset = frozenset(), bare: frozenset = frozenset(),
                shares: dict | None = None) -> Mention | None:
    """The measure a figure counts: outcome phrases outrank counted nouns (file order). After
    a total verb ("naik menjadi 174", "rose to 62") the measure may stand anywhere earlier in
    the clause ("Jumlah orang yang tewas ... naik menjadi 174")."""
    text = sm.text
    if any(i.start >= figure.end and not text[figure.end:i.start].strip()
           and not any(m.start >= i.end and not text[i.end:m.start].strip() for m in sm.measures)
           # a happening named by its outcome counts the people it befell ("6,500 migrant workers died")
           and not any(i.start <= m.start and m.end <= i.end for m in sm.measures)
           for i in sm.incidents):
        return None  # "puluhan gempa susulan", "two explosions": it counts happenings, no one they befell
        # (but "312 cholera cases" counts the cases the outbreak's name qualifies)
    after_window, before_window = framing.window("measure_after"), framing.window("measure_before")
    shares = share_pairs(framing, sm) if shares is None else shares
    whole = shares.get((figure.start, figure.end))
    if whole is not None:  # "124 dari 125 korban meninggal sudah dikenali": identified, of the dead
        counted = measure_for(framing, priority, sm, whole, outcomes, bare, shares)
        rest = [m for m in sm.measures if m.start >= whole.end and m is not counted
                and words(text, whole.end, m.start) <= after_window]
        verb = [m for m in sm.measures if m.end <= figure.start and m.value not in bare
                and words(text, m.end, figure.start) <= 1 and not re.search(r"[,;:.()]", text[m.end:figure.start])]
        if verb and counted is not None and verb[-1].value not in {counted.value} | {m.value for m in rest}:
            return verb[-1]  # "killed 241 of the 242 people aboard": the dead, a share of those aboard
        return min(rest, key=lambda m: (m.value not in outcomes, m.start)) if rest else counted
    if any(w is figure for w in shares.values()):
        # the whole of a share counts the noun right after it
        after = [m for m in sm.measures if m.start >= figure.end and words(text, figure.end, m.start) <= after_window
                 and not re.search(r"[;:()]|\d", gap(text, figure.end, m.start))]
        return min(after, key=lambda m: m.start) if after else None
    for m in sm.measures:  # a limit's cue right before the figure: "a capacity of 43 passengers" counts no passengers
        if m.value in framing.limit_measures and m.end <= figure.start and (
                " ".join(text[m.end:figure.start].split()).casefold() in framing.limit_links | {""}):
            return m
    near = []
    for m in sm.measures:
        if m.value in framing.after_only:
            link = " ".join(text[figure.end:m.start].split()).casefold()
            if m.start < figure.end or (link and link not in framing.after_links):
                continue  # "ratusan pager", "hundreds of pagers"; never "pager explosions kill 8"
        if m.text.casefold() in framing.verb_only_cues and not (m.end <= figure.start and not text[m.end:figure.start].strip()
                                                               and not role_after(framing, text, figure.end)):
            continue  # "12 rescue workers": a noun, where "rescue 12 workers" is the verb ("Rescue 1122 spokesman": a name)
        if m.value in framing.adjacent_only and not re.fullmatch(
                r"[\s-]*", text[figure.end:m.start] if m.start >= figure.end else text[m.end:figure.start]):
            continue  # "an 11-year-old boy, and wounded 2,800": the injured, not an age
        if m.start >= figure.end and words(text, figure.end, m.start) <= after_window:
            own = counted_noun(framing, sm, figure) if m.value not in outcomes else None
            if own is not None and own.end <= m.start and not any(o.start < own.end and own.start < o.end
                                                                  for o in sm.measures):
                continue  # "9.000 pekerja menjalankan pabrik di bawah penjagaan tentara": the figure counts its
                # own noun, the workers; a stock named further on is no state they are in (but "12 warga ... tewas")
            between = gap(text, figure.end, m.start)
            if m.value in outcomes and any(o.value in outcomes and o.end <= figure.start and not text[o.end:figure.start].strip()
                                           for o in sm.measures) \
                    and any(q is not figure and q.start >= m.end and not text[m.end:q.start].strip() for q in sm.quantities):
                continue  # "rescued 155 passengers and killed 27 gunmen": a figure with its own verb right
                # before it is that verb's, and a later verb with its own figure right after it is that figure's
            if any(q is not figure and q.kind == figure.kind and q.start >= m.end and words(text, m.end, q.start) <= 2
                   and not re.search(r"[,;:()]", text[m.end:q.start])
                   and not framing.joint_links & set(text[m.end:q.start].casefold().split())
                   and not (framing.when_link is not None and framing.when_link.match(text, m.end))
                   # a figure with its own noun right after it is not the noun's: "37 orang luka-luka
                   # dirawat di lima rumah sakit" (the hospitals are the five's, the hurt the 37)
                   and not any(o.start >= q.end and not text[q.end:o.start].strip()
                               and (o.value not in bare or o.value in framing.counted_things)  # "di 12 negara"
                               for o in sm.measures)
                   # nor is a figure of a noun no measure names ("70 workers trapped in two quarries",
                   # "terjebak di dua tambang batu"): the quarries are the two's, the trapped the 70
                   and (q.rule.startswith("reading:") or counted_noun(framing, sm, q) is None)
                   for q in sm.quantities):
                continue  # "2,000 inmates, three times its capacity of 600": the noun is the 600's (not
                # "55 had died and 22 were injured": "died" is the 55's; nor "suara atau 13,2 persen")
            if "," in between and any(figure.end <= a.start and a.end <= m.start and "," not in text[a.end:m.start]
                                      for a in sm.attribution):
                continue  # "53 passengers and 12 crew, but the ministry said some survivors ...": past a comma,
                # an outcome another speaker tells in a clause of its own is not this figure's (but "12 people,
                # police said, were killed" resumes the figure's clause after the comma)
            if figure.kind == "money" and re.search(r"[,;:]", between):
                continue  # "the 300 trillion rupiah loss, most of it environmental damage": a sum's
                # measure stands before it or right after it, not past a comma
            if framing.inclusion_markers is not None and framing.inclusion_markers.search(between) \
                    and not counts_a_subgroup(framing, sm, figure) \
                    and not (m.value in outcomes and share_aside(framing, sm, figure.end, m.start)):
                # "carrying 46 people, including the crew": the crew are a part of them; but "19
                # warga negara asing termasuk di antara korban tewas" are a part of the dead
                continue
        elif m.start >= figure.end and m.value in outcomes and _subject_outcome(framing, sm, figure, m):
            between = gap(text, figure.end, m.start)  # "Five members of a team sent to Libya after the
            # floods in Derna died": the verb of the clause the figure opens
        elif m.end <= figure.start and words(text, m.end, figure.start) - _date_words(sm, m.end, figure.start) \
                <= before_window:  # a date on the way dates the figure and takes no room ("kerugian negara pada 2023 Rp 5 triliun")
            between = gap(text, m.end, figure.start)
            if when_between(framing, text, m.end, figure.start) and not total_verb_before(framing, sm, figure):
                continue  # "760 luka-luka ketika ribuan orang mengerumuni truk": the crowd, not the hurt
            if framing.reason_link is not None and framing.reason_link.search(text, m.end, figure.start):
                continue  # "the toll could rise because dozens of people were still missing": the missing, not the dead
            if any(q.end <= m.start and words(text, q.end, m.start) <= before_window
                   and not re.search(r"[,;:]", text[q.end:m.start])  # "2.072 warga, sementara kapasitasnya 600"
                   and (not _has_own_measure(sm, q, m, before_window, (bare - framing.counted_things) | framing.people_counted)
                        # "Three crew members were killed and 19 people were still missing": the verb closes
                        # the three's clause, the joiner after it opens the 19's (but "two trains collided and
                        # killed 12" joins the verb to the 12)
                        or _closes_clause(framing, text, q, m, figure))
                   # (not one counting what met in the happening: "dua kereta bertabrakan dan
                   # menewaskan 156 orang", "two trains collided and killed 12": the dead are the 156's)
                   and not any(i.start >= q.end and words(text, q.end, i.start) <= 1 for i in sm.incidents)
                   for q in sm.quantities if q is not figure and not q.rule.startswith("reading:")):
                continue  # "8 people lost their lives and 2,750 others were hurt": the 8's
            if "," in between and counted_noun(framing, sm, figure) is not None:
                continue  # "menyita aset para tersangka, antara lain lima smelter": the smelters it counts
        else:
            continue
        lo, hi = (figure.end, m.start) if m.start >= figure.end else (m.end, figure.start)
        aside = share_aside(framing, sm, lo, hi) if m.start >= figure.end and m.value in outcomes else None
        if aside is not None:  # "20 people, including three children, died": the share is no rival figure
            between = text[lo:aside[0]] + " " + text[aside[1]:hi]
        things = [q for q in sm.quantities if lo <= q.start and q.end <= hi and _counts_things(framing, sm, q)]
        if any(not text[q.end:m.start].strip() for q in things):
            continue  # "75 korban di tujuh rumah sakit": the hospitals are the seven's, not the 75's
        for q in things:  # "1.200 jiwa dari 300 KK mengungsi": households or places qualify the people
            between = between.replace(q.text, " ")
        for d in _dates_within(sm, lo, hi):
            between = between.replace(sm.text[d.start:d.end], " ")
        # the age of those counted, told between them and their outcome, describes them and counts no one: "Two men
        # aged 70 died", "Dua pria berusia 70 tahun tewas" (never past a comma or a clause: "killed 12; a 70-year-old")
        ages = [q for q in sm.quantities if m.start >= figure.end and lo <= q.start and q.end <= hi
                and q.rule.startswith("reading:age") and not re.search(r"[,;:()]", text[lo:hi])]
        for q in ages:
            between = between.replace(q.text, " ")
        joined = [q for q in sm.quantities if q is not figure and _joined_group(framing, text, figure, q, m)]
        for q in joined:  # "10 siswa dan 1 guru yang dilarikan": the second group's figure shares the clause
            between = between.replace(q.text, " ")
        if re.search(r"[;:()]|\d", drop_abbreviations(between)):  # another figure or a clause in between
            continue
        if m.end <= figure.start and any(c.start >= m.end and not text[m.end:c.start].strip() for c in sm.attribution):
            continue  # "Survivors said it carried 40 people": who tells it, not what is counted
        if any(q is not figure and lo <= q.start and q.end <= hi and q not in things and q not in joined and q not in ages
               and not (aside and aside[0] <= q.start < aside[1]) for q in sm.quantities):
            continue  # a figure in words between: "killed nine people and wounded nearly 3,000"
        near.append(m)
    if total_verb_before(framing, sm, figure):
        clause_start, _ = clause_of(framing, text, figure.start)
        # a reading on the way is no other figure ("korban meninggal akibat gempa magnitudo 5,6
        # ... bertambah menjadi 268"), and its own word is no measure of this one
        readings = [q for q in sm.quantities if q.rule.startswith("reading:")]
        masked = text
        for q in readings:
            masked = masked[:q.start] + " " * (q.end - q.start) + masked[q.end:]
        # ... nor is a date naming the happening ("the number of bodies recovered after the February 7
        # flash flood rose to 62", "jumlah jenazah setelah banjir bandang 7 Februari bertambah menjadi 62")
        for d in _dates_within(sm, clause_start, figure.start):
            masked = masked[:d.start] + " " * (d.end - d.start) + masked[d.end:]
        read = {q.rule.split(":", 1)[1] for q in readings}
        near += [m for m in sm.measures if clause_start <= m.start and m.end <= figure.start and m.value not in read
                 and not re.search(r"[\d;:!?]|\.\s", gap(masked, m.end, figure.start)) and m not in near
                 and m.text.casefold() not in framing.verb_only_cues]  # "rescue teams ..., bringing the number to seven"
    if not near:
        return None
    # a cue touching the figure that the rules rank above every outcome near it wins: "a girl
    # of eight" among those killed is an age, "an 11-year-old boy" too
    touching = [m for m in near if not _DESIGNATION.sub("", text[figure.end:m.start] if m.start >= figure.end
                                                     else text[m.end:figure.start]).strip(" -")]  # "seven M4 rifles"
    ranked = [priority.index(m.value) for m in near if m.value in outcomes]
    top = [m for m in touching if priority.index(m.value) < min(ranked, default=len(priority))]
    if top:
        return min(top, key=lambda m: priority.index(m.value))
    things = [m for m in near if m.start >= figure.end and m.value in framing.counted_things
              and (_QUALIFIED.fullmatch(text, figure.end, m.start)  # "dozens of motorcycles" too
                   or " ".join(text[figure.end:m.start].split()).casefold() in framing.after_links)]
    if things:
        return things[0]  # "10 provinces", "five South Asian countries": places, never the dead after them
    adjacent = [m for m in near if m.start >= figure.end and not text[figure.end:m.start].strip()
                and m.value not in outcomes and m.value not in bare]
    befallen = adjacent and adjacent[0].value in framing.people_counted and any(
        m.value in outcomes and m.end <= figure.start and not text[m.end:figure.start].strip() for m in near)
    if adjacent and not befallen and not any(m.value in outcomes and m.start >= figure.end for m in near):
        return adjacent[0]  # (but "killed four soldiers" counts the dead among the soldiers)  # "jenazah tersebar di delapan rumah sakit" counts hospitals
    # outcomes ("tewas", "killed or wounded") outrank the nouns they follow, in file order;
    # among counted nouns the nearest wins ("satu batalion tentara" counts battalions)
    def span(m: Mention) -> str:
        return gap(text, figure.end, m.start) if m.start >= figure.end else gap(text, m.end, figure.start)
    # an outcome in the figure's own clause outranks one past a comma that tells of some of them
    # ("104 students survived the collapse, most of them with injuries": survivors, not the injured);
    # the noun the figure counts is no such outcome ("Four crew members, all Indonesians, were rescued")
    # a sentence end inside a quote the segmenter keeps whole ("... 80 orang dalam keadaan selamat.
    # Sebagian dari mereka mengalami luka") puts an outcome past it in another sentence: always behind
    def ended(between: str) -> bool:
        return bool(re.search(r"[.!?…]\s", between))
    unbroken = any(m.value in outcomes and "," not in span(m) and not ended(span(m)) and span(m).strip()
                   for m in near)

    def rank(m: Mention) -> tuple:
        distance = m.start - figure.end if m.start >= figure.end else figure.start - m.end
        if m.value in outcomes:
            # an outcome across a comma belongs to the next figure of a list ("luka ringan
            # 260 orang, luka berat 39 orang"); with no figure after it the comma closes an
            # appositive ("Two crew members, a man and a woman, were rescued")
            between = gap(text, figure.end, m.start) if m.start >= figure.end else gap(text, m.end, figure.start)
            aside = share_aside(framing, sm, figure.end, m.start) if m.start >= figure.end else None
            if aside is not None:  # "104 passengers, among them 17 injured, had been rescued and 16 gunmen killed":
                # the commas of a share set off between the figure and its outcome close no list
                between = gap(text, figure.end, aside[0]) + " " + gap(text, aside[1], m.start)
            listed = m.start < figure.end or any(q is not figure and q.start >= m.end for q in sm.quantities)
            return (0, ended(between) or ("," in between and (listed or unbroken)), priority.index(m.value), distance)
        return (1, distance, priority.index(m.value))
    return min(near, key=rank)


# characters between a share and its whole: more than any share link ("out of the") with its
# spaces; a longer stretch is no link phrase, whatever its words
SHARE_REACH = 64


_NOUN_AFTER = re.compile(r"(?:-|\s+)([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\s*$")


def numbered(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether a figure is a number a numbering word gives ("nomor urut 2", "Gate 13"): it counts nothing."""
    before = _WORD_BEFORE.search(sm.text, max(0, figure.start - 40), figure.start)
    return bool(before and before.group(1).casefold().rstrip(".") in framing.numbering_words)


def left_out(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether a figure is what a count left out ("the official tally missed tens of thousands of
    job losses", "data itu tidak mencatat sekitar 5.000 korban"): the gap between two counts, no
    reading of the measure."""
    table = framing.omission_verbs
    return table is not None and any(
        e <= figure.start and words(sm.text, e, figure.start) <= 2 and not re.search(r"[,;:()]", sm.text[e:figure.start])
        for _, e, _, _ in table.find(sm.text[:figure.start]))


def restating(framing, sm: SentenceMentions, earlier: Mention, figure: Mention) -> bool:
    """Whether a percent restates the figure just before it as a share ("96.2 million votes, or
    58.6%", "96.214.691 suara atau 58,59 persen"): a few words and a restating link between."""
    gap = sm.text[earlier.end:figure.start]
    return framing.restating is not None and len(re.findall(r"[\w'’-]+", gap)) <= 4 \
        and bool(framing.restating.search(gap))


def counted_noun(framing, sm: SentenceMentions, figure: Mention) -> Mention | None:
    """The noun right after a figure no measure claims, as the measure "count" ("19 members",
    "a 124-page report", "233 rekaman video", "152 WNI"): a lower-case word or an acronym, and the
    lower-case word after it ("kendaraan taktis"); None after a numbering word ("Gate 13") or
    before a word that counts nothing ("12 of them")."""
    if framing.counted_shape is None or figure.value.low == 1 == figure.value.high:
        return None  # "one" is mostly an article: "satu arah", "one side"
    before = _WORD_BEFORE.search(sm.text, max(0, figure.start - 40), figure.start)
    if before and before.group(1).casefold().rstrip(".") in framing.numbering_words:
        return None
    if before and before.group(1)[0].isupper() and sm.text[:before.start()].strip():
        return None  # a name's number ("KM Express Cantika 77", "Apollo 11"), or a title-case headline
    m = _NOUN_AFTER.match(sm.text, figure.end)
    if not m:
        return None
    head, tail = m.group(1), m.group(2)
    if head.casefold() in framing.not_counted:
        return None
    if sm.text[figure.end] == "-":  # "a 124-page report": a compound, its head alone
        return Mention("measure", head, m.start(1), m.end(1), "count", "counted_noun") if head.islower() else None
    ends = [m.end(2)] if tail and tail.islower() and tail.casefold() not in framing.not_counted else []
    for end in ends + [m.end(1)]:  # the noun and the word after it ("kendaraan taktis"), else the noun
        if framing.counted_shape.fullmatch(" ".join(sm.text[m.start(1):end].split())):
            return Mention("measure", sm.text[m.start(1):end], m.start(1), end, "count", "counted_noun")
    return None


# what may stand between a figure and the noun of the things it counts: a name's words ("five South Asian countries")
_QUALIFIED = re.compile(r"\s*(?:(?-i:[A-Z])[\w-]*\s+){0,2}")


def _counts_things(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A figure right before a noun of the things it counts ("300 KK", "three hospitals", "five
    South Asian countries")."""
    return any(m.value in framing.counted_things and m.start >= figure.end and _QUALIFIED.fullmatch(sm.text, figure.end, m.start)
               for m in sm.measures)


def share_pairs(framing, sm: SentenceMentions) -> dict[tuple[int, int], Mention]:
    """(start, end) of each share -> the figure it is a share of: "124 dari 125", "four of the
    19", "2 out of 10". Only a link phrase stands between them, so a share's whole is the next
    figure: one pass over the sentence's figures."""
    figures = sorted(sm.quantities, key=lambda q: q.start)
    pairs = {}
    for share, whole in zip(figures, figures[1:]):
        between = sm.text[share.end:whole.start].strip()
        if len(between) <= SHARE_REACH and any(
                s == 0 and e == len(between) for s, e, _, _ in framing.share_links.find(between)):
            pairs[(share.start, share.end)] = whole
    return pairs


def counts_regions(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure counts the regions a happening spread over, between a link and a region
    noun (framing `many_regions_*`: "di sembilan negara bagian", "across 22 provinces")."""
    many = framing.many_regions
    if many is None:
        return False
    text = sm.text[:figure.start] + "2" + sm.text[figure.end:]  # (a figure in words read as one in digits)
    return any(m.start() <= figure.start < m.end() for m in many.finditer(text))


def total_verb_before(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A total verb ends right before the figure (a hedge word may stand between), or opens it
    as its hedge ("has climbed past 5,200", "kini menembus 5.200"), or the figure is the level a
    change verb reached ("bertambah hingga 125", read so by the number rules)."""
    if any(s == 0 for s, _, _, _ in framing.total_verbs.find(figure.text)) \
            or reached_level(figure):
        return True
    if counts_regions(framing, sm, figure):
        return False  # "tercatat di 22 provinsi", "recorded in nine states": how many regions, no new level
    head = words_before(sm.text, figure.start, framing.window("cue_before"))
    for s, e, _, _ in framing.total_verbs.find(head):
        if len(re.findall(r"[\w'’-]+", head[e:])) <= 1 and not re.search(r"[,;:.!?]", head[e:]):
            return True
    return False


def sum_word_before(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A word of a sum ends right before the figure ("a total of 188", "total 189 orang",
    "in all 46"), a hedge word at most between."""
    head = words_before(sm.text, figure.start, framing.window("cue_before"))
    return any(len(re.findall(r"[\w'’-]+", head[e:])) <= 1 and not re.search(r"[,;:.!?]", head[e:])
               for s, e, _, _ in framing.sum_words.find(head))


def elliptical(text: str, figure: Mention) -> bool:
    """A figure that ends its clause with nothing counted after it: the measure of the figure
    before it is understood ("X said 3,000 had died, Y said 150"; "naik dari 125 menjadi 131")."""
    return bool(re.match(r"\s*(?:[,;.!?)\]\"”’]|$)", text[figure.end:]))


def after_earlier_cue(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether an earlier cue stands right before the figure ("rose to 179, up from 85",
    "menjadi 179 dari sebelumnya 85"): the count before the one just given, in its measure."""
    head = words_before(sm.text, figure.start, framing.window("cue_before"))
    return any(_adjacent(head[e:]) for s, e, _, _ in framing.earlier_cues.find(head))


def _adjacent(between: str) -> bool:
    """At most one word and no punctuation between a cue and a figure."""
    return len(re.findall(r"[\w'’-]+", between)) <= 1 and not re.search(r"[,;:.!?()]", between)


def when_between(framing, text: str, start: int, end: int) -> bool:
    """Whether a conjunction of time (framing `when_links`: "as", "when", "ketika") opens a
    clause between two points of a sentence."""
    if framing.when_link is None:
        return False
    for m in framing.when_link.finditer(text, start, end):
        word = m.start() + len(m.group()) - len(m.group().lstrip())
        if word and (text[word - 1].isalnum() or text[word - 1] in "-'’"):
            continue
        following = re.match(r"[\w'’-]+", text[m.end():end])
        if following is not None and following.group().casefold() in framing.determiners:
            continue  # "korban tewas saat ini 50 orang": "now", no clause of its own
        return True
    return False


def site_share(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure's clause counts one site's share, or those still in care (framing
    `site_share`): a share whether or not the article gave the whole."""
    site = getattr(framing, "site_share", None)
    if site is None:
        return False
    lo, hi = clause_of(framing, sm.text, figure.start)
    return site.search(sm.text, lo, hi) is not None


def role_of(framing, sm: SentenceMentions, figure: Mention) -> str:
    """total | part | increment | besides | others: what a figure is of the fact it counts."""
    text = sm.text
    head = words_before(text, figure.start, framing.window("cue_before"))
    tail = words_after(text, figure.end, framing.window("cue_after"))
    if site_share(framing, sm, figure):
        # before the total verbs: "Sebanyak 18 korban luka dirawat di Skopje" is one city's
        # share, whatever word ("sebanyak", "a total of") introduces the figure
        return "part"  # "the hospital had received 161 wounded": one hospital's share
    new = framing.new_after
    if new is not None and any(_adjacent(tail[:s]) for s, e, _, _ in new.find(tail)):
        return "increment"  # "recorded 12 new deaths", "tercatat 12 kematian baru": the day's additions
    if total_verb_before(framing, sm, figure):
        return "total"  # "bertambah menjadi 12": the new total
    if any(_adjacent(head[e:]) for s, e, _, _ in framing.increment_before.find(head)):
        return "increment"
    if any(_adjacent(head[e:]) for s, e, _, _ in framing.besides_before.find(head)):
        return "besides"  # "another 982": more of a measure given before, else a figure of its own
    if any(_adjacent(tail[:s]) for s, e, _, _ in framing.increment_after.find(tail)):
        return "increment"
    if any(len(re.findall(r"[\w'’-]+", tail[:s])) <= 2 for s, _, _, _ in framing.besides_after.find(tail)) \
            and not counts_a_subgroup(framing, sm, figure):
        return "others"  # "Tiga jenazah lainnya ...": perhaps more of the toll before (not "empat lainnya WNA")
    if framing.running_total_links is not None and _carried_into_total(framing, sm, figure):
        return "increment"  # "pulled 14 bodies from the mud, bringing the toll to 21": the 14 were added
    if any(not when_between(framing, text, e, figure.start) for _, e, _, _ in framing.part_markers.find(text[:figure.start])):
        return "part"  # "Dari jumlah itu, 34 orang ...": a share of the figure before (not "most of the
        # victims died in a crush as thousands of people rushed at the trucks": the crowd of another clause)
    whole = getattr(framing, "whole_before", None)
    if whole is not None and whole.search(text, 0, figure.start):
        return "part"  # "Dari 199 jemaah yang wafat, 72 orang ...": a share of the whole named first
    if appended_breakdown(framing, sm, figure):
        return "part"  # "13 people had been killed, eight civilians and five soldiers": the toll's groups
    if joined_share(framing, sm, figure):
        return "part"  # "14 di antaranya warga sipil dan satu tentara": the next group of the same toll
    later = [q.start - figure.end for q in sm.quantities if q.kind == "quantity" and q.start >= figure.end]
    if any(len(re.findall(r"[\w'’-]+", tail[:s])) <= 1 and "," not in tail[:s]
           and not any(0 <= at - e and not re.findall(r"[\w'’-]+", text[figure.end + e:figure.end + at]) for at in later)
           for s, e, _, _ in framing.part_markers.find(tail)):
        # "dua di antaranya", "two of them"; not "killed 31 people, including seven children", nor
        # a marker opening the next figure ("killed 20 people, among them three tourists")
        return "part"
    return "total"


def joined_share(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure, naming one of the share groups, is joined right after a share of a toll
    that names one ("14 di antaranya warga sipil dan satu tentara", "14 of them civilians and one
    a soldier"): another share of the same toll, not a count of its own."""
    if framing.share_groups is None or framing.group_then_joiner is None or not share_group(framing, sm, figure):
        return False
    before = [q for q in sm.quantities if q.kind == "quantity" and q.end <= figure.start]
    if not before:
        return False
    prev = max(before, key=lambda q: q.start)
    between = sm.text[prev.end:figure.start]
    for s, e, _, _ in sorted(framing.part_markers.find(between), reverse=True):
        between = between[:s] + between[e:]
    return framing.group_then_joiner.fullmatch(re.sub(r"\s+", " ", between)) is not None \
        and share_group(framing, sm, prev) is not None and role_of(framing, sm, prev) == "part"


def appended_breakdown(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure stands in a list of groups set by a comma after a figure before it, each
    of the list's figures naming one of the share groups: "13 people had been killed, eight
    civilians and five soldiers", "23 orang tewas, 14 warga sipil dan sembilan tentara": a
    breakdown of the figure before, each a share (not "sent 2,000 troops and 12 were killed")."""
    if framing.share_groups is None or framing.group_then_joiner is None:
        return False
    figures = sorted((q for q in sm.quantities if q.kind == "quantity"), key=lambda q: q.start)
    if figure not in figures:
        return False
    i = figures.index(figure)
    joined = lambda a, b: framing.group_then_joiner.fullmatch(sm.text[a.end:b.start]) is not None  # noqa: E731
    lo = i
    while lo > 0 and joined(figures[lo - 1], figures[lo]) and share_group(framing, sm, figures[lo - 1]):
        lo -= 1
    hi = i
    while hi + 1 < len(figures) and joined(figures[hi], figures[hi + 1]) and share_group(framing, sm, figures[hi + 1]):
        hi += 1
    if lo == hi or lo == 0 or not all(share_group(framing, sm, q) for q in figures[lo:hi + 1]):
        return False
    between = sm.text[figures[lo - 1].end:figures[lo].start]
    # the whole right before, its clause closed by the comma and counting something the list breaks down
    return re.search(r",\s*$", between) is not None and not re.search(r"[;:()]", between) \
        and any(figures[lo - 1].end <= m.start < figures[lo].start for m in sm.measures)


def _carried_into_total(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A link to a new total stands after the figure, with no other figure before it and the
    total's figure after it."""
    later = sorted((q for q in sm.quantities if q.kind == figure.kind and q.start >= figure.end), key=lambda q: q.start)
    if not later:
        return False
    return bool(framing.running_total_links.find(sm.text[figure.end:later[0].start]))


def counts_a_subgroup(framing, sm: SentenceMentions, figure: Mention, actors=None) -> bool:
    """Whether the figure counts a group among those its measure counts ("40 dewasa",
    "seven children"): the word right after it is a subgroup noun, or one after a link ("98 korban
    tewas adalah perempuan", "and 101 were women"); or people of one country ("13 pekerja asal
    China", "four Chinese nationals"), whose name a state's mention starts."""
    if framing.subgroup is not None and framing.subgroup.match(sm.text, figure.end) is not None:
        return True
    if framing.subgroup_link is not None and framing.subgroup_link.match(sm.text, figure.end) is not None:
        return True
    if age_bound(framing, sm, figure) is not None:  # "50 of the dead were under 18"
        return True
    found = framing.national.match(sm.text, figure.end) if framing.national is not None and actors else None
    if found is None:
        return False
    groups = found.groupdict()
    at = found.start("state") if groups.get("state") else found.start("demonym")
    # (the state's mention may be gone from the sentence's actors: "Chinese nationals" speak for no state)
    return any(a.start == 0 and actors.role(a.value) == "state" for a in actors.find(sm.text[at:]))


def age_bound(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The group an age bound a few words after the figure, in its clause, names ("at least 50 of the
    dead were under 18", "12 di antaranya berusia di bawah 16 tahun": children), or None."""
    groups = getattr(framing, "age_bound_groups", ())
    if not groups:
        return None
    _, end = clause_of(framing, sm.text, figure.start)
    later = sorted((q for q in sm.quantities if figure.end <= q.start < end), key=lambda q: q.start)
    if not later or later[0].rule != "reading:age" \
            or words(sm.text, figure.end, later[0].start) > framing.window("share_group") + 1:
        return None
    return next((group for group, bound in groups if bound.search(sm.text[figure.end:later[0].start])), None)


def group_right_after(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The share group named right after the figure ("Three soldiers were aboard", "12 anak-anak berada
    di kapal"), or None."""
    if framing.share_groups is None:
        return None
    _, end = clause_of(framing, sm.text, figure.start)
    for start, _, group, _ in framing.share_groups.find(sm.text[figure.end:end]):
        return group if words(sm.text, figure.end, figure.end + start) == 0 else None
    return None


def share_group(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The group a share of a toll counts, named after its figure in its clause before the next
    figure ("including nine civilians", "tujuh di antaranya warga sipil", "two of them children"),
    or None when it names none of the rules' groups."""
    if framing.share_groups is None:
        return None
    bounded = age_bound(framing, sm, figure)
    if bounded is not None:
        return bounded
    _, end = clause_of(framing, sm.text, figure.start)
    end = min([end, *(q.start for q in sm.quantities if q.start >= figure.end)])
    for start, _, group, _ in framing.share_groups.find(sm.text[figure.end:end]):
        return group if words(sm.text, figure.end, figure.end + start) <= framing.window("share_group") else None
    return None


def excluded_group(framing, sm: SentenceMentions, figure: Mention) -> str | None:
    """The group a whole toll counts when its clause names, a few words after its figure, those it
    leaves out ("13 orang, tidak termasuk para pelaku", "18 people, not counting the six bombers"):
    the toll among the rest, or None."""
    if not framing.excluded_groups:
        return None
    _, end = clause_of(framing, sm.text, figure.start)
    tail = sm.text[figure.end:max(end, figure.end)]
    for group, pattern in framing.excluded_groups:
        found = pattern.search(tail)
        if found is not None and words(sm.text, figure.end, figure.end + found.start()) <= framing.window("share_group"):
            return group
    return None


def nationals_listed(sm: SentenceMentions, figure: Mention, actors, home: str | None) -> bool:
    """Whether the figure is one state's count in a list of states' counts of a happening in another
    state ("India recorded 2,711 deaths in Qatar, Nepal 1,641, Bangladesh 1,018"): each state's
    nationals among the dead, a share, as "four Chinese nationals" is. Two figures at least stand
    right after a state's name; the list's first may stand a few words after its state ("India
    recorded 2,711"). The happening's own state names a place, not a people ("Turkey 41,000")."""
    def state_before(q: Mention, reach: int) -> str | None:
        named = [a for a in sm.actors if a.end <= q.start and words(sm.text, a.end, q.start) <= reach
                 and not re.search(r"[,;:()]", sm.text[a.end:q.start]) and actors.role(a.value) == "state"]
        return named[-1].value if named else None
    if home is None:
        return False
    figures = sorted((q for q in sm.quantities if q.kind == "quantity"), key=lambda q: q.start)
    paired = [q for q in figures if state_before(q, 0) not in (None, home)]
    if len(paired) < 2:
        return False
    if figure in paired:
        return True
    return figure.end <= paired[0].start and state_before(figure, 2) not in (None, home)


def recovered(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure counts the bodies brought out so far: a recovery cue beside it in its clause,
    with no other figure between ("Divers have recovered 41 bodies", "42 jenazah telah diangkat",
    "jumlah jenazah yang diangkat baru mencapai 55 orang")."""
    if framing.recovery_cues is None:
        return False
    clause_start, clause_end = clause_of(framing, sm.text, figure.start)
    n = framing.window("recovery_cue")
    others = [q for q in sm.quantities if q.kind == "quantity" and q is not figure]
    head = words_before(sm.text, figure.start, n)
    offset = figure.start - len(head)
    for s, e, _, _ in framing.recovery_cues.find(head):
        if offset + s >= clause_start and not any(offset + e <= q.start and q.end <= figure.start for q in others):
            return True
    tail = words_after(sm.text, figure.end, n + 1)
    for s, e, _, _ in framing.recovery_cues.find(tail):
        if figure.end + e <= clause_end and not any(figure.end <= q.start and q.end <= figure.end + s for q in others):
            return True
    return False


def earlier(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """Whether the figure is marked as a count its source has since replaced: an earlier cue
    in its clause before it ("laporan awal dinasnya menyebut 130", "initially put the toll at")."""
    clause_start, _ = clause_of(framing, sm.text, figure.start)
    head = words_before(sm.text, figure.start, framing.window("earlier_cue"))
    offset = figure.start - len(head)
    # a cue already spent on a figure between ("naik dari 50 menjadi 62": the 50, not the 62)
    between = [q.start for q in sm.quantities if q.kind == "quantity" and q.end <= figure.start]
    return any(offset + s >= clause_start and not any(offset + e <= at for at in between)
               for s, e, _, _ in framing.earlier_cues.find(head)) or after_new_total(framing, sm, figure)


_BEFORE_LINK = re.compile(r"(?P<noun>\s+[^\W\d][\w-]*)?\s+(?P<link>[^\W\d][\w-]*)\s+$")


def after_new_total(framing, sm: SentenceMentions, figure: Mention) -> bool:
    """A figure after a bare "from" that follows a new total ("cut the toll to 275 from 288",
    "naik menjadi 15 orang dari 9 orang"): the count the total replaced. The two count the same
    (nothing after the second, or the noun of the first): "sebanyak 50 orang dari 300 penumpang"
    is a share of a whole, not an earlier count."""
    pattern = framing.earlier_figure_after_total
    if pattern is None:
        return False
    for prev in sm.quantities:
        if prev.kind != "quantity" or prev.end > figure.start or figure.start - prev.end > 40:
            continue
        gap = _BEFORE_LINK.fullmatch(sm.text, prev.end, figure.start)
        if gap is None or not pattern.search(f"{gap['link']} {figure.text} ") \
                or not total_verb_before(framing, sm, prev):
            continue
        after = re.match(r"\s*([^\W\d][\w-]*)?", sm.text[figure.end:])
        noun_after = (after.group(1) or "").casefold()
        noun_before = (gap["noun"] or "").strip().casefold()
        if noun_after == noun_before or (not noun_after and elliptical(sm.text, figure)):
            return True
    return False


def modality(sm: SentenceMentions, framing, figure: Mention) -> str:
    """The figure's modality from the cues near it; a cue inside a body's name is the name's
    ("Dinas Kesehatan dan Keluarga Berencana": family planning, no plan)."""
    clause_start, _ = clause_of(framing, sm.text, figure.start)
    named = [m for m in sm.modality if not any(a.start <= m.start and m.end <= a.end for a in sm.actors)]
    cues = {m.value for m in named if clause_start <= m.start < figure.start
            and words(sm.text, m.end, figure.start) <= framing.window("modality_before")
            or (m.start >= figure.end and words(sm.text, figure.end, m.start) <= framing.window("modality_after"))}
    for name in ("forecast", "planned", "alleged", "estimate"):
        if name in cues:
            return name
    if "estimate" in figure.rule:
        return "estimate"
    return "actual"


def guessed_reach(sm: SentenceMentions, framing, figure: Mention, said: str, measure: str | None) -> str:
    """A toll guessed before it is counted is what it may come to, no reading of it: a forecast, compared with
    none. A plan of deaths is one ("there will certainly be several hundred dead"), so is a guess given only as
    an order of magnitude ("hundreds are feared to have died", "diperkirakan ratusan orang tewas"), and so is a
    higher figure going on from such a guess ("several hundred, perhaps close to a thousand, even several
    thousand"; framing `guessed_measures`, `guess_alternatives`)."""
    if measure is None or measure.split("/", 1)[0] not in framing.guessed_measures:
        return said
    if said == "planned" or (said == "estimate" and figure.rule.startswith("vague:")):
        return "forecast"
    if said in ("actual", "estimate") and framing.guess_alternatives is not None:
        before = [q for q in sm.quantities if q.end <= figure.start]
        if before and framing.guess_alternatives.fullmatch(sm.text[before[-1].end:figure.start]) \
                and guessed_reach(sm, framing, before[-1], modality(sm, framing, before[-1]), measure) == "forecast":
            return "forecast"
    return said


def without_possessors(text: str, actors: list[Mention]) -> list[Mention]:
    """Actors in order, less those that only own the next one: "Indonesia's National Police",
    "Lebanon's health ministry" name the police and the ministry."""
    out = []
    for i, a in enumerate(actors):
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        if nxt is not None and re.match(r"\s*['’]s\b", text[a.end:]) \
                and len(re.findall(r"[\w'’-]+", text[a.end:nxt.start])) <= 3:
            continue
        out.append(a)
    return out


def currency(figure: Mention) -> str | None:
    """The currency of a sum of money ("Rp 300 triliun": IDR), from the rule that read it."""
    _, found, code = figure.rule.rpartition("money:")
    return code.split("+")[0] if found and figure.kind == "money" else None


def role_after(framing, text: str, pos: int) -> bool:
    """Whether a person's role is the word right after `pos` ("Rescue 1122 spokesman"): the words
    before it name a body, whatever verb they look like."""
    m = re.match(r"\s+([\w'’-]+)", text[pos:])
    roles = framing.person_roles
    return m is not None and roles is not None and any(
        s == 0 and e == len(m.group(1)) for s, e, _, _ in roles.find(m.group(1)))

