"""`make eval`: a strict scorer of the engine on the labelled story clusters of corpus/stories.

    python -m bench.eval [--verbose] [--json bench/eval.json] [--ids FILE] [STORY_DIR...]

Each story (a folder with articles/ and gold.yaml; LABELS.md gives the format) is scanned in
process by `checker scan`'s own function (cli.scan_report), and the
JSON report's claims and findings are scored against the gold labels.

Claims, by kind, one gold claim to at most one project claim (greedy, in gold order):
- STRICT: same article and kind, and
    quantity    mapped subject, mapped measure, value overlap, mapped speaker (a gold null speaker
                must be a project null), the same reference date (`when`);
    stance      mapped speaker, same stance, mapped proposition, the same `when`; the speaker
                matches when the gold id maps to the project speaker OR to any body up its
                government chain (actors rules: a person -> its body -> its state, a ministry ->
                its state, "bpbd@east_java" -> bpbd -> indonesia), because the compare stage
                groups stances by government; a quantity's speaker must map exactly;
    event_date  mapped subject, the same `when`;
    duration    value overlap (in the gold's unit converted to the project's).
  Gold ids map to project ids through corpus/stories/ids.yaml; an unmapped gold id never matches.
  `where` is no strict criterion (a figure's scope is judged through the findings); --verbose
  shows where it differs.
  A gold `when` at month or year grain ("2014-10") matches a project date inside it. The gold
  stance `neutral` (no comment) matches the project's non_confirm and non_denial, which are the
  project's words for it.
- LOOSE, as the reference scorer (score.py of the corpus): quantity = value overlap; stance = same
  polarity (confirm, deny, or neither); event_date = an event_date claim with the gold date
  (score.py accepts a claim of any kind there); duration = any duration claim.
- Value overlap follows score.py's `overlaps`: intervals intersect, a side the gold closes must
  not be open in the claim, and a claim far wider than the gold figure does not count.
Recall = matched gold / gold claims; precision = matched project claims / project claims of that
kind in the story's articles.

Findings: strict = a finding of an expected type on the gold's article pair (or, for a one-article
label, inside that article) and dimension whose claims cover each gold `values` figure; loose =
strict, or any flag (conflict, reversal, correction, discrepancy) there. Traps (`expect: []`) are
flagged when such a flag sits there, covering the trap's values when it gives any. A flag that
sits on no label's articles and dimension is an unlabelled flag (also counted per article).

Prints a table per story and a total line; --verbose prints every miss on one line; --json writes
the totals and per-story figures.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE.parent / "corpus" / "stories"
IDS_FILE = STORIES / "ids.yaml"
KINDS = ("quantity", "stance", "event_date", "duration")
FLAGS = {"conflict", "reversal", "correction", "discrepancy"}
ID_FIELDS = ("subject", "measure", "speaker", "proposition", "where")
STANCE_EQUIVALENTS = {"neutral": {"neutral", "non_confirm", "non_denial"}}
POLARITY = {"confirm": "confirm", "deny": "deny"}  # everything else carries no polarity
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
                "month": 30.4375 * 86400, "year": 365.25 * 86400}
UNMAPPED = object()


# --- ids ---------------------------------------------------------------------------------------

class IdMap:
    """Gold id -> the project ids it accepts, per field (ids.yaml). A null target is the project's
    null (the outlet's own voice); a gold id missing from its section is unmapped."""

    def __init__(self, table: dict | None):
        self.table = {}
        for field in ID_FIELDS:
            section = (table or {}).get(field) or {}
            self.table[field] = {str(k): tuple(v) if isinstance(v, list) else (v,)
                                 for k, v in section.items()}

    @classmethod
    def load(cls, path: Path) -> "IdMap":
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {})

    def targets(self, field: str, gold):
        """The project ids a gold id accepts, or UNMAPPED. A gold null accepts only null."""
        if gold is None:
            return (None,)
        return self.table[field].get(str(gold), UNMAPPED)

    def accepts(self, field: str, gold, project, alternatives=()) -> bool:
        targets = self.targets(field, gold)
        if targets is UNMAPPED:
            return False
        return project in targets or any(a in targets for a in alternatives if a is not None)


