"""End-to-end on the fresh stories (corpus/fresh): `checker scan` finds what each story's
expect.yaml says a reviewer must see, and flags none of its traps."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STORIES = sorted(p.parent for p in (ROOT / "corpus" / "fresh").glob("*/expect.yaml"))


@pytest.fixture(scope="module", params=STORIES, ids=[s.name for s in STORIES])
def story(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param.name) / "report.json"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "scan", str(request.param / "articles"),
                          "--format", "json", "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    expect = yaml.safe_load((request.param / "expect.yaml").read_text(encoding="utf-8"))
    return report, {c["id"]: c for c in report["claims"]}, expect


def holds(claim: dict, value: float) -> bool:
    low, high = claim["value"]["low"], claim["value"]["high"]
    return low is not None and low <= value <= (high if high is not None else low)


def happening(claim: dict) -> tuple:
    event = claim.get("event") or {}
    return claim["subject"], event.get("day")


def joins(finding: dict, claims: dict, measure: str | None, values: list) -> bool:
    """Whether two different claims of the finding (of the measure) hold the two values. A finding
    sets differing figures against each other, so two claims of one value stand on its same side:
    two equal values (Pahalgam's 26 dead in April, the strikes' 26 in May) join only as figures of
    two happenings."""
    mine = [claims[c] for c in finding["claims"]
            if claims[c]["value"] is not None and (measure is None or claims[c]["measure"] == measure)]
    a, b = values
    return any(x is not y and holds(x, a) and holds(y, b) and (a != b or happening(x) != happening(y))
               for x in mine for y in mine)


def test_finds_what_a_reviewer_must_see(story):
    report, claims, expect = story
    for want in expect["findings"]:
        hits = [f for f in report["findings"] if f["dimension"] == want["dimension"]
                and ("type" not in want or f["type"] == want["type"])
                and ("values" not in want or joins(f, claims, want.get("measure"), want["values"]))]
        assert hits, (want, [f["summary"] for f in report["findings"]])


def test_flags_no_trap(story):
    report, claims, expect = story
    for trap in expect["traps"]:
        flagged = [f["summary"] for f in report["findings"] if f["type"] != "update"
                   and joins(f, claims, trap["measure"], trap["values"])]
        assert not flagged, (trap, flagged)
