"""Near-duplicates: one sentence carried by two articles with one figure or date changed.

Syndicated copy republishes a sentence and changes a figure ("sekitar 165 rumah terdampak",
elsewhere "sekitar 65 rumah terdampak"). Such a pair is a finding even when the sentence names
no actor, so no claim of the framer stands for it; when the figures agree (written "empat" here
and "4" there), it is not.

How two sentences are matched, cheaply:
- each sentence's figures (dates, counted figures, bare numerals) are masked ("#"), its words
  case-folded, its punctuation and spacing dropped;
- each figure is indexed by the two words before it and by the two words after it, and each
  sentence by its words; a sentence is compared only with the sentences of other articles that
  share a figure's key or one of its two rarest words (an inverted index; a word carried by more
  than `_BUCKET_MAX` sentences is boilerplate and no key), never with every other sentence;
- a candidate pair is a near-duplicate when every word of the shorter sentence is matched, in
  order, in the longer one (a copy may trim a clause, never add one), or, a copy having moved a
  clause ("Pada 1948, Amir dieksekusi" / "Amir dieksekusi pada 1947"), every word of the shorter
  is in the longer and each of its figures has one counterpart of its dimension there that moved
  with its clause (the same word after it, or two words beside it that stand together in the
  shorter's clause) and no other as close; the longer adds no negation to the copied
  words (rules/<lang>/stances.yaml `negations`: "tidak mendapatkan ..." says the opposite; one in
  a trimmed clause negates that clause only), and at least
  one aligned figure differs, its neighbours unchanged or the words added beside it no hedge,
  range or change word of the numbers rules ("lebih dari 2000" beside "2.676" changed more than
  a figure): the two intervals (a figure's hedged range, a date's days, a length's seconds)
  cannot both hold. Several changed figures count only in the very same sentence (a trimmed copy
  with a new year and a new count may tell of another time); a shorter sentence of three words
  and a figure must be the same sentence or open as the longer does.
A year right after a capitalised word inside the sentence ("Tahun Anggaran 2010", "Piala Dunia
2022") is part of a name, not a figure: two such names are two things. The same day of the year
in two years is no change either: a yearly happening may fall on both, unless the date is where
something began ("sejak 19 September 1989", a range opener of the dates rules): that happens once.

What the finding is: the same day, two versions of one sentence cannot both hold (a conflict);
on different days the later copy revises the earlier: an update for a figure that may move
(a toll, a stock, or no known measure), a correction for a fixed figure or a date.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from checker.compare.context import ComparisonContext
from checker.compare.findings import fingerprint
from checker.model import Article, Claim, Finding

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NUMERAL = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_CONTEXT = 2  # words matched on each side of the figure that differs
_MIN_WORDS = 3  # a shorter sentence of fewer words is no evidence of a copy ("Inflasi Maret tercatat #")
_MIN_TOKENS = 5  # ... or of fewer words and figures, unless both are the very same sentence or
# open with the same word ("Jilid pertama dirilis #"; "Pemerintahan Rudd terpilih #" is the tail of
# "Isu ... muncul lagi setelah pemerintahan Rudd terpilih #", a clause of another sentence)
_RARE_KEYS = 2  # a sentence is looked up under its rarest words this many
_BUCKET_MAX = 64  # a key shared by more sentences than this is boilerplate, not a copy


@dataclass(frozen=True)
class Figure:
    """A figure or date of a sentence: body offsets, and its interval (days as ordinals)."""

    start: int
    end: int
    text: str
    dimension: str  # quantity | date
    low: float | None
    high: float | None
    yearly: tuple | None = None  # a day or run of days: its (month, day) ends, which recur every year


@dataclass(frozen=True)
class Line:
    article: str
    text: str
    start: int  # offset of the sentence in its article's body
    end: int
    tokens: tuple[str, ...]  # words, "#" for a figure
    figures: tuple[Figure, ...]  # one per "#", in order


def _figures(text: str, language_rules, published: date | None) -> list[tuple[int, int, str, float | None, float | None]]:
    from checker.recognise.dates import find_dates, find_durations
    from checker.recognise.numbers import find_quantities, parse_number

    opener = getattr(language_rules.get("dates"), "range_opener_start", None)  # ^(sejak|mulai|...)
    found = [(d.start, d.end, "date", float(d.value.day.toordinal()), float(d.value.end.toordinal()),
              ((d.value.day.month, d.value.day.day), (d.value.end.month, d.value.end.day))
              if d.value.grain in ("day", "span") and not d.value.relative
              and not (opener and opener.match(text[d.start:d.end])) else None)
             for d in find_dates(text, language_rules, published)]
    taken = [(s, e) for s, e, *_ in found]

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    for d in find_durations(text, language_rules):  # "selama lima belas tahun"
        if free(d.start, d.end) and d.value.since is None:
            found.append((d.start, d.end, "duration", d.value.seconds.low, d.value.seconds.high, None))
            taken.append((d.start, d.end))
    for q in find_quantities(text, language_rules):
        if free(q.start, q.end):
            found.append((q.start, q.end, "quantity", q.value.low, q.value.high, None))
            taken.append((q.start, q.end))
    # numerals the figure rules leave aside: "10 kali gempa", "tiga jenis"; number words in runs
    numbers = getattr(language_rules.get("numbers"), "words", {})
    words = [m for m in _WORD.finditer(text) if free(m.start(), m.end())]
    i = 0
    while i < len(words):
        m = words[i]
        if not (m.group()[:1].isdigit() or m.group().casefold() in numbers):
            i += 1
            continue
        run = i + 1
        while run < len(words) and words[run].group().casefold() in numbers \
                and not text[words[run - 1].end():words[run].start()].strip():
            run += 1
        start, end = m.start(), words[run - 1].end()
        if m.group()[:1].isdigit():
            numeral = _NUMERAL.match(text, start)
            start, end = start, (numeral.end() if numeral else m.end())
        value = parse_number(text[start:end], language_rules)
        if value is not None and free(start, end):
            found.append((start, end, "quantity", value, value, None))
            taken.append((start, end))
        i = run
    months = getattr(language_rules.get("dates"), "months", {})
    holidays = getattr(language_rules.get("dates"), "holidays", {})
    return sorted((f for f in found if not _in_name(text, f[0], f[1], months, holidays)), key=lambda f: f[0])


def _in_name(text: str, start: int, end: int, months: Mapping[str, int], holidays: Mapping = {}) -> bool:
    """A figure ending in a year written right after a capitalised word that neither opens the
    sentence nor names a month or a holiday: "Tahun Anggaran 2010", "Piala Dunia 2022" (but
    "Tahun Baru 2021" is a day)."""
    year = _YEAR.search(text[start:end] + " ", max(0, end - start - 4))
    if year is None or year.end() != end - start:
        return False
    before = text[:start + year.start()].rstrip()
    if any(" ".join(_WORD.findall(before.casefold())).endswith(name) for name in holidays):
        return False
    words = _WORD.findall(before)
    return (len(words) >= 2 and before[-1:].isalpha() and words[-1][:1].isupper()
            and words[-1].casefold().rstrip(".") not in months)


def lines_of(article: Article, language_rules) -> list[Line]:
    """The article's sentences that hold a figure, masked."""
    from checker.segment import split_sentences

    out = []
    number_words = getattr(language_rules.get("numbers"), "words", {})
    for sentence in split_sentences(article.body, language_rules):
        text = sentence.text
        if not any(ch.isdigit() for ch in text) and number_words.keys().isdisjoint(
                w.casefold() for w in _WORD.findall(text)):
            continue  # no figure, and the recognisers are the costly part
        figures = _figures(text, language_rules, article.published)
        if not figures:
            continue
        tokens: list[str] = []
        kept: list[Figure] = []
        position = 0
        for start, end, dimension, low, high, yearly in figures:
            tokens += [w.casefold() for w in _WORD.findall(text[position:start])]
            tokens.append("#")
            kept.append(Figure(sentence.start + start, sentence.start + end, text[start:end], dimension, low, high,
                               yearly))
            position = end
        tokens += [w.casefold() for w in _WORD.findall(text[position:])]
        out.append(Line(article.id, text, sentence.start, sentence.end, tuple(tokens), tuple(kept)))
    return out


