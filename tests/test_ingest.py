"""Ingest: front matter, metadata inference, errors, HTML, and the seeds' clean bodies."""
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import IngestError, parse_article, read_article_file

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

ID_TEXT = ("Pasukan Korea Utara telah tiba di wilayah Kursk, Rusia, kata pejabat intelijen.\n"
           "Kremlin membantah laporan tersebut dan menyebutnya sebagai berita palsu.\n")
EN_TEXT = ("North Korean troops have arrived in the Kursk region of Russia, officials said.\n"
           "The Kremlin denied the report and called it fake news.\n")


def test_front_matter_sets_metadata(rules):
    raw = ("---\nsource: Kontan\nurl: https://example.org/a\npublished: 2024-10-28\n"
           "language: id\ntitle: Pasukan Tiba\n---\n" + ID_TEXT)
    article = parse_article(raw, article_id="a1", rules=rules)
    assert (article.id, article.source, article.url, article.language, article.title) == (
        "a1", "Kontan", "https://example.org/a", "id", "Pasukan Tiba")
    assert article.published == date(2024, 10, 28)
    assert article.body == ID_TEXT.strip()
    assert "---" not in article.body


def test_meta_overrides_front_matter(rules):
    raw = "---\nsource: Kontan\npublished: 2024-10-28\n---\n" + ID_TEXT
    article = parse_article(raw, article_id="a", rules=rules,
                            meta={"source": "Tempo", "published": "2024-11-02", "language": None})
    assert article.source == "Tempo"
    assert article.published == date(2024, 11, 2)
    assert article.language == "id"


def test_published_accepts_a_datetime_and_a_written_date(rules):
    iso = parse_article("---\npublished: 2024-10-28T20:19:00+07:00\n---\n" + ID_TEXT,
                        article_id="a", rules=rules)
    assert iso.published == date(2024, 10, 28)
    written = parse_article("---\npublished: Senin, 28 Oktober 2024 20:19 WIB\nlanguage: id\n---\n"
                            + ID_TEXT, article_id="a", rules=rules)
    assert written.published == date(2024, 10, 28)


@pytest.mark.parametrize("text,language", [(ID_TEXT, "id"), (EN_TEXT, "en")])
def test_language_is_identified(rules, text, language):
    assert parse_article(text, article_id="x", rules=rules).language == language


def test_dateline_gives_the_publication_date(rules):
    raw = "Sekjen NATO Konfirmasi Kehadiran Pasukan Korea Utara\nSenin, 28 Oktober 2024 / 20:19 WIB\n" + ID_TEXT
    article = parse_article(raw, article_id="x", rules=rules)
    assert article.published == date(2024, 10, 28)
    assert "20:19" not in article.body  # the date line is metadata, not body


def test_a_date_in_the_text_is_no_date_line(rules):
    raw = ("Zelensky mengumumkan pada Selasa (29/10/2024) bahwa ia telah membahas pengerahan "
           "pasukan Korea Utara dengan Presiden Korea Selatan.\n" + ID_TEXT)
    assert parse_article(raw, article_id="x", rules=rules).published is None


def test_title_is_inferred_from_the_repeated_headline(rules):
    raw = ("kontan.co.id\nbanner langganan top\n\nKorut Kirim Ribuan Tentara ke Rusia\n\n"
           "Korut Kirim Ribuan Tentara ke Rusia\n" + ID_TEXT)
    article = parse_article(raw, article_id="x", rules=rules)
    assert article.title == "Korut Kirim Ribuan Tentara ke Rusia"
    assert article.body.count("Korut Kirim Ribuan Tentara ke Rusia") == 1


def test_no_headline_means_no_title(rules):
    assert parse_article(ID_TEXT, article_id="x", rules=rules).title == ""


