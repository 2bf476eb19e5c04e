"""`make bench`: extraction speed against dateparser's search_dates on the same texts, CLI cold
start, `checker scan` throughput on synthetic corpora of 1,000 and 10,000 articles (on every
core, and on one process for the smaller), adversarial sentences doubling in size
(bench/adversarial.py), and the REST service under load on SQLite and PostgreSQL
(bench/api_load.py). Reduced runs: BENCH_SCAN_SIZES (1000,10000), BENCH_API_STORES
(10000,100000), BENCH_API_SECONDS (20), BENCH_API_BACKENDS (sqlite,postgresql),
BENCH_API_INSTANCES (2: gunicorn instances sharing one PostgreSQL in a run of their own; 1: none).

Absolute times drift on shared machines; the ratios (speedup, 10k vs 1k throughput) measured in
the same run are the figures to compare. Writes bench/results.json.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _ms(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def extraction(texts: list[tuple[str, str]], baseline_sample: int) -> dict:
    import dateparser.search

    from checker.frame import sentence_mentions
    from checker.frame.claims import frame_article
    from checker.ingest import parse_article
    from checker.pipeline import infer_published
    from checker.rulebook import default_rules
    from checker.segment import split_sentences

    rules = default_rules()
    stages = dict.fromkeys(("ingest", "segment", "recognise", "frame"), 0.0)

    def extract(name_text):
        """checker.pipeline.analyse of the ingested article, its stages timed."""
        name, text = name_text
        t0 = time.perf_counter()
        article = parse_article(text, article_id=name, rules=rules)
        t1 = time.perf_counter()
        language_rules = rules.for_language(article.language)
        sentences = split_sentences(article.body, language_rules)
        article = infer_published(article, sentences, language_rules)
        t2 = time.perf_counter()
        mentions = sentence_mentions(article, sentences, language_rules)
        t3 = time.perf_counter()
        frame_article(article, mentions, language_rules)
        t4 = time.perf_counter()
        for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            stages[stage] += seconds * 1000

    # the once-per-process costs outside the timing: each language's compiled rules (the first
    # article of each, then forgotten) and pint's unit registry, built on the first duration met
    from checker.units import unit_registry

    unit_registry()
    firsts = {parse_article(text, article_id=name, rules=rules).language: (name, text) for name, text in reversed(texts)}
    for first in firsts.values():
        extract(first)
    from checker.recognise.lexicon import forget_sentences

    forget_sentences()  # no article is timed with its sentences already read
    stages.update(dict.fromkeys(stages, 0.0))
    ours = [_ms(extract, t) for t in texts]
    sample = texts[:baseline_sample]
    # dateparser is told each article's own language (as identified by ingest), as a caller
    # who knows it would: its fastest honest setting
    languages = [parse_article(text, article_id=name, rules=rules).language for name, text in sample]
    theirs = [_ms(lambda t, lang: dateparser.search.search_dates(t, languages=[lang]), text, lang)
              for (_, text), lang in zip(sample, languages)]
    ours_sample = ours[:baseline_sample]
    return {
        "articles": len(texts),
        "kb_per_article": round(statistics.mean(len(t.encode()) for _, t in texts) / 1024, 2),
        "extract_ms_per_article_median": round(statistics.median(ours), 3),
        "dateparser_search_ms_per_article_median": round(statistics.median(theirs), 3),
        "extract_speedup_vs_dateparser": round(statistics.median(theirs) / statistics.median(ours_sample), 1),
        # where the time goes: ingest (front matter, noise rules, language), segment (sentences,
        # the date of an undated article), recognise (every recogniser over every sentence),
        # frame (claims from the mentions); means over the timed articles
        "extract_stage_ms_per_article_mean": {k: round(v / len(texts), 3) for k, v in stages.items()},
    }


def cold_start() -> float:
    env = dict(os.environ)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker.cli", "parse", "sekitar 10.000 tentara", "--lang", "id"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return round(time.perf_counter() - start, 3)


def scan_rate(count: int, jobs: int) -> float:
    """Articles a second of `checker scan` (files read, extraction on `jobs` processes, the
    comparison, the report) on `count` synthetic articles written to a folder."""
    import tempfile

    from bench.corpus import article
    from checker.cli import scan_report

    with tempfile.TemporaryDirectory(prefix="scan_") as folder:
        for i in range(count):
            name, text = article(i)
            (Path(folder) / name).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        scan_report([folder], jobs=jobs)
        return round(count / (time.perf_counter() - start), 1)


def main() -> int:
    from bench.corpus import article

    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    synthetic = [article(i) for i in range(200)]
    results = {"seeds": extraction(seeds, len(seeds))}
    results.update(extraction(seeds + synthetic, 40))
    results["cli_cold_start_s"] = cold_start()
    sizes = [int(s) for s in os.environ.get("BENCH_SCAN_SIZES", "1000,10000").split(",")]
    from checker.cli import default_jobs

    jobs = default_jobs()
    results["scan_jobs"] = jobs
    from bench.api_load import _size

    for size in sizes:
        results[f"scan_articles_per_s_{_size(size)}"] = scan_rate(size, jobs)
    results[f"scan_articles_per_s_{_size(sizes[0])}_one_process"] = scan_rate(sizes[0], 1)
    if len(sizes) == 2:
        small, large = (f"scan_articles_per_s_{_size(s)}" for s in sizes)
        results["scan_rate_ratio_large_vs_small"] = round(results[large] / results[small], 2)
    from bench.adversarial import adversarial

    results.update(adversarial())  # linear time on any input: one sentence doubling in size
    from bench.api_load import api_load

    results.update(api_load())  # the REST service (BENCH_API_STORES, BENCH_API_SECONDS, BENCH_API_BACKENDS)
    width = max(len(k) for k in results)
    for key, value in results.items():
        if isinstance(value, dict):
            for k, v in value.items():
                print(f"{key + '.' + str(k):<{width + 6}} {v}")
        else:
            print(f"{key:<{width + 6}} {value}")
    (HERE / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
