"""Per-token write limits hold across the server's workers: the buckets live in one SQLite file
every worker opens (CHECKER_RATE_STORE, made by gunicorn.conf.py), not in each process; on
PostgreSQL they live in the database, shared by every server on it (tests/test_instances.py runs
two)."""
from __future__ import annotations

import requests

from checker.api.guards import WriteRate

from test_api_faults import start_server, stop_server

TROOPS = ("Jakarta - Pentagon mengatakan sekitar 10.000 tentara Korea Utara telah dikirim ke Rusia "
          "pada 1 November 2024.")


def test_two_processes_opening_one_store_share_a_bucket(tmp_path):
    store = str(tmp_path / "rates.sqlite3")
    one, other = WriteRate(6, 2, store), WriteRate(6, 2, store)  # as two workers hold them
    assert one.take("alice") == 0 and other.take("alice") == 0  # the burst of two, spent in both
    assert 9 <= one.take("alice") <= 10 and 9 <= other.take("alice") <= 10
    assert other.take("bob") == 0  # every token has a bucket of its own
    alone, apart = WriteRate(6, 1), WriteRate(6, 1)  # without a store each process counts alone
    assert alone.take("a") == 0 and apart.take("a") == 0 and alone.take("a") > 0


def test_limiters_on_one_postgresql_database_share_a_bucket(tmp_path):
    import uuid

    from sqlalchemy import text

    from conftest import require_postgres
    from test_storage import POSTGRES_SERVER
    from checker.storage import database

    require_postgres(POSTGRES_SERVER)
    name = f"checker_rates_{uuid.uuid4().hex[:10]}"
    url = database.create_database(POSTGRES_SERVER, name)
    engines = [database.make_engine(url) for _ in range(2)]
    try:  # two engines, as two hosts hold them; each with a SQLite file of its own, which the database overrides
        one, other = (WriteRate(6, 2, str(tmp_path / f"{n}.sqlite3"), engine) for n, engine in enumerate(engines))
        assert one.take("alice") == 0 and other.take("alice") == 0  # the burst of two, spent on both
        assert 9 <= one.take("alice") <= 10 and 9 <= other.take("alice") <= 10
        assert other.take("bob") == 0  # every token a bucket of its own
        with engines[0].connect() as db:
            rows = dict(db.execute(text("SELECT account, level FROM rate_buckets")).all())
        assert set(rows) == {"alice", "bob"} and rows["alice"] < 1
        assert not (tmp_path / "0.sqlite3").exists()
    finally:
        for engine in engines:
            engine.dispose()
        database.drop_database(POSTGRES_SERVER, name)


def test_refilled_buckets_are_not_kept_for_ever(tmp_path, monkeypatch):
    """One bucket per client address that ever called /check must not pile up in a worker's
    memory (nor in the shared file): a bucket that has refilled is the same as none."""
    from checker.api import guards

    clock = [1_000_000.0]
    monkeypatch.setattr(guards.time, "time", lambda: clock[0])
    alone = WriteRate(60, 10)
    for n in range(3000):
        alone.take(f"address:10.0.{n // 256}.{n % 256}")
    assert len(alone.buckets) == 3000  # all still refilling: every one kept
    clock[0] += 11  # ten writes at one a second: every bucket is full again
    for n in range(1200):  # past the next pruning point (twice the 2,050 left at the last)
        alone.take(f"address:192.168.{n // 256}.{n % 256}")
    assert len(alone.buckets) == 1200 and "address:10.0.0.0" not in alone.buckets  # the new, live ones only
    assert alone.take("address:192.168.0.0") == 0 and alone.take("address:192.168.0.1") == 0  # the live ones kept
    shared = WriteRate(60, 10, str(tmp_path / "rates.sqlite3"))
    for n in range(WriteRate.PRUNE_EVERY - 1):
        shared.take(f"address:10.1.0.{n}")
    clock[0] += 2 * WriteRate.IDLE_SECONDS
    shared.take("address:10.2.0.1")  # the PRUNE_EVERY-th write deletes the idle rows
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(tmp_path / "rates.sqlite3")) as db:
        assert db.execute("SELECT account FROM buckets").fetchall() == [("address:10.2.0.1",)]


def test_a_tokens_rate_holds_across_gunicorns_workers(tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_RATE_STORE", raising=False)
    monkeypatch.setenv("CHECKER_WRITE_RATE_PER_MINUTE", "1")  # one, then one a minute (a slow first post must
    # not let a refill in: the rules load lazily in each worker)
    process, base = start_server(f"sqlite:///{tmp_path / 'rate.sqlite3'}", tmp_path / "server.log", rate_limited=True)
    try:
        answers = []
        for n in range(12):  # a new connection each (no keep-alive): both workers take some (each
            # with a bucket of its own, two or more would pass)
            answers.append(requests.post(base + "/articles", data=f"{TROOPS} ({n})".encode(), timeout=60,
                                         headers={"Authorization": "Bearer fault-token",
                                                  "Content-Type": "text/plain; charset=utf-8"}))
    finally:
        stop_server(process)
    statuses = [a.status_code for a in answers]
    assert statuses.count(201) == 1 and statuses.count(429) == 11, statuses
    assert all(a.headers["Retry-After"] for a in answers if a.status_code == 429)