def government_chain(parents: dict, actor: str | None) -> list[str]:
    """The bodies an actor speaks for, nearest first: a person -> its ministry -> the state; a
    regional body "bpbd@east_java" -> bpbd -> indonesia."""
    chain, seen = [], {actor}
    if actor and "@" in actor:
        actor = actor.split("@", 1)[0]
        chain.append(actor)
        seen.add(actor)
    while actor in parents and parents[actor] not in seen:
        actor = parents[actor]
        seen.add(actor)
        chain.append(actor)
    return chain


def project_governments() -> dict:
    """actor id -> the body or government it speaks for (a person's body first), from the
    project's compiled actors rules."""
    from checker.rulebook import default_rules

    try:
        actors = default_rules().for_language("id").get("actors")
        parents = dict(getattr(actors, "governments", {}) or {})
        parents.update(getattr(actors, "bodies", {}) or {})
        return parents
    except Exception:  # the scorer still runs, without government chains
        return {}


# --- values ------------------------------------------------------------------------------------

def _bounds(value) -> tuple:
    value = value or {}
    return value.get("low"), value.get("high")


def overlaps(value: dict | None, lo, hi) -> bool:
    """Does a claim's value {low, high} read the gold figure [lo, hi]? (score.py's rules)"""
    clo, chi = _bounds(value)
    if clo is None and chi is None:
        return False
    if (clo is None and lo is not None) or (chi is None and hi is not None):
        return False  # a side open in the claim that the gold closes: it would match anything
    if None not in (clo, chi, lo, hi):
        scale = max(abs(lo), abs(hi), 1.0)
        if chi - clo > max(2 * (hi - lo), 0.5 * scale):
            return False  # far wider than the figure
    low = float("-inf") if clo is None else clo
    high = float("inf") if chi is None else chi
    return low <= (float("inf") if hi is None else hi) and (float("-inf") if lo is None else lo) <= high


def covers(claim: dict, figure: float) -> bool:
    """Does a claim's value hold the figure a finding label names (0.1 % tolerance)?"""
    lo, hi = _bounds(claim.get("value"))
    if lo is None and hi is None:
        return False
    tolerance = max(1, abs(figure) * 0.001)
    return (lo is None or lo - tolerance <= figure) and (hi is None or figure <= hi + tolerance)


def _unit_seconds(unit) -> float | None:
    if not unit:
        return None
    unit = str(unit).lower().strip()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in UNIT_SECONDS else unit
    return UNIT_SECONDS.get(unit)


def duration_overlaps(gold: dict, claim: dict) -> bool:
    lo, hi = (gold.get("value") or [None, None])[:2]
    value = claim.get("value") or {}
    g_unit, p_unit = _unit_seconds(gold.get("unit")), _unit_seconds(value.get("unit"))
    if g_unit and p_unit:
        factor = g_unit / p_unit
        slack = 0.0 if factor == 1 else 0.01  # months and years are average lengths in other units
        lo = None if lo is None else lo * factor * (1 - slack)
        hi = None if hi is None else hi * factor * (1 + slack)
    elif (gold.get("unit") or None) != (value.get("unit") or None) and gold.get("unit"):
        return False
    return overlaps(value, lo, hi)


# --- claims ------------------------------------------------------------------------------------

def stem(name) -> str | None:
    return Path(str(name)).stem if name is not None else None


def iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def same_when(gold, project) -> bool:
    """The same reference date; a gold month or year ("2014-10") holds the project's day in it."""
    gold, project = iso(gold), iso(project)
    if gold is None or project is None:
        return gold == project
    return project == gold or (len(gold) < 10 and project.startswith(gold))


