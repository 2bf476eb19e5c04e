"""Per-token write limits hold across the server's workers: the buckets live in one SQLite file
every worker opens (CHECKER_RATE_STORE, made by gunicorn.conf.py), not in each process."""
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
