"""The claims the five seeds must yield (issue: claim extraction), each with its evidence.

The seeds are a floor, not the target: these tests pin what real articles from one story need,
the rule corpora pin the general behaviour."""
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import read_article_file
from checker.pipeline import analyse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds(rules):
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        article, claims = analyse(read_article_file(path, rules), rules)
        out[path.name[:3]] = (article, claims)
    return out


def quantities(claims, low=None, high=None):
    return [c for c in claims if c.kind == "quantity" and (low is None or c.value.low == low)
            and (high is None or c.value.high == high)]


def stances(claims, subject=None, stance=None):
    return [c for c in claims if c.kind == "stance" and (subject is None or c.subject == subject)
            and (stance is None or c.stance == stance)]


def test_8000_troops_in_kursk(seeds):
    article, claims = seeds["000"]
    found = [c for c in quantities(claims, 8000, 8000) if c.measure == "troops"]
    assert found, [c for c in claims if c.kind == "quantity"]
    c = found[0]
    assert c.subject == "north_korea" and c.where == "kursk"
    assert "8.000" in c.evidence.text
    assert article.body[c.evidence.start:c.evidence.end] == c.evidence.text


def test_about_10000_planned(seeds):
    _, claims = seeds["002"]
    found = [c for c in quantities(claims) if c.measure == "troops" and c.value.low <= 10000 <= c.value.high
             and c.value.low < 10000]
    assert found and found[0].modality == "planned" and found[0].subject == "north_korea"


def test_10000_alleged(seeds):
    _, claims = seeds["003"]
    found = [c for c in quantities(claims, 10000, 10000) if c.measure == "troops"]
    assert found and found[0].modality == "alleged" and found[0].subject == "north_korea"


def test_600000_casualties_attributed_to_rutte(seeds):
    _, claims = seeds["001"]
    found = [c for c in quantities(claims) if c.value.low == 600000]
    assert found, [c for c in claims if c.kind == "quantity"]
    c = found[0]
    assert c.value.high is None and c.value.low_open
    assert c.subject == "russia" and c.measure == "casualties"
    assert dict(c.extra).get("speaker_name") == "rutte" and c.speaker == "nato"


def test_stances_of_001(seeds):
    _, claims = seeds["001"]
    prop = "north_korea.deployment.russia"
    nato = stances(claims, "nato", "confirm")
    assert nato and nato[0].proposition == prop and nato[0].when == date(2024, 10, 28)
    kremlin = stances(claims, "russia", "deny")
    assert kremlin and kremlin[0].proposition == prop
    putin = [c for c in stances(claims, "russia") if c.speaker == "putin"]
    assert putin and putin[0].stance == "non_denial"
    assert stances(claims, "north_korea", "deny"), "North Korea's UN mission dismisses the reports"


def test_nato_confirms_in_002(seeds):
    _, claims = seeds["002"]
    assert [c for c in stances(claims, "nato", "confirm") if c.proposition == "north_korea.deployment.russia"]


def test_nebenzia_denies(seeds):
    _, claims = seeds["003"]
    found = [c for c in stances(claims, "russia", "deny") if c.speaker == "nebenzia"]
    assert found and found[0].proposition == "north_korea.deployment.russia"


def test_confirmations_of_004(seeds):
    _, claims = seeds["004"]
    gerasimov = [c for c in stances(claims, "russia", "confirm") if c.speaker == "gerasimov"]
    assert gerasimov and gerasimov[0].when == date(2025, 4, 26)
    assert gerasimov[0].proposition == "north_korea.deployment.russia"
    korea = stances(claims, "north_korea", "confirm")
    assert korea and korea[0].when == date(2025, 4, 28)
    assert korea[0].proposition == "north_korea.deployment.russia"


def test_guterres_statement_dated(seeds):
    _, claims = seeds["000"]
    dated = [c for c in claims if c.kind == "event_date" and c.when == date(2024, 11, 3)]
    assert dated and dated[0].subject == "united_nations"


def test_durations(seeds):
    _, claims002 = seeds["002"]
    _, claims004 = seeds["004"]
    three_years = 3 * 365.25 * 86400
    almost = [c for c in claims002 if c.kind == "duration"]
    assert almost and almost[0].value.high <= three_years * 1.001 and almost[0].value.low < three_years
    more = [c for c in claims004 if c.kind == "duration" and c.value.low and c.value.low >= three_years * 0.999]
    assert more


def test_no_claims_from_noise(seeds):
    for name, (article, claims) in seeds.items():
        for c in claims:
            text = c.evidence.text
            assert "Baca" not in text and "©" not in text and "Halaman" not in text, (name, text)
        for figure in ("1.527.000", "15.730", "7.635"):
            assert figure not in article.body, (name, figure)


def test_publication_dates(seeds):
    assert seeds["001"][0].published == date(2024, 10, 28)
    assert seeds["004"][0].published == date(2025, 4, 29)


def test_outlets_named_by_their_pages(seeds):
    assert seeds["001"][0].source == "KONTAN.CO.ID"
    assert seeds["000"][0].source == "TRIBUNNEWS.COM"
    assert seeds["004"][0].source == "VIVA"
