"""The frame stage's steps, each on real rules: incidents as subjects, persons who speak for a
body, reference days, the role of a figure, and incidents resolved across articles."""
from datetime import date

import pytest

from checker.frame import frame, sentence_mentions
from checker.frame.events import main_event
from checker.frame.persons import register_persons
from checker.model import Article
from checker.rulebook import default_rules
from checker.segment import split_sentences


@pytest.fixture(scope="module")
def rules():
    return default_rules()


def mentions(rules, lang, text, published=None):
    language_rules = rules.for_language(lang)
    article = Article("t", text, lang, published=published)
    return sentence_mentions(article, split_sentences(text, language_rules), language_rules)


def claims(rules, lang, text, published=None):
    language_rules = rules.for_language(lang)
    article = Article("t", text, lang, published=published)
    return frame(article, split_sentences(text, language_rules), language_rules)


def test_main_incident_is_the_most_named_type_of_the_lead_in_the_country_things_happen_in(rules):
    text = ("Banjir bandang melanda Cianjur, Jawa Barat.\n"
            "Banjir itu menewaskan 12 orang, kata pejabat yang baru kembali dari Jepang.\n"
            "Jepang mengirim bantuan.")
    sms = mentions(rules, "id", text, date(2024, 5, 2))
    event = main_event(sms, rules.for_language("id")["places"], date(2024, 5, 2), (),
                       rules.for_language("id")["framing"])
    assert (event.type, event.country, event.place) == ("flood", "indonesia", "cianjur")


def test_a_toll_without_an_actor_is_about_the_incident(rules):
    found = claims(rules, "en", "The earthquake in Cianjur killed at least 310 people.", date(2022, 11, 25))
    assert [(c.subject, c.measure, c.value.low, c.event.type) for c in found if c.kind == "quantity"] == [
        ("earthquake@indonesia", "deaths", 310, "earthquake")]


def test_another_incident_named_in_a_sentence_stays_another(rules):
    text = ("Banjir bandang melanda Cianjur dan menewaskan 12 orang.\n"
            "Sebelumnya, gempa di Cianjur menewaskan 310 orang.")
    found = [c for c in claims(rules, "id", text, date(2024, 5, 2)) if c.kind == "quantity"]
    assert [(c.subject, c.value.low) for c in found] == [("flood@indonesia", 12), ("earthquake@indonesia", 310)]


def test_persons_introduced_with_a_body_speak_for_it_and_headlines_introduce_nobody(rules):
    text = ("Sekjen NATO Bicara Soal Korea Utara Di Kursk Hari Ini\n"
            "Wakil Sekretaris Jenderal NATO, Radmila Shekerinska, tiba di Brussels.")
    persons = register_persons(mentions(rules, "id", text), rules.for_language("id")["actors"],
                               rules.for_language("id")["framing"])
    assert persons.get("Shekerinska") == "nato" and persons.get("Radmila Shekerinska") == "nato"
    assert "Bicara" not in persons and "Soal" not in persons


def test_an_unknown_body_that_speaks_is_named_whole_without_its_article(rules):
    text = ("Floods swept through Derna on Sunday.\n"
            "The Norwegian Refugee Council said whole villages had been overwhelmed.")
    persons = register_persons(mentions(rules, "en", text), rules.for_language("en")["actors"],
                               rules.for_language("en")["framing"])
    # "The" opening a sentence is no name of the council's, nor is "Council" alone
    assert persons.get("Norwegian Refugee Council") == "norwegian_refugee_council"
    assert "The" not in persons and "Council" not in persons and "Norwegian" not in persons


def test_a_person_also_named_with_a_body_speaks_for_the_body(rules):
    text = ("Gustavo Petro told reporters he rejects any link to the raid.\n"
            "Colombia's head of state denied any role.\n"
            "President Gustavo Petro said he rejected out of hand any link to Tuesday's raid.")
    persons = register_persons(mentions(rules, "en", text), rules.for_language("en")["actors"],
                               rules.for_language("en")["framing"])
    # first met alone (his own voice), then as the president after Colombia's head of state
    assert persons.get("Petro") == "colombia" and persons.get("Gustavo Petro") == "colombia"


def test_a_photo_credit_after_a_country_speaks_for_nobody(rules):
    text = "Isaac Herzog accused Hezbollah of bringing chaos to Lebanon (Justin Tallis/PA)"
    persons = register_persons(mentions(rules, "en", text), rules.for_language("en")["actors"],
                               rules.for_language("en")["framing"])
    assert "Justin Tallis" not in persons and "Tallis" not in persons