def test_noise_is_removed_and_the_rest_kept_verbatim(rules):
    raw = ("Pasukan  Korea Utara tiba di Kursk, kata pejabat intelijen kepada wartawan.\n"
           "Baca juga: Rusia Kirim 10.000 Tentara Korea Utara\n"
           "• EMAS 1.527.000   -7.000   -0,46%\n"
           "Penulis: Budi\n© 2024 Contoh.com. All Right Reserved\n")
    article = parse_article(raw, article_id="x", rules=rules)
    assert article.body == "Pasukan  Korea Utara tiba di Kursk, kata pejabat intelijen kepada wartawan."


@pytest.mark.parametrize("raw,field", [
    ("", "body"),
    ("   \n\n  ", "body"),
    ("Baca juga: Rusia Kirim 10.000 Tentara\n© 2024 Contoh.com\n", "body"),
    ("Pasukan\x00tiba", "encoding"),
    ("---\ntitle: [unclosed\n---\n" + ID_TEXT, "front matter"),
    ("---\n- a list\n---\n" + ID_TEXT, "front matter"),
    ("---\ntitle: no end\n" + ID_TEXT, "front matter"),
    ("---\npublished: kapan-kapan\n---\n" + ID_TEXT, "published"),
    ("---\nlanguage: fr\n---\n" + ID_TEXT, "language"),
])
def test_bad_input_names_the_field(rules, raw, field):
    with pytest.raises(IngestError) as caught:
        parse_article(raw, article_id="x", rules=rules)
    assert caught.value.field == field
    assert caught.value.source == "<request>"
    assert field in str(caught.value)


def test_bad_files_name_the_file(rules, tmp_path):
    invalid = tmp_path / "broken.txt"
    invalid.write_bytes("Pasukan tiba di Kursk.".encode("utf-8") + b"\xff\xfe")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for path in (invalid, binary):
        with pytest.raises(IngestError) as caught:
            read_article_file(path, rules)
        assert caught.value.source == path.name
        assert caught.value.field == "encoding"
        assert path.name in str(caught.value)


def test_file_id_is_the_stem_and_html_goes_through_the_extractor(rules, tmp_path):
    page = tmp_path / "page-7.html"
    page.write_text(
        "<html><head><title>Korut Kirim Tentara | Contoh</title>"
        "<meta property='article:published_time' content='2024-10-29T08:00:00+07:00'></head>"
        "<body><nav><a href='/'>Beranda</a> <a href='/n'>Nasional</a></nav><article>"
        "<h1>Korea Utara Kirim Ribuan Tentara ke Rusia</h1>"
        "<p>Korea Utara telah mengirim sekitar 10.000 tentara ke Rusia untuk dilatih, "
        "kata Pentagon pada Senin. Kremlin membantah laporan itu.</p>"
        "<p>Baca juga: Rusia Kerahkan 8.000 Tentara di Kursk</p>"
        "<p>Para pejabat Ukraina menyebut pasukan itu akan dikirim ke garis depan dalam "
        "beberapa minggu ke depan, menurut laporan intelijen.</p></article>"
        "<footer>© 2024 Contoh.com. All rights reserved.</footer></body></html>",
        encoding="utf-8")
    article = read_article_file(page, rules)
    assert article.id == "page-7"
    assert article.language == "id"
    assert article.published == date(2024, 10, 29)
    assert "Korea Utara Kirim Ribuan Tentara ke Rusia" in article.title
    assert "sekitar 10.000 tentara" in article.body
    assert "<" not in article.body and "8.000" not in article.body and "©" not in article.body


def test_tiny_html_falls_back_to_its_text(rules):
    article = parse_article("<p>Pentagon mengatakan 8.000 tentara Korea Utara tiba di Kursk.</p>",
                            article_id="x", rules=rules, html=True)
    assert article.body == "Pentagon mengatakan 8.000 tentara Korea Utara tiba di Kursk."


# --- the seeds --------------------------------------------------------------------------------