def strict_differences(gold: dict, claim: dict, ids: IdMap, governments: dict) -> list[str]:
    """The strict criteria a project claim fails for a gold claim; [] is a strict match."""
    out = []

    def check(field, ok, got):
        if not ok:
            targets = ids.targets(field, gold.get(field))
            want = "UNMAPPED" if targets is UNMAPPED else "|".join(str(t) for t in targets)
            out.append(f"{field} {gold.get(field)}={want} got {got}")

    if stem(claim.get("article")) != stem(gold.get("article")):
        out.append("article")
    kind = gold.get("kind")
    if claim.get("kind") != kind:
        return out + [f"kind {kind} got {claim.get('kind')}"]
    if kind == "quantity":
        check("subject", ids.accepts("subject", gold.get("subject"), claim.get("subject")), claim.get("subject"))
        check("measure", ids.accepts("measure", gold.get("measure"), claim.get("measure")), claim.get("measure"))
        lo, hi = (gold.get("value") or [None, None])[:2]
        if not overlaps(claim.get("value"), lo, hi):
            out.append(f"value [{lo}, {hi}] got {list(_bounds(claim.get('value')))}")
        check("speaker", ids.accepts("speaker", gold.get("speaker"), claim.get("speaker")), claim.get("speaker"))
    elif kind == "stance":
        speaker = claim.get("speaker")
        chain = government_chain(governments, speaker)
        check("speaker", ids.accepts("speaker", gold.get("speaker"), speaker, chain),
              "/".join(str(s) for s in [speaker] + chain))
        wanted = STANCE_EQUIVALENTS.get(gold.get("stance"), {gold.get("stance")})
        if claim.get("stance") not in wanted:
            out.append(f"stance {gold.get('stance')} got {claim.get('stance')}")
        check("proposition", ids.accepts("proposition", gold.get("proposition"), claim.get("proposition")),
              claim.get("proposition"))
    elif kind == "event_date":
        check("subject", ids.accepts("subject", gold.get("subject"), claim.get("subject")), claim.get("subject"))
    elif kind == "duration":
        if not duration_overlaps(gold, claim):
            out.append(f"value {gold.get('value')} {gold.get('unit')} got "
                       f"{list(_bounds(claim.get('value')))} {(claim.get('value') or {}).get('unit')}")
    if kind != "duration" and not same_when(gold.get("when"), claim.get("when")):
        out.append(f"when {iso(gold.get('when'))} got {claim.get('when')}")
    return out


def polarity(stance) -> str:
    return POLARITY.get(str(stance).lower(), "none")


def loose_match(gold: dict, claim: dict) -> bool:
    """score.py's lenient reading: the kind and the value, the polarity, or the date."""
    if stem(claim.get("article")) != stem(gold.get("article")) or claim.get("kind") != gold.get("kind"):
        return False
    kind = gold.get("kind")
    if kind == "quantity":
        lo, hi = (gold.get("value") or [None, None])[:2]
        return overlaps(claim.get("value"), lo, hi)
    if kind == "stance":
        return polarity(claim.get("stance")) == polarity(gold.get("stance"))
    if kind == "event_date":
        return gold.get("when") is not None and same_when(gold.get("when"), claim.get("when"))
    return True


def assign(golds: list[dict], claims: list[dict], match) -> dict[int, dict]:
    """Greedy one-to-one matching: gold index -> the first unused project claim it matches."""
    used, found = set(), {}
    for i, gold in enumerate(golds):
        for claim in claims:
            if id(claim) not in used and match(gold, claim):
                used.add(id(claim))
                found[i] = claim
                break
    return found


def claim_line(claim: dict) -> str:
    lo, hi = _bounds(claim.get("value"))
    value = f" [{lo}, {hi}]" if claim.get("kind") in ("quantity", "duration") else ""
    stance = f" {claim.get('stance')} {claim.get('proposition')}" if claim.get("kind") == "stance" else ""
    return (f"{claim.get('id')} {claim.get('subject')} {claim.get('measure')}{value}{stance} "
            f"speaker={claim.get('speaker')} when={claim.get('when')} where={claim.get('where')}")


def gold_line(gold: dict) -> str:
    kind = gold.get("kind")
    if kind == "stance":
        what = f"{gold.get('speaker')} {gold.get('stance')} {gold.get('proposition')}"
    elif kind == "event_date":
        what = f"{gold.get('subject')} {gold.get('event') or gold.get('measure') or ''}".rstrip()
    else:
        what = (f"{gold.get('subject')} {gold.get('measure')} {gold.get('value')} "
                f"speaker={gold.get('speaker')}")
    return f"{kind} {what} when={iso(gold.get('when'))}"


