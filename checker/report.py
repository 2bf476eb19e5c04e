"""Reports of a scan: the JSON contract of ARCHITECTURE.md, and Markdown, JUnit XML and a plain claims
table made from it. Everything here reads the report dict, so a stored or baseline report
renders the same way as a fresh one."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from typing import Iterable, Mapping

from checker.compare.findings import FINGERPRINT_SCHEME
from checker.compare.wording import count_text, day_text, days_text, shown_range, wording_of
from checker.units import seconds_per
from checker.model import Article, Claim, Finding

REPORT_VERSION = 1
TYPE_ORDER = ("conflict", "reversal", "correction", "discrepancy", "update")
FLAGS = ("conflict", "reversal", "correction", "discrepancy")  # an update is information only


def _iso(value: date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def _scale(claim: Claim) -> float:
    """Durations travel in seconds; the report states them in the unit they were written in."""
    if claim.kind == "duration" and claim.unit:
        try:
            return seconds_per(claim.unit)
        except (AttributeError, ValueError, KeyError):  # a unit pint does not know: seconds
            return 1.0
    return 1.0


# what a reader of a report is told about an article no publication date was found for
UNDATED_NOTE = "no publication date found: relative dates in it are left unresolved"


def article_notes(article: Article) -> list[str]:
    return [UNDATED_NOTE] if article.published is None else []


def article_json(article: Article) -> dict:
    return {"id": article.id, "source": article.source or None, "url": article.url or None,
            "published": _iso(article.published), "language": article.language,
            "title": article.title or None, "notes": article_notes(article)}


def claim_json(claim: Claim) -> dict:
    value = claim.value
    scale = _scale(claim)
    unit = "second" if claim.kind == "duration" and scale == 1.0 else claim.unit

    def scaled(x):
        return None if x is None else x / scale
    return {
        "id": claim.id, "article": claim.article, "kind": claim.kind,
        "subject": claim.subject, "measure": claim.measure,
        "value": {"low": scaled(value.low) if value else None, "high": scaled(value.high) if value else None,
                  "unit": unit,
                  "low_open": bool(value and value.low_open), "high_open": bool(value and value.high_open)},
        "where": claim.where, "when": _iso(claim.when), "modality": claim.modality,
        "speaker": claim.speaker, "stance": claim.stance, "proposition": claim.proposition,
        "evidence": {"text": claim.evidence.text, "start": claim.evidence.start, "end": claim.evidence.end},
        "event": event_json(claim),
        "details": {key: _jsonable(v) for key, v in claim.extra},
    }


def event_json(claim: Claim) -> dict | None:
    event = claim.event
    if event is None:
        return None
    return {"id": event.id, "type": event.type, "country": event.country, "place": event.place,
            "day": _iso(event.day), **({"phase": event.phase} if event.phase else {})}


def finding_json(finding: Finding) -> dict:
    out = {"id": finding.id, "type": finding.type, "dimension": finding.dimension,
           "severity": finding.severity, "claims": list(finding.claims),
           "articles": list(finding.articles), "summary": finding.summary,
           "reasons": list(finding.reasons)}
    if finding.evidence:  # near-duplicates: the two sentences
        out["evidence"] = [{"article": a, "start": s, "end": e, "text": t} for a, s, e, t in finding.evidence]
    return out


def build_report(articles: Iterable[Article] | Mapping[str, Article], claims: Iterable[Claim],
                 findings: Iterable[Finding], names=None) -> dict:
    """The JSON report of ARCHITECTURE.md's contract (version 1), with the disputed facts the
    findings are about (`facts`, labelled in the wording of `names`) and the scheme its finding
    ids are made with."""
    from checker.compare.disputes import disputed_facts

    if not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    claims, findings = list(claims), list(findings)
    return {"version": REPORT_VERSION, "fingerprint_scheme": FINGERPRINT_SCHEME,
            "articles": [article_json(a) for a in sorted(articles.values(), key=lambda a: a.id)],
            "claims": [claim_json(c) for c in claims],
            "findings": [finding_json(f) for f in findings],
            "facts": disputed_facts(articles, claims, findings, names=names)}


# --- baseline ------------------------------------------------------------------------------

class OutdatedBaseline(ValueError):
    """A baseline whose finding ids were made by an earlier scheme: it suppresses nothing now
    and must be remade (`checker baseline`)."""


def baseline_file(report: dict) -> dict:
    """What `checker baseline` writes: the fingerprints of a report's findings."""
    return {"version": 2, "fingerprint_scheme": FINGERPRINT_SCHEME,
            "fingerprints": sorted(f["id"] for f in report["findings"])}


