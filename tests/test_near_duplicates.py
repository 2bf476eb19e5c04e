"""The near-duplicate check: one sentence in two articles with one figure or date changed."""
from __future__ import annotations

from datetime import date

import pytest

from checker.compare import compare_all
from checker.compare.near_duplicates import lines_of
from checker.model import Article
from checker.pipeline import analyse
from checker.report import finding_json
from checker.rulebook import default_rules


@pytest.fixture(scope="module")
def rules():
    return default_rules()


def _scan(rules, *texts, days=None, language="id"):
    days = days or [date(2024, 1, 1)] * len(texts)
    articles, claims = {}, []
    for n, (text, day) in enumerate(zip(texts, days)):
        article, found = analyse(Article(f"a{n}", text, language, source=f"outlet{n}", published=day), rules)
        articles[article.id] = article
        claims += found
    return [f for f in compare_all(claims, articles, rules) if f.evidence]


def test_a_changed_figure_without_an_actor_is_a_finding_with_both_sentences(rules):
    first = "Akibat gerakan tanah, sekitar 165 rumah terdampak. Sebagiannya rusak parah."
    second = "Akibat gerakan tanah, sekitar 65 rumah terdampak. Sebagiannya rusak parah."
    [finding] = _scan(rules, first, second)
    assert (finding.type, finding.dimension, finding.articles) == ("conflict", "quantity", ("a0", "a1"))
    evidence = finding_json(finding)["evidence"]
    assert [e["text"] for e in evidence] == ["Akibat gerakan tanah, sekitar 165 rumah terdampak.",
                                             "Akibat gerakan tanah, sekitar 65 rumah terdampak."]
    assert first[evidence[0]["start"]:evidence[0]["end"]] == evidence[0]["text"]
    assert "165" in finding.summary and "65" in finding.summary


def test_a_trimmed_copy_with_a_changed_date_is_a_finding(rules):
    [finding] = _scan(rules,
                      "Pada 1984, Gerhard Frey mengamati suatu hubungan antara persamaan Fermat dan konjektur itu.",
                      "Pada 1983, Gerhard Frey mengamati suatu hubungan antara persamaan Fermat dan konjektur itu.")
    assert (finding.type, finding.dimension) == ("conflict", "date")


def test_english_copies_too(rules):
    found = _scan(rules, "Floodwaters damaged about 400 homes in the valley, officials said.",
                  "Floodwaters damaged about 40 homes in the valley.", language="en")
    assert [f.dimension for f in found] == ["quantity"]


@pytest.mark.parametrize("first, second", [
    # the figures agree, written differently
    ("Empat sahabat mengikuti kelas menulis di Jakarta.", "4 sahabat mengikuti kelas menulis di Jakarta."),
    # a negation added: the sentence says the opposite, not a new figure
    ("Pemda mendapatkan opini WTP atas laporan keuangan tahun 2010 dari auditor.",
     "Pemda tidak mendapatkan opini WTP atas laporan keuangan tahun 2011 dari auditor."),
    # a hedge added beside the figure: more than the figure changed
    ("BNPB mencatat sepanjang tahun itu terjadi 2.676 bencana di seluruh negeri.",
     "BNPB mencatat sepanjang tahun itu terjadi lebih dari 2000 bencana di seluruh negeri."),
    # the same day of the year in two years: a yearly happening may fall on both
    ("Pada 24 Oktober 2012, terjadi unjuk rasa di Balaikota oleh para buruh.",
     "Pada 24 Oktober 2020, terjadi unjuk rasa di Balaikota oleh para buruh."),
    # a year inside a name names another thing
    ("Laporan Keuangan Pemerintah Daerah Tahun Anggaran 2010 mendapat opini WTP.",
     "Laporan Keuangan Pemerintah Daerah Tahun Anggaran 2011 mendapat opini WTP."),
    # two figures changed: no longer one sentence with one figure changed
    ("Pilkada serentak telah berlangsung pada 9 Desember 2020 di 270 daerah.",
     "Pilkada serentak telah berlangsung pada 8 Desember 2020 di 260 daerah."),
])
def test_no_finding(rules, first, second):
    assert _scan(rules, first, second) == []


def test_the_same_article_is_no_copy_of_itself(rules):
    assert _scan(rules, "Sekitar 165 rumah terdampak gerakan tanah. Kemudian sekitar 65 rumah terdampak gerakan tanah.") == []


def test_a_later_copy_with_a_higher_figure_is_an_update_not_a_flag(rules):
    [finding] = _scan(rules, "Banjir bandang merendam sekitar 300 rumah warga di tepi sungai.",
                      "Banjir bandang merendam sekitar 500 rumah warga di tepi sungai.",
                      days=[date(2024, 1, 1), date(2024, 1, 3)])
    assert (finding.type, finding.severity) == ("update", "info")


def test_a_later_copy_with_another_date_is_a_correction(rules):
    [finding] = _scan(rules, "Jembatan gantung itu diresmikan pada 12 Maret 2019 oleh bupati setempat.",
                      "Jembatan gantung itu diresmikan pada 14 Maret 2019 oleh bupati setempat.",
                      days=[date(2024, 1, 1), date(2024, 1, 3)])
    assert (finding.type, finding.dimension, finding.articles) == ("correction", "date", ("a0", "a1"))


def test_a_sentence_is_masked_by_its_figures(rules):
    article = Article("x", "Ia berkuasa hanya selama lima belas tahun sejak 1990. Tanpa angka di sini.", "id",
                      published=date(2024, 1, 1))
    [line] = lines_of(article, rules.for_language("id"))
    assert line.tokens == ("ia", "berkuasa", "hanya", "selama", "#", "tahun", "#")
    assert [(f.text, f.dimension, f.low) for f in line.figures][0] == ("lima belas", "quantity", 15.0)
    assert line.figures[1].dimension == "date"
