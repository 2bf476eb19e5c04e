"""Segment: sentence spans always point into the body; the brief's hard cases split right."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import read_article_file
from checker.segment import split_sentences

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

PIECES = st.sampled_from([
    "Pasukan tiba di Kursk.", " ", "\n", "\n\n", "Dr.", "No. 5", "8.000", "1,5 juta", "08.41",
    "\"Ini bahaya,\" tegasnya.", "“Kami siap.”", "kata dia.", "AS.", "U.S.", "Oct. 28", "...",
    "?", "!", "J. ", "Letjen. Ahmad", "  ", "tentara", "(29/10/2024)", "1.", "\t", "’", "»",
])


def _check_spans(body, sentences):
    previous_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(body)
        assert body[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert "\n" not in s.text  # a line break always ends a sentence
        assert s.start >= previous_end  # in order, never overlapping
        previous_end = s.end


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_spans_match_the_body_for_rule_shaped_text(rules, body):
    _check_spans(body, split_sentences(body, rules.for_language("id")))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_spans_match_the_body_for_any_text(rules, body):
    for language in rules.codes:
        sentences = split_sentences(body, rules.for_language(language))
        _check_spans(body, sentences)
        # nothing but whitespace is left out
        covered = set()
        for s in sentences:
            covered.update(range(s.start, s.end))
        assert all(body[i].isspace() for i in range(len(body)) if i not in covered)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_sentences(rules, path):
    article = read_article_file(path, rules)
    sentences = split_sentences(article.body, rules.for_language(article.language))
    _check_spans(article.body, sentences)
    assert len(sentences) >= 8


def test_quote_with_two_sentences_stays_with_its_speaker(rules):
    body = ("\"Ini akan menjadi eskalasi perang yang sangat berbahaya di Ukraina. Segala sesuatu "
            "harus dilakukan,\" tegasnya. Guterres lalu pergi.")
    texts = [s.text for s in split_sentences(body, rules.for_language("id"))]
    assert texts == [body[:body.index(" Guterres")], "Guterres lalu pergi."]


def test_unbalanced_quote_does_not_swallow_the_line(rules):
    # a multi-paragraph quote opens on each paragraph and closes only on the last
    body = "\"Kami akan bertahan. Kami tidak akan menyerah.\n\"Kami menang,\" katanya."
    texts = [s.text for s in split_sentences(body, rules.for_language("id"))]
    assert texts == ["\"Kami akan bertahan.", "Kami tidak akan menyerah.", "\"Kami menang,\" katanya."]
