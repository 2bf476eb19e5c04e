"""How fast the dashboard answers with a large store: `python -m bench.dashboard_load
[--articles 10000] [--rounds 20]` prints JSON with `dashboard_p95_ms` (the 95th percentile over
every page request) and each page's own p95.

The store is filled through the repository's bulk insert (bench/fill.py). Pages are then timed
in-process through Flask's test client, so the figure is the dashboard's own cost without the network;
the objects alive once the app is built are frozen out of the collector's way first, as each
gunicorn worker does (checker.api.freeze_loaded).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.fill import fill_store


def page_urls(client) -> dict[str, str]:
    """The pages a reviewer opens, with ids taken from the store itself."""
    import re

    findings = client.get("/findings").get_data(as_text=True)
    finding = re.search(r'href="(/findings/[0-9a-f]+)"', findings).group(1)
    facts = client.get("/facts?kind=quantity").get_data(as_text=True)
    fact = re.search(r'href="(/facts/[^"/]+/[^"]+)"', facts).group(1)
    stances = client.get("/facts?kind=stance").get_data(as_text=True)
    stance = re.search(r'href="(/stances/[^"]+)"', stances)
    articles = client.get("/articles").get_data(as_text=True)
    article = re.search(r'href="(/articles/[0-9a-f]+)"', articles).group(1)
    urls = {"overview": "/", "findings": "/findings", "findings_filtered": "/findings?type=conflict&source=Outlet+3",
            "findings_page_50": "/findings?page=50", "finding": finding, "facts": "/facts",
            "timeline": fact, "articles": "/articles", "articles_page_100": "/articles?page=100",
            "article": article, "submit_form": "/submit"}
    if stance:
        urls["stance_timeline"] = stance.group(1)
    story = re.search(r'href="(/stories/[0-9a-f]+)"', client.get("/stories").get_data(as_text=True))
    if story:
        urls.update(stories="/stories", story=story.group(1), findings_open="/findings?decision=open")
    return urls


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2)


def measure(client, urls: dict[str, str], rounds: int) -> dict:
    timings: dict[str, list[float]] = {name: [] for name in urls}
    for name, url in urls.items():
        client.get(url)  # warm: templates compiled, rules loaded
        for _ in range(rounds):
            start = time.perf_counter()
            response = client.get(url)
            timings[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    every = [t for values in timings.values() for t in values]
    return {"dashboard_p95_ms": _p95(every), "dashboard_median_ms": round(statistics.median(every), 2),
            "pages_p95_ms": {name: _p95(values) for name, values in timings.items()},
            "pages_median_ms": {name: round(statistics.median(values), 2) for name, values in timings.items()}}


def main(argv: list[str] | None = None) -> int:
    from checker.api import create_app

    parser = argparse.ArgumentParser(prog="python -m bench.dashboard_load")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--store", help="an SQLite file to keep (filled only when it holds no articles)")
    parser.add_argument("--merge-into", metavar="JSON",
                        help="add dashboard_p95_ms and dashboard_median_ms to this results file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.store) if args.store else Path(folder) / "load.sqlite3"
        app = create_app({"DATABASE_URL": f"sqlite:///{path}", "API_TOKEN": "load"})
        state = app.extensions["checker"]
        from checker.dashboard.seeding import store_is_empty

        start = time.perf_counter()
        stored = fill_store(state.sessions, state.rules, args.articles) if store_is_empty(state.sessions) else {}
        filled_s = round(time.perf_counter() - start, 1)
        result = {"articles": args.articles, "stored": stored, "fill_s": filled_s}
        from checker.api import freeze_loaded

        freeze_loaded()  # as each gunicorn worker does once its app is built (gunicorn.conf.py)
        result.update(measure(app.test_client(), page_urls(app.test_client()), args.rounds))
        state.engine.dispose()
    print(json.dumps(result, indent=2))
    if args.merge_into:
        target = Path(args.merge_into)
        results = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
        results.update({k: result[k] for k in ("dashboard_p95_ms", "dashboard_median_ms") if k in result})
        results["dashboard_store_articles"] = args.articles
        target.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
