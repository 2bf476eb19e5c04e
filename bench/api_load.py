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

Past one machine: on PostgreSQL, the smallest store is run again with BENCH_API_INSTANCES
(default 2; 1 leaves it out) gunicorn instances on ports of their own sharing the one database,
started at once (each migrates it as it starts), WORKERS workers in all, the clients spread over
them; then PAIRS contradicting pairs are raced with one post to each instance. Keys:
api_p95_ms_<n>k_postgresql_2x and the others of REPORTED likewise, and api_lost_pairs_<n>k_postgresql_2x
(pairs without a conflict finding linked to both their articles: must be 0).
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


def start_servers(db_url: str, logs: list[Path], workers: int = WORKERS) -> list[tuple[subprocess.Popen, str]]:
    """One gunicorn instance per log, all started at once on one database (each migrating it as
    it starts), on ports of their own; returns them once every one answers /health."""
    started = []
    for log in logs:
        port = _free_port()
        env = dict(os.environ, CHECKER_DATABASE_URL=db_url, CHECKER_API_TOKEN=TOKEN,
                   CHECKER_BIND=f"127.0.0.1:{port}", CHECKER_WORKERS=str(workers))
        env.pop("CHECKER_ACCESS_LOG", None)
        env.pop("CHECKER_RATE_STORE", None)  # as each instance would start on its own
        # the limiter runs, its cost measured, but never refuses: the bench posts as fast as it can
        env.setdefault("CHECKER_WRITE_RATE_PER_MINUTE", "1000000")
        with log.open("wb") as stderr:
            process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT,
                                       env=env, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
        started.append((process, f"http://127.0.0.1:{port}/api/v1", log))
    deadline = time.monotonic() + 120
    waiting = list(started)
    while waiting and time.monotonic() < deadline:
        for process, base, log in list(waiting):
            if process.poll() is not None:
                for other, _, _ in started:
                    stop_server(other)
                raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(base + "/health", timeout=10).status_code == 200:
                    waiting.remove((process, base, log))
            except requests.RequestException:  # not listening yet
                pass
        time.sleep(0.2)
    if waiting:
        for process, _, _ in started:
            stop_server(process)
        raise RuntimeError("server did not answer /health in time")
    return [(process, base) for process, base, _ in started]