def closest(gold: dict, claims: list[dict], ids: IdMap, governments: dict) -> str:
    """The article's project claim nearest to a missed gold claim, and what differs."""
    mine = [c for c in claims if stem(c.get("article")) == stem(gold.get("article"))]
    if not mine:
        return "no project claim in the article"
    scored = sorted(((c.get("kind") != gold.get("kind"), len(d), n, c, d) for n, c in enumerate(mine)
                     for d in [strict_differences(gold, c, ids, governments)]), key=lambda t: t[:3])
    _, _, _, claim, diff = scored[0]
    where = ""
    if gold.get("where") is not None and claim.get("kind") == "quantity" \
            and not ids.accepts("where", gold.get("where"), claim.get("where")):
        where = f" (where {gold.get('where')} got {claim.get('where')})"
    return f"closest {claim_line(claim)}: differs {'; '.join(diff) or 'nothing (taken by another gold claim)'}{where}"


def score_claims(gold_claims: list[dict], claims: list[dict], ids: IdMap, governments: dict,
                 misses: list[str]) -> dict:
    out = {}
    for kind in KINDS:
        golds = [g for g in gold_claims if g.get("kind") == kind]
        mine = [c for c in claims if c.get("kind") == kind]
        if not golds and not mine:
            continue
        by_article: dict = {}
        for c in mine:
            by_article.setdefault(stem(c.get("article")), []).append(c)
        strict = assign(golds, mine, lambda g, c: not strict_differences(g, c, ids, governments))
        loose = assign(golds, mine, loose_match)
        out[kind] = {"gold": len(golds), "project": len(mine), "strict": len(strict), "loose": len(loose)}
        for i, gold in enumerate(golds):
            if i not in strict:
                misses.append(f"miss {stem(gold.get('article'))}: {gold_line(gold)} | "
                              f"{closest(gold, claims, ids, governments)}")
    return out


# --- findings ----------------------------------------------------------------------------------

def candidates(label: dict, findings: list[dict]) -> list[dict]:
    """Findings on the label's article pair (or inside its one article) and dimension."""
    pair = {stem(a) for a in label.get("articles") or []}
    return [f for f in findings if f.get("dimension") == label.get("dimension") and pair <= f["_articles"]
            and (len(pair) > 1 or len(f["_articles"]) == 1)]


def covering(found: list[dict], values, claims: dict) -> list[dict]:
    if not values:
        return found
    return [f for f in found if all(any(covers(claims[i], v) for i in f.get("claims", []) if i in claims)
                                     for v in values)]


def score_findings(labels: list[dict], findings: list[dict], claims: dict, articles: list[str],
                   misses: list[str]) -> dict:
    for f in findings:
        f["_articles"] = {stem(a) for a in f.get("articles", [])}
    res = {"expected": 0, "strict": 0, "loose": 0, "traps": 0, "traps_flagged": 0}
    for label in labels:
        pair = sorted({stem(a) for a in label.get("articles") or []})
        here = candidates(label, findings)
        expect = label.get("expect") or []
        values = label.get("values")
        what = f"{' + '.join(pair)} {label.get('dimension')} {values or ''}".rstrip()
        if expect:
            res["expected"] += 1
            strict = any(f.get("type") in expect for f in covering(here, values, claims))
            loose = strict or any(f.get("type") in FLAGS for f in here)
            res["strict"] += strict
            res["loose"] += loose
            if not strict:
                seen = ", ".join(sorted({f"{f.get('type')}" for f in here})) or "nothing"
                misses.append(f"missed finding {what} expect {expect}; found there: {seen}: {label.get('why', '')}")
        else:
            res["traps"] += 1
            flagged = [f for f in covering(here, values, claims) if f.get("type") in FLAGS]
            if flagged:
                res["traps_flagged"] += 1
                misses.append(f"TRAP flagged {what} as {flagged[0].get('type')} ({flagged[0].get('summary', '')}): "
                              f"{label.get('why', '')}")
    labelled = [f for label in labels for f in candidates(label, findings)]
    unlabelled = [f for f in findings if f.get("type") in FLAGS and not any(f is g for g in labelled)]
    per_article = {a: 0 for a in articles}
    for f in unlabelled:
        for a in f["_articles"]:
            per_article[a] = per_article.get(a, 0) + 1
        misses.append(f"unlabelled {f.get('type')} {' + '.join(sorted(f['_articles']))} {f.get('dimension')}: "
                      f"{f.get('summary', '')}")
    res["unlabelled_flags"] = len(unlabelled)
    res["unlabelled_per_article"] = round(len(unlabelled) / max(len(articles), 1), 2)
    res["unlabelled_by_article"] = {a: n for a, n in sorted(per_article.items()) if n}
    for f in findings:
        del f["_articles"]
    return res


