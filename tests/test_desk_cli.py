"""Review decisions in CI and the store's accounts from the command line: the real `checker`
command in a subprocess."""
import json

import yaml

from test_cli import SEEDS, checker


def seed_report(tmp_path) -> dict:
    out = tmp_path / "report.json"
    assert checker("scan", SEEDS, "--format", "json", "--out", out).returncode == 1
    return json.loads(out.read_text(encoding="utf-8"))


def test_decisions_keep_dismissed_findings_from_failing_and_report_confirmed_as_known(tmp_path):
    flagged = [f["id"] for f in seed_report(tmp_path)["findings"] if f["type"] in ("conflict", "reversal")]
    assert len(flagged) >= 2
    decisions = tmp_path / "decisions.json"
    entries = [{"finding": flagged[0], "state": "confirmed", "note": "checked"}]
    entries += [{"finding": f, "state": "dismissed", "reason": "different_scope"} for f in flagged[1:]]
    decisions.write_text(json.dumps({"decisions": entries}), encoding="utf-8")
    result = checker("scan", SEEDS, "--decisions", decisions, "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    ids = [f["id"] for f in report["findings"]]
    assert flagged[0] in ids and not set(flagged[1:]) & set(ids)
    assert sorted(report["dismissed"]) == sorted(flagged[1:])
    markdown = checker("scan", SEEDS, "--decisions", decisions).stdout
    assert f"`{flagged[0]}` — known: confirmed by a reviewer" in markdown
    # one confirmation less: the finding it left open fails the scan again
    decisions.write_text(json.dumps({"decisions": entries[:-1]}), encoding="utf-8")
    assert checker("scan", SEEDS, "--decisions", decisions).returncode == 1


def test_a_baseline_file_may_carry_the_decisions(tmp_path):
    flagged = [f["id"] for f in seed_report(tmp_path)["findings"] if f["type"] in ("conflict", "reversal")]
    baseline = tmp_path / "baseline.json"
    assert checker("baseline", SEEDS / "000_80da218001a5c4dd.txt", "--out", baseline).returncode == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["decisions"] = [{"finding": f, "state": "dismissed", "reason": "other"} for f in flagged]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    assert checker("scan", SEEDS, "--baseline", baseline).returncode == 0


def test_a_bad_decisions_file_names_the_entry(tmp_path):
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"decisions": [{"finding": "abc", "state": "dismissed"}]}), encoding="utf-8")
    result = checker("scan", SEEDS, "--decisions", decisions)
    assert result.returncode == 2
    assert "decisions[0].reason" in result.stderr and "Traceback" not in result.stderr


def test_tokens_add_list_revoke(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    added = checker("tokens", "add", "rita", "--role", "reviewer", "--database", url)
    assert added.returncode == 0 and len(added.stdout.strip()) >= 40
    assert checker("tokens", "add", "rita", "--database", url).returncode == 2
    assert checker("tokens", "add", "bad name", "--database", url).returncode == 2
    listed = checker("tokens", "list", "--database", url).stdout.split("\t")
    assert listed[:2] == ["rita", "reviewer"] and listed[-1].strip() == "active"
    assert checker("tokens", "revoke", "rita", "--database", url).returncode == 0
    assert "revoked" in checker("tokens", "list", "--database", url).stdout
    assert checker("tokens", "revoke", "rita", "--database", url).returncode == 2


def test_extraction_errors_export_as_claim_pair_examples(tmp_path):
    from checker.api import create_app
    from checker.usecases.posting import Submission, post_article
    from checker.desk.decisions import decide, validated

    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "API_TOKEN": "t"})
    state = app.extensions["checker"]
    findings = []
    for path in sorted(SEEDS.glob("*.txt")):
        result = post_article(state.sessions, Submission(path.read_text(encoding="utf-8"), False, None, {}),
                              state.rules, state.fetch)
        findings += result.report["findings"]
    chosen, other = findings[0], findings[1]
    decide(state.sessions, chosen["id"], validated("dismissed", "extraction_error", "misread speaker"), "rita")
    decide(state.sessions, other["id"], validated("dismissed", "update"), "rita")
    state.engine.dispose()
    result = checker("decisions", "export", "--database", url)
    assert result.returncode == 0, result.stderr
    examples = yaml.safe_load(result.stdout)["examples"]
    assert [e["finding"] for e in examples] == [chosen["id"]]
    example = examples[0]
    assert example["expect"] == "none" and example["a"] and example["b"]
    assert "misread speaker" in example["text"] and "rita" in example["text"]
    # a case compare.yaml can take as it is: run as its examples are, the pair still makes the
    # finding the reviewer dismissed, so it fails until the engine is mended
    from checker.compare.examples import run_example
    from checker.rulebook import default_rules

    expected, actual = run_example(example, default_rules())
    assert expected == [] and [a["type"] for a in actual] == [chosen["type"]]
    listed = json.loads(checker("decisions", "list", "--database", url).stdout)["decisions"]
    assert {d["finding"] for d in listed} == {chosen["id"], other["id"]}
