"""Past one machine: several servers on one PostgreSQL database. Processes that migrate a fresh
database at the same moment all succeed (an advisory lock serialises them), and two gunicorn
instances started at once on ports of their own both come up; a contradicting pair posted one to
each instance, at the same moment, yields the conflict finding, linked to both articles
whichever instance is asked."""
from __future__ import annotations

import multiprocessing
import uuid

import pytest
from sqlalchemy import inspect, text

from bench.api_load import lost_pairs, start_servers, stop_server
from conftest import require_postgres
from test_storage import POSTGRES_SERVER
from checker.storage import database

RACERS = 4


@pytest.fixture
def fresh_postgres():
    require_postgres(POSTGRES_SERVER)
    name = f"checker_instances_{uuid.uuid4().hex[:10]}"
    url = database.create_database(POSTGRES_SERVER, name)
    yield url
    database.drop_database(POSTGRES_SERVER, name)


def _migrate_after(url: str, barrier, errors) -> None:
    engine = database.make_engine(url)
    try:
        barrier.wait(timeout=60)
        database.migrate(engine)
    except Exception as error:  # reported to the test, which fails on it
        errors.put(f"{type(error).__name__}: {error}")
    finally:
        engine.dispose()


def test_processes_migrating_a_fresh_database_at_once_all_succeed(fresh_postgres):
    context = multiprocessing.get_context("spawn")
    barrier, errors = context.Barrier(RACERS), context.Queue()
    racers = [context.Process(target=_migrate_after, args=(fresh_postgres, barrier, errors)) for _ in range(RACERS)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(timeout=120)
    failures = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
    assert failures == [] and [r.exitcode for r in racers] == [0] * RACERS, failures
    engine = database.make_engine(fresh_postgres)
    try:
        with engine.connect() as connection:
            assert len(connection.execute(text("SELECT version_num FROM alembic_version")).all()) == 1
            assert {"articles", "claims", "findings"} <= set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_two_instances_on_one_database_find_a_pair_posted_across_them(fresh_postgres, tmp_path):
    servers = start_servers(fresh_postgres, [tmp_path / "a.log", tmp_path / "b.log"], workers=1)
    try:
        assert len({base for _, base in servers}) == 2
        assert lost_pairs([base for _, base in servers], pairs=3) == 0
    finally:
        for process, _ in servers:
            stop_server(process)


def test_a_tokens_rate_holds_across_instances_on_one_database(fresh_postgres, tmp_path, monkeypatch):
    """Two servers behind one balancer: each has its own SQLite file of buckets, but on PostgreSQL
    the buckets live in the database, so a token gets its rate once, not once per server."""
    import requests

    from bench.api_load import TOKEN

    monkeypatch.setenv("CHECKER_WRITE_RATE_PER_MINUTE", "1")  # one write, then one a minute
    servers = start_servers(fresh_postgres, [tmp_path / "a.log", tmp_path / "b.log"], workers=1)
    try:
        statuses = [requests.post(servers[n % 2][1] + "/articles", timeout=60,
                                  data=f"Jakarta - Pentagon mengatakan sekitar 10.000 tentara Korea Utara ada di Rusia ({n}).".encode(),
                                  headers={"Authorization": f"Bearer {TOKEN}",
                                           "Content-Type": "text/plain; charset=utf-8"}).status_code
                    for n in range(6)]
    finally:
        for process, _ in servers:
            stop_server(process)
    assert statuses.count(201) == 1 and statuses.count(429) == 5, statuses
