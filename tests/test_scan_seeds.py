"""End-to-end: `checker scan seeds/` finds the story's contradictions and nothing spurious."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    out = tmp_path_factory.mktemp("scan") / "report.json"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "scan", "seeds", "--format", "json",
                          "--out", out], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # the seeds do contradict each other
    report = json.loads(out.read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in report["claims"]}
    return report, claims


def findings(report, type_, dimension):
    return [f for f in report["findings"] if f["type"] == type_ and f["dimension"] == dimension]


def test_8000_vs_10000_is_a_discrepancy(scan):
    report, claims = scan
    hits = []
    for f in findings(report, "discrepancy", "quantity"):
        values = {claims[c]["value"]["low"] for c in f["claims"]} | {claims[c]["value"]["high"] for c in f["claims"]}
        if 8000 in values and any(v and 9000 <= v <= 11000 for v in values if v != 8000):
            hits.append(f)
    assert hits, report["findings"]
    assert any(set(f["articles"]) & {"002_91fd489c48fefebd", "003_158c1db966d4b687"} for f in hits)
    assert all(any(r in " ".join(f["reasons"]) for r in ("scope", "modality")) for f in hits)


def test_confirm_vs_deny_is_a_conflict(scan):
    report, claims = scan
    hits = [f for f in findings(report, "conflict", "stance")
            if {claims[c]["subject"] for c in f["claims"]} >= {"nato", "russia"}
            or {claims[c]["subject"] for c in f["claims"]} >= {"nato", "north_korea"}]
    assert hits, report["findings"]


@pytest.mark.parametrize("actor", ["russia", "north_korea"])
def test_reversal(scan, actor):
    report, claims = scan
    hits = [f for f in findings(report, "reversal", "stance")
            if {claims[c]["subject"] for c in f["claims"]} == {actor}
            and {claims[c]["stance"] for c in f["claims"]} == {"deny", "confirm"}]
    assert hits, report["findings"]


def test_no_flag_from_non_denial_or_durations(scan):
    report, claims = scan
    for f in report["findings"]:
        kinds = [claims[c] for c in f["claims"]]
        assert not any(c["stance"] == "non_denial" for c in kinds), f
        assert f["dimension"] != "duration", f


def test_summaries_are_sentences(scan):
    report, _ = scan
    for f in report["findings"]:
        assert f["summary"] and not f["summary"][0].islower() and f["summary"].endswith(".") and f["reasons"]
        assert len(f["claims"]) >= 2 and f["severity"] in ("high", "medium", "low", "info")


def test_fingerprints_stable_across_runs(scan, tmp_path):
    report, _ = scan
    out = tmp_path / "again.json"
    subprocess.run([sys.executable, "-m", "checker.cli", "scan", *sorted(ROOT.glob("seeds/*.txt"), reverse=True),
                    "--format", "json", "--out", out], cwd=ROOT, capture_output=True, timeout=300)
    again = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(f["id"] for f in again["findings"]) == sorted(f["id"] for f in report["findings"])


def test_baseline_reports_only_new_findings(scan, tmp_path):
    base = tmp_path / "baseline.json"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "baseline", "seeds", "--out", base],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "checker.cli", "scan", "seeds", "--baseline", base,
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["findings"] == []


def test_markdown_and_junit(tmp_path):
    import xml.etree.ElementTree as ET

    md = subprocess.run([sys.executable, "-m", "checker.cli", "scan", "seeds", "--format", "markdown"],
                        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert md.returncode == 1 and "|" in md.stdout and ">" in md.stdout
    junit = subprocess.run([sys.executable, "-m", "checker.cli", "scan", "seeds", "--format", "junit"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    root = ET.fromstring(junit.stdout)
    assert list(root.iter("failure"))
