"""The days of a happening a sentence names: the date that dates an incident's noun ("meledak pada
Selasa (17/9)", "Tuesday's attack"), a run of days or another wave of it, and the dates that date
something else (an as-of day, the day a fire was put out, a day after another clause's verb)."""
from __future__ import annotations

import re
from datetime import date

from checker.frame.wordspans import words, words_before
from checker.model import DateValue, Mention
from checker.recognise import SentenceMentions


def _days(sm: SentenceMentions, published: date | None, framing=None) -> list[date]:
    """Days a sentence dates something on, not counting as-of days ("per Senin", "as of
    Tuesday": when a figure was counted, not when the incident happened)."""
    return [d.value.day for d in sm.dates if d.value.grain == "day"
            and (published is None or d.value.day <= published)
            and not (framing is not None and (as_of_day(sm, d, framing) or ended_on(sm, d, framing)))]


def as_of_day(sm: SentenceMentions, d, framing) -> bool:
    """Whether a day is an as-of day ("as of Tuesday", "per Senin", "by late Sunday"): when a figure
    was counted, not when the happening was. A cue with a happening's noun between it and the day
    governs that noun ("followed by walkie-talkie blasts the next day"), not the day."""
    before = words_before(sm.text, d.start, framing.window("cue_before") // 2)
    offset = d.start - len(before)
    return any(not any(offset + end <= i.start and i.end <= d.start for i in sm.incidents)
               for _, end, _, _ in framing.as_of_cues.find(before))


def ended_on(sm: SentenceMentions, d, framing) -> bool:
    """Whether a day is when the happening ended ("brought the blaze under control in the early hours
    of Saturday", "api baru padam pada Sabtu dini hari"): a fire put out after midnight began the day before."""
    ends = getattr(framing, "end_cues", None)
    return ends is not None and bool(ends.find(words_before(sm.text, d.start, framing.window("cue_before") + 2)))


def _inside_name(text: str, incident: Mention) -> bool:
    """Whether an incident's word is capitalised between capitalised words in a sentence with a
    fair share of lower-case words: part of a name ("the Aviation Accident Investigation
    Subcommittee", "Subkomite Investigasi Kecelakaan Penerbangan"), no happening (a headline
    capitalising nearly every word is no such sentence)."""
    if not incident.text[:1].isupper():
        return False
    before = re.findall(r"[\w'’-]+", text[:incident.start])
    after = re.findall(r"[\w'’-]+", text[incident.end:])
    if not before or not after or not before[-1][:1].isupper() or not after[0][:1].isupper():
        return False
    tokens = re.findall(r"[^\W\d_][\w'’-]*", text)
    return 4 * sum(1 for t in tokens if t[:1].islower()) >= len(tokens)


def incident_dates(sm: SentenceMentions, types: set, published: date | None, framing) -> list:
    """The day mentions that date an incident of the sentence, nearest first: a date after
    the incident's noun ("the dam collapse on Sunday night", "meledak pada Selasa (17/9)") with
    no attribution, stance, figure or other incident between them, or one right before it
    ("Tuesday's attack", "the October 1, 2022 stampede") or before a when-clause it heads ("on
    Monday when a depot blew up"). A date governed by something else
    ("a report posted on Sunday", "the Red Crescent on Sunday rejected ...") dates that, and
    an as-of date ("Sampai Minggu malam") dates a count."""
    pairs = _incident_date_pairs(sm, types, _happening_dates(sm, published, framing), framing)
    return [d for _, _, d in sorted(pairs, key=lambda t: t[0])]


def _happening_dates(sm: SentenceMentions, published: date | None, framing) -> list[Mention]:
    return [d for d in sm.dates if dates_happening(d.value, framing) and (published is None or d.value.day <= published)
            and d.rule != "frame:after_incident"  # "the day after the sinking" is a day counted from it, not its own
            and not as_of_day(sm, d, framing) and not ended_on(sm, d, framing) and not after_happening(sm, d, framing)]


def after_happening(sm: SentenceMentions, d, framing) -> bool:
    """Whether a day is written out right after a span counted from a happening named there ("Dua hari
    setelah kecelakaan, Jumat (27/12), maskapai menyatakan ...", "Two days after the sinking, Wednesday,
    June 6, ..."): a day counted from the happening, never its own."""
    table, anchors = getattr(framing, "anchored_days", None), getattr(framing, "happening_anchors", ())
    if table is None or not anchors:
        return False
    return any(text.casefold() in anchors and end <= d.start and words(sm.text, end, d.start) <= 2
               and any(i.start >= end and i.end <= d.start for i in sm.incidents)
               for _, end, _, text in table.find(sm.text[:d.start]))


def dates_happening(value: DateValue, framing) -> bool:
    """Whether a date can be a happening's: a day, or a short run of days ("17-18 September",
    "between Oct. 21 and 25"); a longer one is a period, not a happening's days."""
    return value.grain == "day" or value.grain == "span" and value.last is not None \
        and (value.last - value.day).days <= framing.happening_days


def wave_dates(sm: SentenceMentions, types: set, published: date | None, framing, first: Mention) -> list[Mention]:
    """Other days of one happening a sentence names, each by a mention of its own ("pagers blew up
    on September 17, followed by walkie-talkies the next day", "disusul ledakan walkie-talkie
    keesokan harinya"): the date nearest each other mention of the happening, within the rules'
    `happening_days` of the first day."""
    nearest: dict = {}
    for gap, incident, d in _incident_date_pairs(sm, types, _happening_dates(sm, published, framing), framing):
        rank = (gap, d.start < incident.start)  # at equal distance the day after the noun is its own
        if incident.start not in nearest or rank < nearest[incident.start][0]:
            nearest[incident.start] = (rank, d)
    out = []
    for _, d in sorted(nearest.values(), key=lambda t: t[1].start):
        if d is not first and d.value.day != first.value.day and 0 < abs((d.value.day - first.value.day).days) \
                <= framing.happening_days and all(o.value.day != d.value.day for o in out):
            out.append(d)
    return out


def joined_last_day(sm: SentenceMentions, d: Mention, framing) -> date:
    """The last day of a happening dated by `d`: a run's end, or a later day joined to it ("on
    Tuesday and Wednesday", "pada Selasa dan Rabu") within the rules' `happening_days`."""
    last = d.value.end
    after = sorted((e for e in sm.dates if e.start >= d.end), key=lambda e: e.start)
    part = framing.day_part_after.match(sm.text, d.end) if framing.day_part_after is not None else None
    end = part.end() if part is not None else d.end  # "Minggu (31/12) malam dan Senin (1/1) dini hari"
    if after and after[0].value.grain == "day" and after[0].start >= end \
            and sm.text[end:after[0].start].strip(" ,").casefold() in framing.day_joiners \
            and 0 < (after[0].value.day - last).days <= framing.happening_days:
        return after[0].value.day
    return last


def _incident_date_pairs(sm: SentenceMentions, types: set, days: list, framing) -> list[tuple]:
    """(words between, incident, date) for each date that can date an incident of `types`."""
    # a reading of the incident itself ("gempa bermagnitudo 5,6 ... pada Senin") stands between nothing
    between_kinds = sm.attribution + sm.stances + [q for q in sm.quantities if not q.rule.startswith("reading:")]
    found = []
    for i in sm.incidents:
        if i.value not in types or any(a.start <= i.start and i.end <= a.end for a in sm.actors):
            continue  # "the disaster agency" names a body, not a happening
        if _inside_name(sm.text, i):
            continue  # "Kepala Subkomite Investigasi Kecelakaan Penerbangan KNKT": an office's name, no happening
        if i.value in framing.undated_incidents:
            continue  # a case that runs for years ("kasus korupsi timah") has no day a date beside it gives
        # "Anger over the disaster spread on Sunday": the incident is what a reaction is about, and a
        # day after it dates the reaction (the protests, the mourning), not the incident
        heads = getattr(framing, "reaction_heads", None)
        reacted = heads is not None and bool(heads.find(words_before(sm.text, i.start, 3)))
        for d in days:
            if d.start >= i.end:
                if reacted:
                    continue
                gap = words(sm.text, i.end, d.start)
                # (a figure right after the incident's verb is its object, no count the day dates:
                # "diduga menembak mati 18 orang di Lewiston pada Rabu malam")
                blocked = any(i.end <= m.start and m.end <= d.start and not (m in sm.quantities and not sm.text[i.end:m.start].strip())
                              for m in between_kinds) or any(
                    o is not i and i.end <= o.start and o.end <= d.start for o in sm.incidents) \
                    or _new_clause(sm.text, i.end, d.start, framing,
                                   () if _in_relative_clause(sm.text, i, framing) else [p.end for p in sm.places])
                if d.rule == "dates:holiday" and not sm.text[i.end:d.start].strip():
                    continue  # "tragedi Halloween di Itaewon": the occasion's name, not the day
                if not blocked and gap <= framing.window("event_date"):
                    found.append((gap, i, d))
            elif d.end <= i.start and words(sm.text, d.end, i.start) <= 2 \
                    and not _clause_between(sm.text, d.end, i.start, framing) \
                    and not _about(sm.text, d.end, i.start, framing) \
                    and not (framing.complementizer is not None and framing.complementizer.search(sm.text, d.end, i.start)) \
                    and not any(d.end <= m.start and m.end <= i.start for m in between_kinds):
                # (a reported clause's "that" ends the date's clause: "said on Tuesday that the quake ...")
                # ("visiting Israel on Wednesday, said the blast ...": the day is the visit's)
                if d.rule == "dates:holiday" and not sm.text[d.end:i.start].strip(" '’s"):
                    continue  # "the Halloween crowd crush": the occasion's name, not the crush's day
                found.append((words(sm.text, d.end, i.start), i, d))
            elif d.end <= i.start and framing.when_link is not None and framing.when_link.match(sm.text, d.end) \
                    and words(sm.text, d.end, i.start) <= framing.window("event_date") // 3 \
                    and not any(d.end <= m.start and m.end <= i.start for m in between_kinds + sm.incidents):
                # "were hurt on Monday when a fuel depot blew up", "pada Sabtu (1/10) saat ... ricuh"
                found.append((words(sm.text, d.end, i.start), i, d))
    return found


_AFTER_COMMA = re.compile(r",\s+([\w-]+)")


def _about(text: str, start: int, end: int, framing) -> bool:
    """Whether the words between a day and an incident after it open with what an act is about
    ("arrested six people on Thursday over the stampede", "ditangkap pada Kamis terkait tragedi itu"):
    the day is the act's."""
    links = getattr(framing, "about_links", None)
    between = text[start:end]
    return links is not None and any(not between[:s].strip(" ,") for s, _, _, _ in links.find(between))


def _clause_between(text: str, start: int, end: int, framing) -> bool:
    """Whether a comma and a word that neither links nor determines stand between a day and an
    incident after it: the day's clause has ended ("pada 3 Maret, disusul ledakan kedua"); a day
    opening the sentence ("The next day, blasts ...") or one the incident goes on from ("on
    Thursday, in an eruption that ...") still dates it."""
    between = text[start:end]
    if "," not in between:
        return False
    after = between[between.rindex(",") + 1:]
    return any(w.casefold() not in framing.relative_links and w.casefold() not in framing.determiners
               for w in re.findall(r"[^\W\d_][\w'’-]*", after))


def _in_relative_clause(text: str, incident: Mention, framing) -> bool:
    """An incident told in a relative clause ("passengers of the boat that capsized on Lake Victoria,
    Uganda, were still missing"): the verb after a place closing it is the main clause's, not the incident's."""
    pattern = getattr(framing, "relative_pronoun", None)
    return pattern is not None and pattern.search(text, max(0, incident.start - 12), incident.start) is not None


def _new_clause(text: str, start: int, end: int, framing, place_ends=()) -> bool:
    """Whether a comma between an incident's noun and a date opens another clause: a lower-case
    word after it that no relative link or preposition is ("... prevented the disaster,
    apologised in parliament on Tuesday"); a name ("Cianjur, West Java, on Monday"), a date or
    "which" go on with the incident, and so does the verb after a place set off by commas ("The
    blaze at the depot in Koja, North Jakarta, broke out on Friday": the place closes, the clause goes on)."""
    links = getattr(framing, "relative_links", frozenset())
    if not links:
        return False
    for found in _AFTER_COMMA.finditer(text, start, end):
        word = found.group(1)
        # (not a list of places going on: "Garut and Sumedang, West Java, and Brebes")
        closes_place = found.start() in place_ends and text.rfind(",", start, found.start()) >= 0 \
            and word.casefold() not in getattr(framing, "joint_links", frozenset())
        if word[:1].islower() and word.casefold() not in links and not closes_place:
            return True
    return False
