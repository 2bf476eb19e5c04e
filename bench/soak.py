"""A soak of the real service: `python -m bench.soak` (a line of `make bench`).

gunicorn with the project's gunicorn.conf.py (2 workers) over a fresh SQLite file, and a
moderate load for BENCH_SOAK_SECONDS (default 600): 2 clients, each posting a new synthetic
article, reading it back, listing articles and findings, and checking a pair with POST /check,
with a pause between requests. The RSS of each worker is sampled every BENCH_SOAK_SAMPLE_SECONDS
(10); growth is measured from the end of the warm-up (the first tenth of the run, at least 30 s:
rules, pint and dateparser load lazily) to the end of the run, per worker. RSS counts the pages of
the database file a worker has mapped (SQLite reads through mmap): the kernel's page cache, shared
by every connection and worker and given back under pressure, that grows with the file; a worker's
own memory is its anonymous RSS (heap, SQLite's page caches), where a leak would show.

Merges into bench/results.json (other keys kept): soak_rss_growth_mb (the largest growth of
one worker's RSS, in MB), soak_private_growth_mb (the same of its anonymous RSS),
soak_rss_series_mb and soak_private_series_mb (the largest worker's, once a minute after the
warm-up), soak_rss_mb (per worker: RSS and anonymous RSS after the warm-up and at the end),
soak_database_mb (the file at the end), soak_seconds, soak_requests and soak_statuses.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from bench.api_load import _children, _free_port, _rss_kb, stop_server  # one way to run and watch gunicorn

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
TOKEN = "soak-token"
WORKERS = 2
CLIENTS = 2
PAUSE_S = 0.2  # between one client's requests: a moderate load, not a saturating one


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    return _rss_kb(pid, field) / 1024


def _workers(master: int) -> list[int]:
    return sorted(_children(master))


def start_server(db_url: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, CHECKER_DATABASE_URL=db_url, CHECKER_API_TOKEN=TOKEN,
               CHECKER_BIND=f"127.0.0.1:{port}", CHECKER_WORKERS=str(WORKERS),
               CHECKER_WRITE_RATE_PER_MINUTE="0", CHECKER_CHECK_RATE_PER_MINUTE="0")
    env.pop("CHECKER_ACCESS_LOG", None)
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.get(base + "/health", timeout=10).status_code == 200 and len(_workers(process.pid)) == WORKERS:
                return process, base
        except requests.RequestException:  # not listening yet
            pass
        time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("server did not answer /health in time")


def client(base: str, n: int, until: float, tally: dict, lock: threading.Lock) -> None:
    from bench.corpus import article

    writes = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}

    def count(code) -> None:
        with lock:
            tally[str(code)] = tally.get(str(code), 0) + 1

    k = 0
    with requests.Session() as session:
        while time.monotonic() < until:
            index = n + CLIENTS * k
            steps = [
                lambda: session.post(base + "/articles", data=article(index)[1].encode(), headers=writes, timeout=60),
                lambda: session.get(base + "/articles", params={"per_page": 20}, timeout=60),
                lambda: session.get(base + "/findings", params={"per_page": 20}, timeout=60),
                lambda: session.post(base + "/check", headers={"Authorization": writes["Authorization"]}, json={"articles": [{"text": article(index)[1]},
                                                                         {"text": article(index + 1)[1]}]}, timeout=60),
            ]
            for step in steps:
                try:
                    count(step().status_code)
                except requests.RequestException as error:
                    count(type(error).__name__)
                time.sleep(PAUSE_S)
            k += 1


def soak(seconds: float, sample_every: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="checker-soak-"))
    process, base = start_server(f"sqlite:///{folder / 'soak.sqlite3'}", folder / "server.log")
    try:
        workers = _workers(process.pid)
        warmup = max(30.0, seconds / 10)
        began = time.monotonic()
        until = began + seconds
        tally: dict = {}
        lock = threading.Lock()
        threads = [threading.Thread(target=client, args=(base, n, until, tally, lock), daemon=True)
                   for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        samples: list[tuple[float, dict[int, tuple[float, float]]]] = []
        while time.monotonic() < until:
            time.sleep(min(sample_every, max(0.0, until - time.monotonic())))
            samples.append((time.monotonic() - began, {pid: (_rss_mb(pid), _rss_mb(pid, "RssAnon")) for pid in workers}))
        for thread in threads:
            thread.join(timeout=120)
        if _workers(process.pid) != workers:
            raise RuntimeError(f"a worker was replaced during the soak ({workers} -> {_workers(process.pid)}): "
                               f"see {folder / 'server.log'}")
    finally:
        stop_server(process)
    database_bytes = (folder / "soak.sqlite3").stat().st_size
    after_warmup = next(rss for at, rss in samples if at >= warmup)
    at_end = samples[-1][1]
    kept = [rss for at, rss in samples if at >= warmup][::max(1, round(60 / sample_every))]
    figures: dict = {}
    for n, name in enumerate(("rss", "private")):
        growth = {pid: round(at_end[pid][n] - after_warmup[pid][n], 1) for pid in workers}
        figures[f"soak_{name}_growth_mb"] = max(growth.values())
        # one point a minute of the largest worker: a plateau (caches filling) or a slope (a leak)
        figures[f"soak_{name}_series_mb"] = [round(max(v[n] for v in rss.values()), 1) for rss in kept]
    figures["soak_rss_mb"] = {f"worker{n + 1}": {"after_warmup": round(after_warmup[pid][0], 1), "end": round(at_end[pid][0], 1),
                                                 "private_after_warmup": round(after_warmup[pid][1], 1),
                                                 "private_end": round(at_end[pid][1], 1)}
                              for n, pid in enumerate(workers)}
    return {**figures, "soak_database_mb": round(database_bytes / 2**20, 1), "soak_seconds": round(seconds),
            "soak_requests": sum(tally.values()), "soak_statuses": tally}


def merge_into(path: Path, figures: dict) -> None:
    """Adds the soak's keys to the results file, keeping every other key as it is."""
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results.update(figures)
    path.write_text(json.dumps(results, indent=2), encoding="utf-8")


def main() -> int:
    seconds = float(os.environ.get("BENCH_SOAK_SECONDS", 600))
    sample_every = float(os.environ.get("BENCH_SOAK_SAMPLE_SECONDS", 10))
    figures = soak(seconds, sample_every)
    merge_into(RESULTS, figures)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
