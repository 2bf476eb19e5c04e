"""The prefilter only skips patterns that cannot match: with it and without it the recognisers
find the same mentions, on every rule corpus example and every sentence of the seeds."""
import pickle
import re
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import parse_article
from checker.model import Sentence
from checker.recognise import recognise
from checker.recognise import prefilter
from checker.recognise.dates import find_dateline
from checker.recognise.lexicon import AliasTable
from checker.recognise.prefilter import DIGIT, KeyFinder, literal_gate, literal_gates, may_match
from checker.rulebook import default_rules, example_cases, load_rule_files
from checker.segment import split_sentences

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
REF = date(2024, 11, 3)
# texts whose case or letters put the lowercase test to work: capitals, dotless and dotted i,
# long s, a capital sigma, a digit from another script
ODD = ["PADA 17 AGUSTUS 2024 DAN 3 HARI LALU", "ON MARCH 3, 2021, TWO DAYS AFTER", "Dİ JAKARTA PADA 1 JUNİ 2023",
       "on Marcıh 3 ſince 2020", "ΣΟΣ 12 Oct 2020", "pada ٢٠٢٤ dan 2024", "Minggu (2/10) pukul 10.00 WIB"]


def _texts_by_language():
    rules = default_rules()
    texts = {code: set(ODD) for code in rules.codes}
    for _, _, example, code in example_cases(load_rule_files(), rules.codes):
        texts[code].add(example["text"])
    for path in SEEDS:
        article = parse_article(path.read_text(encoding="utf-8"), article_id=path.stem, rules=rules)
        lang_rules = rules.for_language(article.language)
        texts[article.language].update(s.text for s in split_sentences(article.body, lang_rules))
    return {code: sorted(found) for code, found in texts.items()}


TEXTS = _texts_by_language()


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_same_mentions_with_and_without_the_prefilter(code):
    rules = default_rules().for_language(code)
    assert len(TEXTS[code]) > 100
    for text in TEXTS[code]:
        sentence = Sentence(text, 0, len(text))
        with prefilter.disabled():
            plain = recognise(sentence, rules, REF).all()
            plain_dateline = find_dateline(text, rules)
        fast = recognise(sentence, rules, REF).all()
        assert fast == plain, text
        assert find_dateline(text, rules) == plain_dateline, text


def test_the_prefilter_skips_patterns():
    """The gates are read from the patterns: a sentence without dates runs none of the month
    patterns (were every gate None, the comparison above would prove nothing)."""
    dates = default_rules().for_language("en")["dates"]
    present = dates.pattern_set.keys.present("The ministry said 12 soldiers were hurt.")
    assert present is not None and DIGIT in present
    skipped = [p.name for p in dates.patterns if not may_match(p.literals, present)]
    assert "month_day_year" in skipped
    assert sum(p.literals is None for p in dates.patterns) == 0


def test_literal_gate_of_a_pattern():
    gate = literal_gate(re.compile(r"(?<![\w])(?:januari|jan)\.?\s+(?P<year>(?:19|20)\d\d)(?![\w])", re.I))
    assert gate == frozenset({"jan"})
    assert literal_gate(re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})")) == frozenset({DIGIT})
    assert literal_gate(re.compile(r"\d+ (?:days|weeks)")) == frozenset({"days", "weeks"})
    assert literal_gate(re.compile(r"(?:since|SEJAK) \w+", re.I)) == frozenset({"since", "sejak"})
    assert literal_gate(re.compile(r"(?:since)? \w+")) == frozenset({" "})
    assert literal_gate(re.compile(r"\w+")) is None  # nothing a match must hold
    # a gate checks the most selective sets of keys, each of which a match needs one of
    assert literal_gates(re.compile(r"(?:in|by) (?:jan|feb) (?:19|20)\d\d", re.I)) == (
        frozenset({"jan", "feb"}), frozenset({"in", "by"}), frozenset({DIGIT}))
    assert not may_match(literal_gates(re.compile(r"(?:in|by) (?:jan|feb)")), frozenset({"in", "march"}))
    finder = KeyFinder.build([(frozenset({"jan"}),), (frozenset({DIGIT}),)])
    assert finder.present("JAN 2020") == frozenset({"jan", DIGIT})
    assert finder.present("on ſunday") is None  # long s: every pattern runs


def test_a_table_answers_from_its_memo_as_it_would_without():
    table = default_rules().for_language("id")["places"].table
    text = "Banjir melanda Kabupaten Malang dan Jawa Timur, kata BNPB di Jakarta."
    first = table.find(text)
    assert table.memo.get(text) == tuple(first)
    assert table.find(text) == first == table._find(text)
    first.append("changed by a caller")
    assert table.find(text) != first  # callers get their own list
    copy = pickle.loads(pickle.dumps(table))
    assert copy.memo == {} and copy.find(text) == table._find(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_same_article_with_and_without_the_prefilter(path):
    """The noise rules' prefilter: the page cleaned as before (lines, spans, title, date)."""
    rules = default_rules()
    text = path.read_text(encoding="utf-8")
    noisy = text + "\n\nBaca juga: Banjir di Malang\nADVERTISEMENT\nFoto: Antara\nAlso read: Floods in Java\n"
    for page in (text, noisy, noisy.upper()):
        with prefilter.disabled():
            plain = parse_article(page, article_id=path.stem, rules=rules)
        assert parse_article(page, article_id=path.stem, rules=rules) == plain


def test_a_pattern_set_travels_to_another_process_and_reads_its_gates_there():
    patterns = default_rules().for_language("en")["numbers"].reject_set
    copy = pickle.loads(pickle.dumps(patterns))
    assert copy == patterns and "gates" not in vars(copy)
    text = "At 10 a.m. on page 3, 12 soldiers died."
    assert copy.candidates(text) == patterns.candidates(text)