# --- a story -----------------------------------------------------------------------------------

def scan_report(story: Path) -> dict:
    """The JSON report `checker scan <story>/articles --format json` prints, built in process."""
    from checker.cli import scan_report as scan

    return scan([str(story / "articles")])[0]


def score_story(story: Path, ids: IdMap, governments: dict, report: dict | None = None) -> dict:
    gold = yaml.safe_load((story / "gold.yaml").read_text(encoding="utf-8")) or {}
    misses: list[str] = []
    if report is None:
        report = scan_report(story)
    claims = [dict(c, article=stem(c.get("article"))) for c in report.get("claims", [])]
    findings = [dict(f) for f in report.get("findings", [])]
    articles = sorted({stem(a.get("id")) for a in report.get("articles", [])}
                      | {stem(p) for p in (story / "articles").glob("*") if p.is_file()})
    result = {"articles": len(articles), "claims": score_claims(gold.get("claims") or [], claims, ids,
                                                                  governments, misses)}
    result["findings"] = score_findings(gold.get("findings") or [], findings,
                                        {c.get("id"): c for c in claims}, articles, misses)
    result["misses"] = misses
    return result


def failed_story(story: Path, error: Exception) -> dict:
    """A story the engine cannot scan scores zero: every gold claim and finding missed."""
    gold = yaml.safe_load((story / "gold.yaml").read_text(encoding="utf-8")) or {}
    claims = {}
    for g in gold.get("claims") or []:
        row = claims.setdefault(g.get("kind"), {"gold": 0, "project": 0, "strict": 0, "loose": 0})
        row["gold"] += 1
    labels = gold.get("findings") or []
    n = len(list((story / "articles").glob("*")))
    return {"articles": n, "claims": claims, "error": f"{type(error).__name__}: {error}",
            "findings": {"expected": sum(1 for f in labels if f.get("expect")), "strict": 0, "loose": 0,
                         "traps": sum(1 for f in labels if not f.get("expect")), "traps_flagged": 0,
                         "unlabelled_flags": 0, "unlabelled_per_article": 0.0, "unlabelled_by_article": {}},
            "misses": []}


# --- totals and printing -----------------------------------------------------------------------

def ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def with_rates(claims: dict) -> dict:
    out = {}
    for kind, row in claims.items():
        out[kind] = dict(row, strict_recall=ratio(row["strict"], row["gold"]),
                         strict_precision=ratio(row["strict"], row["project"]),
                         loose_recall=ratio(row["loose"], row["gold"]),
                         loose_precision=ratio(row["loose"], row["project"]))
    return out


def totals(results: dict) -> dict:
    claims: dict = {}
    finds = {"expected": 0, "strict": 0, "loose": 0, "traps": 0, "traps_flagged": 0, "unlabelled_flags": 0}
    articles = 0
    for r in results.values():
        articles += r["articles"]
        for kind, row in r["claims"].items():
            acc = claims.setdefault(kind, {"gold": 0, "project": 0, "strict": 0, "loose": 0})
            for key in acc:
                acc[key] += row[key]
        for key in finds:
            finds[key] += r["findings"][key]
    all_claims = {key: sum(row[key] for row in claims.values()) for key in ("gold", "project", "strict", "loose")}
    finds.update(strict_recall=ratio(finds["strict"], finds["expected"]),
                 loose_recall=ratio(finds["loose"], finds["expected"]),
                 unlabelled_per_article=round(finds["unlabelled_flags"] / max(articles, 1), 2))
    return {"articles": articles, "claims": with_rates(dict(sorted(claims.items(), key=lambda kv: KINDS.index(kv[0])
                                                                     if kv[0] in KINDS else 99))),
            "all_claims": with_rates({"all": all_claims})["all"], "findings": finds}


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} {n / d:.2f}" if d else "-"


