"""`make peer`: score the recognisers on other projects' test cases (tests/peer/).

Prints a table per suite and dimension and writes bench/peer.json:
  {"suites": [{suite, lang, dimension, cases, correct, accuracy, out_of_scope}],
   "dateparser_agreement": [{lang, spans, agree, differ, dateparser_none, open, differ_examples}],
   "comparison": {...},   (IndoNLI pairs run through the whole checker)
   "goals": [{goal, correct, cases, figure, target, met}]}
`dateparser_agreement` runs dateparser over every date span our rules find in the news corpora
and the sentence sets, and counts where its day falls within ours (bench/peer_dates.py).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER = HERE.parent / "tests" / "peer"


def suite_rows() -> list[dict]:
    from bench import peer_dates, peer_numbers

    return peer_numbers.score() + peer_dates.score()


def comparison() -> dict:
    """IndoNLI premise/hypothesis pairs as two articles of the same day: entailment and neutral
    pairs should raise nothing; contradiction pairs that differ by a number or date should."""
    from checker.compare import compare_all
    from checker.ingest import IngestError, parse_article
    from checker.pipeline import analyse
    from checker.rulebook import default_rules

    rules = default_rules()
    day = date(2024, 1, 1).isoformat()
    counts = {"entailment_pairs": 0, "entailment_flagged": 0, "neutral_pairs": 0,
              "neutral_flagged": 0, "contradiction_pure_pairs": 0, "contradiction_pure_flagged": 0}
    pairs = []
    for name in ("minimal_pairs_heuristic.jsonl", "diagnostic.jsonl"):
        path = PEER / "indonli" / name
        pairs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    id_rules = rules.for_language("id")
    for pair in pairs:
        label = pair["label"]
        if label == "contradiction" and not (pair.get("pure_substitution")
                                             and _differs_by_figure(pair, id_rules)):
            continue  # the goal counts pure substitutions of a number or a date only
        articles, claims = {}, []
        try:
            for role in ("premise", "hypothesis"):
                article = parse_article(pair[role], article_id=f"{pair['pair_id']}-{role}", rules=rules,
                                        meta={"published": day, "language": "id", "source": role})
                article, found = analyse(article, rules)
                articles[article.id] = article
                claims += found
        except IngestError:
            continue
        flagged = bool(compare_all(claims, articles, rules))
        key = {"entailment": "entailment", "neutral": "neutral", "contradiction": "contradiction_pure"}[label]
        counts[f"{key}_pairs"] += 1
        counts[f"{key}_flagged"] += int(flagged)
    return counts


def _differs_by_figure(pair: dict, id_rules) -> bool:
    """Whether the hypothesis's new tokens carry a number or a date (not only a negator)."""
    from checker.recognise.dates import find_dates
    from checker.recognise.numbers import parse_number

    new = " ".join(pair.get("hypothesis_new_tokens", []))
    return any(parse_number(token, id_rules) is not None for token in pair.get("hypothesis_new_tokens", [])) \
        or bool(find_dates(new, id_rules, None))


# The goals of the peer issue, each read over the rows it names: a language's numbers are every
# number row of that language (the counts in text, the number words, the written formats), its
# dates every date row (the peer's cases and our own corpora), so one suite's few cases do not
# decide alone; each row keeps its own figure in the table above.
_NUMBER_DIMENSIONS = ("number", "number_in_text", "number_format")


