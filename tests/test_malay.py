"""End-to-end: a Malay article about the seeds' story (tests/data/malay, no language in its front
matter), scanned with the seeds by the real command, is identified as Malay, shares the seeds'
facts and yields the same kinds of findings; and the reports speak the language asked for."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MALAY = "warta_2024-11-04_askar_korea_utara"


def scan(tmp_path, *options) -> tuple[int, str]:
    out = tmp_path / "report.out"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "scan", "seeds", "tests/data/malay", *options,
                          "--out", out], cwd=ROOT, capture_output=True, text=True, timeout=300)
    return run.returncode, (out.read_text(encoding="utf-8") if out.exists() else run.stderr)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    code, text = scan(tmp_path_factory.mktemp("malay"), "--format", "json")
    assert code == 1, text
    return json.loads(text)


def key(claim: dict) -> tuple:
    return (claim["kind"], claim["proposition"]) if claim["kind"] == "stance" else (
        claim["kind"], claim["subject"], claim["measure"])


def test_the_malay_article_is_identified_and_read(report):
    (article,) = [a for a in report["articles"] if a["id"] == MALAY]
    assert article["language"] == "ms"
    claims = [c for c in report["claims"] if c["article"] == MALAY]
    figures = {(c["subject"], c["measure"], c["value"]["low"], c["where"]) for c in claims if c["kind"] == "quantity"}
    assert ("north_korea", "troops", 11000, "kursk") in figures  # "seramai 11,000 askar": the comma groups
    stances = {(c["subject"], c["stance"], c["proposition"]) for c in claims if c["kind"] == "stance"}
    assert ("russia", "deny", "north_korea.deployment.russia") in stances  # "Kremlin ... menafikan"
    assert ("nato", "confirm", "north_korea.deployment.russia") in stances  # "Rutte mengesahkan"
    # page noise of a Malaysian outlet: the related link's figure and the share prompt are gone
    assert not any("5,000" in c["evidence"]["text"] or "Kongsi" in c["evidence"]["text"] for c in claims)


def test_it_shares_the_seeds_facts(report):
    malay = {key(c) for c in report["claims"] if c["article"] == MALAY}
    seeds = {key(c) for c in report["claims"] if c["article"] != MALAY}
    assert malay and malay <= seeds
    shared = [f for f in report["facts"] if any(MALAY in v["articles"] for v in f["values"])]
    assert {f["kind"] for f in shared} == {"quantity", "stance"}


def test_it_yields_the_seeds_kinds_of_findings(report):
    seeds_only = [f for f in report["findings"] if MALAY not in f["articles"]]
    with_malay = [f for f in report["findings"] if MALAY in f["articles"] and len(f["articles"]) > 1]
    kinds = {(f["type"], f["dimension"]) for f in with_malay}
    # the stance findings the seeds raise among themselves, raised across the two languages
    assert {("conflict", "stance"), ("reversal", "stance")} <= kinds
    assert {("conflict", "stance"), ("reversal", "stance")} <= {(f["type"], f["dimension"]) for f in seeds_only}
    # the Malay figure for Kursk meets Tribunnews' 8.000 for Kursk a day earlier
    claims = {c["id"]: c for c in report["claims"]}
    kursk = [f for f in with_malay if f["dimension"] == "quantity"
             and {claims[c]["value"]["low"] for c in f["claims"]} == {8000, 11000}]
    assert kursk and kursk[0]["type"] == "conflict"


def test_reports_speak_the_language_asked_for(tmp_path, report):
    code, indonesian = scan(tmp_path, "--format", "markdown", "--report-lang", "id")
    assert code == 1
    assert indonesian.startswith("## Laporan konsistensi fakta")
    assert "Rusia membantah “pengerahan pasukan Korea Utara di Rusia” (Rusia, Warta Semenanjung, 4 Nov 2024), " \
           "tetapi kemudian membenarkan hal itu (Gerasimov, VIVA, 29 Apr 2025)" in indonesian
    assert "melaporkan 8.000 pasukan Korea Utara di Kursk" in indonesian  # Indonesian number format
    code, malay = scan(tmp_path, "--format", "markdown", "--report-lang", "ms")
    assert "melaporkan 11,000 askar Korea Utara di Kursk menurut Jabatan Pertahanan AS" in malay
    assert "### Fakta yang dipertikaikan" in malay
    code, english = scan(tmp_path, "--format", "json", "--report-lang", "en")
    assert json.loads(english)["findings"] == report["findings"]  # English is the default
    # the same findings whatever the language: fingerprints do not depend on the words
    code, json_id = scan(tmp_path, "--format", "json", "--report-lang", "id")
    assert [f["id"] for f in json.loads(json_id)["findings"]] == [f["id"] for f in report["findings"]]


def test_an_unknown_report_language_is_a_usage_error(tmp_path):
    code, message = scan(tmp_path, "--report-lang", "xx")
    assert code == 2 and "'xx'" in message and "en, id, ms" in message
