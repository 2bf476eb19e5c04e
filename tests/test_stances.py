"""Stances that know what they are about: the predicate lexicon, idioms of denial and
non-confirmation, accusations, stances about a figure, and who holds them.

The rule files' examples (rules/<lang>/stances.yaml, topics.yaml) are the specification of each
rule; these tests pin the engine's contracts around them: whole articles, the typed proposition,
the claim's value for a figure, the holder's government as the stance's side."""
from datetime import date

import pytest

from checker.frame import frame
from checker.model import Article, Proposition
from checker.recognise.stances import StanceCue, find_stances
from checker.segment import split_sentences


def stances(rules, lang: str, text: str, published: date | None = None):
    language = rules.for_language(lang)
    article = Article(id="t", body=text, language=lang, published=published)
    return [c for c in frame(article, split_sentences(text, language), language) if c.kind == "stance"]


def labels(rules, lang: str, text: str) -> list[str]:
    return [m.value.label for m in find_stances(text, rules.for_language(lang))]


def test_proposition_id_shape():
    assert Proposition("north_korea", "deployment", "troops", "kursk", "russia").id == "north_korea.deployment.russia"
    assert Proposition("israel", "attack").id == "israel.attack.unknown"
    assert Proposition("flood@libya", "deaths", figure=True).id == "flood@libya.deaths.figure"


def test_cue_values_are_typed(rules):
    cue = find_stances("The claim was denied by Russia's UN envoy.", rules.for_language("en"))[0]
    assert cue.value == StanceCue("deny", "report", True)
    accused = find_stances("The group blamed Israel for the attack.", rules.for_language("en"))[0]
    assert accused.value.role == "accuse" and accused.value.label == "confirm"


@pytest.mark.parametrize("text", [
    "North Korean troops reached Kursk. NATO confirmed the deployment of North Korean units in Kursk.",
    "North Korean troops reached Kursk. North Korean soldiers are fighting alongside Russian forces, NATO said.",
    "North Korean troops reached Kursk. The Kremlin denied claims on North Korean troops' involvement in the Ukraine war.",
    "North Korean troops reached Kursk. Zelensky confirmed the use of North Korean troops.",
])
def test_one_proposition_whatever_the_wording_en(rules, text):
    found = stances(rules, "en", text)
    assert [c.proposition for c in found] == ["north_korea.deployment.russia"], found


def test_one_proposition_whatever_the_wording_id(rules):
    found = stances(rules, "id", "Sekjen NATO mengonfirmasi kehadiran pasukan Korut di Kursk.")
    assert [c.proposition for c in found] == ["north_korea.deployment.russia"]


def test_not_yet_able_to_confirm_is_no_confirmation(rules):
    text = ("North Korean troops arrived in Kursk. The Pentagon is not yet able to confirm reports that "
            "these troops have engaged in combat.")
    found = stances(rules, "en", text)
    assert [(c.stance, c.proposition) for c in found] == [("non_confirm", "north_korea.deployment.russia")]


@pytest.mark.parametrize("lang,text,label", [
    ("en", "Peskov: another piece of fake news.", "deny"),
    ("en", "The spokesman called the reports lies.", "deny"),
    ("en", "The ministry said the claims were baseless.", "deny"),
    ("en", "Officials called the allegation groundless nonsense.", "deny"),
    ("en", "The company said it had nothing to do with the devices.", "deny"),
    ("en", "The agency could not confirm the figure.", "non_confirm"),
    ("en", "The army declined to comment.", "neutral"),
    ("en", "The army gave no response.", "neutral"),
    ("id", "Kabar itu hoaks.", "deny"),
    ("id", "Itu kebohongan besar.", "deny"),
    ("id", "Menurut polisi, tidak benar jumlahnya 174 orang.", "deny"),
    ("id", "Ia menyebut laporan itu omong kosong.", "deny"),
    ("id", "Kementerian belum dapat memastikan jumlah korban.", "non_confirm"),
    ("id", "Kementerian belum bisa mengonfirmasi kabar itu.", "non_confirm"),
    ("id", "Militer Israel memilih tidak berkomentar.", "neutral"),
    ("id", "Juru bicara itu tidak berkomentar.", "neutral"),
])
def test_idioms(rules, lang, text, label):
    assert labels(rules, lang, text) == [label]


def test_never_in_a_country_is_a_denial(rules):
    found = stances(rules, "en", "Hungary's government said the devices were never in Hungary.")
    assert [(c.stance, c.proposition) for c in found] == [("deny", "devices.located.hungary")]


def test_accusation_confirms_the_accused_did_it(rules):
    text = "Pagers exploded across Lebanon. Hezbollah blamed Israel for the blasts."
    found = stances(rules, "en", text)
    assert [(c.subject, c.stance, c.proposition) for c in found] == [("hezbollah", "confirm", "israel.attack.lebanon")]
    text = "Ratusan pager meledak di Lebanon. Hizbullah menuding Israel sebagai dalang ledakan itu."
    found = stances(rules, "id", text)
    assert [(c.subject, c.stance, c.proposition) for c in found] == [("hezbollah", "confirm", "israel.attack.lebanon")]