LEFTOVER_NOISE = [
    r"(?i)baca juga", r"(?i)menarik dibaca", r"(?i)^selanjutnya:", r"©", r"(?i)all right",
    r"(?i)hak cipta", r"(?i)^halaman", r"(?m)^\s*123\s*$", r"EMAS", r"USD/IDR", r"INDIKATOR",
    r"-0,46%", r"(?i)whatsapp", r"(?i)penulis:", r"(?i)editor:", r"(?i)^sumber:", r"\[X\]", r"×",
    r"(?i)zoom-in", r"(?i)leave a response", r"(?i)alamat email", r"(?i)ikuti kami",
    r"REUTERS/", r"(?i)^photo\s*:", r"Associated Press",
]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_ingests_clean(rules, path):
    article = read_article_file(path, rules)
    assert article.id == path.stem
    assert article.language == "id"
    assert article.body.strip() == article.body and article.body
    for pattern in LEFTOVER_NOISE:
        for line in article.body.split("\n"):
            assert not re.search(pattern, line), f"{path.name}: {pattern!r} left in {line!r}"


def test_seed_bodies_keep_the_figures_that_are_news(rules):
    bodies = {p.stem[:3]: read_article_file(p, rules).body for p in SEEDS}
    assert re.search(r"8\.000\s+tentara\s+Korea\s+Utara\s+telah\s+tiba", bodies["000"])
    assert "lebih dari 600.000 tentara Rusia" in bodies["001"]
    assert "sekitar 10.000 tentara Korea Utara" in bodies["002"]
    assert "10.000 tentara Korea Utara telah dikirim" in bodies["003"]
    assert bodies["003"].endswith("serta jaminan keamanan.")  # the glued promo went, not the news
    assert "sejak Februari 2022" in bodies["004"]
    # the related headline's "10.000 Tentara" belongs to another article
    assert "Rusia Segera Kirim 10.000" not in bodies["002"]


def test_seed_publication_dates(rules):
    by_prefix = {p.stem[:3]: read_article_file(p, rules) for p in SEEDS}
    assert by_prefix["001"].published == date(2024, 10, 28)
    assert by_prefix["004"].published == date(2025, 4, 29)


def test_seed_titles(rules):
    by_prefix = {p.stem[:3]: read_article_file(p, rules) for p in SEEDS}
    assert by_prefix["000"].title.startswith("Sekjen PBB Kritik Keras Kerja Sama Militer")
    assert by_prefix["001"].title == "Sekjen NATO Konfirmasi Kehadiran Pasukan Korea Utara di Rusia"
    assert by_prefix["002"].title.startswith("Buntut Kabar Korut Kirim Tentara ke Rusia")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_an_article_or_a_named_error(rules, raw):
    try:
        article = parse_article(raw, article_id="x", rules=rules)
    except IngestError as exc:
        assert exc.field in ("front matter", "published", "language", "encoding", "body")
    else:
        assert article.language in rules.codes and article.body == article.body.strip()
        assert article.body


def test_meta_errors_name_the_request(rules):
    with pytest.raises(IngestError) as caught:
        parse_article(ID_TEXT, article_id="x", rules=rules, meta={"published": "besok"})
    assert (caught.value.source, caught.value.field) == ("<request>", "published")
    with pytest.raises(IngestError) as caught:
        parse_article(ID_TEXT, article_id="x", rules=rules, meta={"language": "tl"})
    assert caught.value.field == "language"


def test_english_scraped_page(rules):
    raw = ("Skip to content\nWorld\nAsia Pacific\nNorth Korean troops in Kursk, Pentagon says\n"
           "By Idrees Ali and Phil Stewart\nOctober 28, 2024 3:15 PM UTC\nUpdated 2 hours ago\n\n"
           "WASHINGTON, Oct 28 (Reuters) - The Pentagon said on Monday that about 10,000 North "
           "Korean soldiers had been sent to Russia.\nAdvertisement · Scroll to continue\n"
           "Read more: Ukraine says 12,000 North Korean troops will fight by Sunday\n"
           "Related Coverage\nNorth Korea denies sending 3,000 troops\nKremlin says deployment is its own business\n"
           "The Kremlin has denied the reports.\n(Reporting by Idrees Ali; Editing by Sandra Maler)\n"
           "Our Standards: The Thomson Reuters Trust Principles.\nShare\nCopy link\n")
    article = parse_article(raw, article_id="x", rules=rules)
    assert article.language == "en"
    assert article.published == date(2024, 10, 28)
    assert article.title == "North Korean troops in Kursk, Pentagon says"
    assert article.body == (
        "North Korean troops in Kursk, Pentagon says\n\nThe Pentagon said on Monday that about "
        "10,000 North Korean soldiers had been sent to Russia.\nThe Kremlin has denied the reports.")


