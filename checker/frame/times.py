"""Reference time: the day a figure holds "as of", not only the day its sentence mentions.

A date after an as-of cue ("per Minggu (2/10/2022) pukul 10.30", "hingga Senin malam", "as of
Tuesday") is the figure's reference day. A date that is the incident's own day ("in the riot on
Saturday night") says when it happened, not when it was counted: the publication day is the
reference then; so is a date that dates any incident the sentence names ("Tuesday's pager
explosions killed 12"). Dates after publication are plans and deadlines, never reference days."""
from __future__ import annotations
import re

from dataclasses import replace
from datetime import date, timedelta

from checker.frame.happening_days import as_of_day as _as_of, incident_dates
from checker.frame.settings import opens_count
from checker.frame.wordspans import words, words_before
from checker.model import DateValue, Mention
from checker.recognise import SentenceMentions


def reference_day(sm: SentenceMentions, framing, published: date | None,
                  event_day: date | None, narrative: date | None = None) -> date | None:
    """The sentence's as-of day, else the day its figure was told on, else its own day that is not the incident's, else the day the
    paragraph before set ("Pada Selasa (17/9) ... Sebanyak 9 orang tewas"), else publication."""
    days = _own_days(sm, framing, published)
    cutoff = as_of_day(sm, framing, published)
    if cutoff is not None:
        return cutoff
    for d in sm.dates:
        # "1.427 orang meninggal selama September hingga Desember 2017", "estimated 4,645 deaths from
        # Sept. 20 to Dec. 31, 2017": a count over a closed span of months, ended before the report,
        # holds as of the span's last day, not as of the day it was told (a happening's few days,
        # "pada 25 hingga 31 Agustus", are too short to be such a period)
        last = getattr(d.value, "last", None)
        if d.value.grain == "span" and last is not None and published is not None and last < published \
                and (last - d.value.day).days >= framing.window("counted_span_days") and sm.quantities:
            return last
    # "Tuesday's pager explosions killed 12", "ledakan pager pada Selasa": the day dates the
    # incident named, whatever day the article's main incident has
    incident_days = {id(d) for d in incident_dates(sm, {i.value for i in sm.incidents}, published, framing)}
    for d in days:
        if id(d) not in incident_days and _dates_speech(sm, d, framing):
            return d.value.day
    for d in days:
        if d.value.day != event_day and id(d) not in incident_days:
            return d.value.day
    if incident_days:
        # the sentence dates its incident itself, so the day the paragraphs before set is
        # that incident's too: the figure is told as of the report
        return published
    table = getattr(framing, "present_speech", None)
    if table is not None and any(s < a.end and a.start < e for s, e, _, _ in table.find(sm.text)
                                 for a in sm.attribution):
        return published  # "which Gaza's health ministry says killed 471": as of the report
    marks = framing.present_marks
    if marks is not None and published is not None and marks.find(sm.text) \
            and (narrative is None or (published - narrative).days > 1):
        # "On Thursday, the coroner said ... DNA tests have so far identified 52 of the victims" in Monday's
        # report: counted up to the report (a report of the morning after still tells the day before's count)
        return published
    if narrative is not None and published is not None and (published - narrative).days > framing.window("recalled_days"):
        # a day recalled from long ago ("on July 17, 2014" in a report of 2018) dates its own paragraph:
        # the next one's figures ("The victims included 196 Dutch citizens") are the report's final count
        return published
    return narrative or published


def _own_days(sm: SentenceMentions, framing, published: date | None) -> list[Mention]:
    return [d for d in sm.dates if d.value.grain == "day"
            and (published is None or d.value.day <= published) and not dates_earlier_figure(sm, d, framing)
            and not in_relative_clause(sm, d, framing)
            # "40 orang tewas sejak Senin (26/2)": the count runs from that day, told as of another
            and not opens_count(framing, sm.text, d, phrase=True)]


