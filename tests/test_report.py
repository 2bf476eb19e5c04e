"""Reports: the JSON contract, Markdown for a pull request, JUnit XML, baselines, the claims table."""
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from checker import cli
from checker.compare import compare_all
from checker.compare.settings import compile_settings
from checker.model import Article, Claim, Evidence, Interval
import pytest

from checker.report import (OutdatedBaseline, baseline_file, build_report, claims_table, new_findings, to_junit,
                            to_markdown)
from checker.rulebook import load_rule_file

SETTINGS = compile_settings([load_rule_file(Path(__file__).resolve().parent.parent / "rules" / "compare.yaml").data])

ARTICLES = [
    Article("tribun", "body", "id", title="8.000 tentara Korut di Kursk", source="Tribunnews",
            url="https://example.org/tribun", published=date(2024, 11, 3)),
    Article("kontan", "body", "id", title="AS: 10.000 tentara", source="Kontan", published=date(2024, 10, 28)),
]
TRICKY = 'Kata "Peskov" <tidak> & | ada\x0b bukti; ]]> end'
CLAIMS = [
    Claim("tribun:1", "tribun", "quantity", Evidence("Sebanyak 8.000 tentara berada di Kursk.", 10, 49),
          subject="north_korea", measure="troops", value=Interval(8000, 8000), unit="count", where="kursk",
          when=date(2024, 11, 3), extra=(("figure", "8.000"), ("published", date(2024, 11, 3)))),
    Claim("kontan:1", "kontan", "quantity", Evidence(TRICKY, 0, len(TRICKY)), subject="north_korea",
          measure="troops", value=Interval(10000, None, low_open=True), unit="count", where="kursk",
          when=date(2024, 10, 30), speaker="united_states"),
    Claim("kontan:2", "kontan", "duration", Evidence("hampir tiga tahun perang", 80, 104), measure="war",
          value=Interval(2.7 * 365.25 * 86400, 3 * 365.25 * 86400, high_open=True), unit="year",
          when=date(2024, 10, 28), extra=(("since", date(2022, 2, 1)),)),
]


def report():
    findings = compare_all(CLAIMS, {a.id: a for a in ARTICLES}, SETTINGS,
                           within=lambda inner, outer: inner == outer, government_of=lambda a: a)
    return build_report(ARTICLES, CLAIMS, findings)


def test_json_follows_the_contract():
    r = json.loads(json.dumps(report()))  # plain JSON all the way down
    assert r["version"] == 1 and set(r) >= {"articles", "claims", "findings"}
    article = r["articles"][0]
    assert set(article) >= {"id", "source", "url", "published", "language", "title"}
    assert {a["id"]: a["published"] for a in r["articles"]} == {"tribun": "2024-11-03", "kontan": "2024-10-28"}
    for claim in r["claims"]:
        assert set(claim) >= {"id", "article", "kind", "subject", "measure", "value", "where", "when",
                              "modality", "speaker", "stance", "proposition", "evidence"}
        assert set(claim["value"]) >= {"low", "high", "unit"}
        assert set(claim["evidence"]) == {"text", "start", "end"}
    by_id = {c["id"]: c for c in r["claims"]}
    assert by_id["kontan:1"]["value"]["high"] is None and by_id["kontan:1"]["value"]["low"] == 10000
    assert by_id["tribun:1"]["when"] == "2024-11-03"
    assert by_id["kontan:2"]["value"]["unit"] == "year" and abs(by_id["kontan:2"]["value"]["low"] - 2.7) < 1e-9
    [finding] = r["findings"]
    assert set(finding) >= {"id", "type", "dimension", "severity", "claims", "articles", "summary", "reasons"}
    assert finding["type"] == "conflict" and finding["severity"] == "high"
    assert isinstance(finding["claims"], list) and isinstance(finding["reasons"], list)
    assert r["fingerprint_scheme"] == 5 and len(finding["id"]) == 16


def test_json_has_the_disputed_facts():
    r = json.loads(json.dumps(report()))
    [fact] = r["facts"]
    assert set(fact) >= {"id", "subject", "measure", "where", "label", "values", "findings"}
    assert (fact["subject"], fact["measure"], fact["where"]) == ("north_korea", "troops", "kursk")
    assert fact["findings"] == [r["findings"][0]["id"]] and fact["behaviour"] == "stock"
    by_when = {v["when"]: v for v in fact["values"]}
    assert set(by_when) == {"2024-10-30", "2024-11-03"}
    assert by_when["2024-10-30"]["source"] == "United States" and by_when["2024-10-30"]["outlets"] == ["Kontan"]
    assert by_when["2024-11-03"]["source"] == "Tribunnews" and by_when["2024-11-03"]["claims"] == ["tribun:1"]
    assert {v["status"] for v in fact["values"]} == {"conflict"}
    claim = next(c for c in r["claims"] if c["id"] == "tribun:1")
    assert "event" in claim and claim["event"] is None


