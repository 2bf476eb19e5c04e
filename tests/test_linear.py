"""Linear time on any input: the pieces that made figure finding grow with the square of a
sentence's length ("1 " repeated, "8.000 " runs, digit runs) now give the answers of their plain
definitions while reading only near the figure. Speed itself is measured in `make bench`
(`adversarial_*` rows); here each shortcut is checked against what it replaces."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.frame.wordspans import words, words_before
from checker.recognise.numbers import figures
from checker.recognise.numbers import find_quantities

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[\w'’-]+")
TEXTS = st.text(alphabet="ab1 -,.’'\u00a0xyz", max_size=120)


def words_by_definition(text: str, a: int, b: int) -> int:
    a, b = min(a, b), max(a, b)
    return len(WORD.findall(text, a, b))


def words_before_by_definition(text: str, pos: int, n: int) -> str:
    starts = [m.start() for m in WORD.finditer(text, 0, pos)]
    return text[starts[-n] if len(starts) >= n else 0:pos] if n else ""


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_word_distance_is_the_count_of_words_between(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    assert words(text, a, b) == words_by_definition(text, a, b)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab1 -,’'", max_size=900), st.data())
def test_words_before_reads_back_only_as_far_as_it_needs(text, data):
    pos = data.draw(st.integers(0, len(text)))
    n = data.draw(st.integers(0, 40))
    assert words_before(text, pos, n) == words_before_by_definition(text, pos, n)


def test_a_numeral_phrase_holds_at_most_max_phrase_words(rules):
    text = "Pentagon mengatakan " + "1 " * 400 + "tentara."
    for lang in ("id", "en"):
        limit = yaml.safe_load((ROOT / "rules" / lang / "numbers.yaml").read_text(encoding="utf-8"))["max_phrase_words"]
        m = _number_rules(rules, lang).figure.search(text)
        assert 1 < len(m.group("num").split()) <= limit
    # the run is still read, as figures of at most that many words each
    found = find_quantities(text, rules.for_language("id"))
    assert len(found) >= 400 // limit


def _number_rules(rules, lang):
    return rules.for_language(lang).get("numbers")


def test_trap_spans_overlap_as_a_scan_of_every_span_says(rules):
    nr = _number_rules(rules, "en")
    text = "Oil rose 3 per barrel, 4 per barrel and 12 percentage points; 7 people and 1,5 per barrel"
    rejected = figures._Rejected(text, nr, [(0, 3), (40, 41)])
    spans = figures._rejected_spans(text, nr) + [(0, 3), (40, 41)]
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            assert rejected.overlaps(start, end) == any(s < end and start < e for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 3)), max_size=40))
def test_dates_keep_the_longest_non_overlapping_matches_as_a_scan_of_every_kept_one_does(spans):
    from checker.recognise.dates.scan import _best_non_overlapping

    candidates = [(s, s + n, p, "rule", None) for s, n, p in spans]
    kept: list = []
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    assert _best_non_overlapping(candidates) == sorted(kept, key=lambda c: c[0])