def test_a_place_a_person_speaks_in_does_not_claim_their_name(rules):
    text = ("Banjir bandang melanda Kathmandu, Nepal, pada Sabtu.\n"
            "Menteri Kesehatan Nepal Pradip Paudel mengumumkan jumlah korban tewas bertambah menjadi 12 orang.\n"
            "Dalam konferensi pers di Kathmandu, Paudel menambahkan bahwa korban luka berjumlah 150 orang.")
    found = [(c.measure, c.speaker) for c in claims(rules, "id", text, date(2024, 9, 29)) if c.kind == "quantity"]
    # "di Kathmandu, Paudel": where he spoke, not a Nepali official named Paudel besides the minister
    assert found == [("deaths", "nepal_health_ministry"), ("injured", "nepal_health_ministry")]


def test_a_name_claimed_by_two_bodies_speaks_for_neither(rules):
    text = "Menteri luar negeri Rusia, Sergei Ivanov, kemarin bertemu dengan wakil sekjen NATO, Sergei Petrov, di Brussels."
    persons = register_persons(mentions(rules, "id", text), rules.for_language("id")["actors"],
                               rules.for_language("id")["framing"])
    assert "Sergei" not in persons and persons.get("Ivanov") == "russia_foreign_ministry" and persons.get("Petrov") == "nato"


def test_the_as_of_day_is_the_reference_and_the_incidents_own_day_is_not(rules):
    text = ("Gempa Senin (21/11/2022) itu menewaskan 310 orang.\n"
            "Korban tewas gempa mencapai 318 orang per Kamis (24/11/2022).\n"
            "Sebanyak 14 orang masih hilang.")
    found = [c for c in claims(rules, "id", text, date(2022, 11, 25)) if c.kind == "quantity"]
    # the quake's own day says when it struck, not when 310 were counted; the missing are
    # counted as of the day the text before them set
    assert [(c.value.low, c.when) for c in found] == [
        (310, date(2022, 11, 25)), (318, date(2022, 11, 24)), (14, date(2022, 11, 24))]


@pytest.mark.parametrize("lang,text,role", [
    ("en", "About 2,000 more troops arrived in Kursk.", None),
    ("id", "Jumlah pengungsi bertambah 120 orang.", None),
    ("id", "Korban tewas bertambah menjadi 12 orang.", "total"),
    ("en", "Of them, 12 died in hospital.", "part"),
    ("id", "Dari jumlah itu, 34 orang tewas di dalam stadion.", "part"),
    ("en", "Hezbollah said two of its members died.", "part"),
    ("id", "Dua di antaranya anggota Polri yang tewas.", "part"),
])
def test_a_figure_is_a_total_a_part_or_an_increment(rules, lang, text, role):
    found = [c for c in claims(rules, lang, text) if c.kind == "quantity"]
    assert [dict(c.extra)["role"] for c in found] == ([role] if role else [])



def test_two_agencies_magnitudes_of_one_quake_conflict_and_an_aftershock_stays_apart(rules):
    """A magnitude is read as a fact of the quake (rule "reading:magnitude"), not dropped as a
    non-count; two agencies' magnitudes of one quake conflict, an aftershock's does not."""
    from checker.compare import compare_all

    bmkg = Article("bmkg", "Gempa bermagnitudo 5,6 mengguncang Cianjur pada Senin, menurut BMKG.\n"
                           "Gempa susulan bermagnitudo 4,2 kembali mengguncang Cianjur, kata BMKG.",
                   "id", published=date(2022, 11, 22), source="Kompas")
    usgs = Article("usgs", "The USGS said the magnitude 5.4 earthquake struck Cianjur on Monday.", "en",
                   published=date(2022, 11, 22), source="Reuters")
    found = []
    for article in (bmkg, usgs):
        language_rules = rules.for_language(article.language)
        found += frame(article, split_sentences(article.body, language_rules), language_rules)
    magnitudes = sorted((c.value.low, c.event.phase) for c in found if c.measure == "magnitude")
    assert magnitudes == [(4.2, "sequel"), (5.4, None), (5.6, None)]
    findings = compare_all(found, {a.id: a for a in (bmkg, usgs)}, rules)
    magnitude_findings = [f for f in findings if f.dimension == "quantity"]
    assert [f.type for f in magnitude_findings] == ["conflict"]
    assert {c.split(":")[0] for c in magnitude_findings[0].claims} == {"bmkg", "usgs"}
    [aftershock] = [c.id for c in found if c.measure == "magnitude" and c.event.phase == "sequel"]
    assert aftershock not in magnitude_findings[0].claims


def test_a_fraction_inside_a_length_of_time_is_no_day(rules):
    # "6-1/2 years" held the day "1/2" (2 January), which dated whatever stood beside it
    for lang, text in (("en", "A court jailed the businessman for 6-1/2 years."),
                       ("id", "Pengadilan menghukum pengusaha itu 2 1/2 tahun penjara.")):
        sm = mentions(rules, lang, text, date(2024, 12, 23))[0]
        assert sm.durations and not sm.dates, (lang, sm.dates)