def test_markdown_has_a_table_and_quoted_evidence_with_outlets():
    r = report()
    md = to_markdown(r)
    assert "| Type | Severity | Findings |" in md and "| conflict | high | 1 |" in md
    # the disputed facts lead, each with its values by source and time
    assert md.index("### Disputed facts") < md.index("### Findings")
    assert "| 3 Nov 2024 | 8,000 | Tribunnews | Tribunnews | conflict |" in md
    assert "| 30 Oct 2024 | more than 10,000 | United States | Kontan | conflict |" in md
    assert f"`{r['findings'][0]['id']}`" in md  # the whole fingerprint, as the JSON and the API give it
    assert "> Sebanyak 8.000 tentara berada di Kursk." in md
    assert "[Tribunnews](https://example.org/tribun), 3 Nov 2024" in md and "**Kontan**, 28 Oct 2024" in md
    assert "&lt;tidak&gt; &amp;" in md  # page text cannot inject markup into the comment


def test_markdown_of_a_clean_scan():
    clean = build_report(ARTICLES, CLAIMS[:1], [])
    assert "No contradictions found." in to_markdown(clean)


def test_junit_parses_and_holds_every_finding_as_a_failure():
    r = report()
    root = ET.fromstring(to_junit(r).encode("utf-8"))
    failures = list(root.iter("failure"))
    assert len(failures) == len(r["findings"]) == 1
    assert failures[0].get("message") == r["findings"][0]["summary"]
    assert "<tidak> & |" in failures[0].text and "\x0b" not in failures[0].text
    clean = ET.fromstring(to_junit(build_report(ARTICLES, CLAIMS[:1], [])))
    assert not list(clean.iter("failure")) and len(list(clean.iter("testcase"))) == 1


def test_new_findings_against_a_report_or_a_fingerprint_list():
    r = report()
    assert new_findings(r, r) == []
    assert new_findings(r, baseline_file(r)) == []
    assert new_findings(r, {"version": 2, "fingerprint_scheme": 5, "fingerprints": []}) == r["findings"]
    assert new_findings(r, [f["id"] for f in r["findings"]]) == []
    assert new_findings(r, []) == r["findings"] and new_findings(r, None) == r["findings"]


def test_a_baseline_made_before_findings_per_disagreement_must_be_remade():
    r = report()
    old_ids = ["0cedb797008523b97d7ab8c9890f2da69e9f651c"]  # scheme 1: sha1 of a pair of claims
    for old in ({"version": 1, "fingerprints": old_ids},
                {"version": 1, "findings": [{"id": old_ids[0], "type": "conflict"}]}, old_ids):
        with pytest.raises(OutdatedBaseline, match="checker baseline"):
            new_findings(r, old)
    # an old baseline that held nothing suppressed nothing: it still works
    assert new_findings(r, {"version": 1, "fingerprints": []}) == r["findings"]


def test_updates_are_information_not_failures():
    update = dict(report()["findings"][0], id="u" * 16, type="update", severity="info")
    r = dict(report(), findings=report()["findings"] + [update])
    root = ET.fromstring(to_junit(r).encode("utf-8"))
    assert root.get("failures") == "1" and len(list(root.iter("testcase"))) == 2
    assert len(list(root.iter("system-out"))) == 1


def test_claims_table_is_fixed_width_and_readable():
    table = claims_table(CLAIMS)
    lines = table.splitlines()
    assert lines[0].startswith("ID") and set(lines[1]) <= {"-", " "}
    assert "8000" in table and ">10000" in table and "2.7-3 year" in table
    assert lines[-1] == "3 claims"
    starts = [line.index("quantity") for line in lines[2:4]]
    assert starts[0] == starts[1]  # columns line up


