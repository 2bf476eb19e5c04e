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
    # a trimmed copy with two figures changed, a year and a count: it may tell of another time
    ("Pada tahun 1941, menjelang perang, sekolah itu masih mempunyai 1.161 siswa.",
     "Pada tahun 1939, sekolah itu masih mempunyai 2.161 siswa."),
    # the year moved into another clause: "in 352 he defeated ..., and he held the region"
    ("Di Thessaly, pada tahun 352, ia mengalahkan musuhnya dan ia menguasai kuat wilayah ini.",
     "Ia menguasai kuat wilayah ini pada tahun 353."),
    # "before" a date is another claim, not another date
    ("Di Lahore, sekitar tiga puluh cerita muncul di surat kabar antara bulan November 1886 dan Juni 1887.",
     "Lebih dari tiga puluh cerita muncul di surat kabar sebelum November 1886 di Lahore."),
    # a short copy of a clause of another sentence ("setelah ...")
    ("Isu bandara kedua muncul lagi setelah pemerintahan Rudd terpilih pada tahun 2007.",
     "Pemerintahan Rudd terpilih pada tahun 2011."),
    # two figures could be the counterpart of the moved one
    ("Dari angka itu 1.049.334 suara di antaranya dinyatakan sah, sedangkan suara tidak sah berjumlah 49.135",
     "Suara tidak sah berjumlah sekitar 49 ribu suara."),
])
def test_no_finding(rules, first, second):
    assert _scan(rules, first, second) == []


@pytest.mark.parametrize("first, second, dimension", [
    # the same sentence with two figures changed
    ("Pilkada serentak telah berlangsung pada 9 Desember 2020 di 270 daerah.",
     "Pilkada serentak telah berlangsung pada 8 Desember 2020 di 260 daerah.", "date"),
    # a copy that moved the date's clause
    ("Pada tahun 1926, di Malang dan Surakarta berdiri sebuah perkumpulan pelajar.",
     "Sebuah perkumpulan pelajar di Malang dan Surakarta berdiri pada tahun 1962.", "date"),
    ("Pada 1948, Amir dieksekusi mati oleh pemerintah karena terlibat pemberontakan.",
     "Amir dieksekusi mati pada 1947.", "date"),
    # a copy that moved a word: the figure keeps the word before it ("berusia")
    ("Penyanyi berusia 49 tahun ini membuat penonton terharu dengan penampilannya.",
     "Penyanyi ini berusia 50 tahun.", "quantity"),
    # a word added before the figure that is no hedge ("sebesar")
    ("Biaya yang diperlukan saat itu adalah sebesar 16 juta dolar.", "Biaya yang diperlukan adalah 15 juta dolar.",
     "quantity"),
    # a short sentence, the very same apart from the figure
    ("Inflasi Maret tercatat 0,09 persen.", "Inflasi Maret tercatat 10 persen.", "quantity"),
    # a trimmed clause with a negation of its own ("yang belum selesai")
    ("Ia berkuasa hanya selama lima belas tahun, yang ditandai proyek yang belum selesai.",
     "Ia berkuasa selama dua puluh tahun.", "duration"),
    # a date since which something holds is no yearly happening
    ("Sejak 19 September 1989, perusahaan itu telah menjadi perusahaan publik di bursa.",
     "Sejak 19 September 1975, perusahaan itu telah menjadi perusahaan publik di bursa.", "date"),
    # a holiday with its year is a day, not a name ("Idul Fitri 2023", a day of its own each year)
    ("Warga diimbau mewaspadai lonjakan kasus pada libur Idul Fitri 2023 di kota itu.",
     "Warga diimbau mewaspadai lonjakan kasus pada libur Idul Fitri 2024 di kota itu.", "date"),
])
def test_copies_with_a_changed_figure(rules, first, second, dimension):
    assert [f.dimension for f in _scan(rules, first, second)] == [dimension]


def test_the_same_article_is_no_copy_of_itself(rules):
    assert _scan(rules, "Sekitar 165 rumah terdampak gerakan tanah. Kemudian sekitar 65 rumah terdampak gerakan tanah.") == []


def test_a_later_copy_with_a_higher_figure_is_an_update_not_a_flag(rules):
    # (houses "swept" are no fact the frame reads, so the copies meet only as copies; "merendam 300 rumah"
    # is now the flood's houses flooded, an update the comparison of facts reads)
    [finding] = _scan(rules, "Banjir bandang menyapu sekitar 300 rumah warga di tepi sungai.",
                      "Banjir bandang menyapu sekitar 500 rumah warga di tepi sungai.",
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
    assert line.tokens == ("ia", "berkuasa", "hanya", "selama", "#", "#")
    assert [(f.text, f.dimension) for f in line.figures][0] == ("lima belas tahun", "duration")
    assert line.figures[1].dimension == "date"
