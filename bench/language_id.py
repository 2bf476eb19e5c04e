"""Language identification between close relatives: how often Malay and Indonesian sentences
(tests/data/language_id, and IndoNLI's 2,172 Indonesian premises and hypotheses in
tests/peer/indonli: short encyclopedic and news sentences) are given their own language, by the
checker's identifier (py3langid asked about the rules' languages, helped by the manifests'
distinctive words, a narrow call going to the manifest's identify_default) and by the model
alone. `python -m bench.language_id` prints the confusion table of each."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

SENTENCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "language_id"
INDONLI = Path(__file__).resolve().parent.parent / "tests" / "peer" / "indonli"


def sentences(code: str) -> list[str]:
    lines = (SENTENCES / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def indonli_sentences() -> list[str]:
    import json

    texts = []
    for path in sorted(INDONLI.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                texts += [pair["premise"], pair["hypothesis"]]
    return list(dict.fromkeys(texts))


def confusion(words: bool = True, indonli: bool = False) -> Counter:
    """(true language, identified language) -> sentences, over every labelled file (with
    `indonli`, IndoNLI's sentences as "id (IndoNLI)")."""
    from checker.ingest import _language_identifier, identify_language
    from checker.rulebook import default_rules

    rules = default_rules()
    model = _language_identifier(rules.codes)
    table: Counter = Counter()
    for path in sorted(SENTENCES.glob("*.txt")):
        for sentence in sentences(path.stem):
            found = identify_language(sentence, rules) if words else model.classify(sentence)[0]
            table[(path.stem, found)] += 1
    for sentence in indonli_sentences() if indonli else ():
        found = identify_language(sentence, rules) if words else model.classify(sentence)[0]
        table[("id (IndoNLI)", found)] += 1
    return table


def main() -> None:
    for label, words in (("identifier (model + distinctive words)", True), ("model alone", False)):
        table = confusion(words, indonli=True)
        truths = sorted({t for t, _ in table})
        found = sorted({f for _, f in table})
        print(label)
        print(f"  {'true' + chr(92) + 'found':<14}" + "".join(f"{f:>6}" for f in found) + "  correct")
        for t in truths:
            total = sum(n for (tt, _), n in table.items() if tt == t)
            right = table[(t, t.split()[0])]
            print(f"  {t:<14}" + "".join(f"{table[(t, f)]:>6}" for f in found)
                  + f"  {right}/{total} {right / total:.1%}")


if __name__ == "__main__":
    main()