def _scheme(baseline: Mapping, ids: set[str]) -> int:
    if "fingerprint_scheme" in baseline:
        return int(baseline["fingerprint_scheme"])
    return 1 if ids else FINGERPRINT_SCHEME  # an empty old baseline suppressed nothing anyway


def known_fingerprints(baseline) -> set[str]:
    """A baseline is a report, a {"fingerprints": [...]} file, or a collection of ids. One made
    before finding ids were per disagreement (scheme 1: 40-digit ids per pair of claims) raises
    OutdatedBaseline: its ids match nothing any more."""
    if baseline is None:
        return set()
    if isinstance(baseline, Mapping):
        if "fingerprints" in baseline:
            ids = {str(f) for f in baseline["fingerprints"]}
        else:
            ids = {str(f["id"]) for f in baseline.get("findings", []) if isinstance(f, Mapping) and "id" in f}
        scheme = _scheme(baseline, ids)
    else:
        ids = {str(f) for f in baseline}
        scheme = 1 if any(len(i) == 40 for i in ids) else FINGERPRINT_SCHEME
    if scheme != FINGERPRINT_SCHEME:
        raise OutdatedBaseline(
            f"the baseline was made by an earlier checker (finding id scheme {scheme}; this one makes "
            f"scheme {FINGERPRINT_SCHEME}), so its {len(ids)} fingerprints "
            f"match nothing now: remake it with `checker baseline PATH... --out FILE`")
    return ids


def new_findings(report: dict, baseline) -> list[dict]:
    """The report's findings whose fingerprints the baseline does not hold."""
    known = known_fingerprints(baseline)
    return [f for f in report["findings"] if f["id"] not in known]


# --- markdown ------------------------------------------------------------------------------

