"""The REST service under load on loopback: `python -m bench.api_load` (and part of `make bench`).

For each database (BENCH_API_BACKENDS, default "sqlite,postgresql"; PostgreSQL at
CHECKER_TEST_POSTGRES_URL or 127.0.0.1:5432, a database made and dropped for the run) and each
store size (BENCH_API_STORES, default "10000,100000"), a fresh store is filled with that many
synthetic articles through the repository's bulk insert (bench/fill.py), the real server is
started (gunicorn -c gunicorn.conf.py, 2 workers, a free port on 127.0.0.1), and 8 clients post
NEW synthetic articles for BENCH_API_SECONDS (default 20) each, dated inside the stored period
so that they meet the stored facts. Latency is the client's wall time of one POST, queueing in
the server included.

Keys: api_p50_ms_<n>k, api_p95_ms_<n>k, api_p99_ms_<n>k, api_posts_per_s_<n>k,
api_worker_ms_per_post_<n>k, api_rss_mb_<n>k, findings_per_article_<n>k (findings the store
gained per article posted) for SQLite, the same with a `_postgresql` suffix for PostgreSQL,
api_p95_ratio_<large>k_vs_<small>k (and `_postgresql`), and every figure of every run under
api_runs. findings_per_article is the largest SQLite store's.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token"
CLIENTS = 8
WORKERS = 2
MAX_POSTS_PER_CLIENT = 5_000  # a bound on the count besides the time
WARMUP_POSTS_PER_CLIENT = 2  # rules, pint and dateparser load lazily in each worker: not timed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(db_url: str, count: int) -> dict:
    from bench.fill import fill_store
    from checker.rulebook import default_rules
    from checker.storage.database import make_engine, migrate, session_factory

    engine = make_engine(db_url)
    migrate(engine)
    try:
        return fill_store(session_factory(engine), default_rules(), count)
    finally:
        engine.dispose()


def start_server(db_url: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, CHECKER_DATABASE_URL=db_url, CHECKER_API_TOKEN=TOKEN,
               CHECKER_BIND=f"127.0.0.1:{port}", CHECKER_WORKERS=str(WORKERS))
    env.pop("CHECKER_ACCESS_LOG", None)
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT,
                                   env=env, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.get(base + "/health", timeout=10).status_code == 200:
                return process, base
        except requests.RequestException:  # not listening yet
            pass
        time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("server did not answer /health in time")


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:  # gone meanwhile
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            for line in status.read_text().splitlines():
                if line.startswith("PPid:"):
                    if int(line.split()[1]) == pid:
                        found.append(int(status.parent.name))
                    break
        except OSError:
            continue
    return found


def server_rss_mb(master: int) -> float:
    """VmRSS of the gunicorn master and its workers, summed."""
    return round(sum(_rss_kb(p) for p in [master, *_children(master)]) / 1024, 1)


def _percentile(ordered: list[float], q: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def drive(base: str, first_index: int, seconds: float, first_day, last_day) -> dict:
    """CLIENTS threads, each with its own session, posting new synthetic articles dated between
    `first_day` and `last_day` until the time is up (or MAX_POSTS_PER_CLIENT): the latencies of
    the successful posts and a tally of the rest."""
    from datetime import timedelta

    from bench.corpus import article

    span = (last_day - first_day).days + 1

    url = base + "/articles"
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    statuses: list[dict] = [{} for _ in range(CLIENTS)]
    start_line = threading.Barrier(CLIENTS + 1)

    def client(n: int) -> None:
        with requests.Session() as session:
            def post(k: int) -> tuple[int, float]:
                index = first_index + n + CLIENTS * k
                body = article(index, published=first_day + timedelta(days=(index * 37) % span))[1].encode()
                began = time.perf_counter()
                try:
                    code = session.post(url, data=body, headers=headers, timeout=60).status_code
                except requests.RequestException as error:
                    code = type(error).__name__
                return code, (time.perf_counter() - began) * 1000

            for k in range(WARMUP_POSTS_PER_CLIENT):
                post(k)
            start_line.wait()
            deadline = time.monotonic() + seconds
            for k in range(WARMUP_POSTS_PER_CLIENT, WARMUP_POSTS_PER_CLIENT + MAX_POSTS_PER_CLIENT):
                if time.monotonic() >= deadline:
                    break
                code, ms = post(k)
                statuses[n][code] = statuses[n].get(code, 0) + 1
                if code == 201:
                    latencies[n].append(ms)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start_line.wait(timeout=300)
    began = time.monotonic()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    elapsed = time.monotonic() - began
    every = sorted(ms for values in latencies for ms in values)
    tally: dict = {}
    for counts in statuses:
        for code, n in counts.items():
            tally[str(code)] = tally.get(str(code), 0) + n
    return {"latencies": every, "statuses": tally, "elapsed_s": elapsed}


def _count(base: str, what: str) -> int:
    return requests.get(f"{base}/{what}", params={"per_page": 1}, timeout=60).json()["total"]


def run_store(count: int, seconds: float, db_url: str, folder: Path) -> dict:
    from bench.fill import period

    began = time.perf_counter()
    stored = fill(db_url, count)
    fill_s = time.perf_counter() - began
    process, base = start_server(db_url, folder / f"gunicorn_{count}.log")
    try:
        findings_before = _count(base, "findings")
        run = drive(base, count, seconds, *period(count))
        rss = server_rss_mb(process.pid)
        after = _count(base, "articles")
        findings_after = _count(base, "findings")
    finally:
        stop_server(process)
    every = run["latencies"]
    if not every:
        raise RuntimeError(f"no post succeeded: {run['statuses']}")
    posted = after - stored.get("articles", 0)
    return {"api_p50_ms": _percentile(every, 0.50), "api_p95_ms": _percentile(every, 0.95),
            "api_p99_ms": _percentile(every, 0.99), "api_store_articles": stored.get("articles", 0),
            "api_rss_mb": rss, "api_posts": len(every),
            "api_posts_per_s": round(len(every) / run["elapsed_s"], 1), "api_statuses": run["statuses"],
            # the workers' mean busy time per post (the inverse of the throughput per worker): 8
            # clients share 2 workers, so the client latency is about CLIENTS / WORKERS times this
            "api_worker_ms_per_post": round(WORKERS * run["elapsed_s"] * 1000 / len(every), 1),
            "findings_per_article": round((findings_after - findings_before) / max(posted, 1), 2),
            "api_store_articles_after": after, "api_store_claims": stored.get("claims", 0),
            "api_store_findings": stored.get("findings", 0), "api_fill_s": round(fill_s, 1)}


POSTGRES_SERVER = os.environ.get("CHECKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REPORTED = ("api_p50_ms", "api_p95_ms", "api_p99_ms", "api_posts_per_s", "api_worker_ms_per_post", "api_rss_mb",
            "findings_per_article")


def _run_backend(backend: str, count: int, seconds: float, folder: Path) -> dict:
    import uuid

    from checker.storage import database

    if backend == "sqlite":
        return run_store(count, seconds, f"sqlite:///{folder / f'api_load_{count}.sqlite3'}", folder)
    name = f"checker_bench_{uuid.uuid4().hex[:10]}"
    url = database.create_database(POSTGRES_SERVER, name)
    try:
        return run_store(count, seconds, url, folder)
    finally:
        database.drop_database(POSTGRES_SERVER, name)


def api_load(stores: list[int] | None = None, seconds: float | None = None,
             backends: list[str] | None = None) -> dict:
    from checker.storage import database

    stores = stores or [int(s) for s in os.environ.get("BENCH_API_STORES", "10000,100000").split(",")]
    seconds = seconds if seconds is not None else float(os.environ.get("BENCH_API_SECONDS", "20"))
    backends = backends or [b.strip() for b in os.environ.get("BENCH_API_BACKENDS", "sqlite,postgresql").split(",")]
    results: dict = {"api_seconds": seconds, "api_clients": CLIENTS, "api_workers": WORKERS, "api_runs": {}}
    for backend in backends:
        if backend == "postgresql" and not database.postgres_reachable(POSTGRES_SERVER):
            results["api_runs"]["postgresql"] = "skipped: PostgreSQL not reachable"
            continue
        suffix = "" if backend == "sqlite" else f"_{backend}"
        by_store = {}
        with tempfile.TemporaryDirectory(prefix="api_load_") as folder:
            for count in stores:
                by_store[count] = _run_backend(backend, count, seconds, Path(folder))
                for key in REPORTED:
                    results[f"{key}_{_size(count)}{suffix}"] = by_store[count][key]
        results["api_runs"][backend] = {str(k): v for k, v in by_store.items()}
        if len(stores) >= 2:
            small, large = min(stores), max(stores)
            results[f"api_p95_ratio_{_size(large)}_vs_{_size(small)}{suffix}"] = round(
                by_store[large]["api_p95_ms"] / by_store[small]["api_p95_ms"], 2)
        if backend == "sqlite":
            results["findings_per_article"] = by_store[max(stores)]["findings_per_article"]
    return results


def _size(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def main() -> int:
    print(json.dumps(api_load(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
