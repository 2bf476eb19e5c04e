"""Review decisions on findings: a finding is `open` until a reviewer marks it `confirmed` (a
real contradiction) or `dismissed` (not one, for a reason from a short list), with a note; who
decided and when are recorded. Decisions are keyed by the finding's fingerprint, so they last
across rescans and re-posts, and a decisions file applies them to a scan in CI."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

STATES = ("open", "confirmed", "dismissed")
REASONS = ("update", "different_scope", "extraction_error", "other")
REASON_WORDS = {"update": "an update, not a contradiction", "different_scope": "different scope",
                "extraction_error": "extraction error", "other": "other"}
MAX_NOTE = 2000


class DecisionError(ValueError):
    """A decision that cannot be recorded: `field` names what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Decision:
    state: str
    reason: str | None = None
    note: str = ""


def validated(state: object, reason: object = None, note: object = "") -> Decision:
    """A decision from untrusted fields, or DecisionError naming the field."""
    if state not in STATES:
        raise DecisionError("state", f"state must be one of {', '.join(STATES)}")
    if reason in ("", None):
        reason = None
    elif reason not in REASONS:
        raise DecisionError("reason", f"reason must be one of {', '.join(REASONS)}")
    if state == "dismissed" and reason is None:
        raise DecisionError("reason", "a dismissal needs a reason: " + ", ".join(REASONS))
    if state != "dismissed" and reason is not None:
        raise DecisionError("reason", "only a dismissal has a reason")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise DecisionError("note", "note must be text")
    if len(note) > MAX_NOTE:
        raise DecisionError("note", f"note is longer than {MAX_NOTE} characters")
    return Decision(state, reason, note.strip())


def decide(sessions, finding_id: str, decision: Decision, actor: str):
    """Record `decision` on a stored finding: the stored decision, or None for an unknown finding."""
    from checker.storage import desk
    from checker.storage.models import FindingRecord

    with sessions() as session:
        if session.get(FindingRecord, finding_id) is None:
            return None
    return desk.save_decision(sessions, finding_id, decision.state, decision.reason, decision.note, actor)


# --- decisions files (CI) ---------------------------------------------------------------------

class DecisionsFileError(ValueError):
    """A decisions file that cannot be used; the message names the file and the entry."""


def decisions_file(decisions) -> dict:
    """What GET /api/v1/decisions answers and `checker scan --decisions` reads."""
    return {"decisions": [d.as_json() for d in decisions]}


def read_decisions(path: str) -> dict[str, Decision]:
    """finding id -> decision from a decisions file, or the `decisions` of a baseline file (a
    baseline without them holds none)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecisionsFileError(f"{path}: cannot read a JSON decisions file: {exc}")
    entries = data.get("decisions", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DecisionsFileError(f"{path}: expected {{\"decisions\": [...]}}")
    found: dict[str, Decision] = {}
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("finding"), str):
            raise DecisionsFileError(f"{path}: decisions[{n}]: needs a 'finding' id")
        try:
            found[entry["finding"]] = validated(entry.get("state"), entry.get("reason"), entry.get("note", ""))
        except DecisionError as exc:
            raise DecisionsFileError(f"{path}: decisions[{n}].{exc.field}: {exc}")
    return found


def apply_decisions(report: dict, decisions: dict[str, Decision]) -> dict:
    """The report as CI should see it: dismissed findings left out (their ids listed under
    `dismissed`), confirmed ones kept with their decision (known: they fail nothing), the facts
    of left-out findings only where another finding still stands."""
    kept, dismissed = [], []
    for finding in report["findings"]:
        decision = decisions.get(finding["id"])
        if decision is not None and decision.state == "dismissed":
            dismissed.append(finding["id"])
            continue
        if decision is not None and decision.state == "confirmed":
            finding = dict(finding, decision={"state": "confirmed", "note": decision.note})
        kept.append(finding)
    left = {f["id"] for f in kept}
    facts = [fact for fact in report.get("facts", []) if left & set(fact["findings"])]
    return dict(report, findings=kept, facts=facts, dismissed=dismissed)


def decision_json(stored) -> dict:
    """A stored decision as the API shows it on a finding; `{"state": "open"}` for none."""
    if stored is None:
        return {"state": "open"}
    return {k: v for k, v in stored.as_json().items() if k != "finding"}


def stored_finding_json(finding, stored) -> dict:
    from checker.report import finding_json

    return dict(finding_json(finding), decision=decision_json(stored))


# --- the engine's bug list ----------------------------------------------------------------------

EXAMPLE_FIELDS = ("kind", "subject", "measure", "low", "high", "low_open", "high_open", "unit", "where", "when",
                  "published", "modality", "speaker", "stance", "proposition")
EXAMPLE_DEFAULTS = {"kind": "quantity", "unit": "count", "modality": "actual"}  # compare.yaml leaves them out


def _example_side(claim) -> dict:
    published = dict(claim.extra).get("published")
    side = {"kind": claim.kind, "subject": claim.subject, "measure": claim.measure, "unit": claim.unit,
            "where": claim.where, "when": claim.when.isoformat() if claim.when else None,
            "published": published.isoformat() if published and published != claim.when else None,
            "modality": claim.modality, "speaker": claim.speaker, "stance": claim.stance,
            "proposition": claim.proposition}
    if claim.value is not None:
        side.update(low=claim.value.low, high=claim.value.high, low_open=claim.value.low_open or None,
                    high_open=claim.value.high_open or None)
    return {k: side[k] for k in EXAMPLE_FIELDS if side.get(k) is not None and side.get(k) != EXAMPLE_DEFAULTS.get(k)}


def _disagreeing_pair(claims: list) -> list:
    """The finding's first claim and the first after it that says something else (another
    stance, another figure): the two sides of the disagreement, not two claims of one side."""
    def said(claim):
        value = claim.value
        return claim.stance, None if value is None else (value.low, value.high)

    other = next((c for c in claims[1:] if said(c) != said(claims[0])), None)
    return [claims[0], other] if other is not None else claims[:2]


def extraction_error_examples(session) -> list[dict]:
    """The findings reviewers dismissed as extraction errors, each as a claim-pair example in the
    shape of rules/compare.yaml's (`text`, `a`, `b`, `expect: none`), the evidence sentences in
    `text`: ready to be judged, then added there or to the rule file that misread them."""
    from sqlalchemy import select

    from checker.storage import desk
    from checker.storage.codec import claim_from_dict, finding_from_dict
    from checker.storage.models import ClaimRecord, FindingRecord

    examples = []
    for decision in desk.all_decisions(session, "dismissed"):
        if decision.reason != "extraction_error":
            continue
        record = session.get(FindingRecord, decision.finding)
        if record is None:  # its article was deleted: nothing left to learn from
            continue
        finding = finding_from_dict(record.data)
        claims = {r.id: claim_from_dict(r.data) for r in session.scalars(
            select(ClaimRecord).where(ClaimRecord.id.in_(finding.claims)))}
        pair = _disagreeing_pair([claims[c] for c in finding.claims if c in claims])
        if len(pair) < 2:
            continue
        note = f" ({decision.note})" if decision.note else ""
        examples.append({
            "text": f"extraction error{note}, dismissed by {decision.decided_by}: "
                    f"“{pair[0].evidence.text}” / “{pair[1].evidence.text}”",
            "finding": finding.id, "was": {"type": finding.type, "reasons": list(finding.reasons)},
            "a": _example_side(pair[0]), "b": _example_side(pair[1]), "expect": "none"})
    return examples