def _cell(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> str:
    """Evidence as a blockquote; page text may hold HTML-like bits GitHub would render."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "> " + text


def _outlet_line(article: dict | None, article_id: str, w) -> str:
    if article is None:
        return f"\u2014 {article_id}"
    name = article.get("source") or article_id
    published = article.get("published")
    day = day_text(date.fromisoformat(published) if published else None, w)
    link = f"[{_cell(name)}]({article['url']})" if article.get("url") else f"**{_cell(name)}**"
    return f"\u2014 {link}, {day} (`{article_id}`)"


def _value_cell(value, names=None) -> str:
    w = wording_of(names)
    if isinstance(value, Mapping):
        low, high = value.get("low"), value.get("high")
        if low is not None and high is not None:
            if low == high:
                return _figure(low, w)
            low, high = shown_range(low, high)
            return w.phrase("range", low=_figure(low, w), high=_figure(high, w))
        if low is not None:
            return w.phrase("more_than" if value.get("low_open") else "at_least", n=_figure(low, w))
        if high is not None:
            return w.phrase("fewer_than" if value.get("high_open") else "up_to", n=_figure(high, w))
        return w.phrase("any_value")
    if isinstance(value, str) and _ISO_DAYS.fullmatch(value):  # an event's day or run of days
        days = [date.fromisoformat(d) for d in value.split("/")]
        return days_text(days[0], days[-1], w)
    return w.get(f"stance.{value}", str(value)) if value is not None else "\u2014"  # a stance


_ISO_DAYS = re.compile(r"\d{4}-\d\d-\d\d(?:/\d{4}-\d\d-\d\d)?")


def _figure(x: float, w) -> str:
    text = f"{int(x):,}" if float(x).is_integer() else f"{x:,}"
    return text.translate(str.maketrans({",": w.group_mark, ".": w.decimal_mark}))


def _word(w, kind: str, code: str) -> str:
    """A code the report shows (a finding's type, severity or dimension, a value's status) in words."""
    return w.get(f"{kind}.{code}", code)


def _facts_markdown(report: dict, numbers: dict, w) -> list[str]:
    """The disputed facts, each with its values by source and reference time."""
    facts = report.get("facts") or []
    if not facts:
        return []
    lines = [f"### {w.phrase('report_facts')}", ""]
    for n, fact in enumerate(facts, 1):
        label = fact["label"][:1].upper() + fact["label"][1:]
        refs = ", ".join(f"#{n}" for n in sorted(numbers[f] for f in fact["findings"] if f in numbers))
        lines += [f"**{n}. {_cell(label)}**" + (" \u2014 " + w.phrase("report_fact_findings", refs=refs) if refs else ""),
                  "", w.phrase("report_facts_head"), "| --- | ---: | --- | --- | --- |"]
        for value in fact["values"]:
            when = days_text(date.fromisoformat(value["when"]) if value.get("when") else None,
                             date.fromisoformat(value["until"]) if value.get("until") else None, w)
            if value.get("day_part") is not None:
                when += ", " + _word(w, "day_part", str(value["day_part"]))
            lines.append(f"| {when} | {_cell(_value_cell(value['value'], w))} | {_cell(value['source'])} | "
                         f"{_cell(', '.join(value['outlets']))} | {_cell(_word(w, 'status', value['status']))} |")
        lines.append("")
    return lines


def to_markdown(report: dict, names=None) -> str:
    """A pull-request comment: the disputed facts first (values by source and time), then a table
    of findings by type and each finding with its evidence, the real disagreements first. Its
    words are the wording's of `names` (default: the default report language)."""
    w = wording_of(names)
    findings = report["findings"]
    claims = {c["id"]: c for c in report["claims"]}
    articles = {a["id"]: a for a in report["articles"]}
    flagged = sum(1 for f in findings if f["type"] in FLAGS and not reviewer_confirmed(f))
    facts = report.get("facts") or []
    lines = [f"## {w.phrase('report_title')}", "",
             w.phrase("report_counts", articles=count_text(len(report["articles"]), "article", w),
                      claims=count_text(len(report["claims"]), "claim", w),
                      findings=count_text(len(findings), "finding", w), flagged=flagged,
                      facts=count_text(len(facts), "disputed_fact", w)), ""]
    known = sum(1 for f in findings if reviewer_confirmed(f))
    if known or report.get("dismissed"):
        lines += [f"Reviewers' decisions: {known} confirmed (known, reported, not failing), "
                  f"{len(report.get('dismissed') or [])} dismissed (left out).", ""]
    undated = [a["id"] for a in report["articles"] if not a.get("published")]
    if undated:
        lines += [w.phrase("report_undated_one" if len(undated) == 1 else "report_undated_many",
                           ids=", ".join(f"`{_cell(i)}`" for i in undated)), ""]
    if not findings:
        return "\n".join(lines + [w.phrase("report_nothing")]) + "\n"
    numbers = {f["id"]: n for n, f in enumerate(findings, 1)}
    lines += _facts_markdown(report, numbers, w)
    counts = Counter((f["type"], f["severity"]) for f in findings)
    lines += [f"### {w.phrase('report_findings')}", "", w.phrase("report_findings_head"), "| --- | --- | ---: |"]
    for (kind, severity), n in sorted(counts.items(), key=lambda kv: (
            TYPE_ORDER.index(kv[0][0]) if kv[0][0] in TYPE_ORDER else 9, kv[0][1])):
        lines.append(f"| {_cell(_word(w, 'type', kind))} | {_cell(_word(w, 'severity', severity))} | {n} |")
    for number, finding in enumerate(findings, 1):
        kind = _word(w, "type", finding["type"])
        lines += ["", f"#### {number}. {kind[:1].upper() + kind[1:]} ({_word(w, 'dimension', finding['dimension'])}, "
                      f"{_word(w, 'severity', finding['severity'])}) `{finding['id']}`"
                      + (" — known: confirmed by a reviewer" if reviewer_confirmed(finding) else ""), "", finding["summary"], ""]
        for claim_id in finding["claims"]:
            claim = claims.get(claim_id)
            if claim is None:
                lines += [f"> {w.phrase('report_missing_claim', id=claim_id)}", ""]
                continue
            lines += [_quote(claim["evidence"]["text"]), ">",
                      "> " + _outlet_line(articles.get(claim["article"]), claim["article"], w), ""]
        reasons = ", ".join(w.get("reason." + r, r) for r in finding["reasons"]) or w.phrase("report_no_reasons")
        lines.append(w.phrase("report_reasons", reasons=reasons))
    return "\n".join(lines) + "\n"


def reviewer_confirmed(finding: dict) -> bool:
    """Confirmed by a reviewer (checker.desk.decisions.apply_decisions): known, never failing."""
    return (finding.get("decision") or {}).get("state") == "confirmed"


# --- junit ---------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: object) -> str:
    """ElementTree escapes markup; characters XML 1.0 forbids outright are dropped."""
    return _XML_INVALID.sub("", str(text))


def to_junit(report: dict) -> str:
    """Each flagged finding a failed testcase, so CI systems list them; an update is a passing
    case (information only); a clean scan is one passing case."""
    findings = report["findings"]
    claims = {c["id"]: c for c in report["claims"]}
    failures = sum(1 for f in findings if f["type"] in FLAGS and not reviewer_confirmed(f))
    suites = ET.Element("testsuites", name="checker", tests=str(max(len(findings), 1)),
                        failures=str(failures))
    suite = ET.SubElement(suites, "testsuite", name="checker.scan", tests=str(max(len(findings), 1)),
                          failures=str(failures), errors="0", skipped="0")
    if not findings:
        ET.SubElement(suite, "testcase", classname="checker.scan", name="no contradictions")
    for finding in findings:
        case = ET.SubElement(suite, "testcase", classname=f"checker.{finding['type']}.{finding['dimension']}",
                             name=_xml_text(f"{finding['id']} {finding['summary']}"))
        evidence = [f"[{c}] {claims[c]['evidence']['text']}" for c in finding["claims"] if c in claims]
        text = _xml_text("\n".join([f"severity: {finding['severity']}", f"reasons: {', '.join(finding['reasons'])}",
                                    f"articles: {', '.join(finding['articles'])}", *evidence]))
        if finding["type"] not in FLAGS or reviewer_confirmed(finding):
            ET.SubElement(case, "system-out").text = ("known: confirmed by a reviewer\n" if reviewer_confirmed(finding) else "") + text
            continue
        failure = ET.SubElement(case, "failure", type=_xml_text(finding["type"]),
                                message=_xml_text(finding["summary"]))
        failure.text = text
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# --- claims table --------------------------------------------------------------------------

def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def value_text(claim: Claim) -> str:
    value = claim.value
    if value is None:
        return "-"
    scale = _scale(claim)
    low = None if value.low is None else value.low / scale
    high = None if value.high is None else value.high / scale
    if low is not None and high is not None:
        text = _number(low) if low == high else f"{_number(low)}-{_number(high)}"
    elif low is not None:
        text = (">" if value.low_open else ">=") + _number(low)
    elif high is not None:
        text = ("<" if value.high_open else "<=") + _number(high)
    else:
        text = "any"
    return f"{text} {claim.unit}" if claim.kind == "duration" and claim.unit else text


COLUMNS = (("id", 22), ("kind", 10), ("subject", 14), ("measure", 10), ("value", 14), ("where", 10),
           ("when", 10), ("modality", 8), ("speaker", 12), ("stance", 10), ("proposition", 30),
           ("evidence", 60))


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def claims_table(claims: Iterable[Claim], articles: Iterable[Article] = ()) -> str:
    """A fixed-width table of claims for `checker extract`: one line each, long cells cut; then
    a note for each of `articles` that has no publication date."""
    rows = []
    for c in claims:
        rows.append({"id": c.id, "kind": c.kind, "subject": c.subject or "-", "measure": c.measure or "-",
                     "value": value_text(c), "where": c.where or "-", "when": _iso(c.when) or "-",
                     "modality": c.modality, "speaker": c.speaker or "-", "stance": c.stance or "-",
                     "proposition": c.proposition or "-", "evidence": c.evidence.text})
    widths = {name: min(width, max([len(name)] + [len(" ".join(r[name].split())) for r in rows]))
              for name, width in COLUMNS}
    names = [name for name, _ in COLUMNS]
    lines = ["  ".join(name.upper().ljust(widths[name]) for name in names).rstrip(),
             "  ".join("-" * widths[name] for name in names)]
    lines += ["  ".join(_fit(r[name], widths[name]).ljust(widths[name]) for name in names).rstrip()
              for r in rows]
    lines.append(f"{len(rows)} claims")
    lines += [f"{article.id}: {note}" for article in articles for note in article_notes(article)]
    return "\n".join(lines) + "\n"