def print_story(name: str, r: dict) -> None:
    print(f"{name} ({r['articles']} articles){'  SCAN FAILED: ' + r['error'] if r.get('error') else ''}")
    print(f"  {'claims':<11}{'gold':>5}{'proj':>6}  {'strict recall':>14}  {'strict prec.':>13}  "
          f"{'loose recall':>13}  {'loose prec.':>13}")
    for kind in sorted(r["claims"], key=lambda k: KINDS.index(k) if k in KINDS else 99):
        row = r["claims"][kind]
        print(f"  {kind:<11}{row['gold']:>5}{row['project']:>6}  {_pct(row['strict'], row['gold']):>14}  "
              f"{_pct(row['strict'], row['project']):>13}  {_pct(row['loose'], row['gold']):>13}  "
              f"{_pct(row['loose'], row['project']):>13}")
    f = r["findings"]
    print(f"  findings: strict {_pct(f['strict'], f['expected'])}, loose {_pct(f['loose'], f['expected'])}; "
          f"traps flagged {f['traps_flagged']}/{f['traps']}; unlabelled flags {f['unlabelled_flags']} "
          f"({f['unlabelled_per_article']:.2f}/article)")


def total_line(t: dict) -> str:
    c, f = t["all_claims"], t["findings"]
    by_kind = ", ".join(f"{k} {row['strict']}/{row['gold']}" for k, row in t["claims"].items())
    return (f"total: claims strict recall {_pct(c['strict'], c['gold'])} precision {_pct(c['strict'], c['project'])}"
            f" ({by_kind}); loose recall {_pct(c['loose'], c['gold'])} precision {_pct(c['loose'], c['project'])}; "
            f"findings strict {_pct(f['strict'], f['expected'])} loose {_pct(f['loose'], f['expected'])}; "
            f"traps flagged {f['traps_flagged']}/{f['traps']}; unlabelled flags {f['unlabelled_flags']} "
            f"({f['unlabelled_per_article']:.2f}/article)")


def story_dirs(paths: list[str]) -> list[Path]:
    if not paths:
        return sorted(p for p in STORIES.iterdir() if (p / "gold.yaml").is_file())
    found = []
    for raw in paths:
        path = Path(raw)
        if (path / "gold.yaml").is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.iterdir() if (p / "gold.yaml").is_file())
        else:
            raise SystemExit(f"eval: {raw}: not a story folder (no gold.yaml)")
    return found


def evaluate(stories: list[Path], ids: IdMap) -> dict:
    governments = project_governments()
    results = {}
    for story in stories:
        try:
            results[story.name] = score_story(story, ids, governments)
        except Exception as exc:  # a story the engine cannot scan scores zero, the others still run
            results[story.name] = failed_story(story, exc)
    return {"totals": totals(results),
            "stories": {name: dict(r, claims=with_rates(r["claims"])) for name, r in results.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="*", metavar="STORY_DIR", help="default: every story in corpus/stories")
    ap.add_argument("--verbose", action="store_true", help="print every miss, one line each")
    ap.add_argument("--json", metavar="FILE", help="write the totals and per-story figures here")
    ap.add_argument("--ids", metavar="FILE", default=str(IDS_FILE), help="gold id -> project id table")
    args = ap.parse_args(argv)
    result = evaluate(story_dirs(args.stories), IdMap.load(Path(args.ids)))
    for name, r in result["stories"].items():
        print_story(name, r)
        if args.verbose:
            for line in r["misses"]:
                print("    " + line)
    print(total_line(result["totals"]))
    if args.json:
        doc = {"totals": result["totals"],
               "stories": {n: {k: v for k, v in r.items() if k != "misses"} for n, r in result["stories"].items()}}
        Path(args.json).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