def test_a_bad_noise_pattern_is_a_rule_file_error(tmp_path):
    from checker.rulebook import RuleFileError, load_rule_file

    path = tmp_path / "noise.yaml"
    path.write_text("kind: noise\nlanguage: id\nlines:\n  - name: broken\n    pattern: '(unclosed'\n",
                    encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.line == 5 and "regular expression" in str(caught.value)


def test_a_long_page_without_line_breaks_is_searched_only_at_its_head(rules):
    # the date-line search once took 25 s on such a page; only the head is searched now, so a
    # date far down the only line is not taken for the page's date line
    text = "Pasukan tiba di Kursk. " * 4000 + "Senin, 28 Oktober 2024 / 20:19 WIB"
    article = parse_article(text, article_id="long", rules=rules, meta={"language": "id"})
    assert article.published is None
    assert parse_article("Senin, 28 Oktober 2024 / 20:19 WIB\n\nPasukan tiba di Kursk pada hari itu.",
                         article_id="short", rules=rules, meta={"language": "id"}).published == date(2024, 10, 28)


# --- publication dates: every date-line form, and the lines that are never one ------------------

TODAY = date(2025, 6, 1)


def _published(raw, rules, language, **meta):
    return parse_article(raw, article_id="x", rules=rules, meta={"language": language, **meta},
                         today=TODAY).published


@pytest.mark.parametrize("language,head,day", [
    ("id", "Minggu, 2 Oktober 2022 18:49 WIB", date(2022, 10, 2)),
    ("id", "Selasa, 04 Okt 2022 13:16 WIB", date(2022, 10, 4)),
    ("id", "Nasional | Budi Santoso • Rabu, 05 Okt 2022 07:02 WIB", date(2022, 10, 5)),
    ("id", "Kompas.com - 06/10/2022, 21:38 WIB", date(2022, 10, 6)),
    ("id", "Diterbitkan: 4 Oktober 2022, 13:16 WIB", date(2022, 10, 4)),
    ("id", "Dipublikasikan 4 Oktober 2022", date(2022, 10, 4)),
    ("id", "Diperbarui 5 Oktober 2022, 09:00 WIB", date(2022, 10, 5)),  # the only one: it serves
    ("id", "Diperbarui 5 Okt 2022, 09:00 WIB\nDiterbitkan 4 Okt 2022, 22:16 WIB", date(2022, 10, 4)),
    ("en", "October 4, 2022", date(2022, 10, 4)),
    ("en", "4 Oct 2022 | 13:16", date(2022, 10, 4)),
    ("en", "Published: Sun 17 Sep 2023, 4:00 PM", date(2023, 9, 17)),
    ("en", "Updated: 5 October 2022\nPublished: 4 October 2022", date(2022, 10, 4)),
    ("en", "Posted on October 4, 2022 by admin", date(2022, 10, 4)),
    ("en", "First published on Tue 4 Oct 2022 13.16 BST", date(2022, 10, 4)),
    ("en", "Published\n18 September 2024", date(2024, 9, 18)),
])
def test_a_date_line_under_the_headline_dates_the_page(rules, language, head, day):
    text = ID_TEXT if language == "id" else EN_TEXT
    assert _published(f"Judul Berita Hari Ini\n{head}\n\n{text}", rules, language) == day


def test_a_date_line_after_the_standfirst_dates_the_page(rules):
    # the standfirst is a paragraph; the date line and byline come under it
    raw = ("Hungary says the pagers never passed through the country\n\n"
           "Budapest pushes back after a Taiwanese firm pointed to a company in the capital.\n\n"
           "September 18, 2024 4:20 pm CET\nBy Jane Doe\n\n" + EN_TEXT)
    assert _published(raw, rules, "en") == date(2024, 9, 18)


def test_a_date_line_in_english_month_names_on_an_indonesian_page(rules):
    assert _published("Judul Berita Hari Ini\n04 October 2022 13:16\n\n" + ID_TEXT, rules, "id") == date(2022, 10, 4)


def test_a_headline_date_loses_to_the_date_line(rules):
    raw = "Tragedi 1 Oktober 2022: Korban Jadi 131\nSelasa, 04 Okt 2022 13:16 WIB\n\n" + ID_TEXT
    assert _published(raw, rules, "id") == date(2022, 10, 4)


@pytest.mark.parametrize("language,lead,day", [
    # the year from the article's own full dates
    ("id", "MALANG, 2 Oktober — Polisi menyebut kericuhan pada Sabtu, 1 Oktober 2022, menewaskan 125 orang.",
     date(2022, 10, 2)),
    ("en", "BEIRUT, Sept 17 (Reuters) - Pagers exploded across Lebanon, a week after the Sept. 10, 2024 strikes.",
     date(2024, 9, 17)),
    ("en", "Sydney, Jan 2 (Reuters) - The ban announced on December 30, 2022 was widely obeyed, police said.",
     date(2023, 1, 2)),
    # none: the latest such day before today
    ("en", "Beirut, Sept 17 (Reuters) - Pagers carried by members of the group exploded across Lebanon.",
     date(2024, 9, 17)),
    ("en", "KYIV, Ukraine, Oct. 28, 2022 (AP) — Drones struck the capital overnight, officials said.",
     date(2022, 10, 28)),
])
def test_a_wire_dateline_dates_the_page(rules, language, lead, day):
    assert _published(f"Judul Berita Hari Ini\n\n{lead}", rules, language) == day


def test_a_wire_dateline_is_not_body(rules):
    article = parse_article("Korban Bertambah\n\nMALANG, 2 Oktober — Polisi menyebut korban bertambah "
                            "menjadi 131 orang pada Sabtu, 1 Oktober 2022.", article_id="x", rules=rules,
                            meta={"language": "id"}, today=TODAY)
    assert article.body.startswith("Polisi menyebut")


@pytest.mark.parametrize("language,line", [
    ("id", "IHSG 7.072,27 ▲ +0,72% | 03/10/2022 | USD/IDR 15.235"),  # a market ticker
    ("id", "Foto: Suasana Stadion Kanjuruhan, Minggu (2/10/2022). (ANTARA/Ari Bowo)"),  # a caption
    ("id", "Warga mengungsi di Bekasi, 3 Oktober 2022 (ANTARA/Ari Bowo)"),  # a caption by its credit
    ("id", "Baca juga: Kronologi Tragedi Kanjuruhan, Sabtu 1 Oktober 2022"),  # a related link
    ("id", "© 2022 Kompas.com, 4 Oktober 2022"),  # a copyright line
    ("en", "Read also: Stampede on October 1, 2022 kills 125"),
    ("en", "Photo: Police on the pitch, October 1, 2022"),
    ("en", "Copyright 4 October 2022 Example News. All rights reserved."),
])
def test_lines_that_are_never_a_date_line(rules, language, line):
    text = ID_TEXT if language == "id" else EN_TEXT
    assert _published(f"Judul Berita Hari Ini\n{line}\n{text}", rules, language) is None


def test_the_headlines_under_a_read_also_marker_are_no_date_line(rules):
    raw = "Judul Berita Hari Ini\nBaca Juga:\nPetani Panen Raya, Senin 3 Oktober 2022\n\n" + ID_TEXT
    assert _published(raw, rules, "id") is None


def test_the_url_dates_a_page_that_gives_no_date(rules):
    assert _published(EN_TEXT, rules, "en", url="https://example.com/world/2023/09/12/floods/") == date(2023, 9, 12)
    assert _published(EN_TEXT, rules, "en", url="https://example.com/world/floods-hit-towns") is None


def _infer(text, rules, language="id"):
    from checker.pipeline import infer_published
    from checker.segment import split_sentences

    article = parse_article(text, article_id="x", rules=rules, meta={"language": language}, today=TODAY)
    language_rules = rules.for_language(language)
    return infer_published(article, split_sentences(article.body, language_rules), language_rules,
                           today=TODAY).published


def test_the_text_dates_an_article_without_a_date_line(rules):
    # the latest full date, not the earlier one, not a deadline, not a plan
    text = ("Kericuhan terjadi pada Sabtu (1/10/2022) malam. BNPB menetapkan status tanggap darurat "
            "hingga 14 Oktober 2022. Rapat evaluasi akan digelar pada 20 Oktober 2022. Polisi "
            "memeriksa 12 saksi, Senin (3/10/2022).")
    assert _infer(text, rules) == date(2022, 10, 3)
    assert _infer("The ceasefire holds until Oct. 20, 2022, officials said on October 3, 2022.", rules,
                  "en") == date(2022, 10, 3)


def test_a_weekday_date_without_a_year_is_fitted_to_the_article(rules):
    # "Minggu (2/10)": the year of the article's other dates...
    assert _infer("Kericuhan terjadi pada Sabtu (1/10/2022) malam. Polisi memeriksa saksi, Minggu (2/10).",
                  rules) == date(2022, 10, 2)
    # ...else the latest year, before today, in which 2 October was a Sunday
    assert _infer("Polisi memeriksa 12 saksi di Malang, Minggu (2/10).", rules) == date(2022, 10, 2)


def test_an_article_without_any_date_stays_undated(rules):
    # relative dates alone date nothing: they stay unresolved rather than guessed
    assert _infer("Polisi memeriksa 12 saksi pada Senin. Status darurat berlaku hingga 14 Oktober.",
                  rules) is None
    assert _infer("The storm hit on Sunday and the toll rose on Monday.", rules, "en") is None


def test_an_undated_article_says_so_in_every_report(rules):
    from checker.pipeline import infer_published
    from checker.report import build_report, claims_table, to_markdown
    from checker.segment import split_sentences

    language_rules = rules.for_language("id")
    undated = parse_article("Polisi memeriksa 12 saksi pada Senin.\n", article_id="undated", rules=rules,
                            meta={"language": "id"}, today=TODAY)
    undated = infer_published(undated, split_sentences(undated.body, language_rules), language_rules, today=TODAY)
    dated = parse_article("Judul Berita\nSenin, 3 Oktober 2022 10:00 WIB\n\n" + ID_TEXT, article_id="dated",
                          rules=rules, meta={"language": "id"}, today=TODAY)
    report = build_report([undated, dated], [], [])
    notes = {a["id"]: (a["published"], a["notes"]) for a in report["articles"]}
    assert notes["dated"] == ("2022-10-03", [])
    assert notes["undated"][0] is None and "no publication date" in notes["undated"][1][0]
    assert "No publication date found for `undated`" in to_markdown(report)
    table = claims_table([], [undated, dated])
    assert "\nundated: no publication date found" in table and "\ndated:" not in table


def test_invisible_characters_never_split_a_number_a_name_or_a_date(rules):
    from checker.pipeline import analyse

    plain = "Pentagon mengatakan 8.000 tentara Korea Utara tiba di Kursk pada 4 November 2024."
    hidden = ("Penta\u00adgon mengatakan 8.\u200b000 tentara Korea\u2060 \u202aUtara\u202c tiba di Kursk pada "
              "4\u200d November 2024.\ufeff")

    def claims(text):
        _, found = analyse(parse_article(text, article_id="a", rules=rules, meta={"published": "2024-11-04"}), rules)
        return [(c.kind, c.subject, c.measure, c.value, c.when) for c in found]
    assert claims(hidden) == claims(plain) and claims(plain)
    composed = parse_article("Caf\u0065\u0301 8.000 tentara", article_id="b", rules=rules,
                             meta={"source": "Le Caf\u0065\u0301"})
    assert composed.body.startswith("Caf\u00e9") and composed.source == "Le Caf\u00e9"