def _keys(line: Line) -> Iterable[tuple]:
    """Each figure's two words before it, and its two words after it (a copy may trim either
    side): keys made of words only, an edge of the sentence makes none."""
    tokens = line.tokens
    for i, token in enumerate(tokens):
        if token != "#":
            continue
        before, after = tokens[max(0, i - _CONTEXT):i], tokens[i + 1:i + 1 + _CONTEXT]
        if len(before) == _CONTEXT and "#" not in before:
            yield ("before", *before)
        if len(after) == _CONTEXT and "#" not in after:
            yield ("after", *after)


def _agree(a: Figure, b: Figure) -> bool:
    """Both can hold: their intervals meet (an open side meets everything), or they are the
    same days of the year in different years ("24 Oktober 2012", "24 Oktober 2020"): a
    yearly happening, a commemoration, an annual protest, may fall on both."""
    if a.yearly is not None and a.yearly == b.yearly:
        return True
    return not ((a.high is not None and b.low is not None and a.high < b.low)
                or (b.high is not None and a.low is not None and b.high < a.low))


def changed_figure(a: Line, b: Line, negations: frozenset, guard: frozenset = frozenset(),
                   intro: frozenset = frozenset()) -> tuple[Figure, Figure] | None:
    """The first figure that differs between two versions of a sentence (in a's, b's order), or
    None when they are no near-duplicates or agree. `guard`: words that, added beside a figure,
    change what it says (hedges, range and change words: "lebih dari 2000" beside "2.676");
    `intro`: words that introduce dates, no evidence of where a moved figure belongs."""
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    same = short.tokens == long_.tokens
    if sum(t != "#" for t in short.tokens) < _MIN_WORDS or (len(short.tokens) < _MIN_TOKENS and not (
            same or _words(short)[:1] == _words(long_)[:1])):
        return None
    if not set(short.tokens) <= set(long_.tokens):
        return None  # a word of the shorter is not in the longer: no copy (before the costly alignment)
    matcher = difflib.SequenceMatcher(None, short.tokens, long_.tokens, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if sum(block.size for block in blocks) == len(short.tokens):
        differing = _in_order(short, long_, blocks, negations, guard)
    else:  # not in order: a copy that moved a clause, or no copy
        differing = _moved(short, long_, negations, intro)
    # one figure changed; several only in the very same sentence (a trimmed copy with a new date
    # and a new count may tell of another time: "Pada tahun 1939, ... 2.161 siswa")
    if not differing or (len(differing) > 1 and not same):
        return None
    x, y = differing[0]
    return (x, y) if short is a else (y, x)


def _words(line: Line) -> list[str]:
    return [t for t in line.tokens if t != "#"]


def _in_order(short: Line, long_: Line, blocks, negations: frozenset, guard: frozenset) -> list | None:
    matched = {block.b + k for block in blocks for k in range(block.size)}
    # a negation added in the copied words or right beside them ("Tidak mendapatkan opini ...");
    # one in a trimmed clause ("..., yang belum selesai") negates that clause only
    first, last = min(matched) - 1, max(matched) + 1
    if any(t in negations for i, t in enumerate(long_.tokens) if i not in matched and first <= i <= last):
        return None
    slot_short = {i: n for n, i in enumerate(i for i, t in enumerate(short.tokens) if t == "#")}
    slot_long = {i: n for n, i in enumerate(i for i, t in enumerate(long_.tokens) if t == "#")}
    differing = []
    for block in blocks:
        for k in range(block.size):
            i, j = block.a + k, block.b + k
            if short.tokens[i] != "#":
                continue
            x, y = short.figures[slot_short[i]], long_.figures[slot_long[j]]
            if x.dimension != y.dimension:
                return None
            if not _agree(x, y):
                # the words right beside the changed figure are the same in both, or what the
                # longer adds there is no hedge: "lebih dari 2000" beside "2.676" changed more
                # than the figure, "sebesar 16 juta" beside "15 juta" did not
                # (the shorter may start or end there)
                before = ((j - 1 in matched) if j else i == 0) or _kept(long_.tokens, matched, j, -1, guard)
                after = (j + 1 in matched or j == len(long_.tokens) - 1 or i == len(short.tokens) - 1
                         or _kept(long_.tokens, matched, j, 1, guard))
                if not (before and after):
                    return None
                differing.append((x, y))
    return differing


def _kept(tokens: tuple, matched: set, j: int, step: int, guard: frozenset) -> bool:
    """The words the longer sentence adds right beside its figure at j (towards `step`) are no
    hedge, range or change word."""
    k = j + step
    while 0 <= k < len(tokens) and k not in matched:
        if tokens[k] in guard or tokens[k] == "#":
            return False
        k += step
    return True


def _moved(short: Line, long_: Line, negations: frozenset, intro: frozenset = frozenset()) -> list | None:
    """A copy that moved a clause: every word of the shorter is in the longer, which adds no
    negation, and each figure of the shorter has exactly one counterpart of its dimension that
    moved with its clause (`_placed`) and no other figure stands as close to the same words. A
    figure open on one side ("sebelum 1990") changed into another claim, not another figure."""
    words = Counter(t for t in short.tokens if t != "#")
    rest = Counter(t for t in long_.tokens if t != "#")
    if words - rest or any(t in negations for t in (rest - words)):
        return None
    at_long = [i for i, t in enumerate(long_.tokens) if t == "#"]
    used, differing = set(), []
    for n, i in enumerate(i for i, t in enumerate(short.tokens) if t == "#"):
        x = short.figures[n]
        same = [m for m, y in enumerate(long_.figures) if y.dimension == x.dimension and m not in used]
        placed = [m for m in same if _placed(short.tokens, i, long_.tokens, at_long[m], intro)]
        near = [m for m in same if _beside(short.tokens, i) & _beside(long_.tokens, at_long[m])]
        if len(placed) != 1 or set(near) - set(placed):
            return None  # no counterpart, or another figure stands as close: which one changed?
        same = placed
        used.add(same[0])
        y = long_.figures[same[0]]
        if not _agree(x, y):
            if _open(x) or _open(y):
                return None  # "sebelum November 1886" beside "antara November 1886 ...": another claim
            differing.append((x, y))
    return differing


def _placed(short: tuple, i: int, long_: tuple, j: int, intro: frozenset = frozenset()) -> bool:
    """The figure moved with its clause: the word after it, its unit or counted noun, is the same
    in both ("luas 329.847 km persegi" / "adalah 329.849 km persegi"), or the word before it, unless
    that word introduces dates (`intro`: "pada", "tahun" of the dates rules), or two words beside it in
    the longer stand together in the shorter's clause, other than the words beside the shorter's
    figure ("[Pada tahun 1926] di Malang" / "di Malang dan Surakarta berdiri [pada tahun 1962]";
    in "Di Thessaly, [pada tahun 352], ia mengalahkan ..." the year is another clause's)."""
    if i + 1 < len(short) and j + 1 < len(long_) and short[i + 1] == long_[j + 1] != "#":
        return True
    if i and j and short[i - 1] == long_[j - 1] != "#" and short[i - 1] not in intro:
        return True  # "berusia 49" / "berusia 50"; "pada tahun 352" is no evidence of the clause
    clause = " " + " ".join(short) + " "
    own = (tuple(short[i + 1:i + 3]), tuple(short[max(0, i - 2):i]))
    for side, pair in enumerate((long_[j + 1:j + 3], long_[max(0, j - 2):j])):
        if len(pair) == 2 and "#" not in pair and f" {pair[0]} {pair[1]} " in clause and pair != own[side]:
            return True
    return False


def _beside(tokens: tuple, i: int) -> set:
    return {t for t in tokens[max(0, i - 1):i] + tokens[i + 1:i + 2] if t != "#"}


def _open(figure: Figure) -> bool:
    """A side without a bound: "sebelum 1990", "lebih dari 2000"."""
    return figure.low is None or figure.high is None or figure.low <= 1 or figure.high >= _NO_END


_NO_END = float(date.max.toordinal() - 366)


def _intro(language_rules) -> frozenset:
    return frozenset(getattr(language_rules.get("dates"), "intro_words", ()) or ())


def _guard(language_rules) -> frozenset:
    """Words of the numbers rules that change what a figure says when added beside it."""
    numbers = language_rules.get("numbers")
    phrases = [*getattr(numbers, "hedges_before", {}), *getattr(numbers, "hedges_after", {}),
               *getattr(numbers, "vague", {}), *getattr(numbers, "range_connectors", ()),
               *getattr(numbers, "change_verbs", ()), *getattr(numbers, "signs", {})]
    return frozenset(w.casefold() for phrase in phrases for w in _WORD.findall(str(phrase)))


def _negations(language_rules) -> frozenset:
    stances = language_rules.get("stances")
    table = getattr(stances, "negations", None)
    return frozenset(getattr(table, "starts", {}) or ())


def near_duplicate_findings(context: ComparisonContext, rules, fresh_articles: Iterable[str],
                            claims: Iterable[Claim], names, read: Mapping[str, list] | None = None) -> list[Finding]:
    """Near-duplicate findings between an article of `fresh_articles` and any other article of
    the context; `read`: articles' lines already read (lines_of), by article id."""
    if not hasattr(rules, "for_language"):
        return []  # bare settings (the compare examples): no language to read sentences with
    fresh = set(fresh_articles)
    readable = [a for a in context.articles.values() if getattr(a, "body", None) and a.language in rules.languages]
    if len(readable) < 2 or not fresh & {a.id for a in readable}:
        return []  # no pair of sentences to read (a post meets stored articles without their texts)
    index: dict[tuple, list[Line]] = defaultdict(list)
    postings: dict[str, list[Line]] = defaultdict(list)
    negations: dict[str, frozenset] = {}
    guards: dict[str, frozenset] = {}
    intros: dict[str, frozenset] = {}
    lines: list[Line] = []
    for article_id in sorted(context.articles):
        article = context.articles[article_id]
        if not getattr(article, "body", None) or article.language not in rules.languages:
            continue
        language_rules = rules.for_language(article.language)
        negations.setdefault(article.language, _negations(language_rules))
        guards.setdefault(article.language, _guard(language_rules))
        intros.setdefault(article.language, _intro(language_rules))
        for line in read[article_id] if read is not None and article_id in read else lines_of(article, language_rules):
            lines.append(line)
            for key in set(_keys(line)):
                index[key].append(line)
            for word in set(line.tokens) - {"#"}:
                postings[word].append(line)
    pairs = {}

    def pair(a: Line, b: Line) -> None:
        if a.article != b.article and (a.article in fresh or b.article in fresh):
            pairs.setdefault(tuple(sorted((a, b), key=lambda x: (x.article, x.start))), None)

    for bucket in index.values():
        if len(bucket) > _BUCKET_MAX:
            continue
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                pair(a, b)
    for line in lines:  # its rarest words: a copy that moved a clause or added a word beside a figure
        rare = sorted((w for w in set(line.tokens) - {"#"} if len(postings[w]) <= _BUCKET_MAX),
                      key=lambda w: (len(postings[w]), w))[:_RARE_KEYS]
        for word in rare:
            for other in postings[word]:
                pair(line, other)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    found = []
    for a, b in pairs:
        language = context.articles[a.article].language
        other = context.articles[b.article].language
        words = negations[language] | negations.get(other, frozenset())
        changed = changed_figure(a, b, words, guards[language] | guards.get(other, frozenset()),
                                 intros[language] | intros.get(other, frozenset()))
        if changed is None:
            continue
        fa, fb = changed
        behind_a, behind_b = _claims_at(fa, by_article.get(a.article, [])), _claims_at(fb, by_article.get(b.article, []))
        if {c.key() for c in behind_a if c.subject and c.value is not None} \
                & {c.key() for c in behind_b if c.subject and c.value is not None}:
            continue  # two claims of one fact with values: the comparison of claims has judged them
        found.append(_finding(context, a, b, fa, fb, behind_a + behind_b, names))
    return found


def _claims_at(figure: Figure, claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.evidence.start <= figure.start and figure.end <= c.evidence.end
            and c.kind in ("quantity", "event_date")]


def _finding(context: ComparisonContext, a: Line, b: Line, fa: Figure, fb: Figure,
             behind: list[Claim], names) -> Finding:
    from checker.compare.wording import article_outlet_text, day_text, wording_of

    w = wording_of(names)
    day_a, day_b = context.articles[a.article].published, context.articles[b.article].published
    if (day_b or date.min, b.article) < (day_a or date.min, a.article):
        a, b, fa, fb, day_a, day_b = b, a, fb, fa, day_b, day_a
    measure = next((c.measure for c in behind if c.measure), None)
    if day_a is None or day_b is None or day_a == day_b:
        kind, reasons = "conflict", ("date",) if fa.dimension == "date" else ("value",)
    elif fa.dimension == "date" or (measure and context.semantics.behaviour_of(measure) == "fixed"):
        kind, reasons = "correction", ("time", "date" if fa.dimension == "date" else "value")
    else:
        kind, reasons = "update", ("time", "value")
    outlets = [article_outlet_text(x.article, context, w) for x in (a, b)]
    sides = {"a_source": w.phrase("source", outlet=outlets[0], day=day_text(day_a, w)),
             "b_source": w.phrase("source", outlet=outlets[1], day=day_text(day_b, w))}
    if fa.dimension == "date":
        summary = w.summary("date_conflict", what=f"“{a.text}”", a_day=fa.text, b_day=fb.text, **sides)
    else:
        summary = w.summary("quantity_conflict", a_quantity=f"{fa.text} (“{a.text}”)",
                            b_quantity=f"{fb.text} (“{b.text}”)", **sides)
    ident = fingerprint("near_duplicate", fa.dimension, kind, sorted([a.text, b.text]))
    return Finding(id=ident, type=kind, dimension=fa.dimension, severity=context.settings.severity_of(kind),
                   claims=tuple(dict.fromkeys(c.id for c in behind)), articles=(a.article, b.article),
                   summary=summary, reasons=tuple(sorted(reasons)),
                   evidence=((a.article, a.start, a.end, a.text), (b.article, b.start, b.end, b.text)))