def test_silence_is_neither_denial_nor_confirmation(rules):
    text = "Pagers exploded across Lebanon. Hezbollah blamed Israel for the blasts. Israel has made no comment."
    found = stances(rules, "en", text)
    assert [(c.subject, c.stance) for c in found] == [("hezbollah", "confirm"), ("israel", "neutral")]
    assert {c.proposition for c in found} == {"israel.attack.lebanon"}


def test_a_figure_disputed_carries_its_value(rules):
    text = ("Floods in Derna killed 11,300 people, the UN said. The Libyan Red Crescent rejected the claim "
            "that the floods killed 11,300 people.")
    found = stances(rules, "en", text)
    deny = [c for c in found if c.stance == "deny"]
    assert deny and deny[0].proposition == "flood@libya.deaths.figure"
    assert (deny[0].value.low, deny[0].value.high) == (11300, 11300) and deny[0].subject == "libya_red_crescent"
    # the UN's own figure, which the denial disputes, is the UN's confirmation of it
    confirm = [c for c in found if c.stance == "confirm"]
    assert confirm and confirm[0].subject == "united_nations" and confirm[0].proposition == deny[0].proposition


def test_killed_125_not_174(rules):
    text = "A stampede in a stadium in Malang killed many. The national police said the crush killed 125, not 174."
    found = stances(rules, "en", text)
    assert [(c.stance, c.proposition, c.value.low) for c in found] == \
        [("deny", "crowd_disaster@indonesia.deaths.figure", 174)]


def test_a_figure_denied_above_a_bound(rules):
    text = ("A stampede in a stadium in Malang killed many. The national police denied that the death toll "
            "had risen above 125.")
    found = stances(rules, "en", text)
    assert len(found) == 1 and found[0].value.low == 125 and found[0].value.high is None


def test_holder_government_is_the_side(rules):
    found = stances(rules, "en", "Indonesia's National Police denied that tear gas caused the deaths.")
    assert [(c.subject, c.speaker, c.proposition) for c in found] == \
        [("indonesia", "indonesia_police", "tear_gas.cause_deaths.indonesia")]


def test_a_name_no_table_knows_is_an_agent(rules):
    found = stances(rules, "id", "Pemerintah Jepang menyebut radio itu dibuat oleh Icom Incorporated.")
    assert [c.proposition for c in found] == ["icom_incorporated.manufacture.unknown"]


def test_reports_of_a_deployment_are_no_assertion(rules):
    found = stances(rules, "en", "The UN chief said he was concerned about reports of troops deployed to Russia.")
    assert found == []


def test_a_stance_is_dated_when_taken(rules):
    text = ("Pagers exploded across Lebanon on Tuesday. Hezbollah blamed Israel for Tuesday's blasts.")
    found = stances(rules, "en", text, published=date(2024, 9, 19))
    assert found and found[0].when == date(2024, 9, 17)


def test_stance_rule_examples_name_propositions(rules):
    """The stances files' own examples include what the stances are about, in both languages."""
    from checker.rulebook import load_rule_files
    files = [f for f in load_rule_files() if f.kind == "stances"]
    assert {f.language for f in files} >= {"en", "id"}
    for f in files:
        assert sum("propositions" in e for e in f.examples) >= 10, f.path


@pytest.mark.parametrize("lang,text,expected", [
    # what the article narrated before says whose the troops are, when the sentence's words do not
    ("en", "North Korea has sent thousands of troops to Russia's Kursk region. Kremlin denies claims on "
           "N. Korean troops' involvement in Ukraine war.", [("russia", "deny", "north_korea.deployment.russia")]),
    # a verb right after the cue is the holder's own act; a noun is not
    ("en", "Moscow has repeatedly denied sending troops to Ukraine.", [("russia", "deny", "russia.deployment.ukraine")]),
    ("id", "Korea Utara membantah mengirim senjata ke Rusia.",
     [("north_korea", "deny", "north_korea.weapons_transfer.russia")]),
    ("en", "Russia's defence ministry denied that its forces had shelled the hospital in Kharkiv.",
     [("russia", "deny", "russia.attack.ukraine")]),
    ("id", "Kementerian Pertahanan Rusia membantah pasukannya menyerang rumah sakit di Kharkiv.",
     [("russia", "deny", "russia.attack.ukraine")]),
    ("en", "Kyiv accused Moscow of attacking civilian infrastructure in Odesa.",
     [("ukraine", "confirm", "russia.attack.ukraine")]),
    ("id", "Pemerintah Iran menampik tuduhan bahwa negaranya memasok drone ke Rusia.",
     [("iran", "deny", "iran.weapons_transfer.russia")]),
    # the rockets are the attack's, not what "di balik" governs
    ("id", "Israel menuding Hamas berada di balik serangan roket tersebut.", [("israel", "confirm", "hamas.attack.israel")]),
    # nothing to say what a bare denial is about: no stance rather than a guess
    ("en", "China dismissed the report as groundless.", []),
    ("id", "BNPB belum dapat memastikan jumlah korban meninggal akibat gempa Cianjur.", []),
])
def test_general_sentences(rules, lang, text, expected):
    found = stances(rules, lang, text)
    assert [(c.subject, c.stance, c.proposition) for c in found] == expected, found
