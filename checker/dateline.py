"""Publication dates: from the page's own lines, else from the dates its text gives.

A page states when it was published in one of a few ways, all found in its first lines:
- a date line under the headline, alone or with a section, an author, a clock time
  ("Minggu, 2 Oktober 2022 18:49 WIB", "Daerah | Budi • Selasa, 04 Okt 2022 13:16 WIB",
  "October 4, 2022"), sometimes after a standfirst paragraph;
- a label before a date ("Published:", "Diterbitkan", "Posted on", "First published on"), or
  alone on the line above it; an "Updated"/"Diperbarui" date is used only when nothing else is;
- a wire dateline opening the first paragraph ("BEIRUT, Sept 17 (Reuters) -", "MALANG,
  2 Oktober —"), often without a year: the year is the one that puts the day nearest the
  article's latest full date, else the nearest past year that fits (its weekday, if named);
- the date in the article's URL ("/2022/10/08/").
Lines that carry other dates are never read as date lines: captions and photo credits, "Baca
juga"/"Read also" lines and the headlines they introduce, tickers, copyright lines (the
`dateline` section of the noise rules, rules/*/noise.yaml).

Failing all of these, `date_from_text` dates an article by the latest full date its text gives
(a report is written after the events it dates), leaving out dates that lie ahead ("status
tanggap darurat hingga 14 Oktober 2022", "will meet on Oct. 20, 2022"); a bracketed weekday date
without a year ("Minggu (2/10)") counts too, its year fitted to the article's other dates or to
its weekday. An article none of this dates keeps no date: relative dates in it stay unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from marshmallow import Schema, fields

from checker.recognise.dates.compiled import fold_name
from checker.recognise.dates.resolve import weekday_of
from checker.rulebook import LanguageRules, alternation, valid_regex

HEAD_CHARS = 6000  # how much of a page's head is searched for its date line
HEAD_LINES = 80
LEAD_PARAGRAPHS = 3  # the date-line search ends after this many body paragraphs
MAX_WORDS = 24  # a date line is short
YEARS_BACK = 7  # how far back a year-less date's year is looked for without other dates
# the reference the date engine resolves year-less days against here: the last day of a leap
# year, so any day and month it reads comes back whole (29 February too) and the year is chosen
# here; recent, so a two-digit year reads as in news of these years ("3/10/22" is 2022)
_MONTH_DAY_REF = date(2024, 12, 31)


class NamedPatternSchema(Schema):
    name = fields.String(required=True)
    pattern = fields.String(required=True, validate=valid_regex)


class SkipSchema(NamedPatternSchema):
    # the pattern also marks a line of the article's text whose dates never date it (a caption)
    in_text = fields.Boolean(load_default=False)


class DatelineSchema(Schema):
    """The `dateline` section of a noise rule file."""

    published_labels = fields.List(fields.String(), load_default=list)  # "Published:", "Diterbitkan"
    updated_labels = fields.List(fields.String(), load_default=list)  # "Updated:", "Diperbarui"
    # a clock time and zone that may follow the date on a date line ("18:49 WIB", "4:20 pm CET")
    clock = fields.String(validate=valid_regex)
    # characters that may stand between a date line's date and its other parts
    separators = fields.String()
    skip = fields.List(fields.Nested(SkipSchema), load_default=list)  # never a date line
    # wire datelines where the first paragraph opens; each pattern has a group named `date`
    leads = fields.List(fields.Nested(NamedPatternSchema), load_default=list)
    # words right before a date in the text that put it after publication ("hingga", "until")
    future_markers = fields.List(fields.String(), load_default=list)
    # words a few words before a date, in its clause, that make it a plan ("akan", "will")
    future_cues = fields.List(fields.String(), load_default=list)
    future_after = fields.List(fields.String(), load_default=list)  # "14 Oktober mendatang"
    fillers = fields.List(fields.String(), load_default=list)  # "pada", "on", "tanggal"
    byline_words = fields.List(fields.String(), load_default=list)  # "4 Oct 2022 by admin"


@dataclass(frozen=True)
class DatelineRules:
    published: re.Pattern | None
    updated: re.Pattern | None
    clock: re.Pattern | None
    separators: str
    skip: tuple[tuple[str, re.Pattern], ...]
    skip_in_text: tuple[re.Pattern, ...]
    leads: tuple[tuple[str, re.Pattern], ...]
    future_before: re.Pattern | None
    future_cue: re.Pattern | None
    future_after: re.Pattern | None
    filler_end: re.Pattern | None  # a filler word ending the text before a date
    filler_start: re.Pattern | None  # filler words opening the text after a label
    byline: re.Pattern | None  # a byline word opening the text after a date


def _words(words: Iterable[str]) -> str | None:
    words = [w for w in words if w.strip()]
    return alternation(words) if words else None


def compile_dateline(datas: list[dict]) -> DatelineRules:
    """The merged `dateline` sections of every noise file of a language."""
    def listed(key):
        return [w for d in datas for w in d.get(key, [])]

    def label(key):
        alt = _words(listed(key))
        return re.compile(rf"(?<!\w){alt}(?!\w)", re.I) if alt else None

    leads = []
    for r in listed("leads"):
        pattern = re.compile(r["pattern"])
        if "date" not in pattern.groupindex:
            raise ValueError(f"dateline lead pattern {r['name']!r} has no group named 'date'")
        leads.append((r["name"], pattern))
    clock = next((d["clock"] for d in reversed(datas) if d.get("clock")), None)
    separators = "".join(d.get("separators", "") for d in datas)
    fillers = _words(listed("fillers"))
    filler = rf"(?:{fillers}\s+)*" if fillers else ""
    before, cue, after = (_words(listed(k)) for k in ("future_markers", "future_cues", "future_after"))
    bylines = _words(listed("byline_words"))
    return DatelineRules(
        published=label("published_labels"), updated=label("updated_labels"),
        clock=re.compile(clock) if clock else None, separators=separators,
        skip=tuple((r["name"], re.compile(r["pattern"])) for r in listed("skip")),
        skip_in_text=tuple(re.compile(r["pattern"]) for r in listed("skip") if r.get("in_text")),
        leads=tuple(leads),
        # the marker, then at most a filler word, a weekday or a month name before the day
        future_before=re.compile(rf"(?<!\w){before}\s+{filler}(?:[^\W\d_]+\.?,?\s+)?$", re.I) if before else None,
        future_cue=re.compile(rf"(?<!\w){cue}(?!\w)(?:\s+\S+){{0,6}}\s*$", re.I) if cue else None,
        future_after=re.compile(rf"^\s*{after}(?!\w)", re.I) if after else None,
        filler_end=re.compile(rf"(?:^|(?<=\s)){fillers}\s*$", re.I) if fillers else None,
        filler_start=re.compile(rf"(?:\s*{fillers}(?!\w))*", re.I) if fillers else None,
        byline=re.compile(rf"{bylines}\s", re.I) if bylines else None,
    )


# --- what the date engine reads ----------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """A date the engine read in a line: a full date, or a day and month without a year."""

    start: int
    end: int
    day: date  # the full date; for a year-less one, its day and month (the year is no answer)
    yearless: bool
    weekday: int | None  # the weekday the text names with it, if any


def _named_weekday(text: str, language_rules: LanguageRules) -> int | None:
    date_rules = language_rules.get("dates")
    if date_rules is None:
        return None
    for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text):
        weekday = weekday_of(word, date_rules)
        if weekday is not None:
            return weekday
    return None


def days_in(text: str, language_rules: LanguageRules) -> list[Found]:
    """Full dates and year-less days (a day with its month) in `text`, in text order."""
    from checker.recognise.dates import find_dates

    found = []
    for m in find_dates(text, language_rules, _MONTH_DAY_REF):
        value = m.value
        if value.grain != "day" or value.day is None:
            continue
        if value.relative and not re.search(r"\d", m.text):  # "Senin", "kemarin": no day named
            continue
        if value.relative and not _month_named(m.text, language_rules):
            continue  # "3 hari lalu", "the 20th of next month": relative, not a calendar day
        found.append(Found(m.start, m.end, value.day, value.relative, _named_weekday(m.text, language_rules)))
    return found


def _month_named(text: str, language_rules: LanguageRules) -> bool:
    """A day and month are both written: "2 Oktober", "Sept 17", "(2/10)"."""
    date_rules = language_rules["dates"]
    if re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}", text):
        return True
    return any(fold_name(w) in date_rules.months for w in re.findall(r"[^\W\d_]+\.?", text))


def fit_year(month_day: date, weekday: int | None, anchor: date | None, today: date | None) -> date | None:
    """The year of a day written without one: the one putting it nearest `anchor` (the
    article's latest full date), else the latest on or before `today` within YEARS_BACK years;
    a named weekday picks among those years when one of them fits it (a wrong day name loses to
    the written day and month)."""
    def on(year):
        try:
            return date(year, month_day.month, month_day.day)
        except ValueError:  # 29 February outside a leap year
            return None

    if anchor is not None:
        candidates = [d for d in (on(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
        fitting = [d for d in candidates if weekday is not None and d.weekday() == weekday]
        return min(fitting or candidates, key=lambda d: (abs((d - anchor).days), -d.toordinal()), default=None)
    if today is None:
        return None
    candidates = [d for d in (on(y) for y in range(today.year, today.year - YEARS_BACK - 1, -1))
                  if d and d <= today]
    fitting = [d for d in candidates if weekday is not None and d.weekday() == weekday]
    return (fitting or candidates or [None])[0]


# --- dates in the text ---------------------------------------------------------------------------

def _ahead(text: str, found: Found, rules: DatelineRules) -> bool:
    """A date the text puts after publication: a deadline or a plan."""
    # the date engine's match may open with the marker itself ("hingga 14 Oktober 2022")
    mention = text[found.start:found.end]
    opening = re.match(r"\D*?(?=\d|$)", mention).group()
    clause = re.split(r"[.;!?]\s", text[max(0, found.start - 80):found.start])[-1] + opening
    if rules.future_before is not None and rules.future_before.search(clause):
        return True
    if rules.future_cue is not None and rules.future_cue.search(clause):
        return True
    return rules.future_after is not None and bool(rules.future_after.match(text[found.end:found.end + 40]))


def dates_in_text(texts: Iterable[str], language_rules: LanguageRules) -> tuple[list[date], list[Found]]:
    """(full dates, year-less weekday dates) the text gives for days up to its publication;
    `texts` are its lines (a caption is known by its line)."""
    rules = language_rules["noise"].dateline
    full, yearless = [], []
    for text in texts:
        if any(p.search(text) for p in rules.skip_in_text):
            continue
        for found in days_in(text, language_rules):
            if _ahead(text, found, rules):
                continue
            if not found.yearless:
                full.append(found.day)
            elif found.weekday is not None:  # "Minggu (2/10)"; a bare "14 Oktober" is too loose
                yearless.append(found)
    return full, yearless


def date_from_text(texts: Iterable[str], language_rules: LanguageRules,
                   today: date | None = None) -> date | None:
    """The latest day the text dates: its full dates, and weekday dates without a year
    ("Minggu (2/10)") with the year fitted to the full ones, else to `today`."""
    full, yearless = dates_in_text(texts, language_rules)
    anchor = max(full, default=None)
    days = full + [d for d in (fit_year(f.day, f.weekday, anchor, today) for f in yearless) if d]
    return max(days, default=None)


# --- the page's own lines --------------------------------------------------------------------

@dataclass(frozen=True)
class PageDate:
    """A publication date and where the page gave it."""

    day: date
    # published_label | date_alone | date_line | date_in_line | dateline | date_in_head | updated_label | url
    how: str
    line: str


# how strongly each way of giving a date says "published on": (tier, strength); the first in the
# page wins among equals. A timestamp line under the headline outranks one under the first
# paragraph (a standfirst), which outranks a wire dateline; one further down (a subheading)
# ranks with any date under the headline.
def _rank(how: str, paragraphs: int = 0) -> tuple[int, int]:
    if how in ("date_alone", "date_line", "date_in_line"):
        return {0: 5, 1: 4}.get(paragraphs, 2), (0 if how == "date_in_line" else 1)
    return {"published_label": 6, "dateline": 3, "date_in_head": 2, "updated_label": 1, "url": 0}[how], 0


def _label(text: str, rules: DatelineRules) -> str | None:
    """The label nearest the end of `text` (the text before a date)."""
    best, kind = -1, None
    for name, pattern in (("published", rules.published), ("updated", rules.updated)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if m.start() > best or (m.start() == best and name == "updated"):
                best, kind = m.start(), name
    return kind


def _starts_with_label(line: str, rules: DatelineRules) -> bool:
    """The line opens with a label and a date or time right after it ("Published on 4 October
    2022 by ... staff.", "Updated 2 hours ago"): a date line, though it may read as prose."""
    for pattern in (rules.published, rules.updated):
        m = pattern.match(line) if pattern is not None else None
        rest = line[m.end():] if m else ""
        if m and rules.filler_start is not None:
            rest = rest[rules.filler_start.match(rest).end():]
        if m and re.match(r"\s*:?\s*(?:[A-Z][a-z]{1,9}\.?,?\s+){0,2}\d", rest):
            return True
    return False


def _only_label(line: str, rules: DatelineRules) -> str | None:
    """A label alone on its line ("Published", "Diperbarui:"): it dates the next line."""
    stripped = line.strip(" \t:" + rules.separators)
    for name, pattern in (("updated", rules.updated), ("published", rules.published)):
        if pattern is not None and stripped and pattern.fullmatch(stripped):
            return name
    return None


def _strip_clock(text: str, rules: DatelineRules) -> tuple[str, bool, bool]:
    """(`text` without leading clock times and the separators around them, whether a clock time
    went, whether a separator stood before what is left)."""
    seps = re.escape(rules.separators)
    clocked = False
    while True:
        gap = re.match(rf"[\s{seps}]*", text).group()
        text = text[len(gap):]
        m = rules.clock.match(text) if rules.clock is not None else None
        if not m or m.end() == 0:
            return text, clocked, bool(gap.strip())
        text, clocked = text[m.end():], True


def _shape(line: str, found: list[Found], i: int, rules: DatelineRules, labelled: bool) -> str | None:
    """How the line's i-th date sits in it: "date_alone" (with nothing but a clock time, a label
    and separators), "date_line" for a timestamp (with a clock time or a weekday, between
    separators), "date_in_line" for a date between separators ("Kompas.com - 06/10/2022",
    "World News | 12 September 2023"), else None."""
    here = found[i]
    before = "" if labelled else line[found[i - 1].end if i else 0:here.start]
    if rules.filler_end is not None:
        before = rules.filler_end.sub("", before)
    after = line[here.end:found[i + 1].start if i + 1 < len(found) else len(line)]
    rest, clocked, separated = _strip_clock(after, rules)
    before_ok = not before.strip() or before.rstrip()[-1] in rules.separators
    after_ok = (not rest.strip() or separated or (rules.byline is not None and bool(rules.byline.match(rest)))
                or _starts_with_label(rest, rules))  # "... 1:16 PM GMT+7 Updated 2 hours ago"
    if not (before_ok and after_ok):
        return None
    if not before.strip(" \t" + rules.separators) and not rest.strip(" \t" + rules.separators):
        return "date_alone"
    return "date_line" if clocked or here.weekday is not None else "date_in_line"


def _taken_along(lines: list[str], noise) -> set[int]:
    """Lines a related-link marker takes with it (the headlines under "Baca juga")."""
    from checker.ingest import noise_lines

    return {i for i, (_, taken) in noise_lines(lines, noise).items() if taken}


def _skipped(line: str, rules: DatelineRules) -> bool:
    return any(p.search(line) for _, p in rules.skip)


def _lead_date(line: str, noise, language_rules: LanguageRules) -> Found | None:
    """The date of a wire dateline opening this paragraph ("BEIRUT, Sept 17 (Reuters) -")."""
    for _, pattern in noise.dateline.leads:
        m = pattern.match(line)
        if not m:
            continue
        text = m.group("date").strip()
        found = days_in(text, language_rules)
        if len(found) == 1 and found[0].start == 0 and found[0].end >= len(text.rstrip(" ,.")):
            return found[0]
    return None


def _url_date(url: str) -> date | None:
    """"/2022/10/08/" (year, month, day) in a URL's path."""
    m = re.search(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_])", url)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _line_dates(line: str, pending: str | None, in_head: bool, rules: DatelineRules,
                language_rules: LanguageRules, other_rules: tuple = ()) -> list[tuple[str, date]]:
    """The publication dates a (short, non-prose) line may give, each with how it gives it.
    A page's header may be written with another language's month names ("04 October 2022" on
    an Indonesian page): when the page's language reads no full date there, the others try."""
    line = re.sub(r"(?<=\d)(?=[A-Z][a-z])", " ", line)  # scraped glue: "Oct. 4, 2022Updated"
    for each in (language_rules, *other_rules):
        found = days_in(line, each)
        if any(not f.yearless for f in found):
            break
    out = []
    for i, f in enumerate(found):
        if f.yearless:
            continue
        label = _label(line[found[i - 1].end if i else 0:f.start], rules) or (pending if i == 0 else None)
        shape = _shape(line, found, i, rules, label is not None)
        if label is not None:
            out.append((f"{label}_label", f.day))
        elif shape is not None:
            out.append((shape, f.day))
        elif in_head:  # before the first paragraph: the page's, whatever its shape
            out.append(("date_in_head", f.day))
    return out