def as_of_day(sm: SentenceMentions, framing, published: date | None) -> date | None:
    """The day an as-of word gives the sentence's figures ("hingga Sabtu (27/4/2024)", "as of
    Monday"), or the last day of a running count's span an as-of word ends ("sejak awal tahun
    hingga Sabtu (17/8/2024)"); else None."""
    for d in _own_days(sm, framing, published):
        # (a date read with its preposition, "of Saturday, May 4", has its cue's last word inside it)
        inside = re.match(r"[a-z]+\b", d.text)
        head = words_before(sm.text, d.start + (inside.end() if inside else 0), framing.window("cue_before") // 2)
        if framing.as_of_cues.find(head):
            return d.value.day
    for d in sm.dates:
        # (not a happening's days, "pada 25 hingga 31 Agustus")
        last = getattr(d.value, "last", None)
        if d.value.grain == "span" and last is not None and (published is None or last <= published) \
                and framing.as_of_cues.find(d.text) and opens_count(framing, sm.text, d):
            return last
    return None


def sets_against(sm: SentenceMentions, d: Mention, framing) -> bool:
    """A day after an earlier figure a report sets the new one against, however far in its
    sentence ("naik dari 53.131 kasus dengan 404 kematian yang tercatat hingga Sabtu (23/3/2024)",
    "up from 88,593 cases and 621 deaths on April 27"): the earlier figure's day."""
    cue = getattr(framing, "earlier_figure", None)
    return cue is not None and any(
        any(m.end() <= q.start and q.end <= d.start for q in sm.quantities)
        for m in cue.finditer(sm.text, 0, d.start))


def trailing_tag_day(sm: SentenceMentions, d: Mention) -> bool:
    """A day after a speech cue with no figure between ("..., kata Imran dalam konferensi pers
    daring, Senin (29/4/2024)", "..., Imran said on Monday"): the day the words were said."""
    return any(cue.end <= d.start and not any(cue.end <= q.start < d.start for q in sm.quantities)
               for cue in sm.attribution)


def in_relative_clause(sm: SentenceMentions, d: Mention, framing) -> bool:
    """A date in a relative clause of its own, with no figure ("..., most of them at a tower that
    collapsed on Friday, officials said", "gedung yang runtuh pada Jumat"): it dates what the clause
    tells of, not when the sentence's figures were counted. "said that on Friday" is no such clause:
    a word must stand between the pronoun and the date."""
    pattern = getattr(framing, "relative_pronoun", None)
    if pattern is None:
        return False
    if framing.as_of_cues.find(words_before(sm.text, d.start, framing.window("cue_before") // 2)):
        return False  # "said that as of Saturday 145 were hurt": the as-of day of what was said
    start = max(sm.text.rfind(",", 0, d.start), sm.text.rfind(";", 0, d.start)) + 1
    if any(start <= q.start < d.start for q in sm.quantities):
        return False
    # (a clause telling of the telling dates the figure told: "menurut data yang dirilis Kamis (26/6)",
    # "figures that the ministry released on Thursday")
    return any(words(sm.text, m.end(), d.start) >= 1
               and not any(m.end() <= a.start and a.end <= d.start for a in sm.attribution)
               for m in pattern.finditer(sm.text, start, d.start))


def anchored(sm: SentenceMentions, framing, anchor: date | None, published: date | None,
             incident_day: date | None = None, figure_day: date | None = None) -> SentenceMentions:
    """A day counted from the day the text named last ("On September 17 ... The next day",
    "pada 17 September, disusul ... keesokan harinya"): that day plus the rule's offset, in
    place of the recognisers' reading from publication (or of no reading at all). A day counted
    from the happening itself ("the day after the sinking", "sehari setelah kapal tenggelam")
    counts from the happening's day."""
    table = getattr(framing, "anchored_days", None)
    found = table.find(sm.text) if table is not None else []
    fused = getattr(framing, "anchored_fused", None)
    fused_ends = set()
    if fused is not None:  # "Tiga hari pascagempa": counted from the happening the prefix is fused to
        for m in fused.finditer(sm.text):
            offsets = table.find(m.group(1))
            if offsets:
                found.append((m.start(), m.start() + len(m.group(1)), offsets[0][2], m.group(1)))
                fused_ends.add(m.start() + len(m.group(1)))
    if not found:
        return sm
    written = [d for d in sm.dates if d.value.grain == "day" and not getattr(d.value, "relative", False)]
    dates = list(sm.dates)
    for start, end, offset, text in found:
        if any(d.start >= end and words(sm.text, end, d.start) <= 2 for d in written):
            continue  # "Sehari kemudian, Rabu (18/9)": the day written out says it
        # ("pada 17 September, disusul ... keesokan harinya": a day read against publication counts too)
        before = [d for d in sm.dates if d.value.grain == "day" and d.end <= start and not d.rule.startswith("frame:")]
        base = max(before, key=lambda d: d.end).value.day if before else anchor
        if not before and int(offset) == 0 and figure_day is not None:
            base = figure_day  # "Namun, INEM pada hari yang sama menyebut 21": the day of the figure set against
        rule = "frame:anchored_day"
        if incident_day is not None and text.casefold() in getattr(framing, "happening_anchors", ()) \
                and (end in fused_ends or any(i.start >= end and words(sm.text, end, i.start) <= 2 for i in sm.incidents)):
            base, rule = incident_day, "frame:after_incident"  # "the day after the sinking": not the day named last
        if base is None:
            continue
        day = base + timedelta(days=int(offset))
        if published is not None and day > published:
            continue
        dates = [d for d in dates if not (d.start < end and start < d.end)]
        dates.append(Mention("date", text, start, end, DateValue(day, "day", relative=True), rule))
    return replace(sm, dates=sorted(dates, key=lambda d: d.start))


def dates_earlier_figure(sm: SentenceMentions, d, framing) -> bool:
    """A date right after the figure a report sets the new one against ("157 injured, up from
    151 a day earlier", "naik dari 149 orang pada Senin"): the earlier figure's day."""
    # ("rose to 15 on Tuesday from 9 on Monday": a bare "from" after a total verb)
    return _cued(sm, d, framing, "earlier_figure", "earlier_figure_after_total", 60, 60)


def _cued(sm: SentenceMentions, d, framing, cue_name: str, bare_name: str, reach: int, bare_reach: int) -> bool:
    """A framing cue ends within `reach` characters before the date, or a bare word ("from",
    "dari") within `bare_reach` after a total verb of the sentence does."""
    cue = getattr(framing, cue_name, None)
    if cue is not None and cue.search(sm.text, max(0, d.start - reach), d.start) is not None:
        return True
    bare = getattr(framing, bare_name, None)
    found = bare.search(sm.text, max(0, d.start - bare_reach), d.start) if bare is not None else None
    return found is not None and any(e <= found.start() for _, e, _, _ in framing.total_verbs.find(sm.text[:found.start()]))


# the grains of a date that dates an earlier figure: a day, or a month a survey or a report is of
# ("from 8.57% in September", "dari September 2024 yang sebesar 8,57 persen")
_EARLIER_GRAINS = ("day", "month")


def earlier_figure_day(sm: SentenceMentions, framing, figure: Mention) -> date | None:
    """The day of a figure a report sets the new one against, written right after it ("up from
    151 on Tuesday", "naik dari 151 orang pada Selasa (1/11)", "from 8.57% in September"), or
    right before it after the cue ("dari September 2024 yang sebesar 8,57 persen")."""
    for d in sm.dates:
        if d.value.grain in _EARLIER_GRAINS and d.start >= figure.end \
                and (words(sm.text, figure.end, d.start) <= 2 or _joined_by_link(sm.text[figure.end:d.start], framing)) \
                and dates_earlier_figure(sm, d, framing):
            return d.value.end  # a month's figure holds as of its end, as a past period dates it
        if d.value.grain in _EARLIER_GRAINS and d.end <= figure.start and words(sm.text, d.end, figure.start) <= 2 \
                and not any(d.end <= q.start < figure.start for q in sm.quantities) \
                and _earlier_date_cue(sm, d, framing):
            return d.value.end
    return None


def own_speech_day(sm: SentenceMentions, framing, published: date | None, figure: Mention) -> date | None:
    """The day of the telling a figure follows, in a sentence that dates two tellings on different
    days ("the commission said on Monday that 39 had died, ... the president, who said on Sunday that
    19 had died"; "Komisi itu menyebut pada Senin 39 orang tewas, sementara presiden pada Minggu
    menyebut 19 orang"): each figure holds as of its own speaker's day."""
    told = [d for d in sm.dates if d.value.grain == "day" and (published is None or d.value.day <= published)
            and _dates_speech(sm, d, framing)]
    if len({d.value.day for d in told}) < 2:
        return None
    before = [d for d in told if d.end <= figure.start]
    return max(before, key=lambda d: d.end).value.day if before else None


# periods a telling may be dated by when its sentence names no day ("In April, ...")
_TOLD_PERIODS = ("week", "month", "part")


def told_period(sm: SentenceMentions, framing, published: date | None, cues: list[Mention]) -> DateValue | None:
    """The past week or month that dates a stance whose sentence names no day: a
    period opening the sentence ("In April, Pyongyang confirmed", "Bulan lalu, Korut membantah"),
    right before the cue ("Minsk last month denied") or right after it, closing the clause
    ("denied last month that ..."). A period after it inside the proposition ("denied sending
    troops in April") dates what is denied, one in a clause between ("Israel's military, locked
    in hostilities since last October, gave no response") that clause's, and one still running
    at publication ("this month") is the news day's."""
    if published is None or not cues:
        return None
    first, last = min(c.start for c in cues), max(c.end for c in cues)
    for d in sm.dates:
        if d.value.grain not in _TOLD_PERIODS or d.value.end >= published:
            continue
        if d.end <= first and (words(sm.text, 0, d.start) <= 1 or not sm.text[d.end:first].strip()):
            return d.value
        after = sm.text[d.end:d.end + 12]
        if d.start >= last and words(sm.text, last, d.start) <= 1 and (
                not after.strip(" .") or after.lstrip()[:1] in ",;"
                or framing.complementizer is not None and framing.complementizer.match(after.lstrip())):
            return d.value
    return None


def _joined_by_link(between: str, framing) -> bool:
    """An earlier count of two figures joined by a link word (framing `joint_links`): "up from 206
    [cases and 99 deaths] two days earlier"."""
    m = re.fullmatch(r"(?:\s+[\w-]+){0,2}\s+([\w-]+)\s+\d[\d.,]*%?(?:\s+[\w-]+){0,2}\s+", between)
    return m is not None and m.group(1).casefold() in framing.joint_links


def own_period_day(sm: SentenceMentions, figure: Mention) -> date | None:
    """The end of the month written right after a figure in a sentence that names several months
    ("naik dari 6,66 persen pada September 2024 menjadi 6,73 persen pada Maret 2025", "rose to
    6.73% in March from 6.66% in September"): each figure holds as of its own period."""
    months = [d for d in sm.dates if d.value.grain == "month"]
    if len(months) < 2:
        return None
    for d in months:
        if d.start >= figure.end and words(sm.text, figure.end, d.start) <= 1 \
                and not re.search(r"[,;:()]", sm.text[figure.end:d.start]):
            return d.value.end
    return None


def recalled_day(sm: SentenceMentions, framing, published: date | None, recalled: bool) -> date | None:
    """The one past day a sentence names for a count it recalls as since replaced ("On Monday night the
    operator had put the number of injured at 22", "Laporan awal pada Senin menyebut 130"): that count's
    day, even when it is the happening's own day."""
    if not recalled:
        return None
    # (not the cut-off of the newer count: "1.200 kasus hingga Minggu (2/6/2024), naik dari 700 kasus ...")
    days = {d.value.day for d in sm.dates if d.value.grain == "day" and d.value.day is not None
            and (published is None or d.value.day < published) and not _as_of(sm, d, framing)}
    return days.pop() if len(days) == 1 else None


def own_day(sm: SentenceMentions, framing, published: date | None, figure: Mention) -> date | None:
    """The day written just after a figure in a sentence that gives several figures on different days
    ("menangkap enam orang pada Kamis (4/7) ..., dan sembilan orang pada Sabtu (6/7)", "six were arrested
    on Thursday and nine on Saturday"): each figure holds as of its own day, not the sentence's last."""
    days = [d for d in sm.dates if d.value.grain == "day" and d.value.day is not None
            and (published is None or d.value.day <= published)]
    if len({d.value.day for d in days}) < 2 or sum(q.kind == "quantity" for q in sm.quantities) < 2:
        return None
    for d in days:
        if d.start >= figure.end and words(sm.text, figure.end, d.start) <= framing.window("figure_day") \
                and not any(figure.end <= q.start < d.start for q in sm.quantities) \
                and not any(figure.end <= i.start and i.end <= d.start for i in sm.incidents) \
                and not in_relative_clause(sm, d, framing):
            return d.value.day  # (not "934 injured in the disaster on Thursday": the disaster's day)
    return None


def _earlier_date_cue(sm: SentenceMentions, d, framing) -> bool:
    """An earlier-figure cue right before a date ("dibandingkan September 2024", "turun ... dari
    September 2024"): the figure after the date is that day's."""
    # ("naik menjadi 15 persen dari Maret 2024": a bare "dari" after a total verb)
    return _cued(sm, d, framing, "earlier_date", "earlier_date_after_total", 40, 12)


# a time of day the date left out, a comma, then capitalised words only (a title and a name)
# a speaker's title and name, then at most one small word before the verb ("sempat", "also")
_SPEAKER_RUN = re.compile(r"\s*(?:[^\W\d_]+\s*)?,\s*(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?:\s+[^\W\d_A-Z][\w'’-]*)?\s*")


def _name_words(text: str, lo: int, hi: int, framing) -> int:
    """The words of text[lo:hi] that are not a name's small words ("of", "untuk")."""
    links = getattr(framing, "name_links", frozenset())
    return sum(1 for w in text[lo:hi].split() if w.casefold() not in links)


def _dates_speech(sm: SentenceMentions, d, framing) -> bool:
    """A date that dates the telling, not the told: "Sebelumnya pada Rabu, Menteri X
    mengumumkan ...", "the ministry said on Wednesday". The figure told holds as of that day,
    even when it is the incident's own day. A figure or incident between them breaks the link."""
    between = sm.quantities + sm.incidents
    for a in sm.attribution:
        if a.start >= d.end:
            lo, hi, reach = d.end, a.start, framing.window("speech_date")
        elif a.end <= d.start:
            lo, hi, reach = a.end, d.start, 1
        else:
            continue
        if words(sm.text, lo, hi) <= reach and not any(lo <= m.start and m.end <= hi for m in between):
            return True
        if hi == a.start and _SPEAKER_RUN.fullmatch(sm.text, lo, hi) and words(sm.text, lo, hi) <= 2 * reach:
            # only the speaker's title and name stand between, however long: "Pada Jumat malam,
            # Direktur Jenderal Dinas Pemadam Kebakaran Odisha Sudhanshu Sarangi menyebut ..."
            return True
        body = getattr(framing, "body_run", None) if hi == a.start else None
        if body is not None and body.fullmatch(sm.text, lo, hi) and _name_words(sm.text, lo, hi, framing) <= 2 * reach:
            # a body's full name, its small words and its short name: "Pada Sabtu malam, Kantor PBB
            # untuk Koordinasi Urusan Kemanusiaan (OCHA) sempat melaporkan ..."
            return True
    return False


def day_part(sm: SentenceMentions, framing, day: date | None) -> int | None:
    """The order in the day of the part (framing `day_parts`) the sentence names right after a
    mention of this day ("hingga Selasa pagi", "Senin (24/10) malam", "as of Tuesday morning");
    None when it names none."""
    if day is None or framing.day_part_after is None:
        return None
    for d in sm.dates:
        if d.value.grain != "day" or d.value.day != day:
            continue
        named = framing.day_part_after.match(sm.text, d.end)
        if named is not None:
            return framing.day_part_order.get(" ".join(named.group("part").casefold().split()))
    return None