def start_server(db_url: str, log: Path) -> tuple[subprocess.Popen, str]:
    return start_servers(db_url, [log])[0]


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _rss_kb(pid: int, field: str = "VmRSS") -> int:
    """A memory figure of /proc/PID/status in kB (VmRSS, RssAnon, RssFile); 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
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


def drive(bases: list[str], first_index: int, seconds: float, first_day, last_day) -> dict:
    """CLIENTS threads, each with its own session, posting new synthetic articles dated between
    `first_day` and `last_day` until the time is up (or MAX_POSTS_PER_CLIENT), client n to
    instance n modulo their number: the latencies of the successful posts and a tally of the rest."""
    from datetime import timedelta

    from bench.corpus import article

    span = (last_day - first_day).days + 1

    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    statuses: list[dict] = [{} for _ in range(CLIENTS)]
    start_line = threading.Barrier(CLIENTS + 1)

    def client(n: int) -> None:
        url = bases[n % len(bases)] + "/articles"
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


def run_store(count: int, seconds: float, db_url: str, folder: Path, instances: int = 1) -> dict:
    """Fill a store of `count` articles, start `instances` servers on it (WORKERS workers in
    all) and drive them; with more than one, then race contradicting pairs across them."""
    from bench.fill import period

    began = time.perf_counter()
    stored = fill(db_url, count)
    fill_s = time.perf_counter() - began
    workers = max(1, WORKERS // instances)
    servers = start_servers(db_url, [folder / f"gunicorn_{count}_{i}.log" for i in range(instances)], workers)
    bases = [base for _, base in servers]
    try:
        findings_before = _count(bases[0], "findings")
        run = drive(bases, count, seconds, *period(count))
        rss = round(sum(server_rss_mb(process.pid) for process, _ in servers), 1)
        lost = lost_pairs(bases) if instances > 1 else None
        after = _count(bases[-1], "articles")
        findings_after = _count(bases[-1], "findings")
    finally:
        for process, _ in servers:
            stop_server(process)
    every = run["latencies"]
    if not every:
        raise RuntimeError(f"no post succeeded: {run['statuses']}")
    posted = after - stored.get("articles", 0)
    figures = {"api_p50_ms": _percentile(every, 0.50), "api_p95_ms": _percentile(every, 0.95),
               "api_p99_ms": _percentile(every, 0.99), "api_store_articles": stored.get("articles", 0),
               "api_rss_mb": rss, "api_posts": len(every),
               "api_posts_per_s": round(len(every) / run["elapsed_s"], 1), "api_statuses": run["statuses"],
               # the workers' mean busy time per post (the inverse of the throughput per worker): 8
               # clients share 2 workers, so the client latency is about CLIENTS / WORKERS times this
               "api_worker_ms_per_post": round(workers * instances * run["elapsed_s"] * 1000 / len(every), 1),
               "findings_per_article": round((findings_after - findings_before) / max(posted, 1), 2),
               "api_store_articles_after": after, "api_store_claims": stored.get("claims", 0),
               "api_store_findings": stored.get("findings", 0), "api_fill_s": round(fill_s, 1),
               "api_instances": instances, "api_workers_per_instance": workers}
    if lost is not None:
        figures.update(api_pairs=PAIRS, api_lost_pairs=lost)
    return figures


PAIRS = 20  # contradicting pairs raced across two instances after a load with several


def pair_texts(n: int) -> tuple[str, str]:
    """Two outlets of their own giving different figures for one fact on one day."""
    day = f"2031-{1 + n % 12:02d}-{1 + n // 12:02d}"

    def text(outlet: str, figure: str) -> str:
        return (f"---\nsource: {outlet}\npublished: {day}\n---\n"
                f"Pentagon mengatakan {figure} tentara Korea Utara telah tiba di Kursk.\n")
    return text(f"Pasangan {n} Satu", "8.000"), text(f"Pasangan {n} Dua", "12.000")


def lost_pairs(bases: list[str], pairs: int = PAIRS) -> int:
    """Race each pair's two posts at once, one to the first instance and one to the second;
    a pair is lost unless a conflict finding is linked to both its articles (whichever
    instance is asked) and returned to one of the two posts."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
    lost = 0
    for n in range(pairs):
        texts = pair_texts(n)
        barrier = threading.Barrier(2)
        answers: list = [None, None]

        def post(k: int) -> None:
            barrier.wait()
            answers[k] = requests.post(bases[k % len(bases)] + "/articles", data=texts[k].encode(),
                                       headers=headers, timeout=120)
        threads = [threading.Thread(target=post, args=(k,)) for k in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if any(a is None or a.status_code != 201 for a in answers):
            lost += 1
            continue
        articles = {a.json()["claims"][0]["article"] for a in answers}
        linked = set.intersection(*({f["id"] for f in requests.get(
            bases[(k + 1) % len(bases)] + "/findings", params={"article": a, "per_page": 200}, timeout=60).json()["items"]
            if f["type"] == "conflict"} for k, a in enumerate(sorted(articles))))
        if not linked or not [f for a in answers for f in a.json()["findings"] if f["id"] in linked]:
            lost += 1
    return lost


POSTGRES_SERVER = os.environ.get("CHECKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REPORTED = ("api_p50_ms", "api_p95_ms", "api_p99_ms", "api_posts_per_s", "api_worker_ms_per_post", "api_rss_mb",
            "findings_per_article")


def _run_backend(backend: str, count: int, seconds: float, folder: Path, instances: int = 1) -> dict:
    import uuid

    from checker.storage import database

    if backend == "sqlite":
        return run_store(count, seconds, f"sqlite:///{folder / f'api_load_{count}.sqlite3'}", folder)
    name = f"checker_bench_{uuid.uuid4().hex[:10]}"
    url = database.create_database(POSTGRES_SERVER, name)
    try:
        return run_store(count, seconds, url, folder, instances)
    finally:
        database.drop_database(POSTGRES_SERVER, name)


def api_load(stores: list[int] | None = None, seconds: float | None = None,
             backends: list[str] | None = None, instances: int | None = None) -> dict:
    from checker.storage import database

    stores = stores or [int(s) for s in os.environ.get("BENCH_API_STORES", "10000,100000").split(",")]
    seconds = seconds if seconds is not None else float(os.environ.get("BENCH_API_SECONDS", "20"))
    instances = instances if instances is not None else int(os.environ.get("BENCH_API_INSTANCES", "2"))
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
            if backend == "postgresql" and instances > 1:  # past one machine: instances on one database
                several = _run_backend(backend, min(stores), seconds, Path(folder), instances)
                for key in REPORTED + ("api_lost_pairs",):
                    results[f"{key}_{_size(min(stores))}{suffix}_{instances}x"] = several[key]
                results["api_runs"][f"{backend}_{instances}x"] = {str(min(stores)): several}
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