def find_page_date(text: str, noise, language_rules: LanguageRules, *, url: str = "",
                   body: str | None = None, today: date | None = None,
                   other_rules: tuple = ()) -> PageDate | None:
    """The publication date a page gives in its head and first paragraphs (module docstring).

    `body` (the page without noise) gives the full dates that fix a year-less dateline's year;
    `today` bounds that year when the article gives none; `other_rules` (other languages'
    rules) read a date line the page's language cannot. Several candidates: a published
    label, then a timestamp line, a date between separators, a wire dateline, any date before
    the first paragraph, an updated label, the URL; the first in the page among equals."""
    from checker.ingest import _is_prose, line_noise

    rules: DatelineRules = noise.dateline
    lines = text[:HEAD_CHARS].split("\n")[:HEAD_LINES]
    taken = _taken_along(lines, noise)
    candidates: list[tuple[tuple[int, int], int, PageDate]] = []  # (rank, line index, date)
    yearless_leads: list[tuple[int, Found, str]] = []
    paragraphs, pending = 0, None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if paragraphs >= LEAD_PARAGRAPHS:
            break
        prose = (_is_prose(line, noise.prose) and line_noise(line, noise) is None
                 and not _starts_with_label(line, rules))
        label_only = _only_label(line, rules)
        if _skipped(line, rules):
            pass
        elif index in taken:  # under "Terkini"/"Related": a headline, unless it is a date alone
            if not prose and label_only is None:
                for how, day in _line_dates(line, pending, paragraphs == 0, rules, language_rules, other_rules):
                    if how == "date_alone":
                        candidates.append((_rank(how, paragraphs), index, PageDate(day, how, line)))
        elif prose:
            found = _lead_date(line, noise, language_rules)
            if found is not None and found.yearless:
                yearless_leads.append((index, found, line))
            elif found is not None:
                candidates.append((_rank("dateline"), index, PageDate(found.day, "dateline", line)))
        elif label_only is None and len(line.split()) <= MAX_WORDS:
            for how, day in _line_dates(line, pending, paragraphs == 0, rules, language_rules, other_rules):
                candidates.append((_rank(how, paragraphs), index, PageDate(day, how, line)))
        paragraphs += prose
        pending = label_only
    if yearless_leads:  # the year: the article's full dates, its other date lines' included
        full_dates = [c[2].day for c in candidates]
        if body is not None:
            full_dates += dates_in_text(body.split("\n"), language_rules)[0]
        anchor = max(full_dates, default=None)
        for index, found, line in yearless_leads:
            day = fit_year(found.day, found.weekday, anchor, today)
            if day is not None:
                candidates.append((_rank("dateline"), index, PageDate(day, "dateline", line)))
    url_day = _url_date(url) if url else None
    if url_day is not None:
        candidates.append((_rank("url"), len(lines), PageDate(url_day, "url", url)))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[0], -c[1]))[2]


def run_published_example(example: dict, rules: LanguageRules):
    """Rule examples: `published:` the date a page gives (with `url`, `today`); `text_date:`
    the date its text gives."""
    def iso(value):
        return value.isoformat() if isinstance(value, date) else (str(value) if value else None)

    today = example.get("today")
    today = date.fromisoformat(str(today)) if today and not isinstance(today, date) else today
    if "text_date" in example:
        found = date_from_text(example["text"].split("\n"), rules, today)
        return iso(example["text_date"]), iso(found)
    from checker.ingest import clean_body

    noise = rules["noise"]
    found = find_page_date(example["text"], noise, rules, url=example.get("url", ""),
                           body=clean_body(example["text"], noise), today=today)
    return iso(example["published"]), iso(found.day if found else None)