def test_a_named_part_of_the_day_keeps_one_bodys_values_apart_and_shows():
    """One body's 16 "hingga Selasa pagi" and 22 "as of Tuesday morning" relayed by two outlets
    cannot both hold: a conflict, and the fact's table says which part of the day each holds for."""
    articles = [Article("antara", "body", "id", source="Antara", published=date(2024, 1, 2)),
                Article("reuters", "body", "en", source="Reuters", published=date(2024, 1, 2))]
    claims = [Claim(f"{a}:1", a, "quantity", Evidence(f"{n} seriously injured", 0, 20), subject="quake",
                    measure="injured_serious", value=Interval(n, n), unit="count", when=date(2024, 1, 2),
                    speaker="ishikawa", extra=(("figure", str(n)), ("published", date(2024, 1, 2)), ("day_part", 2)))
              for a, n in (("antara", 16), ("reuters", 22))]
    findings = compare_all(claims, {a.id: a for a in articles}, SETTINGS,
                           within=lambda inner, outer: inner == outer, government_of=lambda a: a)
    r = json.loads(json.dumps(build_report(articles, claims, findings)))
    assert [f["type"] for f in r["findings"]] == ["conflict"]
    [fact] = r["facts"]
    assert sorted((v["day_part"], v["status"]) for v in fact["values"]) == [(2, "conflict"), (2, "conflict")]
    assert "| 2 Jan 2024, morning | 16 |" in to_markdown(r)


def test_a_happening_of_several_days_meets_a_day_inside_them_and_conflicts_with_one_outside():
    """The blasts "on Tuesday and Wednesday" (17-18 September) hold with another outlet's Wednesday,
    not with a third's 20 September; the finding and the fact's table show the run of days."""
    articles = [Article(a, "body", "en", source=a.title(), published=date(2024, 9, 22)) for a in ("one", "two", "three")]
    days = {"one": (date(2024, 9, 17), date(2024, 9, 18)), "two": (date(2024, 9, 18), None),
            "three": (date(2024, 9, 20), None)}
    claims = [Claim(f"{a}:1", a, "event_date", Evidence("the blasts", 0, 10), subject="explosion@lebanon",
                    measure="occurred", when=first, extra=(("published", date(2024, 9, 22)),)
                    + ((("until", last),) if last else ()))
              for a, (first, last) in days.items()]
    findings = compare_all(claims, {a.id: a for a in articles}, SETTINGS,
                           within=lambda inner, outer: inner == outer, government_of=lambda a: a)
    pairs = sorted(tuple(sorted(f.articles)) for f in findings if f.type == "conflict")
    assert pairs == [("one", "three"), ("three", "two")]
    r = json.loads(json.dumps(build_report(articles, claims, findings)))
    assert "17–18 Sep 2024" in " ".join(f["summary"] for f in r["findings"])
    assert "2024-09-17/2024-09-18" in [v["value"] for fact in r["facts"] for v in fact["values"]]
    assert "| 17–18 Sep 2024 |" in to_markdown(r)


def test_a_stance_dated_by_a_month_shows_the_month_and_turns_against_a_later_one(tmp_path):
    """A government that confirmed "in April" and denied "last month" (an article of November):
    each stance holds over its month, in order, so the turn is a reversal, and the fact's table
    shows the months, not their first days."""
    (tmp_path / "a.txt").write_text(
        "Minsk and the troops\n\nPublished: Monday, November 21, 2022\n\n"
        "Shells hit Kharkiv on Friday, Ukrainian officials said.\n\n"
        "In April, Belarus confirmed that its troops had been sent to Russia.\n\n"
        "Last month, Minsk denied that its soldiers were in Russia.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    assert cli.main(["scan", str(tmp_path), "--format", "json", "--out", str(out), "--fail-on", "never"]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    [fact] = r["facts"]
    assert [(v["value"], v["when"], v["until"]) for v in fact["values"]] == [
        ("confirm", "2022-04-01", "2022-04-30"), ("deny", "2022-10-01", "2022-10-31")]
    assert [f["type"] for f in r["findings"]] == ["reversal"]
    markdown = to_markdown(r)
    assert "| 1–30 Apr 2022 | confirm |" in markdown and "| 1–31 Oct 2022 | deny |" in markdown


@pytest.mark.parametrize("language", ["id", "ms"])
def test_every_kind_of_incident_has_a_name_in_the_report_language(language):
    """A fact's subject is written with its incident's name ("korban tewas dalam badai di Filipina"):
    without one an Indonesian or Malay report would show the rules' English id ("storm")."""
    from checker.rulebook import default_rules

    rules = default_rules().for_language(language)
    names = rules["wording"].names
    assert [kind for kind in rules["incidents"].order if kind not in names] == []
