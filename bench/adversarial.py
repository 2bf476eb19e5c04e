"""Adversarial texts doubling in size: `python -m bench.adversarial` (and part of `make bench`).

Each text is one sentence made of one unit repeated ("1 ", "8.000 ", a digit run, "3 Januari ")
at 2, 4 and 8 KB, analysed whole (recognise and frame). The growth per doubling is 2 for a
linear engine and 4 for a quadratic one; `adversarial_growth_max` is the worst of them.
"""
from __future__ import annotations

import json
import time

UNITS = {"ones": "1 ", "grouped": "8.000 ", "digits": "1", "dates": "3 Januari ", "words": "seribu "}
SIZES_KB = (2, 4, 8)


def _seconds(analyse, article) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two: less of the machine's noise
        start = time.perf_counter()
        analyse(article)
        best = min(best, time.perf_counter() - start)
    return best


def adversarial() -> dict:
    from checker.model import Article
    from checker.pipeline import analyse as run
    from checker.rulebook import default_rules

    rules = default_rules()

    def analyse(article):
        return run(article, rules)
    analyse(Article(id="warm", body="Pentagon mengatakan 8.000 tentara tiba.", language="id"))
    out: dict = {}
    worst = 0.0
    for name, unit in UNITS.items():
        times = []
        for kb in SIZES_KB:
            body = "Pentagon mengatakan " + unit * (kb * 1024 // len(unit)) + "tentara tiba."
            seconds = _seconds(analyse, Article(id=f"{name}{kb}", body=body, language="id"))
            out[f"adversarial_{name}_{kb}kb_s"] = round(seconds, 3)
            times.append(seconds)
        growth = max(b / a for a, b in zip(times, times[1:]) if a > 0.005) if times[0] > 0.005 else 1.0
        out[f"adversarial_{name}_growth"] = round(growth, 2)
        worst = max(worst, growth)
    out["adversarial_growth_max"] = round(worst, 2)
    return out


if __name__ == "__main__":
    print(json.dumps(adversarial(), indent=2))