def goals(rows: list[dict], compared: dict) -> list[dict]:
    """Each goal with its figure over the rows it covers, its target and whether it is met."""
    def over(goal: str, picked: list[dict], target: float) -> dict:
        cases = sum(r["cases"] for r in picked)
        correct = sum(r["correct"] for r in picked)
        figure = correct / cases if cases else 0.0
        return {"goal": goal, "correct": correct, "cases": cases, "figure": figure, "target": target,
                "met": figure >= target}

    out = [over(f"{r['suite']} en date, in scope", [r], 0.95)
           for r in rows if r["lang"] == "en" and r["dimension"] == "date"]
    out.append(over("number ranges", [r for r in rows if r["dimension"] == "number_range"], 0.95))
    for lang in ("en", "id", "ms"):
        out.append(over(f"numbers, {lang}", [r for r in rows if r["lang"] == lang
                                              and r["dimension"] in _NUMBER_DIMENSIONS], 0.98))
    out.append(over("Indonesian dates (dateparser's cases and our corpora)",
                    [r for r in rows if r["lang"] == "id" and r["dimension"] == "date"], 0.95))
    for r in rows:
        if r["dimension"] == "date":
            total = r["cases"] + r["out_of_scope"]
            share = r["out_of_scope"] / total if total else 0.0
            out.append({"goal": f"{r['suite']} {r['lang']} date: out of scope", "correct": r["out_of_scope"],
                        "cases": total, "figure": share, "target": 0.10, "met": share < 0.10})
    pure = compared["contradiction_pure_pairs"]
    flagged = compared["contradiction_pure_flagged"]
    out.append(over("IndoNLI pure number/date substitutions flagged",
                    [{"cases": pure, "correct": flagged}], 0.80))
    wrong = compared["entailment_flagged"] + compared["neutral_flagged"]
    out.append({"goal": "IndoNLI entailment and neutral pairs flagged", "correct": wrong,
                "cases": compared["entailment_pairs"] + compared["neutral_pairs"], "figure": wrong,
                "target": 0, "met": wrong == 0})
    return out


def main() -> int:
    rows = suite_rows()
    print(f"{'suite':<22}{'lang':<6}{'dimension':<15}{'cases':>7}{'correct':>9}{'accuracy':>10}{'out of scope':>14}")
    for r in rows:
        print(f"{r['suite']:<22}{r['lang']:<6}{r['dimension']:<15}{r['cases']:>7}{r['correct']:>9}"
              f"{r['accuracy'] or 0:>10.1%}{r['out_of_scope']:>14}")
    print("\nout of scope, by reason (share of the suite):")
    for r in rows:
        if r["out_of_scope"]:
            share = r["out_of_scope"] / (r["cases"] + r["out_of_scope"])
            reasons = ", ".join(f"{k} {v}" for k, v in r.get("out_of_scope_by_reason", {}).items())
            print(f"  {r['suite']} {r['lang']} {r['dimension']}: {share:.1%}: {reasons}")
    from bench.peer_dates import dateparser_agreement

    agreement = dateparser_agreement()
    print("\ndateparser's own parse of the date spans our rules found (news corpora, sentence sets):")
    print(f"  {'lang':<6}{'spans':>7}{'agree':>7}{'differ':>8}{'of which convention':>21}{'dateparser none':>17}{'open':>6}")
    for r in agreement:
        print(f"  {r['lang']:<6}{r['spans']:>7}{r['agree']:>7}{r['differ']:>8}{r['convention']:>21}"
              f"{r['dateparser_none']:>17}{r['open']:>6}")
    result = {"suites": rows, "dateparser_agreement": agreement, "comparison": comparison()}
    print("\ncomparison on IndoNLI pairs:")
    for key, value in result["comparison"].items():
        print(f"  {key:<30}{value:>6}")
    result["goals"] = goals(rows, result["comparison"])
    print("\ngoals (a share of out of scope must stay under its target, every other figure reach it):")
    for g in result["goals"]:
        figure = g["figure"] if isinstance(g["figure"], int) else f"{g['figure']:.1%}"
        target = g["target"] if isinstance(g["target"], int) else f"{g['target']:.0%}"
        print(f"  {g['goal']:<56}{g['correct']:>5}/{g['cases']:<5}{figure:>8}  target {target:<5}"
              f"{'met' if g['met'] else 'NOT MET'}")
    (HERE / "peer.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"\nwritten to {(HERE / 'peer.json').relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
